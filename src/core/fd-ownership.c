/* fd-ownership.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-ownership"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-core-error.h"
#include "fd-mutation.h"
#include "fd-ownership.h"
#include "fd-roster.h"

typedef struct
{
  const char *key;
  const char *title;
} FdTransitionInfo;

static const FdTransitionInfo transitions[] = {
  { "brief.submit",                   N_("Brief submission") },
  { "creative.approve.video",         N_("Creative approval: video") },
  { "creative.approve.image",         N_("Creative approval: image") },
  { "creative.approve.headline",      N_("Creative approval: headline") },
  { "creative.approve.primary-text",  N_("Creative approval: primary text") },
  { "creative.approve.script",        N_("Creative approval: script") },
  { "launch",                         N_("Launch sign-off") },
  { "triage.daily",                   N_("Daily triage") },
  { "report.weekly",                  N_("Weekly reporting") },
};

#define OWNERSHIP_JSON_SQL FD_OWNERSHIP_SNAPSHOT_SQL

const char * const *
fd_ownership_get_transitions (void)
{
  static const char *keys[G_N_ELEMENTS (transitions) + 1];

  if (keys[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
      keys[i] = transitions[i].key;

  return keys;
}

static const FdTransitionInfo *
lookup (const char *transition)
{
  for (guint i = 0; transition != NULL && i < G_N_ELEMENTS (transitions); i++)
    if (g_str_equal (transitions[i].key, transition))
      return &transitions[i];

  return NULL;
}

gboolean
fd_ownership_is_transition (const char *transition)
{
  return lookup (transition) != NULL;
}

const char *
fd_ownership_get_transition_title (const char *transition)
{
  const FdTransitionInfo *info = lookup (transition);

  return info ? g_dgettext (GETTEXT_PACKAGE, info->title) : transition;
}

static gboolean
check_transition (const char  *transition,
                  GError     **error)
{
  g_autofree char *known = NULL;

  if (lookup (transition) != NULL)
    return TRUE;

  known = g_strjoinv (", ", (char **)fd_ownership_get_transitions ());
  g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
               _("“%s” is not a stage transition. Known transitions: %s."),
               transition ? transition : "", known);
  return FALSE;
}

static gboolean
check_active_person (FdStore  *store,
                     gint64    person_id,
                     GError  **error)
{
  g_autoptr(FdPerson) person = fd_roster_get (store, person_id, error);

  if (person == NULL)
    return FALSE;

  if (!fd_person_get_active (person))
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_ALLOWED,
                   _("%s is no longer active and cannot own a transition."),
                   fd_person_get_name (person));
      return FALSE;
    }

  return TRUE;
}

static char *
entry_json (FdStore     *store,
            const char  *transition,
            GError     **error)
{
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  stmt = fd_store_stmt (store, OWNERSHIP_JSON_SQL, error);
  if (stmt == NULL)
    return NULL;

  fd_stmt_bind_text (stmt, 1, transition);
  if (!fd_store_step (store, stmt, &has_row, error) || !has_row)
    return NULL;

  return fd_stmt_dup_text (stmt, 0);
}

/**
 * fd_ownership_set:
 * @owner_id: the owner
 * @backup_id: a backup who may stand in, or 0 for none
 *
 * Names who owns @transition. Both must be active roster members.
 */
gboolean
fd_ownership_set (FdStore     *store,
                  const char  *actor,
                  const char  *transition,
                  gint64       owner_id,
                  gint64       backup_id,
                  GError     **error)
{
  g_autoptr(FdMutation) mutation = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(FdStmt) stmt = NULL;

  g_return_val_if_fail (FD_IS_STORE (store), FALSE);

  if (!check_transition (transition, error) ||
      !check_active_person (store, owner_id, error) ||
      (backup_id != 0 && !check_active_person (store, backup_id, error)))
    return FALSE;

  if (backup_id == owner_id)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   _("The backup must be someone other than the owner."));
      return FALSE;
    }

  if (!(mutation = fd_mutation_begin (store, actor, error)))
    return FALSE;

  before = entry_json (store, transition, NULL);

  stmt = fd_store_stmt (store,
                        "INSERT INTO ownership (transition, owner_id, backup_id) VALUES (?, ?, ?) "
                        "ON CONFLICT (transition) DO UPDATE SET "
                        "owner_id = excluded.owner_id, backup_id = excluded.backup_id",
                        error);
  if (stmt == NULL)
    return FALSE;

  fd_stmt_bind_text (stmt, 1, transition);
  sqlite3_bind_int64 (stmt, 2, owner_id);
  if (backup_id != 0)
    sqlite3_bind_int64 (stmt, 3, backup_id);
  else
    sqlite3_bind_null (stmt, 3);
  if (!fd_store_run (store, stmt, error))
    return FALSE;

  after = entry_json (store, transition, error);

  return fd_mutation_record (mutation, "ownership", transition,
                             before ? "update" : "create",
                             before, after, error) &&
         fd_mutation_commit (mutation, error);
}

