/* fd-ui-util.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-roster.h"
#include "fd-ui-util.h"
#include "fd-window.h"

/*
 * Edits on the writer queue
 */

typedef struct
{
  FdEditFunc      func;
  gpointer        data;
  GDestroyNotify  data_destroy;
} EditJob;

static void
edit_job_free (EditJob *job)
{
  if (job->data_destroy != NULL)
    job->data_destroy (job->data);
  g_free (job);
}

static gpointer
run_edit (FdStore       *store,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  EditJob *job = data;
  g_autofree char *actor = fd_roster_dup_current_actor (store);

  if (!job->func (store, actor, job->data, error))
    return NULL;

  return GINT_TO_POINTER (TRUE);
}

/**
 * fd_ui_edit_async:
 * @func: the edit, run on the workspace's writer queue
 * @data: (nullable): handed to @func, which runs on another thread
 * @data_destroy: (nullable): frees @data when the edit is done
 *
 * Runs one edit of workflow data off the main thread. The actor is
 * resolved when the write happens, so an edit queued behind a change of
 * the current person is recorded for the right one.
 */
void
fd_ui_edit_async (FdWorkspace         *workspace,
                  FdEditFunc           func,
                  gpointer             data,
                  GDestroyNotify       data_destroy,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  EditJob *job;

  g_return_if_fail (FD_IS_WORKSPACE (workspace));
  g_return_if_fail (func != NULL);

  job = g_new0 (EditJob, 1);
  job->func = func;
  job->data = data;
  job->data_destroy = data_destroy;

  fd_workspace_run_async (workspace, TRUE, run_edit, job, (GDestroyNotify)edit_job_free,
                          NULL, cancellable, callback, user_data);
}

gboolean
fd_ui_edit_finish (FdWorkspace   *workspace,
                   GAsyncResult  *result,
                   GError       **error)
{
  return fd_workspace_run_finish (workspace, result, error) != NULL;
}

/*
 * Toasts
 */

/**
 * fd_ui_add_toast:
 * @widget: any widget inside a Flightdeck window, the preferences window,
 *   or a dialog that is transient for one of them
 * @toast: (transfer full): the toast
 *
 * Shows @toast in the nearest window that can show toasts.
 */
void
fd_ui_add_toast (GtkWidget *widget,
                 AdwToast  *toast)
{
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  root = gtk_widget_get_root (widget);

  for (GtkWindow *window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
       window != NULL;
       window = gtk_window_get_transient_for (window))
    {
      if (ADW_IS_PREFERENCES_WINDOW (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), toast);
          return;
        }

      if (FD_IS_WINDOW (window))
        {
          fd_window_add_toast (FD_WINDOW (window), toast);
          return;
        }
    }

  g_message ("%s", adw_toast_get_title (toast));
  g_object_unref (toast);
}

/**
 * fd_ui_toast:
 * @message: the text of the toast
 *
 * Shows @message as a toast; see fd_ui_add_toast().
 */
void
fd_ui_toast (GtkWidget  *widget,
             const char *message)
{
  g_return_if_fail (message != NULL);

  fd_ui_add_toast (widget, adw_toast_new (message));
}

/*
 * Choosing a folder
 */

static void
return_cancelled (GTask *task)
{
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                           _("No folder was chosen."));
}

#if GTK_CHECK_VERSION (4, 10, 0)

static void
on_folder_selected (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GFile *folder;

  folder = gtk_file_dialog_select_folder_finish (GTK_FILE_DIALOG (source), result, &error);
  if (folder != NULL)
    g_task_return_pointer (task, folder, g_object_unref);
  else if (g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) ||
           g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
    return_cancelled (task);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
choose_folder (GtkWindow    *parent,
               const char   *title,
               const char   *accept_label,
               GFile        *initial_folder,
               GCancellable *cancellable,
               GTask        *task)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_accept_label (dialog, accept_label);
  gtk_file_dialog_set_modal (dialog, TRUE);
  if (initial_folder != NULL)
    gtk_file_dialog_set_initial_folder (dialog, initial_folder);

  gtk_file_dialog_select_folder (dialog, parent, cancellable, on_folder_selected, task);
}

#else /* GTK 4.8: GtkFileChooserNative, which talks to the portal in a sandbox */

