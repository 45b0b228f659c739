/* fd-schema.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-schema"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-core-error.h"
#include "fd-comment-private.h"
#include "fd-core-resources.h"
#include "fd-schema.h"

/* Migrations are an ordered list. Each one is an SQL file in schema/ (built
 * into the library as a resource) and, where data must be reshaped, a C
 * function run after it. All pending migrations run in one transaction
 * together with the new PRAGMA user_version, so an interrupted upgrade
 * leaves the file exactly as it was. Released migrations are never edited:
 * a change is a new entry. */

typedef gboolean (*FdMigrationFunc) (FdStore  *store,
                                     GError  **error);

typedef struct
{
  int              version;
  const char      *name;
  FdMigrationFunc  func;
} FdMigration;

/* Versions 2 (assets), 4 (rules and triage) and 5 (review) are reserved
 * for the modules that own them; the list must end up without gaps. */
static const FdMigration migrations[] = {
  { 1, "foundation", NULL },
  { 2, "assets", NULL },
  { 3, "insights", NULL },
  { 4, "triage", NULL },
  { 5, "review", _fd_comment_migrate_legacy },
};

int
fd_schema_get_latest_version (void)
{
  return migrations[G_N_ELEMENTS (migrations) - 1].version;
}

static void
ensure_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      fd_core_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

static gboolean
apply_migration (FdStore            *store,
                 const FdMigration  *migration,
                 GError            **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  gsize len;

  path = g_strdup_printf ("/io/github/flightdeck/Flightdeck/schema/%04d-%s.sql",
                          migration->version, migration->name);
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  /* The resource is not NUL-terminated by contract; copy it. */
  sql = g_strndup (g_bytes_get_data (bytes, &len), g_bytes_get_size (bytes));

  if (!fd_store_exec (store, sql, error))
    {
      g_prefix_error (error, _("Upgrading the workspace to schema %d failed: "),
                      migration->version);
      return FALSE;
    }

  if (migration->func != NULL && !migration->func (store, error))
    return FALSE;

  return TRUE;
}

gboolean
fd_schema_migrate (FdStore  *store,
                   int       from_version,
                   int       to_version,
                   GError  **error)
{
  g_autofree char *pragma = NULL;

  g_return_val_if_fail (FD_IS_STORE (store), FALSE);
  g_return_val_if_fail (from_version <= to_version, FALSE);

  ensure_resources ();

  if (!fd_store_begin (store, error))
    return FALSE;

  if (from_version == 0)
    {
      pragma = g_strdup_printf ("PRAGMA application_id = %d", FD_SCHEMA_APPLICATION_ID);
      if (!fd_store_exec (store, pragma, error))
        goto failed;
      g_clear_pointer (&pragma, g_free);
    }

  for (guint i = 0; i < G_N_ELEMENTS (migrations); i++)
    {
      const FdMigration *migration = &migrations[i];

      if (migration->version <= from_version || migration->version > to_version)
        continue;

      g_debug ("Migrating %s to schema %d (%s)",
               fd_store_get_path (store), migration->version, migration->name);

      if (!apply_migration (store, migration, error))
        goto failed;
    }

  pragma = g_strdup_printf ("PRAGMA user_version = %d", to_version);
  if (!fd_store_exec (store, pragma, error))
    goto failed;

  return fd_store_commit (store, error);

failed:
  fd_store_rollback (store);
  return FALSE;
}
