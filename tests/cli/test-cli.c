/* test-cli.c: flightdeck-cli as a script would use it, exit statuses included
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "fd-test-util.h"

typedef struct
{
  char *dir;
  char *ws;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = fd_test_tmpdir_new ();
  f->ws = g_build_filename (f->dir, "ws", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  fd_test_tmpdir_free (f->dir);
  g_free (f->ws);
}

/* Each run replaces what the previous one wrote on stderr. */
static char **
fresh (char **err)
{
  if (err != NULL)
    g_clear_pointer (err, g_free);
  return err;
}

#define RUN(ws, status, err, ...) fd_test_run_cli (ws, status, fresh (err), __VA_ARGS__, NULL)

/* Errors are one line on stderr, prefixed with the program name. */
static void
assert_one_line_error (const char *err,
                       const char *fragment)
{
  g_assert_true (g_str_has_prefix (err, "flightdeck-cli: "));
  g_assert_true (g_str_has_suffix (err, "\n"));
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
  if (fragment)
    g_assert_nonnull (strstr (err, fragment));
}

static void
init_workspace (Fixture *f)
{
  g_autofree char *out = NULL;
  int status;

  out = RUN (f->ws, &status, NULL, "init", "--name", "Test");
  g_assert_cmpint (status, ==, 0);
}

static void
test_usage_errors (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  int status;

  out = RUN (NULL, &status, &err, "frobnicate");
  g_assert_cmpint (status, ==, 2);
  assert_one_line_error (err, "Unknown command");
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);

  out = RUN (NULL, &status, &err, "person");
  g_assert_cmpint (status, ==, 2);
  assert_one_line_error (err, "needs a command");
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);

  out = RUN (f->ws, &status, &err, "person", "list", "--bogus");
  g_assert_cmpint (status, ==, 2);
  assert_one_line_error (err, NULL);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);

  out = RUN (NULL, &status, &err, "--help");
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "audit verify"));
}

static void
test_missing_workspace (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  int status;

  out = RUN (f->ws, &status, &err, "person", "list");
  g_assert_cmpint (status, ==, 1);
  assert_one_line_error (err, "not a Flightdeck workspace");
}

static void
test_init (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  int status;

  out = RUN (f->ws, &status, &err, "init", "--name", "Test");
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_str_has_prefix (out, f->ws));
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);

  out = RUN (f->ws, &status, &err, "init");
  g_assert_cmpint (status, ==, 1);
  assert_one_line_error (err, "already a Flightdeck workspace");
}

static void
test_people_and_owners (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(JsonNode) people = NULL;
  g_autoptr(JsonNode) owners = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  JsonArray *array;
  JsonObject *launch;
  int status;

  init_workspace (f);

  out = RUN (f->ws, &status, &err, "person", "add", "--name", "Maya Lindqvist",
             "--email", "maya@example.com", "--role", "creative-director");
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, "1\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = RUN (f->ws, &status, &err, "person", "add", "--name", "Dana Whitfield",
             "--email", "dana@example.com", "--role", "Media buyer");
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  out = RUN (f->ws, &status, &err, "person", "add", "--name", "X", "--email", "nope",
             "--role", "legal");
  g_assert_cmpint (status, ==, 1);
  assert_one_line_error (err, "not an email address");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  out = RUN (f->ws, &status, &err, "person", "add", "--name", "X");
  g_assert_cmpint (status, ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  out = RUN (f->ws, &status, &err, "person", "list", "--json");
  g_assert_cmpint (status, ==, 0);
  people = json_from_string (out, NULL);
  array = json_node_get_array (people);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "role"),
                   ==, "media-buyer");
  g_clear_pointer (&out, g_free);

  g_clear_pointer (&err, g_free);
  out = RUN (f->ws, &status, &err, "owner", "set", "launch", "dana@example.com", "--backup", "Maya");
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&out, g_free);

  g_clear_pointer (&err, g_free);
  out = RUN (f->ws, &status, &err, "owner", "set", "takeoff", "dana@example.com");
  g_assert_cmpint (status, ==, 1);
  assert_one_line_error (err, "not a stage transition");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  out = RUN (f->ws, &status, &err, "owner", "list", "--json");
  g_assert_cmpint (status, ==, 0);
  owners = json_from_string (out, NULL);
  array = json_node_get_array (owners);
  launch = NULL;
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (array, i), "transition"), "launch"))
      launch = json_array_get_object_element (array, i);
  g_assert_nonnull (launch);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (launch, "owner"), "name"),
                   ==, "Dana Whitfield");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (launch, "backup"), "name"),
                   ==, "Maya Lindqvist");
}

