/* fd-player-view.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-player-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "fd-media.h"
#include "fd-placement.h"
#include "fd-player-view.h"
#include "fd-safe-zone-overlay.h"

/* The review pane: a video or an image, its transport and its filmstrip.
 *
 * It owns an FdPlayer (GStreamer on its own thread) and shows its frames
 * through an FdVideoPaintable on an FdMediaCanvas, with the safe-zone and
 * drawing overlays on top. Everything a reviewer does is an action of the
 * "player" group, bound to the keys editors expect:
 *
 *   Space  play/pause        ←/→  previous/next frame   Shift+←/→  ±10 frames
 *   J K L  shuttle back, pause, forward (again: faster)
 *   I / O  loop from / to here   Ctrl+L  loop on/off    M  mute
 *   Home/End  first/last frame   + − 0 1  zoom in, out, fit, actual pixels
 *
 * Loop, mute, speed and the safe zone are also stateful actions
 * (player.loop, player.muted, player.speed, player.safe-zone) bound to the
 * view's properties, so the bar's buttons and the menus that take over
 * from them when the pane is narrow stay one state.
 *
 * Bad media shows the media layer's message in the pane; the player stays
 * usable for the next file. */

struct _FdPlayerView
{
  GtkWidget          parent_instance;

  FdPlayer          *player;
  FdVideoPaintable  *paintable;
  GtkWidget         *safe_zone;
  GtkWidget         *markup;

  GtkWidget         *overlay;
  FdMediaCanvas     *canvas;
  AdwStatusPage     *error_page;
  GtkWidget         *spinner;
  FdFilmstrip       *filmstrip;
  GtkWidget         *bar;
  GtkWidget         *transport_box;
  GtkWidget         *secondary_box;
  GtkWidget         *play_button;
  GtkWidget         *timecode_label;
  GtkWidget         *frame_label;
  GtkDropDown       *speed_dropdown;
  GtkToggleButton   *loop_button;
  GtkToggleButton   *mute_button;
  GtkWidget         *volume_scale;
  GtkDropDown       *safe_zone_dropdown;
  GtkMenuButton     *view_menu_button;
  GtkMenuButton     *all_menu_button;
  GtkWidget         *menu_volume_scales[2];

  gint64             loop_in;
  gint64             loop_out;
};

G_DEFINE_FINAL_TYPE (FdPlayerView, fd_player_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LOOP,
  PROP_MUTED,
  PROP_SPEED,
  PROP_SAFE_ZONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const double speeds[] = { 0.25, 0.5, 1.0, 1.5, 2.0 };
/* The safe-zone dropdown's rows, as the player.safe-zone action names them. */
static const char * const safe_zones[] = { "none", "stories", "reels" };

static void
update_frame_label (FdPlayerView *self)
{
  g_autofree char *text = NULL;
  gint64 n = fd_player_get_n_frames (self->player);

  /* Translators: "Frame 12 of 450" */
  text = g_strdup_printf (_("Frame %lld of %lld"),
                          (long long)fd_player_get_frame (self->player), (long long)n);
  gtk_label_set_label (GTK_LABEL (self->frame_label), text);
}

static void
on_frame_changed (FdPlayerView *self)
{
  g_autofree char *timecode = fd_player_dup_timecode (self->player);

  gtk_label_set_label (GTK_LABEL (self->timecode_label), timecode);
  update_frame_label (self);
  fd_filmstrip_set_frame (self->filmstrip, fd_player_get_frame (self->player));
}

static void
on_state_changed (FdPlayerView *self)
{
  FdPlayerState state = fd_player_get_state (self->player);
  const GError *error = fd_player_get_error (self->player);
  gboolean playing = state == FD_PLAYER_STATE_PLAYING;

  gtk_button_set_icon_name (GTK_BUTTON (self->play_button),
                            playing ? "media-playback-pause-symbolic" : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (self->play_button, playing ? _("Pause (Space)") : _("Play (Space)"));

  gtk_widget_set_visible (self->spinner, state == FD_PLAYER_STATE_LOADING);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), state == FD_PLAYER_STATE_LOADING);
  gtk_widget_set_visible (GTK_WIDGET (self->error_page), state == FD_PLAYER_STATE_ERROR);
  gtk_widget_set_visible (GTK_WIDGET (self->canvas), state != FD_PLAYER_STATE_ERROR);
  gtk_widget_set_visible (self->bar, state != FD_PLAYER_STATE_ERROR && state != FD_PLAYER_STATE_EMPTY);
  if (state == FD_PLAYER_STATE_ERROR && error != NULL)
    adw_status_page_set_description (self->error_page, error->message);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.play-pause",
                                 state == FD_PLAYER_STATE_PAUSED || state == FD_PLAYER_STATE_PLAYING);
}

