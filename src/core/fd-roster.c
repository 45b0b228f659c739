/* fd-roster.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-roster"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "fd-core-error.h"
#include "fd-mutation.h"
#include "fd-role.h"
#include "fd-roster.h"

#define PERSON_JSON_SQL FD_PERSON_SNAPSHOT_SQL

#define PERSON_COLUMNS "id, name, email, role, active"

static FdPerson *
person_from_row (sqlite3_stmt *stmt)
{
  return fd_person_new (sqlite3_column_int64 (stmt, 0),
                        fd_stmt_column_text (stmt, 1),
                        fd_stmt_column_text (stmt, 2),
                        fd_stmt_column_text (stmt, 3),
                        sqlite3_column_int (stmt, 4) != 0);
}

static gboolean
is_plausible_email (const char *email)
{
  const char *at = strchr (email, '@');

  return at != NULL && at != email &&
         strchr (at + 1, '@') == NULL &&
         strchr (at + 1, '.') != NULL &&
         strpbrk (email, " \t\n") == NULL &&
         email[strlen (email) - 1] != '.';
}

/* Checks and cleans the fields; @role_out receives the role id. */
static gboolean
validate (const char  *name,
          const char  *email,
          const char  *role,
          char       **name_out,
          char       **email_out,
          char       **role_out,
          GError     **error)
{
  g_autofree char *clean_name = g_strstrip (g_strdup (name ? name : ""));
  g_autofree char *clean_email = g_strstrip (g_strdup (email ? email : ""));
  g_autofree char *role_id = fd_role_normalize (role);

  if (*clean_name == '\0')
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   _("A person needs a name."));
      return FALSE;
    }

  if (!is_plausible_email (clean_email))
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   _("“%s” is not an email address."), clean_email);
      return FALSE;
    }

  if (role_id == NULL)
    {
      g_autofree char *known = g_strjoinv (", ", (char **)fd_role_get_ids ());

      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   _("“%s” is not a role. Known roles: %s."),
                   role ? role : "", known);
      return FALSE;
    }

  *name_out = g_steal_pointer (&clean_name);
  *email_out = g_steal_pointer (&clean_email);
  *role_out = g_steal_pointer (&role_id);
  return TRUE;
}

static gboolean
email_taken (FdStore     *store,
             const char  *email,
             gint64       except_id,
             GError     **error)
{
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row = FALSE;

  stmt = fd_store_stmt (store, "SELECT 1 FROM person WHERE email = ? AND id <> ?", error);
  if (stmt == NULL)
    return TRUE;

  fd_stmt_bind_text (stmt, 1, email);
  sqlite3_bind_int64 (stmt, 2, except_id);
  if (!fd_store_step (store, stmt, &has_row, error))
    return TRUE;

  if (has_row)
    g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_EXISTS,
                 _("Someone with the email address %s is already on the roster."),
                 email);

  return has_row;
}

/**
 * fd_roster_add:
 * @actor: who adds the person
 * @role: a role id or its display name
 *
 * Returns: (transfer full): the new person, or %NULL with @error set
 */
FdPerson *
fd_roster_add (FdStore     *store,
               const char  *actor,
               const char  *name,
               const char  *email,
               const char  *role,
               GError     **error)
{
  g_autoptr(FdMutation) mutation = NULL;
  g_autofree char *clean_name = NULL;
  g_autofree char *clean_email = NULL;
  g_autofree char *role_id = NULL;
  g_autofree char *after = NULL;
  g_autofree char *id_text = NULL;
  g_auto(FdStmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (FD_IS_STORE (store), NULL);

  if (!validate (name, email, role, &clean_name, &clean_email, &role_id, error))
    return NULL;

  if (!(mutation = fd_mutation_begin (store, actor, error)))
    return NULL;

  if (email_taken (store, clean_email, 0, error))
    return NULL;

  stmt = fd_store_stmt (store,
                        "INSERT INTO person (name, email, role, created_us) VALUES (?, ?, ?, ?)",
                        error);
  if (stmt == NULL)
    return NULL;

  fd_stmt_bind_text (stmt, 1, clean_name);
  fd_stmt_bind_text (stmt, 2, clean_email);
  fd_stmt_bind_text (stmt, 3, role_id);
  sqlite3_bind_int64 (stmt, 4, fd_mutation_get_time (mutation));
  if (!fd_store_run (store, stmt, error))
    return NULL;

  id = fd_store_get_last_insert_id (store);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  after = fd_store_query_text (store, PERSON_JSON_SQL, id, error);

  if (!fd_mutation_record (mutation, "person", id_text, "create", NULL, after, error) ||
      !fd_mutation_commit (mutation, error))
    return NULL;

  return fd_person_new (id, clean_name, clean_email, role_id, TRUE);
}

static gboolean
require_person (FdStore     *store,
                gint64       person_id,
                char       **json_out,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  *json_out = fd_store_query_text (store, PERSON_JSON_SQL, person_id, &local_error);
  if (*json_out != NULL)
    return TRUE;

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND,
                 _("There is no person %lld on the roster."),
                 (long long)person_id);
  return FALSE;
}

