/* fd-chart-axis.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-metric-chart"

#include "config.h"

#include <math.h>

#include "fd-chart-axis.h"

/* The geometry of FdMetricChart's axes, apart from any widget so that the
 * tests check it without a display: round value ticks, time ticks on whole
 * local hours or midnights, and the mapping of values and instants to
 * pixels. */

/*
 * Geometry, without a display
 */

/* 1, 2, 2.5 or 5 × 10^n: the smallest at least @raw. */
static double
nice_step (double raw)
{
  static const double multiples[] = { 1, 2, 2.5, 5, 10 };
  double magnitude = pow (10, floor (log10 (raw)));

  for (guint i = 0; i < G_N_ELEMENTS (multiples); i++)
    if (multiples[i] * magnitude >= raw * (1 - 1e-9))
      return multiples[i] * magnitude;

  return 10 * magnitude;
}

/**
 * fd_chart_axis_compute:
 * @lo: the smallest value to show
 * @hi: the largest
 * @max_ticks: at most this many ticks (2 to %FD_CHART_MAX_TICKS)
 *
 * Chooses a value axis that covers [@lo, @hi] with round ticks. A range of
 * one value gets room around it; non-finite bounds give 0 to 1.
 */
void
fd_chart_axis_compute (double       lo,
                       double       hi,
                       guint        max_ticks,
                       FdChartAxis *axis)
{
  double step;

  max_ticks = CLAMP (max_ticks, 2, FD_CHART_MAX_TICKS);
  if (!isfinite (lo) || !isfinite (hi))
    lo = 0, hi = 1;
  if (lo > hi)
    {
      double swap = lo;

      lo = hi;
      hi = swap;
    }
  if (hi - lo < 1e-12)
    {
      double room = fabs (hi) > 1e-12 ? fabs (hi) * 0.1 : 1;

      lo -= room;
      hi += room;
    }

  step = nice_step ((hi - lo) / (max_ticks - 1));
  for (;;)
    {
      double first = floor (lo / step + 1e-9) * step;
      double last = ceil (hi / step - 1e-9) * step;
      guint n = (guint)llround ((last - first) / step) + 1;

      if (n <= max_ticks)
        {
          axis->min = first;
          axis->max = last;
          axis->step = step;
          axis->n_ticks = n;
          for (guint i = 0; i < n; i++)
            axis->ticks[i] = first + i * step;
          return;
        }
      step = nice_step (step * 1.01);
    }
}

/**
 * fd_chart_time_axis_compute:
 * @tz: the zone ticks are placed in (whole hours, local midnights)
 *
 * Chooses ticks for [@start, @end]: every 1, 3, 6 or 12 hours, or every
 * 1, 2, 7 or 14 days, the first step that gives at most @max_ticks.
 */
void
fd_chart_time_axis_compute (gint64           start,
                            gint64           end,
                            GTimeZone       *tz,
                            guint            max_ticks,
                            FdChartTimeAxis *axis)
{
  static const gint64 steps[] = {
    G_TIME_SPAN_HOUR, 3 * G_TIME_SPAN_HOUR, 6 * G_TIME_SPAN_HOUR, 12 * G_TIME_SPAN_HOUR,
    G_TIME_SPAN_DAY, 2 * G_TIME_SPAN_DAY, 7 * G_TIME_SPAN_DAY, 14 * G_TIME_SPAN_DAY,
    28 * G_TIME_SPAN_DAY, 56 * G_TIME_SPAN_DAY,
  };
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  gint64 step = steps[G_N_ELEMENTS (steps) - 1];
  gint64 tick;

  max_ticks = CLAMP (max_ticks, 2, FD_CHART_MAX_TICKS);
  if (end <= start)
    end = start + G_TIME_SPAN_HOUR;

  axis->start = start;
  axis->end = end;
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if ((end - start) / steps[i] + 1 <= max_ticks)
      {
        step = steps[i];
        break;
      }
  axis->step = step;

  /* The first whole hour (or local midnight) at or after @start. */
  utc = g_date_time_new_from_unix_utc (start / G_USEC_PER_SEC);
  local = g_date_time_to_timezone (utc, tz);
  if (step < G_TIME_SPAN_DAY)
    {
      int hours = (int)(step / G_TIME_SPAN_HOUR);
      int hour = g_date_time_get_hour (local);

      first = g_date_time_new (tz, g_date_time_get_year (local), g_date_time_get_month (local),
                               g_date_time_get_day_of_month (local), hour - hour % hours, 0, 0);
    }
  else
    first = g_date_time_new (tz, g_date_time_get_year (local), g_date_time_get_month (local),
                             g_date_time_get_day_of_month (local), 0, 0, 0);

  tick = g_date_time_to_unix (first) * G_USEC_PER_SEC;
  while (tick < start)
    tick += step;

  axis->n_ticks = 0;
  for (; tick <= end && axis->n_ticks < FD_CHART_MAX_TICKS; tick += step)
    axis->ticks[axis->n_ticks++] = tick;
}

/**
 * fd_chart_value_to_y:
 * @top: the plot's top edge
 * @height: its height
 *
 * Returns: where @value is drawn: @axis' maximum at @top, its minimum at
 *   @top + @height
 */
double
fd_chart_value_to_y (const FdChartAxis *axis,
                     double             value,
                     double             top,
                     double             height)
{
  if (axis->max <= axis->min)
    return top + height;

  return top + height * (axis->max - value) / (axis->max - axis->min);
}

/**
 * fd_chart_time_to_x:
 *
 * Returns: where @instant is drawn: @axis' start at @left, its end at
 *   @left + @width
 */
double
fd_chart_time_to_x (const FdChartTimeAxis *axis,
                    gint64                 instant,
                    double                 left,
                    double                 width)
{
  if (axis->end <= axis->start)
    return left;

  return left + width * (double)(instant - axis->start) / (double)(axis->end - axis->start);
}
