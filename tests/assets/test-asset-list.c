/* test-asset-list.c: the board's model (loading, following changes
 * precisely) and its filter
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "asset-fixture.h"
#include "fd-asset-filter.h"
#include "fd-asset-list.h"
#include "fd-roster.h"

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

typedef struct
{
  FdAssetList *list;
  GArray      *changes;
} Recorder;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Recorder   *recorder)
{
  Change change = { position, removed, added };

  g_array_append_val (recorder->changes, change);
}

static gboolean
is_loaded (gpointer data)
{
  FdAssetList *list = data;

  return fd_asset_list_is_loaded (list) && !fd_asset_list_is_loading (list);
}

static gboolean
has_changes (gpointer data)
{
  Recorder *recorder = data;

  return recorder->changes->len > 0 && !fd_asset_list_is_loading (recorder->list);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static gboolean
stop (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets pending refreshes run, and whatever they start. */
static void
settle (FdAssetList *list)
{
  gboolean done = FALSE;

  g_timeout_add (150, stop, &done);
  while (!done || fd_asset_list_is_loading (list))
    g_main_context_iteration (NULL, TRUE);
}

static FdAssetList *
load (AssetFixture *f,
      Recorder     *recorder)
{
  FdAssetList *list = fd_asset_list_new (f->ws);

  g_assert_true (asset_fixture_wait (is_loaded, list));
  g_assert_null (fd_asset_list_get_error (list));

  if (recorder != NULL)
    {
      recorder->list = list;
      recorder->changes = g_array_new (FALSE, FALSE, sizeof (Change));
      g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), recorder);
    }

  return list;
}

/* The model holds what a fresh read holds, in the same order. */
static void
assert_matches_store (AssetFixture *f,
                      FdAssetList  *list)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) fresh = fd_asset_list_all (f->store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, fresh->len);

  for (guint i = 0; i < fresh->len; i++)
    {
      g_autoptr(FdAsset) asset = g_list_model_get_item (G_LIST_MODEL (list), i);
      FdAsset *expected = g_ptr_array_index (fresh, i);

      g_assert_cmpint (fd_asset_get_id (asset), ==, fd_asset_get_id (expected));
      g_assert_cmpint (fd_asset_get_state (asset), ==, fd_asset_get_state (expected));
      g_assert_cmpint (fd_asset_get_version (asset), ==, fd_asset_get_version (expected));
      g_assert_cmpstr (fd_asset_get_name (asset), ==, fd_asset_get_name (expected));
      g_assert_cmpuint (fd_asset_get_n_approved (asset), ==, fd_asset_get_n_approved (expected));
      g_assert_cmpuint (fd_asset_get_reviewers (asset)->len, ==, fd_asset_get_reviewers (expected)->len);
    }
}

static gint64
submitted_headline (AssetFixture *f,
                    const char   *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = asset_fixture_headline (f, name, name);

  fd_asset_transition (f->store, f->jonah, id, FD_ASSET_STATE_IN_REVIEW, NULL, &error);
  g_assert_no_error (error);
  return id;
}

static void
test_load (AssetFixture  *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdAssetList) list = NULL;
  g_autoptr(FdAsset) card = NULL;
  gint64 draft = asset_fixture_headline (f, "Draft", "Wet rock");
  gint64 review = submitted_headline (f, "In review");
  FdAssetChanges changes = { FD_ASSET_CHANGE_CAMPAIGN, NULL, 0, "Spring launch", 0, 0 };

  fd_asset_review (f->store, f->grace, review, FD_REVIEW_DECISION_APPROVED, NULL, NULL, &error);
  g_assert_no_error (error);
  fd_asset_update (f->store, f->dana, review, &changes, &error);
  g_assert_no_error (error);

  list = load (f, NULL);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == FD_TYPE_ASSET);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 2));

  card = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_cmpint (fd_asset_get_id (card), ==, review);
  g_assert_cmpint (fd_asset_get_kind (card), ==, FD_ASSET_KIND_HEADLINE);
  g_assert_cmpint (fd_asset_get_state (card), ==, FD_ASSET_STATE_IN_REVIEW);
  g_assert_cmpint (fd_asset_get_version (card), ==, 1);
  g_assert_cmpstr (fd_asset_get_preview (card), ==, "In review");
  g_assert_cmpstr (fd_asset_get_brief_title (card), ==, "Ridgeline spring launch");
  g_assert_cmpstr (fd_asset_get_campaign (card), ==, "Spring launch");
  g_assert_cmpint (fd_asset_get_created_by (card), ==, f->jonah);
  g_assert_null (fd_asset_dup_thumbnail_path (card));
  g_assert_cmpuint (fd_asset_get_n_required (card), ==, 2);
  g_assert_cmpuint (fd_asset_get_n_approved (card), ==, 1);
  g_assert_true (fd_asset_is_waiting_for (card, f->priya));
  g_assert_false (fd_asset_is_waiting_for (card, f->grace));
  g_assert_true (fd_asset_list_find (list, draft, NULL) != NULL);
  assert_matches_store (f, list);
}

