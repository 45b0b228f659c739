/* test-window.c: the main window, the greeter, opening workspaces and the demo
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "fd-asset-page.h"
#include "fd-board-view.h"
#include "fd-brief.h"
#include "fd-greeter.h"
#include "fd-new-workspace-dialog.h"
#include "fd-person-button.h"
#include "fd-test-util.h"
#include "fd-ui-test.h"
#include "fd-window-private.h"

typedef struct
{
  char          *dir;
  FdApplication *app;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = fd_test_tmpdir_new ();
  f->app = fd_ui_test_app_new ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  fd_ui_test_app_free (f->app);
  fd_test_tmpdir_free (f->dir);
}

static const char *
main_page (FdWindow *window)
{
  return gtk_stack_get_visible_child_name (window->main_stack);
}

static FdWindow *
activate (Fixture *f)
{
  FdWindow *window;

  g_application_activate (G_APPLICATION (f->app));
  window = FD_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (f->app)));
  g_assert_nonnull (window);
  fd_ui_test_wait_for (!fd_window_get_busy (window));

  return window;
}

static AdwMessageDialog *
wait_for_dialog (void)
{
  fd_ui_test_wait_for (fd_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  return ADW_MESSAGE_DIALOG (fd_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
}

static void
close_dialog (AdwMessageDialog *dialog)
{
  /* What its Close button does. */
  adw_message_dialog_response (dialog, "close");
  gtk_window_close (GTK_WINDOW (dialog));
  fd_ui_test_wait_for (fd_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG) == NULL);
}

/*
 * The window on a workspace
 */

static void
test_stages (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = fd_ui_test_make_workspace (f->dir, "Spring sale", TRUE);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  const char * const *names = fd_window_get_stage_names ();
  const char *expected[] = { "briefs", "board", "launch", "triage", "learn", NULL };
  FdWindow *window;
  FdWorkspace *workspace;
  GtkWidget *briefs;

  /* A brief, so the Briefs stage has something to list. */
  {
    g_autoptr(FdWorkspace) direct = fd_workspace_open (path, NULL);
    g_autoptr(FdBrief) brief = fd_brief_create (fd_workspace_get_store (direct), "system",
                                                "Summer push", "OUTCOME_SALES", "Parents",
                                                "Two for one", "feed,reels", 0, 0, NULL);
    g_assert_nonnull (brief);
  }

  /* Started with a last workspace, the window reopens it. */
  g_settings_set_string (settings, "last-workspace", path);
  window = activate (f);
  workspace = fd_window_get_workspace (window);
  g_assert_nonnull (workspace);
  g_assert_cmpstr (fd_workspace_get_path (workspace), ==, path);
  g_assert_cmpstr (main_page (window), ==, "workspace");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Spring sale");

  g_assert_cmpstrv (names, expected);
  g_assert_cmpstr (fd_window_get_stage (window), ==, "briefs");

  for (guint i = 0; names[i] != NULL; i++)
    {
      GtkWidget *view = fd_window_get_stage_view (window, names[i]);
      g_autoptr(FdWorkspace) shown = NULL;

      g_assert_nonnull (view);
      g_object_get (view, "workspace", &shown, NULL);
      g_assert_true (shown == workspace);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-stage", "s", names[i]));
      fd_ui_test_wait_for (g_strcmp0 (fd_window_get_stage (window), names[i]) == 0);
      g_assert_true (adw_view_stack_get_visible_child (window->view_stack) == view);
    }

  /* The briefs list shows the brief made through the core. */
  fd_window_show_stage (window, "briefs");
  briefs = adw_bin_get_child (ADW_BIN (fd_window_get_stage_view (window, "briefs")));
  fd_ui_test_wait_for (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (briefs)), "list") == 0);
  fd_ui_test_wait_for (fd_ui_test_label_contains (briefs, "Summer push"));

  /* The header names the current person. */
  fd_ui_test_wait_for (fd_person_button_get_current (window->person_button) != NULL);
  g_assert_cmpstr (fd_person_get_name (fd_person_button_get_current (window->person_button)),
                   ==, "Maya Lindqvist");
  g_assert_true (fd_ui_test_label_contains (GTK_WIDGET (window->person_button), "Maya"));

  /* Opening it was remembered. */
  {
    g_autoptr(GVariant) recent = g_settings_get_value (settings, "recent-workspaces");
    const char *recent_path = NULL;
    const char *recent_name = NULL;

    g_variant_get_child (recent, 0, "(&s&s)", &recent_path, &recent_name);
    g_assert_cmpstr (recent_path, ==, path);
    g_assert_cmpstr (recent_name, ==, "Spring sale");
  }
}

