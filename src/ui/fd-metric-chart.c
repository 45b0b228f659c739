/* fd-metric-chart.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-metric-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "fd-metric-chart.h"

/* A time chart of one metric: its values (a line through the checkpoints,
 * broken where there is no data), the threshold it is compared with (a
 * dashed line, labelled), and markers where the rule fired. The values are
 * what the core computed (FdTriageSeries, FdBacktest); the chart only maps
 * them to pixels. The mapping is in pure functions so that it can be
 * tested without a display. Colours come from the style: the accent for
 * the series, the error colour for the threshold, the text colour for
 * axes, so it reads in light and dark. */

#define PAD_TOP      28.0
#define PAD_BOTTOM   24.0
#define PAD_RIGHT    12.0
#define LEGEND_GAP   16.0
#define MARKER_SIZE  5.0

typedef struct
{
  char     *label;
  GArray   *instants;   /* gint64 */
  gboolean  hollow;
} Markers;

struct _FdMetricChart
{
  GtkWidget    parent_instance;

  char        *title;
  char        *unit;
  GTimeZone   *tz;
  GArray      *times;        /* gint64 */
  char        *value_label;
  GArray      *values;       /* double, one per time */
  char        *threshold_label;
  GArray      *threshold;    /* double, one per time */
  GPtrArray   *markers;      /* Markers */

  FdChartAxis  axis;
};

G_DEFINE_FINAL_TYPE (FdMetricChart, fd_metric_chart, GTK_TYPE_WIDGET)

/*
 * The widget
 */

static void
markers_free (Markers *markers)
{
  g_free (markers->label);
  g_array_unref (markers->instants);
  g_free (markers);
}

static void
get_style_color (GtkWidget  *widget,
                 const char *name,
                 GdkRGBA    *color)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (name == NULL || !gtk_style_context_lookup_color (context, name, color))
    gtk_style_context_get_color (context, color);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static gboolean
range_of (GArray *values,
          double *lo,
          double *hi)
{
  gboolean any = FALSE;

  for (guint i = 0; values != NULL && i < values->len; i++)
    {
      double v = g_array_index (values, double, i);

      if (!isfinite (v))
        continue;
      *lo = any ? MIN (*lo, v) : v;
      *hi = any ? MAX (*hi, v) : v;
      any = TRUE;
    }

  return any;
}

static void
update_axis (FdMetricChart *self)
{
  double lo = 0, hi = 0, tlo = 0, thi = 0;
  gboolean has_values = range_of (self->values, &lo, &hi);
  gboolean has_threshold = range_of (self->threshold, &tlo, &thi);

  if (has_values && has_threshold)
    lo = MIN (lo, tlo), hi = MAX (hi, thi);
  else if (has_threshold)
    lo = tlo, hi = thi;
  else if (!has_values)
    lo = 0, hi = 1;

  /* Rates and money read best from zero, unless the values sit far above it. */
  if (lo > 0 && lo < (hi - lo) * 2)
    lo = 0;

  fd_chart_axis_compute (lo, hi, 6, &self->axis);
}

static char *
format_tick (FdMetricChart *self,
             double         value)
{
  int decimals = self->axis.step >= 1 ? 0 : (int)ceil (-log10 (self->axis.step) - 1e-9);

  if (self->axis.step == 2.5 * pow (10, floor (log10 (self->axis.step))))
    decimals++;
  decimals = CLAMP (decimals, 0, 4);

  return g_strdup_printf ("%.*f", decimals, value);
}

static char *
format_time_tick (FdMetricChart         *self,
                  const FdChartTimeAxis *axis,
                  gint64                 instant)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, self->tz);

  if (axis->step < G_TIME_SPAN_DAY && (g_date_time_get_hour (local) != 0 || axis->step < 3 * G_TIME_SPAN_HOUR))
    return g_date_time_format (local, "%H:%M");

  /* Translators: a day on a chart's time axis; see g_date_time_format() */
  return g_date_time_format (local, _("%b %-d"));
}

