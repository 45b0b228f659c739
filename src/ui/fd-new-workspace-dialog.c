/* fd-new-workspace-dialog.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-new-workspace-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-new-workspace-dialog.h"
#include "fd-ui-util.h"

/* Asks for a name and a location, and creates the workspace folder
 * location/name on a worker. What the core refuses (a folder that is not
 * empty, one that cannot be written) is said in the dialog, which stays
 * open so nothing typed is lost. On success it emits ::created and
 * closes. */

struct _FdNewWorkspaceDialog
{
  AdwWindow     parent_instance;

  char         *location;
  char         *error;
  gboolean      busy;
  GCancellable *cancellable;

  AdwEntryRow  *name_row;
  AdwActionRow *location_row;
  GtkLabel     *folder_label;
  GtkLabel     *error_label;
  GtkSpinner   *spinner;
};

G_DEFINE_FINAL_TYPE (FdNewWorkspaceDialog, fd_new_workspace_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_WORKSPACE_NAME,
  PROP_LOCATION,
  PROP_ERROR,
  PROP_BUSY,
  N_PROPS
};

enum {
  CREATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
get_name (FdNewWorkspaceDialog *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->name_row));
}

/* The folder is named after the workspace; "/" cannot be part of it. */
static char *
folder_name (const char *name)
{
  g_autofree char *clean = g_strstrip (g_strdup (name));

  g_strdelimit (clean, G_DIR_SEPARATOR_S, '-');
  while (*clean == '.')
    memmove (clean, clean + 1, strlen (clean));

  return g_steal_pointer (&clean);
}

/**
 * fd_new_workspace_dialog_dup_folder:
 *
 * Returns: (transfer full) (nullable): the folder that would be created,
 *   or %NULL while the name is empty
 */
char *
fd_new_workspace_dialog_dup_folder (FdNewWorkspaceDialog *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (FD_IS_NEW_WORKSPACE_DIALOG (self), NULL);

  name = folder_name (get_name (self));
  if (*name == '\0')
    return NULL;

  return g_build_filename (self->location, name, NULL);
}

static void
set_error (FdNewWorkspaceDialog *self,
           const char           *error)
{
  g_free (self->error);
  self->error = g_strdup (error);

  gtk_label_set_label (self->error_label, error);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
set_busy (FdNewWorkspaceDialog *self,
          gboolean              busy)
{
  self->busy = busy;
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.choose-location", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.create",
                                 !busy && *get_name (self) != '\0');
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
update (FdNewWorkspaceDialog *self)
{
  g_autofree char *folder = fd_new_workspace_dialog_dup_folder (self);
  g_autofree char *shown_location = fd_ui_dup_display_path (self->location);
  g_autofree char *escaped = g_markup_escape_text (shown_location, -1);

  adw_action_row_set_subtitle (self->location_row, escaped);

  if (folder != NULL)
    {
      g_autofree char *shown = fd_ui_dup_display_path (folder);
      g_autofree char *text = g_strdup_printf (_("Flightdeck will create the folder “%s”."), shown);

      gtk_label_set_label (self->folder_label, text);
    }
  else
    gtk_label_set_label (self->folder_label, _("Give the workspace a name, such as your brand or client."));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.create", !self->busy && folder != NULL);
}

static void
on_name_changed (FdNewWorkspaceDialog *self)
{
  if (self->error != NULL)
    set_error (self, NULL);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE_NAME]);
}

/*
 * Creating
 */

