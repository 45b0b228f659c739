/* test-ui-media.c: the paintable, the player view, the compare view, the
 * text diff view and the filmstrip, on a real display (Xvfb)
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <gst/video/video.h>

#include "fd-compare-view.h"
#include "fd-markup-overlay.h"
#include "fd-player-view.h"
#include "fd-safe-zone-overlay.h"
#include "fd-test-media.h"
#include "fd-test-util.h"
#include "fd-text-diff-view.h"

static char *media_dir;
static char *clip;        /* 320×240, 30 fps, 90 frames */
static char *clip_marked; /* the same with a mark on 30–44 */
static GThread *main_thread;

typedef gboolean (*Check) (gpointer data);

static void
wait_until (Check       check,
            gpointer    data,
            const char *what)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!check (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for %s", what);
      /* The test itself must never block the main loop it checks. */
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
paintable_at (gpointer data)
{
  gpointer *args = data;

  return fd_video_paintable_get_frame (args[0]) == GPOINTER_TO_INT (args[1]) &&
         !fd_player_get_seeking (fd_video_paintable_get_player (args[0]));
}

static void
wait_paintable_frame (FdVideoPaintable *paintable,
                      int               frame)
{
  gpointer args[2] = { paintable, GINT_TO_POINTER (frame) };
  g_autofree char *what = g_strdup_printf ("frame %d on the paintable", frame);

  wait_until (paintable_at, args, what);
}

static void
on_invalidate (GdkPaintable *paintable,
               guint        *count)
{
  /* Frames reach the paintable on the main thread, never elsewhere. */
  g_assert_true (g_thread_self () == main_thread);
  (*count)++;
}

static void
test_paintable (void)
{
  g_autoptr(FdPlayer) player = fd_player_new ();
  g_autoptr(FdVideoPaintable) paintable = fd_video_paintable_new (player);
  guint invalidations = 0;
  guint64 received, shown;

  g_signal_connect (paintable, "invalidate-contents", G_CALLBACK (on_invalidate), &invalidations);

  fd_player_set_clock_sync (player, FALSE);
  fd_player_open (player, clip);
  wait_paintable_frame (paintable, 0);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (GDK_PAINTABLE (paintable)), ==, 320);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (GDK_PAINTABLE (paintable)), ==, 240);
  g_assert_nonnull (fd_video_paintable_get_texture (paintable));

  /* What the paintable shows is the exact frame asked for. */
  fd_player_seek_frame (player, 47);
  wait_paintable_frame (paintable, 47);
  g_assert_cmpint (fd_test_media_read_number (fd_video_paintable_get_sample (paintable)), ==, 47);
  fd_player_step (player, -1);
  wait_paintable_frame (paintable, 46);
  g_assert_cmpint (fd_test_media_read_number (fd_video_paintable_get_sample (paintable)), ==, 46);

  /* Frames decoded while the main loop is busy are coalesced: one
   * invalidation shows the newest of them. */
  invalidations = 0;
  received = fd_video_paintable_get_frames_received (paintable);
  shown = fd_video_paintable_get_frames_shown (paintable);
  fd_player_play (player);
  g_usleep (400 * 1000);
  g_assert_cmpuint (fd_video_paintable_get_frames_received (paintable) - received, >, 5);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (fd_video_paintable_get_frames_shown (paintable) - shown, <=, 3);
  g_assert_cmpuint (invalidations, <=, 3);
  g_assert_cmpuint (invalidations, >=, 1);
}

/* One pixel of a texture as GTK hands it to a renderer (cairo ARGB32,
 * premultiplied: B, G, R, A on little-endian). */
static void
texture_pixel (GdkTexture *texture,
               int         x,
               int         y,
               guint8      bgra[4])
{
  int w = gdk_texture_get_width (texture);
  int h = gdk_texture_get_height (texture);
  g_autofree guint8 *pixels = g_malloc ((gsize)w * h * 4);

  gdk_texture_download (texture, pixels, (gsize)w * 4);
  memcpy (bgra, pixels + ((gsize)y * w + x) * 4, 4);
}

