/* fd-preferences-window.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-ownership.h"
#include "fd-person-dialog.h"
#include "fd-preferences-window.h"
#include "fd-reviewers-page.h"
#include "fd-roster.h"
#include "fd-ui-models.h"
#include "fd-ui-util.h"

/* The preferences of a workspace: who you are, the team, and the ownership
 * matrix. Everything shown comes from models loaded on the reader queue;
 * every change goes through the core API on the writer queue, so it is
 * validated and audited there. */

struct _FdPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  FdWorkspace          *workspace;
  FdQueryModel         *people;          /* everyone, for the Team page */
  FdQueryModel         *active_people;   /* for "You are" */
  FdQueryModel         *current;
  FdQueryModel         *ownership;
  GtkCustomFilter      *owned_filter;
  GListStore           *you_head;
  FdPerson             *nobody;
  GCancellable         *cancellable;
  guint                 syncing;

  AdwComboRow          *you_row;
  AdwActionRow         *details_row;
  AdwActionRow         *add_self_row;
  GtkWidget            *owned_group;
  GtkListBox           *owned_list;
  GtkListBox           *people_list;
  FdOwnershipPage      *ownership_page;
  FdReviewersPage      *reviewers_page;
};

G_DEFINE_FINAL_TYPE (FdPreferencesWindow, fd_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_WORKSPACE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static FdPerson *
get_current (FdPreferencesWindow *self)
{
  FdPerson *current = g_list_model_get_item (G_LIST_MODEL (self->current), 0);

  /* The model holds a reference of its own as long as it shows the person. */
  if (current != NULL)
    g_object_unref (current);

  return current;
}

static gint64
current_id (FdPreferencesWindow *self)
{
  FdPerson *current = get_current (self);

  return current ? fd_person_get_id (current) : 0;
}

static char *
escape (const char *text)
{
  return g_markup_escape_text (text ? text : "", -1);
}

/*
 * Edits
 */

typedef struct
{
  gint64   person_id;
  gboolean active;
} RosterEdit;

static gboolean
set_current (FdStore     *store,
             const char  *actor,
             gpointer     data,
             GError     **error)
{
  return fd_roster_set_current (store, actor, ((RosterEdit *)data)->person_id, error);
}

static gboolean
set_active (FdStore     *store,
            const char  *actor,
            gpointer     data,
            GError     **error)
{
  RosterEdit *edit = data;

  return fd_roster_set_active (store, actor, edit->person_id, edit->active, error);
}

static void
on_edited (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(FdPreferencesWindow) self = fd_ui_weak_ref_steal (user_data);
  g_autoptr(GError) error = NULL;

  /* The window was closed meanwhile. */
  if (self == NULL)
    return;

  if (!fd_ui_edit_finish (FD_WORKSPACE (source), result, &error) &&
      !fd_ui_error_is_cancelled (error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

static void
run_edit (FdPreferencesWindow *self,
          FdEditFunc           func,
          gint64               person_id,
          gboolean             active)
{
  RosterEdit *edit = g_new0 (RosterEdit, 1);

  edit->person_id = person_id;
  edit->active = active;
  fd_ui_edit_async (self->workspace, func, edit, g_free, self->cancellable,
                    on_edited, fd_ui_weak_ref_new (self));
}

/*
 * The "You" page
 */

static void
sync_you (FdPreferencesWindow *self)
{
  FdPerson *current = get_current (self);
  gboolean has_people = g_list_model_get_n_items (G_LIST_MODEL (self->people)) > 0;
  GListModel *model = adw_combo_row_get_model (self->you_row);
  guint n;

  self->syncing++;

  g_list_store_remove_all (self->you_head);
  if (current == NULL)
    g_list_store_append (self->you_head, self->nobody);

  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FdPerson) person = g_list_model_get_item (model, i);

      if (fd_person_get_id (person) == current_id (self))
        adw_combo_row_set_selected (self->you_row, i);
    }

  self->syncing--;

  if (current != NULL)
    {
      g_autofree char *email = escape (fd_person_get_email (current));
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", fd_person_get_role_name (current), email);

      adw_action_row_set_subtitle (self->details_row, subtitle);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->details_row), current != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->you_row), has_people);
  gtk_widget_set_visible (GTK_WIDGET (self->add_self_row),
                          !has_people && fd_query_model_get_loaded (self->people));
  gtk_widget_set_visible (self->owned_group, current != NULL);
  gtk_filter_changed (GTK_FILTER (self->owned_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_you_selected (FdPreferencesWindow *self)
{
  FdPerson *person;

  if (self->syncing > 0)
    return;

  person = adw_combo_row_get_selected_item (self->you_row);
  if (person == NULL || fd_person_get_id (person) == 0 ||
      fd_person_get_id (person) == current_id (self))
    return;

  run_edit (self, set_current, fd_person_get_id (person), TRUE);
}

/* See fd-ownership-row.c: a roster change is not a choice. */
static void
on_active_people_changing (FdPreferencesWindow *self)
{
  self->syncing++;
}

static void
on_active_people_changed (FdPreferencesWindow *self)
{
  self->syncing--;
  sync_you (self);
}

static char *
person_label (FdPerson *person,
              gpointer  user_data)
{
  if (person == NULL || fd_person_get_id (person) == 0)
    return g_strdup (_("Nobody Chosen Yet"));

  return g_strdup (fd_person_get_name (person));
}

static void
setup_you_row (FdPreferencesWindow *self)
{
  g_autoptr(GtkExpression) label = NULL;
  g_autoptr(GListModel) model = NULL;
  GListStore *parts = g_list_store_new (G_TYPE_LIST_MODEL);

  g_signal_connect_object (self->active_people, "items-changed",
                           G_CALLBACK (on_active_people_changing), self, G_CONNECT_SWAPPED);

  g_list_store_append (parts, self->you_head);
  g_list_store_append (parts, self->active_people);
  model = G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (parts)));

  label = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                       G_CALLBACK (person_label), NULL, NULL);
  adw_combo_row_set_expression (self->you_row, label);
  self->syncing++;
  adw_combo_row_set_model (self->you_row, model);
  self->syncing--;

  g_signal_connect_object (self->active_people, "items-changed",
                           G_CALLBACK (on_active_people_changed), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->you_row, "notify::selected",
                           G_CALLBACK (on_you_selected), self, G_CONNECT_SWAPPED);
}