static PangoLayout *
make_layout (FdMetricChart *self,
             const char    *text,
             gboolean       small)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  if (small)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_scale_new (0.83));
      pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }

  return layout;
}

static void
draw_text (GtkSnapshot   *snapshot,
           PangoLayout   *layout,
           double         x,
           double         y,
           const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float)x, (float)y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *color,
            double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* The values as a line, broken where there is no data. */
static void
draw_line (FdMetricChart         *self,
           cairo_t               *cr,
           GArray                *values,
           const FdChartTimeAxis *time_axis,
           const graphene_rect_t *plot)
{
  gboolean pen_down = FALSE;

  for (guint i = 0; i < self->times->len && i < values->len; i++)
    {
      double v = g_array_index (values, double, i);
      double x, y;

      if (!isfinite (v))
        {
          pen_down = FALSE;
          continue;
        }

      x = fd_chart_time_to_x (time_axis, g_array_index (self->times, gint64, i), plot->origin.x, plot->size.width);
      y = fd_chart_value_to_y (&self->axis, v, plot->origin.y, plot->size.height);
      if (pen_down)
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
      pen_down = TRUE;
    }
  cairo_stroke (cr);
}

/* The value at the point nearest @instant, for placing a marker on the line. */
static double
value_near (FdMetricChart *self,
            gint64         instant)
{
  double best = NAN;
  gint64 best_distance = G_MAXINT64;

  for (guint i = 0; self->values != NULL && i < self->times->len; i++)
    {
      gint64 d = ABS (g_array_index (self->times, gint64, i) - instant);
      double v = g_array_index (self->values, double, i);

      if (isfinite (v) && d < best_distance)
        best = v, best_distance = d;
    }

  return best;
}

static void
draw_marker (cairo_t       *cr,
             double         x,
             double         y,
             gboolean       hollow,
             const GdkRGBA *color,
             const GdkRGBA *background)
{
  cairo_new_path (cr);
  cairo_move_to (cr, x, y - MARKER_SIZE - 1);
  cairo_line_to (cr, x + MARKER_SIZE + 1, y);
  cairo_line_to (cr, x, y + MARKER_SIZE + 1);
  cairo_line_to (cr, x - MARKER_SIZE - 1, y);
  cairo_close_path (cr);
  set_source (cr, hollow ? background : color, 1);
  cairo_fill_preserve (cr);
  set_source (cr, color, 1);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
}

typedef struct
{
  const char *label;
  GdkRGBA     color;
  int         kind;   /* 0 line, 1 dashed, 2 marker, 3 hollow marker */
} LegendItem;

