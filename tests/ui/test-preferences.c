/* test-preferences.c: roster and ownership edits from the UI land in the
 * store with their audit events
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fd-audit-log.h"
#include "fd-ownership.h"
#include "fd-person-button.h"
#include "fd-person-dialog.h"
#include "fd-preferences-window.h"
#include "fd-roster.h"
#include "fd-test-util.h"
#include "fd-ui-models.h"
#include "fd-ui-test.h"
#include "fd-window-private.h"

typedef struct
{
  char                *dir;
  char                *path;
  FdApplication       *app;
  FdWindow            *window;
  FdPreferencesWindow *prefs;
  FdStore             *store;    /* a connection of the test's own */
  gint64               maya;
  gint64               grace;
  gint64               dana;
} Fixture;

static gint64
find_id (FdStore    *store,
         const char *email)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdPerson) person = fd_roster_find (store, email, &error);

  g_assert_no_error (error);
  return fd_person_get_id (person);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *db = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = fd_test_tmpdir_new ();
  f->path = fd_ui_test_make_workspace (f->dir, "Team test", TRUE);
  f->app = fd_ui_test_app_new ();
  f->window = fd_ui_test_open (f->app, f->path);

  db = g_build_filename (f->path, "flightdeck.db", NULL);
  f->store = fd_store_open (db, FD_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  f->maya = find_id (f->store, "maya@example.com");
  f->grace = find_id (f->store, "grace@example.com");
  f->dana = find_id (f->store, "dana@example.com");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  fd_ui_test_app_free (f->app);
  fd_test_tmpdir_free (f->dir);
  g_free (f->path);
}

static FdPreferencesWindow *
show_preferences (Fixture    *f,
                  const char *page)
{
  GListModel *people;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-preferences", "s", page));
  fd_ui_test_wait_for (fd_ui_test_find_window (FD_TYPE_PREFERENCES_WINDOW) != NULL);
  f->prefs = FD_PREFERENCES_WINDOW (fd_ui_test_find_window (FD_TYPE_PREFERENCES_WINDOW));
  g_assert_cmpstr (adw_preferences_window_get_visible_page_name (ADW_PREFERENCES_WINDOW (f->prefs)), ==, page);

  people = fd_preferences_window_get_people (f->prefs);
  fd_ui_test_wait_for (fd_query_model_get_loaded (FD_QUERY_MODEL (people)));
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 3);

  return f->prefs;
}

static FdPersonDialog *
wait_for_person_dialog (void)
{
  fd_ui_test_wait_for (fd_ui_test_find_window (FD_TYPE_PERSON_DIALOG) != NULL);
  return FD_PERSON_DIALOG (fd_ui_test_find_window (FD_TYPE_PERSON_DIALOG));
}

static FdAuditEvent *
last_event (Fixture    *f,
            const char *entity_type,
            const char *entity_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = fd_audit_log_list (f->store, entity_type, entity_id, 0, -1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (events->len, >, 0);
  return g_object_ref (g_ptr_array_index (events, events->len - 1));
}

static gint64
head_seq (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 seq = fd_audit_log_get_head_seq (f->store, &error);

  g_assert_no_error (error);
  return seq;
}

static gboolean
is_active (Fixture *f,
           gint64   person_id)
{
  g_autoptr(FdPerson) person = fd_roster_get (f->store, person_id, NULL);

  return fd_person_get_active (person);
}

static gint64
owner_of (Fixture    *f,
          const char *transition)
{
  g_autoptr(FdOwnershipEntry) entry = fd_ownership_get (f->store, transition, NULL);
  FdPerson *owner = fd_ownership_entry_get_owner (entry);

  return owner ? fd_person_get_id (owner) : 0;
}

static char *
actor_of (gint64 person_id)
{
  return g_strdup_printf ("person:%" G_GINT64_FORMAT, person_id);
}

/*
 * The team
 */

static void
test_add_person (Fixture       *f,
                 gconstpointer  data)
{
  FdPreferencesWindow *prefs = show_preferences (f, "team");
  GListModel *people = fd_preferences_window_get_people (prefs);
  g_autoptr(FdPerson) added = NULL;
  g_autoptr(FdPerson) listed = NULL;
  g_autoptr(FdAuditEvent) event = NULL;
  g_autofree char *id = NULL;
  g_autofree char *maya = actor_of (f->maya);
  FdPersonDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.add-person", NULL));
  dialog = wait_for_person_dialog ();
  g_object_set (dialog,
                "person-name", "  Ana Ruiz ",
                "email", "ana@example.com",
                "role", "copywriter",
                NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));

  /* The dialog closes when the write has landed … */
  fd_ui_test_wait_for (fd_ui_test_find_window (FD_TYPE_PERSON_DIALOG) == NULL);
  added = fd_roster_find (f->store, "ana@example.com", NULL);
  g_assert_nonnull (added);
  g_assert_cmpstr (fd_person_get_name (added), ==, "Ana Ruiz");
  g_assert_cmpstr (fd_person_get_role (added), ==, "copywriter");

  /* … recorded for the current person … */
  id = g_strdup_printf ("%" G_GINT64_FORMAT, fd_person_get_id (added));
  event = last_event (f, "person", id);
  g_assert_cmpstr (fd_audit_event_get_action (event), ==, "create");
  g_assert_cmpstr (fd_audit_event_get_actor (event), ==, maya);

  /* … and the Team page follows. */
  fd_ui_test_wait_for (g_list_model_get_n_items (people) == 4);
  listed = fd_roster_model_find (people, fd_person_get_id (added), NULL);
  g_assert_nonnull (listed);
}