static void
test_stage_changes_follow_workspace (Fixture       *f,
                                     gconstpointer  data)
{
  g_autofree char *first = fd_ui_test_make_workspace (f->dir, "First", TRUE);
  g_autofree char *second = fd_ui_test_make_workspace (f->dir, "Second", FALSE);
  FdWindow *window = fd_ui_test_open (f->app, first);
  g_autoptr(FdWorkspace) shown = NULL;

  /* Opening another workspace from the window replaces the first in
   * every view; nobody is chosen there yet. */
  fd_window_open_workspace (window, second);
  fd_ui_test_wait_for (fd_window_get_workspace (window) != NULL &&
                       g_str_equal (fd_workspace_get_path (fd_window_get_workspace (window)), second));

  g_object_get (fd_window_get_stage_view (window, "triage"), "workspace", &shown, NULL);
  g_assert_true (shown == fd_window_get_workspace (window));
  fd_ui_test_wait_for (fd_person_button_get_current (window->person_button) == NULL &&
                       fd_ui_test_label_contains (GTK_WIDGET (window->person_button), "Who Are You?"));
}

/*
 * About, shortcuts and help
 */

static void
test_app_windows (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = fd_ui_test_make_workspace (f->dir, "Windows", TRUE);
  FdWindow *window = fd_ui_test_open (f->app, path);
  g_autoptr(GAppInfo) help_viewer = g_app_info_get_default_for_uri_scheme ("help");
  AdwAboutWindow *about;

  /* The shortcuts window comes from the resource GtkApplication looks in. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  fd_ui_test_wait_for (fd_ui_test_find_window (GTK_TYPE_SHORTCUTS_WINDOW) != NULL);
  g_assert_true (fd_ui_test_label_contains (GTK_WIDGET (fd_ui_test_find_window (GTK_TYPE_SHORTCUTS_WINDOW)),
                                            "Open a workspace"));
  /* Destroyed rather than closed (which only hides it): with GTK 4.8 on
   * X11, a hidden shortcuts window whose application window then goes
   * away intermittently crashes the next window of the process. */
  gtk_window_destroy (fd_ui_test_find_window (GTK_TYPE_SHORTCUTS_WINDOW));

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "about", NULL);
  fd_ui_test_wait_for (fd_ui_test_find_window (ADW_TYPE_ABOUT_WINDOW) != NULL);
  about = ADW_ABOUT_WINDOW (fd_ui_test_find_window (ADW_TYPE_ABOUT_WINDOW));
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_nonnull (strstr (adw_about_window_get_debug_info (about), "Workspace schema open"));
  gtk_window_close (GTK_WINDOW (about));

  /* Without a help viewer, F1 says so instead of doing nothing. */
  if (help_viewer != NULL)
    {
      g_test_message ("%s handles help: URIs here; not launching it", g_app_info_get_name (help_viewer));
      return;
    }
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "help", NULL);
  fd_ui_test_wait_for (fd_ui_test_label_contains (GTK_WIDGET (window), "no help viewer"));
}

/*
 * First run
 */

