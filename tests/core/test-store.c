/* test-store.c: opening, migrating and refusing workspace databases
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <sqlite3.h>
#include <unistd.h>

#include "fd-core-error.h"
#include "fd-mutation.h"
#include "fd-roster.h"
#include "fd-schema.h"
#include "fd-store-private.h"
#include "fd-test-util.h"

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = fd_test_tmpdir_new ();
  f->db = g_build_filename (f->dir, "flightdeck.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  fd_test_tmpdir_free (f->dir);
  g_free (f->db);
}

static int
query_int (FdStore    *store,
           const char *sql)
{
  g_auto(FdStmt) stmt = fd_store_stmt (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

static char *
file_digest (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, len);
}

/* A raw SQLite handle, bypassing the store, as another program would. */
static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *errmsg = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &errmsg) != SQLITE_OK)
    g_error ("%s: %s", sql, errmsg);
  sqlite3_close (db);
}

static void
test_fresh (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdStore) store = fd_store_open (f->db, FD_STORE_OPEN_CREATE, &error);
  g_auto(FdStmt) stmt = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (fd_store_get_schema_version (store), ==, fd_schema_get_latest_version ());
  g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==, fd_schema_get_latest_version ());
  g_assert_cmpint (query_int (store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_int (store, "PRAGMA application_id"), ==, FD_SCHEMA_APPLICATION_ID);

  stmt = fd_store_stmt (store, "PRAGMA journal_mode", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "wal");
}

static void
test_missing_without_create (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdStore) store = fd_store_open (f->db, FD_STORE_OPEN_DEFAULT, &error);

  g_assert_null (store);
  g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
}

static void
test_upgrade (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdStore) old = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(FdPerson) person = NULL;
  g_autoptr(FdPerson) again = NULL;

  /* Write data with the first schema, then open with the newest: every
   * pending migration runs, and the data survives. */
  old = _fd_store_open_at_version (f->db, FD_STORE_OPEN_CREATE, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fd_store_get_schema_version (old), ==, 1);
  person = fd_roster_add (old, "system", "Ana Ruiz", "ana@example.com", "legal", &error);
  g_assert_no_error (error);
  g_clear_object (&old);

  store = fd_store_open (f->db, FD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fd_store_get_schema_version (store), ==, fd_schema_get_latest_version ());
  again = fd_roster_get (store, fd_person_get_id (person), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fd_person_get_email (again), ==, "ana@example.com");
}

