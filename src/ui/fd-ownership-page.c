/* fd-ownership-page.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-ownership-page"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-ownership.h"
#include "fd-ownership-page.h"
#include "fd-ui-models.h"
#include "fd-ui-util.h"

/* The ownership matrix in the preferences: one row per stage transition,
 * grouped by stage. The rows follow the ownership model; a change asked
 * for in a row is written with fd_ownership_set()/fd_ownership_clear() on
 * the writer queue, and comes back through the model like any other. */

typedef struct
{
  const char *prefix;
  const char *title;
  const char *description;
} StageGroup;

static const StageGroup stage_groups[] = {
  { "brief.",    N_("Briefs"),            N_("Who hands a finished brief over to production.") },
  { "creative.", N_("Creative Approval"), N_("Who approves each kind of creative. An approval holds for the exact version approved.") },
  { "launch",    N_("Launch"),            N_("Who signs off the pre-launch checklist. Nobody else can launch a campaign.") },
  { "triage.",   N_("Performance"),       N_("Who goes through what the rules flagged, every day.") },
  { "report.",   N_("Reporting"),         N_("Who writes the weekly report and keeps the test log.") },
  { "",          N_("Other Hand-offs"),   NULL },
};

struct _FdOwnershipPage
{
  AdwPreferencesPage  parent_instance;

  FdWorkspace        *workspace;
  FdQueryModel       *entries;
  FdQueryModel       *people;
  GHashTable         *rows;   /* transition → FdOwnershipRow */
};

G_DEFINE_FINAL_TYPE (FdOwnershipPage, fd_ownership_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/*
 * Writing
 */

typedef struct
{
  char   *transition;
  gint64  owner_id;
  gint64  backup_id;
} OwnershipEdit;

static void
ownership_edit_free (OwnershipEdit *edit)
{
  g_free (edit->transition);
  g_free (edit);
}

static gboolean
assign (FdStore     *store,
        const char  *actor,
        gpointer     data,
        GError     **error)
{
  OwnershipEdit *edit = data;

  if (edit->owner_id == 0)
    return fd_ownership_clear (store, actor, edit->transition, error);

  return fd_ownership_set (store, actor, edit->transition,
                           edit->owner_id, edit->backup_id, error);
}

static void
on_assigned (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(FdOwnershipRow) row = user_data;
  g_autoptr(GError) error = NULL;

  if (fd_ui_edit_finish (FD_WORKSPACE (source), result, &error))
    return;

  /* Nothing changed: show what is stored again, and why. */
  fd_ownership_row_sync (row);
  if (gtk_widget_get_root (GTK_WIDGET (row)) != NULL)
    fd_ui_toast (GTK_WIDGET (row), error->message);
}

static void
on_assign (FdOwnershipRow  *row,
           gint64           owner_id,
           gint64           backup_id,
           FdOwnershipPage *self)
{
  OwnershipEdit *edit;

  if (self->workspace == NULL)
    return;

  edit = g_new0 (OwnershipEdit, 1);
  edit->transition = g_strdup (fd_ownership_row_get_transition (row));
  edit->owner_id = owner_id;
  edit->backup_id = backup_id;

  fd_ui_edit_async (self->workspace, assign, edit, (GDestroyNotify)ownership_edit_free,
                    NULL, on_assigned, g_object_ref (row));
}

/*
 * Following the model
 */

static void
on_entries_changed (GListModel      *model,
                    guint            position,
                    guint            removed,
                    guint            added,
                    FdOwnershipPage *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(FdOwnershipEntry) entry = g_list_model_get_item (model, i);
      FdOwnershipRow *row = g_hash_table_lookup (self->rows, fd_ownership_entry_get_transition (entry));

      if (row != NULL)
        fd_ownership_row_set_entry (row, entry);
    }
}