/* The still a player shows for @path, once it has it. */
static GstSample *
still_sample (const char *path)
{
  g_autoptr(FdPlayer) player = fd_player_new ();
  g_autoptr(FdVideoPaintable) paintable = fd_video_paintable_new (player);

  fd_player_open (player, path);
  wait_paintable_frame (paintable, 0);
  return gst_sample_ref (fd_video_paintable_get_sample (paintable));
}

static const char *
sample_format (GstSample *sample)
{
  return gst_structure_get_string (gst_caps_get_structure (gst_sample_get_caps (sample), 0), "format");
}

/* What reaches GTK: 4:2:0 video and opaque stills as packed RGB, a still
 * with transparency as straight RGBA; colours land in the right channels
 * and alpha is kept. */
static void
test_texture_formats (void)
{
  g_autofree char *opaque = g_build_filename (media_dir, "blue.png", NULL);
  g_autofree char *translucent = g_build_filename (media_dir, "red-half.png", NULL);
  g_autoptr(GstSample) video = NULL;
  g_autoptr(GstSample) blue = NULL;
  g_autoptr(GstSample) red = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  guint8 bgra[4];

  video = still_sample (clip);
  g_assert_cmpstr (sample_format (video), ==, "RGB");
  texture = fd_video_paintable_texture_for_sample (video);
  g_assert_nonnull (texture);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 320);
  /* Frame 0's first bit block is dark: the number's bits read back. */
  g_assert_cmpint (fd_test_media_read_number (video), ==, 0);
  g_clear_object (&texture);

  fd_test_media_write_still (opaque, "RGB", 0xff0000ff, &error);
  g_assert_no_error (error);
  blue = still_sample (opaque);
  g_assert_cmpstr (sample_format (blue), ==, "RGB");
  texture = fd_video_paintable_texture_for_sample (blue);
  texture_pixel (texture, 10, 10, bgra);
  g_assert_cmpint (bgra[0], >, 240);
  g_assert_cmpint (bgra[1], <, 15);
  g_assert_cmpint (bgra[2], <, 15);
  g_assert_cmpint (bgra[3], ==, 255);
  g_clear_object (&texture);

  fd_test_media_write_still (translucent, "RGBA", 0x80ff0000, &error);
  g_assert_no_error (error);
  red = still_sample (translucent);
  g_assert_cmpstr (sample_format (red), ==, "RGBA");
  texture = fd_video_paintable_texture_for_sample (red);
  texture_pixel (texture, 10, 10, bgra);
  g_assert_cmpint (ABS (bgra[3] - 128), <=, 2);
  g_assert_cmpint (ABS (bgra[2] - bgra[3]), <=, 2);   /* red, premultiplied */
  g_assert_cmpint (bgra[1], <, 8);
  g_assert_cmpint (bgra[0], <, 8);
}

static gboolean
player_in_state (gpointer data)
{
  gpointer *args = data;

  return (int)fd_player_get_state (args[0]) == GPOINTER_TO_INT (args[1]);
}

static void
wait_state (FdPlayer      *player,
            FdPlayerState  state)
{
  gpointer args[2] = { player, GINT_TO_POINTER (state) };

  wait_until (player_in_state, args, "a player state");
}

static gboolean
is_allocated (gpointer data)
{
  return gtk_widget_get_width (data) > 0 && gtk_widget_get_height (data) > 0;
}