static void
test_greeter (Fixture       *f,
              gconstpointer  data)
{
  FdWindow *window = activate (f);

  g_assert_null (fd_window_get_workspace (window));
  g_assert_cmpstr (main_page (window), ==, "greeter");
  g_assert_null (fd_greeter_get_notice (window->greeter));

  /* Without a workspace there are no preferences to show. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL);
  fd_ui_test_iterate ();
  g_assert_null (fd_ui_test_find_window (ADW_TYPE_PREFERENCES_WINDOW));
}

static void
test_greeter_when_last_is_gone (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *gone = g_build_filename (f->dir, "moved-away", NULL);
  FdWindow *window;

  g_settings_set_string (settings, "last-workspace", gone);
  window = activate (f);

  g_assert_null (fd_window_get_workspace (window));
  g_assert_cmpstr (main_page (window), ==, "greeter");
  g_assert_nonnull (fd_greeter_get_notice (window->greeter));
  g_assert_nonnull (strstr (fd_greeter_get_notice (window->greeter), "moved-away"));
  g_assert_null (fd_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_false (g_file_test (gone, G_FILE_TEST_EXISTS));
}

/*
 * Creating a workspace
 */

static char *
dup_dialog_error (FdNewWorkspaceDialog *dialog)
{
  char *error = NULL;

  g_object_get (dialog, "error", &error, NULL);
  return error;
}

static gboolean
dialog_has_error (FdNewWorkspaceDialog *dialog)
{
  g_autofree char *error = dup_dialog_error (dialog);

  return error != NULL;
}

static void
test_new_workspace (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *taken = g_build_filename (f->dir, "Spring sale", NULL);
  g_autofree char *note = g_build_filename (taken, "notes.txt", NULL);
  g_autofree char *expected = g_build_filename (f->dir, "Summer sale", NULL);
  g_autofree char *slashed = g_build_filename (f->dir, "Summer-sale", NULL);
  FdWindow *window = activate (f);
  FdNewWorkspaceDialog *dialog;
  g_autofree char *folder = NULL;
  g_autofree char *error = NULL;

  /* A folder of that name with something in it is refused, in the dialog. */
  g_assert_cmpint (g_mkdir (taken, 0755), ==, 0);
  g_assert_true (g_file_set_contents (note, "keep me", -1, NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-workspace", NULL));
  fd_ui_test_wait_for (fd_ui_test_find_window (FD_TYPE_NEW_WORKSPACE_DIALOG) != NULL);
  dialog = FD_NEW_WORKSPACE_DIALOG (fd_ui_test_find_window (FD_TYPE_NEW_WORKSPACE_DIALOG));

  g_object_set (dialog, "location", f->dir, "workspace-name", "Spring sale", NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL));
  fd_ui_test_wait_for (dialog_has_error (dialog));
  error = dup_dialog_error (dialog);
  g_assert_nonnull (strstr (error, "is not empty"));
  g_assert_true (g_file_test (note, G_FILE_TEST_IS_REGULAR));
  g_assert_null (fd_window_get_workspace (window));

  /* A name cannot make a folder elsewhere; typing clears the message. */
  g_object_set (dialog, "workspace-name", "Summer/sale", NULL);
  folder = fd_new_workspace_dialog_dup_folder (dialog);
  g_assert_cmpstr (folder, ==, slashed);
  g_assert_false (dialog_has_error (dialog));

  /* A new name: the folder is made, and the window opens it. */
  g_object_set (dialog, "workspace-name", "Summer sale", NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL));
  fd_ui_test_wait_for (fd_window_get_workspace (window) != NULL);
  g_assert_cmpstr (fd_workspace_get_path (fd_window_get_workspace (window)), ==, expected);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Summer sale");
  g_assert_null (fd_ui_test_find_window (FD_TYPE_NEW_WORKSPACE_DIALOG));
}

/*
 * Workspaces that cannot be opened
 */

static void
check_refused (FdWindow   *window,
               const char *bad,
               const char *db,
               const char *message_part)
{
  FdWorkspace *before = fd_window_get_workspace (window);
  g_autofree char *digest = db ? fd_ui_test_file_digest (db) : NULL;
  AdwMessageDialog *dialog;

  fd_window_open_workspace (window, bad);
  dialog = wait_for_dialog ();

  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), message_part));
  close_dialog (dialog);

  /* Nothing was touched: the file, and what the window shows. */
  g_assert_false (fd_window_get_busy (window));
  g_assert_true (fd_window_get_workspace (window) == before);
  g_assert_cmpstr (main_page (window), ==, before ? "workspace" : "greeter");
  if (db != NULL)
    {
      g_autofree char *after = fd_ui_test_file_digest (db);

      g_assert_cmpstr (after, ==, digest);
    }
}

static char *
make_corrupt (Fixture *f)
{
  g_autofree char *folder = g_build_filename (f->dir, "corrupt", NULL);
  char *db = g_build_filename (folder, "flightdeck.db", NULL);
  char garbage[8192];

  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = (char)(i * 31 + 7);
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_true (g_file_set_contents (db, garbage, sizeof garbage, NULL));

  return db;
}

static char *
make_newer (Fixture *f)
{
  g_autofree char *path = fd_ui_test_make_workspace (f->dir, "Newer", FALSE);
  char *db = g_build_filename (path, "flightdeck.db", NULL);
  g_autofree char *sql = g_strdup_printf ("PRAGMA journal_mode = DELETE; PRAGMA user_version = %d;",
                                          fd_store_get_latest_schema_version () + 7);
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (db, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);

  return db;
}