gboolean
fd_roster_update (FdStore     *store,
                  const char  *actor,
                  gint64       person_id,
                  const char  *name,
                  const char  *email,
                  const char  *role,
                  GError     **error)
{
  g_autoptr(FdMutation) mutation = NULL;
  g_autofree char *clean_name = NULL;
  g_autofree char *clean_email = NULL;
  g_autofree char *role_id = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *id_text = NULL;
  g_auto(FdStmt) stmt = NULL;

  g_return_val_if_fail (FD_IS_STORE (store), FALSE);

  if (!validate (name, email, role, &clean_name, &clean_email, &role_id, error))
    return FALSE;

  if (!(mutation = fd_mutation_begin (store, actor, error)) ||
      !require_person (store, person_id, &before, error) ||
      email_taken (store, clean_email, person_id, error))
    return FALSE;

  stmt = fd_store_stmt (store, "UPDATE person SET name = ?, email = ?, role = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  fd_stmt_bind_text (stmt, 1, clean_name);
  fd_stmt_bind_text (stmt, 2, clean_email);
  fd_stmt_bind_text (stmt, 3, role_id);
  sqlite3_bind_int64 (stmt, 4, person_id);
  if (!fd_store_run (store, stmt, error))
    return FALSE;

  after = fd_store_query_text (store, PERSON_JSON_SQL, person_id, error);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, person_id);

  return fd_mutation_record (mutation, "person", id_text, "update", before, after, error) &&
         fd_mutation_commit (mutation, error);
}

/**
 * fd_roster_set_active:
 *
 * People are never deleted (the audit log names them); a person who left is
 * made inactive and no longer offered as an owner or reviewer.
 */
gboolean
fd_roster_set_active (FdStore     *store,
                      const char  *actor,
                      gint64       person_id,
                      gboolean     active,
                      GError     **error)
{
  g_autoptr(FdMutation) mutation = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *id_text = NULL;
  g_auto(FdStmt) stmt = NULL;

  if (!(mutation = fd_mutation_begin (store, actor, error)) ||
      !require_person (store, person_id, &before, error))
    return FALSE;

  stmt = fd_store_stmt (store, "UPDATE person SET active = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, active ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, person_id);
  if (!fd_store_run (store, stmt, error))
    return FALSE;

  after = fd_store_query_text (store, PERSON_JSON_SQL, person_id, error);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, person_id);

  return fd_mutation_record (mutation, "person", id_text,
                             active ? "activate" : "deactivate",
                             before, after, error) &&
         fd_mutation_commit (mutation, error);
}

static GPtrArray *
collect (FdStore       *store,
         sqlite3_stmt  *stmt,
         GError       **error)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean has_row;

  for (;;)
    {
      if (!fd_store_step (store, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      g_ptr_array_add (people, person_from_row (stmt));
    }

  return g_steal_pointer (&people);
}

/**
 * fd_roster_get:
 *
 * Returns: (transfer full): the person, or %NULL with @error set
 */
FdPerson *
fd_roster_get (FdStore     *store,
               gint64       person_id,
               GError     **error)
{
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  stmt = fd_store_stmt (store, "SELECT " PERSON_COLUMNS " FROM person WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, person_id);
  if (!fd_store_step (store, stmt, &has_row, error))
    return NULL;

  if (!has_row)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND,
                   _("There is no person %lld on the roster."),
                   (long long)person_id);
      return NULL;
    }

  return person_from_row (stmt);
}

static gboolean
parse_id (const char *text,
          gint64     *id)
{
  char *end = NULL;

  if (g_str_has_prefix (text, "person:"))
    text += strlen ("person:");

  if (!g_ascii_isdigit (*text))
    return FALSE;

  *id = g_ascii_strtoll (text, &end, 10);
  return end != NULL && *end == '\0';
}

/**
 * fd_roster_find:
 * @query: an id ("3" or "person:3"), an email address, a full name, or the
 *   start of one name that matches nobody else
 *
 * Returns: (transfer full): the person, or %NULL with @error set when there
 *   is no match or several
 */
FdPerson *
fd_roster_find (FdStore     *store,
                const char  *query,
                GError     **error)
{
  g_autoptr(GPtrArray) matches = NULL;
  g_auto(FdStmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (query != NULL, NULL);

  if (parse_id (query, &id))
    return fd_roster_get (store, id, error);

  stmt = fd_store_stmt (store,
                        "SELECT " PERSON_COLUMNS " FROM person "
                        "WHERE email = ?1 COLLATE NOCASE OR name = ?1 COLLATE NOCASE "
                        "UNION ALL "
                        "SELECT " PERSON_COLUMNS " FROM person "
                        "WHERE NOT EXISTS (SELECT 1 FROM person "
                        "  WHERE email = ?1 COLLATE NOCASE OR name = ?1 COLLATE NOCASE) "
                        "AND name LIKE ?1 || '%' "
                        "ORDER BY id",
                        error);
  if (stmt == NULL)
    return NULL;

  fd_stmt_bind_text (stmt, 1, query);
  if (!(matches = collect (store, stmt, error)))
    return NULL;

  if (matches->len == 1)
    return g_object_ref (g_ptr_array_index (matches, 0));

  if (matches->len == 0)
    g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND,
                 _("Nobody on the roster matches “%s”."), query);
  else
    g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                 _("“%s” matches %u people; use an email address or an id."),
                 query, matches->len);
  return NULL;
}

