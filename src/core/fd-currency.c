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

/* Meta's currency table ("Currency codes", Marketing API): these have an
 * offset of 1; every other supported currency has 100. */
static const char * const offset_one[] = {
  "CLP", "COP", "CRC", "HUF", "IDR", "ISK", "JPY", "KRW", "PYG", "TWD", "VND",
};

/**
 * fd_currency_get_offset:
 * @code: an ISO 4217 code such as "EUR"
 *
 * Returns: how many minor units make one major unit at Meta: 1 or 100
 */
guint
fd_currency_get_offset (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (offset_one); i++)
    if (g_ascii_strcasecmp (code, offset_one[i]) == 0)
      return 1;

  return 100;
}

/**
 * fd_currency_get_digits:
 *
 * Returns: the decimal digits of the minor unit: 0 or 2
 */
guint
fd_currency_get_digits (const char *code)
{
  return fd_currency_get_offset (code) == 1 ? 0 : 2;
}

gboolean
fd_currency_is_valid_code (const char *code)
{
  if (code == NULL || strlen (code) != 3)
    return FALSE;

  for (guint i = 0; i < 3; i++)
    if (!g_ascii_isupper (code[i]))
      return FALSE;

  return TRUE;
}

static gboolean
fail_parse (const char  *text,
            GError     **error)
{
  g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
               _("“%s” is not an amount of money."), text ? text : "");
  return FALSE;
}

/**
 * fd_currency_parse_wire:
 * @code: the currency of the amount
 * @text: a decimal in major units, as Meta writes spend ("14.35", "149.7",
 *   "-0.5", "1200")
 * @minor_out: (out): the amount in minor units
 *
 * Converts exactly, digit by digit, without going through a double. Digits
 * beyond the minor unit are rounded half away from zero (Meta sometimes
 * sends more of them for currencies with an offset of 1).
 *
 * Returns: %FALSE with @error set if @text is not a plain decimal or does
 *   not fit
 */
gboolean
fd_currency_parse_wire (const char  *code,
                        const char  *text,
                        gint64      *minor_out,
                        GError     **error)
{
  guint digits = fd_currency_get_digits (code);
  const char *p = text;
  gboolean negative = FALSE;
  gboolean any_digit = FALSE;
  guint64 value = 0;
  guint fraction = 0;
  gboolean round_up = FALSE;

  if (p == NULL)
    return fail_parse (text, error);

  if (*p == '-' || *p == '+')
    negative = (*p++ == '-');

  for (; g_ascii_isdigit (*p); p++)
    {
      if (value > (G_MAXINT64 / 10 - 9) / 100)
        return fail_parse (text, error);
      value = value * 10 + (guint64)(*p - '0');
      any_digit = TRUE;
    }

  if (*p == '.')
    {
      p++;
      for (; g_ascii_isdigit (*p); p++, fraction++)
        {
          any_digit = TRUE;
          if (fraction < digits)
            value = value * 10 + (guint64)(*p - '0');
          else if (fraction == digits)
            round_up = (*p >= '5');
        }
    }

  if (!any_digit || *p != '\0')
    return fail_parse (text, error);

  for (; fraction < digits; fraction++)
    value *= 10;

  if (round_up)
    value++;

  *minor_out = negative ? -(gint64)value : (gint64)value;
  return TRUE;
}

/**
 * fd_currency_parse_input:
 * @text: an amount as a person types it: "25", "25.5", "1250.00"
 * @minor_out: (out): the amount in minor units
 *
 * Parses decimal text exactly (no floating point): "19.99" EUR is 1999.
 * Unlike what Meta sends, a person's amount with more decimals than the
 * currency has is refused, not rounded: nobody means half a cent.
 */
gboolean
fd_currency_parse_input (const char  *code,
                         const char  *text,
                         gint64      *minor_out,
                         GError     **error)
{
  guint offset = fd_currency_get_offset (code);
  guint decimals = fd_currency_get_digits (code);
  g_autofree char *clean = g_strstrip (g_strdup (text ? text : ""));
  const char *p = clean;
  gint64 whole = 0;
  gint64 fraction = 0;
  guint fraction_digits = 0;

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
                         code, clean);
            return FALSE;
          }
        if (fraction_digits < decimals)
          fraction = fraction * 10 + (*p - '0');
      }

  if (*p != '\0')
    goto invalid;

  for (; fraction_digits < decimals; fraction_digits++)
    fraction *= 10;

  *minor_out = whole * offset + fraction;
  return TRUE;

invalid:
  g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
               _("“%s” is not an amount; write it like 25 or 25.50."), clean);
  return FALSE;
}

double
fd_currency_to_major (const char *code,
                      gint64      minor)
{
  return (double)minor / fd_currency_get_offset (code);
}

/**
 * fd_currency_round_minor:
 * @major: an amount in major units, such as 31.2 (EUR) or 2500 (JPY)
 *
 * Returns: the nearest amount in minor units, halves away from zero
 */
gint64
fd_currency_round_minor (const char *code,
                         double      major)
{
  double minor = major * fd_currency_get_offset (code);

  /* Products such as 19.99 × 100 land a hair below the integer they mean;
   * nudge by a relative epsilon before rounding. */
  minor += copysign (fabs (minor) * 1e-12, minor);
  return (gint64)llround (minor);
}

/**
 * fd_currency_format_decimal:
 *
 * Returns: (transfer full): @minor as a plain decimal in major units, with
 *   all the digits of the minor unit, for files and JSON: "14.35", "0.05",
 *   "-3.00", "1200"
 */
char *
fd_currency_format_decimal (const char *code,
                            gint64      minor)
{
  guint offset = fd_currency_get_offset (code);
  guint64 magnitude = minor < 0 ? (guint64)(-(minor + 1)) + 1 : (guint64)minor;

  if (offset == 1)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT, minor < 0 ? "-" : "", magnitude);

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", minor < 0 ? "-" : "",
                          magnitude / offset, (guint)(magnitude % offset));
}

/**
 * fd_currency_format:
 *
 * Returns: (transfer full): @minor for people, with its currency:
 *   "25.50 EUR", "2500 JPY"
 */
char *
fd_currency_format (const char *code,
                    gint64      minor)
{
  g_autofree char *decimal = fd_currency_format_decimal (code, minor);

  return g_strdup_printf ("%s %s", decimal, code);
}

/**
 * fd_currency_format_major:
 *
 * Like fd_currency_format() for an amount in major units (rounded).
 */
char *
fd_currency_format_major (const char *code,
                          double      major)
{
  return fd_currency_format (code, fd_currency_round_minor (code, major));
}
