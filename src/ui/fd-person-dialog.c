/* fd-person-dialog.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-person-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-person-dialog.h"
#include "fd-role.h"
#include "fd-roster.h"
#include "fd-ui-util.h"

/* Adds someone to the roster, or edits them: name, email, role; and takes
 * people off the team or brings them back. Every change goes through the
 * roster API on the writer queue, so it is checked and audited there; what
 * the core refuses is shown in the dialog, which keeps what was typed. */

struct _FdPersonDialog
{
  AdwWindow             parent_instance;

  FdWorkspace          *workspace;
  FdPerson             *person;
  gboolean              make_current;
  char                 *error;
  gboolean              busy;
  GCancellable         *cancellable;

  GtkButton            *save_button;
  GtkSpinner           *spinner;
  AdwPreferencesGroup  *details_group;
  AdwEntryRow          *name_row;
  AdwEntryRow          *email_row;
  AdwComboRow          *role_row;
  GtkLabel             *error_label;
  GtkWidget            *status_group;
  AdwActionRow         *status_row;
  GtkButton            *status_button;
};

G_DEFINE_FINAL_TYPE (FdPersonDialog, fd_person_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_PERSON,
  PROP_MAKE_CURRENT,
  PROP_PERSON_NAME,
  PROP_EMAIL,
  PROP_ROLE,
  PROP_ERROR,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/*
 * Edits, run on the writer queue
 */

typedef struct
{
  gint64    person_id;     /* 0 adds someone */
  char     *name;
  char     *email;
  char     *role;
  gboolean  make_current;
  gboolean  active;
} PersonEdit;

static void
person_edit_free (PersonEdit *edit)
{
  g_free (edit->name);
  g_free (edit->email);
  g_free (edit->role);
  g_free (edit);
}

static gboolean
save_person (FdStore     *store,
             const char  *actor,
             gpointer     data,
             GError     **error)
{
  PersonEdit *edit = data;
  g_autoptr(FdPerson) added = NULL;

  if (edit->person_id != 0)
    return fd_roster_update (store, actor, edit->person_id, edit->name,
                             edit->email, edit->role, error);

  if (!(added = fd_roster_add (store, actor, edit->name, edit->email, edit->role, error)))
    return FALSE;

  return !edit->make_current ||
         fd_roster_set_current (store, actor, fd_person_get_id (added), error);
}

static gboolean
set_person_active (FdStore     *store,
                   const char  *actor,
                   gpointer     data,
                   GError     **error)
{
  PersonEdit *edit = data;

  return fd_roster_set_active (store, actor, edit->person_id, edit->active, error);
}

/*
 * State
 */

static const char *
selected_role (FdPersonDialog *self)
{
  const char * const *ids = fd_role_get_ids ();
  guint selected = adw_combo_row_get_selected (self->role_row);

  return selected < g_strv_length ((char **)ids) ? ids[selected] : NULL;
}

static void
select_role (FdPersonDialog *self,
             const char     *role)
{
  const char * const *ids = fd_role_get_ids ();

  for (guint i = 0; ids[i] != NULL; i++)
    if (g_strcmp0 (ids[i], role) == 0)
      adw_combo_row_set_selected (self->role_row, i);
}

static void
set_error (FdPersonDialog *self,
           const char     *error)
{
  g_free (self->error);
  self->error = g_strdup (error);

  gtk_label_set_label (self->error_label, error);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
set_busy (FdPersonDialog *self,
          gboolean        busy)
{
  self->busy = busy;
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->details_group), !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.toggle-active", !busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
on_field_changed (FdPersonDialog *self)
{
  if (self->error != NULL)
    set_error (self, NULL);
}

static void
show_person (FdPersonDialog *self)
{
  gboolean adding = self->person == NULL;

  if (adding)
    gtk_window_set_title (GTK_WINDOW (self), self->make_current ? _("Add Yourself") : _("Add Person"));
  else
    gtk_window_set_title (GTK_WINDOW (self), _("Edit Person"));
  gtk_button_set_label (self->save_button, adding ? _("_Add") : _("_Save"));

  if (self->make_current)
    adw_preferences_group_set_description (self->details_group,
                                           _("Flightdeck records your name with every change "
                                             "you make: approvals, launches, edits to the team."));

  gtk_widget_set_visible (self->status_group, !adding);
  if (adding)
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), fd_person_get_name (self->person));
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), fd_person_get_email (self->person));
  select_role (self, fd_person_get_role (self->person));

  if (fd_person_get_active (self->person))
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), _("On the Team"));
      adw_action_row_set_subtitle (self->status_row,
                                   _("Someone who leaves stays in the audit log and can come back."));
      gtk_button_set_label (self->status_button, _("_Remove from Team"));
      gtk_widget_add_css_class (GTK_WIDGET (self->status_button), "destructive-action");
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), _("No Longer on the Team"));
      adw_action_row_set_subtitle (self->status_row,
                                   _("Inactive people cannot own a hand-off or be chosen as the current person."));
      gtk_button_set_label (self->status_button, _("_Bring Back"));
    }
}