static void
test_one_asset_changes (AssetFixture  *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdAssetList) list = NULL;
  Recorder recorder = { 0 };
  gint64 ids[4];
  FdAsset *before;
  guint notified = 0;
  guint position;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    ids[i] = submitted_headline (f, "Headline");

  list = load (f, &recorder);
  before = fd_asset_list_find (list, ids[2], &position);
  g_assert_cmpuint (position, ==, 2);
  g_signal_connect (before, "notify::state", G_CALLBACK (count_notify), &notified);

  /* Both required approvals: one asset changes, in place. */
  fd_asset_review (f->store, f->priya, ids[2], FD_REVIEW_DECISION_APPROVED, NULL, NULL, &error);
  fd_asset_review (f->store, f->grace, ids[2], FD_REVIEW_DECISION_APPROVED, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (asset_fixture_wait (has_changes, &recorder));
  settle (list);

  g_assert_cmpuint (recorder.changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (recorder.changes, Change, 0).position, ==, 2);
  g_assert_cmpuint (g_array_index (recorder.changes, Change, 0).removed, ==, 1);
  g_assert_cmpuint (g_array_index (recorder.changes, Change, 0).added, ==, 1);
  g_assert_true (fd_asset_list_find (list, ids[2], NULL) == before);
  g_assert_cmpint (fd_asset_get_state (before), ==, FD_ASSET_STATE_APPROVED);
  g_assert_cmpuint (notified, ==, 1);
  assert_matches_store (f, list);

  /* A decision that changes no state still changes the card's dots. */
  g_array_set_size (recorder.changes, 0);
  fd_asset_review (f->store, f->grace, ids[0], FD_REVIEW_DECISION_APPROVED, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (asset_fixture_wait (has_changes, &recorder));
  settle (list);
  g_assert_cmpuint (recorder.changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (recorder.changes, Change, 0).position, ==, 0);
  g_assert_cmpuint (fd_asset_get_n_approved (fd_asset_list_find (list, ids[0], NULL)), ==, 1);

  /* A comment changes nothing a card shows: no signal. */
  g_array_set_size (recorder.changes, 0);
  fd_asset_review (f->store, f->dana, ids[1], FD_REVIEW_DECISION_COMMENT, "Nice", NULL, &error);
  g_assert_no_error (error);
  settle (list);
  g_assert_cmpuint (recorder.changes->len, ==, 0);

  /* A new asset is added at its place, the end. */
  submitted_headline (f, "New");
  g_assert_true (asset_fixture_wait (has_changes, &recorder));
  settle (list);
  g_assert_cmpuint (recorder.changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (recorder.changes, Change, 0).position, ==, 4);
  g_assert_cmpuint (g_array_index (recorder.changes, Change, 0).removed, ==, 0);
  g_assert_cmpuint (g_array_index (recorder.changes, Change, 0).added, ==, 1);
  assert_matches_store (f, list);

  g_array_unref (recorder.changes);
}

static void
test_related_changes (AssetFixture  *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdAssetList) list = NULL;
  g_autoptr(FdStore) other = NULL;
  Recorder recorder = { 0 };
  gint64 draft = asset_fixture_headline (f, "Draft", "Wet rock");
  gint64 review = submitted_headline (f, "In review");
  FdAsset *card;

  list = load (f, &recorder);

  /* A reviewer renamed: the card that shows her changes, not the draft. */
  fd_roster_update (f->store, "system", f->grace, "Grace Okafor-Ames", "grace@example.com",
                    "legal", &error);
  g_assert_no_error (error);
  g_assert_true (asset_fixture_wait (has_changes, &recorder));
  settle (list);
  g_assert_cmpuint (recorder.changes->len, ==, 1);
  card = fd_asset_list_find (list, review, NULL);
  g_assert_cmpuint (g_array_index (recorder.changes, Change, 0).position, ==, 1);
  g_assert_true (fd_asset_involves_person (card, f->grace));

  /* A change made on another connection (another thread or process). */
  g_array_set_size (recorder.changes, 0);
  other = fd_workspace_open_store (f->ws, &error);
  g_assert_no_error (error);
  fd_asset_transition (other, f->dana, draft, FD_ASSET_STATE_ARCHIVED, "Off-brief", &error);
  g_assert_no_error (error);
  g_assert_true (asset_fixture_wait (has_changes, &recorder));
  settle (list);
  g_assert_cmpint (fd_asset_get_state (fd_asset_list_find (list, draft, NULL)), ==,
                   FD_ASSET_STATE_ARCHIVED);
  g_assert_cmpstr (fd_asset_get_state_note (fd_asset_list_find (list, draft, NULL)), ==, "Off-brief");
  assert_matches_store (f, list);

  g_array_unref (recorder.changes);
}

