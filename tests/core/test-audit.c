/* test-audit.c: the mutation API and the hash-chained audit log
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "fd-audit-log.h"
#include "fd-core-error.h"
#include "fd-mutation.h"
#include "fd-ownership.h"
#include "fd-roster.h"
#include "fd-test-util.h"

typedef struct
{
  char    *dir;
  char    *db;
  FdStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = fd_test_tmpdir_new ();
  f->db = g_build_filename (f->dir, "flightdeck.db", NULL);
  f->store = fd_store_open (f->db, FD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  fd_test_tmpdir_free (f->dir);
  g_free (f->db);
}

static int
count (FdStore    *store,
       const char *sql)
{
  g_auto(FdStmt) stmt = fd_store_stmt (store, sql, NULL);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

/* Someone editing the database behind the app's back: raw SQL, with the
 * append-only triggers dropped first. */
static void
tamper (Fixture    *f,
        const char *sql)
{
  g_autofree char *full = g_strconcat ("DROP TRIGGER IF EXISTS audit_event_no_update;"
                                       "DROP TRIGGER IF EXISTS audit_event_no_delete;",
                                       sql, NULL);
  sqlite3 *db = NULL;
  char *errmsg = NULL;

  g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, full, NULL, NULL, &errmsg) != SQLITE_OK)
    g_error ("%s", errmsg);
  sqlite3_close (db);
}

static void
add_people (Fixture *f,
            guint    n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("Person %u", i + 1);
      g_autofree char *email = g_strdup_printf ("p%u@example.com", i + 1);
      g_autoptr(FdPerson) person = fd_roster_add (f->store, "person:1", name, email,
                                                  "designer", &error);

      g_assert_no_error (error);
    }
}

static FdAuditVerification *
verify (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdStore) store = fd_store_open (f->db, FD_STORE_OPEN_DEFAULT, &error);
  FdAuditVerification *report;

  g_assert_no_error (error);
  report = fd_audit_log_verify (store, &error);
  g_assert_no_error (error);
  return report;
}

static void
test_row_and_event_together (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(FdAuditVerification) report = NULL;
  FdAuditEvent *event;

  add_people (f, 1);

  events = fd_audit_log_list (f->store, "person", NULL, 0, -1, NULL);
  g_assert_cmpuint (events->len, ==, 1);
  event = g_ptr_array_index (events, 0);
  g_assert_cmpint (fd_audit_event_get_seq (event), ==, 1);
  g_assert_cmpstr (fd_audit_event_get_actor (event), ==, "person:1");
  g_assert_cmpstr (fd_audit_event_get_entity_id (event), ==, "1");
  g_assert_cmpstr (fd_audit_event_get_action (event), ==, "create");
  g_assert_null (fd_audit_event_get_before_json (event));
  g_assert_nonnull (strstr (fd_audit_event_get_after_json (event), "\"email\":\"p1@example.com\""));
  g_assert_cmpint (fd_audit_event_get_at (event), >, 0);

  report = verify (f);
  g_assert_true (report->ok);
  g_assert_cmpint (report->n_events, ==, 1);
  g_assert_cmpstr (report->head_hash, ==, fd_audit_event_get_hash (event));
}

static void
test_update_records_before_and_after (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = NULL;
  FdAuditEvent *event;

  add_people (f, 1);
  g_assert_true (fd_roster_update (f->store, "person:1", 1, "Renamed", "p1@example.com",
                                   "legal", &error));
  g_assert_no_error (error);

  events = fd_audit_log_list (f->store, "person", "1", 0, -1, NULL);
  g_assert_cmpuint (events->len, ==, 2);
  event = g_ptr_array_index (events, 1);
  g_assert_cmpstr (fd_audit_event_get_action (event), ==, "update");
  g_assert_nonnull (strstr (fd_audit_event_get_before_json (event), "\"Person 1\""));
  g_assert_nonnull (strstr (fd_audit_event_get_after_json (event), "\"Renamed\""));
  g_assert_nonnull (strstr (fd_audit_event_get_after_json (event), "\"legal\""));
}