static void
on_info_changed (FdPlayerView *self)
{
  const FdMediaInfo *info = fd_player_get_info (self->player);
  gboolean video = info != NULL && !info->is_image;
  gboolean portrait = info != NULL && fabs (fd_media_info_get_aspect (info) - 9.0 / 16.0) < 0.02;

  gtk_widget_set_visible (self->transport_box, video);
  gtk_widget_set_visible (self->secondary_box, video);
  gtk_widget_set_visible (self->volume_scale, video);
  for (guint i = 0; i < G_N_ELEMENTS (self->menu_volume_scales); i++)
    gtk_widget_set_visible (self->menu_volume_scales[i], video);
  gtk_widget_set_visible (GTK_WIDGET (self->filmstrip), video);
  gtk_widget_set_visible (GTK_WIDGET (self->safe_zone_dropdown), portrait);
  if (!portrait)
    gtk_drop_down_set_selected (self->safe_zone_dropdown, 0);
  /* The menus hide what does not apply (hidden-when action-disabled). */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.speed", video);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.loop", video);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.muted", video);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.safe-zone", portrait);

  fd_filmstrip_set_source (self->filmstrip, video ? fd_player_get_path (self->player) : NULL, info);
  update_frame_label (self);
}

static void
on_muted_changed (FdPlayerView *self)
{
  gboolean muted = fd_player_get_muted (self->player);

  gtk_button_set_icon_name (GTK_BUTTON (self->mute_button),
                            muted ? "audio-volume-muted-symbolic" : "audio-volume-high-symbolic");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MUTED]);
}

static void
on_speed_selected (FdPlayerView *self)
{
  guint selected = gtk_drop_down_get_selected (self->speed_dropdown);

  if (selected < G_N_ELEMENTS (speeds))
    fd_player_set_rate (self->player, speeds[selected]);
}

static void
on_rate_changed (FdPlayerView *self)
{
  double rate = fabs (fd_player_get_rate (self->player));

  for (guint i = 0; i < G_N_ELEMENTS (speeds); i++)
    if (speeds[i] == rate)
      gtk_drop_down_set_selected (self->speed_dropdown, i);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEED]);
}

static void
on_safe_zone_selected (FdPlayerView *self)
{
  static const int placements[] = { -1, FD_PLACEMENT_STORIES, FD_PLACEMENT_REELS };
  guint selected = gtk_drop_down_get_selected (self->safe_zone_dropdown);

  fd_safe_zone_overlay_set_placement (FD_SAFE_ZONE_OVERLAY (self->safe_zone),
                                      placements[MIN (selected, G_N_ELEMENTS (placements) - 1)]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAFE_ZONE]);
}

static void
on_filmstrip_seek (FdPlayerView *self,
                   gint64        frame)
{
  gint64 in = fd_player_get_loop_in (self->player);
  gint64 out = fd_player_get_loop_out (self->player);

  /* Clicking outside the loop range means "go there": looping stops
   * rather than holding the playhead inside the range. */
  if (fd_player_get_loop (self->player) && in >= 0 && (frame < in || frame > out))
    fd_player_set_loop (self->player, FALSE);
  fd_player_seek_frame (self->player, frame);
}

