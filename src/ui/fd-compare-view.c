/* fd-compare-view.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-compare-view"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "fd-compare-view.h"
#include "fd-media.h"
#include "fd-media-probe.h"
#include "fd-video-paintable.h"
#include "fd-wrap-box.h"

/* Two versions of a cut (or of an image) compared: side by side, wipe, or
 * difference, on one transport (FdCompareTransport), with zoom and pan
 * locked (one FdMediaCanvas draws both), per-side offsets for re-cuts,
 * the sound of A or B, and a change timeline under the picture.
 *
 * Opening probes both files on a worker thread first: when B has A's
 * shape but another size (a 720p proxy of a 1080p master), B is scaled to
 * A's size so wipe and difference line up pixel for pixel. The change
 * timeline comes from an FdMediaDiff job in the background, cached per
 * version pair (fd_compare_view_set_cache()).
 *
 * Actions ("compare" group): play-pause (Space), step (←/→), mode
 * ("side-by-side", "wipe", "difference"; keys 1, 2, 3), next-change (N),
 * zoom-in/zoom-out/zoom-fit (+ − 0). */

struct _FdCompareView
{
  GtkWidget              parent_instance;

  FdCompareTransport    *transport;
  FdVideoPaintable      *paintables[2];
  FdDifferencePaintable *difference;
  char                  *mode;
  char                  *paths[2];
  char                  *cache_dir;
  char                  *ids[2];
  GCancellable          *cancellable;
  FdMediaDiff           *diff;
  FdMediaDiffResult     *diff_result;

  FdMediaCanvas         *canvas;
  GtkWidget             *notice;
  FdFilmstrip           *timeline;
  GtkWidget             *gain_box;
  GtkWidget             *gain_scale;
  GtkWidget             *offset_a;
  GtkWidget             *offset_b;
  GtkDropDown           *audio_dropdown;
  GtkWidget             *play_button;
  GtkWidget             *timecode_label;
  GtkWidget             *changes_label;
};

G_DEFINE_FINAL_TYPE (FdCompareView, fd_compare_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  const char   *id;
  FdCanvasMode  canvas;
} modes[] = {
  { "side-by-side", FD_CANVAS_SIDE_BY_SIDE },
  { "wipe", FD_CANVAS_WIPE },
  { "difference", FD_CANVAS_DIFFERENCE },
};

static char *
format_time (double seconds)
{
  int minutes = (int)(seconds / 60);

  return g_strdup_printf ("%d:%06.3f", minutes, seconds - minutes * 60);
}

static void
update_notice (FdCompareView *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *names[2] = { "A", "B" };

  for (int side = 0; side < 2; side++)
    {
      FdPlayer *player = fd_compare_transport_get_player (self->transport, side);
      const GError *error = fd_player_get_error (player);

      if (error != NULL)
        g_string_append_printf (text, "%s%s: %s", text->len ? "\n" : "", names[side], error->message);
    }

  if (text->len == 0 && g_strcmp0 (self->mode, "difference") == 0 &&
      !fd_difference_paintable_get_compatible (self->difference))
    g_string_append (text, _("The versions have different shapes, so they cannot be compared pixel by "
                             "pixel. Use side by side."));

  gtk_label_set_label (GTK_LABEL (self->notice), text->str);
  gtk_widget_set_visible (self->notice, text->len > 0);
}

static void
on_frame_changed (FdCompareView *self)
{
  gint64 frame = fd_compare_transport_get_frame (self->transport);
  g_autofree char *timecode = fd_media_format_timecode (fd_compare_transport_get_fps (self->transport),
                                                        MAX (frame, 0));

  gtk_label_set_label (GTK_LABEL (self->timecode_label), timecode);
  fd_filmstrip_set_frame (self->timeline, MAX (frame, 0));
}

static void
on_playing_changed (FdCompareView *self)
{
  gboolean playing = fd_compare_transport_get_playing (self->transport);

  gtk_button_set_icon_name (GTK_BUTTON (self->play_button),
                            playing ? "media-playback-pause-symbolic" : "media-playback-start-symbolic");
}

static void
on_a_info (FdCompareView *self)
{
  FdPlayer *a = fd_compare_transport_get_player (self->transport, FD_COMPARE_SIDE_A);
  const FdMediaInfo *info = fd_player_get_info (a);

  fd_filmstrip_set_source (self->timeline, info && !info->is_image ? fd_player_get_path (a) : NULL, info);
  fd_filmstrip_set_n_frames (self->timeline, fd_compare_transport_get_n_frames (self->transport));
}

