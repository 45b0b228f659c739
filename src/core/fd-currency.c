/* fd-currency.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-currency"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "fd-core-error.h"
#include "fd-currency.h"

/* Currencies Meta counts in whole units (offset 1); every other currency
 * Meta supports has offset 100. (Meta's list differs from ISO 4217 for
 * some, such as HUF and TWD, which Meta treats as having no minor unit.) */
static const char * const whole_unit_currencies[] = {
  "CLP", "COP", "CRC", "HUF", "IDR", "ISK", "JPY", "KRW", "PYG", "TWD", "VND",
};

/**
 * fd_currency_get_offset:
 * @currency: an ISO 4217 code such as "EUR"
 *
 * Returns: minor units per major unit: 1 for JPY and the like, else 100
 */
int
fd_currency_get_offset (const char *currency)
{
  for (guint i = 0; currency != NULL && i < G_N_ELEMENTS (whole_unit_currencies); i++)
    if (g_ascii_strcasecmp (currency, whole_unit_currencies[i]) == 0)
      return 1;

  return 100;
}

double
fd_currency_to_major (gint64      minor,
                      const char *currency)
{
  return (double)minor / fd_currency_get_offset (currency);
}

/**
 * fd_currency_round_minor:
 * @major: an amount in major units, such as 31.2 (EUR) or 2500 (JPY)
 *
 * Returns: the nearest amount in minor units, halves away from zero
 */
gint64
fd_currency_round_minor (double      major,
                         const char *currency)
{
  double minor = major * fd_currency_get_offset (currency);

  /* Products such as 19.99 × 100 land a hair below the integer they mean;
   * nudge by a relative epsilon before rounding. */
  minor += copysign (fabs (minor) * 1e-12, minor);
  return (gint64)llround (minor);
}

/**
 * fd_currency_parse_major:
 * @text: an amount as a person types it: "25", "25.5", "1250.00"
 * @minor: (out): the amount in minor units
 *
 * Parses decimal text exactly (no floating point): "19.99" EUR is 1999.
 * More decimals than the currency has is an error, not a rounding.
 */
gboolean
fd_currency_parse_major (const char  *text,
                         const char  *currency,
                         gint64      *minor,
                         GError     **error)
{
  int offset = fd_currency_get_offset (currency);
  int decimals = offset == 100 ? 2 : 0;
  g_autofree char *clean = g_strstrip (g_strdup (text ? text : ""));
  const char *p = clean;
  gint64 whole = 0;
  gint64 fraction = 0;
  int fraction_digits = 0;

  if (!g_ascii_isdigit (*p))
    goto invalid;

  for (; g_ascii_isdigit (*p); p++)
    {
      whole = whole * 10 + (*p - '0');
      if (whole > G_MAXINT64 / 1000)
        goto invalid;
    }

  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++, fraction_digits++)
      {
        if (fraction_digits >= decimals && *p != '0')
          {
            g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                         decimals == 0 ? _("%s has no minor unit: “%s” cannot be charged; "
                                           "use a whole amount.")
                                       : _("%s has two decimals: “%s” has more."),
                         currency, clean);
            return FALSE;
          }
        if (fraction_digits < decimals)
          fraction = fraction * 10 + (*p - '0');
      }

  if (*p != '\0')
    goto invalid;

  for (; fraction_digits < decimals; fraction_digits++)
    fraction *= 10;

  *minor = whole * offset + fraction;
  return TRUE;

invalid:
  g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
               _("“%s” is not an amount; write it like 25 or 25.50."), clean);
  return FALSE;
}

/**
 * fd_currency_format:
 *
 * Returns: (transfer full): "25.50 EUR", "2500 JPY"
 */
char *
fd_currency_format (gint64      minor,
                    const char *currency)
{
  int offset = fd_currency_get_offset (currency);

  if (offset == 1)
    return g_strdup_printf ("%" G_GINT64_FORMAT " %s", minor, currency);

  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%02d %s",
                          minor < 0 ? "-" : "",
                          ABS (minor) / offset, (int)(ABS (minor) % offset), currency);
}

char *
fd_currency_format_major (double      major,
                          const char *currency)
{
  return fd_currency_format (fd_currency_round_minor (major, currency), currency);
}