static void
test_invalid_person (Fixture       *f,
                     gconstpointer  data)
{
  FdPreferencesWindow *prefs = show_preferences (f, "team");
  gint64 before = head_seq (f);
  FdPersonDialog *dialog;
  gboolean busy = TRUE;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.add-person", NULL));
  dialog = wait_for_person_dialog ();
  g_object_set (dialog,
                "person-name", "Ana Ruiz",
                "email", "ana at example",
                "role", "copywriter",
                NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));

  /* The core's message is shown in the dialog, which keeps what was typed. */
  fd_ui_test_wait_for (fd_person_dialog_get_error (dialog) != NULL);
  g_assert_nonnull (strstr (fd_person_dialog_get_error (dialog), "is not an email address"));
  g_object_get (dialog, "busy", &busy, NULL);
  g_assert_false (busy);
  g_assert_true (fd_ui_test_find_window (FD_TYPE_PERSON_DIALOG) == GTK_WINDOW (dialog));
  g_assert_true (fd_ui_test_label_contains (GTK_WIDGET (dialog), "is not an email address"));

  /* A taken address is refused too. */
  g_object_set (dialog, "email", "GRACE@example.com", NULL);
  g_assert_null (fd_person_dialog_get_error (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  fd_ui_test_wait_for (fd_person_dialog_get_error (dialog) != NULL);
  g_assert_nonnull (strstr (fd_person_dialog_get_error (dialog), "already on the roster"));

  g_assert_cmpint (head_seq (f), ==, before);
  g_assert_null (fd_roster_find (f->store, "Ana Ruiz", NULL));
}

static void
test_edit_person (Fixture       *f,
                  gconstpointer  data)
{
  FdPreferencesWindow *prefs = show_preferences (f, "team");
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, f->grace);
  g_autoptr(FdAuditEvent) event = NULL;
  g_autoptr(FdPerson) grace = NULL;
  g_autofree char *role = NULL;
  FdPersonDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.edit-person", "x", f->grace));
  dialog = wait_for_person_dialog ();
  g_object_get (dialog, "role", &role, NULL);
  g_assert_cmpstr (role, ==, "legal");
  g_object_set (dialog, "person-name", "Grace Okafor-Lane", NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  fd_ui_test_wait_for (fd_ui_test_find_window (FD_TYPE_PERSON_DIALOG) == NULL);

  grace = fd_roster_get (f->store, f->grace, NULL);
  g_assert_cmpstr (fd_person_get_name (grace), ==, "Grace Okafor-Lane");
  event = last_event (f, "person", id);
  g_assert_cmpstr (fd_audit_event_get_action (event), ==, "update");
  g_assert_nonnull (strstr (fd_audit_event_get_before_json (event), "Grace Okafor\""));
}

static void
test_deactivate_and_undo (Fixture       *f,
                          gconstpointer  data)
{
  FdPreferencesWindow *prefs = show_preferences (f, "team");
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, f->grace);
  FdPersonDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.edit-person", "x", f->grace));
  dialog = wait_for_person_dialog ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.toggle-active", NULL));
  fd_ui_test_wait_for (fd_ui_test_find_window (FD_TYPE_PERSON_DIALOG) == NULL);

  {
    g_autoptr(FdPerson) grace = fd_roster_get (f->store, f->grace, NULL);
    g_autoptr(FdAuditEvent) event = last_event (f, "person", id);

    g_assert_false (fd_person_get_active (grace));
    g_assert_cmpstr (fd_audit_event_get_action (event), ==, "deactivate");
  }

  /* The toast's Undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.set-active", "(xb)",
                                             f->grace, TRUE));
  fd_ui_test_wait_for (is_active (f, f->grace));
  {
    g_autoptr(FdAuditEvent) event = last_event (f, "person", id);

    g_assert_cmpstr (fd_audit_event_get_action (event), ==, "activate");
  }
}

/*
 * The current person
 */

static gint64
stored_current (Fixture *f)
{
  g_autoptr(FdPerson) current = fd_roster_get_current (f->store, NULL);

  return current ? fd_person_get_id (current) : 0;
}

static void
test_switch_person (Fixture       *f,
                    gconstpointer  data)
{
  FdPersonButton *button = f->window->person_button;
  g_autoptr(FdAuditEvent) event = NULL;
  g_autofree char *maya = actor_of (f->maya);

  fd_ui_test_wait_for (fd_person_button_get_current (button) != NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (button), "person.switch", "x", f->dana));
  fd_ui_test_wait_for (stored_current (f) == f->dana);

  event = last_event (f, "workspace", "current_person");
  g_assert_cmpstr (fd_audit_event_get_actor (event), ==, maya);

  /* The header follows the change it made. */
  fd_ui_test_wait_for (fd_person_get_id (fd_person_button_get_current (button)) == f->dana);
  g_assert_true (fd_ui_test_label_contains (GTK_WIDGET (button), "Dana"));

  /* Someone who left cannot be chosen; nothing changes. */
  g_assert_true (fd_roster_set_active (f->store, "system", f->grace, FALSE, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (button), "person.switch", "x", f->grace));
  for (guint i = 0; i < 20; i++)
    fd_ui_test_iterate ();
  g_assert_cmpint (stored_current (f), ==, f->dana);
}

