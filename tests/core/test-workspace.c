/* test-workspace.c: workspace folders, the media store and change notification
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/stat.h>

#include "fd-audit-log.h"
#include "fd-core-error.h"
#include "fd-roster.h"
#include "fd-test-util.h"
#include "fd-workspace.h"

typedef struct
{
  char        *dir;
  char        *path;
  FdWorkspace *workspace;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = fd_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "ws", NULL);
  f->workspace = fd_workspace_create (f->path, "Test", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->workspace);
  fd_test_tmpdir_free (f->dir);
  g_free (f->path);
}

static void
test_create_and_open (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdWorkspace) again = NULL;
  g_autoptr(FdWorkspace) by_file = NULL;
  g_autofree char *media = g_build_filename (f->path, "media", NULL);
  g_autofree char *name = NULL;

  g_assert_true (fd_workspace_exists (f->path));
  g_assert_true (g_file_test (media, G_FILE_TEST_IS_DIR));
  name = fd_workspace_dup_name (f->workspace);
  g_assert_cmpstr (name, ==, "Test");
  g_clear_object (&f->workspace);

  again = fd_workspace_open (f->path, &error);
  g_assert_no_error (error);
  by_file = fd_workspace_open (fd_workspace_get_db_path (again), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fd_workspace_get_path (by_file), ==, fd_workspace_get_path (again));
}

static void
test_create_refuses (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdWorkspace) existing = fd_workspace_create (f->path, "Again", &error);
  g_autofree char *busy = g_build_filename (f->dir, "busy", NULL);
  g_autofree char *file = g_build_filename (busy, "notes.txt", NULL);
  g_autoptr(FdWorkspace) non_empty = NULL;
  g_autoptr(FdWorkspace) missing = NULL;

  g_assert_null (existing);
  g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_EXISTS);
  g_clear_error (&error);

  g_mkdir (busy, 0755);
  g_file_set_contents (file, "hello", -1, NULL);
  non_empty = fd_workspace_create (busy, "Busy", &error);
  g_assert_null (non_empty);
  g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_EXISTS);
  g_assert_true (g_file_test (file, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  missing = fd_workspace_open (busy, &error);
  g_assert_null (missing);
  g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND);
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static void
test_media_import (Fixture       *f,
                   gconstpointer  data)
{
  FdMediaStore *media = fd_workspace_get_media_store (f->workspace);
  g_autoptr(GError) error = NULL;
  g_autofree char *a = write_file (f, "a.bin", "the approved cut");
  g_autofree char *b = write_file (f, "b.bin", "the approved cut");
  g_autofree char *sha_a = NULL;
  g_autofree char *sha_b = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *stored = NULL;
  gboolean was_new = FALSE;
  gint64 size = 0;
  struct stat st;

  sha_a = fd_media_store_import_file (media, a, &size, &was_new, NULL, &error);
  g_assert_no_error (error);
  expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "the approved cut", -1);
  g_assert_cmpstr (sha_a, ==, expected);
  g_assert_true (was_new);
  g_assert_cmpint (size, ==, 16);

  stored = fd_media_store_get_path (media, sha_a);
  g_assert_true (g_str_has_suffix (stored, sha_a));
  g_assert_cmpint (stat (stored, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0222, ==, 0);

  /* The same bytes under another name are stored once. */
  sha_b = fd_media_store_import_file (media, b, NULL, &was_new, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sha_b, ==, sha_a);
  g_assert_false (was_new);

  g_assert_true (fd_media_store_verify (media, sha_a, NULL, &error));
  g_assert_no_error (error);
}

static void
test_media_verify_detects_change (Fixture       *f,
                                  gconstpointer  data)
{
  FdMediaStore *media = fd_workspace_get_media_store (f->workspace);
  g_autoptr(GError) error = NULL;
  g_autofree char *a = write_file (f, "a.bin", "version three");
  g_autofree char *sha = fd_media_store_import_file (media, a, NULL, NULL, NULL, &error);
  g_autofree char *stored = fd_media_store_get_path (media, sha);

  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (stored, 0644), ==, 0);
  g_assert_true (g_file_set_contents (stored, "version three, retouched", -1, NULL));

  g_assert_false (fd_media_store_verify (media, sha, NULL, &error));
  g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_HASH_MISMATCH);
  g_clear_error (&error);

  g_unlink (stored);
  g_assert_false (fd_media_store_verify (media, sha, NULL, &error));
  g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND);
}