static void
update_loop (FdPlayerView *self)
{
  fd_filmstrip_set_loop (self->filmstrip, fd_player_get_loop_in (self->player),
                         fd_player_get_loop_out (self->player));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOOP]);
}

/* Actions */

static void
play_pause_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  FdPlayerView *self = FD_PLAYER_VIEW (widget);

  if (fd_player_get_state (self->player) != FD_PLAYER_STATE_PLAYING && fd_player_get_rate (self->player) < 0)
    fd_player_set_rate (self->player, 1.0);
  fd_player_toggle (self->player);
}

static void
step_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  FdPlayerView *self = FD_PLAYER_VIEW (widget);

  fd_player_step (self->player, g_variant_get_int32 (param));
}

/* J, K, L: K pauses; L plays forward and, pressed again, doubles the
 * speed up to 2×; J does the same backwards. */
static void
shuttle_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  FdPlayerView *self = FD_PLAYER_VIEW (widget);
  int direction = g_variant_get_int32 (param);
  double rate = fd_player_get_rate (self->player);
  gboolean playing = fd_player_get_state (self->player) == FD_PLAYER_STATE_PLAYING;

  if (direction == 0)
    {
      fd_player_pause (self->player);
      return;
    }

  if (playing && (rate > 0) == (direction > 0))
    rate = MIN (fabs (rate) * 2, FD_PLAYER_MAX_RATE) * direction;
  else
    rate = direction;

  fd_player_set_rate (self->player, rate);
  fd_player_play (self->player);
}

static void
loop_point_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  FdPlayerView *self = FD_PLAYER_VIEW (widget);
  gint64 frame = fd_player_get_frame (self->player);
  gint64 last = MAX (0, fd_player_get_n_frames (self->player) - 1);
  gint64 in = fd_player_get_loop_in (self->player);
  gint64 out = fd_player_get_loop_out (self->player);

  if (g_str_equal (name, "player.loop-in"))
    fd_player_set_loop_range (self->player, frame, out >= frame ? out : last);
  else
    fd_player_set_loop_range (self->player, in >= 0 && in <= frame ? in : 0, frame);
}

static void
toggle_loop_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  FdPlayerView *self = FD_PLAYER_VIEW (widget);

  fd_player_set_loop (self->player, !fd_player_get_loop (self->player));
}

static void
toggle_mute_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  FdPlayerView *self = FD_PLAYER_VIEW (widget);

  fd_player_set_muted (self->player, !fd_player_get_muted (self->player));
}

static void
seek_end_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  FdPlayerView *self = FD_PLAYER_VIEW (widget);

  if (g_str_equal (name, "player.first-frame"))
    fd_player_seek_frame (self->player, 0);
  else
    fd_player_seek_frame (self->player, MAX (0, fd_player_get_n_frames (self->player) - 1));
}

static void
zoom_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  FdPlayerView *self = FD_PLAYER_VIEW (widget);
  double zoom = fd_media_canvas_get_zoom (self->canvas);

  if (g_str_equal (name, "player.zoom-in"))
    fd_media_canvas_set_zoom (self->canvas, zoom * 1.5);
  else if (g_str_equal (name, "player.zoom-out"))
    fd_media_canvas_set_zoom (self->canvas, zoom / 1.5);
  else if (g_str_equal (name, "player.zoom-actual"))
    fd_media_canvas_zoom_to_actual (self->canvas);
  else
    fd_media_canvas_set_zoom (self->canvas, 1);
}

/* Properties behind the stateful actions */