/*
 * The ownership matrix
 */

static FdOwnershipRow *
ownership_row (Fixture    *f,
               const char *transition)
{
  FdOwnershipPage *page;

  show_preferences (f, "ownership");
  page = fd_preferences_window_get_ownership_page (f->prefs);
  fd_ui_test_wait_for (fd_ownership_page_get_loaded (page));

  return fd_ownership_page_get_row (page, transition);
}

static void
test_assign_owner (Fixture       *f,
                   gconstpointer  data)
{
  FdOwnershipRow *row = ownership_row (f, "creative.approve.video");
  g_autoptr(FdOwnershipEntry) entry = NULL;
  g_autoptr(FdAuditEvent) event = NULL;
  g_autofree char *maya = actor_of (f->maya);

  g_assert_nonnull (row);
  g_assert_null (fd_ownership_entry_get_owner (fd_ownership_row_get_entry (row)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "ownership.assign", "(xx)",
                                             f->maya, f->grace));
  fd_ui_test_wait_for (owner_of (f, "creative.approve.video") != 0);

  entry = fd_ownership_get (f->store, "creative.approve.video", NULL);
  g_assert_cmpint (fd_person_get_id (fd_ownership_entry_get_owner (entry)), ==, f->maya);
  g_assert_cmpint (fd_person_get_id (fd_ownership_entry_get_backup (entry)), ==, f->grace);

  event = last_event (f, "ownership", "creative.approve.video");
  g_assert_cmpstr (fd_audit_event_get_action (event), ==, "create");
  g_assert_cmpstr (fd_audit_event_get_actor (event), ==, maya);

  /* The row shows what was stored. */
  fd_ui_test_wait_for (fd_ownership_entry_get_owner (fd_ownership_row_get_entry (row)) != NULL);
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "Grace Okafor"));

  /* Nobody: the transition is cleared. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "ownership.assign", "(xx)",
                                             (gint64)0, (gint64)0));
  fd_ui_test_wait_for (owner_of (f, "creative.approve.video") == 0);
  g_clear_object (&event);
  event = last_event (f, "ownership", "creative.approve.video");
  g_assert_cmpstr (fd_audit_event_get_action (event), ==, "delete");
}

static void
test_assign_refused (Fixture       *f,
                     gconstpointer  data)
{
  FdOwnershipRow *row = ownership_row (f, "launch");
  g_autoptr(FdOwnershipEntry) entry = NULL;
  gint64 before;

  /* Grace left, behind the window's back (another process, say). */
  g_assert_true (fd_roster_set_active (f->store, "system", f->grace, FALSE, NULL));
  before = head_seq (f);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "ownership.assign", "(xx)",
                                             f->grace, (gint64)0));
  for (guint i = 0; i < 20; i++)
    fd_ui_test_iterate ();

  /* The core refused; the row still shows the stored owner. */
  g_assert_cmpint (head_seq (f), ==, before);
  entry = fd_ownership_get (f->store, "launch", NULL);
  g_assert_cmpint (fd_person_get_id (fd_ownership_entry_get_owner (entry)), ==, f->dana);
  g_assert_cmpint (fd_person_get_id (fd_ownership_entry_get_owner (fd_ownership_row_get_entry (row))),
                   ==, f->dana);
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

  add ("/ui/preferences/add-person", test_add_person);
  add ("/ui/preferences/invalid-person", test_invalid_person);
  add ("/ui/preferences/edit-person", test_edit_person);
  add ("/ui/preferences/deactivate-and-undo", test_deactivate_and_undo);
  add ("/ui/preferences/switch-person", test_switch_person);
  add ("/ui/preferences/assign-owner", test_assign_owner);
  add ("/ui/preferences/assign-refused", test_assign_refused);

  return g_test_run ();
}
