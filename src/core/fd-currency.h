/* fd-currency.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Money is stored in the currency's minor unit, the way Meta's Marketing API
 * reads and writes budgets: 2500 is €25.00 but ¥2,500. The number of minor
 * units per major unit is Meta's "offset" for the currency. */

int       fd_currency_get_offset   (const char  *currency);
double    fd_currency_to_major     (gint64       minor,
                                    const char  *currency);
gint64    fd_currency_round_minor  (double       major,
                                    const char  *currency);
gboolean  fd_currency_parse_major  (const char  *text,
                                    const char  *currency,
                                    gint64      *minor,
                                    GError     **error);
char     *fd_currency_format       (gint64       minor,
                                    const char  *currency);
char     *fd_currency_format_major (double       major,
                                    const char  *currency);

G_END_DECLS