static void
fd_player_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FdPlayerView *self = FD_PLAYER_VIEW (object);

  switch (prop_id)
    {
    case PROP_LOOP:
      g_value_set_boolean (value, fd_player_get_loop (self->player));
      break;
    case PROP_MUTED:
      g_value_set_boolean (value, fd_player_get_muted (self->player));
      break;
    case PROP_SPEED:
      g_value_set_double (value, CLAMP (fabs (fd_player_get_rate (self->player)), 0.25, FD_PLAYER_MAX_RATE));
      break;
    case PROP_SAFE_ZONE:
      g_value_set_string (value, safe_zones[MIN (gtk_drop_down_get_selected (self->safe_zone_dropdown),
                                                 G_N_ELEMENTS (safe_zones) - 1)]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_player_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  FdPlayerView *self = FD_PLAYER_VIEW (object);

  switch (prop_id)
    {
    case PROP_LOOP:
      fd_player_set_loop (self->player, g_value_get_boolean (value));
      break;
    case PROP_MUTED:
      fd_player_set_muted (self->player, g_value_get_boolean (value));
      break;
    case PROP_SPEED:
      /* Keeps the direction J chose. */
      fd_player_set_rate (self->player, fd_player_get_rate (self->player) < 0 ? -g_value_get_double (value)
                                                                              : g_value_get_double (value));
      break;
    case PROP_SAFE_ZONE:
      for (guint i = 0; i < G_N_ELEMENTS (safe_zones); i++)
        if (g_strcmp0 (safe_zones[i], g_value_get_string (value)) == 0)
          gtk_drop_down_set_selected (self->safe_zone_dropdown, i);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The menus that take over from the bar when the pane is narrow */

static GMenuItem *
menu_item (const char *label,
           const char *action,
           GVariant   *target)
{
  GMenuItem *item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, target);
  g_menu_item_set_attribute (item, "hidden-when", "s", "action-disabled");
  return item;
}

static void
append_item (GMenu      *menu,
             const char *label,
             const char *action,
             GVariant   *target)
{
  g_autoptr(GMenuItem) item = menu_item (label, action, target);

  g_menu_append_item (menu, item);
}

static GtkWidget *
volume_scale_new (FdPlayerView *self)
{
  GtkWidget *scale = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, 0, 1, 0.05);

  gtk_widget_set_size_request (scale, 160, -1);
  gtk_widget_set_margin_start (scale, 6);
  gtk_widget_set_margin_end (scale, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Volume"), -1);
  g_object_bind_property (self->player, "volume", gtk_range_get_adjustment (GTK_RANGE (scale)), "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  return scale;
}

static void
setup_menus (FdPlayerView *self)
{
  static const char * const speed_labels[] = { "0.25×", "0.5×", "1×", "1.5×", "2×" };
  g_autoptr(GMenu) speed = g_menu_new ();
  g_autoptr(GMenu) sound = g_menu_new ();
  g_autoptr(GMenu) volume = g_menu_new ();
  g_autoptr(GMenu) safe_zone = g_menu_new ();
  g_autoptr(GMenu) zoom = g_menu_new ();
  g_autoptr(GMenuItem) volume_item = g_menu_item_new (NULL, NULL);
  g_autoptr(GMenu) all = g_menu_new ();
  g_autoptr(GMenu) view = g_menu_new ();
  GtkMenuButton *buttons[] = { self->view_menu_button, self->all_menu_button };

  for (guint i = 0; i < G_N_ELEMENTS (speeds); i++)
    append_item (speed, speed_labels[i], "player.speed", g_variant_new_double (speeds[i]));
  append_item (sound, _("_Loop"), "player.loop", NULL);
  append_item (sound, _("_Mute"), "player.muted", NULL);
  g_menu_item_set_attribute (volume_item, "custom", "s", "volume");
  g_menu_append_item (volume, volume_item);
  append_item (safe_zone, _("_No Safe Zone"), "player.safe-zone", g_variant_new_string ("none"));
  append_item (safe_zone, _("_Stories Safe Zone"), "player.safe-zone", g_variant_new_string ("stories"));
  append_item (safe_zone, _("_Reels Safe Zone"), "player.safe-zone", g_variant_new_string ("reels"));
  append_item (zoom, _("_Fit"), "player.zoom-fit", NULL);
  append_item (zoom, _("_Actual Pixels"), "player.zoom-actual", NULL);
  append_item (zoom, _("Zoom _In"), "player.zoom-in", NULL);
  append_item (zoom, _("Zoom _Out"), "player.zoom-out", NULL);

  g_menu_append_section (all, _("Speed"), G_MENU_MODEL (speed));
  g_menu_append_section (all, NULL, G_MENU_MODEL (sound));
  g_menu_append_section (all, _("Volume"), G_MENU_MODEL (volume));
  g_menu_append_section (all, NULL, G_MENU_MODEL (safe_zone));
  g_menu_append_section (all, NULL, G_MENU_MODEL (zoom));
  g_menu_append_section (view, _("Volume"), G_MENU_MODEL (volume));
  g_menu_append_section (view, NULL, G_MENU_MODEL (safe_zone));
  g_menu_append_section (view, NULL, G_MENU_MODEL (zoom));
  gtk_menu_button_set_menu_model (self->view_menu_button, G_MENU_MODEL (view));
  gtk_menu_button_set_menu_model (self->all_menu_button, G_MENU_MODEL (all));

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkPopoverMenu *popover = GTK_POPOVER_MENU (gtk_menu_button_get_popover (buttons[i]));

      self->menu_volume_scales[i] = volume_scale_new (self);
      gtk_popover_menu_add_child (popover, self->menu_volume_scales[i], "volume");
    }
}

static void
fd_player_view_dispose (GObject *object)
{
  FdPlayerView *self = (FdPlayerView *)object;
  GtkWidget *child;

  if (self->player != NULL)
    g_signal_handlers_disconnect_by_data (self->player, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_PLAYER_VIEW);
  /* GTK 4.8 unparents only the children bound by name. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->paintable);
  g_clear_object (&self->player);

  G_OBJECT_CLASS (fd_player_view_parent_class)->dispose (object);
}

static void
fd_player_view_class_init (FdPlayerViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_player_view_dispose;
  object_class->get_property = fd_player_view_get_property;
  object_class->set_property = fd_player_view_set_property;

  properties[PROP_LOOP] =
    g_param_spec_boolean ("loop", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MUTED] =
    g_param_spec_boolean ("muted", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SPEED] =
    g_param_spec_double ("speed", NULL, NULL, 0.25, FD_PLAYER_MAX_RATE, 1,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SAFE_ZONE] =
    g_param_spec_string ("safe-zone", NULL, NULL, "none",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FD_TYPE_MEDIA_CANVAS);
  g_type_ensure (FD_TYPE_FILMSTRIP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/flightdeck/Flightdeck/media/fd-player-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FdPlayerView, overlay);
  gtk_widget_class_bind_template_child (widget_class, FdPlayerView, canvas);
  gtk_widget_class_bind_template_child (widget_class, FdPlayerView, error_page);
  gtk_widget_class_bind_template_child (widget_class, FdPlayerView, spinner);
  gtk_widget_class_bind_template_child (widget_class, FdPlayerView, filmstrip);
  gtk_widget_class_bind_template_child (widget_class, FdPlayerView, bar);
  gtk_widget_class_bind_template_child (widget_class, FdPlayerView, transport_box);
  gtk_widget_class_bind_template_child (widget_class, FdPlayerView, secondary_box);
  gtk_widget_class_bind_template_child (widget_class, FdPlayerView, play_button);
  gtk_widget_class_bind_template_child (widget_class, FdPlayerView, timecode_label);
  gtk_widget_class_bind_template_child (widget_class, FdPlayerView, frame_label);
  gtk_widget_class_bind_template_child (widget_class, FdPlayerView, speed_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FdPlayerView, loop_button);
  gtk_widget_class_bind_template_child (widget_class, FdPlayerView, mute_button);
  gtk_widget_class_bind_template_child (widget_class, FdPlayerView, volume_scale);
  gtk_widget_class_bind_template_child (widget_class, FdPlayerView, safe_zone_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FdPlayerView, view_menu_button);
  gtk_widget_class_bind_template_child (widget_class, FdPlayerView, all_menu_button);

  gtk_widget_class_install_property_action (widget_class, "player.loop", "loop");
  gtk_widget_class_install_property_action (widget_class, "player.muted", "muted");
  gtk_widget_class_install_property_action (widget_class, "player.speed", "speed");
  gtk_widget_class_install_property_action (widget_class, "player.safe-zone", "safe-zone");
  gtk_widget_class_install_action (widget_class, "player.play-pause", NULL, play_pause_action);
  gtk_widget_class_install_action (widget_class, "player.step", "i", step_action);
  gtk_widget_class_install_action (widget_class, "player.shuttle", "i", shuttle_action);
  gtk_widget_class_install_action (widget_class, "player.loop-in", NULL, loop_point_action);
  gtk_widget_class_install_action (widget_class, "player.loop-out", NULL, loop_point_action);
  gtk_widget_class_install_action (widget_class, "player.toggle-loop", NULL, toggle_loop_action);
  gtk_widget_class_install_action (widget_class, "player.toggle-mute", NULL, toggle_mute_action);
  gtk_widget_class_install_action (widget_class, "player.first-frame", NULL, seek_end_action);
  gtk_widget_class_install_action (widget_class, "player.last-frame", NULL, seek_end_action);
  gtk_widget_class_install_action (widget_class, "player.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "player.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "player.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "player.zoom-actual", NULL, zoom_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "player.play-pause", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "player.step", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "player.step", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_SHIFT_MASK, "player.step", "i", -10);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_SHIFT_MASK, "player.step", "i", 10);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_j, 0, "player.shuttle", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, 0, "player.shuttle", "i", 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, 0, "player.shuttle", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, 0, "player.loop-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, 0, "player.loop-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "player.toggle-loop", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, 0, "player.toggle-mute", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "player.first-frame", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "player.last-frame", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "player.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "player.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "player.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "player.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, 0, "player.zoom-actual", NULL);

  gtk_widget_class_set_css_name (widget_class, "fd-player-view");
}

static void
fd_player_view_init (FdPlayerView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  self->player = fd_player_new ();
  self->paintable = fd_video_paintable_new (self->player);
  fd_media_canvas_set_paintable (self->canvas, 0, GDK_PAINTABLE (self->paintable));

  self->safe_zone = fd_safe_zone_overlay_new (self->canvas);
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), self->safe_zone);
  self->markup = fd_markup_overlay_new (self->canvas);
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), self->markup);

  g_signal_connect_swapped (self->player, "notify::frame", G_CALLBACK (on_frame_changed), self);
  g_signal_connect_swapped (self->player, "notify::state", G_CALLBACK (on_state_changed), self);
  g_signal_connect_swapped (self->player, "notify::info", G_CALLBACK (on_info_changed), self);
  g_signal_connect_swapped (self->player, "notify::muted", G_CALLBACK (on_muted_changed), self);
  g_signal_connect_swapped (self->player, "notify::rate", G_CALLBACK (on_rate_changed), self);
  g_signal_connect_swapped (self->player, "notify::loop", G_CALLBACK (update_loop), self);
  g_signal_connect_swapped (self->player, "notify::loop-in", G_CALLBACK (update_loop), self);
  g_signal_connect_swapped (self->player, "notify::loop-out", G_CALLBACK (update_loop), self);

  g_object_bind_property (self->player, "volume",
                          gtk_range_get_adjustment (GTK_RANGE (self->volume_scale)), "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  setup_menus (self);

  g_signal_connect_object (self->speed_dropdown, "notify::selected", G_CALLBACK (on_speed_selected), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->safe_zone_dropdown, "notify::selected", G_CALLBACK (on_safe_zone_selected),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filmstrip, "seek", G_CALLBACK (on_filmstrip_seek), self, G_CONNECT_SWAPPED);

  on_state_changed (self);
  on_info_changed (self);
}

GtkWidget *
fd_player_view_new (void)
{
  return g_object_new (FD_TYPE_PLAYER_VIEW, NULL);
}

/**
 * fd_player_view_open:
 * @path: a video or an image
 */
void
fd_player_view_open (FdPlayerView *self,
                     const char   *path)
{
  g_return_if_fail (FD_IS_PLAYER_VIEW (self));

  fd_media_canvas_set_zoom (self->canvas, 1);
  fd_player_open (self->player, path);
}

/**
 * fd_player_view_seek_frame:
 *
 * Shows exactly @frame (a comment's frame).
 */
void
fd_player_view_seek_frame (FdPlayerView *self,
                           gint64        frame)
{
  g_return_if_fail (FD_IS_PLAYER_VIEW (self));
  fd_player_seek_frame (self->player, frame);
}

/**
 * fd_player_view_get_player:
 *
 * Returns: (transfer none): the player
 */
FdPlayer *
fd_player_view_get_player (FdPlayerView *self)
{
  g_return_val_if_fail (FD_IS_PLAYER_VIEW (self), NULL);
  return self->player;
}

/**
 * fd_player_view_get_paintable:
 *
 * Returns: (transfer none): the paintable the canvas draws
 */
FdVideoPaintable *
fd_player_view_get_paintable (FdPlayerView *self)
{
  g_return_val_if_fail (FD_IS_PLAYER_VIEW (self), NULL);
  return self->paintable;
}

/**
 * fd_player_view_get_canvas:
 *
 * Returns: (transfer none): the canvas (zoom and pan)
 */
FdMediaCanvas *
fd_player_view_get_canvas (FdPlayerView *self)
{
  g_return_val_if_fail (FD_IS_PLAYER_VIEW (self), NULL);
  return self->canvas;
}

/**
 * fd_player_view_get_filmstrip:
 *
 * Returns: (transfer none): the filmstrip (comment markers go there)
 */
FdFilmstrip *
fd_player_view_get_filmstrip (FdPlayerView *self)
{
  g_return_val_if_fail (FD_IS_PLAYER_VIEW (self), NULL);
  return self->filmstrip;
}

/**
 * fd_player_view_get_markup_overlay:
 *
 * Returns: (transfer none): the drawing overlay
 */
FdMarkupOverlay *
fd_player_view_get_markup_overlay (FdPlayerView *self)
{
  g_return_val_if_fail (FD_IS_PLAYER_VIEW (self), NULL);
  return FD_MARKUP_OVERLAY (self->markup);
}

/**
 * fd_player_view_set_safe_zone:
 * @placement: FD_PLACEMENT_STORIES or FD_PLACEMENT_REELS, or -1
 */
void
fd_player_view_set_safe_zone (FdPlayerView *self,
                              int           placement)
{
  g_return_if_fail (FD_IS_PLAYER_VIEW (self));

  gtk_drop_down_set_selected (self->safe_zone_dropdown,
                              placement == FD_PLACEMENT_STORIES ? 1 : placement == FD_PLACEMENT_REELS ? 2 : 0);
  fd_safe_zone_overlay_set_placement (FD_SAFE_ZONE_OVERLAY (self->safe_zone), placement);
}

/**
 * fd_player_view_set_markers:
 * @frames: (nullable) (element-type gint64): frames with comments
 */
void
fd_player_view_set_markers (FdPlayerView *self,
                            GArray       *frames)
{
  g_return_if_fail (FD_IS_PLAYER_VIEW (self));
  fd_filmstrip_set_markers (self->filmstrip, frames);
}
