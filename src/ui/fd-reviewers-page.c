/* fd-reviewers-page.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-reviewers-page"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-asset-reviewer.h"
#include "fd-ownership.h"
#include "fd-reviewer-policy.h"
#include "fd-reviewers-page.h"
#include "fd-roster.h"
#include "fd-ui-util.h"

/* The reviewer policies in the preferences: one group per kind of asset,
 * listing its required and optional reviewers, picked from the team.
 *
 * Everything shown is read on the reader queue (the policies, the team,
 * who may edit each policy, who sets it) and read again when a policy, the
 * team, the ownership matrix or the current person changes. A change is
 * asked for with the action "reviewers.set" ((sxs): kind, person id,
 * "required", "optional" or "none") and written with
 * fd_reviewer_policy_set() on the writer queue, where the core refuses
 * people who may not make it; the refusal shows as a toast and the page
 * shows what is stored again. */

#define N_KINDS FD_ASSET_N_KINDS
#define RELOAD_DELAY_MS 50

typedef struct
{
  FdAssetKind          kind;
  AdwPreferencesGroup *group;
  GtkMenuButton       *add_button;
  GPtrArray           *rows;
  GPtrArray           *reviewers;   /* FdAssetReviewer */
  char                *refusal;     /* why the current person may not edit */
} KindGroup;

struct _FdReviewersPage
{
  AdwPreferencesPage  parent_instance;

  FdWorkspace        *workspace;
  GSignalGroup       *workspace_signals;
  KindGroup           groups[N_KINDS];
  GPtrArray          *people;       /* FdPerson, the active team */
  GCancellable       *cancellable;
  guint               reload_source;
  guint               syncing;
  gboolean            loaded;
};

G_DEFINE_FINAL_TYPE (FdReviewersPage, fd_reviewers_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
group_title (FdAssetKind kind)
{
  switch (kind)
    {
    case FD_ASSET_KIND_VIDEO:
      return _("Videos");
    case FD_ASSET_KIND_IMAGE:
      return _("Images");
    case FD_ASSET_KIND_HEADLINE:
      return _("Headlines");
    case FD_ASSET_KIND_PRIMARY_TEXT:
      return _("Primary Texts");
    case FD_ASSET_KIND_SCRIPT:
      return _("Scripts");
    case FD_ASSET_KIND_NONE:
    default:
      g_return_val_if_reached ("");
    }
}

static KindGroup *
group_of (FdReviewersPage *self,
          FdAssetKind      kind)
{
  if (kind < FD_ASSET_KIND_VIDEO || kind > FD_ASSET_KIND_SCRIPT)
    return NULL;
  return &self->groups[kind - FD_ASSET_KIND_VIDEO];
}

/*
 * Reading
 */

typedef struct
{
  GPtrArray *reviewers[N_KINDS];
  char      *refusal[N_KINDS];
  char      *who_sets[N_KINDS];
  GPtrArray *people;
} Policies;

static void
policies_free (Policies *policies)
{
  for (guint i = 0; i < N_KINDS; i++)
    {
      g_clear_pointer (&policies->reviewers[i], g_ptr_array_unref);
      g_free (policies->refusal[i]);
      g_free (policies->who_sets[i]);
    }
  g_clear_pointer (&policies->people, g_ptr_array_unref);
  g_free (policies);
}

static char *
describe_who_sets (FdStore     *store,
                   FdAssetKind  kind)
{
  const char *transition = fd_asset_kind_get_approval_transition (kind);
  const char *title = fd_ownership_get_transition_title (transition);
  g_autoptr(FdOwnershipEntry) entry = fd_ownership_get (store, transition, NULL);
  FdPerson *owner = entry ? fd_ownership_entry_get_owner (entry) : NULL;
  FdPerson *backup = entry ? fd_ownership_entry_get_backup (entry) : NULL;

  if (owner == NULL)
    /* Translators: %s is a hand-off of the ownership matrix */
    return g_strdup_printf (_("Anyone on the team may change these while nobody owns “%s”."), title);

  if (backup != NULL)
    /* Translators: the owner of a hand-off, the hand-off, then the backup */
    return g_strdup_printf (_("Set by %s, who owns “%s”, or by the backup, %s."),
                            fd_person_get_name (owner), title, fd_person_get_name (backup));

  /* Translators: the owner of a hand-off, then the hand-off */
  return g_strdup_printf (_("Set by %s, who owns “%s”."), fd_person_get_name (owner), title);
}

static gpointer
load_policies (FdStore       *store,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  Policies *policies = g_new0 (Policies, 1);
  g_autoptr(FdPerson) current = fd_roster_get_current (store, NULL);
  gint64 current_id = current ? fd_person_get_id (current) : 0;

  if (!(policies->people = fd_roster_list (store, FALSE, error)))
    {
      policies_free (policies);
      return NULL;
    }

  for (guint i = 0; i < N_KINDS; i++)
    {
      FdAssetKind kind = FD_ASSET_KIND_VIDEO + i;
      g_autoptr(GError) refusal = NULL;

      if (!(policies->reviewers[i] = fd_reviewer_policy_get (store, kind, error)))
        {
          policies_free (policies);
          return NULL;
        }

      if (!fd_reviewer_policy_may_edit (store, current_id, kind, &refusal))
        policies->refusal[i] = g_strdup (refusal->message);
      policies->who_sets[i] = describe_who_sets (store, kind);
    }

  return policies;
}

/*
 * Showing
 */

static const char *
role_of (FdReviewersPage *self,
         gint64           person_id)
{
  for (guint i = 0; self->people != NULL && i < self->people->len; i++)
    {
      FdPerson *person = g_ptr_array_index (self->people, i);

      if (fd_person_get_id (person) == person_id)
        return fd_person_get_role_name (person);
    }

  /* Translators: a reviewer who is no longer on the team */
  return _("Left the team");
}

static void
on_role_selected (GtkDropDown     *dropdown,
                  GParamSpec      *pspec,
                  FdReviewersPage *self)
{
  KindGroup *group = g_object_get_data (G_OBJECT (dropdown), "fd-group");
  gint64 person_id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dropdown), "fd-person"));
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->syncing > 0)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "reviewers.set", "(sxs)",
                              fd_asset_kind_to_string (group->kind), person_id,
                              selected == 0 ? "required" : "optional");
}

