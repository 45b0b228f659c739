/* fd-window-workspace.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-core-error.h"
#include "fd-new-workspace-dialog.h"
#include "fd-ui-util.h"
#include "fd-window-private.h"

/* Opening, creating and remembering workspaces; building the demo. Work
 * that may take a while (checks, migrations, lock waits, the demo) runs off
 * the main thread, with the window's busy page up; a failure is reported
 * in a dialog and leaves the open workspace, if any, as it was. */

#define MAX_RECENT 8

/*
 * Errors
 */

static GtkWidget *
details_widget (const char *details)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *label = gtk_label_new (details);

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "monospace");
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  gtk_widget_add_css_class (scrolled, "card");

  return scrolled;
}

/**
 * _fd_window_show_error:
 * @details: (nullable): output to show verbatim, such as a program's
 *
 * Reports a failure in a dialog over the window.
 */
void
_fd_window_show_error (FdWindow   *self,
                       const char *heading,
                       const char *body,
                       const char *details)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");

  if (details != NULL && *details != '\0')
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), details_widget (details));

  gtk_window_present (GTK_WINDOW (dialog));
}

/*
 * Opening
 */

/* Replies hold the window weakly: a window closed meanwhile is let go, and
 * its answer dropped. */

typedef struct
{
  GWeakRef  window;
  char     *path;
  gboolean  restoring;
} OpenRequest;

static void
open_request_free (OpenRequest *request)
{
  g_weak_ref_clear (&request->window);
  g_free (request->path);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenRequest, open_request_free)

