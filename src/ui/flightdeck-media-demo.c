/* flightdeck-media-demo.c: the review widgets on their own
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "flightdeck-media-demo"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fd-compare-view.h"
#include "fd-placement.h"
#include "fd-player-view.h"
#include "fd-text-diff-view.h"

/* Shows one widget in a window, for trying them out and for screenshots
 * before they live on the asset page:
 *
 *   flightdeck-media-demo player FILE [--frame N] [--safe-zone stories|reels] [--zoom Z]
 *   flightdeck-media-demo compare A B [--mode side-by-side|wipe|difference] [--frame N] [--gain G]
 *   flightdeck-media-demo text OLD.txt NEW.txt
 *
 * --dark uses the dark style; --size WxH sets the window size; --markup
 * shows a box and a stroke on the player (as a comment would) and turns
 * the freehand pen on, printing each shape drawn as JSON. */

static char *opt_mode;
static char *opt_safe_zone;
static char *opt_size;
static gint64 opt_frame = -1;
static double opt_zoom = 1;
static double opt_gain = 4;
static gboolean opt_dark;
static gboolean opt_markup;
static char **opt_args;

static const GOptionEntry entries[] = {
  { "mode", 0, 0, G_OPTION_ARG_STRING, &opt_mode, "Compare mode", "MODE" },
  { "frame", 0, 0, G_OPTION_ARG_INT64, &opt_frame, "Frame to show", "N" },
  { "safe-zone", 0, 0, G_OPTION_ARG_STRING, &opt_safe_zone, "stories or reels", "PLACEMENT" },
  { "zoom", 0, 0, G_OPTION_ARG_DOUBLE, &opt_zoom, "Zoom (1 = fit)", "Z" },
  { "gain", 0, 0, G_OPTION_ARG_DOUBLE, &opt_gain, "Difference gain", "G" },
  { "dark", 0, 0, G_OPTION_ARG_NONE, &opt_dark, "Dark style", NULL },
  { "markup", 0, 0, G_OPTION_ARG_NONE, &opt_markup, "Show a sample drawing and turn the pen on", NULL },
  { "size", 0, 0, G_OPTION_ARG_STRING, &opt_size, "Window size", "WxH" },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opt_args, NULL, "COMMAND FILES…" },
  { NULL }
};

static void
seek_player_once (FdPlayer   *player,
                  GParamSpec *pspec,
                  gpointer    data)
{
  if (fd_player_get_state (player) != FD_PLAYER_STATE_PAUSED)
    return;
  g_signal_handlers_disconnect_by_func (player, seek_player_once, data);
  if (opt_frame >= 0)
    fd_player_seek_frame (player, opt_frame);
}

static void
seek_compare_once (FdCompareTransport *transport,
                   GParamSpec         *pspec,
                   gpointer            data)
{
  if (fd_compare_transport_get_n_frames (transport) <= 0)
    return;
  g_signal_handlers_disconnect_by_func (transport, seek_compare_once, data);
  if (opt_frame >= 0)
    fd_compare_transport_seek_frame (transport, opt_frame);
}

static void
print_shape (FdMarkupOverlay *overlay,
             FdMarkupShape   *shape)
{
  g_autoptr(JsonNode) node = fd_markup_shape_to_json (shape);
  g_autofree char *text = json_to_string (node, FALSE);

  g_print ("%s\n", text);
}