static void
test_open_refused (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *good = fd_ui_test_make_workspace (f->dir, "Good", TRUE);
  g_autofree char *corrupt_db = make_corrupt (f);
  g_autofree char *corrupt = g_path_get_dirname (corrupt_db);
  g_autofree char *newer_db = make_newer (f);
  g_autofree char *newer = g_path_get_dirname (newer_db);
  g_autofree char *plain = g_build_filename (f->dir, "holiday-photos", NULL);
  g_autofree char *plain_db = g_build_filename (plain, "flightdeck.db", NULL);
  FdWindow *greeter_window;
  FdWindow *window;

  g_assert_cmpint (g_mkdir (plain, 0755), ==, 0);

  /* From the greeter … */
  greeter_window = activate (f);
  check_refused (greeter_window, corrupt, corrupt_db, "damaged");

  /* … and over an open workspace, which stays open. */
  window = fd_ui_test_open (f->app, good);
  g_assert_true (window == greeter_window);
  check_refused (window, corrupt, corrupt_db, "damaged");
  check_refused (window, newer, newer_db, "newer version of Flightdeck");
  check_refused (window, plain, NULL, "is not a Flightdeck workspace");
  g_assert_false (g_file_test (plain_db, G_FILE_TEST_EXISTS));
}

static void
test_open_locked (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *good = fd_ui_test_make_workspace (f->dir, "Good", FALSE);
  g_autofree char *locked = fd_ui_test_make_workspace (f->dir, "Locked", FALSE);
  g_autofree char *db = g_build_filename (locked, "flightdeck.db", NULL);
  FdWindow *window = fd_ui_test_open (f->app, good);
  sqlite3 *other = NULL;

  /* Another program holds the database exclusively, readers included. */
  g_assert_cmpint (sqlite3_open (db, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  fd_window_open_workspace (window, locked);

  /* The wait for the lock happens off the main loop: the window keeps
   * drawing its busy page meanwhile. */
  fd_ui_test_wait_for (fd_window_get_busy (window));
  g_assert_cmpstr (main_page (window), ==, "busy");

  check_refused (window, locked, NULL, "locked");

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
}

/*
 * The demo
 */

static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *demo = fd_workspace_dup_default_demo_path ();
  g_autofree char *parent = g_path_get_dirname (demo);
  FdBoardView *board;
  AdwMessageDialog *dialog;
  FdWindow *window = activate (f);

  /* A file where the demo's folder should go makes flightdeck-cli fail:
   * its own words are shown. */
  fd_test_delete_recursively (parent);
  g_assert_true (g_file_set_contents (parent, "in the way", -1, NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-demo", NULL));
  g_assert_true (fd_window_get_busy (window));
  dialog = wait_for_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "flightdeck-cli demo"));
  g_assert_true (fd_ui_test_label_contains (adw_message_dialog_get_extra_child (dialog),
                                            "flightdeck-cli:"));
  close_dialog (dialog);
  g_assert_null (fd_window_get_workspace (window));
  g_assert_cmpstr (main_page (window), ==, "greeter");

  /* With the way clear, the demo is built and opened. */
  g_assert_cmpint (g_unlink (parent), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-demo", NULL));
  fd_ui_test_wait_for (fd_window_get_workspace (window) != NULL);
  g_assert_cmpstr (fd_workspace_get_path (fd_window_get_workspace (window)), ==, demo);
  fd_ui_test_wait_for (fd_person_button_get_current (window->person_button) != NULL);
  g_assert_cmpstr (fd_person_get_name (fd_person_button_get_current (window->person_button)),
                   ==, "Maya Lindqvist");

  /* From another stage (a triage decision's creatives), win.open-asset
   * shows the asset's page on the board. */
  board = FD_BOARD_VIEW (fd_window_get_stage_view (window, "board"));
  fd_window_show_stage (window, "triage");
  fd_ui_test_wait_for (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-asset", "x", (gint64)1) &&
                       fd_asset_page_get_asset (fd_board_view_get_asset_page (board)) != NULL);
  g_assert_cmpstr (fd_window_get_stage (window), ==, "board");
  g_assert_cmpint (fd_asset_get_id (fd_asset_page_get_asset (fd_board_view_get_asset_page (board))), ==, 1);
}

/*
 * Narrow windows
 */

static int
minimum_width (GtkWidget *widget)
{
  int minimum = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum;
}

static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = fd_ui_test_make_workspace (f->dir, "A workspace with a rather long name", TRUE);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  const char * const *names = fd_window_get_stage_names ();
  FdWindow *window;

  g_settings_set_int (settings, "window-width", 360);
  g_settings_set_int (settings, "window-height", 640);

  window = activate (f);
  g_assert_cmpint (minimum_width (GTK_WIDGET (window)), <=, 360);

  window = fd_ui_test_open (f->app, path);
  fd_ui_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (window)) &&
                       gtk_widget_get_width (GTK_WIDGET (window)) > 0);

  /* The stages move to the bottom bar, the header keeps to the width. */
  fd_ui_test_wait_for (adw_view_switcher_bar_get_reveal (window->switcher_bar));
  fd_ui_test_wait_for (fd_person_button_get_compact (window->person_button));

  for (guint i = 0; names[i] != NULL; i++)
    {
      fd_window_show_stage (window, names[i]);
      fd_ui_test_iterate ();
      g_assert_cmpint (minimum_width (GTK_WIDGET (window)), <=, 360);
    }

  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 360);
}

