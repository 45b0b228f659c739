/* fd-insight-cube.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-triage"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "fd-currency.h"
#include "fd-insight-cube-private.h"

/* How a window is summed (the rule the help pages state):
 *
 * A window [start, end) counts every local day (in the ad account's time
 * zone) that lies inside it whole, from insight_daily. A day the window cuts
 * counts its hours that begin inside the window, from insight_hourly; if
 * the object has no hourly rows that day, the day counts whole when it
 * begins inside the window, and not at all otherwise.
 *
 * So with hourly data, roas(3d) at 14:20 is exactly the 72 hours before
 * 14:20 (hour buckets that began in them); with daily data only it is the
 * three days that began in them (today so far, and the two before).
 * Measures Meta does not report by hour (reach, video quartiles) use whole
 * days only: the days that begin inside the window.
 *
 * Loading reads only what the plan needs: the daily rows of the days the
 * windows span, the hourly rows of the days that window edges cut, and the
 * reach rows of the windows asked for — each with one query that walks the
 * tables' primary keys object by object. */

/*
 * Lifetime and accessors
 */

static void
clear_object (gpointer data)
{
  FdCubeObject *object = data;

  g_free (object->id);
  g_free (object->name);
  g_free (object->campaign_id);
  g_free (object->adset_id);
  g_free (object->status);
}

static void
account_free (gpointer data)
{
  FdCubeAccount *account = data;

  g_free (account->id);
  g_free (account->currency);
  g_free (account->timezone);
  g_free (account->day_start);
  g_free (account);
}

void
fd_insight_cube_free (FdInsightCube *cube)
{
  if (cube == NULL)
    return;

  g_clear_pointer (&cube->accounts, g_ptr_array_unref);
  g_clear_pointer (&cube->objects, g_array_unref);
  g_clear_pointer (&cube->by_rowid, g_hash_table_unref);
  g_clear_pointer (&cube->by_id, g_hash_table_unref);
  g_clear_pointer (&cube->daily, g_free);
  g_clear_pointer (&cube->hour_block, g_free);
  g_clear_pointer (&cube->blocks, g_array_unref);
  g_clear_pointer (&cube->reach_lengths, g_array_unref);
  g_clear_pointer (&cube->reach, g_free);
  g_free (cube);
}

guint
fd_insight_cube_get_n_objects (FdInsightCube *cube)
{
  return cube->objects->len;
}

const FdCubeObject *
fd_insight_cube_get_object (FdInsightCube *cube,
                            guint          index)
{
  g_return_val_if_fail (index < cube->objects->len, NULL);

  return &g_array_index (cube->objects, FdCubeObject, index);
}

const FdCubeAccount *
fd_insight_cube_get_account (FdInsightCube *cube,
                             guint          index)
{
  return g_ptr_array_index (cube->accounts, index);
}

int
fd_insight_cube_find_object (FdInsightCube *cube,
                             const char    *object_id)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (cube->by_id, object_id)) - 1;
}

const FdCubeStats *
fd_insight_cube_get_stats (FdInsightCube *cube)
{
  return &cube->stats;
}

/**
 * fd_insight_cube_get_day0:
 *
 * Returns: the civil day number of the cube's first day; an account's
 *   day_start[i] is the start of day day0 + i
 */
int
fd_insight_cube_get_day0 (FdInsightCube *cube)
{
  return cube->day0;
}

guint
fd_insight_cube_get_n_days (FdInsightCube *cube)
{
  return cube->n_days;
}

guint
fd_insight_cube_get_n_measures (FdInsightCube *cube)
{
  return cube->n_measures;
}

int
fd_insight_cube_get_measure_index (FdInsightCube *cube,
                                   FdMeasure      measure)
{
  return cube->measure_index[measure];
}

/*
 * Loading
 */

