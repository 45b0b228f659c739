/* bench-asset-list.c: the board's model with the reference data set's
 * 10,000 assets and 30,000 versions
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Measures FdAssetList, the one model the board's columns filter:
 *   - loading every asset (until the first items appear, and until all are
 *     there; the load is one batch, so the two are the same moment),
 *   - the heap it holds per asset,
 *   - one incremental update: a reviewer's decision, from the write to the
 *     model's items-changed for that one card,
 *   - a pass of FdAssetFilter over all assets by text, kind and state.
 * The data set is written in bulk SQL in one transaction (setup speed);
 * everything measured is the real model code.
 */

#include "config.h"

#include <malloc.h>

#include "asset-fixture.h"
#include "fd-asset-filter.h"
#include "fd-asset-list.h"

#define N_ASSETS 10000
#define VERSIONS_PER_ASSET 3
#define RUNS 5
#define UPDATES 50

#define FILL_SQL \
  "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d) " \
  "INSERT INTO asset (id, kind, name, brief_id, campaign, state, current_version, " \
  "  review_round, review_version, state_since_us, due_us, created_us, created_by) " \
  "SELECT i, " \
  "  CASE i %% 5 WHEN 0 THEN 'video' WHEN 1 THEN 'image' WHEN 2 THEN 'headline' " \
  "    WHEN 3 THEN 'primary-text' ELSE 'script' END, " \
  "  CASE i %% 4 WHEN 0 THEN 'Ridgeline hero ' WHEN 1 THEN 'Stormfront story ' " \
  "    WHEN 2 THEN 'Basecamp bundle ' ELSE 'Trail grip ' END || i, " \
  "  %" G_GINT64_FORMAT " + i %% 3, 'Campaign ' || (i %% 12), " \
  "  CASE i %% 6 WHEN 0 THEN 'draft' WHEN 1 THEN 'in-review' WHEN 2 THEN 'revision-requested' " \
  "    WHEN 3 THEN 'approved' WHEN 4 THEN 'uploaded' ELSE 'archived' END, " \
  "  3, CASE WHEN i %% 6 IN (0, 5) THEN 0 ELSE 1 END, CASE WHEN i %% 6 IN (0, 5) THEN 0 ELSE 3 END, " \
  "  1700000000000000 + i, 1800000000000000 + (i %% 90) * 86400000000, 1700000000000000, " \
  "  'person:' || %" G_GINT64_FORMAT " FROM n;" \
  "INSERT INTO asset_version (asset_id, number, sha256, text, probe_json, size_bytes, created_us, created_by) " \
  "SELECT a.id, v.number, lower (hex (randomblob (32))), " \
  "  CASE WHEN a.kind IN ('video', 'image') THEN NULL ELSE 'Grip that holds on wet rock, take ' || v.number END, " \
  "  CASE WHEN a.kind IN ('video', 'image') THEN '{\"width\":1080,\"height\":1920}' ELSE NULL END, " \
  "  1000, 1700000000000000, a.created_by " \
  "FROM asset a, (SELECT 1 AS number UNION ALL SELECT 2 UNION ALL SELECT 3) v;" \
  "INSERT INTO asset_reviewer (asset_id, round, person_id, required) " \
  "SELECT a.id, 1, p.person_id, p.required FROM asset a JOIN reviewer_policy p ON p.kind = a.kind " \
  "WHERE a.review_round = 1;" \
  "INSERT INTO review_decision (asset_id, version, round, person_id, decision, feedback, at_us) " \
  "SELECT r.asset_id, 3, 1, r.person_id, " \
  "  CASE WHEN a.state = 'revision-requested' THEN 'changes-requested' ELSE 'approved' END, " \
  "  CASE WHEN a.state = 'revision-requested' THEN 'Tighten the opening' ELSE NULL END, 1 " \
  "FROM asset_reviewer r JOIN asset a ON a.id = r.asset_id " \
  "WHERE r.required AND (a.state IN ('approved', 'uploaded') " \
  "  OR (a.state = 'revision-requested' AND r.person_id = %" G_GINT64_FORMAT ") " \
  "  OR (a.state = 'in-review' AND a.id %% 2 = 0 AND r.person_id = %" G_GINT64_FORMAT "));"

