/* bench-board.c: the real board with the reference data set's 10,000
 * assets and 30,000 versions
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Measures, in the application's own window (1440×900):
 *   - the time from giving the window the workspace to the first frame
 *     painted with cards on it;
 *   - scrolling the longest column from top to bottom, a step of 400 px a
 *     frame: the work of each frame (from the frame clock's before-paint to
 *     its after-paint: layout, binding cards, snapshot, render), and the
 *     frame intervals;
 *   - how many card widgets exist, before and during the scroll;
 *   - one reviewer's decision: from asking for the write to the frame that
 *     shows it on its card.
 * The data set is written in bulk SQL in one transaction (setup speed);
 * media versions point at 120 real thumbnails in the workspace's cache,
 * so cards decode and show pictures. Everything measured is the real
 * board. The renderer is GSK_RENDERER's (meson runs it with cairo and with
 * gl, which is Mesa's software rasterizer under Xvfb).
 */

#include "config.h"

#include "fd-asset-card.h"
#include "fd-asset-workflow.h"
#include "fd-board-view.h"
#include "fd-brief.h"
#include "fd-reviewer-policy.h"
#include "fd-roster.h"
#include "fd-test-util.h"
#include "fd-ui-test.h"

#define N_ASSETS 10000
#define N_THUMBNAILS 120
#define SCROLL_STEP 400.0
#define DECISIONS 20

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
  "SELECT a.id, v.number, " \
  "  CASE WHEN a.kind IN ('video', 'image') " \
  "    THEN (SELECT sha FROM bench_thumbnail WHERE n = (a.id * 3 + v.number) %% %d) " \
  "    ELSE lower (hex (randomblob (32))) END, " \
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
  "  OR (a.state = 'in-review' AND a.id %% 4 = 1 AND r.person_id = %" G_GINT64_FORMAT "));"

typedef struct
{
  gint64 maya;
  gint64 grace;
  gint64 priya;
  gint64 brief;
} Team;

/*
 * The data set
 */

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
set_policy (FdStore     *store,
            Team        *team,
            FdAssetKind  kind,
            gint64       a,
            gint64       b)
{
  g_autoptr(GError) error = NULL;
  gint64 required[] = { a, b };

  fd_reviewer_policy_set (store, team->maya, kind, required, b ? 2 : 1, NULL, 0, &error);
  g_assert_no_error (error);
}

/* Thumbnails as the importer makes them: the picture's longest side 480. */
static void
write_thumbnails (FdWorkspace *workspace,
                  FdStore     *store)
{
  g_autofree char *dir = fd_workspace_dup_cache_dir (workspace, "thumbnails");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (fd_store_exec (store, "CREATE TEMP TABLE bench_thumbnail (n INTEGER PRIMARY KEY, sha TEXT)", &error));

  for (int i = 0; i < N_THUMBNAILS; i++)
    {
      g_autofree char *seed = g_strdup_printf ("thumbnail %d", i);
      g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, seed, -1);
      g_autofree char *name = g_strconcat (sha, ".png", NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *sql = g_strdup_printf ("INSERT INTO bench_thumbnail VALUES (%d, '%s')", i, sha);
      gboolean tall = i % 2 == 0;
      int width = tall ? 270 : 480;
      int height = tall ? 480 : 270;
      g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
      g_autoptr(GdkPixbuf) band = gdk_pixbuf_new_subpixbuf (pixbuf, 0, 40 + i % 60, width, 40);
      guint32 red = 40 + (i * 97) % 200;
      guint32 green = 40 + (i * 53) % 200;
      guint32 blue = 40 + (i * 29) % 200;

      /* A picture of its own colour and a band. */
      gdk_pixbuf_fill (pixbuf, red << 24 | green << 16 | blue << 8 | 0xff);
      gdk_pixbuf_fill (band, 0xf0f0f0ff);
      g_assert_true (gdk_pixbuf_save (pixbuf, path, "png", &error, NULL));
      g_assert_true (fd_store_exec (store, sql, &error));
    }
}

