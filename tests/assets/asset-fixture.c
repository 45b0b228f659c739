/* asset-fixture.c: a workspace with a team and reviewer policies
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "asset-fixture.h"
#include "fd-brief.h"
#include "fd-roster.h"
#include "fd-test-util.h"

static gint64
add_person (AssetFixture *f,
            const char   *name,
            const char   *email,
            const char   *role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdPerson) person = fd_roster_add (f->store, "system", name, email, role, &error);

  g_assert_no_error (error);
  return fd_person_get_id (person);
}

static void
set_policy (AssetFixture *f,
            FdAssetKind   kind,
            gint64        required_a,
            gint64        required_b,
            gint64        optional)
{
  g_autoptr(GError) error = NULL;
  gint64 required[] = { required_a, required_b };

  fd_reviewer_policy_set (f->store, f->maya, kind, required, required_b ? 2 : 1,
                          &optional, optional ? 1 : 0, &error);
  g_assert_no_error (error);
}

void
asset_fixture_set_up (AssetFixture  *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdBrief) brief = NULL;

  f->dir = fd_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "ws", NULL);
  f->ws = fd_workspace_create (f->path, "Assets", &error);
  g_assert_no_error (error);
  f->store = fd_workspace_get_store (f->ws);

  f->maya = add_person (f, "Maya Lindqvist", "maya@example.com", "creative-director");
  f->grace = add_person (f, "Grace Okafor", "grace@example.com", "legal");
  f->priya = add_person (f, "Priya Nair", "priya@example.com", "copy-lead");
  f->jonah = add_person (f, "Jonah Weiss", "jonah@example.com", "copywriter");
  f->tomas = add_person (f, "Tomás Reyes", "tomas@example.com", "designer");
  f->aiko = add_person (f, "Aiko Tanaka", "aiko@example.com", "video-editor");
  f->dana = add_person (f, "Dana Whitfield", "dana@example.com", "media-buyer");

  set_policy (f, FD_ASSET_KIND_VIDEO, f->maya, f->grace, f->dana);
  set_policy (f, FD_ASSET_KIND_IMAGE, f->maya, 0, 0);
  set_policy (f, FD_ASSET_KIND_HEADLINE, f->priya, f->grace, f->maya);
  set_policy (f, FD_ASSET_KIND_PRIMARY_TEXT, f->priya, f->grace, 0);
  set_policy (f, FD_ASSET_KIND_SCRIPT, f->priya, 0, 0);

  brief = fd_brief_create (f->store, "system", "Ridgeline spring launch", "OUTCOME_SALES",
                           "Hikers 25–34", "Grip on wet rock", "feed,stories", 0, 0, &error);
  g_assert_no_error (error);
  f->brief = fd_brief_get_id (brief);
}

void
asset_fixture_tear_down (AssetFixture  *f,
                         gconstpointer  data)
{
  g_clear_object (&f->ws);
  fd_test_tmpdir_free (f->dir);
  g_free (f->path);
}

/* A headline by Jonah, in Draft with version 1. */
gint64
asset_fixture_headline (AssetFixture *f,
                        const char   *name,
                        const char   *text)
{
  g_autoptr(GError) error = NULL;
  gint64 id = fd_asset_create (f->store, f->jonah, FD_ASSET_KIND_HEADLINE, name, f->brief, 0,
                               text, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

FdAssetState
asset_fixture_state (AssetFixture *f,
                     gint64        asset_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdAsset) asset = fd_asset_get (f->store, asset_id, &error);

  g_assert_no_error (error);
  return fd_asset_get_state (asset);
}

gint64
asset_fixture_head_seq (AssetFixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 seq = fd_audit_log_get_head_seq (f->store, &error);

  g_assert_no_error (error);
  return seq;
}

/* Edits the database behind Flightdeck's back, as another program would. */
void
asset_fixture_tamper (AssetFixture *f,
                      const char   *sql)
{
  g_autofree char *db_path = g_build_filename (f->path, "flightdeck.db", NULL);
  sqlite3 *db = NULL;
  char *errmsg = NULL;

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &errmsg) != SQLITE_OK)
    g_error ("%s", errmsg);
  sqlite3_close (db);
}

/* Every refusal of the workflow is NOT_ALLOWED and says why. */
void
asset_assert_refused (GError     *error,
                      const char *fragment)
{
  g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_ALLOWED);
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not say “%s”", error->message, fragment);
}

void
asset_fixture_spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
time_out (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done says so, or ten seconds pass. */
gboolean
asset_fixture_wait (gboolean (*done) (gpointer),
                    gpointer   data)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add_seconds (10, time_out, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (source);

  return !timed_out;
}