static void
fill (AssetFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf (FILL_SQL, N_ASSETS, f->brief, f->jonah,
                                          f->grace, f->maya);

  /* Two more briefs, so that assets spread over three. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) brief_error = NULL;

      fd_store_exec (f->store, "INSERT INTO brief (title, created_us, created_by) "
                               "VALUES ('Another brief', 1, 'system')", &brief_error);
      g_assert_no_error (brief_error);
    }
  g_assert_true (fd_store_begin (f->store, &error));
  g_assert_true (fd_store_exec (f->store, sql, &error));
  g_assert_true (fd_store_commit (f->store, &error));
  g_assert_no_error (error);
}

static gboolean
is_loaded (gpointer data)
{
  return fd_asset_list_is_loaded (data);
}

typedef struct
{
  gint64 started;
  gint64 first_items;
} LoadTiming;

static void
on_first_items (GListModel *model,
                guint       position,
                guint       removed,
                guint       added,
                LoadTiming *timing)
{
  if (timing->first_items == 0)
    timing->first_items = g_get_monotonic_time ();
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

static FdAssetList *
load_once (AssetFixture *f,
           double       *first_ms,
           double       *all_ms)
{
  LoadTiming timing = { g_get_monotonic_time (), 0 };
  FdAssetList *list = fd_asset_list_new (f->ws);
  gulong handler = g_signal_connect (list, "items-changed", G_CALLBACK (on_first_items), &timing);

  g_assert_true (asset_fixture_wait (is_loaded, list));
  *all_ms = (g_get_monotonic_time () - timing.started) / 1000.0;
  *first_ms = (timing.first_items - timing.started) / 1000.0;
  g_signal_handler_disconnect (list, handler);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_ASSETS);

  return list;
}

static void
bench_load (AssetFixture *f)
{
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(FdAssetList) list = NULL;
      double first_ms, all_ms;

      list = load_once (f, &first_ms, &all_ms);
      g_array_append_val (first, first_ms);
      g_array_append_val (all, all_ms);
    }

  {
    double first_median = median (first);
    double all_median = median (all);

    g_print ("load %d assets (%d versions): first items %.1f ms, all items %.1f ms "
             "(median of %d; fastest %.1f ms, slowest %.1f ms)\n",
             N_ASSETS, N_ASSETS * VERSIONS_PER_ASSET, first_median, all_median, RUNS,
             g_array_index (all, double, 0), g_array_index (all, double, all->len - 1));
  }
}

static void
bench_memory (AssetFixture *f)
{
  g_autoptr(FdAssetList) list = NULL;
  struct mallinfo2 before, after;
  double first_ms, all_ms;

  /* The reader connection and its cache exist already (bench_load). */
  malloc_trim (0);
  before = mallinfo2 ();
  list = load_once (f, &first_ms, &all_ms);
  malloc_trim (0);
  after = mallinfo2 ();

  g_print ("memory held by the model: %.0f bytes per asset (%.1f MB for %d)\n",
           (double)(after.uordblks - before.uordblks) / N_ASSETS,
           (double)(after.uordblks - before.uordblks) / (1024 * 1024), N_ASSETS);
}

typedef struct
{
  gint64   wanted;
  gint64   changed_at;
  gboolean seen;
} UpdateTiming;

static void
on_asset_changed (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  UpdateTiming *timing)
{
  g_autoptr(FdAsset) asset = g_list_model_get_item (model, position);

  g_assert_cmpuint (removed, ==, 1);
  g_assert_cmpuint (added, ==, 1);
  if (fd_asset_get_id (asset) == timing->wanted)
    {
      timing->changed_at = g_get_monotonic_time ();
      timing->seen = TRUE;
    }
}

static gboolean
update_seen (gpointer data)
{
  return ((UpdateTiming *)data)->seen;
}