static void
show_diff_result (FdCompareView *self)
{
  const FdMediaDiffResult *r = self->diff_result;
  g_autofree char *text = NULL;

  fd_filmstrip_set_ranges (self->timeline, r->ranges);
  fd_filmstrip_set_progress (self->timeline, 1);

  if (r->ranges->len == 0)
    text = g_strdup_printf (_("No differences in %lld frames compared"), (long long)r->frames_compared);
  else
    {
      const FdChangeRange *first = &g_array_index (r->ranges, FdChangeRange, 0);
      g_autofree char *start = format_time (first->start);
      g_autofree char *end = format_time (first->end);
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u changed range",
                                                             "%u changed ranges", r->ranges->len),
                                                r->ranges->len);

      /* Translators: "2 changed ranges; first 0:01.000–0:01.500 (frames 30–44)" */
      text = g_strdup_printf (_("%s; first %s–%s (frames %lld–%lld)"),
                              count, start, end, (long long)first->first_frame, (long long)first->last_frame);
    }
  gtk_label_set_label (GTK_LABEL (self->changes_label), text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.next-change", r->ranges->len > 0);
}

static void
on_diff_progress (FdCompareView *self)
{
  double progress = fd_media_diff_get_progress (self->diff);
  g_autofree char *text = g_strdup_printf (_("Finding changes… %.0f %%"), progress * 100);

  fd_filmstrip_set_progress (self->timeline, progress);
  if (self->diff_result == NULL)
    gtk_label_set_label (GTK_LABEL (self->changes_label), text);
}

static void
on_diff_done (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(FdCompareView) self = data;
  g_autoptr(GError) error = NULL;
  FdMediaDiffResult *diff_result = fd_media_diff_run_finish (FD_MEDIA_DIFF (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (diff_result == NULL)
    {
      gtk_label_set_label (GTK_LABEL (self->changes_label), error->message);
      fd_filmstrip_set_progress (self->timeline, 1);
      return;
    }

  g_clear_pointer (&self->diff_result, fd_media_diff_result_free);
  self->diff_result = diff_result;
  show_diff_result (self);
}

static void
start_diff (FdCompareView *self)
{
  if (self->diff != NULL)
    g_signal_handlers_disconnect_by_data (self->diff, self);
  g_clear_object (&self->diff);
  g_clear_pointer (&self->diff_result, fd_media_diff_result_free);
  fd_filmstrip_set_ranges (self->timeline, NULL);

  self->diff = fd_media_diff_new (self->paths[0], self->paths[1]);
  fd_media_diff_set_offset (self->diff, fd_compare_transport_get_offset (self->transport, FD_COMPARE_SIDE_B) -
                                        fd_compare_transport_get_offset (self->transport, FD_COMPARE_SIDE_A));
  if (self->cache_dir != NULL)
    fd_media_diff_set_cache (self->diff, self->cache_dir, self->ids[0], self->ids[1]);
  g_signal_connect_swapped (self->diff, "notify::progress", G_CALLBACK (on_diff_progress), self);
  fd_media_diff_run_async (self->diff, self->cancellable, on_diff_done, g_object_ref (self));
}

/* Opening: probe on a worker, then size B and open both. */

typedef struct
{
  char        *paths[2];
  FdMediaInfo *infos[2];
} ProbeJob;

static void
probe_job_free (gpointer data)
{
  ProbeJob *job = data;

  for (int i = 0; i < 2; i++)
    {
      g_free (job->paths[i]);
      g_clear_pointer (&job->infos[i], fd_media_info_free);
    }
  g_free (job);
}

static void
probe_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  ProbeJob *job = task_data;

  /* Errors are left to each side's player, which shows them. */
  for (int i = 0; i < 2; i++)
    job->infos[i] = fd_media_probe_file (job->paths[i], cancellable, NULL);
  g_task_return_boolean (task, TRUE);
}

static void
on_probed (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  FdCompareView *self = FD_COMPARE_VIEW (source);
  ProbeJob *job = g_task_get_task_data (G_TASK (result));
  FdPlayer *b;
  int width = 0, height = 0;

  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    return;

  b = fd_compare_transport_get_player (self->transport, FD_COMPARE_SIDE_B);
  if (job->infos[0] != NULL && job->infos[1] != NULL &&
      fabs (fd_media_info_get_aspect (job->infos[0]) / fd_media_info_get_aspect (job->infos[1]) - 1) < 0.01)
    {
      width = fd_media_info_get_display_width (job->infos[0]);
      height = job->infos[0]->height;
    }
  fd_player_set_output_size (b, width, height);

  fd_compare_transport_open (self->transport, self->paths[0], self->paths[1]);
  start_diff (self);
}

/* Actions */

static void
play_pause_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  fd_compare_transport_toggle (FD_COMPARE_VIEW (widget)->transport);
}