static void
draw_legend (FdMetricChart *self,
             GtkSnapshot   *snapshot,
             cairo_t       *cr,
             LegendItem    *items,
             guint          n_items,
             double         right,
             const GdkRGBA *text,
             const GdkRGBA *background)
{
  double x = right;

  for (int i = (int)n_items - 1; i >= 0; i--)
    {
      g_autoptr(PangoLayout) layout = make_layout (self, items[i].label, TRUE);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      x -= w;
      draw_text (snapshot, layout, x, 4, text);
      x -= 22;
      set_source (cr, &items[i].color, 1);
      cairo_set_line_width (cr, 2);
      if (items[i].kind <= 1)
        {
          static const double dash[] = { 4, 3 };

          cairo_set_dash (cr, dash, items[i].kind == 1 ? 2 : 0, 0);
          cairo_move_to (cr, x, 4 + h / 2.0);
          cairo_line_to (cr, x + 16, 4 + h / 2.0);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      else
        draw_marker (cr, x + 8, 4 + h / 2.0, items[i].kind == 3, &items[i].color, background);
      x -= LEGEND_GAP;
    }
}

/**
 * fd_metric_chart_get_time_span:
 *
 * The times the chart covers: its points and its markers — a decision
 * made now comes after the last hour Meta has reported, and must still
 * be on the axis. Returns %FALSE when the chart has no points.
 */
gboolean
fd_metric_chart_get_time_span (FdMetricChart *self,
                               gint64        *start,
                               gint64        *end)
{
  g_return_val_if_fail (FD_IS_METRIC_CHART (self), FALSE);

  if (self->times->len == 0)
    return FALSE;

  *start = g_array_index (self->times, gint64, 0);
  *end = g_array_index (self->times, gint64, self->times->len - 1);

  for (guint m = 0; m < self->markers->len; m++)
    {
      Markers *markers = g_ptr_array_index (self->markers, m);

      for (guint i = 0; i < markers->instants->len; i++)
        {
          gint64 at = g_array_index (markers->instants, gint64, i);

          *start = MIN (*start, at);
          *end = MAX (*end, at);
        }
    }

  return TRUE;
}

static void
fd_metric_chart_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  FdMetricChart *self = FD_METRIC_CHART (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  GdkRGBA text, accent, error, background, grid;
  g_autoptr(PangoLayout) probe = NULL;
  g_autoptr(GDateTime) probe_day = NULL;
  g_autofree char *probe_text = NULL;
  FdChartTimeAxis time_axis;
  graphene_rect_t plot;
  LegendItem legend[6];
  guint n_legend = 0;
  double left = 0;
  gint64 span_start, span_end;
  cairo_t *cr;
  int tick_w, tick_h;

  if (self->times->len == 0 || width < 80 || height < 60)
    return;

  get_style_color (widget, NULL, &text);
  get_style_color (widget, "accent_color", &accent);
  get_style_color (widget, "error_color", &error);
  get_style_color (widget, "view_bg_color", &background);
  grid = text;
  grid.alpha *= 0.12f;

  /* Room on the left for the widest tick label. */
  for (guint i = 0; i < self->axis.n_ticks; i++)
    {
      g_autofree char *label = format_tick (self, self->axis.ticks[i]);
      g_autoptr(PangoLayout) layout = make_layout (self, label, TRUE);

      pango_layout_get_pixel_size (layout, &tick_w, &tick_h);
      left = MAX (left, tick_w);
    }
  left += 10;

  plot = GRAPHENE_RECT_INIT ((float)left, PAD_TOP, (float)(width - left - PAD_RIGHT),
                             (float)(height - PAD_TOP - PAD_BOTTOM));
  /* Time labels are an hour ("00:00") or a day ("Sep 30"), never both:
   * room for the wider of the two, and a gap. */
  probe_day = g_date_time_new_utc (2026, 9, 30, 0, 0, 0);
  probe_text = g_date_time_format (probe_day, _("%b %-d"));
  probe = make_layout (self, probe_text, TRUE);
  pango_layout_get_pixel_size (probe, &tick_w, &tick_h);
  tick_w = MAX (tick_w, 40) + 8;
  fd_metric_chart_get_time_span (self, &span_start, &span_end);
  fd_chart_time_axis_compute (span_start, span_end, self->tz,
                              (guint)MAX (2, plot.size.width / (tick_w + 16)), &time_axis);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, (float)width, (float)height));

  /* Grid and value ticks. */
  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < self->axis.n_ticks; i++)
    {
      double y = round (fd_chart_value_to_y (&self->axis, self->axis.ticks[i], plot.origin.y, plot.size.height)) + 0.5;
      g_autofree char *label = format_tick (self, self->axis.ticks[i]);
      g_autoptr(PangoLayout) layout = make_layout (self, label, TRUE);
      int w, h;

      set_source (cr, &grid, 1);
      cairo_move_to (cr, plot.origin.x, y);
      cairo_line_to (cr, plot.origin.x + plot.size.width, y);
      cairo_stroke (cr);
      pango_layout_get_pixel_size (layout, &w, &h);
      draw_text (snapshot, layout, left - 6 - w, y - h / 2.0, &text);
    }

  /* Time ticks. */
  for (guint i = 0; i < time_axis.n_ticks; i++)
    {
      double x = round (fd_chart_time_to_x (&time_axis, time_axis.ticks[i], plot.origin.x, plot.size.width)) + 0.5;
      g_autofree char *label = format_time_tick (self, &time_axis, time_axis.ticks[i]);
      g_autoptr(PangoLayout) layout = make_layout (self, label, TRUE);
      int w, h;

      set_source (cr, &grid, 2);
      cairo_move_to (cr, x, plot.origin.y + plot.size.height);
      cairo_line_to (cr, x, plot.origin.y + plot.size.height + 4);
      cairo_stroke (cr);
      pango_layout_get_pixel_size (layout, &w, &h);
      draw_text (snapshot, layout, CLAMP (x - w / 2.0, plot.origin.x - 4, width - w), plot.origin.y + plot.size.height + 5, &text);
    }

  /* The unit, above the value axis. */
  if (self->unit != NULL || self->title != NULL)
    {
      g_autofree char *caption = self->title && self->unit ? g_strdup_printf ("%s (%s)", self->title, self->unit)
                                                            : g_strdup (self->title ? self->title : self->unit);
      g_autoptr(PangoLayout) layout = make_layout (self, caption, TRUE);
      PangoAttrList *attrs = pango_layout_get_attributes (layout);

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      draw_text (snapshot, layout, 0, 4, &text);
    }

  cairo_save (cr);
  cairo_rectangle (cr, plot.origin.x - MARKER_SIZE - 2, plot.origin.y - MARKER_SIZE - 2,
                   plot.size.width + 2 * MARKER_SIZE + 4, plot.size.height + 2 * MARKER_SIZE + 4);
  cairo_clip (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  if (self->threshold != NULL)
    {
      static const double dash[] = { 6, 4 };

      set_source (cr, &error, 1);
      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, dash, 2, 0);
      draw_line (self, cr, self->threshold, &time_axis, &plot);
      cairo_set_dash (cr, NULL, 0, 0);
      legend[n_legend++] = (LegendItem) { self->threshold_label, error, 1 };
    }

  if (self->values != NULL)
    {
      set_source (cr, &accent, 1);
      cairo_set_line_width (cr, 2);
      draw_line (self, cr, self->values, &time_axis, &plot);
      legend[n_legend++] = (LegendItem) { self->value_label, accent, 0 };
    }

  for (guint m = 0; m < self->markers->len && n_legend < G_N_ELEMENTS (legend); m++)
    {
      Markers *markers = g_ptr_array_index (self->markers, m);
      const GdkRGBA *color = markers->hollow ? &text : &error;

      for (guint i = 0; i < markers->instants->len; i++)
        {
          gint64 at = g_array_index (markers->instants, gint64, i);
          double v = value_near (self, at);
          double x = fd_chart_time_to_x (&time_axis, at, plot.origin.x, plot.size.width);
          double y = isfinite (v) ? fd_chart_value_to_y (&self->axis, v, plot.origin.y, plot.size.height)
                                  : plot.origin.y + plot.size.height;

          if (at < time_axis.start || at > time_axis.end)
            continue;
          draw_marker (cr, x, y, markers->hollow, color, &background);
        }
      legend[n_legend++] = (LegendItem) { markers->label, *color, markers->hollow ? 3 : 2 };
    }
  cairo_restore (cr);

  /* The threshold's label at its right end, where the line finishes. */
  if (self->threshold != NULL && self->threshold->len > 0)
    {
      double v = NAN;

      for (int i = (int)self->threshold->len - 1; i >= 0 && !isfinite (v); i--)
        v = g_array_index (self->threshold, double, i);
      if (isfinite (v))
        {
          g_autofree char *label = format_tick (self, v);
          g_autoptr(PangoLayout) layout = make_layout (self, label, TRUE);
          double y = fd_chart_value_to_y (&self->axis, v, plot.origin.y, plot.size.height);
          int w, h;

          pango_layout_get_pixel_size (layout, &w, &h);
          draw_text (snapshot, layout, plot.origin.x + plot.size.width - w - 2, y - h - 1, &error);
        }
    }

  draw_legend (self, snapshot, cr, legend, n_legend, width - PAD_RIGHT, &text, &background);
  cairo_destroy (cr);
}