static char *
build_workspace (const char *dir,
                 Team       *team)
{
  g_autofree char *path = g_build_filename (dir, "agency", NULL);
  g_autoptr(FdWorkspace) workspace = NULL;
  g_autoptr(FdBrief) brief = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  FdStore *store;
  gint64 start = g_get_monotonic_time ();

  workspace = fd_workspace_create (path, "Agency", &error);
  g_assert_no_error (error);
  store = fd_workspace_get_store (workspace);

  team->maya = add_person (store, "Maya Lindqvist", "maya@example.com", "creative-director");
  team->grace = add_person (store, "Grace Okafor", "grace@example.com", "legal");
  team->priya = add_person (store, "Priya Nair", "priya@example.com", "copy-lead");
  g_assert_true (fd_roster_set_current (store, "system", team->maya, &error));

  set_policy (store, team, FD_ASSET_KIND_VIDEO, team->maya, team->grace);
  set_policy (store, team, FD_ASSET_KIND_IMAGE, team->maya, team->grace);
  set_policy (store, team, FD_ASSET_KIND_HEADLINE, team->priya, team->grace);
  set_policy (store, team, FD_ASSET_KIND_PRIMARY_TEXT, team->priya, team->grace);
  set_policy (store, team, FD_ASSET_KIND_SCRIPT, team->priya, 0);

  for (int i = 0; i < 3; i++)
    {
      g_autofree char *title = g_strdup_printf ("Brief %d", i + 1);

      g_clear_object (&brief);
      /* The data set's versions are rows without media to probe: briefs
       * that require placements would (rightly) refuse their approval. */
      brief = fd_brief_create (store, "system", title, "OUTCOME_SALES", "Hikers", "Grip",
                               NULL, 0, 0, &error);
      g_assert_no_error (error);
      if (i == 0)
        team->brief = fd_brief_get_id (brief);
    }

  write_thumbnails (workspace, store);

  sql = g_strdup_printf (FILL_SQL, N_ASSETS, team->brief, team->maya, N_THUMBNAILS,
                         team->grace, team->maya);
  g_assert_true (fd_store_begin (store, &error));
  g_assert_true (fd_store_exec (store, sql, &error));
  g_assert_true (fd_store_commit (store, &error));
  g_assert_no_error (error);

  g_print ("data set: %d assets, %d versions, %d thumbnails, built in %.1f s\n",
           N_ASSETS, N_ASSETS * 3, N_THUMBNAILS, (g_get_monotonic_time () - start) / 1e6);

  return g_steal_pointer (&path);
}

/*
 * Frames
 */

typedef struct
{
  gint64  before_paint;
  gint64  last_after_paint;
  gint64  frame_work;      /* of the last frame */
  gint64  frame_interval;
  guint64 n_frames;
} Frames;

static void
on_before_paint (GdkFrameClock *clock,
                 Frames        *frames)
{
  frames->before_paint = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                Frames        *frames)
{
  gint64 now = g_get_monotonic_time ();

  frames->frame_work = now - frames->before_paint;
  frames->frame_interval = frames->last_after_paint ? now - frames->last_after_paint : 0;
  frames->last_after_paint = now;
  frames->n_frames++;
}

/* Runs the main loop until a frame has been painted after this call. */
static void
wait_for_frame (GtkWidget *widget,
                Frames    *frames)
{
  guint64 seen = frames->n_frames;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  gtk_widget_queue_draw (widget);
  while (frames->n_frames == seen)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *)a;
  gint64 y = *(const gint64 *)b;

  return (x > y) - (x < y);
}

static double
percentile_ms (GArray *values,
               double  p)
{
  g_array_sort (values, compare_int64);
  return g_array_index (values, gint64, MIN (values->len - 1, (guint)(values->len * p))) / 1000.0;
}

/*
 * What is on screen
 */

static guint
cards_on_board (FdBoardView *board)
{
  guint n = 0;

  for (FdAssetState state = FD_ASSET_STATE_DRAFT; state <= FD_ASSET_STATE_ARCHIVED; state++)
    n += fd_board_column_get_n_cards (fd_board_view_get_column (board, state));
  return n;
}

static gboolean
column_shows_cards (FdBoardColumn *column)
{
  GtkWidget *list = fd_board_column_get_view (column);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    {
      FdAssetCard *card = fd_asset_card_find (row);

      if (card != NULL && fd_asset_card_get_asset (card) != NULL && gtk_widget_get_mapped (GTK_WIDGET (card)))
        return TRUE;
    }

  return FALSE;
}

/* How many media cards are on screen, and how many of them show their
 * thumbnail already. */
static void
count_thumbnails (FdBoardView *board,
                  guint       *media,
                  guint       *shown)
{
  *media = *shown = 0;

  for (FdAssetState state = FD_ASSET_STATE_DRAFT; state <= FD_ASSET_STATE_ARCHIVED; state++)
    {
      GtkWidget *view = fd_board_column_get_view (fd_board_view_get_column (board, state));

      for (GtkWidget *cell = gtk_widget_get_first_child (view); cell; cell = gtk_widget_get_next_sibling (cell))
        {
          FdAssetCard *card = fd_asset_card_find (cell);
          FdAsset *asset = card ? fd_asset_card_get_asset (card) : NULL;

          if (asset == NULL || !gtk_widget_get_child_visible (cell) ||
              !fd_asset_kind_is_media (fd_asset_get_kind (asset)))
            continue;

          (*media)++;
          if (fd_asset_card_get_has_thumbnail (card))
            (*shown)++;
        }
    }
}

