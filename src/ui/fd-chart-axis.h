/* fd-chart-axis.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FD_CHART_MAX_TICKS 12

/**
 * FdChartAxis:
 * @min: the axis' first value (a tick)
 * @max: its last (a tick)
 * @step: between ticks
 * @n_ticks: how many ticks there are, @min and @max included
 * @ticks: their values
 *
 * A value axis with "nice" ticks (1, 2, 2.5 or 5 times a power of ten).
 */
typedef struct
{
  double min;
  double max;
  double step;
  guint  n_ticks;
  double ticks[FD_CHART_MAX_TICKS];
} FdChartAxis;

/**
 * FdChartTimeAxis:
 * @start: the first instant shown (UTC µs)
 * @end: the last
 * @step: between ticks (µs): an hour, hours, a day or days
 * @n_ticks: how many ticks fall within [@start, @end]
 * @ticks: their instants, on whole hours or local midnights
 */
typedef struct
{
  gint64 start;
  gint64 end;
  gint64 step;
  guint  n_ticks;
  gint64 ticks[FD_CHART_MAX_TICKS];
} FdChartTimeAxis;

void    fd_chart_axis_compute      (double           lo,
                                    double           hi,
                                    guint            max_ticks,
                                    FdChartAxis     *axis);
void    fd_chart_time_axis_compute (gint64           start,
                                    gint64           end,
                                    GTimeZone       *tz,
                                    guint            max_ticks,
                                    FdChartTimeAxis *axis);
double  fd_chart_value_to_y        (const FdChartAxis     *axis,
                                    double                 value,
                                    double                 top,
                                    double                 height);
double  fd_chart_time_to_x         (const FdChartTimeAxis *axis,
                                    gint64                 instant,
                                    double                 left,
                                    double                 width);

G_END_DECLS
