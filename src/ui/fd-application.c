/* fd-application.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-application"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "fd-application.h"
#include "fd-store.h"
#include "fd-ui-util.h"
#include "fd-window.h"

/* The application: command line, the app-wide actions (about, help, quit)
 * and the keyboard shortcuts menus show. Each window holds one workspace;
 * the first one reopens the workspace used last. */

struct _FdApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (FdApplication, fd_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the workspace in the folder DIR"), N_("DIR") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and quit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, NULL },
  { NULL }
};

static const struct
{
  const char *action;
  const char *accels[2];
} accels[] = {
  { "app.quit",                { "<Control>q", NULL } },
  { "app.help",                { "F1", NULL } },
  { "win.preferences",         { "<Control>comma", NULL } },
  { "win.new-workspace",       { "<Control>n", NULL } },
  { "win.open-workspace",      { "<Control>o", NULL } },
  { "win.show-help-overlay",   { "<Control>question", NULL } },
};

/*
 * Windows
 */

static FdWindow *
get_window (FdApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return FD_IS_WINDOW (window) ? FD_WINDOW (window) : NULL;
}

static gboolean
shows_workspace (FdWindow   *window,
                 const char *path)
{
  FdWorkspace *workspace = fd_window_get_workspace (window);
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);

  return workspace != NULL && g_str_equal (fd_workspace_get_path (workspace), canonical);
}

/**
 * fd_application_open_workspace:
 * @path: a workspace folder
 *
 * Shows the workspace at @path: in the active window if that window has
 * none yet or already shows it, otherwise in a new window.
 *
 * Returns: (transfer none): the window that opens it
 */
FdWindow *
fd_application_open_workspace (FdApplication *self,
                               const char    *path)
{
  FdWindow *window;

  g_return_val_if_fail (FD_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  window = get_window (self);
  if (window != NULL && shows_workspace (window, path))
    {
      gtk_window_present (GTK_WINDOW (window));
      return window;
    }

  if (window == NULL || fd_window_get_workspace (window) != NULL || fd_window_get_busy (window))
    window = fd_window_new (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (window));
  fd_window_open_workspace (window, path);

  return window;
}

static void
fd_application_activate (GApplication *application)
{
  FdApplication *self = FD_APPLICATION (application);
  g_autofree char *last = NULL;
  FdWindow *window = get_window (self);

  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  window = fd_window_new (GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (window));

  last = g_settings_get_string (self->settings, "last-workspace");
  if (*last != '\0')
    fd_window_restore_workspace (window, last);
}

static void
fd_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  g_autofree char *path = n_files > 0 ? g_file_get_path (files[0]) : NULL;

  if (path != NULL)
    fd_application_open_workspace (FD_APPLICATION (application), path);
  else
    g_application_activate (application);
}

/*
 * Command line
 */

static int
fd_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("flightdeck %s\n", PACKAGE_VERSION);
      return 0;
    }

  return -1;
}

static int
fd_application_command_line (GApplication            *application,
                             GApplicationCommandLine *command_line)
{
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree const char **remaining = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  const char *arg = NULL;
  gboolean named;
  guint n_remaining;

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &remaining);
  n_remaining = remaining ? g_strv_length ((char **)remaining) : 0;

  named = g_variant_dict_lookup (options, "workspace", "^&ay", &arg);
  if (!named && n_remaining > 0)
    arg = remaining[0];

  if (n_remaining > (named ? 0 : 1))
    g_application_command_line_printerr (command_line, "%s\n",
                                         _("A window shows one workspace; the other folders were not opened."));

  if (arg == NULL)
    {
      g_application_activate (application);
      return 0;
    }

  file = g_application_command_line_create_file_for_arg (command_line, arg);
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_application_command_line_printerr (command_line, _("“%s” is not a folder on this computer.\n"), arg);
      return 1;
    }

  fd_application_open_workspace (FD_APPLICATION (application), path);
  return 0;
}