static void
test_commit_without_event_refused (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdMutation) mutation = fd_mutation_begin (f->store, "system", &error);

  g_assert_no_error (error);
  g_assert_true (fd_store_exec (f->store,
                                "INSERT INTO person (name, email, role, created_us) "
                                "VALUES ('Sneaky', 's@example.com', 'legal', 1)", NULL));

  g_test_expect_message ("fd-mutation", G_LOG_LEVEL_CRITICAL, "*recorded no audit event*");
  g_assert_false (fd_mutation_commit (mutation, &error));
  g_test_assert_expected_messages ();
  g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_FAILED);

  g_assert_cmpint (count (f->store, "SELECT count(*) FROM person"), ==, 0);
}

static void
test_dropped_mutation_rolls_back (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(FdMutation) mutation = fd_mutation_begin (f->store, "system", &error);

    g_assert_true (fd_store_exec (f->store,
                                  "INSERT INTO person (name, email, role, created_us) "
                                  "VALUES ('Gone', 'g@example.com', 'legal', 1)", NULL));
    g_assert_true (fd_mutation_record (mutation, "person", "1", "create", NULL, "{}", &error));
    /* Leaves scope without commit, as on an error path. */
  }

  g_assert_false (fd_store_in_transaction (f->store));
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM person"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM audit_event"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM audit_head"), ==, 0);
}

static void
test_nested_mutation_failure_dooms_outer (Fixture       *f,
                                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdMutation) outer = fd_mutation_begin (f->store, "system", &error);
  g_autoptr(FdPerson) person = NULL;

  person = fd_roster_add (f->store, "system", "Inner", "inner@example.com", "legal", &error);
  g_assert_no_error (error);

  /* An inner change that fails (duplicate email) rolls back at depth 2… */
  g_clear_object (&person);
  person = fd_roster_add (f->store, "system", "Dup", "inner@example.com", "legal", &error);
  g_assert_null (person);
  g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_EXISTS);
  g_clear_error (&error);

  /* …so the outer commit refuses, and nothing of either survives. */
  g_assert_true (fd_mutation_record (outer, "workspace", "x", "touch", NULL, NULL, &error));
  g_assert_false (fd_mutation_commit (outer, &error));
  g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_FAILED);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM person"), ==, 0);
}

static void
test_append_only (Fixture       *f,
                  gconstpointer  data)
{
  add_people (f, 2);

  g_assert_false (fd_store_exec (f->store, "UPDATE audit_event SET actor = 'x'", NULL));
  g_assert_false (fd_store_exec (f->store, "DELETE FROM audit_event WHERE seq = 1", NULL));
  g_assert_false (fd_store_exec (f->store, "DELETE FROM audit_head", NULL));
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM audit_event WHERE actor = 'person:1'"), ==, 2);
}

static void
test_tamper_edit_event (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(FdAuditVerification) report = NULL;

  add_people (f, 5);
  tamper (f, "UPDATE audit_event SET actor = 'person:99' WHERE seq = 3");

  report = verify (f);
  g_assert_false (report->ok);
  g_assert_cmpint (report->first_broken_seq, ==, 3);
  g_assert_nonnull (strstr (report->problem, "Event 3"));
  g_assert_nonnull (strstr (report->problem, "changed"));
}

static void
test_tamper_rewrite_hash (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(FdAuditVerification) report = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *sql = NULL;

  add_people (f, 4);

  /* A careful forger recomputes the edited event's own hash; the next
   * event's link then no longer matches. */
  hash = fd_audit_log_compute_hash (2, 1, "person:99", "person", "2", "create", NULL, "{}",
                                    "0000000000000000000000000000000000000000000000000000000000000000");
  sql = g_strdup_printf ("UPDATE audit_event SET at_us = 1, actor = 'person:99', after_json = '{}', "
                         "prev_hash = '%s', hash = '%s' WHERE seq = 2",
                         "0000000000000000000000000000000000000000000000000000000000000000", hash);
  tamper (f, sql);

  report = verify (f);
  g_assert_false (report->ok);
  g_assert_cmpint (report->first_broken_seq, ==, 2);
}

static void
test_tamper_delete_middle (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(FdAuditVerification) report = NULL;

  add_people (f, 5);
  tamper (f, "DELETE FROM audit_event WHERE seq = 2");

  report = verify (f);
  g_assert_false (report->ok);
  g_assert_cmpint (report->first_broken_seq, ==, 2);
  g_assert_nonnull (strstr (report->problem, "missing"));
}

