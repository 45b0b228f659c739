/* fd-workspace-create.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-workspace"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "fd-core-error.h"
#include "fd-mutation.h"
#include "fd-workspace.h"
#include "fd-workspace-private.h"

/* Making a new workspace: checking the folder it goes into, creating the
 * database and recording the creation as the first audit event. The
 * synchronous and asynchronous constructors in fd-workspace.c share it. */

static gboolean
folder_is_usable (const char  *folder,
                  GError     **error)
{
  g_autoptr(GDir) dir = NULL;

  if (!g_file_test (folder, G_FILE_TEST_EXISTS))
    return TRUE;

  if (fd_workspace_exists (folder))
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_EXISTS,
                   _("“%s” is already a Flightdeck workspace; open it instead."),
                   folder);
      return FALSE;
    }

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_EXISTS,
                   _("“%s” is a file, not a folder."), folder);
      return FALSE;
    }

  if (!(dir = g_dir_open (folder, 0, error)))
    return FALSE;

  if (g_dir_read_name (dir) != NULL)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_EXISTS,
                   _("The folder “%s” is not empty. Choose an empty or a new "
                     "folder for the workspace."),
                   folder);
      return FALSE;
    }

  return TRUE;
}

static gboolean
record_creation (FdStore     *store,
                 const char  *name,
                 GError     **error)
{
  g_autoptr(FdMutation) mutation = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_auto(FdStmt) stmt = NULL;
  const char *keys[] = { "name", "workspace_id", "created_us" };
  g_autofree char *created = NULL;
  const char *values[3];

  if (!(mutation = fd_mutation_begin (store, "system", error)))
    return FALSE;

  created = g_strdup_printf ("%" G_GINT64_FORMAT, fd_mutation_get_time (mutation));
  values[0] = name;
  values[1] = uuid;
  values[2] = created;

  stmt = fd_store_stmt (store, "INSERT INTO meta (key, value) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      fd_stmt_bind_text (stmt, 1, keys[i]);
      fd_stmt_bind_text (stmt, 2, values[i]);
      if (!fd_store_run (store, stmt, error))
        return FALSE;

      json_builder_set_member_name (builder, keys[i]);
      json_builder_add_string_value (builder, values[i]);
    }
  json_builder_end_object (builder);
  after = json_builder_get_root (builder);

  return fd_mutation_record_node (mutation, "workspace", uuid, "create", NULL, after, error) &&
         fd_mutation_commit (mutation, error);
}

/* The name a new workspace gets: what the person typed, or the folder's. */
static char *
clean_workspace_name (const char *folder,
                      const char *name)
{
  char *clean_name = g_strstrip (g_strdup (name ? name : ""));

  if (*clean_name == '\0')
    {
      g_free (clean_name);
      clean_name = g_path_get_basename (folder);
    }

  return clean_name;
}

/* Makes the folder and its database; the workspace object comes later. */
gboolean
fd_workspace_create_database (const char  *folder,
                              const char  *name,
                              GError     **error)
{
  g_autofree char *db_path = NULL;
  g_autofree char *clean_name = NULL;
  g_autoptr(FdStore) store = NULL;

  if (!folder_is_usable (folder, error))
    return FALSE;

  if (g_mkdir_with_parents (folder, 0755) != 0)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_IO,
                   _("Could not create the folder “%s”: %s"),
                   folder, g_strerror (errno));
      return FALSE;
    }

  db_path = g_build_filename (folder, FD_WORKSPACE_DB_NAME, NULL);
  clean_name = clean_workspace_name (folder, name);

  return (store = fd_store_open (db_path, FD_STORE_OPEN_CREATE, error)) != NULL &&
         record_creation (store, clean_name, error);
}
