/* fd-insight-cube-sum.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-triage"

#include "config.h"

#include "fd-insight-cube-private.h"

/* Summing windows of a loaded cube: prefix sums of whole days, and of the
 * hours of the days a window cuts. The rule is stated at the top of
 * fd-insight-cube.c. */

/* The first index in S[0 … n] whose value is ≥ t (n + 1 if none). */
guint
_fd_insight_cube_lower_bound (const gint64 *S,
                              guint         n,
                              gint64        t)
{
  guint lo = 0, hi = n + 1;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (S[mid] < t)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* The first index in S[0 … n] whose value is > t (n + 1 if none). */
guint
_fd_insight_cube_upper_bound (const gint64 *S,
                              guint         n,
                              gint64        t)
{
  guint lo = 0, hi = n + 1;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (S[mid] <= t)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static void
add_difference (gint64       *sums,
                const gint64 *high,
                const gint64 *low,
                guint         n)
{
  for (guint m = 0; m < n; m++)
    sums[m] += high[m] - low[m];
}

static void
add_days (FdInsightCube *cube,
          guint          object,
          guint          from,
          guint          to,
          gint64        *sums)
{
  const gint64 *base = cube->daily + (gsize)object * (cube->n_days + 1) * cube->n_measures;

  if (to > from)
    add_difference (sums, base + (gsize)to * cube->n_measures, base + (gsize)from * cube->n_measures,
                    cube->n_measures);
}

static void
add_hours (FdInsightCube *cube,
           const gint64  *block,
           gint64         start,
           gint64         end,
           gint64        *sums)
{
  const gint64 *prefix = block + N_HOURS;
  guint k0 = 0, k1 = 0;

  while (k0 < N_HOURS && block[k0] < start)
    k0++;
  k1 = k0;
  while (k1 < N_HOURS && block[k1] < end)
    k1++;

  add_difference (sums, prefix + (gsize)k1 * cube->n_measures, prefix + (gsize)k0 * cube->n_measures,
                  cube->n_measures);
}

static void
add_cut_day (FdInsightCube *cube,
             guint          object,
             const gint64  *S,
             guint          day,
             gint64         start,
             gint64         end,
             gint64        *sums)
{
  gint32 block = cube->hour_block[(gsize)object * cube->n_days + day];

  if (block >= 0)
    add_hours (cube, &g_array_index (cube->blocks, gint64, (gsize)block * cube->block_stride),
               start, end, sums);
  else if (S[day] >= start && S[day] < end)
    add_days (cube, object, day, day + 1, sums);
}

/**
 * fd_insight_cube_sum:
 * @start: the window's first instant (UTC µs)
 * @end: the instant after its last
 * @whole_days_only: count only the days that begin inside the window, from
 *   daily rows (for measures Meta reports by day only)
 * @sums: (out caller-allocates): one sum per loaded measure, in the order
 *   of fd_insight_cube_get_measure_index()
 *
 * Sums the window [@start, @end) of one object, as the comment at the top
 * of this file says.
 */
void
fd_insight_cube_sum (FdInsightCube *cube,
                     guint          object,
                     gint64         start,
                     gint64         end,
                     gboolean       whole_days_only,
                     gint64        *sums)
{
  const FdCubeObject *o = &g_array_index (cube->objects, FdCubeObject, object);
  const gint64 *S = ((FdCubeAccount *)g_ptr_array_index (cube->accounts, o->account))->day_start;
  guint n = cube->n_days;
  guint first_whole, after_whole;

  memset (sums, 0, sizeof (gint64) * cube->n_measures);
  if (end <= start || n == 0)
    return;

  first_whole = _fd_insight_cube_lower_bound (S, n, start);

  if (whole_days_only)
    {
      guint after = MIN (_fd_insight_cube_lower_bound (S, n, end), n);

      if (first_whole < n)
        add_days (cube, object, first_whole, after, sums);
      return;
    }

  /* Days first_whole … after_whole - 1 lie inside the window. */
  after_whole = _fd_insight_cube_upper_bound (S, n, end);
  after_whole = after_whole > 0 ? after_whole - 1 : 0;
  if (first_whole <= n && after_whole > first_whole)
    add_days (cube, object, first_whole, after_whole, sums);

  /* The day the start cuts, and the day the end cuts (maybe the same). */
  if (first_whole >= 1 && first_whole - 1 < n && (first_whole > n || S[first_whole] != start))
    add_cut_day (cube, object, S, first_whole - 1, start, end, sums);

  if (after_whole < n && S[after_whole] < end && S[after_whole] >= start)
    add_cut_day (cube, object, S, after_whole, start, end, sums);
}

/**
 * fd_insight_cube_has_hourly:
 *
 * Returns: whether the object has hourly rows on any day overlapping
 *   [@start, @end) (among the days the plan asked hourly rows for)
 */
gboolean
fd_insight_cube_has_hourly (FdInsightCube *cube,
                            guint          object,
                            gint64         start,
                            gint64         end)
{
  const FdCubeObject *o = &g_array_index (cube->objects, FdCubeObject, object);
  const gint64 *S = ((FdCubeAccount *)g_ptr_array_index (cube->accounts, o->account))->day_start;
  guint n = cube->n_days;
  guint first = _fd_insight_cube_upper_bound (S, n, start);
  guint after = _fd_insight_cube_lower_bound (S, n, end);

  first = first > 0 ? first - 1 : 0;
  after = MIN (after, n);

  for (guint d = first; d < after; d++)
    if (cube->hour_block[(gsize)object * n + d] >= 0)
      return TRUE;

  return FALSE;
}

/**
 * fd_insight_cube_get_reach:
 * @end: the window's end; the row sought is the one "until" the local day
 *   of the instant before @end (until_day is inclusive: the sync stores the
 *   window of @days days ending on that day, in the account's zone)
 * @days: the window's length in days
 *
 * Returns: %TRUE with the deduplicated reach and the impressions of that
 *   window as Meta reported them, %FALSE if there is no such row
 */
gboolean
fd_insight_cube_get_reach (FdInsightCube *cube,
                           guint          object,
                           gint64         end,
                           int            days,
                           gint64        *reach,
                           gint64        *impressions)
{
  const FdCubeObject *o = &g_array_index (cube->objects, FdCubeObject, object);
  const gint64 *S = ((FdCubeAccount *)g_ptr_array_index (cube->accounts, o->account))->day_start;
  guint day = _fd_insight_cube_upper_bound (S, cube->n_days, end - 1);
  int length = cube->reach != NULL ? _fd_insight_cube_reach_length (cube, days) : -1;
  const gint64 *slot;

  if (day == 0 || day > cube->n_days || length < 0)
    return FALSE;

  slot = _fd_insight_cube_reach_slot (cube, object, day - 1, length);
  if (slot[0] < 0)
    return FALSE;

  *reach = slot[0];
  *impressions = slot[1];
  return TRUE;
}

/**
 * fd_insight_cube_day_start:
 * @instant: any instant
 * @day_offset: 0 for the day holding @instant, 1 for the next …
 *
 * Returns: the start of that local day for the object's account
 */
gint64
fd_insight_cube_day_start (FdInsightCube *cube,
                           guint          object,
                           gint64         instant,
                           int            day_offset)
{
  const FdCubeObject *o = &g_array_index (cube->objects, FdCubeObject, object);
  const FdCubeAccount *account = g_ptr_array_index (cube->accounts, o->account);
  g_autoptr(GTimeZone) tz = fd_time_zone_new (account->timezone, NULL);

  return fd_civil_day_start (tz, fd_civil_day_from_instant (tz, instant) + day_offset);
}