static void
test_bulk_changes (AssetFixture  *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdAssetList) list = NULL;
  g_autoptr(FdAsset) first = NULL;
  Recorder recorder = { 0 };
  guint added = 0;

  submitted_headline (f, "First");
  list = load (f, &recorder);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);

  /* More events at once than the workspace announces one by one. */
  for (guint i = 0; i < 200; i++)
    asset_fixture_headline (f, "Bulk", "Text");
  fd_asset_review (f->store, f->grace, fd_asset_get_id (first), FD_REVIEW_DECISION_APPROVED,
                   NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (asset_fixture_wait (has_changes, &recorder));
  settle (list);

  for (guint i = 0; i < recorder.changes->len; i++)
    added += g_array_index (recorder.changes, Change, i).added -
             g_array_index (recorder.changes, Change, i).removed;
  g_assert_cmpuint (added, ==, 200);
  g_assert_true (fd_asset_list_find (list, fd_asset_get_id (first), NULL) == first);
  g_assert_cmpuint (fd_asset_get_n_approved (first), ==, 1);
  assert_matches_store (f, list);

  g_array_unref (recorder.changes);
}

static void
test_filter (AssetFixture  *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdAssetList) list = NULL;
  g_autoptr(FdAssetFilter) filter = fd_asset_filter_new ();
  gint64 draft = asset_fixture_headline (f, "Trail grip", "Grip that holds");
  gint64 review = submitted_headline (f, "Stormfront tagline");
  FdAssetChanges changes = { FD_ASSET_CHANGE_CAMPAIGN, NULL, 0, "Cart recovery", 0, 0 };
  FdAsset *a, *b;

  fd_asset_update (f->store, f->dana, review, &changes, &error);
  g_assert_no_error (error);
  list = load (f, NULL);
  a = fd_asset_list_find (list, draft, NULL);
  b = fd_asset_list_find (list, review, NULL);

  g_assert_true (fd_asset_filter_is_empty (filter));
  g_assert_true (fd_asset_filter_match (filter, a) && fd_asset_filter_match (filter, b));

  /* Words, case and accents. */
  fd_asset_filter_set_text (filter, "STORM");
  g_assert_false (fd_asset_filter_match (filter, a));
  g_assert_true (fd_asset_filter_match (filter, b));
  fd_asset_filter_set_text (filter, "grace tagline");
  g_assert_true (fd_asset_filter_match (filter, b));
  fd_asset_filter_set_text (filter, "ridgeline grip");
  g_assert_true (fd_asset_filter_match (filter, a));
  fd_asset_filter_set_text (filter, "Ridgeline Grïp");
  g_assert_true (fd_asset_filter_match (filter, a));
  fd_asset_filter_set_text (filter, NULL);

  /* Kind, state, brief, campaign. */
  fd_asset_filter_set_state (filter, FD_ASSET_STATE_IN_REVIEW);
  g_assert_false (fd_asset_filter_match (filter, a));
  g_assert_true (fd_asset_filter_match (filter, b));
  fd_asset_filter_set_state (filter, FD_ASSET_STATE_NONE);
  fd_asset_filter_set_kind (filter, FD_ASSET_KIND_VIDEO);
  g_assert_false (fd_asset_filter_match (filter, a));
  fd_asset_filter_set_kind (filter, FD_ASSET_KIND_HEADLINE);
  g_assert_true (fd_asset_filter_match (filter, a));
  fd_asset_filter_set_campaign (filter, "Cart recovery");
  g_assert_false (fd_asset_filter_match (filter, a));
  g_assert_true (fd_asset_filter_match (filter, b));
  fd_asset_filter_set_campaign (filter, "");
  fd_asset_filter_set_brief_id (filter, f->brief);
  g_assert_true (fd_asset_filter_match (filter, a));
  fd_asset_filter_set_brief_id (filter, f->brief + 1);
  g_assert_false (fd_asset_filter_match (filter, a));
  fd_asset_filter_set_brief_id (filter, 0);

  /* A person: what they made or review; or only what waits for them. */
  fd_asset_filter_set_person_id (filter, f->priya);
  g_assert_false (fd_asset_filter_match (filter, a));
  g_assert_true (fd_asset_filter_match (filter, b));
  fd_asset_filter_set_person_id (filter, f->jonah);
  g_assert_true (fd_asset_filter_match (filter, a));
  fd_asset_filter_set_waiting (filter, TRUE);
  g_assert_false (fd_asset_filter_match (filter, b));
  fd_asset_filter_set_person_id (filter, f->grace);
  g_assert_true (fd_asset_filter_match (filter, b));
  g_assert_false (fd_asset_filter_match (filter, a));
}