/*
 * Saving
 */

/* Returns the dialog when the edit went through; a failure is shown in the
 * dialog, and a dialog closed meanwhile is let go (%NULL either way). */
static FdPersonDialog *
finish_edit (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(FdPersonDialog) self = fd_ui_weak_ref_steal (user_data);
  g_autoptr(GError) error = NULL;

  if (fd_ui_edit_finish (FD_WORKSPACE (source), result, &error))
    return g_steal_pointer (&self);

  if (self != NULL && !fd_ui_error_is_cancelled (error))
    {
      set_busy (self, FALSE);
      set_error (self, error->message);
    }

  return NULL;
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(FdPersonDialog) self = finish_edit (source, result, user_data);
  g_autofree char *message = NULL;
  GtkWindow *parent;

  if (self == NULL)
    return;

  if (self->person != NULL)
    message = g_strdup_printf (_("Saved the changes to %s"), fd_person_get_name (self->person));
  else
    message = g_strdup_printf (_("Added %s to the team"),
                               gtk_editable_get_text (GTK_EDITABLE (self->name_row)));

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent != NULL)
    fd_ui_toast (GTK_WIDGET (parent), message);

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FdPersonDialog *self = FD_PERSON_DIALOG (widget);
  PersonEdit *edit;

  if (self->busy)
    return;

  edit = g_new0 (PersonEdit, 1);
  edit->person_id = self->person ? fd_person_get_id (self->person) : 0;
  edit->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  edit->email = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->email_row)));
  edit->role = g_strdup (selected_role (self));
  edit->make_current = self->make_current;

  set_error (self, NULL);
  set_busy (self, TRUE);
  fd_ui_edit_async (self->workspace, save_person, edit, (GDestroyNotify)person_edit_free,
                    self->cancellable, on_saved, fd_ui_weak_ref_new (self));
}

static void
on_entry_activated (FdPersonDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.save", NULL);
}

/* Taking someone off the team is one click, with Undo in the toast. */
static void
on_active_set (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(FdPersonDialog) self = finish_edit (source, result, user_data);
  GtkWindow *parent;
  AdwToast *toast;

  if (self == NULL)
    return;

  /* self->person is the state before the change. */
  if (fd_person_get_active (self->person))
    {
      toast = adw_toast_new_format (_("%s is no longer on the team"), fd_person_get_name (self->person));
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "prefs.set-active");
      adw_toast_set_action_target (toast, "(xb)", fd_person_get_id (self->person), TRUE);
    }
  else
    toast = adw_toast_new_format (_("%s is back on the team"), fd_person_get_name (self->person));

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent != NULL)
    fd_ui_add_toast (GTK_WIDGET (parent), toast);
  else
    g_object_unref (toast);

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
toggle_active_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FdPersonDialog *self = FD_PERSON_DIALOG (widget);
  PersonEdit *edit;

  if (self->busy || self->person == NULL)
    return;

  edit = g_new0 (PersonEdit, 1);
  edit->person_id = fd_person_get_id (self->person);
  edit->active = !fd_person_get_active (self->person);

  set_error (self, NULL);
  set_busy (self, TRUE);
  fd_ui_edit_async (self->workspace, set_person_active, edit, (GDestroyNotify)person_edit_free,
                    self->cancellable, on_active_set, fd_ui_weak_ref_new (self));
}

/*
 * GObject
 */

static void
fd_person_dialog_constructed (GObject *object)
{
  FdPersonDialog *self = (FdPersonDialog *)object;

  G_OBJECT_CLASS (fd_person_dialog_parent_class)->constructed (object);

  show_person (self);
}

static void
fd_person_dialog_dispose (GObject *object)
{
  FdPersonDialog *self = (FdPersonDialog *)object;

  /* A reply still on its way may outlive the window that opened us. */
  g_cancellable_cancel (self->cancellable);
  gtk_window_set_transient_for (GTK_WINDOW (self), NULL);

  G_OBJECT_CLASS (fd_person_dialog_parent_class)->dispose (object);
}