/*
 * Actions
 */

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *application = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (application));

  /* Closing, rather than quitting outright, lets each window save its
   * size and finish what it was doing. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static char *
dup_debug_info (FdApplication *self)
{
  FdWindow *window = get_window (self);
  FdWorkspace *workspace = window ? fd_window_get_workspace (window) : NULL;
  GString *info = g_string_new (NULL);

  g_string_append_printf (info, "Flightdeck %s\n", PACKAGE_VERSION);
  g_string_append_printf (info, "GLib %u.%u.%u\n", glib_major_version, glib_minor_version, glib_micro_version);
  g_string_append_printf (info, "GTK %u.%u.%u\n", gtk_get_major_version (), gtk_get_minor_version (),
                          gtk_get_micro_version ());
  g_string_append_printf (info, "libadwaita %u.%u.%u\n", adw_get_major_version (),
                          adw_get_minor_version (), adw_get_micro_version ());
  g_string_append_printf (info, "SQLite %s\n", sqlite3_libversion ());
  g_string_append_printf (info, "Workspace schema known: %d\n", fd_store_get_latest_schema_version ());
  if (workspace != NULL)
    g_string_append_printf (info, "Workspace schema open: %d\n",
                            fd_store_get_schema_version (fd_workspace_get_store (workspace)));

  return g_string_free (info, FALSE);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  FdApplication *self = user_data;
  static const char *developers[] = { "The Flightdeck authors", NULL };
  g_autofree char *debug_info = dup_debug_info (self);
  GtkWidget *about = adw_about_window_new ();

  g_object_set (about,
                "application-name", _("Flightdeck"),
                "application-icon", APP_ID,
                "developer-name", "The Flightdeck authors",
                "developers", developers,
                "version", PACKAGE_VERSION,
                "comments", _("Runs a Meta ads team’s whole workflow: the brief, creative "
                              "approval, the launch, performance triage and what was learned."),
                "website", "https://github.com/flightdeck/flightdeck",
                "issue-url", "https://github.com/flightdeck/flightdeck/issues",
                "copyright", "© 2026 The Flightdeck authors",
                "license-type", GTK_LICENSE_GPL_3_0,
                "translator-credits", _("translator-credits"),
                "debug-info", debug_info,
                "debug-info-filename", "flightdeck-debug-info.txt",
                NULL);

  gtk_window_set_transient_for (GTK_WINDOW (about),
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (GTK_WINDOW (about));
}

/**
 * fd_application_dup_help_uri:
 *
 * Returns: (transfer full): where the user help is: the installed manual,
 *   or the source tree's when $FLIGHTDECK_HELP_DIR names it (uninstalled
 *   runs)
 */
char *
fd_application_dup_help_uri (void)
{
  const char *dir = g_getenv ("FLIGHTDECK_HELP_DIR");

  if (dir != NULL && *dir != '\0')
    {
      g_autofree char *pages = g_build_filename (dir, "C", NULL);

      return g_strconcat ("ghelp:", pages, NULL);
    }

  return g_strdup ("help:flightdeck");
}

static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  FdApplication *self = user_data;
  g_autofree char *uri = fd_application_dup_help_uri ();

  fd_ui_show_uri (gtk_application_get_active_window (GTK_APPLICATION (self)), uri,
                  _("The help cannot be shown: no help viewer, such as Yelp, is installed."));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "help", help_action },
};

/*
 * GObject
 */

static void
fd_application_startup (GApplication *application)
{
  GtkApplication *gtk_application = GTK_APPLICATION (application);

  G_APPLICATION_CLASS (fd_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (gtk_application, accels[i].action, accels[i].accels);

  gtk_window_set_default_icon_name (APP_ID);
}

static void
fd_application_constructed (GObject *object)
{
  G_OBJECT_CLASS (fd_application_parent_class)->constructed (object);

  /* Fixed rather than derived from the id, so that tests may register
   * under ids of their own. */
  g_application_set_resource_base_path (G_APPLICATION (object), "/io/github/flightdeck/Flightdeck");
}

static void
fd_application_finalize (GObject *object)
{
  FdApplication *self = (FdApplication *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (fd_application_parent_class)->finalize (object);
}

static void
fd_application_class_init (FdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->constructed = fd_application_constructed;
  object_class->finalize = fd_application_finalize;

  app_class->startup = fd_application_startup;
  app_class->activate = fd_application_activate;
  app_class->open = fd_application_open;
  app_class->command_line = fd_application_command_line;
  app_class->handle_local_options = fd_application_handle_local_options;
}

static void
fd_application_init (FdApplication *self)
{
  self->settings = g_settings_new (APP_ID);

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[WORKSPACE-FOLDER]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Run a Meta ads team’s workflow, from brief to lesson learned."));
}

/**
 * fd_application_new:
 * @flags: extra flags; tests pass %G_APPLICATION_NON_UNIQUE
 *
 * Returns: (transfer full): the application
 */
FdApplication *
fd_application_new (GApplicationFlags flags)
{
  return g_object_new (FD_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", flags | G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_HANDLES_OPEN,
                       NULL);
}