static GtkWidget *
reviewer_row (FdReviewersPage *self,
              KindGroup       *group,
              FdAssetReviewer *reviewer)
{
  const char * const roles[] = { _("Required"), _("Optional"), NULL };
  gint64 person_id = fd_asset_reviewer_get_person_id (reviewer);
  g_autofree char *name = g_markup_escape_text (fd_asset_reviewer_get_name (reviewer), -1);
  g_autofree char *remove_label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *avatar = adw_avatar_new (32, fd_asset_reviewer_get_name (reviewer), TRUE);
  GtkWidget *dropdown = gtk_drop_down_new_from_strings (roles);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gboolean editable = group->refusal == NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), role_of (self, person_id));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), avatar);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), fd_asset_reviewer_get_required (reviewer) ? 0 : 1);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (dropdown, editable);
  gtk_widget_set_tooltip_text (dropdown, group->refusal);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Required or optional"), -1);
  g_object_set_data (G_OBJECT (dropdown), "fd-group", group);
  g_object_set_data (G_OBJECT (dropdown), "fd-person", GINT_TO_POINTER ((int)person_id));
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_role_selected), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);

  /* Translators: a button's tooltip; %s is a reviewer's name */
  remove_label = g_strdup_printf (_("Remove %s"), fd_asset_reviewer_get_name (reviewer));
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "reviewers.set");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "(sxs)",
                                    fd_asset_kind_to_string (group->kind), person_id, "none");
  /* After the action, which would make it sensitive again. */
  gtk_widget_set_sensitive (remove, editable);
  gtk_widget_set_tooltip_text (remove, editable ? remove_label : group->refusal);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

static gboolean
is_reviewer (KindGroup *group,
             gint64     person_id)
{
  for (guint i = 0; group->reviewers != NULL && i < group->reviewers->len; i++)
    if (fd_asset_reviewer_get_person_id (g_ptr_array_index (group->reviewers, i)) == person_id)
      return TRUE;

  return FALSE;
}

