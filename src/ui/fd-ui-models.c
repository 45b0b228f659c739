/* fd-ui-models.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-ui"

#include "config.h"

#include "fd-brief.h"
#include "fd-core-error.h"
#include "fd-ownership.h"
#include "fd-roster.h"
#include "fd-ui-models.h"

/*
 * The roster
 */

static gpointer
load_roster (FdStore       *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  return fd_roster_list (store, GPOINTER_TO_INT (data), error);
}

gboolean
fd_person_equal (gconstpointer a,
                 gconstpointer b)
{
  FdPerson *x = (FdPerson *)a;
  FdPerson *y = (FdPerson *)b;

  if (x == y)
    return TRUE;
  if (x == NULL || y == NULL)
    return FALSE;

  return fd_person_get_id (x) == fd_person_get_id (y) &&
         fd_person_get_active (x) == fd_person_get_active (y) &&
         g_strcmp0 (fd_person_get_name (x), fd_person_get_name (y)) == 0 &&
         g_strcmp0 (fd_person_get_email (x), fd_person_get_email (y)) == 0 &&
         g_strcmp0 (fd_person_get_role (x), fd_person_get_role (y)) == 0;
}

/**
 * fd_roster_model_new:
 * @include_inactive: whether people who left are listed too
 *
 * Returns: (transfer full): a model of #FdPerson, by name
 */
FdQueryModel *
fd_roster_model_new (gboolean include_inactive)
{
  static const char * const watched[] = { "person", NULL };

  return fd_query_model_new (FD_TYPE_PERSON, load_roster,
                             GINT_TO_POINTER (include_inactive), NULL,
                             fd_person_equal, watched);
}

/**
 * fd_roster_model_find:
 * @model: a model of #FdPerson
 * @position: (out) (optional): where the person is
 *
 * Returns: (transfer full) (nullable): the person with @person_id
 */
FdPerson *
fd_roster_model_find (GListModel *model,
                      gint64      person_id,
                      guint      *position)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FdPerson) person = g_list_model_get_item (model, i);

      if (fd_person_get_id (person) == person_id)
        {
          if (position != NULL)
            *position = i;
          return g_steal_pointer (&person);
        }
    }

  return NULL;
}

/*
 * The current person: a model of none or one
 */

static gpointer
load_current_person (FdStore       *store,
                     gpointer       data,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  FdPerson *current = fd_roster_get_current (store, &local_error);

  /* A current person who was removed behind our back is nobody. */
  if (current == NULL && local_error != NULL &&
      !g_error_matches (local_error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (current != NULL)
    g_ptr_array_add (people, current);

  return g_steal_pointer (&people);
}

/**
 * fd_current_person_model_new:
 *
 * Returns: (transfer full): a model holding the workspace's current
 *   #FdPerson, or nothing while nobody is chosen
 */
FdQueryModel *
fd_current_person_model_new (void)
{
  /* The choice is recorded as a change of the workspace. */
  static const char * const watched[] = { "person", "workspace", NULL };

  return fd_query_model_new (FD_TYPE_PERSON, load_current_person, NULL, NULL,
                             fd_person_equal, watched);
}

/*
 * The ownership matrix
 */

static gpointer
load_ownership (FdStore       *store,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  return fd_ownership_list (store, error);
}

static gboolean
ownership_entry_equal (gconstpointer a,
                       gconstpointer b)
{
  FdOwnershipEntry *x = (FdOwnershipEntry *)a;
  FdOwnershipEntry *y = (FdOwnershipEntry *)b;

  return g_strcmp0 (fd_ownership_entry_get_transition (x), fd_ownership_entry_get_transition (y)) == 0 &&
         fd_person_equal (fd_ownership_entry_get_owner (x), fd_ownership_entry_get_owner (y)) &&
         fd_person_equal (fd_ownership_entry_get_backup (x), fd_ownership_entry_get_backup (y));
}

/**
 * fd_ownership_model_new:
 *
 * Returns: (transfer full): a model of #FdOwnershipEntry, one per stage
 *   transition, in the order of the stages
 */
FdQueryModel *
fd_ownership_model_new (void)
{
  /* Names and active flags of owners show in the entries too. */
  static const char * const watched[] = { "ownership", "person", NULL };

  return fd_query_model_new (FD_TYPE_OWNERSHIP_ENTRY, load_ownership, NULL, NULL,
                             ownership_entry_equal, watched);
}

/*
 * Briefs
 */

static gpointer
load_briefs (FdStore       *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  return fd_brief_list (store, error);
}

static gboolean
brief_equal (gconstpointer a,
             gconstpointer b)
{
  FdBrief *x = (FdBrief *)a;
  FdBrief *y = (FdBrief *)b;

  return fd_brief_get_id (x) == fd_brief_get_id (y) &&
         fd_brief_get_owner_id (x) == fd_brief_get_owner_id (y) &&
         fd_brief_get_due (x) == fd_brief_get_due (y) &&
         g_strcmp0 (fd_brief_get_title (x), fd_brief_get_title (y)) == 0 &&
         g_strcmp0 (fd_brief_get_objective (x), fd_brief_get_objective (y)) == 0 &&
         g_strcmp0 (fd_brief_get_segment (x), fd_brief_get_segment (y)) == 0 &&
         g_strcmp0 (fd_brief_get_message (x), fd_brief_get_message (y)) == 0 &&
         g_strcmp0 (fd_brief_get_placements (x), fd_brief_get_placements (y)) == 0;
}

/**
 * fd_brief_model_new:
 *
 * Returns: (transfer full): a model of #FdBrief, newest first
 */
FdQueryModel *
fd_brief_model_new (void)
{
  static const char * const watched[] = { "brief", NULL };

  return fd_query_model_new (FD_TYPE_BRIEF, load_briefs, NULL, NULL,
                             brief_equal, watched);
}