static void
on_loaded (FdOwnershipPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

static const StageGroup *
group_for (const char *transition)
{
  for (guint i = 0; i < G_N_ELEMENTS (stage_groups); i++)
    if (g_str_has_prefix (transition, stage_groups[i].prefix))
      return &stage_groups[i];

  g_assert_not_reached ();
}

static void
add_rows (FdOwnershipPage *self)
{
  const char * const *transitions = fd_ownership_get_transitions ();
  AdwPreferencesGroup *groups[G_N_ELEMENTS (stage_groups)] = { NULL };

  for (guint i = 0; transitions[i] != NULL; i++)
    {
      const StageGroup *info = group_for (transitions[i]);
      guint g = info - stage_groups;
      FdOwnershipRow *row;

      if (groups[g] == NULL)
        {
          groups[g] = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (groups[g], _(info->title));
          if (info->description != NULL)
            adw_preferences_group_set_description (groups[g], _(info->description));
          adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), groups[g]);
        }

      row = fd_ownership_row_new (transitions[i], G_LIST_MODEL (self->people));
      g_signal_connect_object (row, "assign", G_CALLBACK (on_assign), self, 0);
      g_hash_table_insert (self->rows, g_strdup (transitions[i]), row);
      adw_preferences_group_add (groups[g], GTK_WIDGET (row));
    }
}

/*
 * GObject
 */

static void
fd_ownership_page_dispose (GObject *object)
{
  FdOwnershipPage *self = (FdOwnershipPage *)object;

  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_object (&self->entries);
  g_clear_object (&self->people);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (fd_ownership_page_parent_class)->dispose (object);
}

static void
fd_ownership_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FdOwnershipPage *self = FD_OWNERSHIP_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, fd_ownership_page_get_loaded (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_ownership_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  FdOwnershipPage *self = FD_OWNERSHIP_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      fd_ownership_page_set_workspace (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_ownership_page_class_init (FdOwnershipPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_ownership_page_dispose;
  object_class->get_property = fd_ownership_page_get_property;
  object_class->set_property = fd_ownership_page_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, FD_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* TRUE once the matrix and the team are shown. */
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/flightdeck/Flightdeck/fd-ownership-page.ui");
}

static void
fd_ownership_page_init (FdOwnershipPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->entries = fd_ownership_model_new ();
  self->people = fd_roster_model_new (FALSE);

  g_signal_connect_object (self->entries, "items-changed",
                           G_CALLBACK (on_entries_changed), self, 0);
  g_signal_connect_object (self->entries, "notify::loaded",
                           G_CALLBACK (on_loaded), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->people, "notify::loaded",
                           G_CALLBACK (on_loaded), self, G_CONNECT_SWAPPED);

  add_rows (self);
}

/**
 * fd_ownership_page_get_workspace:
 *
 * Returns: (transfer none) (nullable): the workspace
 */
FdWorkspace *
fd_ownership_page_get_workspace (FdOwnershipPage *self)
{
  g_return_val_if_fail (FD_IS_OWNERSHIP_PAGE (self), NULL);
  return self->workspace;
}

void
fd_ownership_page_set_workspace (FdOwnershipPage *self,
                                 FdWorkspace     *workspace)
{
  g_return_if_fail (FD_IS_OWNERSHIP_PAGE (self));
  g_return_if_fail (workspace == NULL || FD_IS_WORKSPACE (workspace));

  if (!g_set_object (&self->workspace, workspace))
    return;

  fd_query_model_set_workspace (self->people, workspace);
  fd_query_model_set_workspace (self->entries, workspace);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

/**
 * fd_ownership_page_get_row:
 *
 * Returns: (transfer none) (nullable): the row of @transition
 */
FdOwnershipRow *
fd_ownership_page_get_row (FdOwnershipPage *self,
                           const char      *transition)
{
  g_return_val_if_fail (FD_IS_OWNERSHIP_PAGE (self), NULL);
  return g_hash_table_lookup (self->rows, transition);
}

gboolean
fd_ownership_page_get_loaded (FdOwnershipPage *self)
{
  g_return_val_if_fail (FD_IS_OWNERSHIP_PAGE (self), FALSE);

  return fd_query_model_get_loaded (self->entries) &&
         fd_query_model_get_loaded (self->people);
}