static GMenuModel *
add_menu (FdReviewersPage *self,
          KindGroup       *group)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) required = g_menu_new ();
  g_autoptr(GMenu) optional = g_menu_new ();
  const char *kind = fd_asset_kind_to_string (group->kind);

  for (guint i = 0; self->people != NULL && i < self->people->len; i++)
    {
      FdPerson *person = g_ptr_array_index (self->people, i);
      g_autoptr(GMenuItem) as_required = NULL;
      g_autoptr(GMenuItem) as_optional = NULL;

      if (is_reviewer (group, fd_person_get_id (person)))
        continue;

      as_required = g_menu_item_new (fd_person_get_name (person), NULL);
      g_menu_item_set_action_and_target (as_required, "reviewers.set", "(sxs)", kind,
                                         fd_person_get_id (person), "required");
      g_menu_append_item (required, as_required);
      as_optional = g_menu_item_new (fd_person_get_name (person), NULL);
      g_menu_item_set_action_and_target (as_optional, "reviewers.set", "(sxs)", kind,
                                         fd_person_get_id (person), "optional");
      g_menu_append_item (optional, as_optional);
    }

  g_menu_append_section (menu, _("Required Reviewer"), G_MENU_MODEL (required));
  g_menu_append_section (menu, _("Optional Reviewer"), G_MENU_MODEL (optional));
  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static void
show_group (FdReviewersPage *self,
            KindGroup       *group,
            const char      *who_sets)
{
  g_autoptr(GMenuModel) menu = add_menu (self, group);
  g_autofree char *description = NULL;
  gboolean anyone_left = g_menu_model_get_n_items (g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION)) > 0;

  for (guint i = 0; i < group->rows->len; i++)
    adw_preferences_group_remove (group->group, g_ptr_array_index (group->rows, i));
  g_ptr_array_set_size (group->rows, 0);

  for (guint i = 0; i < group->reviewers->len; i++)
    {
      GtkWidget *row = reviewer_row (self, group, g_ptr_array_index (group->reviewers, i));

      adw_preferences_group_add (group->group, row);
      g_ptr_array_add (group->rows, row);
    }

  if (group->reviewers->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nobody yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Nothing of this kind can be submitted for review until a "
                                     "required reviewer is named."));
      adw_preferences_group_add (group->group, row);
      g_ptr_array_add (group->rows, row);
    }

  if (group->refusal != NULL)
    description = g_strdup (group->refusal);
  else
    description = g_strdup (who_sets);
  adw_preferences_group_set_description (group->group, description);

  gtk_menu_button_set_menu_model (group->add_button, menu);
  gtk_widget_set_sensitive (GTK_WIDGET (group->add_button), group->refusal == NULL && anyone_left);
  gtk_widget_set_tooltip_text (GTK_WIDGET (group->add_button),
                               group->refusal ? group->refusal
                               : anyone_left ? _("Add a Reviewer")
                               : _("Everyone on the team reviews these already"));
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(FdReviewersPage) self = fd_ui_weak_ref_steal (user_data);
  g_autoptr(GError) error = NULL;
  Policies *policies;

  policies = fd_workspace_run_finish (FD_WORKSPACE (source), result, &error);
  if (self == NULL || policies == NULL)
    {
      if (self != NULL && !fd_ui_error_is_cancelled (error))
        fd_ui_toast (GTK_WIDGET (self), error->message);
      g_clear_pointer (&policies, policies_free);
      return;
    }

  g_clear_pointer (&self->people, g_ptr_array_unref);
  self->people = g_steal_pointer (&policies->people);

  self->syncing++;
  for (guint i = 0; i < N_KINDS; i++)
    {
      KindGroup *group = &self->groups[i];

      g_clear_pointer (&group->reviewers, g_ptr_array_unref);
      group->reviewers = g_steal_pointer (&policies->reviewers[i]);
      g_free (group->refusal);
      group->refusal = g_steal_pointer (&policies->refusal[i]);
      show_group (self, group, policies->who_sets[i]);
    }
  self->syncing--;
  policies_free (policies);

  if (!self->loaded)
    {
      self->loaded = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
    }
}

