/* test-models.c: the query models the views bind to
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fd-ownership.h"
#include "fd-roster.h"
#include "fd-test-util.h"
#include "fd-ui-models.h"
#include "fd-ui-test.h"

typedef struct
{
  char        *dir;
  FdWorkspace *workspace;
  GArray      *changes;   /* guint triples: position, removed, added */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = fd_test_tmpdir_new ();
  path = fd_ui_test_make_workspace (f->dir, "Models", TRUE);
  f->workspace = fd_workspace_open (path, &error);
  g_assert_no_error (error);
  f->changes = g_array_new (FALSE, FALSE, sizeof (guint));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->workspace);
  g_array_unref (f->changes);
  fd_test_tmpdir_free (f->dir);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *f)
{
  g_array_append_val (f->changes, position);
  g_array_append_val (f->changes, removed);
  g_array_append_val (f->changes, added);
}

static void
assert_change (Fixture *f,
               guint    position,
               guint    removed,
               guint    added)
{
  g_assert_cmpuint (f->changes->len, ==, 3);
  g_assert_cmpuint (g_array_index (f->changes, guint, 0), ==, position);
  g_assert_cmpuint (g_array_index (f->changes, guint, 1), ==, removed);
  g_assert_cmpuint (g_array_index (f->changes, guint, 2), ==, added);
  g_array_set_size (f->changes, 0);
}

static gboolean
add_person (FdStore     *store,
            const char  *name,
            const char  *email)
{
  g_autoptr(FdPerson) person = fd_roster_add (store, "system", name, email, "designer", NULL);

  return person != NULL;
}

static void
test_roster_follows_changes (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(FdQueryModel) model = fd_roster_model_new (FALSE);
  FdStore *store = fd_workspace_get_store (f->workspace);
  g_autoptr(FdPerson) first = NULL;
  g_autoptr(FdPerson) kept = NULL;
  g_autoptr(FdPerson) grace = NULL;

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), f);
  fd_query_model_set_workspace (model, f->workspace);
  fd_ui_test_wait_for (fd_query_model_get_loaded (model));
  assert_change (f, 0, 0, 3);   /* Dana, Grace, Maya: by name */

  first = g_list_model_get_item (G_LIST_MODEL (model), 0);

  /* One more person, in the middle by name: only that position changes,
   * and the items before it are the same objects. */
  g_assert_true (add_person (store, "Ezra Pound", "ezra@example.com"));
  fd_ui_test_wait_for (f->changes->len > 0);
  assert_change (f, 1, 0, 1);
  kept = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_true (kept == first);

  /* Someone leaving removes just them from the active roster. */
  grace = fd_roster_find (store, "grace@example.com", NULL);
  g_assert_true (fd_roster_set_active (store, "system", fd_person_get_id (grace), FALSE, NULL));
  fd_ui_test_wait_for (f->changes->len > 0);
  assert_change (f, 2, 1, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);

  /* A workspace change empties the model and loads the other. */
  fd_query_model_set_workspace (model, NULL);
  assert_change (f, 0, 3, 0);
  g_assert_false (fd_query_model_get_loaded (model));
}

static void
test_current_person (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(FdQueryModel) model = fd_current_person_model_new ();
  FdStore *store = fd_workspace_get_store (f->workspace);
  g_autoptr(FdPerson) dana = fd_roster_find (store, "dana@example.com", NULL);
  g_autoptr(FdPerson) current = NULL;

  fd_query_model_set_workspace (model, f->workspace);
  fd_ui_test_wait_for (fd_query_model_get_loaded (model));
  current = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpstr (fd_person_get_name (current), ==, "Maya Lindqvist");

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), f);
  g_assert_true (fd_roster_set_current (store, "system", fd_person_get_id (dana), NULL));
  fd_ui_test_wait_for (f->changes->len > 0);
  assert_change (f, 0, 1, 1);
  g_clear_object (&current);
  current = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpstr (fd_person_get_name (current), ==, "Dana Whitfield");
}

static void
test_ownership_model (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(FdQueryModel) model = fd_ownership_model_new ();
  g_autoptr(FdOwnershipEntry) launch = NULL;
  guint n;

  fd_query_model_set_workspace (model, f->workspace);
  fd_ui_test_wait_for (fd_query_model_get_loaded (model));

  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, ==, g_strv_length ((char **)fd_ownership_get_transitions ()));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FdOwnershipEntry) entry = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (g_str_equal (fd_ownership_entry_get_transition (entry), "launch"))
        launch = g_object_ref (entry);
    }

  g_assert_nonnull (launch);
  g_assert_cmpstr (fd_person_get_name (fd_ownership_entry_get_owner (launch)), ==, "Dana Whitfield");
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
  fd_ui_test_init (&argc, &argv);

  add ("/ui/models/roster-follows-changes", test_roster_follows_changes);
  add ("/ui/models/current-person", test_current_person);
  add ("/ui/models/ownership", test_ownership_model);

  return g_test_run ();
}