static void
record_change (FdAssetFilter *filter,
               int            change,
               int           *out)
{
  *out = change;
}

static void
test_filter_changes (void)
{
  g_autoptr(FdAssetFilter) filter = fd_asset_filter_new ();
  int change = -1;

  g_signal_connect (filter, "changed", G_CALLBACK (record_change), &change);

  fd_asset_filter_set_text (filter, "hero");
  g_assert_cmpint (change, ==, FD_ASSET_FILTER_CHANGE_MORE_STRICT);
  fd_asset_filter_set_text (filter, "hero 15");
  g_assert_cmpint (change, ==, FD_ASSET_FILTER_CHANGE_MORE_STRICT);
  fd_asset_filter_set_text (filter, "hero");
  g_assert_cmpint (change, ==, FD_ASSET_FILTER_CHANGE_LESS_STRICT);
  fd_asset_filter_set_text (filter, "storm");
  g_assert_cmpint (change, ==, FD_ASSET_FILTER_CHANGE_DIFFERENT);

  fd_asset_filter_set_kind (filter, FD_ASSET_KIND_VIDEO);
  g_assert_cmpint (change, ==, FD_ASSET_FILTER_CHANGE_MORE_STRICT);
  fd_asset_filter_set_kind (filter, FD_ASSET_KIND_IMAGE);
  g_assert_cmpint (change, ==, FD_ASSET_FILTER_CHANGE_DIFFERENT);
  fd_asset_filter_set_kind (filter, FD_ASSET_KIND_NONE);
  g_assert_cmpint (change, ==, FD_ASSET_FILTER_CHANGE_LESS_STRICT);

  change = -1;
  fd_asset_filter_set_kind (filter, FD_ASSET_KIND_NONE);
  g_assert_cmpint (change, ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ASSET_TEST ("/assets/list/load", test_load);
  ASSET_TEST ("/assets/list/one-asset-changes", test_one_asset_changes);
  ASSET_TEST ("/assets/list/related-changes", test_related_changes);
  ASSET_TEST ("/assets/list/bulk-changes", test_bulk_changes);
  ASSET_TEST ("/assets/filter/match", test_filter);
  g_test_add_func ("/assets/filter/changes", test_filter_changes);

  return g_test_run ();
}
