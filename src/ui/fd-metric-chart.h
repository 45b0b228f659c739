/* fd-metric-chart.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fd-backtest.h"
#include "fd-chart-axis.h"

G_BEGIN_DECLS

#define FD_TYPE_METRIC_CHART (fd_metric_chart_get_type ())

G_DECLARE_FINAL_TYPE (FdMetricChart, fd_metric_chart, FD, METRIC_CHART, GtkWidget)

GtkWidget  *fd_metric_chart_new            (void);
void        fd_metric_chart_clear          (FdMetricChart  *self);
void        fd_metric_chart_set_title      (FdMetricChart  *self,
                                            const char     *title);
void        fd_metric_chart_set_unit       (FdMetricChart  *self,
                                            const char     *unit);
void        fd_metric_chart_set_time_zone  (FdMetricChart  *self,
                                            GTimeZone      *tz);
void        fd_metric_chart_set_points     (FdMetricChart  *self,
                                            const gint64   *times,
                                            guint           n_points);
void        fd_metric_chart_set_value_line (FdMetricChart  *self,
                                            const char     *label,
                                            const double   *values);
void        fd_metric_chart_set_threshold  (FdMetricChart  *self,
                                            const char     *label,
                                            const double   *values);
void        fd_metric_chart_add_markers    (FdMetricChart  *self,
                                            const char     *label,
                                            GArray         *instants,
                                            gboolean        hollow);
void        fd_metric_chart_set_series     (FdMetricChart  *self,
                                            FdTriageSeries *series,
                                            guint           comparison);
guint       fd_metric_chart_get_n_markers  (FdMetricChart  *self);
gboolean    fd_metric_chart_get_has_data   (FdMetricChart  *self);
gboolean    fd_metric_chart_get_time_span  (FdMetricChart  *self,
                                            gint64         *start,
                                            gint64         *end);
const FdChartAxis *fd_metric_chart_get_axis (FdMetricChart *self);

G_END_DECLS