static void
step_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  fd_compare_transport_step (FD_COMPARE_VIEW (widget)->transport, g_variant_get_int32 (param));
}

static void
next_change_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  FdCompareView *self = FD_COMPARE_VIEW (widget);
  gint64 frame = fd_compare_transport_get_frame (self->transport);

  if (self->diff_result == NULL || self->diff_result->ranges->len == 0)
    return;

  /* The next range after the frame shown, wrapping to the first. */
  for (guint i = 0; i <= self->diff_result->ranges->len; i++)
    {
      const FdChangeRange *r = &g_array_index (self->diff_result->ranges, FdChangeRange,
                                               i % self->diff_result->ranges->len);

      if (r->first_frame > frame || i == self->diff_result->ranges->len)
        {
          fd_compare_transport_seek_frame (self->transport, r->first_frame);
          return;
        }
    }
}

static void
zoom_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  FdCompareView *self = FD_COMPARE_VIEW (widget);
  double zoom = fd_media_canvas_get_zoom (self->canvas);

  if (g_str_equal (name, "compare.zoom-in"))
    fd_media_canvas_set_zoom (self->canvas, zoom * 1.5);
  else if (g_str_equal (name, "compare.zoom-out"))
    fd_media_canvas_set_zoom (self->canvas, zoom / 1.5);
  else
    fd_media_canvas_set_zoom (self->canvas, 1);
}