static void
fd_metric_chart_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 240 : 160;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 560 : 220;
}

static void
fd_metric_chart_finalize (GObject *object)
{
  FdMetricChart *self = (FdMetricChart *)object;

  g_free (self->title);
  g_free (self->unit);
  g_free (self->value_label);
  g_free (self->threshold_label);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  g_clear_pointer (&self->times, g_array_unref);
  g_clear_pointer (&self->values, g_array_unref);
  g_clear_pointer (&self->threshold, g_array_unref);
  g_clear_pointer (&self->markers, g_ptr_array_unref);

  G_OBJECT_CLASS (fd_metric_chart_parent_class)->finalize (object);
}

static void
fd_metric_chart_class_init (FdMetricChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = fd_metric_chart_finalize;
  widget_class->snapshot = fd_metric_chart_snapshot;
  widget_class->measure = fd_metric_chart_measure;

  gtk_widget_class_set_css_name (widget_class, "metric-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
fd_metric_chart_init (FdMetricChart *self)
{
  self->tz = g_time_zone_new_local ();
  self->times = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->markers = g_ptr_array_new_with_free_func ((GDestroyNotify)markers_free);
  fd_chart_axis_compute (0, 1, 6, &self->axis);
}

GtkWidget *
fd_metric_chart_new (void)
{
  return g_object_new (FD_TYPE_METRIC_CHART, NULL);
}

/**
 * fd_metric_chart_clear:
 *
 * Removes the points, lines and markers.
 */
void
fd_metric_chart_clear (FdMetricChart *self)
{
  g_return_if_fail (FD_IS_METRIC_CHART (self));

  g_array_set_size (self->times, 0);
  g_clear_pointer (&self->values, g_array_unref);
  g_clear_pointer (&self->threshold, g_array_unref);
  g_ptr_array_set_size (self->markers, 0);
  update_axis (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
fd_metric_chart_set_title (FdMetricChart *self,
                           const char    *title)
{
  g_return_if_fail (FD_IS_METRIC_CHART (self));

  g_free (self->title);
  self->title = g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * fd_metric_chart_set_unit:
 * @unit: (nullable): what the values are in ("EUR", "%")
 */
void
fd_metric_chart_set_unit (FdMetricChart *self,
                          const char    *unit)
{
  g_return_if_fail (FD_IS_METRIC_CHART (self));

  g_free (self->unit);
  self->unit = g_strdup (unit);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * fd_metric_chart_set_time_zone:
 * @tz: (nullable): the zone for the time axis (the ad account's); %NULL
 *   for local time
 */
void
fd_metric_chart_set_time_zone (FdMetricChart *self,
                               GTimeZone     *tz)
{
  g_return_if_fail (FD_IS_METRIC_CHART (self));

  g_clear_pointer (&self->tz, g_time_zone_unref);
  self->tz = tz ? g_time_zone_ref (tz) : g_time_zone_new_local ();
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * fd_metric_chart_set_points:
 * @times: (array length=n_points): the instants the lines have values
 *   at, ascending, UTC µs
 *
 * Sets the points, clearing the lines.
 */
void
fd_metric_chart_set_points (FdMetricChart *self,
                            const gint64  *times,
                            guint          n_points)
{
  g_return_if_fail (FD_IS_METRIC_CHART (self));

  fd_metric_chart_clear (self);
  g_array_append_vals (self->times, times, n_points);
}

static GArray *
copy_values (FdMetricChart *self,
             const double  *values)
{
  GArray *array = g_array_sized_new (FALSE, FALSE, sizeof (double), self->times->len);

  g_array_append_vals (array, values, self->times->len);
  return array;
}

/**
 * fd_metric_chart_set_value_line:
 * @values: (array): one per point; NAN where there is no data
 */
void
fd_metric_chart_set_value_line (FdMetricChart *self,
                                const char    *label,
                                const double  *values)
{
  g_return_if_fail (FD_IS_METRIC_CHART (self));

  g_free (self->value_label);
  self->value_label = g_strdup (label);
  g_clear_pointer (&self->values, g_array_unref);
  self->values = copy_values (self, values);
  update_axis (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * fd_metric_chart_set_threshold:
 * @values: (array): one per point (a threshold may move: a target × 1.4)
 */
void
fd_metric_chart_set_threshold (FdMetricChart *self,
                               const char    *label,
                               const double  *values)
{
  g_return_if_fail (FD_IS_METRIC_CHART (self));

  g_free (self->threshold_label);
  self->threshold_label = g_strdup (label);
  g_clear_pointer (&self->threshold, g_array_unref);
  self->threshold = copy_values (self, values);
  update_axis (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * fd_metric_chart_add_markers:
 * @instants: (element-type gint64): where to mark, UTC µs
 * @hollow: drawn as outlines (would have fired) rather than filled (fired)
 */
void
fd_metric_chart_add_markers (FdMetricChart *self,
                             const char    *label,
                             GArray        *instants,
                             gboolean       hollow)
{
  Markers *markers;

  g_return_if_fail (FD_IS_METRIC_CHART (self));

  markers = g_new0 (Markers, 1);
  markers->label = g_strdup (label);
  markers->instants = g_array_copy (instants);
  markers->hollow = hollow;
  g_ptr_array_add (self->markers, markers);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static const char *
unit_text (FdRuleUnit  unit,
           const char *currency)
{
  switch (unit)
    {
    case FD_RULE_UNIT_MONEY:
      return currency;
    case FD_RULE_UNIT_PERCENT:
      return "%";
    case FD_RULE_UNIT_NUMBER:
    case FD_RULE_UNIT_COUNT:
    case FD_RULE_UNIT_RATIO:
    case FD_RULE_UNIT_BOOL:
    default:
      return NULL;
    }
}

/**
 * fd_metric_chart_set_series:
 * @comparison: which comparison of the rule's condition to show (0 for
 *   the first): its value, its threshold, and the rule's firings
 *
 * Shows what fd_triage_series_load() computed.
 */
void
fd_metric_chart_set_series (FdMetricChart  *self,
                            FdTriageSeries *series,
                            guint           comparison)
{
  guint value = comparison * 2;

  g_return_if_fail (FD_IS_METRIC_CHART (self));
  g_return_if_fail (FD_IS_TRIAGE_SERIES (series));

  fd_metric_chart_set_points (self, fd_triage_series_get_times (series), fd_triage_series_get_n_points (series));
  if (value + 1 >= fd_triage_series_get_n_lines (series))
    return;

  fd_metric_chart_set_title (self, fd_triage_series_get_line_label (series, value));
  fd_metric_chart_set_unit (self, unit_text (fd_triage_series_get_line_unit (series, value),
                                             fd_triage_series_get_currency (series)));
  fd_metric_chart_set_value_line (self, fd_triage_series_get_line_label (series, value),
                                  fd_triage_series_get_line_values (series, value));
  fd_metric_chart_set_threshold (self, fd_triage_series_get_line_label (series, value + 1),
                                 fd_triage_series_get_line_values (series, value + 1));
  fd_metric_chart_add_markers (self, _("Would fire"), fd_triage_series_get_firings (series), TRUE);
  fd_metric_chart_add_markers (self, _("Fired"), fd_triage_series_get_decisions (series), FALSE);
}

/**
 * fd_metric_chart_get_n_markers:
 *
 * Returns: how many markers are set, over all kinds
 */
guint
fd_metric_chart_get_n_markers (FdMetricChart *self)
{
  guint n = 0;

  g_return_val_if_fail (FD_IS_METRIC_CHART (self), 0);

  for (guint i = 0; i < self->markers->len; i++)
    n += ((Markers *)g_ptr_array_index (self->markers, i))->instants->len;

  return n;
}

gboolean
fd_metric_chart_get_has_data (FdMetricChart *self)
{
  g_return_val_if_fail (FD_IS_METRIC_CHART (self), FALSE);
  return self->times->len > 0;
}

/**
 * fd_metric_chart_get_axis:
 *
 * Returns: the value axis the chart draws
 */
const FdChartAxis *
fd_metric_chart_get_axis (FdMetricChart *self)
{
  g_return_val_if_fail (FD_IS_METRIC_CHART (self), NULL);
  return &self->axis;
}
