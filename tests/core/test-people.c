/* test-people.c: the roster, the current person and the ownership matrix
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fd-core-error.h"
#include "fd-ownership.h"
#include "fd-role.h"
#include "fd-roster.h"
#include "fd-test-util.h"

typedef struct
{
  char    *dir;
  FdStore *store;
  gint64   maya;
  gint64   grace;
  gint64   dana;
} Fixture;

static gint64
add_person (FdStore    *store,
            const char *name,
            const char *email,
            const char *role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdPerson) person = fd_roster_add (store, "system", name, email, role, &error);

  g_assert_no_error (error);
  return fd_person_get_id (person);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;

  f->dir = fd_test_tmpdir_new ();
  db = g_build_filename (f->dir, "flightdeck.db", NULL);
  f->store = fd_store_open (db, FD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  f->maya = add_person (f->store, "Maya Lindqvist", "maya@example.com", "creative-director");
  f->grace = add_person (f->store, "Grace Okafor", "grace@example.com", "Legal");
  f->dana = add_person (f->store, "Dana Whitfield", "dana@example.com", "media buyer");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  fd_test_tmpdir_free (f->dir);
}

static void
test_roles (void)
{
  g_autofree char *a = fd_role_normalize ("Account lead");
  g_autofree char *b = fd_role_normalize (" account_lead ");
  g_autofree char *c = fd_role_normalize ("astronaut");

  g_assert_cmpstr (a, ==, "account-lead");
  g_assert_cmpstr (b, ==, "account-lead");
  g_assert_null (c);
  g_assert_true (fd_role_is_valid ("legal"));
  g_assert_cmpstr (fd_role_get_display_name ("media-buyer"), ==, "Media buyer");
}

static void
test_add_normalizes (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdPerson) grace = fd_roster_get (f->store, f->grace, &error);
  g_autoptr(FdPerson) dana = fd_roster_get (f->store, f->dana, &error);

  g_assert_cmpstr (fd_person_get_role (grace), ==, "legal");
  g_assert_cmpstr (fd_person_get_role (dana), ==, "media-buyer");
  g_assert_true (fd_person_get_active (dana));
}

static void
test_add_rejects (Fixture       *f,
                  gconstpointer  data)
{
  struct { const char *name, *email, *role; FdCoreError code; } cases[] = {
    { "  ",  "x@example.com", "legal", FD_CORE_ERROR_INVALID },
    { "X",   "not-an-email",  "legal", FD_CORE_ERROR_INVALID },
    { "X",   "a@b",           "legal", FD_CORE_ERROR_INVALID },
    { "X",   "x@example.com", "pilot", FD_CORE_ERROR_INVALID },
    { "X",   "MAYA@example.com", "legal", FD_CORE_ERROR_EXISTS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FdPerson) person = fd_roster_add (f->store, "system", cases[i].name,
                                                  cases[i].email, cases[i].role, &error);

      g_assert_null (person);
      g_assert_error (error, FD_CORE_ERROR, (int)cases[i].code);
    }
}

static void
test_find (Fixture       *f,
           gconstpointer  data)
{
  const char *queries[] = { "2", "person:2", "grace@example.com", "GRACE@EXAMPLE.COM",
                            "Grace Okafor", "grace" };
  g_autoptr(GError) error = NULL;
  g_autoptr(FdPerson) none = NULL;
  g_autoptr(FdPerson) ambiguous = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(FdPerson) person = fd_roster_find (f->store, queries[i], &error);

      g_assert_no_error (error);
      g_assert_cmpint (fd_person_get_id (person), ==, f->grace);
    }

  none = fd_roster_find (f->store, "nobody", &error);
  g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  add_person (f->store, "Dana Park", "park@example.com", "designer");
  ambiguous = fd_roster_find (f->store, "dana", &error);
  g_assert_null (ambiguous);
  g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID);
}

static void
test_update_and_deactivate (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) active = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(FdPerson) updated = NULL;

  g_assert_true (fd_roster_update (f->store, "system", f->dana, "Dana W.", "dana@example.com",
                                   "account-lead", &error));
  g_assert_false (fd_roster_update (f->store, "system", f->dana, "Dana W.", "maya@example.com",
                                    "account-lead", &error));
  g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (fd_roster_update (f->store, "system", 999, "X", "x@example.com",
                                    "legal", &error));
  g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  updated = fd_roster_get (f->store, f->dana, &error);
  g_assert_cmpstr (fd_person_get_name (updated), ==, "Dana W.");
  g_assert_cmpstr (fd_person_get_role (updated), ==, "account-lead");

  g_assert_true (fd_roster_set_active (f->store, "system", f->dana, FALSE, &error));
  active = fd_roster_list (f->store, FALSE, &error);
  all = fd_roster_list (f->store, TRUE, &error);
  g_assert_cmpuint (active->len, ==, 2);
  g_assert_cmpuint (all->len, ==, 3);
}

static void
test_current_person (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdPerson) none = fd_roster_get_current (f->store, &error);
  g_autoptr(FdPerson) current = NULL;

  g_assert_no_error (error);
  g_assert_null (none);

  g_assert_true (fd_roster_set_current (f->store, "system", f->maya, &error));
  current = fd_roster_get_current (f->store, &error);
  g_assert_cmpint (fd_person_get_id (current), ==, f->maya);

  g_assert_true (fd_roster_set_active (f->store, "system", f->grace, FALSE, &error));
  g_assert_false (fd_roster_set_current (f->store, "system", f->grace, &error));
  g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_ALLOWED);
}

static void
test_ownership_matrix (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(FdOwnershipEntry) launch = NULL;
  guint owned = 0;

  g_assert_true (fd_ownership_set (f->store, "system", "launch", f->dana, f->maya, &error));
  g_assert_true (fd_ownership_set (f->store, "system", "creative.approve.video", f->maya, 0, &error));
  g_assert_no_error (error);

  launch = fd_ownership_get (f->store, "launch", &error);
  g_assert_cmpint (fd_person_get_id (fd_ownership_entry_get_owner (launch)), ==, f->dana);
  g_assert_cmpint (fd_person_get_id (fd_ownership_entry_get_backup (launch)), ==, f->maya);
  g_assert_cmpstr (fd_ownership_entry_get_title (launch), ==, "Launch sign-off");

  entries = fd_ownership_list (f->store, &error);
  g_assert_cmpuint (entries->len, ==, g_strv_length ((char **)fd_ownership_get_transitions ()));
  for (guint i = 0; i < entries->len; i++)
    if (fd_ownership_entry_get_owner (g_ptr_array_index (entries, i)))
      owned++;
  g_assert_cmpuint (owned, ==, 2);

  /* Re-assigning updates in place. */
  g_assert_true (fd_ownership_set (f->store, "system", "launch", f->grace, 0, &error));
  g_clear_object (&launch);
  launch = fd_ownership_get (f->store, "launch", &error);
  g_assert_cmpint (fd_person_get_id (fd_ownership_entry_get_owner (launch)), ==, f->grace);
  g_assert_null (fd_ownership_entry_get_backup (launch));

  g_assert_true (fd_ownership_clear (f->store, "system", "launch", &error));
  g_clear_object (&launch);
  launch = fd_ownership_get (f->store, "launch", &error);
  g_assert_null (fd_ownership_entry_get_owner (launch));
}