static void
reload (FdReviewersPage *self)
{
  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->workspace == NULL)
    return;

  fd_workspace_run_async (self->workspace, FALSE, load_policies, NULL, NULL,
                          (GDestroyNotify)policies_free, self->cancellable, on_loaded,
                          fd_ui_weak_ref_new (self));
}

static gboolean
reload_later (gpointer user_data)
{
  FdReviewersPage *self = user_data;

  self->reload_source = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
queue_reload (FdReviewersPage *self)
{
  if (self->reload_source == 0)
    self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_later, self);
}

/*
 * Writing
 */

typedef struct
{
  FdAssetKind  kind;
  GArray      *required;
  GArray      *optional;
} PolicyEdit;

static void
policy_edit_free (PolicyEdit *edit)
{
  g_array_unref (edit->required);
  g_array_unref (edit->optional);
  g_free (edit);
}

static gint64
person_of_actor (const char *actor)
{
  if (actor == NULL || !g_str_has_prefix (actor, "person:"))
    return 0;
  return g_ascii_strtoll (actor + strlen ("person:"), NULL, 10);
}

static gboolean
set_policy (FdStore     *store,
            const char  *actor,
            gpointer     data,
            GError     **error)
{
  PolicyEdit *edit = data;

  return fd_reviewer_policy_set (store, person_of_actor (actor), edit->kind,
                                 (const gint64 *)edit->required->data, edit->required->len,
                                 (const gint64 *)edit->optional->data, edit->optional->len,
                                 error);
}

static void
on_policy_set (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(FdReviewersPage) self = fd_ui_weak_ref_steal (user_data);
  g_autoptr(GError) error = NULL;

  if (fd_ui_edit_finish (FD_WORKSPACE (source), result, &error) || self == NULL ||
      fd_ui_error_is_cancelled (error))
    return;

  /* Nothing changed: show what is stored again, and why. */
  fd_ui_toast (GTK_WIDGET (self), error->message);
  reload (self);
}

static void
set_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  FdReviewersPage *self = FD_REVIEWERS_PAGE (widget);
  const char *kind_name;
  const char *role;
  gint64 person_id;
  KindGroup *group;
  PolicyEdit *edit;

  g_variant_get (parameter, "(&sx&s)", &kind_name, &person_id, &role);
  if (self->workspace == NULL ||
      (group = group_of (self, fd_asset_kind_from_string (kind_name))) == NULL ||
      group->reviewers == NULL)
    return;

  edit = g_new0 (PolicyEdit, 1);
  edit->kind = group->kind;
  edit->required = g_array_new (FALSE, FALSE, sizeof (gint64));
  edit->optional = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < group->reviewers->len; i++)
    {
      FdAssetReviewer *reviewer = g_ptr_array_index (group->reviewers, i);
      gint64 id = fd_asset_reviewer_get_person_id (reviewer);

      if (id != person_id)
        g_array_append_val (fd_asset_reviewer_get_required (reviewer) ? edit->required : edit->optional, id);
    }

  if (g_strcmp0 (role, "required") == 0)
    g_array_append_val (edit->required, person_id);
  else if (g_strcmp0 (role, "optional") == 0)
    g_array_append_val (edit->optional, person_id);

  fd_ui_edit_async (self->workspace, set_policy, edit, (GDestroyNotify)policy_edit_free,
                    self->cancellable, on_policy_set, fd_ui_weak_ref_new (self));
}

/*
 * GObject
 */

static void
build_groups (FdReviewersPage *self)
{
  for (guint i = 0; i < N_KINDS; i++)
    {
      KindGroup *group = &self->groups[i];
      GtkWidget *content = adw_button_content_new ();

      group->kind = FD_ASSET_KIND_VIDEO + i;
      group->rows = g_ptr_array_new ();
      group->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (group->group, group_title (group->kind));

      adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
      adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_Add"));
      adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
      group->add_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
      gtk_menu_button_set_child (group->add_button, content);
      gtk_widget_set_valign (GTK_WIDGET (group->add_button), GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (GTK_WIDGET (group->add_button), "flat");
      gtk_widget_set_sensitive (GTK_WIDGET (group->add_button), FALSE);
      adw_preferences_group_set_header_suffix (group->group, GTK_WIDGET (group->add_button));

      adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), group->group);
    }
}