static void
test_tamper_delete_tail (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(FdAuditVerification) report = NULL;

  add_people (f, 5);
  tamper (f, "DELETE FROM audit_event WHERE seq >= 4");

  report = verify (f);
  g_assert_false (report->ok);
  g_assert_cmpint (report->first_broken_seq, ==, 4);
}

static void
test_tamper_edit_workflow_row (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(FdAuditVerification) report = NULL;

  add_people (f, 3);
  tamper (f, "UPDATE person SET role = 'creative-director' WHERE id = 2");

  report = verify (f);
  g_assert_false (report->ok);
  g_assert_cmpint (report->first_broken_seq, ==, 2);
  g_assert_cmpstr (report->entity, ==, "person:2");
  g_assert_nonnull (strstr (report->problem, "outside Flightdeck"));
}

static void
test_tamper_unaudited_row (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(FdAuditVerification) report = NULL;

  add_people (f, 2);
  tamper (f, "INSERT INTO ownership (transition, owner_id) VALUES ('launch', 1)");

  report = verify (f);
  g_assert_false (report->ok);
  g_assert_cmpstr (report->entity, ==, "ownership:launch");
  g_assert_nonnull (strstr (report->problem, "no audit record"));
}

static void
test_tamper_delete_workflow_row (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(FdAuditVerification) report = NULL;
  g_autoptr(GError) error = NULL;

  add_people (f, 2);
  g_assert_true (fd_ownership_set (f->store, "person:1", "launch", 1, 2, &error));
  tamper (f, "DELETE FROM ownership");

  report = verify (f);
  g_assert_false (report->ok);
  g_assert_cmpint (report->first_broken_seq, ==, 3);
  g_assert_nonnull (strstr (report->problem, "deleted"));
}

static void
test_list_filters (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) newer = NULL;
  g_autoptr(GPtrArray) ownership = NULL;

  add_people (f, 3);
  g_assert_true (fd_ownership_set (f->store, "person:1", "launch", 1, 2, &error));

  all = fd_audit_log_list (f->store, NULL, NULL, 0, -1, &error);
  newer = fd_audit_log_list (f->store, NULL, NULL, 2, -1, &error);
  ownership = fd_audit_log_list (f->store, "ownership", "launch", 0, -1, &error);

  g_assert_cmpuint (all->len, ==, 4);
  g_assert_cmpuint (newer->len, ==, 2);
  g_assert_cmpuint (ownership->len, ==, 1);
  g_assert_cmpint (fd_audit_log_get_head_seq (f->store, &error), ==, 4);
}

static void
on_committed (FdStore *store,
              gint64   last_seq,
              gint64  *seen)
{
  *seen = last_seq;
}

static void
test_committed_signal (Fixture       *f,
                       gconstpointer  data)
{
  gint64 seen = 0;

  g_signal_connect (f->store, "committed", G_CALLBACK (on_committed), &seen);
  add_people (f, 2);
  g_assert_cmpint (seen, ==, 2);
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

  add ("/audit/row-and-event-together", test_row_and_event_together);
  add ("/audit/update-records-before-and-after", test_update_records_before_and_after);
  add ("/audit/commit-without-event-refused", test_commit_without_event_refused);
  add ("/audit/dropped-mutation-rolls-back", test_dropped_mutation_rolls_back);
  add ("/audit/nested-failure-dooms-outer", test_nested_mutation_failure_dooms_outer);
  add ("/audit/append-only", test_append_only);
  add ("/audit/tamper/edit-event", test_tamper_edit_event);
  add ("/audit/tamper/rewrite-hash", test_tamper_rewrite_hash);
  add ("/audit/tamper/delete-middle", test_tamper_delete_middle);
  add ("/audit/tamper/delete-tail", test_tamper_delete_tail);
  add ("/audit/tamper/edit-workflow-row", test_tamper_edit_workflow_row);
  add ("/audit/tamper/unaudited-row", test_tamper_unaudited_row);
  add ("/audit/tamper/delete-workflow-row", test_tamper_delete_workflow_row);
  add ("/audit/list-filters", test_list_filters);
  add ("/audit/committed-signal", test_committed_signal);

  return g_test_run ();
}