static gboolean
owned_by_current (gpointer item,
                  gpointer user_data)
{
  FdPreferencesWindow *self = user_data;
  FdOwnershipEntry *entry = item;
  FdPerson *owner = fd_ownership_entry_get_owner (entry);
  FdPerson *backup = fd_ownership_entry_get_backup (entry);
  gint64 id = current_id (self);

  return id != 0 &&
         ((owner && fd_person_get_id (owner) == id) ||
          (backup && fd_person_get_id (backup) == id));
}

static GtkWidget *
create_owned_row (gpointer item,
                  gpointer user_data)
{
  FdPreferencesWindow *self = user_data;
  FdOwnershipEntry *entry = item;
  FdPerson *owner = fd_ownership_entry_get_owner (entry);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fd_ownership_entry_get_title (entry));

  if (owner != NULL && fd_person_get_id (owner) == current_id (self))
    subtitle = g_strdup (_("You own this"));
  else if (owner != NULL)
    {
      g_autofree char *name = escape (fd_person_get_name (owner));

      /* Translators: you are the backup of this hand-off; %s owns it */
      subtitle = g_strdup_printf (_("You stand in for %s"), name);
    }

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

/*
 * The "Team" page
 */

static GtkWidget *
tag (const char *text,
     const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, style);

  return label;
}

static GtkWidget *
create_person_row (gpointer item,
                   gpointer user_data)
{
  FdPreferencesWindow *self = user_data;
  FdPerson *person = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *name = escape (fd_person_get_name (person));
  g_autofree char *email = escape (fd_person_get_email (person));
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", fd_person_get_role_name (person), email);
  GtkWidget *avatar = adw_avatar_new (32, fd_person_get_name (person), TRUE);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), avatar);

  if (fd_person_get_id (person) == current_id (self))
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag (_("You"), "accent"));
  if (!fd_person_get_active (person))
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag (_("Left the team"), "dim-label"));
      gtk_widget_set_opacity (avatar, 0.5);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "prefs.edit-person");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", fd_person_get_id (person));

  return row;
}