/*
 * The measurements
 */

/* How long the six columns take to filter and sort a batch of changes:
 * the time spent in the handlers of the model's items-changed. */
typedef struct
{
  gpointer model;
  gint64   started;
  gint64   spent;
  guint    added;
  guint    cards;
} Batch;

/* An emission hook runs before every handler. */
static gboolean
on_batch_started (GSignalInvocationHint *hint,
                  guint                  n_values,
                  const GValue          *values,
                  gpointer               user_data)
{
  Batch *batch = user_data;

  if (g_value_get_object (&values[0]) == batch->model)
    batch->started = g_get_monotonic_time ();
  return TRUE;
}

static void
on_batch_done (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               Batch      *batch)
{
  batch->spent += g_get_monotonic_time () - batch->started;
  batch->added += added;
  batch->cards = fd_asset_card_get_n_alive ();
}

static void
bench_first_frame (FdWindow    *window,
                   FdBoardView *board,
                   FdWorkspace *workspace,
                   Frames      *frames)
{
  FdBoardColumn *review = fd_board_view_get_column (board, FD_ASSET_STATE_IN_REVIEW);
  gint64 start = g_get_monotonic_time ();
  gint64 loaded = 0;
  gint64 deadline = start + 30 * G_USEC_PER_SEC;
  FdAssetList *assets;
  Batch batch = { 0 };
  gulong hook;

  fd_window_set_workspace (window, workspace);

  /* Everything between the hook and the last handler is the columns'. */
  assets = fd_board_view_get_assets (board);
  batch.model = assets;
  hook = g_signal_add_emission_hook (g_signal_lookup ("items-changed", G_TYPE_LIST_MODEL), 0,
                                     on_batch_started, &batch, NULL);
  g_signal_connect (assets, "items-changed", G_CALLBACK (on_batch_done), &batch);

  for (;;)
    {
      guint64 seen = frames->n_frames;

      while (frames->n_frames == seen)
        {
          g_assert_cmpint (g_get_monotonic_time (), <, deadline);
          g_main_context_iteration (NULL, TRUE);
          if (loaded == 0 && fd_board_view_get_assets (board) != NULL &&
              fd_asset_list_is_loaded (fd_board_view_get_assets (board)))
            loaded = g_get_monotonic_time ();
        }

      if (column_shows_cards (review))
        break;
    }

  g_print ("first frame with cards: %.0f ms after the workspace was set "
           "(the model had all %d assets after %.0f ms, of which %.0f ms in the columns: "
           "filtering, sorting%s)\n",
           (frames->last_after_paint - start) / 1000.0, N_ASSETS, (loaded - start) / 1000.0,
           batch.spent / 1000.0, batch.cards ? " and making their first cards" : "");
  g_signal_handlers_disconnect_matched (assets, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, &batch);
  g_signal_remove_emission_hook (g_signal_lookup ("items-changed", G_TYPE_LIST_MODEL), hook);

  /* The thumbnails arrive from their worker threads. */
  {
    gint64 first = frames->last_after_paint;
    guint media, shown, at_first;

    count_thumbnails (board, &media, &at_first);
    for (int i = 0; i < 600; i++)
      {
        count_thumbnails (board, &media, &shown);
        if (shown == media)
          break;
        wait_for_frame (GTK_WIDGET (board), frames);
      }
    g_assert_cmpuint (shown, ==, media);
    g_print ("thumbnails: %u of the %u media cards made had theirs in that frame, all %u "
             "%.0f ms later\n", at_first, media, media, (frames->last_after_paint - first) / 1000.0);
  }
}