static void
test_media_import_missing_file (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = fd_media_store_import_file (fd_workspace_get_media_store (f->workspace),
                                                     "/nonexistent/file.mp4", NULL, NULL, NULL, &error);

  g_assert_null (sha);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

typedef struct
{
  GMainLoop *loop;
  char      *entity_id;
  guint      count;
} Seen;

static void
on_person_changed (FdWorkspace *workspace,
                   const char  *entity_type,
                   const char  *entity_id,
                   const char  *action,
                   Seen        *seen)
{
  g_assert_cmpstr (entity_type, ==, "person");
  g_free (seen->entity_id);
  seen->entity_id = g_strdup (entity_id);
  seen->count++;
  g_main_loop_quit (seen->loop);
}

static gpointer
add_person_in_worker (FdStore       *store,
                      gpointer       data,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_assert_false (g_main_context_is_owner (g_main_context_default ()));
  return fd_roster_add (store, "system", "Worker Bee", "bee@example.com", "designer", error);
}

static void
on_worker_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdPerson) person = fd_workspace_run_finish (FD_WORKSPACE (source), result, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (fd_person_get_name (person), ==, "Worker Bee");
}

static gboolean
on_timeout (gpointer data)
{
  g_error ("Timed out waiting for a change notification");
  return G_SOURCE_REMOVE;
}

static void
test_changed_from_worker (Fixture       *f,
                          gconstpointer  data)
{
  Seen seen = { g_main_loop_new (NULL, FALSE), NULL, 0 };
  guint timeout = g_timeout_add_seconds (10, on_timeout, NULL);

  g_signal_connect (f->workspace, "changed::person", G_CALLBACK (on_person_changed), &seen);
  fd_workspace_run_async (f->workspace, TRUE, add_person_in_worker, NULL, NULL,
                          g_object_unref, NULL, on_worker_done, NULL);
  g_main_loop_run (seen.loop);

  g_assert_cmpuint (seen.count, ==, 1);
  g_assert_cmpstr (seen.entity_id, ==, "1");

  g_source_remove (timeout);
  g_main_loop_unref (seen.loop);
  g_free (seen.entity_id);
}

static void
test_changed_from_other_process (Fixture       *f,
                                 gconstpointer  data)
{
  Seen seen = { g_main_loop_new (NULL, FALSE), NULL, 0 };
  guint timeout = g_timeout_add_seconds (10, on_timeout, NULL);
  g_autofree char *out = NULL;
  int status;

  g_signal_connect (f->workspace, "changed::person", G_CALLBACK (on_person_changed), &seen);

  out = fd_test_run_cli (f->path, &status, NULL,
                         "person", "add", "--name", "Ana Ruiz", "--email", "ana@example.com",
                         "--role", "legal", NULL);
  g_assert_cmpint (status, ==, 0);

  g_main_loop_run (seen.loop);
  g_assert_cmpstr (seen.entity_id, ==, "1");

  g_source_remove (timeout);
  g_main_loop_unref (seen.loop);
  g_free (seen.entity_id);
}

typedef struct
{
  GMainLoop   *loop;
  FdWorkspace *workspace;
  GError      *error;
  GThread     *thread;
} Opened;

static void
on_opened (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Opened *opened = user_data;

  opened->thread = g_thread_self ();
  if (g_task_get_source_tag (G_TASK (result)) == fd_workspace_create_async)
    opened->workspace = fd_workspace_create_finish (result, &opened->error);
  else
    opened->workspace = fd_workspace_open_finish (result, &opened->error);
  g_main_loop_quit (opened->loop);
}

static void
wait_opened (Opened *opened)
{
  guint timeout = g_timeout_add_seconds (10, on_timeout, NULL);

  g_main_loop_run (opened->loop);
  g_source_remove (timeout);
  g_main_loop_unref (opened->loop);
}