/**
 * fd_roster_list:
 *
 * Returns: (transfer full) (element-type FdPerson): the roster, by name
 */
GPtrArray *
fd_roster_list (FdStore     *store,
                gboolean     include_inactive,
                GError     **error)
{
  g_auto(FdStmt) stmt = NULL;

  stmt = fd_store_stmt (store,
                        "SELECT " PERSON_COLUMNS " FROM person "
                        "WHERE active OR ? ORDER BY name COLLATE NOCASE, id",
                        error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, include_inactive ? 1 : 0);
  return collect (store, stmt, error);
}

/**
 * fd_roster_list_by_role:
 *
 * Returns: (transfer full) (element-type FdPerson): active people with @role
 */
GPtrArray *
fd_roster_list_by_role (FdStore     *store,
                        const char  *role,
                        GError     **error)
{
  g_auto(FdStmt) stmt = NULL;

  stmt = fd_store_stmt (store,
                        "SELECT " PERSON_COLUMNS " FROM person "
                        "WHERE active AND role = ? ORDER BY name COLLATE NOCASE, id",
                        error);
  if (stmt == NULL)
    return NULL;

  fd_stmt_bind_text (stmt, 1, role);
  return collect (store, stmt, error);
}

/**
 * fd_roster_get_current:
 *
 * Returns: (transfer full) (nullable): the person using this workspace, or
 *   %NULL (with @error unset) when none was chosen yet
 */
FdPerson *
fd_roster_get_current (FdStore  *store,
                       GError  **error)
{
  g_autofree char *value = fd_store_get_meta (store, "current_person");
  gint64 id;

  if (value == NULL || !parse_id (value, &id))
    return NULL;

  return fd_roster_get (store, id, error);
}

gboolean
fd_roster_set_current (FdStore     *store,
                       const char  *actor,
                       gint64       person_id,
                       GError     **error)
{
  g_autoptr(FdMutation) mutation = NULL;
  g_autoptr(FdPerson) person = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *value = NULL;
  g_auto(FdStmt) stmt = NULL;

  if (!(person = fd_roster_get (store, person_id, error)))
    return FALSE;

  if (!fd_person_get_active (person))
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_ALLOWED,
                   _("%s is no longer active on the roster."),
                   fd_person_get_name (person));
      return FALSE;
    }

  if (!(mutation = fd_mutation_begin (store, actor, error)))
    return FALSE;

  value = fd_store_get_meta (store, "current_person");
  if (value != NULL)
    before = g_strdup_printf ("{\"current_person\":%s}", value);
  g_clear_pointer (&value, g_free);

  value = g_strdup_printf ("%" G_GINT64_FORMAT, person_id);
  after = g_strdup_printf ("{\"current_person\":%s}", value);

  stmt = fd_store_stmt (store,
                        "INSERT INTO meta (key, value) VALUES ('current_person', ?) "
                        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                        error);
  if (stmt == NULL)
    return FALSE;

  fd_stmt_bind_text (stmt, 1, value);
  if (!fd_store_run (store, stmt, error))
    return FALSE;

  return fd_mutation_record (mutation, "workspace", "current_person", "update",
                             before, after, error) &&
         fd_mutation_commit (mutation, error);
}

/**
 * fd_roster_describe_actor:
 * @actor: an actor string from the audit log
 *
 * Returns: (transfer full): a name to show for @actor
 */
char *
fd_roster_describe_actor (FdStore    *store,
                          const char *actor)
{
  gint64 id;

  if (actor != NULL && g_str_has_prefix (actor, "person:") && parse_id (actor, &id))
    {
      g_autoptr(FdPerson) person = fd_roster_get (store, id, NULL);

      if (person != NULL)
        return g_strdup (fd_person_get_name (person));
    }

  if (g_strcmp0 (actor, "system") == 0)
    return g_strdup (_("Flightdeck"));

  return g_strdup (actor);
}

/**
 * fd_roster_dup_current_actor:
 *
 * The actor for audit events written on behalf of whoever uses the
 * workspace right now.
 *
 * Returns: (transfer full): the current person's actor ("person:ID"), or,
 *   while nobody is chosen, the operating-system user ("os-user:NAME")
 */
char *
fd_roster_dup_current_actor (FdStore *store)
{
  g_autoptr(FdPerson) person = NULL;

  g_return_val_if_fail (FD_IS_STORE (store), NULL);

  person = fd_roster_get_current (store, NULL);
  if (person != NULL)
    return fd_person_dup_actor (person);

  return g_strdup_printf ("os-user:%s", g_get_user_name ());
}
