/* fd-ownership-row.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-ownership-row"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-ownership.h"
#include "fd-ownership-row.h"

/* One stage transition of the ownership matrix: its owner and backup, each
 * picked from the active team. The row shows an entry (an immutable
 * snapshot from the model) and asks for changes through ::assign, or the
 * action "ownership.assign" ((xx): owner id, backup id; 0 for nobody);
 * it never writes itself. Choices made while the row is being brought in
 * line with the data (a new entry, a roster change) are not requests. */

struct _FdOwnershipRow
{
  AdwExpanderRow    parent_instance;

  char             *transition;
  FdOwnershipEntry *entry;
  GListModel       *people;
  GListStore       *owner_head;
  GListStore       *backup_head;
  FdPerson         *nobody;
  guint             syncing;

  AdwComboRow      *owner_row;
  AdwComboRow      *backup_row;
};

G_DEFINE_FINAL_TYPE (FdOwnershipRow, fd_ownership_row, ADW_TYPE_EXPANDER_ROW)

enum {
  ASSIGN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint64
person_id (FdPerson *person)
{
  return person ? fd_person_get_id (person) : 0;
}

static gint64
entry_owner_id (FdOwnershipRow *self)
{
  return self->entry ? person_id (fd_ownership_entry_get_owner (self->entry)) : 0;
}

static gint64
entry_backup_id (FdOwnershipRow *self)
{
  return self->entry ? person_id (fd_ownership_entry_get_backup (self->entry)) : 0;
}

static char *
person_label (FdPerson *person,
              gpointer  user_data)
{
  if (person == NULL || fd_person_get_id (person) == 0)
    return g_strdup (_("Nobody"));

  if (!fd_person_get_active (person))
    /* Translators: a person who is no longer on the team */
    return g_strdup_printf (_("%s (inactive)"), fd_person_get_name (person));

  return g_strdup (fd_person_get_name (person));
}

/*
 * Showing the entry
 */

static void
update_subtitle (FdOwnershipRow *self)
{
  FdPerson *owner = self->entry ? fd_ownership_entry_get_owner (self->entry) : NULL;
  FdPerson *backup = self->entry ? fd_ownership_entry_get_backup (self->entry) : NULL;
  g_autofree char *owner_text = person_label (owner, NULL);
  g_autofree char *backup_text = person_label (backup, NULL);
  g_autofree char *subtitle = NULL;

  if (owner == NULL)
    subtitle = g_strdup (_("Nobody owns this hand-off yet"));
  else if (backup == NULL)
    subtitle = g_strdup (owner_text);
  else
    /* Translators: the owner of a hand-off, and their backup */
    subtitle = g_strdup_printf (_("%s, backup %s"), owner_text, backup_text);

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
}

/* The list a picker offers: "Nobody", the holder if they left the team
 * (so the picker can show who it is), then the active team. */
static void
fill_head (FdOwnershipRow *self,
           GListStore     *head,
           FdPerson       *holder)
{
  g_list_store_remove_all (head);
  g_list_store_append (head, self->nobody);
  if (holder != NULL && !fd_person_get_active (holder))
    g_list_store_append (head, holder);
}

static void
select_person (AdwComboRow *combo,
               gint64       id)
{
  GListModel *model = adw_combo_row_get_model (combo);
  guint n = model ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FdPerson) person = g_list_model_get_item (model, i);

      if (person_id (person) == id)
        {
          adw_combo_row_set_selected (combo, i);
          return;
        }
    }

  adw_combo_row_set_selected (combo, 0);
}

/**
 * fd_ownership_row_sync:
 *
 * Shows the entry again in both pickers, undoing a choice that was not
 * (or not yet) saved.
 */
void
fd_ownership_row_sync (FdOwnershipRow *self)
{
  FdPerson *owner;
  FdPerson *backup;

  g_return_if_fail (FD_IS_OWNERSHIP_ROW (self));

  owner = self->entry ? fd_ownership_entry_get_owner (self->entry) : NULL;
  backup = self->entry ? fd_ownership_entry_get_backup (self->entry) : NULL;

  self->syncing++;
  fill_head (self, self->owner_head, owner);
  fill_head (self, self->backup_head, backup);
  select_person (self->owner_row, person_id (owner));
  select_person (self->backup_row, person_id (backup));
  self->syncing--;

  gtk_widget_set_sensitive (GTK_WIDGET (self->backup_row), owner != NULL);
  update_subtitle (self);
}

/*
 * Choices
 */

static gint64
selected_id (AdwComboRow *combo)
{
  return person_id (adw_combo_row_get_selected_item (combo));
}

static void
request (FdOwnershipRow *self,
         gint64          owner_id,
         gint64          backup_id)
{
  /* The backup must be someone else; picking the backup as owner drops
   * them as backup. */
  if (backup_id == owner_id || owner_id == 0)
    backup_id = 0;

  if (owner_id == entry_owner_id (self) && backup_id == entry_backup_id (self))
    return;

  g_signal_emit (self, signals[ASSIGN], 0, owner_id, backup_id);
}

static void
on_owner_selected (FdOwnershipRow *self)
{
  if (self->syncing == 0)
    request (self, selected_id (self->owner_row), entry_backup_id (self));
}

static void
on_backup_selected (FdOwnershipRow *self)
{
  if (self->syncing == 0 && entry_owner_id (self) != 0)
    request (self, entry_owner_id (self), selected_id (self->backup_row));
}