static void
fd_compare_view_dispose (GObject *object)
{
  FdCompareView *self = (FdCompareView *)object;
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  if (self->diff != NULL)
    g_signal_handlers_disconnect_by_data (self->diff, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_COMPARE_VIEW);
  /* GTK 4.8 unparents only the children bound by name. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->difference);
  g_clear_object (&self->paintables[0]);
  g_clear_object (&self->paintables[1]);
  g_clear_object (&self->transport);
  g_clear_object (&self->diff);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->diff_result, fd_media_diff_result_free);

  G_OBJECT_CLASS (fd_compare_view_parent_class)->dispose (object);
}

static void
fd_compare_view_finalize (GObject *object)
{
  FdCompareView *self = (FdCompareView *)object;

  g_free (self->mode);
  g_free (self->cache_dir);
  for (int i = 0; i < 2; i++)
    {
      g_free (self->paths[i]);
      g_free (self->ids[i]);
    }

  G_OBJECT_CLASS (fd_compare_view_parent_class)->finalize (object);
}

static void
fd_compare_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  FdCompareView *self = FD_COMPARE_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODE:
      g_value_set_string (value, self->mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_compare_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  FdCompareView *self = FD_COMPARE_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODE:
      fd_compare_view_set_mode (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_compare_view_class_init (FdCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_compare_view_dispose;
  object_class->finalize = fd_compare_view_finalize;
  object_class->get_property = fd_compare_view_get_property;
  object_class->set_property = fd_compare_view_set_property;

  properties[PROP_MODE] =
    g_param_spec_string ("mode", NULL, NULL, "side-by-side",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FD_TYPE_MEDIA_CANVAS);
  g_type_ensure (FD_TYPE_FILMSTRIP);
  g_type_ensure (FD_TYPE_WRAP_BOX);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/flightdeck/Flightdeck/media/fd-compare-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FdCompareView, canvas);
  gtk_widget_class_bind_template_child (widget_class, FdCompareView, notice);
  gtk_widget_class_bind_template_child (widget_class, FdCompareView, timeline);
  gtk_widget_class_bind_template_child (widget_class, FdCompareView, gain_box);
  gtk_widget_class_bind_template_child (widget_class, FdCompareView, gain_scale);
  gtk_widget_class_bind_template_child (widget_class, FdCompareView, offset_a);
  gtk_widget_class_bind_template_child (widget_class, FdCompareView, offset_b);
  gtk_widget_class_bind_template_child (widget_class, FdCompareView, audio_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FdCompareView, play_button);
  gtk_widget_class_bind_template_child (widget_class, FdCompareView, timecode_label);
  gtk_widget_class_bind_template_child (widget_class, FdCompareView, changes_label);

  gtk_widget_class_install_property_action (widget_class, "compare.mode", "mode");
  gtk_widget_class_install_action (widget_class, "compare.play-pause", NULL, play_pause_action);
  gtk_widget_class_install_action (widget_class, "compare.step", "i", step_action);
  gtk_widget_class_install_action (widget_class, "compare.next-change", NULL, next_change_action);
  gtk_widget_class_install_action (widget_class, "compare.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "compare.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "compare.zoom-fit", NULL, zoom_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "compare.play-pause", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "compare.step", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "compare.step", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, 0, "compare.mode", "s", "side-by-side");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, 0, "compare.mode", "s", "wipe");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, 0, "compare.mode", "s", "difference");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, 0, "compare.next-change", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "compare.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "compare.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "compare.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "compare.zoom-fit", NULL);

  gtk_widget_class_set_css_name (widget_class, "fd-compare-view");
}

static void
on_timeline_seek (FdCompareView *self,
                  gint64         frame)
{
  fd_compare_transport_seek_frame (self->transport, frame);
}

static void
push_frame (GstSample *sample,
            gint64     frame,
            gpointer   data)
{
  fd_video_paintable_push_frame (data, sample, frame);
}

static void
push_pair (GstSample *a,
           GstSample *b,
           gpointer   data)
{
  fd_difference_paintable_set_pair (data, a, b);
}

static void
fd_compare_view_init (FdCompareView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  self->mode = g_strdup ("side-by-side");
  self->cancellable = g_cancellable_new ();
  self->transport = fd_compare_transport_new ();
  for (int side = 0; side < 2; side++)
    {
      FdPlayer *player = fd_compare_transport_get_player (self->transport, side);

      /* Frames come through the transport, which pairs the two sides. */
      self->paintables[side] = fd_video_paintable_new_fed (player);
      fd_compare_transport_set_frame_func (self->transport, side, push_frame,
                                           g_object_ref (self->paintables[side]),
                                           g_object_unref);
      fd_media_canvas_set_paintable (self->canvas, side, GDK_PAINTABLE (self->paintables[side]));
      g_signal_connect_object (player, "notify::error", G_CALLBACK (update_notice), self, G_CONNECT_SWAPPED);
    }
  self->difference = fd_difference_paintable_new (self->paintables[0], self->paintables[1]);
  /* The difference takes the two frames on screen as one pair. */
  fd_compare_transport_set_pair_func (self->transport, push_pair,
                                      g_object_ref (self->difference), g_object_unref);
  fd_media_canvas_set_difference (self->canvas, GDK_PAINTABLE (self->difference));
  fd_media_canvas_set_labels (self->canvas, "A", "B");

  g_signal_connect_object (self->difference, "notify::compatible", G_CALLBACK (update_notice), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->transport, "notify::frame", G_CALLBACK (on_frame_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->transport, "notify::playing", G_CALLBACK (on_playing_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->transport, "notify::n-frames", G_CALLBACK (on_a_info), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timeline, "seek", G_CALLBACK (on_timeline_seek), self, G_CONNECT_SWAPPED);

  g_object_bind_property (self->difference, "gain",
                          gtk_range_get_adjustment (GTK_RANGE (self->gain_scale)), "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->transport, "offset-a",
                          gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (self->offset_a)), "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->transport, "offset-b",
                          gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (self->offset_b)), "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->transport, "audio-side", self->audio_dropdown, "selected",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  gtk_widget_set_visible (self->gain_box, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.next-change", FALSE);
}

GtkWidget *
fd_compare_view_new (void)
{
  return g_object_new (FD_TYPE_COMPARE_VIEW, NULL);
}

/**
 * fd_compare_view_open:
 * @path_a: the earlier version
 * @path_b: the later version
 * @label_a: (nullable): its name on the picture ("v2")
 * @label_b: (nullable): likewise ("v3")
 */