gboolean
fd_ownership_clear (FdStore     *store,
                    const char  *actor,
                    const char  *transition,
                    GError     **error)
{
  g_autoptr(FdMutation) mutation = NULL;
  g_autofree char *before = NULL;
  g_auto(FdStmt) stmt = NULL;

  if (!check_transition (transition, error) ||
      !(mutation = fd_mutation_begin (store, actor, error)))
    return FALSE;

  before = entry_json (store, transition, NULL);
  if (before == NULL)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND,
                   _("Nobody owns “%s”."),
                   fd_ownership_get_transition_title (transition));
      return FALSE;
    }

  stmt = fd_store_stmt (store, "DELETE FROM ownership WHERE transition = ?", error);
  if (stmt == NULL)
    return FALSE;

  fd_stmt_bind_text (stmt, 1, transition);

  return fd_store_run (store, stmt, error) &&
         fd_mutation_record (mutation, "ownership", transition, "delete",
                             before, NULL, error) &&
         fd_mutation_commit (mutation, error);
}

static FdPerson *
get_optional_person (FdStore      *store,
                     sqlite3_stmt *stmt,
                     int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;

  return fd_roster_get (store, sqlite3_column_int64 (stmt, column), NULL);
}

/**
 * fd_ownership_get:
 *
 * Returns: (transfer full): the entry for @transition; its owner is %NULL
 *   when nobody was named
 */
FdOwnershipEntry *
fd_ownership_get (FdStore     *store,
                  const char  *transition,
                  GError     **error)
{
  g_autoptr(FdPerson) owner = NULL;
  g_autoptr(FdPerson) backup = NULL;
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  if (!check_transition (transition, error))
    return NULL;

  stmt = fd_store_stmt (store,
                        "SELECT owner_id, backup_id FROM ownership WHERE transition = ?",
                        error);
  if (stmt == NULL)
    return NULL;

  fd_stmt_bind_text (stmt, 1, transition);
  if (!fd_store_step (store, stmt, &has_row, error))
    return NULL;

  if (has_row)
    {
      owner = get_optional_person (store, stmt, 0);
      backup = get_optional_person (store, stmt, 1);
    }

  return fd_ownership_entry_new (transition, owner, backup);
}

/**
 * fd_ownership_list:
 *
 * Returns: (transfer full) (element-type FdOwnershipEntry): one entry per
 *   known transition, in the order of the stages, owned or not
 */
GPtrArray *
fd_ownership_list (FdStore  *store,
                   GError  **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    {
      FdOwnershipEntry *entry = fd_ownership_get (store, transitions[i].key, error);

      if (entry == NULL)
        return NULL;
      g_ptr_array_add (entries, entry);
    }

  return g_steal_pointer (&entries);
}

/**
 * fd_ownership_may_act:
 *
 * Returns: %TRUE if @person_id is the owner or the backup of @transition;
 *   otherwise %FALSE with @error naming who may act
 */
gboolean
fd_ownership_may_act (FdStore     *store,
                      const char  *transition,
                      gint64       person_id,
                      GError     **error)
{
  g_autoptr(FdOwnershipEntry) entry = fd_ownership_get (store, transition, error);
  FdPerson *owner;
  FdPerson *backup;

  if (entry == NULL)
    return FALSE;

  owner = fd_ownership_entry_get_owner (entry);
  backup = fd_ownership_entry_get_backup (entry);

  if ((owner && fd_person_get_id (owner) == person_id) ||
      (backup && fd_person_get_id (backup) == person_id))
    return TRUE;

  if (owner == NULL)
    g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_ALLOWED,
                 _("Nobody owns “%s” yet; name an owner in Preferences first."),
                 fd_ownership_get_transition_title (transition));
  else if (backup == NULL)
    g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_ALLOWED,
                 _("Only %s, who owns “%s”, may do this."),
                 fd_person_get_name (owner),
                 fd_ownership_get_transition_title (transition));
  else
    g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_ALLOWED,
                 _("Only %s, who owns “%s”, or the backup %s may do this."),
                 fd_person_get_name (owner),
                 fd_ownership_get_transition_title (transition),
                 fd_person_get_name (backup));
  return FALSE;
}