static gboolean
load_accounts (FdInsightCube  *cube,
               FdStore        *store,
               GHashTable     *index_by_id,
               GError        **error)
{
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  stmt = fd_store_stmt (store, "SELECT id, currency, timezone FROM ad_account ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;

  for (;;)
    {
      FdCubeAccount *account;

      if (!fd_store_step (store, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;

      account = g_new0 (FdCubeAccount, 1);
      account->id = fd_stmt_dup_text (stmt, 0);
      account->currency = fd_stmt_dup_text (stmt, 1);
      account->timezone = fd_stmt_dup_text (stmt, 2);
      account->offset = 0;
      g_hash_table_insert (index_by_id, account->id, GUINT_TO_POINTER (cube->accounts->len + 1));
      g_ptr_array_add (cube->accounts, account);
    }

  return TRUE;
}

static gboolean
load_objects (FdInsightCube     *cube,
              FdStore           *store,
              const FdCubePlan  *plan,
              GHashTable        *accounts_by_id,
              GError           **error)
{
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  stmt = fd_store_stmt (store,
                        "SELECT o.rowid, o.id, o.name, o.account_id, o.campaign_id, o.adset_id, "
                        "o.status, o.daily_budget, "
                        "coalesce (t.target_cpa, c.target_cpa), coalesce (t.target_roas, c.target_roas) "
                        "FROM meta_object o "
                        "LEFT JOIN object_target t ON t.object_id = o.id "
                        "LEFT JOIN object_target c ON c.object_id = o.campaign_id AND o.level <> 'campaign' "
                        "WHERE o.level = ?1 AND (?2 IS NULL OR o.id = ?2) "
                        "AND coalesce (o.status, '') NOT IN ('DELETED', 'ARCHIVED') "
                        "ORDER BY o.rowid",
                        error);
  if (stmt == NULL)
    return FALSE;

  fd_stmt_bind_text (stmt, 1, fd_rule_level_to_string (plan->level));
  fd_stmt_bind_text (stmt, 2, plan->object_id);

  for (;;)
    {
      FdCubeObject object = { 0 };
      guint account;

      if (!fd_store_step (store, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;

      account = GPOINTER_TO_UINT (g_hash_table_lookup (accounts_by_id, fd_stmt_column_text (stmt, 3)));
      if (account == 0)
        continue;

      object.rowid = sqlite3_column_int64 (stmt, 0);
      object.id = fd_stmt_dup_text (stmt, 1);
      object.name = fd_stmt_dup_text (stmt, 2);
      object.account = account - 1;
      object.campaign_id = fd_stmt_dup_text (stmt, 4);
      object.adset_id = fd_stmt_dup_text (stmt, 5);
      object.status = fd_stmt_dup_text (stmt, 6);
      object.daily_budget = sqlite3_column_type (stmt, 7) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 7);
      object.target_cpa = sqlite3_column_type (stmt, 8) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 8);
      object.target_roas = sqlite3_column_type (stmt, 9) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, 9);

      g_array_append_val (cube->objects, object);
      g_hash_table_insert (cube->by_rowid, GSIZE_TO_POINTER ((gsize)object.rowid),
                           GUINT_TO_POINTER (cube->objects->len));
      g_hash_table_insert (cube->by_id, g_array_index (cube->objects, FdCubeObject, cube->objects->len - 1).id,
                           GUINT_TO_POINTER (cube->objects->len));
    }

  return TRUE;
}

/* The days the cube covers: every local day, in any account's zone, that
 * holds an instant of [earliest, latest]. */
static void
set_up_days (FdInsightCube    *cube,
             const FdCubePlan *plan)
{
  int first = G_MAXINT, last = G_MININT;
  g_autoptr(GPtrArray) zones = g_ptr_array_new_with_free_func ((GDestroyNotify)g_time_zone_unref);

  for (guint i = 0; i < cube->accounts->len; i++)
    {
      FdCubeAccount *account = g_ptr_array_index (cube->accounts, i);
      GTimeZone *tz = fd_time_zone_new (account->timezone, &account->timezone_known);

      account->offset = 0;
      first = MIN (first, fd_civil_day_from_instant (tz, plan->earliest));
      last = MAX (last, fd_civil_day_from_instant (tz, plan->latest));
      g_ptr_array_add (zones, tz);
    }

  if (cube->accounts->len == 0)
    first = last = 0;

  cube->day0 = first;
  cube->n_days = (guint)(last - first + 1);

  for (guint i = 0; i < cube->accounts->len; i++)
    {
      FdCubeAccount *account = g_ptr_array_index (cube->accounts, i);
      GTimeZone *tz = g_ptr_array_index (zones, i);

      account->day_start = g_new (gint64, cube->n_days + 1);
      for (guint d = 0; d <= cube->n_days; d++)
        account->day_start[d] = fd_civil_day_start (tz, cube->day0 + (int)d);
    }
}

static void
set_up_measures (FdInsightCube *cube,
                 guint          mask)
{
  cube->n_measures = 0;

  /* Conversions are spread over hours by spend (spread_conversions ()). */
  if (mask & ((1u << FD_MEASURE_PURCHASES) | (1u << FD_MEASURE_PURCHASE_VALUE)))
    mask |= 1u << FD_MEASURE_SPEND;

  for (int m = 0; m < FD_N_MEASURES; m++)
    {
      cube->measure_index[m] = -1;
      if (mask & (1u << m))
        {
          cube->measure_index[m] = cube->n_measures;
          cube->measures[cube->n_measures++] = m;
        }
    }
}

static char *
measure_columns (FdInsightCube *cube,
                 const char    *alias,
                 gboolean       hourly)
{
  GString *columns = g_string_new (NULL);

  for (guint i = 0; i < cube->n_measures; i++)
    {
      if (hourly && !fd_measure_is_hourly (cube->measures[i]))
        g_string_append (columns, ", 0");
      else
        g_string_append_printf (columns, ", %s.%s", alias, fd_measure_get_column (cube->measures[i]));
    }

  return g_string_free (columns, FALSE);
}

static int
object_for_row (FdInsightCube *cube,
                sqlite3_stmt  *stmt,
                gint64        *last_rowid,
                int           *last_index)
{
  gint64 rowid = sqlite3_column_int64 (stmt, 0);

  /* Rows come grouped by object: look up only when it changes. */
  if (rowid != *last_rowid)
    {
      *last_rowid = rowid;
      *last_index = GPOINTER_TO_INT (g_hash_table_lookup (cube->by_rowid, GSIZE_TO_POINTER ((gsize)rowid))) - 1;
    }

  return *last_index;
}

static int
day_index (FdInsightCube *cube,
           sqlite3_stmt  *stmt,
           int            column)
{
  int day = fd_civil_day_from_text (fd_stmt_column_text (stmt, column));

  if (day == G_MININT || day < cube->day0 || day >= cube->day0 + (int)cube->n_days)
    return -1;

  return day - cube->day0;
}

static gboolean
load_daily (FdInsightCube     *cube,
            FdStore           *store,
            const FdCubePlan  *plan,
            GError           **error)
{
  g_autofree char *columns = measure_columns (cube, "d", FALSE);
  g_autofree char *sql = NULL;
  g_autofree char *first = fd_civil_day_to_text (cube->day0);
  g_autofree char *last = fd_civil_day_to_text (cube->day0 + (int)cube->n_days - 1);
  g_auto(FdStmt) stmt = NULL;
  guint stride = (cube->n_days + 1) * cube->n_measures;
  gint64 last_rowid = -1;
  int last_index = -1;
  gboolean has_row;

  cube->daily = g_new0 (gint64, (gsize)cube->objects->len * stride);

  if (cube->n_measures == 0 || cube->objects->len == 0)
    return TRUE;

  sql = g_strdup_printf ("SELECT o.rowid, d.day%s FROM meta_object o "
                         "JOIN insight_daily d ON d.object_id = o.id AND d.day BETWEEN ?3 AND ?4 "
                         "WHERE o.level = ?1 AND (?2 IS NULL OR o.id = ?2)",
                         columns);
  if (!(stmt = fd_store_stmt (store, sql, error)))
    return FALSE;

  fd_stmt_bind_text (stmt, 1, fd_rule_level_to_string (plan->level));
  fd_stmt_bind_text (stmt, 2, plan->object_id);
  fd_stmt_bind_text (stmt, 3, first);
  fd_stmt_bind_text (stmt, 4, last);

  for (;;)
    {
      int object, day;
      gint64 *slot;

      if (!fd_store_step (store, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;

      cube->stats.daily_rows++;
      if ((object = object_for_row (cube, stmt, &last_rowid, &last_index)) < 0 ||
          (day = day_index (cube, stmt, 1)) < 0)
        continue;

      /* Raw values go one day to the right; the prefix pass below turns
       * slot d into the sum of days before d. */
      slot = cube->daily + (gsize)object * stride + (gsize)(day + 1) * cube->n_measures;
      for (guint m = 0; m < cube->n_measures; m++)
        slot[m] += sqlite3_column_int64 (stmt, 2 + m);
    }

  for (guint o = 0; o < cube->objects->len; o++)
    {
      gint64 *base = cube->daily + (gsize)o * stride;

      for (guint d = 1; d <= cube->n_days; d++)
        for (guint m = 0; m < cube->n_measures; m++)
          base[d * cube->n_measures + m] += base[(d - 1) * cube->n_measures + m];
    }

  return TRUE;
}

/* The days, as text for the query, that hold a window edge in any zone. */
static char *
hourly_days_json (FdInsightCube    *cube,
                  const FdCubePlan *plan,
                  guint8           *wanted)
{
  g_autoptr(GString) json = g_string_new ("[");
  guint n = 0;

  for (guint e = 0; plan->edges != NULL && e < plan->edges->len; e++)
    {
      gint64 instant = g_array_index (plan->edges, gint64, e);

      for (guint a = 0; a < cube->accounts->len; a++)
        {
          FdCubeAccount *account = g_ptr_array_index (cube->accounts, a);
          guint d = _fd_insight_cube_upper_bound (account->day_start, cube->n_days, instant);

          /* An edge on a day boundary cuts no day. */
          if (d > 0 && d - 1 < cube->n_days && account->day_start[d - 1] < instant)
            wanted[d - 1] = 1;
        }
    }

  for (guint d = 0; d < cube->n_days; d++)
    if (wanted[d])
      {
        g_autofree char *text = fd_civil_day_to_text (cube->day0 + (int)d);

        g_string_append_printf (json, "%s\"%s\"", n++ ? "," : "", text);
      }

  g_string_append_c (json, ']');
  cube->stats.hourly_days = n;

  return n > 0 ? g_strdup (json->str) : NULL;
}

static gint64 *
block_for (FdInsightCube *cube,
           guint          object,
           guint          day)
{
  gint32 *index = &cube->hour_block[(gsize)object * cube->n_days + day];

  if (*index < 0)
    {
      const FdCubeObject *o = &g_array_index (cube->objects, FdCubeObject, object);
      const gint64 *S = ((FdCubeAccount *)g_ptr_array_index (cube->accounts, o->account))->day_start;
      gint64 *block;

      *index = cube->blocks->len / cube->block_stride;
      g_array_set_size (cube->blocks, cube->blocks->len + cube->block_stride);
      block = &g_array_index (cube->blocks, gint64, (gsize)*index * cube->block_stride);

      /* Hours without a row start where they would; the real start from a
       * row replaces the guess. */
      for (guint h = 0; h < N_HOURS; h++)
        block[h] = S[day] + (gint64)h * G_TIME_SPAN_HOUR;
    }

  return &g_array_index (cube->blocks, gint64, (gsize)*index * cube->block_stride);
}

/* Splits @total into N_HOURS integers in proportion to @weights, exactly
 * (largest remainders); FALSE when the weights are all zero. */
static gboolean
allocate_hours (gint64        total,
                const double *weights,
                gint64       *out)
{
  double sum = 0, remainder[N_HOURS];
  gint64 given = 0;

  for (int h = 0; h < N_HOURS; h++)
    sum += weights[h];
  if (sum <= 0)
    return FALSE;

  for (int h = 0; h < N_HOURS; h++)
    {
      double share = total * weights[h] / sum;

      out[h] = (gint64)floor (share);
      remainder[h] = share - out[h];
      given += out[h];
    }

  while (given < total)
    {
      int best = 0;

      for (int h = 1; h < N_HOURS; h++)
        if (remainder[h] > remainder[best])
          best = h;
      out[best]++;
      remainder[best] = -1;
      given++;
    }

  return TRUE;
}

/* Meta's hourly breakdowns carry no off-Meta conversions: purchases and
 * their value come by day only. A day whose hours hold none of a day's
 * purchases gets them spread over its hours by what each hour spent (the
 * way delivery is paced), so that a window cutting the day — cpa(1d) at
 * 14:20 — counts the purchases of the hours it covers rather than none.
 * Hours that do carry them (other sources, tests) are taken as they are. */
static void
spread_conversions (FdInsightCube *cube)
{
  static const FdMeasure daily_only[] = { FD_MEASURE_PURCHASES, FD_MEASURE_PURCHASE_VALUE };
  int weight = cube->measure_index[FD_MEASURE_SPEND] >= 0 ? cube->measure_index[FD_MEASURE_SPEND]
                                                          : cube->measure_index[FD_MEASURE_IMPRESSIONS];
  guint n = cube->n_measures;

  if (weight < 0)
    return;

  for (guint object = 0; object < cube->objects->len; object++)
    for (guint day = 0; day < cube->n_days; day++)
      {
        gint32 b = cube->hour_block[(gsize)object * cube->n_days + day];
        const gint64 *daily = cube->daily + (gsize)object * (cube->n_days + 1) * n;
        gint64 *raw;
        double weights[N_HOURS];

        if (b < 0)
          continue;

        raw = &g_array_index (cube->blocks, gint64, (gsize)b * cube->block_stride) + N_HOURS;
        for (int h = 0; h < N_HOURS; h++)
          weights[h] = (double)raw[(gsize)(h + 1) * n + weight];

        for (guint i = 0; i < G_N_ELEMENTS (daily_only); i++)
          {
            int m = cube->measure_index[daily_only[i]];
            gint64 total, hours = 0, split[N_HOURS];

            if (m < 0)
              continue;

            total = daily[(gsize)(day + 1) * n + m] - daily[(gsize)day * n + m];
            for (int h = 0; h < N_HOURS; h++)
              hours += raw[(gsize)(h + 1) * n + m];

            if (hours != 0 || total <= 0 || !allocate_hours (total, weights, split))
              continue;

            for (int h = 0; h < N_HOURS; h++)
              raw[(gsize)(h + 1) * n + m] = split[h];
            cube->stats.spread_days++;
          }
      }
}

static gboolean
load_hourly (FdInsightCube     *cube,
             FdStore           *store,
             const FdCubePlan  *plan,
             GError           **error)
{
  g_autofree char *columns = measure_columns (cube, "h", TRUE);
  g_autofree guint8 *wanted = g_new0 (guint8, cube->n_days);
  g_autofree char *days = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *first = fd_civil_day_to_text (cube->day0);
  g_autofree char *last = fd_civil_day_to_text (cube->day0 + (int)cube->n_days - 1);
  g_auto(FdStmt) stmt = NULL;
  gint64 last_rowid = -1;
  int last_index = -1;
  gboolean has_row;

  cube->block_stride = N_HOURS + (N_HOURS + 1) * cube->n_measures;
  cube->blocks = g_array_new (FALSE, TRUE, sizeof (gint64));
  cube->hour_block = g_new (gint32, (gsize)cube->objects->len * cube->n_days);
  memset (cube->hour_block, 0xff, sizeof (gint32) * (gsize)cube->objects->len * cube->n_days);

  if (cube->n_measures == 0 || cube->objects->len == 0)
    return TRUE;

  if (!plan->hourly_all && (days = hourly_days_json (cube, plan, wanted)) == NULL)
    return TRUE;

  sql = g_strdup_printf ("SELECT o.rowid, h.day, h.hour, h.start_us%s FROM meta_object o "
                         "JOIN insight_hourly h ON h.object_id = o.id AND %s "
                         "WHERE o.level = ?1 AND (?2 IS NULL OR o.id = ?2)",
                         columns,
                         plan->hourly_all ? "h.day BETWEEN ?3 AND ?4"
                                          : "h.day IN (SELECT value FROM json_each (?3))");
  if (!(stmt = fd_store_stmt (store, sql, error)))
    return FALSE;

  fd_stmt_bind_text (stmt, 1, fd_rule_level_to_string (plan->level));
  fd_stmt_bind_text (stmt, 2, plan->object_id);
  if (plan->hourly_all)
    {
      fd_stmt_bind_text (stmt, 3, first);
      fd_stmt_bind_text (stmt, 4, last);
    }
  else
    fd_stmt_bind_text (stmt, 3, days);

  for (;;)
    {
      int object, day, hour;
      gint64 *block;
      gint64 *slot;

      if (!fd_store_step (store, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;

      cube->stats.hourly_rows++;
      hour = sqlite3_column_int (stmt, 2);
      if ((object = object_for_row (cube, stmt, &last_rowid, &last_index)) < 0 ||
          (day = day_index (cube, stmt, 1)) < 0 || hour < 0 || hour >= N_HOURS)
        continue;

      block = block_for (cube, object, day);
      block[hour] = sqlite3_column_int64 (stmt, 3);
      slot = block + N_HOURS + (gsize)(hour + 1) * cube->n_measures;
      for (guint m = 0; m < cube->n_measures; m++)
        slot[m] += sqlite3_column_int64 (stmt, 4 + m);
    }

  spread_conversions (cube);

  for (guint b = 0; b < cube->blocks->len / cube->block_stride; b++)
    {
      gint64 *block = &g_array_index (cube->blocks, gint64, (gsize)b * cube->block_stride);
      gint64 *prefix = block + N_HOURS;

      /* Starts must rise for the counting in sum_hours(). */
      for (guint h = 1; h < N_HOURS; h++)
        block[h] = MAX (block[h], block[h - 1] + 1);

      for (guint h = 1; h <= N_HOURS; h++)
        for (guint m = 0; m < cube->n_measures; m++)
          prefix[h * cube->n_measures + m] += prefix[(h - 1) * cube->n_measures + m];
    }

  return TRUE;
}

static gboolean
load_reach (FdInsightCube     *cube,
            FdStore           *store,
            const FdCubePlan  *plan,
            GError           **error)
{
  g_autoptr(GString) lengths = g_string_new ("[");
  g_autofree char *first = fd_civil_day_to_text (cube->day0);
  g_autofree char *last = fd_civil_day_to_text (cube->day0 + (int)cube->n_days - 1);
  g_auto(FdStmt) stmt = NULL;
  gint64 last_rowid = -1;
  int last_index = -1;
  gboolean has_row;

  cube->reach_lengths = g_array_new (FALSE, FALSE, sizeof (int));

  if (plan->reach_days == NULL || plan->reach_days->len == 0 || cube->objects->len == 0)
    return TRUE;

  for (guint i = 0; i < plan->reach_days->len; i++)
    {
      int days = g_array_index (plan->reach_days, int, i);

      g_string_append_printf (lengths, "%s%d", i ? "," : "", days);
      g_array_append_val (cube->reach_lengths, days);
    }
  g_string_append_c (lengths, ']');

  /* A dense table: a few window lengths, one slot per object and day. */
  {
    gsize slots = (gsize)cube->objects->len * cube->n_days * cube->reach_lengths->len * 2;

    cube->reach = g_new (gint64, slots);
    memset (cube->reach, 0xff, slots * sizeof (gint64));
  }

  stmt = fd_store_stmt (store,
                        "SELECT o.rowid, r.until_day, r.days, r.reach, r.impressions "
                        "FROM meta_object o "
                        "JOIN insight_reach r ON r.object_id = o.id AND r.until_day BETWEEN ?3 AND ?4 "
                        "AND r.days IN (SELECT value FROM json_each (?5)) "
                        "WHERE o.level = ?1 AND (?2 IS NULL OR o.id = ?2)",
                        error);
  if (stmt == NULL)
    return FALSE;

  fd_stmt_bind_text (stmt, 1, fd_rule_level_to_string (plan->level));
  fd_stmt_bind_text (stmt, 2, plan->object_id);
  fd_stmt_bind_text (stmt, 3, first);
  fd_stmt_bind_text (stmt, 4, last);
  fd_stmt_bind_text (stmt, 5, lengths->str);

  for (;;)
    {
      int object, day, length;
      gint64 *slot;

      if (!fd_store_step (store, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;

      cube->stats.reach_rows++;
      if ((object = object_for_row (cube, stmt, &last_rowid, &last_index)) < 0 ||
          (day = day_index (cube, stmt, 1)) < 0 ||
          (length = _fd_insight_cube_reach_length (cube, sqlite3_column_int (stmt, 2))) < 0)
        continue;

      slot = _fd_insight_cube_reach_slot (cube, object, day, length);
      slot[0] = sqlite3_column_int64 (stmt, 3);
      slot[1] = sqlite3_column_int64 (stmt, 4);
    }

  return TRUE;
}

/**
 * fd_insight_cube_load:
 *
 * Reads what @plan asks for: the objects of its level (deleted and
 * archived ones left out), their accounts, targets and budgets, and their
 * insights.
 *
 * Returns: (transfer full): the cube, or %NULL with @error set
 */
FdInsightCube *
fd_insight_cube_load (FdStore           *store,
                      const FdCubePlan  *plan,
                      GError           **error)
{
  g_autoptr(FdInsightCube) cube = g_new0 (FdInsightCube, 1);
  g_autoptr(GHashTable) accounts_by_id = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (plan->level >= 0 && plan->level < FD_RULE_N_LEVELS, NULL);

  cube->level = plan->level;
  cube->accounts = g_ptr_array_new_with_free_func (account_free);
  cube->objects = g_array_new (FALSE, TRUE, sizeof (FdCubeObject));
  g_array_set_clear_func (cube->objects, clear_object);
  cube->by_rowid = g_hash_table_new (g_direct_hash, g_direct_equal);
  cube->by_id = g_hash_table_new (g_str_hash, g_str_equal);

  set_up_measures (cube, plan->measures);

  if (!load_accounts (cube, store, accounts_by_id, error))
    return NULL;

  set_up_days (cube, plan);

  for (guint i = 0; i < cube->accounts->len; i++)
    {
      FdCubeAccount *account = g_ptr_array_index (cube->accounts, i);

      account->offset = fd_currency_get_offset (account->currency);
    }

  if (!load_objects (cube, store, plan, accounts_by_id, error) ||
      !load_daily (cube, store, plan, error) ||
      !load_hourly (cube, store, plan, error) ||
      !load_reach (cube, store, plan, error))
    return NULL;

  return g_steal_pointer (&cube);
}