static void
on_opened (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(OpenRequest) request = user_data;
  g_autoptr(FdWindow) self = g_weak_ref_get (&request->window);
  g_autoptr(FdWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *where = NULL;

  workspace = fd_workspace_open_finish (result, &error);
  if (self == NULL || fd_ui_error_is_cancelled (error))
    return;

  _fd_window_set_busy (self, NULL, NULL);

  if (workspace != NULL)
    {
      fd_window_set_workspace (self, workspace);
      return;
    }

  where = fd_ui_dup_display_path (request->path);

  /* At start-up, a workspace that was moved away is not an error worth a
   * dialog: the greeter says so and offers the way on. */
  if (request->restoring && g_error_matches (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND))
    {
      g_autofree char *notice = g_strdup_printf (_("The workspace you used last, “%s”, is "
                                                   "no longer there. It may have been moved, "
                                                   "renamed or deleted."),
                                                 where);

      fd_greeter_set_notice (self->greeter, notice);
      return;
    }

  _fd_window_show_error (self, _("Cannot Open the Workspace"), error->message, NULL);
}

static void
open_path (FdWindow   *self,
           const char *path,
           gboolean    restoring)
{
  OpenRequest *request;
  g_autofree char *where = NULL;

  g_return_if_fail (FD_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (self->busy)
    return;

  request = g_new0 (OpenRequest, 1);
  g_weak_ref_init (&request->window, self);
  request->path = g_strdup (path);
  request->restoring = restoring;

  where = fd_ui_dup_display_path (path);
  _fd_window_set_busy (self, _("Opening the Workspace…"), where);
  fd_workspace_open_async (path, self->cancellable, on_opened, request);
}

/**
 * fd_window_open_workspace:
 * @path: a workspace folder, or its flightdeck.db
 *
 * Opens the workspace without blocking the window. If it cannot be opened
 * (not a workspace, damaged, from a newer Flightdeck, locked), a dialog says
 * why, nothing is changed, and the workspace shown so far stays.
 */
void
fd_window_open_workspace (FdWindow   *self,
                          const char *path)
{
  open_path (self, path, FALSE);
}

/**
 * fd_window_restore_workspace:
 * @path: the workspace that was open last time
 *
 * Like fd_window_open_workspace(), except that a workspace that is gone
 * leaves the greeter up with a notice instead of an error dialog.
 */
void
fd_window_restore_workspace (FdWindow   *self,
                             const char *path)
{
  open_path (self, path, TRUE);
}

static void
on_folder_chosen (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(FdWindow) self = fd_ui_weak_ref_steal (user_data);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  folder = fd_ui_choose_folder_finish (result, &error);
  if (self == NULL)
    return;

  if (folder == NULL)
    {
      if (!fd_ui_error_is_cancelled (error))
        _fd_window_show_error (self, _("Cannot Open the Workspace"), error->message, NULL);
      return;
    }

  path = g_file_get_path (folder);
  if (path == NULL)
    {
      _fd_window_show_error (self, _("Cannot Open the Workspace"),
                             _("Workspaces must be folders on this computer or on a "
                               "mounted drive."),
                             NULL);
      return;
    }

  fd_window_open_workspace (self, path);
}

void
_fd_window_choose_workspace (FdWindow *self)
{
  g_autoptr(GFile) initial = NULL;

  /* Workspaces tend to live side by side. */
  if (self->workspace != NULL)
    {
      g_autoptr(GFile) current = g_file_new_for_path (fd_workspace_get_path (self->workspace));

      initial = g_file_get_parent (current);
    }

  fd_ui_choose_folder_async (GTK_WINDOW (self), _("Open Workspace"), _("_Open"),
                             initial, self->cancellable, on_folder_chosen,
                             fd_ui_weak_ref_new (self));
}

/*
 * Creating
 */

static void
on_workspace_created (FdNewWorkspaceDialog *dialog,
                      FdWorkspace          *workspace,
                      FdWindow             *self)
{
  fd_window_set_workspace (self, workspace);
  fd_window_add_toast (self, adw_toast_new (_("Workspace created. Add your team in Preferences.")));
}

void
_fd_window_new_workspace (FdWindow *self)
{
  FdNewWorkspaceDialog *dialog = fd_new_workspace_dialog_new ();

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "created", G_CALLBACK (on_workspace_created), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/*
 * The demo: built by flightdeck-cli, the same command a script would use
 */

typedef struct
{
  GWeakRef     window;
  GSubprocess *process;
  char        *path;
} DemoRequest;

static void
demo_request_free (DemoRequest *request)
{
  g_weak_ref_clear (&request->window);
  g_object_unref (request->process);
  g_free (request->path);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DemoRequest, demo_request_free)

/* Installed next to flightdeck; uninstalled runs and tests name it. */
static char *
dup_cli_path (void)
{
  const char *path = g_getenv ("FLIGHTDECK_CLI");

  if (path != NULL && *path != '\0')
    return g_strdup (path);

  return g_build_filename (BINDIR, "flightdeck-cli", NULL);
}

static void
on_demo_built (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(DemoRequest) request = user_data;
  g_autoptr(FdWindow) self = g_weak_ref_get (&request->window);
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  gboolean done;

  done = g_subprocess_communicate_utf8_finish (request->process, result, &output, NULL, &error);
  if (self == NULL)
    return;

  if (!done)
    {
      if (fd_ui_error_is_cancelled (error))
        return;
      _fd_window_set_busy (self, NULL, NULL);
      _fd_window_show_error (self, _("Cannot Build the Demo Workspace"), error->message, NULL);
      return;
    }

  _fd_window_set_busy (self, NULL, NULL);

  if (!g_subprocess_get_successful (request->process))
    {
      _fd_window_show_error (self, _("Cannot Build the Demo Workspace"),
                             _("“flightdeck-cli demo” stopped with an error. This is what it said:"),
                             output ? g_strstrip (output) : "");
      return;
    }

  fd_window_open_workspace (self, request->path);
}

/**
 * fd_window_open_demo:
 *
 * Builds or refreshes the demo workspace with `flightdeck-cli demo`, then
 * opens it. Its output is shown if it fails.
 */
void
fd_window_open_demo (FdWindow *self)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cli = dup_cli_path ();
  DemoRequest *request;
  GSubprocess *process;
  char *path;

  g_return_if_fail (FD_IS_WINDOW (self));

  if (self->busy)
    return;

  path = fd_workspace_dup_default_demo_path ();
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_MERGE);
  process = g_subprocess_launcher_spawn (launcher, &error, cli, "--workspace", path, "demo", NULL);
  if (process == NULL)
    {
      g_autofree char *body = g_strdup_printf (_("Flightdeck could not run %s: %s"), cli, error->message);

      _fd_window_show_error (self, _("Cannot Build the Demo Workspace"), body, NULL);
      g_free (path);
      return;
    }

  request = g_new0 (DemoRequest, 1);
  g_weak_ref_init (&request->window, self);
  request->process = process;
  request->path = path;

  _fd_window_set_busy (self, _("Building the Demo Workspace…"),
                       _("The team of Northwind Outdoor, a fictional outdoor brand, "
                         "with its briefs and its ownership matrix."));
  g_subprocess_communicate_utf8_async (process, NULL, self->cancellable, on_demo_built, request);
}

/*
 * Remembering
 */

/* Last workspace, and the recent list with it on top. */
void
_fd_window_remember_workspace (FdWindow *self)
{
  g_autoptr(GVariant) recent = g_settings_get_value (self->settings, "recent-workspaces");
  g_autofree char *name = fd_workspace_dup_name (self->workspace);
  const char *path = fd_workspace_get_path (self->workspace);
  GVariantBuilder builder;
  GVariantIter iter;
  const char *other_path;
  const char *other_name;
  guint n = 1;

  g_settings_set_string (self->settings, "last-workspace", path);

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ss)"));
  g_variant_builder_add (&builder, "(ss)", path, name);

  g_variant_iter_init (&iter, recent);
  while (n < MAX_RECENT && g_variant_iter_next (&iter, "(&s&s)", &other_path, &other_name))
    if (!g_str_equal (other_path, path))
      {
        g_variant_builder_add (&builder, "(ss)", other_path, other_name);
        n++;
      }

  g_settings_set_value (self->settings, "recent-workspaces", g_variant_builder_end (&builder));
}