static void
bench_scroll (FdBoardView *board,
              Frames      *frames)
{
  FdBoardColumn *column = fd_board_view_get_column (board, FD_ASSET_STATE_IN_REVIEW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (fd_board_column_get_scroller (column));
  g_autoptr(GArray) work = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) intervals = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint cards_before = fd_asset_card_get_n_alive ();
  guint cards_max = cards_before;
  guint on_board_max = 0;
  gint64 start = g_get_monotonic_time ();
  double end_value;

  wait_for_frame (GTK_WIDGET (board), frames);

  for (;;)
    {
      double value = gtk_adjustment_get_value (adjustment);

      end_value = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
      if (value >= end_value)
        break;

      gtk_adjustment_set_value (adjustment, MIN (value + SCROLL_STEP, end_value));
      wait_for_frame (GTK_WIDGET (board), frames);
      g_array_append_val (work, frames->frame_work);
      if (frames->frame_interval > 0)
        g_array_append_val (intervals, frames->frame_interval);

      cards_max = MAX (cards_max, fd_asset_card_get_n_alive ());
      on_board_max = MAX (on_board_max, cards_on_board (board));
    }

  {
    double seconds = (g_get_monotonic_time () - start) / 1e6;
    double median = percentile_ms (work, 0.5);
    double p95 = percentile_ms (work, 0.95);
    double slowest = percentile_ms (work, 1.0);

    g_print ("scroll %u cards of In Review, top to bottom, %.0f px a frame: %u frames in %.1f s (%.0f frames/s)\n",
             fd_board_column_get_n_items (column), SCROLL_STEP, work->len, seconds, work->len / seconds);
    g_print ("frame work (layout, binding, snapshot, render): median %.1f ms, 95th percentile %.1f ms, "
             "slowest %.1f ms; frame interval median %.1f ms\n",
             median, p95, slowest, percentile_ms (intervals, 0.5));
    g_print ("card widgets: %u before scrolling, at most %u during it (%u in the board's columns), "
             "for %d assets\n",
             cards_before, cards_max, on_board_max, N_ASSETS);
  }

  gtk_adjustment_set_value (adjustment, 0);
  wait_for_frame (GTK_WIDGET (board), frames);
}

typedef struct
{
  gint64   requested;
  gboolean done;
} Decision;

static void
on_reviewed (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  fd_asset_review_finish (FD_WORKSPACE (source), result, &error);
  g_assert_no_error (error);
  ((Decision *)user_data)->done = TRUE;
}

static gboolean
card_shows (FdBoardColumn *column,
            gint64         asset_id,
            const char    *text)
{
  FdAssetCard *card = fd_board_column_find_card (column, asset_id);
  g_autofree char *decisions = card ? fd_asset_card_dup_decisions (card) : NULL;

  return decisions != NULL && strstr (decisions, text) != NULL;
}

static void
bench_decision (FdBoardView *board,
                FdWorkspace *workspace,
                Team        *team,
                Frames      *frames)
{
  FdBoardColumn *column = fd_board_view_get_column (board, FD_ASSET_STATE_IN_REVIEW);
  GListModel *model = fd_board_column_get_model (column);
  g_autoptr(GArray) latencies = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n && latencies->len < DECISIONS; i++)
    {
      g_autoptr(FdAsset) asset = g_list_model_get_item (model, i);
      gint64 id = fd_asset_get_id (asset);
      Decision decision = { 0 };
      gint64 start, shown;

      if (!fd_asset_is_waiting_for (asset, team->grace) || fd_asset_get_n_approved (asset) != 0)
        continue;

      fd_board_column_focus_asset (column, id);
      while (fd_board_column_find_card (column, id) == NULL)
        wait_for_frame (GTK_WIDGET (board), frames);
      wait_for_frame (GTK_WIDGET (board), frames);

      start = g_get_monotonic_time ();
      fd_asset_review_async (workspace, team->grace, id, FD_REVIEW_DECISION_APPROVED, NULL, NULL,
                             on_reviewed, &decision);
      do
        wait_for_frame (GTK_WIDGET (board), frames);
      while (!card_shows (column, id, "Grace Okafor approved"));
      shown = frames->last_after_paint - start;
      g_array_append_val (latencies, shown);

      while (!decision.done)
        g_main_context_iteration (NULL, TRUE);
    }

  g_assert_cmpuint (latencies->len, ==, DECISIONS);
  g_print ("one decision, from the request to the frame that shows it on its card: "
           "median %.1f ms, slowest %.1f ms (%u decisions)\n",
           percentile_ms (latencies, 0.5), percentile_ms (latencies, 1.0), latencies->len);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(FdWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  FdApplication *app;
  FdWindow *window;
  FdBoardView *board;
  GdkFrameClock *clock;
  Frames frames = { 0 };
  Team team = { 0 };

  fd_ui_test_init (&argc, &argv);
  dir = fd_test_tmpdir_new ();
  path = build_workspace (dir, &team);
  workspace = fd_workspace_open (path, &error);
  g_assert_no_error (error);

  app = fd_ui_test_app_new ();
  window = fd_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1440, 900);
  gtk_window_unmaximize (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
  fd_window_show_stage (window, "board");
  board = FD_BOARD_VIEW (fd_window_get_stage_view (window, "board"));
  fd_ui_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (window)));

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), &frames);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &frames);
  g_print ("renderer: %s\n", G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));

  bench_first_frame (window, board, workspace, &frames);
  bench_scroll (board, &frames);
  bench_decision (board, workspace, &team, &frames);

  fd_ui_test_app_free (app);
  g_clear_object (&workspace);
  fd_test_tmpdir_free (g_steal_pointer (&dir));

  return 0;
}
