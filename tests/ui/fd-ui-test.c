/* fd-ui-test.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fd-ownership.h"
#include "fd-roster.h"
#include "fd-test-util.h"
#include "fd-ui-test.h"

static char *home;

static void
remove_home (void)
{
  fd_test_tmpdir_free (g_steal_pointer (&home));
}

/**
 * fd_ui_test_init:
 *
 * Gives the test program a home of its own (data, config and cache), so
 * the demo and any settings land in a temporary folder, then initializes
 * GTest and GTK. Call it first, before anything asks GLib for those
 * folders.
 */
void
fd_ui_test_init (int    *argc,
                 char ***argv)
{
  const char *dirs[][2] = {
    { "XDG_DATA_HOME", "data" },
    { "XDG_CONFIG_HOME", "config" },
    { "XDG_CACHE_HOME", "cache" },
  };

  home = fd_test_tmpdir_new ();
  atexit (remove_home);

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *dir = g_build_filename (home, dirs[i][1], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (dirs[i][0], dir, TRUE);
    }

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_setenv ("ADW_DISABLE_PORTAL", "1", TRUE);
  g_unsetenv ("FLIGHTDECK_HELP_DIR");

  g_test_init (argc, argv, NULL);
  gtk_init ();

  /* The window buttons of a GNOME session, whatever this display says. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", ":close", NULL);
}

static gboolean
keep_going (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* One iteration of the main loop, woken up at least every 20 ms. */
void
fd_ui_test_iterate (void)
{
  GSource *tick = g_timeout_source_new (20);

  g_source_set_callback (tick, keep_going, NULL, NULL);
  g_source_attach (tick, NULL);
  g_main_context_iteration (NULL, TRUE);
  g_source_destroy (tick);
  g_source_unref (tick);
}

/**
 * fd_ui_test_app_new:
 *
 * Returns: (transfer full): a registered application with fresh settings
 */
FdApplication *
fd_ui_test_app_new (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  static guint n_apps;
  FdApplication *app;
  const char *keys[] = { "last-workspace", "recent-workspaces", "window-width",
                         "window-height", "window-maximized" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (settings, keys[i]);

  app = fd_application_new (G_APPLICATION_NON_UNIQUE);
  id = g_strdup_printf ("%s.Test%u", APP_ID, ++n_apps);
  g_application_set_application_id (G_APPLICATION (app), id);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return app;
}

static guint n_windows_alive;

static void
on_window_finalized (gpointer data)
{
  n_windows_alive--;
}

/* Closes every window; each must be finalized once the work it queued has
 * finished, or something holds on to it. (Object data is freed when the
 * object is finalized; weak references would only tell of its disposal.) */
void
fd_ui_test_app_free (FdApplication *app)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      n_windows_alive++;
      g_object_set_data_full (G_OBJECT (window), "fd-ui-test-alive", window, on_window_finalized);
      gtk_window_destroy (window);
    }

  fd_ui_test_wait_for (n_windows_alive == 0);

  /* The application itself stays exported on the session bus until the
   * process ends (only g_application_run() takes it down); each test
   * registers under an id of its own. */
  g_object_unref (app);
}

/**
 * fd_ui_test_find_window:
 *
 * Returns: (transfer none) (nullable): a visible toplevel of @type
 */
GtkWindow *
fd_ui_test_find_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

char *
fd_ui_test_file_digest (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

/**
 * fd_ui_test_make_workspace:
 * @with_team: add Maya (current), Grace and Dana, and make Dana the owner
 *   of the launch sign-off
 *
 * Returns: (transfer full): the folder of a new workspace, closed again
 */
char *
fd_ui_test_make_workspace (const char *parent,
                           const char *name,
                           gboolean    with_team)
{
  g_autofree char *path = g_build_filename (parent, name, NULL);
  g_autoptr(FdWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  FdStore *store;

  workspace = fd_workspace_create (path, name, &error);
  g_assert_no_error (error);
  store = fd_workspace_get_store (workspace);

  if (with_team)
    {
      g_autoptr(FdPerson) maya = fd_roster_add (store, "system", "Maya Lindqvist",
                                                "maya@example.com", "creative-director", &error);
      g_autoptr(FdPerson) grace = fd_roster_add (store, "system", "Grace Okafor",
                                                 "grace@example.com", "legal", &error);
      g_autoptr(FdPerson) dana = fd_roster_add (store, "system", "Dana Whitfield",
                                                "dana@example.com", "media-buyer", &error);

      g_assert_no_error (error);
      g_assert_true (fd_roster_set_current (store, "system", fd_person_get_id (maya), &error));
      g_assert_true (fd_ownership_set (store, "system", "launch", fd_person_get_id (dana), 0, &error));
      g_assert_no_error (error);
    }

  return g_steal_pointer (&path);
}

/**
 * fd_ui_test_open:
 *
 * Returns: (transfer none): the window showing the workspace at @path,
 *   once it is open
 */
FdWindow *
fd_ui_test_open (FdApplication *app,
                 const char    *path)
{
  FdWindow *window = fd_application_open_workspace (app, path);

  fd_ui_test_wait_for (fd_window_get_workspace (window) != NULL);
  g_assert_cmpstr (fd_workspace_get_path (fd_window_get_workspace (window)), ==, path);

  return window;
}

/**
 * fd_ui_test_label_contains:
 *
 * Returns: whether a label inside @widget shows @text
 */
gboolean
fd_ui_test_label_contains (GtkWidget  *widget,
                           const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (fd_ui_test_label_contains (child, text))
      return TRUE;

  return FALSE;
}