static GtkWidget *
show_in_window (GtkWidget *child)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 600);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
test_player_view (void)
{
  GtkWidget *view = fd_player_view_new ();
  GtkWidget *window = show_in_window (view);
  FdPlayer *player = fd_player_view_get_player (FD_PLAYER_VIEW (view));
  FdVideoPaintable *paintable = fd_player_view_get_paintable (FD_PLAYER_VIEW (view));
  FdMediaCanvas *canvas = fd_player_view_get_canvas (FD_PLAYER_VIEW (view));
  g_autofree char *empty = g_build_filename (media_dir, "empty.mp4", NULL);
  graphene_rect_t rect;

  fd_player_view_open (FD_PLAYER_VIEW (view), clip);
  wait_state (player, FD_PLAYER_STATE_PAUSED);
  wait_paintable_frame (paintable, 0);
  wait_until (is_allocated, canvas, "the canvas on screen");
  g_assert_true (fd_media_canvas_get_picture_rect (canvas, 0, &rect));
  g_assert_cmpfloat (rect.size.width, >, 100);
  /* Fitted at 4:3. */
  g_assert_cmpfloat_with_epsilon (rect.size.width / rect.size.height, 320.0 / 240, 0.01);

  /* The actions the keys and buttons use. */
  gtk_widget_activate_action (view, "player.step", "i", 1);
  wait_paintable_frame (paintable, 1);
  gtk_widget_activate_action (view, "player.step", "i", 10);
  wait_paintable_frame (paintable, 11);
  gtk_widget_activate_action (view, "player.last-frame", NULL);
  wait_paintable_frame (paintable, 89);
  gtk_widget_activate_action (view, "player.loop-in", NULL);
  g_assert_cmpint (fd_player_get_loop_in (player), ==, 89);
  g_assert_true (fd_player_get_loop (player));
  /* While looping, the playhead stays in the range. */
  fd_player_view_seek_frame (FD_PLAYER_VIEW (view), 12);
  fd_test_spin (300);
  g_assert_cmpint (fd_video_paintable_get_frame (paintable), ==, 89);
  gtk_widget_activate_action (view, "player.toggle-loop", NULL);
  g_assert_false (fd_player_get_loop (player));
  fd_player_view_seek_frame (FD_PLAYER_VIEW (view), 12);
  wait_paintable_frame (paintable, 12);
  g_assert_cmpint (fd_test_media_read_number (fd_video_paintable_get_sample (paintable)), ==, 12);

  gtk_widget_activate_action (view, "player.zoom-in", NULL);
  g_assert_cmpfloat (fd_media_canvas_get_zoom (canvas), >, 1);
  gtk_widget_activate_action (view, "player.zoom-fit", NULL);
  g_assert_cmpfloat (fd_media_canvas_get_zoom (canvas), ==, 1);
  gtk_widget_activate_action (view, "player.toggle-mute", NULL);
  g_assert_true (fd_player_get_muted (player));

  /* Bad media: the message in the pane, and the pane still works. */
  g_file_set_contents (empty, "", 0, NULL);
  fd_player_view_open (FD_PLAYER_VIEW (view), empty);
  wait_state (player, FD_PLAYER_STATE_ERROR);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (strstr (fd_player_get_error (player)->message, "empty"));
  fd_player_view_open (FD_PLAYER_VIEW (view), clip);
  wait_state (player, FD_PLAYER_STATE_PAUSED);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
diff_done (gpointer data)
{
  return fd_compare_view_get_diff_result (data) != NULL;
}

static gboolean
difference_ready (gpointer data)
{
  return fd_difference_paintable_get_n_computed (data) > 0;
}

static gboolean
compare_at (gpointer data)
{
  gpointer *args = data;
  FdCompareTransport *transport = fd_compare_view_get_transport (args[0]);

  for (int side = 0; side < 2; side++)
    {
      FdPlayer *player = fd_compare_transport_get_player (transport, side);

      if (fd_player_get_frame (player) != GPOINTER_TO_INT (args[1]) || fd_player_get_seeking (player) ||
          fd_player_get_state (player) != FD_PLAYER_STATE_PAUSED)
        return FALSE;
    }
  return TRUE;
}

/* The centre pixel of the difference: the mark is red on grey, so it
 * differs a lot there. */
static int
centre_difference (GdkTexture *texture)
{
  int w = gdk_texture_get_width (texture);
  int h = gdk_texture_get_height (texture);
  g_autofree guint8 *pixels = g_malloc ((gsize)w * h * 4);
  guint8 *p;

  gdk_texture_download (texture, pixels, (gsize)w * 4);
  p = pixels + ((gsize)(h / 2) * w + w / 2) * 4;
  /* Downloads are cairo ARGB32: B, G, R, A on little-endian. */
  return MAX (p[0], MAX (p[1], p[2]));
}

static void
test_compare_view (void)
{
  GtkWidget *view = fd_compare_view_new ();
  GtkWidget *window = show_in_window (view);
  FdMediaCanvas *canvas = fd_compare_view_get_canvas (FD_COMPARE_VIEW (view));
  FdDifferencePaintable *difference = fd_compare_view_get_difference (FD_COMPARE_VIEW (view));
  const FdMediaDiffResult *result;
  gpointer args[2] = { view, GINT_TO_POINTER (35) };
  guint64 computed;

  fd_compare_view_open (FD_COMPARE_VIEW (view), clip, clip_marked, "v1", "v2");
  g_assert_cmpstr (fd_compare_view_get_mode (FD_COMPARE_VIEW (view)), ==, "side-by-side");
  g_assert_cmpint (fd_media_canvas_get_mode (canvas), ==, FD_CANVAS_SIDE_BY_SIDE);

  /* The change timeline arrives from the background job. */
  wait_until (diff_done, view, "the change timeline");
  result = fd_compare_view_get_diff_result (FD_COMPARE_VIEW (view));
  g_assert_cmpuint (result->ranges->len, ==, 1);
  g_assert_cmpint (g_array_index (result->ranges, FdChangeRange, 0).first_frame, ==, 30);
  g_assert_cmpint (g_array_index (result->ranges, FdChangeRange, 0).last_frame, ==, 44);

  /* "Next change" jumps to it on both sides. */
  gtk_widget_activate_action (view, "compare.next-change", NULL);
  args[1] = GINT_TO_POINTER (30);
  wait_until (compare_at, args, "both sides at the change");

  gtk_widget_activate_action (view, "compare.mode", "s", "wipe");
  g_assert_cmpint (fd_media_canvas_get_mode (canvas), ==, FD_CANVAS_WIPE);
  g_assert_cmpfloat (fd_media_canvas_get_wipe (canvas), ==, 0.5);

  gtk_widget_activate_action (view, "compare.mode", "s", "difference");
  g_assert_cmpint (fd_media_canvas_get_mode (canvas), ==, FD_CANVAS_DIFFERENCE);
  wait_until (difference_ready, difference, "a difference frame");
  g_assert_true (fd_difference_paintable_get_compatible (difference));
  g_assert_cmpint (centre_difference (fd_difference_paintable_get_texture (difference)), >, 100);

  /* Outside the change the difference is dark. */
  computed = fd_difference_paintable_get_n_computed (difference);
  fd_compare_transport_seek_frame (fd_compare_view_get_transport (FD_COMPARE_VIEW (view)), 10);
  args[1] = GINT_TO_POINTER (10);
  wait_until (compare_at, args, "both sides at frame 10");
  while (fd_difference_paintable_get_n_computed (difference) == computed ||
         g_main_context_pending (NULL))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (centre_difference (fd_difference_paintable_get_texture (difference)), <, 40);

  gtk_widget_activate_action (view, "compare.mode", "s", "side-by-side");
  g_assert_cmpint (fd_media_canvas_get_mode (canvas), ==, FD_CANVAS_SIDE_BY_SIDE);
  gtk_widget_activate_action (view, "compare.zoom-in", NULL);
  g_assert_cmpfloat (fd_media_canvas_get_zoom (canvas), >, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
assert_tagged (GtkTextBuffer *buffer,
               const char    *tag_name,
               const char    *expected)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  g_autoptr(GString) tagged = g_string_new (NULL);
  GtkTextIter iter;

  for (gtk_text_buffer_get_start_iter (buffer, &iter); !gtk_text_iter_is_end (&iter);
       gtk_text_iter_forward_char (&iter))
    if (gtk_text_iter_has_tag (&iter, tag))
      g_string_append_unichar (tagged, gtk_text_iter_get_char (&iter));

  g_assert_cmpstr (tagged->str, ==, expected);
}

static void
test_text_diff_view (void)
{
  GtkWidget *view = fd_text_diff_view_new ();
  GtkWidget *window = show_in_window (view);
  GtkTextBuffer *buffer = fd_text_diff_view_get_buffer (FD_TEXT_DIFF_VIEW (view));
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  fd_text_diff_view_set_texts (FD_TEXT_DIFF_VIEW (view), "Save 20% on summer shoes today",
                               "Save 30% on summer sandals today");
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  /* A replaced word and its replacement are kept apart by an untagged space. */
  g_assert_cmpstr (text, ==, "Save 20 30% on summer shoes sandals today");
  assert_tagged (buffer, "deleted", "20shoes");
  assert_tagged (buffer, "inserted", "30sandals");
  g_assert_cmpstr (fd_text_diff_view_get_summary (FD_TEXT_DIFF_VIEW (view)), ==, "2 words removed, 2 added");

  /* The dark style keeps both tints. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  assert_tagged (buffer, "inserted", "30sandals");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
has_thumbnails (gpointer data)
{
  return fd_filmstrip_get_n_thumbnails (data) == 12;
}

static void
on_seek (FdFilmstrip *filmstrip,
         gint64       frame,
         gint64      *out)
{
  *out = frame;
}

static void
test_filmstrip_and_overlays (void)
{
  GtkWidget *view = fd_player_view_new ();
  GtkWidget *window = show_in_window (view);
  FdFilmstrip *filmstrip = fd_player_view_get_filmstrip (FD_PLAYER_VIEW (view));
  FdMarkupOverlay *markup = fd_player_view_get_markup_overlay (FD_PLAYER_VIEW (view));
  g_autoptr(GListStore) shapes = g_list_store_new (FD_TYPE_MARKUP_SHAPE);
  g_autoptr(FdMarkupShape) box = fd_markup_shape_new (FD_MARKUP_RECTANGLE, "#33d17a");
  g_autoptr(GArray) markers = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 seeked = -1, marker = 20;

  fd_player_view_open (FD_PLAYER_VIEW (view), clip);
  wait_until (has_thumbnails, filmstrip, "the thumbnails");

  g_signal_connect (filmstrip, "seek", G_CALLBACK (on_seek), &seeked);
  g_signal_emit_by_name (filmstrip, "seek", (gint64)40);
  g_assert_cmpint (seeked, ==, 40);
  wait_paintable_frame (fd_player_view_get_paintable (FD_PLAYER_VIEW (view)), 40);

  g_array_append_val (markers, marker);
  fd_player_view_set_markers (FD_PLAYER_VIEW (view), markers);

  fd_markup_shape_add_point (box, 0.2, 0.2);
  fd_markup_shape_add_point (box, 0.6, 0.5);
  g_list_store_append (shapes, box);
  fd_markup_overlay_set_shapes (markup, G_LIST_MODEL (shapes));
  g_assert_true (fd_markup_overlay_get_shapes (markup) == G_LIST_MODEL (shapes));
  /* Drawing takes input only with a tool chosen. */
  g_assert_false (gtk_widget_get_can_target (GTK_WIDGET (markup)));
  fd_markup_overlay_set_tool (markup, FD_MARKUP_TOOL_FREEHAND);
  g_assert_true (gtk_widget_get_can_target (GTK_WIDGET (markup)));

  fd_player_view_set_safe_zone (FD_PLAYER_VIEW (view), FD_PLACEMENT_REELS);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  FdTestVideo plain = { "mp4", 320, 240, 30, 1, 90, FALSE, -1, -1 };
  FdTestVideo marked = { "mp4", 320, 240, 30, 1, 90, FALSE, 30, 44 };
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  main_thread = g_thread_self ();

  media_dir = fd_test_tmpdir_new ();
  clip = g_build_filename (media_dir, "clip.mp4", NULL);
  clip_marked = g_build_filename (media_dir, "clip-marked.mp4", NULL);
  fd_test_media_write_video (clip, &plain, &error);
  g_assert_no_error (error);
  fd_test_media_write_video (clip_marked, &marked, &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui-media/paintable", test_paintable);
  g_test_add_func ("/ui-media/texture-formats", test_texture_formats);
  g_test_add_func ("/ui-media/player-view", test_player_view);
  g_test_add_func ("/ui-media/compare-view", test_compare_view);
  g_test_add_func ("/ui-media/text-diff-view", test_text_diff_view);
  g_test_add_func ("/ui-media/filmstrip-and-overlays", test_filmstrip_and_overlays);

  status = g_test_run ();
  fd_test_tmpdir_free (media_dir);
  return status;
}