/*
 * The command line
 */

typedef struct
{
  FdApplication *app;
  const char    *expected;
  gboolean       seen;
} CommandLineCheck;

static gboolean
check_command_line (gpointer user_data)
{
  CommandLineCheck *check = user_data;
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (check->app));
  FdWorkspace *workspace = FD_IS_WINDOW (active) ? fd_window_get_workspace (FD_WINDOW (active)) : NULL;

  if (workspace == NULL)
    return G_SOURCE_CONTINUE;

  check->seen = g_str_equal (fd_workspace_get_path (workspace), check->expected);
  gtk_window_destroy (active);
  return G_SOURCE_REMOVE;
}

static void
test_command_line (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = fd_ui_test_make_workspace (f->dir, "From the shell", FALSE);
  g_autoptr(FdApplication) app = fd_application_new (G_APPLICATION_NON_UNIQUE);
  CommandLineCheck check = { app, path, FALSE };
  char *argv[] = { (char *)"flightdeck", (char *)"--workspace", path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *help = NULL;
  int status;

  g_timeout_add (50, check_command_line, &check);
  status = g_application_run (G_APPLICATION (app), 3, argv);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (check.seen);

  /* A folder given as a plain argument, as a file manager would. */
  {
    g_autoptr(FdApplication) again = fd_application_new (G_APPLICATION_NON_UNIQUE);
    CommandLineCheck check_again = { again, path, FALSE };
    char *plain_argv[] = { (char *)"flightdeck", path, NULL };

    g_timeout_add (50, check_command_line, &check_again);
    status = g_application_run (G_APPLICATION (again), 2, plain_argv);
    g_assert_cmpint (status, ==, 0);
    g_assert_true (check_again.seen);
  }

  /* The program answers --version and documents --workspace. */
  {
    const char *app_path = g_getenv ("FLIGHTDECK_APP");
    g_autofree char *version_cmd = g_strdup_printf ("%s --version", app_path);
    g_autofree char *help_cmd = g_strdup_printf ("%s --help", app_path);

    g_assert_true (g_spawn_command_line_sync (version_cmd, &out, NULL, &status, NULL));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_cmpstr (out, ==, "flightdeck " PACKAGE_VERSION "\n");

    g_assert_true (g_spawn_command_line_sync (help_cmd, &help, NULL, &status, NULL));
    g_assert_nonnull (strstr (help, "--workspace"));
  }
}

static void
add (const char *path,
     void (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  fd_ui_test_init (&argc, &argv);

  add ("/ui/window/stages", test_stages);
  add ("/ui/window/workspace-switch", test_stage_changes_follow_workspace);
  add ("/ui/window/app-windows", test_app_windows);
  add ("/ui/window/greeter", test_greeter);
  add ("/ui/window/new-workspace", test_new_workspace);
  add ("/ui/window/greeter-when-last-is-gone", test_greeter_when_last_is_gone);
  add ("/ui/window/open-refused", test_open_refused);
  add ("/ui/window/open-locked", test_open_locked);
  add ("/ui/window/demo", test_demo);
  add ("/ui/window/narrow", test_narrow);
  add ("/ui/window/command-line", test_command_line);

  return g_test_run ();
}
