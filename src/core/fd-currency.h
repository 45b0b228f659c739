/* fd-currency.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Money is an integer count of the currency's minor unit, as Meta's
 * Marketing API counts it: the "offset" is 100 for most currencies and 1
 * for the ones Meta bills without decimals (JPY, KRW, TWD, …), whatever
 * ISO 4217 says (HUF, ISK and TWD have minor units there, not at Meta).
 * Every function takes the currency code first. */

guint     fd_currency_get_offset     (const char  *code);
guint     fd_currency_get_digits     (const char  *code);
gboolean  fd_currency_is_valid_code  (const char  *code);

gboolean  fd_currency_parse_wire     (const char  *code,
                                      const char  *text,
                                      gint64      *minor_out,
                                      GError     **error);
gboolean  fd_currency_parse_input    (const char  *code,
                                      const char  *text,
                                      gint64      *minor_out,
                                      GError     **error);

double    fd_currency_to_major       (const char  *code,
                                      gint64       minor);
gint64    fd_currency_round_minor    (const char  *code,
                                      double       major);

char     *fd_currency_format_decimal (const char  *code,
                                      gint64       minor);
char     *fd_currency_format         (const char  *code,
                                      gint64       minor);
char     *fd_currency_format_major   (const char  *code,
                                      double       major);

G_END_DECLS