static void
test_ownership_rejects (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (fd_ownership_set (f->store, "system", "launch.rocket", f->dana, 0, &error));
  g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (fd_ownership_set (f->store, "system", "launch", f->dana, f->dana, &error));
  g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (fd_ownership_set (f->store, "system", "launch", 999, 0, &error));
  g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (fd_roster_set_active (f->store, "system", f->grace, FALSE, &error));
  g_assert_false (fd_ownership_set (f->store, "system", "launch", f->grace, 0, &error));
  g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_ALLOWED);
}

static void
test_may_act (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (fd_ownership_may_act (f->store, "launch", f->dana, &error));
  g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (error->message, "Nobody owns"));
  g_clear_error (&error);

  g_assert_true (fd_ownership_set (f->store, "system", "launch", f->dana, f->maya, &error));
  g_assert_true (fd_ownership_may_act (f->store, "launch", f->dana, &error));
  g_assert_true (fd_ownership_may_act (f->store, "launch", f->maya, &error));
  g_assert_false (fd_ownership_may_act (f->store, "launch", f->grace, &error));
  g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (error->message, "Dana Whitfield"));
  g_assert_nonnull (strstr (error->message, "Maya Lindqvist"));
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

  g_test_add_func ("/people/roles", test_roles);
  add ("/people/add-normalizes", test_add_normalizes);
  add ("/people/add-rejects", test_add_rejects);
  add ("/people/find", test_find);
  add ("/people/update-and-deactivate", test_update_and_deactivate);
  add ("/people/current-person", test_current_person);
  add ("/ownership/matrix", test_ownership_matrix);
  add ("/ownership/rejects", test_ownership_rejects);
  add ("/ownership/may-act", test_may_act);

  return g_test_run ();
}