static void
bench_update (AssetFixture *f)
{
  g_autoptr(FdAssetList) list = NULL;
  g_autoptr(GArray) writes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) updates = g_array_new (FALSE, FALSE, sizeof (double));
  UpdateTiming timing = { 0 };
  double first_ms, all_ms;
  guint done = 0;

  list = load_once (f, &first_ms, &all_ms);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_asset_changed), &timing);

  /* Assets in review waiting for Grace (odd ids with i % 6 == 1). */
  for (gint64 id = 1; done < UPDATES && id <= N_ASSETS; id += 6)
    {
      g_autoptr(GError) error = NULL;
      FdAsset *card = fd_asset_list_find (list, id, NULL);
      gint64 start, written;
      double write_ms, update_ms;

      if (!fd_asset_is_waiting_for (card, f->grace))
        continue;

      timing = (UpdateTiming) { id, 0, FALSE };
      start = g_get_monotonic_time ();
      fd_asset_review (f->store, f->grace, id, FD_REVIEW_DECISION_APPROVED, NULL, NULL, &error);
      g_assert_no_error (error);
      written = g_get_monotonic_time ();
      g_assert_true (asset_fixture_wait (update_seen, &timing));

      write_ms = (written - start) / 1000.0;
      update_ms = (timing.changed_at - written) / 1000.0;
      g_array_append_val (writes, write_ms);
      g_array_append_val (updates, update_ms);
      done++;
    }

  g_assert_cmpuint (done, ==, UPDATES);
  {
    double write_median = median (writes);
    double update_median = median (updates);

    g_print ("one decision: write with its audit event %.2f ms, then the model's "
             "items-changed for that card after %.2f ms (median of %d; slowest %.2f ms)\n",
             write_median, update_median, UPDATES,
             g_array_index (updates, double, updates->len - 1));
  }
}

static double
filter_pass (FdAsset      **items,
             FdAssetFilter *filter,
             guint         *matches)
{
  gint64 start = g_get_monotonic_time ();

  *matches = 0;
  for (guint i = 0; i < N_ASSETS; i++)
    if (fd_asset_filter_match (filter, items[i]))
      (*matches)++;

  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
bench_filter (AssetFixture *f)
{
  g_autoptr(FdAssetList) list = NULL;
  g_autoptr(FdAssetFilter) filter = fd_asset_filter_new ();
  g_autofree FdAsset **items = g_new (FdAsset *, N_ASSETS);
  double first_ms, all_ms, cold, warm, kind, state, combined;
  guint matches;

  list = load_once (f, &first_ms, &all_ms);
  for (guint i = 0; i < N_ASSETS; i++)
    {
      items[i] = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_object_unref (items[i]);
    }

  fd_asset_filter_set_text (filter, "ridgeline hero");
  cold = filter_pass (items, filter, &matches);
  warm = filter_pass (items, filter, &matches);
  g_assert_cmpuint (matches, ==, N_ASSETS / 4);
  g_print ("text filter over %d assets: %.2f ms the first pass, %.2f ms the next; "
           "%u matches\n", N_ASSETS, cold, warm, matches);

  fd_asset_filter_set_text (filter, NULL);
  fd_asset_filter_set_kind (filter, FD_ASSET_KIND_VIDEO);
  kind = filter_pass (items, filter, &matches);
  g_assert_cmpuint (matches, ==, N_ASSETS / 5);
  fd_asset_filter_set_kind (filter, FD_ASSET_KIND_NONE);
  fd_asset_filter_set_state (filter, FD_ASSET_STATE_IN_REVIEW);
  state = filter_pass (items, filter, &matches);
  fd_asset_filter_set_text (filter, "stormfront");
  fd_asset_filter_set_person_id (filter, f->grace);
  fd_asset_filter_set_waiting (filter, TRUE);
  combined = filter_pass (items, filter, &matches);

  g_print ("kind filter %.2f ms, state filter (one column) %.2f ms, "
           "state + text + waiting-for-person %.2f ms, per pass over %d assets\n",
           kind, state, combined, N_ASSETS);
}

int
main (int   argc,
      char *argv[])
{
  AssetFixture f = { 0 };
  gint64 start;

  g_test_init (&argc, &argv, NULL);

  /* One malloc arena, so that mallinfo2() also counts what the worker
   * thread allocates. */
  mallopt (M_ARENA_MAX, 1);

  asset_fixture_set_up (&f, NULL);
  start = g_get_monotonic_time ();
  fill (&f);
  g_print ("setup: %d assets, %d versions written in bulk in %.0f ms\n", N_ASSETS,
           N_ASSETS * VERSIONS_PER_ASSET, (g_get_monotonic_time () - start) / 1000.0);

  bench_load (&f);
  bench_memory (&f);
  bench_update (&f);
  bench_filter (&f);

  asset_fixture_tear_down (&f, NULL);
  return 0;
}