static void
test_newer_schema_refused (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *sql = NULL;

  store = fd_store_open (f->db, FD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  /* Checkpoint into the main file, then leave a rollback-journal file: the
   * simplest shape a newer version could hand us. */
  sql = g_strdup_printf ("PRAGMA journal_mode = DELETE; PRAGMA user_version = %d;",
                         fd_schema_get_latest_version () + 5);
  raw_exec (f->db, sql);
  before = file_digest (f->db);

  store = fd_store_open (f->db, FD_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NEWER_SCHEMA);
  g_assert_nonnull (strstr (error->message, "newer version"));

  after = file_digest (f->db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_corrupt_refused (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  char garbage[8192];

  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = (char)(i * 7 + 3);
  g_assert_true (g_file_set_contents (f->db, garbage, sizeof garbage, NULL));
  before = file_digest (f->db);

  store = fd_store_open (f->db, FD_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_CORRUPT);

  after = file_digest (f->db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_foreign_database_refused (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  raw_exec (f->db, "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');");
  before = file_digest (f->db);

  store = fd_store_open (f->db, FD_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "not a Flightdeck workspace"));

  after = file_digest (f->db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_statement_cache (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdStore) store = fd_store_open (f->db, FD_STORE_OPEN_CREATE, &error);
  sqlite3_stmt *a = fd_store_stmt (store, "SELECT count(*) FROM person", &error);
  sqlite3_stmt *b = fd_store_stmt (store, "SELECT count(*) FROM person", &error);

  g_assert_no_error (error);
  g_assert_true (a == b);
}

static void
test_locked (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdStore) store = fd_store_open (f->db, FD_STORE_OPEN_CREATE, &error);
  g_autoptr(FdPerson) person = NULL;
  g_autoptr(GPtrArray) people = NULL;
  sqlite3 *other = NULL;

  g_assert_no_error (error);
  fd_store_set_busy_timeout (store, 50);

  /* Another program holds the write lock. */
  g_assert_cmpint (sqlite3_open (f->db, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  person = fd_roster_add (store, "system", "Ana Ruiz", "ana@example.com", "legal", &error);
  g_assert_null (person);
  g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "locked"));
  g_clear_error (&error);

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);

  /* Nothing was half-written, and the store works again. */
  people = fd_roster_list (store, TRUE, &error);
  g_assert_cmpuint (people->len, ==, 0);
  person = fd_roster_add (store, "system", "Ana Ruiz", "ana@example.com", "legal", &error);
  g_assert_no_error (error);
}

static void
test_disk_full (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdStore) store = fd_store_open (f->db, FD_STORE_OPEN_CREATE, &error);
  g_autoptr(GPtrArray) people = NULL;
  g_autofree char *sql = NULL;
  gboolean full = FALSE;

  g_assert_no_error (error);

  /* SQLite reports a database that may not grow as SQLITE_FULL, exactly as
   * it reports a full disk. */
  sql = g_strdup_printf ("PRAGMA max_page_count = %d",
                         query_int (store, "PRAGMA page_count"));
  g_assert_true (fd_store_exec (store, sql, NULL));

  for (int i = 0; i < 200 && !full; i++)
    {
      g_autofree char *email = g_strdup_printf ("p%d@example.com", i);
      g_autofree char *name = g_strnfill (400, 'a' + i % 26);
      g_autoptr(FdPerson) person = fd_roster_add (store, "system", name, email, "legal", &error);

      if (person == NULL)
        {
          g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NO_SPACE);
          g_assert_nonnull (strstr (error->message, "full"));
          full = TRUE;
        }
    }
  g_assert_true (full);
  g_clear_error (&error);

  /* What was written before stays, and the log still verifies. */
  people = fd_roster_list (store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_event WHERE entity_type = 'person'"),
                   ==, (int)people->len);
}

static void
test_killed_mid_write (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(FdStore) child = fd_store_open (g_getenv ("FD_TEST_DB"), FD_STORE_OPEN_DEFAULT, NULL);
      g_autoptr(FdMutation) mutation = fd_mutation_begin (child, "system", NULL);

      fd_store_exec (child,
                     "INSERT INTO person (name, email, role, created_us) "
                     "VALUES ('Half', 'half@example.com', 'legal', 1)", NULL);
      fd_mutation_record (mutation, "person", "1", "create", NULL, "{}", NULL);
      /* Die between the writes and the commit. */
      kill (getpid (), SIGKILL);
      return;
    }

  dir = fd_test_tmpdir_new ();
  db = g_build_filename (dir, "flightdeck.db", NULL);
  store = fd_store_open (db, FD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  g_setenv ("FD_TEST_DB", db, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();

  store = fd_store_open (db, FD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM person"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_event"), ==, 0);
  g_clear_object (&store);

  fd_test_tmpdir_free (g_steal_pointer (&dir));
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

  add ("/store/fresh", test_fresh);
  add ("/store/missing-without-create", test_missing_without_create);
  add ("/store/upgrade", test_upgrade);
  add ("/store/newer-schema-refused", test_newer_schema_refused);
  add ("/store/corrupt-refused", test_corrupt_refused);
  add ("/store/foreign-database-refused", test_foreign_database_refused);
  add ("/store/statement-cache", test_statement_cache);
  add ("/store/locked", test_locked);
  add ("/store/disk-full", test_disk_full);
  g_test_add_func ("/store/killed-mid-write", test_killed_mid_write);

  return g_test_run ();
}