static void
on_native_response (GtkNativeDialog *native,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(GTask) task = user_data;
  GFile *folder = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  if (folder != NULL)
    g_task_return_pointer (task, folder, g_object_unref);
  else
    return_cancelled (task);

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
choose_folder (GtkWindow    *parent,
               const char   *title,
               const char   *accept_label,
               GFile        *initial_folder,
               GCancellable *cancellable,
               GTask        *task)
{
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (title, parent,
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                        accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  if (initial_folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), initial_folder, NULL);

  g_signal_connect (native, "response", G_CALLBACK (on_native_response), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

#endif

/**
 * fd_ui_choose_folder_async:
 * @parent: (nullable): the window the chooser belongs to
 * @initial_folder: (nullable): where the chooser starts
 *
 * Asks for a folder. Dismissing the chooser finishes with
 * %G_IO_ERROR_CANCELLED.
 */
void
fd_ui_choose_folder_async (GtkWindow           *parent,
                           const char          *title,
                           const char          *accept_label,
                           GFile               *initial_folder,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  /* No source object: the task must not keep @parent alive. */
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, fd_ui_choose_folder_async);
  choose_folder (parent, title, accept_label, initial_folder, cancellable, task);
}

/**
 * fd_ui_choose_folder_finish:
 *
 * Returns: (transfer full): the folder, or %NULL with @error set
 */
GFile *
fd_ui_choose_folder_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == fd_ui_choose_folder_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/*
 * Showing a URI in another program
 */

typedef struct
{
  GWeakRef   parent;
  char      *uri;
  char      *failure_message;
} ShowRequest;

static void
show_request_free (ShowRequest *request)
{
  g_weak_ref_clear (&request->parent);
  g_free (request->uri);
  g_free (request->failure_message);
  g_free (request);
}

static void
report_show_failure (ShowRequest  *request,
                     const GError *error)
{
  g_autoptr(GtkWindow) parent = g_weak_ref_get (&request->parent);

  g_debug ("Could not show %s: %s", request->uri, error->message);

  if (parent != NULL)
    fd_ui_toast (GTK_WIDGET (parent), request->failure_message);
}

#if GTK_CHECK_VERSION (4, 10, 0)

static void
on_uri_launched (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ShowRequest *request = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (source), result, &error) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    report_show_failure (request, error);

  show_request_free (request);
}

static void
show_uri (ShowRequest *request)
{
  g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (request->uri);
  g_autoptr(GtkWindow) parent = g_weak_ref_get (&request->parent);

  gtk_uri_launcher_launch (launcher, parent, NULL, on_uri_launched, request);
}

#else

static void
on_uri_shown (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ShowRequest *request = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    report_show_failure (request, error);

  show_request_free (request);
}

/* With a parent, a sandboxed app's request goes to the OpenURI portal with
 * the window's handle, so whatever the portal asks is attached to it. */
static void
show_uri (ShowRequest *request)
{
  g_autoptr(GtkWindow) parent = g_weak_ref_get (&request->parent);

  gtk_show_uri_full (parent, request->uri, GDK_CURRENT_TIME, NULL, on_uri_shown, request);
}

#endif

/**
 * fd_ui_show_uri:
 * @parent: (nullable): the window asking
 * @failure_message: what to say, in a toast, when nothing can show @uri
 *
 * Opens @uri with the program the desktop chooses for it.
 */
void
fd_ui_show_uri (GtkWindow  *parent,
                const char *uri,
                const char *failure_message)
{
  ShowRequest *request;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (uri != NULL);

  request = g_new0 (ShowRequest, 1);
  g_weak_ref_init (&request->parent, parent);
  request->uri = g_strdup (uri);
  request->failure_message = g_strdup (failure_message);

  show_uri (request);
}

/*
 * Weak references for replies
 *
 * A window that is closed while an answer is on its way must be allowed to
 * go: gtk_window_destroy() only drops the toolkit's reference, and a window
 * kept alive by a callback can outlive the window it is transient for. So
 * callbacks hold windows weakly and drop answers for windows that are gone.
 */

/**
 * fd_ui_weak_ref_new:
 *
 * Returns: (transfer full): a weak reference to @object, to hand to an
 *   asynchronous call as its user data
 */
GWeakRef *
fd_ui_weak_ref_new (gpointer object)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, object);
  return ref;
}

/**
 * fd_ui_weak_ref_steal:
 * @ref: (transfer full): from fd_ui_weak_ref_new()
 *
 * Returns: (transfer full) (nullable): the object, or %NULL if it is gone
 */
gpointer
fd_ui_weak_ref_steal (GWeakRef *ref)
{
  gpointer object = g_weak_ref_get (ref);

  g_weak_ref_clear (ref);
  g_free (ref);

  return object;
}

/*
 * Small helpers
 */

/**
 * fd_ui_dup_display_path:
 *
 * Returns: (transfer full): @path for people to read: the home folder as
 *   "~", in the file system's encoding turned into UTF-8
 */
char *
fd_ui_dup_display_path (const char *path)
{
  g_autofree char *display = NULL;
  const char *home = g_get_home_dir ();
  gsize home_len = strlen (home);

  if (path == NULL)
    return NULL;

  display = g_filename_display_name (path);
  if (home_len > 1 && g_str_has_prefix (path, home) &&
      (path[home_len] == G_DIR_SEPARATOR || path[home_len] == '\0'))
    {
      g_autofree char *rest = g_filename_display_name (path + home_len);

      return g_strconcat ("~", rest, NULL);
    }

  return g_steal_pointer (&display);
}

gboolean
fd_ui_error_is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}
