/* fd-calendar.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Local days as numbers (days since 1970-01-01), and where they begin. */

int        fd_civil_day_from_text    (const char *text);
char      *fd_civil_day_to_text      (int         day);
int        fd_civil_day_from_instant (GTimeZone  *tz,
                                      gint64      instant);
gint64     fd_civil_day_start        (GTimeZone  *tz,
                                      int         day);
GTimeZone *fd_time_zone_new          (const char *identifier,
                                      gboolean   *known);

G_END_DECLS