void
_fd_window_update_recent_menu (FdWindow *self)
{
  g_autoptr(GVariant) recent = g_settings_get_value (self->settings, "recent-workspaces");
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) recent_section = g_menu_new ();
  g_autoptr(GMenu) actions = g_menu_new ();
  const char *current = self->workspace ? fd_workspace_get_path (self->workspace) : NULL;
  const char *path;
  const char *name;
  GVariantIter iter;

  g_variant_iter_init (&iter, recent);
  while (g_variant_iter_next (&iter, "(&s&s)", &path, &name))
    if (g_strcmp0 (path, current) != 0)
      {
        g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

        g_menu_item_set_action_and_target (item, "win.open-recent", "s", path);
        g_menu_append_item (recent_section, item);
      }

  g_menu_append (actions, _("Show in _Files"), "win.show-workspace-folder");
  g_menu_append (actions, _("_Open Workspace…"), "win.open-workspace");
  g_menu_append (actions, _("_New Workspace…"), "win.new-workspace");

  if (g_menu_model_get_n_items (G_MENU_MODEL (recent_section)) > 0)
    g_menu_append_section (menu, _("Recent Workspaces"), G_MENU_MODEL (recent_section));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (actions));

  gtk_menu_button_set_menu_model (self->workspace_button, G_MENU_MODEL (menu));
}

void
_fd_window_show_folder (FdWindow *self)
{
  g_autoptr(GFile) folder = NULL;
  g_autofree char *uri = NULL;

  if (self->workspace == NULL)
    return;

  folder = g_file_new_for_path (fd_workspace_get_path (self->workspace));
  uri = g_file_get_uri (folder);
  fd_ui_show_uri (GTK_WINDOW (self), uri, _("No file manager could show the workspace folder."));
}
