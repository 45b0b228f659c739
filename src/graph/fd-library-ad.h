/* fd-library-ad.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define FD_TYPE_LIBRARY_AD (fd_library_ad_get_type ())

G_DECLARE_FINAL_TYPE (FdLibraryAd, fd_library_ad, FD, LIBRARY_AD, GObject)

/* An ad found in Meta's Ad Library, as stored: an immutable snapshot. */

FdLibraryAd        *fd_library_ad_new             (const char  *id,
                                                   const char  *page_id,
                                                   const char  *page_name,
                                                   const char  *start_day,
                                                   const char  *stop_day,
                                                   const char  *bodies_json,
                                                   const char  *titles_json,
                                                   const char  *snapshot_url,
                                                   const char  *platforms_json,
                                                   gint64       eu_total_reach,
                                                   int          days_running);
const char         *fd_library_ad_get_id          (FdLibraryAd *self);
const char         *fd_library_ad_get_page_id     (FdLibraryAd *self);
const char         *fd_library_ad_get_page_name   (FdLibraryAd *self);
const char         *fd_library_ad_get_start_day   (FdLibraryAd *self);
const char         *fd_library_ad_get_stop_day    (FdLibraryAd *self);
const char * const *fd_library_ad_get_bodies      (FdLibraryAd *self);
const char * const *fd_library_ad_get_titles      (FdLibraryAd *self);
const char * const *fd_library_ad_get_platforms   (FdLibraryAd *self);
const char         *fd_library_ad_get_snapshot_url (FdLibraryAd *self);
gint64              fd_library_ad_get_eu_total_reach (FdLibraryAd *self);
int                 fd_library_ad_get_days_running (FdLibraryAd *self);
gboolean            fd_library_ad_get_active      (FdLibraryAd *self);

G_END_DECLS