static void
on_created (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(FdNewWorkspaceDialog) self = fd_ui_weak_ref_steal (user_data);
  g_autoptr(FdWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;

  /* The window was closed meanwhile. */
  if (self == NULL)
    return;

  workspace = fd_workspace_create_finish (result, &error);
  if (fd_ui_error_is_cancelled (error))
    return;

  set_busy (self, FALSE);

  if (workspace == NULL)
    {
      set_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[CREATED], 0, workspace);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FdNewWorkspaceDialog *self = FD_NEW_WORKSPACE_DIALOG (widget);
  g_autofree char *folder = fd_new_workspace_dialog_dup_folder (self);

  if (self->busy || folder == NULL)
    return;

  set_error (self, NULL);
  set_busy (self, TRUE);
  fd_workspace_create_async (folder, get_name (self), self->cancellable,
                             on_created, fd_ui_weak_ref_new (self));
}

static void
on_name_activated (FdNewWorkspaceDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.create", NULL);
}

static void
on_location_chosen (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(FdNewWorkspaceDialog) self = fd_ui_weak_ref_steal (user_data);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  /* The window was closed meanwhile. */
  if (self == NULL)
    return;

  folder = fd_ui_choose_folder_finish (result, &error);
  if (folder == NULL)
    {
      if (!fd_ui_error_is_cancelled (error))
        set_error (self, error->message);
      return;
    }

  if (!(path = g_file_get_path (folder)))
    {
      set_error (self, _("Choose a folder on this computer or on a mounted drive."));
      return;
    }

  g_object_set (self, "location", path, NULL);
}

static void
choose_location_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  FdNewWorkspaceDialog *self = FD_NEW_WORKSPACE_DIALOG (widget);
  g_autoptr(GFile) initial = g_file_new_for_path (self->location);

  fd_ui_choose_folder_async (GTK_WINDOW (self), _("Choose Where to Create the Workspace"),
                             _("_Select"), initial, self->cancellable,
                             on_location_chosen, fd_ui_weak_ref_new (self));
}

/*
 * GObject
 */

static void
fd_new_workspace_dialog_dispose (GObject *object)
{
  FdNewWorkspaceDialog *self = (FdNewWorkspaceDialog *)object;

  /* A reply still on its way may outlive the window that opened us. */
  g_cancellable_cancel (self->cancellable);
  gtk_window_set_transient_for (GTK_WINDOW (self), NULL);

  G_OBJECT_CLASS (fd_new_workspace_dialog_parent_class)->dispose (object);
}

static void
fd_new_workspace_dialog_finalize (GObject *object)
{
  FdNewWorkspaceDialog *self = (FdNewWorkspaceDialog *)object;

  g_clear_object (&self->cancellable);
  g_free (self->location);
  g_free (self->error);

  G_OBJECT_CLASS (fd_new_workspace_dialog_parent_class)->finalize (object);
}

static void
fd_new_workspace_dialog_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  FdNewWorkspaceDialog *self = FD_NEW_WORKSPACE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE_NAME:
      g_value_set_string (value, get_name (self));
      break;
    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_new_workspace_dialog_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  FdNewWorkspaceDialog *self = FD_NEW_WORKSPACE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE_NAME:
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), g_value_get_string (value) ?: "");
      break;
    case PROP_LOCATION:
      g_free (self->location);
      self->location = g_value_dup_string (value);
      if (self->location == NULL)
        self->location = g_strdup (g_get_home_dir ());
      update (self);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_new_workspace_dialog_class_init (FdNewWorkspaceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_new_workspace_dialog_dispose;
  object_class->finalize = fd_new_workspace_dialog_finalize;
  object_class->get_property = fd_new_workspace_dialog_get_property;
  object_class->set_property = fd_new_workspace_dialog_set_property;

  properties[PROP_WORKSPACE_NAME] =
    g_param_spec_string ("workspace-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The folder in which the workspace folder is made. */
  properties[PROP_LOCATION] =
    g_param_spec_string ("location", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Why the last attempt failed, as the core said it. */
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FdNewWorkspaceDialog::created:
   * @workspace: the new workspace, open
   */
  signals[CREATED] =
    g_signal_new ("created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, FD_TYPE_WORKSPACE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/flightdeck/Flightdeck/fd-new-workspace-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FdNewWorkspaceDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, FdNewWorkspaceDialog, location_row);
  gtk_widget_class_bind_template_child (widget_class, FdNewWorkspaceDialog, folder_label);
  gtk_widget_class_bind_template_child (widget_class, FdNewWorkspaceDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, FdNewWorkspaceDialog, spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_name_activated);

  gtk_widget_class_install_action (widget_class, "dialog.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "dialog.choose-location", NULL, choose_location_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fd_new_workspace_dialog_init (FdNewWorkspaceDialog *self)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->location = g_strdup (documents ? documents : g_get_home_dir ());

  g_signal_connect_object (self->name_row, "changed",
                           G_CALLBACK (on_name_changed), self, G_CONNECT_SWAPPED);
  update (self);
}

FdNewWorkspaceDialog *
fd_new_workspace_dialog_new (void)
{
  return g_object_new (FD_TYPE_NEW_WORKSPACE_DIALOG, NULL);
}