static void
bind_lists (FdPreferencesWindow *self)
{
  gtk_list_box_bind_model (self->people_list, G_LIST_MODEL (self->people),
                           create_person_row, self, NULL);
}

static void
on_current_changed (FdPreferencesWindow *self)
{
  sync_you (self);
  bind_lists (self);
}

/*
 * Actions
 */

static void
open_person_dialog (FdPreferencesWindow *self,
                    FdPerson            *person,
                    gboolean             make_current)
{
  FdPersonDialog *dialog = fd_person_dialog_new (self->workspace, person, make_current);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  open_person_dialog (FD_PREFERENCES_WINDOW (widget), NULL, FALSE);
}

static void
add_self_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  open_person_dialog (FD_PREFERENCES_WINDOW (widget), NULL, TRUE);
}

static void
edit_current_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FdPreferencesWindow *self = FD_PREFERENCES_WINDOW (widget);
  FdPerson *current = get_current (self);

  if (current != NULL)
    open_person_dialog (self, current, FALSE);
}

static void
edit_person_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FdPreferencesWindow *self = FD_PREFERENCES_WINDOW (widget);
  g_autoptr(FdPerson) person = fd_roster_model_find (G_LIST_MODEL (self->people),
                                                     g_variant_get_int64 (parameter), NULL);

  if (person != NULL)
    open_person_dialog (self, person, FALSE);
}

static void
set_active_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  gint64 person_id;
  gboolean active;

  g_variant_get (parameter, "(xb)", &person_id, &active);
  run_edit (FD_PREFERENCES_WINDOW (widget), set_active, person_id, active);
}

static void
switch_person_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  run_edit (FD_PREFERENCES_WINDOW (widget), set_current, g_variant_get_int64 (parameter), TRUE);
}

/*
 * GObject
 */

static void
fd_preferences_window_constructed (GObject *object)
{
  FdPreferencesWindow *self = (FdPreferencesWindow *)object;

  G_OBJECT_CLASS (fd_preferences_window_parent_class)->constructed (object);

  fd_query_model_set_workspace (self->people, self->workspace);
  fd_query_model_set_workspace (self->active_people, self->workspace);
  fd_query_model_set_workspace (self->current, self->workspace);
  fd_query_model_set_workspace (self->ownership, self->workspace);
  fd_ownership_page_set_workspace (self->ownership_page, self->workspace);
  fd_reviewers_page_set_workspace (self->reviewers_page, self->workspace);
}

static void
fd_preferences_window_dispose (GObject *object)
{
  FdPreferencesWindow *self = (FdPreferencesWindow *)object;

  /* A reply still on its way may outlive the window that opened us. */
  g_cancellable_cancel (self->cancellable);
  gtk_window_set_transient_for (GTK_WINDOW (self), NULL);
  gtk_list_box_bind_model (self->people_list, NULL, NULL, NULL, NULL);
  gtk_list_box_bind_model (self->owned_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->people);
  g_clear_object (&self->active_people);
  g_clear_object (&self->current);
  g_clear_object (&self->ownership);
  g_clear_object (&self->owned_filter);
  g_clear_object (&self->you_head);
  g_clear_object (&self->nobody);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (fd_preferences_window_parent_class)->dispose (object);
}

static void
fd_preferences_window_finalize (GObject *object)
{
  FdPreferencesWindow *self = (FdPreferencesWindow *)object;

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (fd_preferences_window_parent_class)->finalize (object);
}

static void
fd_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  FdPreferencesWindow *self = FD_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  FdPreferencesWindow *self = FD_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      self->workspace = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_preferences_window_class_init (FdPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = fd_preferences_window_constructed;
  object_class->dispose = fd_preferences_window_dispose;
  object_class->finalize = fd_preferences_window_finalize;
  object_class->get_property = fd_preferences_window_get_property;
  object_class->set_property = fd_preferences_window_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, FD_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FD_TYPE_OWNERSHIP_PAGE);
  g_type_ensure (FD_TYPE_REVIEWERS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/flightdeck/Flightdeck/fd-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, you_row);
  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, details_row);
  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, add_self_row);
  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, owned_group);
  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, owned_list);
  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, people_list);
  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, ownership_page);
  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, reviewers_page);

  gtk_widget_class_install_action (widget_class, "prefs.add-person", NULL, add_person_action);
  gtk_widget_class_install_action (widget_class, "prefs.add-self", NULL, add_self_action);
  gtk_widget_class_install_action (widget_class, "prefs.edit-current", NULL, edit_current_action);
  gtk_widget_class_install_action (widget_class, "prefs.edit-person", "x", edit_person_action);
  gtk_widget_class_install_action (widget_class, "prefs.set-active", "(xb)", set_active_action);
  gtk_widget_class_install_action (widget_class, "prefs.switch-person", "x", switch_person_action);
}

