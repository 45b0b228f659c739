/* fd-ad-account.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define FD_TYPE_AD_ACCOUNT (fd_ad_account_get_type ())

G_DECLARE_FINAL_TYPE (FdAdAccount, fd_ad_account, FD, AD_ACCOUNT, GObject)

/**
 * FdAdAccountSyncState:
 * @FD_AD_ACCOUNT_SYNC_NEVER: never synced
 * @FD_AD_ACCOUNT_SYNC_RUNNING: a sync has started and not finished (or its
 *   process was killed; the next sync resumes it)
 * @FD_AD_ACCOUNT_SYNC_OK: the last sync finished
 * @FD_AD_ACCOUNT_SYNC_FAILED: the last sync failed; see the message
 */
typedef enum
{
  FD_AD_ACCOUNT_SYNC_NEVER,
  FD_AD_ACCOUNT_SYNC_RUNNING,
  FD_AD_ACCOUNT_SYNC_OK,
  FD_AD_ACCOUNT_SYNC_FAILED,
} FdAdAccountSyncState;

/* An ad account and the state of its last sync, as an immutable snapshot
 * of its row (see fd-insights-store.h for reading and writing them). */

FdAdAccount          *fd_ad_account_new              (const char   *id,
                                                      const char   *name,
                                                      const char   *currency,
                                                      const char   *timezone,
                                                      const char   *graph_url,
                                                      const char   *api_version);
const char           *fd_ad_account_get_id           (FdAdAccount  *self);
const char           *fd_ad_account_get_name         (FdAdAccount  *self);
const char           *fd_ad_account_get_currency     (FdAdAccount  *self);
const char           *fd_ad_account_get_timezone     (FdAdAccount  *self);
GTimeZone            *fd_ad_account_get_time_zone    (FdAdAccount  *self);
const char           *fd_ad_account_get_graph_url    (FdAdAccount  *self);
const char           *fd_ad_account_get_api_version  (FdAdAccount  *self);
gint64                fd_ad_account_get_created      (FdAdAccount  *self);
FdAdAccountSyncState  fd_ad_account_get_sync_state   (FdAdAccount  *self);
gint64                fd_ad_account_get_last_sync    (FdAdAccount  *self);
gint64                fd_ad_account_get_last_success (FdAdAccount  *self);
const char           *fd_ad_account_get_last_message (FdAdAccount  *self);
const char           *fd_ad_account_get_last_error_kind (FdAdAccount *self);
gint64                fd_ad_account_get_last_rows    (FdAdAccount  *self);

void                  _fd_ad_account_set_sync        (FdAdAccount          *self,
                                                      gint64                created_us,
                                                      FdAdAccountSyncState  state,
                                                      gint64                last_sync_us,
                                                      gint64                last_success_us,
                                                      gint64                last_rows,
                                                      const char           *message,
                                                      const char           *error_kind);

G_END_DECLS