static void
test_acting_person (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(JsonNode) log = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  JsonArray *events;
  int status;

  init_workspace (f);
  g_free (RUN (f->ws, &status, NULL, "person", "add", "--name", "Maya Lindqvist",
               "--email", "maya@example.com", "--role", "creative-director"));

  /* --as is global: it may follow the command. */
  out = RUN (f->ws, &status, &err, "person", "add", "--name", "Leo Martins",
             "--email", "leo@example.com", "--role", "account-lead", "--as", "maya");
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&out, g_free);

  g_clear_pointer (&err, g_free);
  out = RUN (f->ws, &status, &err, "person", "list", "--as", "nobody");
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&out, g_free);

  g_clear_pointer (&err, g_free);
  out = RUN (f->ws, &status, &err, "person", "deactivate", "leo", "--as", "nobody");
  g_assert_cmpint (status, ==, 1);
  assert_one_line_error (err, "Nobody on the roster matches");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  out = RUN (f->ws, &status, &err, "audit", "log", "--json", "--entity", "person:2");
  g_assert_cmpint (status, ==, 0);
  log = json_from_string (out, NULL);
  events = json_node_get_array (log);
  g_assert_cmpuint (json_array_get_length (events), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (events, 0), "actor"),
                   ==, "person:1");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (events, 0), "actor_name"),
                   ==, "Maya Lindqvist");
}

static void
test_audit_verify (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(JsonNode) report = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  g_autofree char *db = NULL;
  sqlite3 *handle = NULL;
  int status;

  init_workspace (f);
  g_free (RUN (f->ws, &status, NULL, "person", "add", "--name", "Maya Lindqvist",
               "--email", "maya@example.com", "--role", "creative-director"));
  g_free (RUN (f->ws, &status, NULL, "person", "add", "--name", "Leo Martins",
               "--email", "leo@example.com", "--role", "account-lead"));

  out = RUN (f->ws, &status, &err, "audit", "verify");
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "verifies: 3 events"));
  g_clear_pointer (&out, g_free);

  db = g_build_filename (f->ws, "flightdeck.db", NULL);
  g_assert_cmpint (sqlite3_open (db, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle,
                                 "DROP TRIGGER audit_event_no_update;"
                                 "UPDATE audit_event SET after_json = replace (after_json, 'Maya', 'Mallory') "
                                 "WHERE seq = 2", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);

  g_clear_pointer (&err, g_free);
  out = RUN (f->ws, &status, &err, "audit", "verify", "--json");
  g_assert_cmpint (status, ==, 1);
  assert_one_line_error (err, "first broken event is 2");
  report = json_from_string (out, NULL);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (report), "ok"));
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (report), "first_broken_seq"), ==, 2);
}

/* The number of events in the audit log, as `audit verify --json` says. */
static gint64
count_events (Fixture *f)
{
  g_autoptr(JsonNode) report = NULL;
  g_autofree char *out = NULL;
  int status;

  out = RUN (f->ws, &status, NULL, "audit", "verify", "--json");
  g_assert_cmpint (status, ==, 0);
  report = json_from_string (out, NULL);
  return json_object_get_int_member (json_node_get_object (report), "events");
}

static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  gint64 events_before;
  int status;

  out = RUN (f->ws, &status, &err, "demo");
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "People:      8"));
  g_assert_nonnull (strstr (out, "chain verified"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Someone exploring the demo names another launch owner … */
  out = RUN (f->ws, &status, &err, "owner", "set", "launch", "maya@northwind.example");
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&out, g_free);

  /* … and a second run refreshes without duplicating anything, without
   * undoing that choice, and without writing to the log. */
  events_before = count_events (f);
  out = RUN (f->ws, &status, &err, "demo");
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "People:      8"));
  g_assert_nonnull (strstr (out, "Briefs:      3"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (count_events (f), ==, events_before);

  out = RUN (f->ws, &status, &err, "owner", "list");
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_regex_match_simple ("^launch +Maya Lindqvist$", out, G_REGEX_MULTILINE, 0));
  g_clear_pointer (&out, g_free);
}

static void
test_demo_refuses_real_workspace (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  int status;

  init_workspace (f);
  out = RUN (f->ws, &status, &err, "demo", "--reset");
  g_assert_cmpint (status, ==, 1);
  assert_one_line_error (err, "not the demo");
  g_assert_true (g_file_test (f->ws, G_FILE_TEST_IS_DIR));
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

  /* The CLI must not pick up a workspace from the developer's shell. */
  g_unsetenv ("FLIGHTDECK_WORKSPACE");

  add ("/cli/usage-errors", test_usage_errors);
  add ("/cli/missing-workspace", test_missing_workspace);
  add ("/cli/init", test_init);
  add ("/cli/people-and-owners", test_people_and_owners);
  add ("/cli/acting-person", test_acting_person);
  add ("/cli/audit-verify", test_audit_verify);
  add ("/cli/demo", test_demo);
  add ("/cli/demo-refuses-real-workspace", test_demo_refuses_real_workspace);

  return g_test_run ();
}