static void
fd_preferences_window_init (FdPreferencesWindow *self)
{
  g_autoptr(GtkFilterListModel) owned = NULL;
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->people = fd_roster_model_new (TRUE);
  self->active_people = fd_roster_model_new (FALSE);
  self->current = fd_current_person_model_new ();
  self->ownership = fd_ownership_model_new ();
  self->you_head = g_list_store_new (FD_TYPE_PERSON);
  self->cancellable = g_cancellable_new ();
  self->nobody = fd_person_new (0, "", NULL, NULL, TRUE);

  setup_you_row (self);

  self->owned_filter = gtk_custom_filter_new (owned_by_current, self, NULL);
  owned = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->ownership)),
                                     g_object_ref (GTK_FILTER (self->owned_filter)));
  gtk_list_box_bind_model (self->owned_list, G_LIST_MODEL (owned), create_owned_row, self, NULL);
  placeholder = gtk_label_new (_("You own no hand-offs and stand in for none."));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->owned_list, placeholder);

  placeholder = gtk_label_new (_("Nobody is on the team yet."));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->people_list, placeholder);

  g_signal_connect_object (self->current, "items-changed",
                           G_CALLBACK (on_current_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->people, "items-changed",
                           G_CALLBACK (sync_you), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->people, "notify::loaded",
                           G_CALLBACK (sync_you), self, G_CONNECT_SWAPPED);

  bind_lists (self);
  sync_you (self);
}

/**
 * fd_preferences_window_new:
 *
 * Returns: (transfer full): the preferences of @workspace
 */
FdPreferencesWindow *
fd_preferences_window_new (FdWorkspace *workspace)
{
  g_return_val_if_fail (FD_IS_WORKSPACE (workspace), NULL);

  return g_object_new (FD_TYPE_PREFERENCES_WINDOW, "workspace", workspace, NULL);
}

/**
 * fd_preferences_window_get_workspace:
 *
 * Returns: (transfer none): the workspace
 */
FdWorkspace *
fd_preferences_window_get_workspace (FdPreferencesWindow *self)
{
  g_return_val_if_fail (FD_IS_PREFERENCES_WINDOW (self), NULL);
  return self->workspace;
}

/**
 * fd_preferences_window_show_page:
 * @name: "you", "team", "ownership" or "reviewers"
 */
void
fd_preferences_window_show_page (FdPreferencesWindow *self,
                                 const char          *name)
{
  g_return_if_fail (FD_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (name != NULL);

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (self), name);
}

/**
 * fd_preferences_window_get_ownership_page:
 *
 * Returns: (transfer none): the ownership page
 */
FdOwnershipPage *
fd_preferences_window_get_ownership_page (FdPreferencesWindow *self)
{
  g_return_val_if_fail (FD_IS_PREFERENCES_WINDOW (self), NULL);
  return self->ownership_page;
}

/**
 * fd_preferences_window_get_reviewers_page:
 *
 * Returns: (transfer none): the reviewer policies page
 */
FdReviewersPage *
fd_preferences_window_get_reviewers_page (FdPreferencesWindow *self)
{
  g_return_val_if_fail (FD_IS_PREFERENCES_WINDOW (self), NULL);
  return self->reviewers_page;
}

/**
 * fd_preferences_window_get_people:
 *
 * Returns: (transfer none): the model of the Team page: everyone on the
 *   roster, active or not
 */
GListModel *
fd_preferences_window_get_people (FdPreferencesWindow *self)
{
  g_return_val_if_fail (FD_IS_PREFERENCES_WINDOW (self), NULL);
  return G_LIST_MODEL (self->people);
}