static void
test_async_open (Fixture       *f,
                 gconstpointer  data)
{
  Opened opened = { g_main_loop_new (NULL, FALSE), NULL, NULL, NULL };
  g_autoptr(FdWorkspace) workspace = NULL;
  g_autofree char *name = NULL;

  g_clear_object (&f->workspace);
  fd_workspace_open_async (f->path, NULL, on_opened, &opened);
  wait_opened (&opened);

  g_assert_no_error (opened.error);
  workspace = opened.workspace;
  g_assert_true (opened.thread == g_thread_self ());
  g_assert_cmpstr (fd_workspace_get_path (workspace), ==, f->path);
  name = fd_workspace_dup_name (workspace);
  g_assert_cmpstr (name, ==, "Test");
}

static void
test_async_create (Fixture       *f,
                   gconstpointer  data)
{
  Opened opened = { g_main_loop_new (NULL, FALSE), NULL, NULL, NULL };
  g_autofree char *path = g_build_filename (f->dir, "new", "nested", NULL);
  g_autoptr(FdWorkspace) workspace = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  fd_workspace_create_async (path, "  Spring sale  ", NULL, on_opened, &opened);
  wait_opened (&opened);

  g_assert_no_error (opened.error);
  workspace = opened.workspace;
  name = fd_workspace_dup_name (workspace);
  g_assert_cmpstr (name, ==, "Spring sale");

  /* The creation is the first audited event of the new workspace. */
  events = fd_audit_log_list (fd_workspace_get_store (workspace), "workspace", NULL, 0, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpstr (fd_audit_event_get_action (g_ptr_array_index (events, 0)), ==, "create");

  /* A second creation in the same place is refused on the worker. */
  opened = (Opened) { g_main_loop_new (NULL, FALSE), NULL, NULL, NULL };
  fd_workspace_create_async (path, "Again", NULL, on_opened, &opened);
  wait_opened (&opened);
  g_assert_null (opened.workspace);
  g_assert_error (opened.error, FD_CORE_ERROR, FD_CORE_ERROR_EXISTS);
  g_clear_error (&opened.error);
}

static char *
file_digest (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

static void
test_async_open_refuses (Fixture       *f,
                         gconstpointer  data)
{
  Opened opened = { g_main_loop_new (NULL, FALSE), NULL, NULL, NULL };
  g_autofree char *broken = g_build_filename (f->dir, "broken", NULL);
  g_autofree char *db = g_build_filename (broken, "flightdeck.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  char garbage[4096];

  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = (char)(i * 13 + 5);
  g_assert_cmpint (g_mkdir (broken, 0755), ==, 0);
  g_assert_true (g_file_set_contents (db, garbage, sizeof garbage, NULL));
  before = file_digest (db);

  fd_workspace_open_async (broken, NULL, on_opened, &opened);
  wait_opened (&opened);
  g_assert_null (opened.workspace);
  g_assert_error (opened.error, FD_CORE_ERROR, FD_CORE_ERROR_CORRUPT);
  g_clear_error (&opened.error);

  after = file_digest (db);
  g_assert_cmpstr (before, ==, after);

  /* A folder that is not a workspace is not made into one. */
  opened = (Opened) { g_main_loop_new (NULL, FALSE), NULL, NULL, NULL };
  fd_workspace_open_async (f->dir, NULL, on_opened, &opened);
  wait_opened (&opened);
  g_assert_null (opened.workspace);
  g_assert_error (opened.error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND);
  g_clear_error (&opened.error);
  g_assert_false (fd_workspace_exists (f->dir));
}

static void
add (const char *path,
     void (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add ("/workspace/create-and-open", test_create_and_open);
  add ("/workspace/create-refuses", test_create_refuses);
  add ("/workspace/media/import", test_media_import);
  add ("/workspace/media/verify-detects-change", test_media_verify_detects_change);
  add ("/workspace/media/import-missing-file", test_media_import_missing_file);
  add ("/workspace/changed/from-worker", test_changed_from_worker);
  add ("/workspace/changed/from-other-process", test_changed_from_other_process);
  add ("/workspace/async/open", test_async_open);
  add ("/workspace/async/create", test_async_create);
  add ("/workspace/async/open-refuses", test_async_open_refuses);

  return g_test_run ();
}
