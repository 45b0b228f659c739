/* fd-calendar.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-triage"

#include "config.h"

#include "fd-calendar.h"

/* Local days of ad accounts, as day numbers (days since 1970-01-01 of the
 * proleptic Gregorian calendar), and the instants they begin. */

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
static int
days_from_civil (int y,
                 int m,
                 int d)
{
  int era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

static void
civil_from_days (int  z,
                 int *y,
                 int *m,
                 int *d)
{
  int era, doe, yoe, doy, mp;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = yoe + era * 400 + (*m <= 2);
}

/**
 * fd_civil_day_from_text:
 * @text: "YYYY-MM-DD"
 *
 * Returns: the day number (days since 1970-01-01), or G_MININT if @text is
 *   not a valid date
 */
int
fd_civil_day_from_text (const char *text)
{
  int y, m, d;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return G_MININT;

  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return G_MININT;

  y = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  m = (text[5] - '0') * 10 + (text[6] - '0');
  d = (text[8] - '0') * 10 + (text[9] - '0');

  if (m < 1 || m > 12 || d < 1 || d > g_date_get_days_in_month (m, y))
    return G_MININT;

  return days_from_civil (y, m, d);
}

char *
fd_civil_day_to_text (int day)
{
  int y, m, d;

  civil_from_days (day, &y, &m, &d);
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

/**
 * fd_time_zone_new:
 * @identifier: an IANA name such as "Europe/Berlin"
 * @known: (out) (optional): %FALSE when the name is unknown and UTC is used
 *
 * Returns: (transfer full): the zone, UTC if @identifier is unknown
 */
GTimeZone *
fd_time_zone_new (const char *identifier,
                  gboolean   *known)
{
  GTimeZone *tz = identifier ? g_time_zone_new_identifier (identifier) : NULL;

  if (known != NULL)
    *known = tz != NULL;

  return tz ? tz : g_time_zone_new_utc ();
}

int
fd_civil_day_from_instant (GTimeZone *tz,
                           gint64     instant)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant / G_USEC_PER_SEC - (instant % G_USEC_PER_SEC < 0));
  g_autoptr(GDateTime) local = utc ? g_date_time_to_timezone (utc, tz) : NULL;

  if (local == NULL)
    return 0;

  return days_from_civil (g_date_time_get_year (local),
                          g_date_time_get_month (local),
                          g_date_time_get_day_of_month (local));
}

/**
 * fd_civil_day_start:
 *
 * Returns: the first instant of @day in @tz (its local midnight, or the
 *   first valid local time where midnight does not exist), in UTC µs
 */
gint64
fd_civil_day_start (GTimeZone *tz,
                    int        day)
{
  g_autoptr(GDateTime) start = NULL;
  int y, m, d;

  civil_from_days (day, &y, &m, &d);
  start = g_date_time_new (tz, y, m, d, 0, 0, 0);
  if (start == NULL)
    return (gint64)day * G_TIME_SPAN_DAY;

  return g_date_time_to_unix (start) * G_USEC_PER_SEC;
}