static void
add_sample_markup (FdMarkupOverlay *overlay)
{
  g_autoptr(GListStore) shapes = g_list_store_new (FD_TYPE_MARKUP_SHAPE);
  g_autoptr(FdMarkupShape) box = fd_markup_shape_new (FD_MARKUP_RECTANGLE, "#f6d32d");
  g_autoptr(FdMarkupShape) stroke = fd_markup_shape_new (FD_MARKUP_FREEHAND, "#e01b24");

  fd_markup_shape_add_point (box, 0.30, 0.55);
  fd_markup_shape_add_point (box, 0.72, 0.70);
  for (int i = 0; i <= 40; i++)
    fd_markup_shape_add_point (stroke, 0.25 + i * 0.0125, 0.80 + 0.04 * (i % 10 < 5 ? i % 5 : 5 - i % 5) / 5.0);
  g_list_store_append (shapes, box);
  g_list_store_append (shapes, stroke);
  fd_markup_overlay_set_shapes (overlay, G_LIST_MODEL (shapes));
  fd_markup_overlay_set_tool (overlay, FD_MARKUP_TOOL_FREEHAND);
  g_signal_connect (overlay, "shape-drawn", G_CALLBACK (print_shape), NULL);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, &error))
    return g_strdup (error->message);
  return text;
}

static GtkWidget *
make_content (void)
{
  const char *command = opt_args ? opt_args[0] : NULL;
  guint n = opt_args ? g_strv_length (opt_args) : 0;

  if (g_strcmp0 (command, "player") == 0 && n >= 2)
    {
      GtkWidget *view = fd_player_view_new ();
      FdPlacement placement;

      fd_player_view_open (FD_PLAYER_VIEW (view), opt_args[1]);
      if (opt_safe_zone && fd_placement_from_id (opt_safe_zone, &placement))
        fd_player_view_set_safe_zone (FD_PLAYER_VIEW (view), placement);
      fd_media_canvas_set_zoom (fd_player_view_get_canvas (FD_PLAYER_VIEW (view)), opt_zoom);
      g_signal_connect (fd_player_view_get_player (FD_PLAYER_VIEW (view)), "notify::state",
                        G_CALLBACK (seek_player_once), NULL);
      if (opt_markup)
        add_sample_markup (fd_player_view_get_markup_overlay (FD_PLAYER_VIEW (view)));
      return view;
    }

  if (g_strcmp0 (command, "compare") == 0 && n >= 3)
    {
      GtkWidget *view = fd_compare_view_new ();

      fd_compare_view_open (FD_COMPARE_VIEW (view), opt_args[1], opt_args[2], NULL, NULL);
      if (opt_mode != NULL)
        fd_compare_view_set_mode (FD_COMPARE_VIEW (view), opt_mode);
      fd_difference_paintable_set_gain (fd_compare_view_get_difference (FD_COMPARE_VIEW (view)), opt_gain);
      fd_media_canvas_set_zoom (fd_compare_view_get_canvas (FD_COMPARE_VIEW (view)), opt_zoom);
      g_signal_connect (fd_compare_view_get_transport (FD_COMPARE_VIEW (view)), "notify::n-frames",
                        G_CALLBACK (seek_compare_once), NULL);
      return view;
    }

  if (g_strcmp0 (command, "text") == 0 && n >= 3)
    {
      GtkWidget *view = fd_text_diff_view_new ();
      g_autofree char *old_text = read_text (opt_args[1]);
      g_autofree char *new_text = read_text (opt_args[2]);

      fd_text_diff_view_set_texts (FD_TEXT_DIFF_VIEW (view), old_text, new_text);
      gtk_widget_set_margin_start (view, 12);
      gtk_widget_set_margin_end (view, 12);
      gtk_widget_set_margin_top (view, 12);
      gtk_widget_set_margin_bottom (view, 12);
      return view;
    }

  return gtk_label_new ("Usage: flightdeck-media-demo player FILE | compare A B | text OLD NEW");
}

static void
on_activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *content = make_content ();
  int width = 1200, height = 760;

  if (opt_dark)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  if (opt_size != NULL)
    sscanf (opt_size, "%dx%d", &width, &height);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_vexpand (content, TRUE);
  gtk_box_append (GTK_BOX (box), content);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "Flightdeck media");
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_grab_focus (content);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("COMMAND FILES…");
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  char *app_argv[] = { argv[0], NULL };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  app = adw_application_new ("io.github.flightdeck.MediaDemo", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (app), 1, app_argv);
}