static void
fd_reviewers_page_dispose (GObject *object)
{
  FdReviewersPage *self = (FdReviewersPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_object (&self->workspace_signals);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  for (guint i = 0; i < N_KINDS; i++)
    {
      g_clear_pointer (&self->groups[i].rows, g_ptr_array_unref);
      g_clear_pointer (&self->groups[i].reviewers, g_ptr_array_unref);
      g_clear_pointer (&self->groups[i].refusal, g_free);
    }

  G_OBJECT_CLASS (fd_reviewers_page_parent_class)->dispose (object);
}

static void
fd_reviewers_page_finalize (GObject *object)
{
  FdReviewersPage *self = (FdReviewersPage *)object;

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (fd_reviewers_page_parent_class)->finalize (object);
}

static void
fd_reviewers_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FdReviewersPage *self = FD_REVIEWERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_reviewers_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  FdReviewersPage *self = FD_REVIEWERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      fd_reviewers_page_set_workspace (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_reviewers_page_class_init (FdReviewersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_reviewers_page_dispose;
  object_class->finalize = fd_reviewers_page_finalize;
  object_class->get_property = fd_reviewers_page_get_property;
  object_class->set_property = fd_reviewers_page_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, FD_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* TRUE once the policies are shown. */
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/flightdeck/Flightdeck/fd-reviewers-page.ui");
  gtk_widget_class_install_action (widget_class, "reviewers.set", "(sxs)", set_action);
}

static void
fd_reviewers_page_init (FdReviewersPage *self)
{
  static const char * const watched[] = { "policy", "person", "ownership", "workspace" };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->workspace_signals = g_signal_group_new (FD_TYPE_WORKSPACE);
  for (guint i = 0; i < G_N_ELEMENTS (watched); i++)
    {
      g_autofree char *signal = g_strconcat ("changed::", watched[i], NULL);

      g_signal_group_connect_swapped (self->workspace_signals, signal, G_CALLBACK (queue_reload), self);
    }

  build_groups (self);
}

/*
 * Public API
 */

/**
 * fd_reviewers_page_get_workspace:
 *
 * Returns: (transfer none) (nullable): the workspace
 */
FdWorkspace *
fd_reviewers_page_get_workspace (FdReviewersPage *self)
{
  g_return_val_if_fail (FD_IS_REVIEWERS_PAGE (self), NULL);
  return self->workspace;
}

void
fd_reviewers_page_set_workspace (FdReviewersPage *self,
                                 FdWorkspace     *workspace)
{
  g_return_if_fail (FD_IS_REVIEWERS_PAGE (self));
  g_return_if_fail (workspace == NULL || FD_IS_WORKSPACE (workspace));

  if (!g_set_object (&self->workspace, workspace))
    return;

  g_signal_group_set_target (self->workspace_signals, workspace);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

gboolean
fd_reviewers_page_get_loaded (FdReviewersPage *self)
{
  g_return_val_if_fail (FD_IS_REVIEWERS_PAGE (self), FALSE);
  return self->loaded;
}

/**
 * fd_reviewers_page_get_policy:
 *
 * Returns: (transfer none) (nullable) (element-type FdAssetReviewer): the
 *   reviewers of @kind, as shown
 */
GPtrArray *
fd_reviewers_page_get_policy (FdReviewersPage *self,
                              FdAssetKind      kind)
{
  KindGroup *group;

  g_return_val_if_fail (FD_IS_REVIEWERS_PAGE (self), NULL);

  group = group_of (self, kind);
  return group ? group->reviewers : NULL;
}

/**
 * fd_reviewers_page_get_editable:
 *
 * Returns: whether the current person may change the reviewers of @kind
 */
gboolean
fd_reviewers_page_get_editable (FdReviewersPage *self,
                                FdAssetKind      kind)
{
  KindGroup *group;

  g_return_val_if_fail (FD_IS_REVIEWERS_PAGE (self), FALSE);

  group = group_of (self, kind);
  return group != NULL && self->loaded && group->refusal == NULL;
}