void
fd_compare_view_open (FdCompareView *self,
                      const char    *path_a,
                      const char    *path_b,
                      const char    *label_a,
                      const char    *label_b)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  ProbeJob *job;

  g_return_if_fail (FD_IS_COMPARE_VIEW (self));

  g_free (self->paths[0]);
  self->paths[0] = g_strdup (path_a);
  g_free (self->paths[1]);
  self->paths[1] = g_strdup (path_b);

  a = g_strdup_printf ("A · %s", label_a ? label_a : _("earlier"));
  b = g_strdup_printf ("B · %s", label_b ? label_b : _("later"));
  fd_media_canvas_set_labels (self->canvas, a, b);
  gtk_label_set_label (GTK_LABEL (self->changes_label), _("Finding changes…"));

  job = g_new0 (ProbeJob, 1);
  job->paths[0] = g_strdup (path_a);
  job->paths[1] = g_strdup (path_b);
  task = g_task_new (self, self->cancellable, on_probed, NULL);
  g_task_set_task_data (task, job, probe_job_free);
  g_task_run_in_thread (task, probe_in_thread);
}

/**
 * fd_compare_view_set_cache:
 * @cache_dir: (nullable): where change timelines are cached
 * @id_a: (nullable): A's content hash
 * @id_b: (nullable): B's content hash
 *
 * Call before fd_compare_view_open().
 */
void
fd_compare_view_set_cache (FdCompareView *self,
                           const char    *cache_dir,
                           const char    *id_a,
                           const char    *id_b)
{
  g_return_if_fail (FD_IS_COMPARE_VIEW (self));

  g_free (self->cache_dir);
  self->cache_dir = g_strdup (cache_dir);
  g_free (self->ids[0]);
  self->ids[0] = g_strdup (id_a);
  g_free (self->ids[1]);
  self->ids[1] = g_strdup (id_b);
}

/**
 * fd_compare_view_set_mode:
 * @mode: "side-by-side", "wipe" or "difference"
 */
void
fd_compare_view_set_mode (FdCompareView *self,
                          const char    *mode)
{
  g_return_if_fail (FD_IS_COMPARE_VIEW (self));

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    if (g_strcmp0 (modes[i].id, mode) == 0)
      {
        gboolean difference = modes[i].canvas == FD_CANVAS_DIFFERENCE;

        if (g_strcmp0 (self->mode, mode) == 0)
          return;

        g_free (self->mode);
        self->mode = g_strdup (mode);
        fd_difference_paintable_set_active (self->difference, difference);
        fd_media_canvas_set_mode (self->canvas, modes[i].canvas);
        gtk_widget_set_visible (self->gain_box, difference);
        update_notice (self);
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
        return;
      }

  g_warning ("Unknown compare mode “%s”", mode);
}

const char *
fd_compare_view_get_mode (FdCompareView *self)
{
  g_return_val_if_fail (FD_IS_COMPARE_VIEW (self), NULL);
  return self->mode;
}

/**
 * fd_compare_view_get_transport:
 *
 * Returns: (transfer none): the transport both versions run on
 */
FdCompareTransport *
fd_compare_view_get_transport (FdCompareView *self)
{
  g_return_val_if_fail (FD_IS_COMPARE_VIEW (self), NULL);
  return self->transport;
}

/**
 * fd_compare_view_get_canvas:
 *
 * Returns: (transfer none): the canvas
 */
FdMediaCanvas *
fd_compare_view_get_canvas (FdCompareView *self)
{
  g_return_val_if_fail (FD_IS_COMPARE_VIEW (self), NULL);
  return self->canvas;
}

/**
 * fd_compare_view_get_timeline:
 *
 * Returns: (transfer none): the change timeline
 */
FdFilmstrip *
fd_compare_view_get_timeline (FdCompareView *self)
{
  g_return_val_if_fail (FD_IS_COMPARE_VIEW (self), NULL);
  return self->timeline;
}

/**
 * fd_compare_view_get_difference:
 *
 * Returns: (transfer none): the difference picture
 */
FdDifferencePaintable *
fd_compare_view_get_difference (FdCompareView *self)
{
  g_return_val_if_fail (FD_IS_COMPARE_VIEW (self), NULL);
  return self->difference;
}

/**
 * fd_compare_view_get_diff_result:
 *
 * Returns: (transfer none) (nullable): the change timeline, once computed
 */
const FdMediaDiffResult *
fd_compare_view_get_diff_result (FdCompareView *self)
{
  g_return_val_if_fail (FD_IS_COMPARE_VIEW (self), NULL);
  return self->diff_result;
}