static void
assign_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gint64 owner_id;
  gint64 backup_id;

  g_variant_get (parameter, "(xx)", &owner_id, &backup_id);
  request (FD_OWNERSHIP_ROW (widget), owner_id, backup_id);
}

/* A roster change reshuffles the pickers' lists, and a picker whose person
 * went away selects another by itself: these signals bracket the change so
 * that nothing of it is taken for a choice. */
static void
on_people_changing (FdOwnershipRow *self)
{
  self->syncing++;
}

static void
on_people_changed (FdOwnershipRow *self)
{
  self->syncing--;
  fd_ownership_row_sync (self);
}

static GListModel *
picker_model (GListStore *head,
              GListModel *people)
{
  GListStore *parts = g_list_store_new (G_TYPE_LIST_MODEL);

  g_list_store_append (parts, head);
  g_list_store_append (parts, people);

  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (parts)));
}

static void
set_people (FdOwnershipRow *self,
            GListModel     *people)
{
  g_autoptr(GListModel) owner_model = NULL;
  g_autoptr(GListModel) backup_model = NULL;

  self->people = g_object_ref (people);

  /* Connected before the pickers' models exist, so it runs first. */
  g_signal_connect_object (people, "items-changed", G_CALLBACK (on_people_changing),
                           self, G_CONNECT_SWAPPED);

  owner_model = picker_model (self->owner_head, people);
  backup_model = picker_model (self->backup_head, people);
  self->syncing++;
  adw_combo_row_set_model (self->owner_row, owner_model);
  adw_combo_row_set_model (self->backup_row, backup_model);
  self->syncing--;

  g_signal_connect_object (people, "items-changed", G_CALLBACK (on_people_changed),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

/*
 * GObject
 */

static void
fd_ownership_row_dispose (GObject *object)
{
  FdOwnershipRow *self = (FdOwnershipRow *)object;

  g_clear_object (&self->entry);
  g_clear_object (&self->people);
  g_clear_object (&self->owner_head);
  g_clear_object (&self->backup_head);
  g_clear_object (&self->nobody);

  G_OBJECT_CLASS (fd_ownership_row_parent_class)->dispose (object);
}

static void
fd_ownership_row_finalize (GObject *object)
{
  FdOwnershipRow *self = (FdOwnershipRow *)object;

  g_free (self->transition);

  G_OBJECT_CLASS (fd_ownership_row_parent_class)->finalize (object);
}

static void
fd_ownership_row_class_init (FdOwnershipRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_ownership_row_dispose;
  object_class->finalize = fd_ownership_row_finalize;

  /**
   * FdOwnershipRow::assign:
   * @owner_id: the new owner, or 0 for nobody
   * @backup_id: the new backup, or 0 for none
   *
   * The person using the app asked for a change of this transition.
   */
  signals[ASSIGN] =
    g_signal_new ("assign",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/flightdeck/Flightdeck/fd-ownership-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FdOwnershipRow, owner_row);
  gtk_widget_class_bind_template_child (widget_class, FdOwnershipRow, backup_row);

  gtk_widget_class_install_action (widget_class, "ownership.assign", "(xx)", assign_action);
}

static void
fd_ownership_row_init (FdOwnershipRow *self)
{
  g_autoptr(GtkExpression) label = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->owner_head = g_list_store_new (FD_TYPE_PERSON);
  self->backup_head = g_list_store_new (FD_TYPE_PERSON);
  self->nobody = fd_person_new (0, _("Nobody"), NULL, NULL, TRUE);

  label = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                       G_CALLBACK (person_label), NULL, NULL);
  adw_combo_row_set_expression (self->owner_row, label);
  adw_combo_row_set_expression (self->backup_row, label);

  g_signal_connect_object (self->owner_row, "notify::selected",
                           G_CALLBACK (on_owner_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->backup_row, "notify::selected",
                           G_CALLBACK (on_backup_selected), self, G_CONNECT_SWAPPED);
}

/**
 * fd_ownership_row_new:
 * @transition: a transition key (see fd-ownership.h)
 * @people: a model of the active #FdPerson to choose from
 *
 * Returns: (transfer full): a row showing nobody until an entry is set
 */
FdOwnershipRow *
fd_ownership_row_new (const char *transition,
                      GListModel *people)
{
  FdOwnershipRow *self;

  g_return_val_if_fail (transition != NULL, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (people), NULL);

  self = g_object_new (FD_TYPE_OWNERSHIP_ROW, NULL);
  self->transition = g_strdup (transition);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 fd_ownership_get_transition_title (transition));
  set_people (self, people);
  fd_ownership_row_sync (self);

  return self;
}

const char *
fd_ownership_row_get_transition (FdOwnershipRow *self)
{
  g_return_val_if_fail (FD_IS_OWNERSHIP_ROW (self), NULL);
  return self->transition;
}

/**
 * fd_ownership_row_get_entry:
 *
 * Returns: (transfer none) (nullable): the entry shown
 */
FdOwnershipEntry *
fd_ownership_row_get_entry (FdOwnershipRow *self)
{
  g_return_val_if_fail (FD_IS_OWNERSHIP_ROW (self), NULL);
  return self->entry;
}

void
fd_ownership_row_set_entry (FdOwnershipRow   *self,
                            FdOwnershipEntry *entry)
{
  g_return_if_fail (FD_IS_OWNERSHIP_ROW (self));
  g_return_if_fail (entry == NULL || FD_IS_OWNERSHIP_ENTRY (entry));

  g_set_object (&self->entry, entry);
  fd_ownership_row_sync (self);
}