static void
fd_person_dialog_finalize (GObject *object)
{
  FdPersonDialog *self = (FdPersonDialog *)object;

  g_clear_object (&self->workspace);
  g_clear_object (&self->person);
  g_clear_object (&self->cancellable);
  g_free (self->error);

  G_OBJECT_CLASS (fd_person_dialog_parent_class)->finalize (object);
}

static void
fd_person_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  FdPersonDialog *self = FD_PERSON_DIALOG (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;
    case PROP_MAKE_CURRENT:
      g_value_set_boolean (value, self->make_current);
      break;
    case PROP_PERSON_NAME:
      g_value_set_string (value, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
      break;
    case PROP_EMAIL:
      g_value_set_string (value, gtk_editable_get_text (GTK_EDITABLE (self->email_row)));
      break;
    case PROP_ROLE:
      g_value_set_string (value, selected_role (self));
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
fd_person_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  FdPersonDialog *self = FD_PERSON_DIALOG (object);
  const char *text;

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      self->workspace = g_value_dup_object (value);
      break;
    case PROP_PERSON:
      self->person = g_value_dup_object (value);
      break;
    case PROP_MAKE_CURRENT:
      self->make_current = g_value_get_boolean (value);
      break;
    case PROP_PERSON_NAME:
      text = g_value_get_string (value);
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), text ? text : "");
      break;
    case PROP_EMAIL:
      text = g_value_get_string (value);
      gtk_editable_set_text (GTK_EDITABLE (self->email_row), text ? text : "");
      break;
    case PROP_ROLE:
      select_role (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_person_dialog_class_init (FdPersonDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = fd_person_dialog_constructed;
  object_class->dispose = fd_person_dialog_dispose;
  object_class->finalize = fd_person_dialog_finalize;
  object_class->get_property = fd_person_dialog_get_property;
  object_class->set_property = fd_person_dialog_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, FD_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The person edited, or %NULL to add someone. */
  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, FD_TYPE_PERSON,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Whether the person added becomes the current person ("Add yourself"). */
  properties[PROP_MAKE_CURRENT] =
    g_param_spec_boolean ("make-current", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON_NAME] =
    g_param_spec_string ("person-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* A role id, as fd_role_get_ids() lists them. */
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/flightdeck/Flightdeck/fd-person-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FdPersonDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, FdPersonDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, FdPersonDialog, details_group);
  gtk_widget_class_bind_template_child (widget_class, FdPersonDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, FdPersonDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, FdPersonDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, FdPersonDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, FdPersonDialog, status_group);
  gtk_widget_class_bind_template_child (widget_class, FdPersonDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, FdPersonDialog, status_button);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "dialog.toggle-active", NULL, toggle_active_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fd_person_dialog_init (FdPersonDialog *self)
{
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  const char * const *ids = fd_role_get_ids ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();

  for (guint i = 0; ids[i] != NULL; i++)
    gtk_string_list_append (roles, fd_role_get_display_name (ids[i]));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));

  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (on_field_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->email_row, "changed", G_CALLBACK (on_field_changed),
                           self, G_CONNECT_SWAPPED);
}

/**
 * fd_person_dialog_new:
 * @person: (nullable): who to edit, or %NULL to add someone
 * @make_current: when adding, make the new person the current one
 *
 * Returns: (transfer full): a new dialog; make it transient for the window
 *   that should show its toasts
 */
FdPersonDialog *
fd_person_dialog_new (FdWorkspace *workspace,
                      FdPerson    *person,
                      gboolean     make_current)
{
  g_return_val_if_fail (FD_IS_WORKSPACE (workspace), NULL);

  return g_object_new (FD_TYPE_PERSON_DIALOG,
                       "workspace", workspace,
                       "person", person,
                       "make-current", make_current,
                       NULL);
}

/**
 * fd_person_dialog_get_person:
 *
 * Returns: (transfer none) (nullable): the person edited
 */
FdPerson *
fd_person_dialog_get_person (FdPersonDialog *self)
{
  g_return_val_if_fail (FD_IS_PERSON_DIALOG (self), NULL);
  return self->person;
}

/**
 * fd_person_dialog_get_error:
 *
 * Returns: (nullable): why the last save failed, as the core said it
 */
const char *
fd_person_dialog_get_error (FdPersonDialog *self)
{
  g_return_val_if_fail (FD_IS_PERSON_DIALOG (self), NULL);
  return self->error;
}
