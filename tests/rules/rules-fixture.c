/* rules-fixture.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "fd-ad-account.h"
#include "fd-ad-creative-link.h"
#include "fd-core-error.h"
#include "fd-insight-cube.h"
#include "fd-insights-store.h"
#include "fd-roster.h"
#include "rules-fixture.h"

FdStore *
rf_store_new (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "flightdeck.db", NULL);
  FdStore *store = fd_store_open (path, FD_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  return store;
}

static void
exec_sql (FdStore    *store,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  fd_store_exec (store, sql, &error);
  g_assert_no_error (error);
}

/* Accounts are workflow data: added through the audited store API, so
 * that `audit verify` holds in every test. */
void
rf_account (FdStore    *store,
            const char *id,
            const char *currency,
            const char *timezone)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("Account %s", id);
  g_autoptr(FdAdAccount) account = fd_ad_account_new (id, name, currency, timezone,
                                                      "emulator:", "v25.0");

  g_assert_true (fd_insights_store_save_account (store, "system", account, &error));
  g_assert_no_error (error);
}

static char *
quoted_or_null (const char *text)
{
  return text ? g_strdup_printf ("'%s'", text) : g_strdup ("NULL");
}

void
rf_object (FdStore    *store,
           const char *id,
           const char *account,
           const char *level,
           const char *campaign,
           const char *adset,
           const char *name,
           gint64      daily_budget,
           const char *status)
{
  g_autofree char *c = quoted_or_null (campaign);
  g_autofree char *a = quoted_or_null (adset);
  g_autofree char *budget = daily_budget >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, daily_budget)
                                              : g_strdup ("NULL");
  g_autofree char *sql = g_strdup_printf ("INSERT INTO meta_object (id, account_id, level, campaign_id, "
                                          "adset_id, name, status, daily_budget, seen_us) "
                                          "VALUES ('%s', '%s', '%s', %s, %s, '%s', '%s', %s, 1)",
                                          id, account, level, c, a, name,
                                          status ? status : "ACTIVE", budget);

  exec_sql (store, sql);
}

/* "2026-03-10 14:20" in @timezone, as UTC µs. */
gint64
rf_local (const char *timezone,
          const char *datetime)
{
  g_autoptr(GTimeZone) tz = fd_time_zone_new (timezone, NULL);
  int y, mo, d, h, mi;
  g_autoptr(GDateTime) local = NULL;

  g_assert_cmpint (sscanf (datetime, "%d-%d-%d %d:%d", &y, &mo, &d, &h, &mi), ==, 5);
  local = g_date_time_new (tz, y, mo, d, h, mi, 0);
  g_assert_nonnull (local);

  return g_date_time_to_unix (local) * G_USEC_PER_SEC;
}

static void
add_row (FdStore         *store,
         const char      *table,
         const char      *object,
         const char      *day,
         int              hour,
         gint64           start_us,
         const RfMetrics *m)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_auto(FdStmt) stmt = NULL;
  gboolean hourly = hour >= 0;

  sql = g_strdup_printf ("INSERT INTO %s (object_id, day, %s start_us, impressions, %s spend, clicks, "
                         "link_clicks, purchases, purchase_value, synced_us) "
                         "VALUES (?1, ?2, %s ?4, ?5, %s ?7, ?8, ?9, ?10, ?11, 1) "
                         "ON CONFLICT DO UPDATE SET impressions = impressions + ?5, %s "
                         "spend = spend + ?7, clicks = clicks + ?8, link_clicks = link_clicks + ?9, "
                         "purchases = purchases + ?10, purchase_value = purchase_value + ?11",
                         table, hourly ? "hour," : "", hourly ? "" : "reach,",
                         hourly ? "?3," : "", hourly ? "" : "?6,",
                         hourly ? "" : "reach = reach + ?6,");
  stmt = fd_store_stmt (store, sql, &error);
  g_assert_no_error (error);

  fd_stmt_bind_text (stmt, 1, object);
  fd_stmt_bind_text (stmt, 2, day);
  sqlite3_bind_int (stmt, 3, hour);
  sqlite3_bind_int64 (stmt, 4, start_us);
  sqlite3_bind_int64 (stmt, 5, m->impressions);
  sqlite3_bind_int64 (stmt, 6, m->reach);
  sqlite3_bind_int64 (stmt, 7, m->spend);
  sqlite3_bind_int64 (stmt, 8, m->clicks);
  sqlite3_bind_int64 (stmt, 9, m->link_clicks);
  sqlite3_bind_int64 (stmt, 10, m->purchases);
  sqlite3_bind_int64 (stmt, 11, m->purchase_value);
  fd_store_run (store, stmt, &error);
  g_assert_no_error (error);
}

/* One day's totals (adds to what the day holds). */
void
rf_day (FdStore         *store,
        const char      *object,
        const char      *timezone,
        const char      *day,
        const RfMetrics *metrics)
{
  g_autoptr(GTimeZone) tz = fd_time_zone_new (timezone, NULL);

  add_row (store, "insight_daily", object, day, -1,
           fd_civil_day_start (tz, fd_civil_day_from_text (day)), metrics);
}

/* Hourly rows for every hour in [from, to) (local times), each with
 * @per_hour; the daily rows of those days grow by the same amounts, as a
 * sync would store them. */
void
rf_hours (FdStore         *store,
          const char      *object,
          const char      *timezone,
          const char      *from,
          const char      *to,
          const RfMetrics *per_hour)
{
  g_autoptr(GTimeZone) tz = fd_time_zone_new (timezone, NULL);
  gint64 end = rf_local (timezone, to);

  for (gint64 t = rf_local (timezone, from); t < end; t += G_TIME_SPAN_HOUR)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t / G_USEC_PER_SEC);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
      g_autofree char *day = g_date_time_format (local, "%Y-%m-%d");
      RfMetrics daily = *per_hour;

      add_row (store, "insight_hourly", object, day, g_date_time_get_hour (local), t, per_hour);
      daily.reach = per_hour->impressions / 2;
      add_row (store, "insight_daily", object, day, -1,
               fd_civil_day_start (tz, fd_civil_day_from_text (day)), &daily);
    }
}

void
rf_reach (FdStore    *store,
          const char *object,
          const char *until_day,
          int         days,
          gint64      reach,
          gint64      impressions)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO insight_reach (object_id, until_day, days, reach, "
                                          "impressions, synced_us) VALUES ('%s', '%s', %d, %" G_GINT64_FORMAT
                                          ", %" G_GINT64_FORMAT ", 1)",
                                          object, until_day, days, reach, impressions);

  exec_sql (store, sql);
}

void
rf_link_creative (FdStore    *store,
                  const char *ad,
                  gint64      version_id)
{
  g_autoptr(GError) error = NULL;

  fd_ad_creative_link_add (store, "system", ad, version_id, &error);
  g_assert_no_error (error);
}

gint64
rf_person (FdStore    *store,
           const char *name,
           const char *email,
           const char *role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdPerson) person = fd_roster_add (store, "system", name, email, role, &error);

  g_assert_no_error (error);
  return fd_person_get_id (person);
}

char *
rf_query_text (FdStore    *store,
               const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_auto(FdStmt) stmt = fd_store_stmt (store, sql, &error);
  gboolean has_row;

  g_assert_no_error (error);
  fd_store_step (store, stmt, &has_row, &error);
  g_assert_no_error (error);

  return has_row ? fd_stmt_dup_text (stmt, 0) : NULL;
}

gint64
rf_query_int (FdStore    *store,
              const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_auto(FdStmt) stmt = fd_store_stmt (store, sql, &error);
  gboolean has_row;

  g_assert_no_error (error);
  fd_store_step (store, stmt, &has_row, &error);
  g_assert_no_error (error);
  g_assert_true (has_row);

  return sqlite3_column_int64 (stmt, 0);
}

/*
 * The recording executor
 */

struct _RfExecutor
{
  GObject    parent_instance;

  GPtrArray  *calls;
  char       *fail_object;
  char       *fail_message;
  GHashTable *objects;     /* id → "STATUS budget", what the platform has */
  gboolean    readable;
  guint       reads;
  GMutex      lock;
};

static void rf_executor_iface_init (FdTriageExecutorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RfExecutor, rf_executor, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (FD_TYPE_TRIAGE_EXECUTOR, rf_executor_iface_init))

/* What the platform has for @object_id, as "STATUS budget". */
static void
remember (RfExecutor *self,
          const char *object_id,
          const char *status,
          gint64      budget)
{
  const char *known = g_hash_table_lookup (self->objects, object_id);
  g_auto(GStrv) parts = known ? g_strsplit (known, " ", 2) : NULL;

  g_hash_table_insert (self->objects, g_strdup (object_id),
                       g_strdup_printf ("%s %" G_GINT64_FORMAT,
                                        status ? status : parts ? parts[0] : "ACTIVE",
                                        budget > 0 ? budget : parts ? g_ascii_strtoll (parts[1], NULL, 10) : -1));
}

static gboolean
record_call (RfExecutor  *self,
             const char  *object_id,
             char        *call,
             const char  *status,
             gint64       budget,
             GError     **error)
{
  gboolean fail;

  g_mutex_lock (&self->lock);
  g_ptr_array_add (self->calls, call);
  fail = g_strcmp0 (self->fail_object, object_id) == 0;
  if (fail)
    g_set_error_literal (error, FD_CORE_ERROR, FD_CORE_ERROR_FAILED, self->fail_message);
  else
    remember (self, object_id, status, budget);
  g_mutex_unlock (&self->lock);

  return !fail;
}

static gboolean
rf_executor_set_status (FdTriageExecutor  *executor,
                        const char        *account_id,
                        const char        *object_id,
                        FdRuleLevel        level,
                        FdObjectStatus     status,
                        GCancellable      *cancellable,
                        GError           **error)
{
  return record_call (RF_EXECUTOR (executor), object_id,
                      g_strdup_printf ("status %s %s", object_id,
                                       status == FD_OBJECT_STATUS_PAUSED ? "PAUSED" : "ACTIVE"),
                      status == FD_OBJECT_STATUS_PAUSED ? "PAUSED" : "ACTIVE", 0, error);
}

static gboolean
rf_executor_set_daily_budget (FdTriageExecutor  *executor,
                              const char        *account_id,
                              const char        *object_id,
                              FdRuleLevel        level,
                              gint64             minor_units,
                              GCancellable      *cancellable,
                              GError           **error)
{
  return record_call (RF_EXECUTOR (executor), object_id,
                      g_strdup_printf ("budget %s %" G_GINT64_FORMAT, object_id, minor_units),
                      NULL, minor_units, error);
}

static gboolean
rf_executor_read_object (FdTriageExecutor  *executor,
                         const char        *account_id,
                         const char        *object_id,
                         FdRuleLevel        level,
                         FdObjectState     *state,
                         GCancellable      *cancellable,
                         GError           **error)
{
  RfExecutor *self = RF_EXECUTOR (executor);
  g_auto(GStrv) parts = NULL;

  g_mutex_lock (&self->lock);
  self->reads++;
  if (self->readable && g_hash_table_contains (self->objects, object_id))
    parts = g_strsplit (g_hash_table_lookup (self->objects, object_id), " ", 2);
  g_mutex_unlock (&self->lock);

  if (parts == NULL)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_FAILED, "cannot read %s", object_id);
      return FALSE;
    }

  state->status = g_strdup (parts[0]);
  state->effective_status = g_strdup (parts[0]);
  state->daily_budget = g_ascii_strtoll (parts[1], NULL, 10);
  return TRUE;
}

static void
rf_executor_iface_init (FdTriageExecutorInterface *iface)
{
  iface->set_status = rf_executor_set_status;
  iface->set_daily_budget = rf_executor_set_daily_budget;
  iface->read_object = rf_executor_read_object;
}

static void
rf_executor_finalize (GObject *object)
{
  RfExecutor *self = RF_EXECUTOR (object);

  g_ptr_array_unref (self->calls);
  g_free (self->fail_object);
  g_free (self->fail_message);
  g_hash_table_unref (self->objects);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (rf_executor_parent_class)->finalize (object);
}

static void
rf_executor_class_init (RfExecutorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rf_executor_finalize;
}

static void
rf_executor_init (RfExecutor *self)
{
  self->calls = g_ptr_array_new_with_free_func (g_free);
  self->objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_mutex_init (&self->lock);
}

RfExecutor *
rf_executor_new (void)
{
  return g_object_new (RF_TYPE_EXECUTOR, NULL);
}

GPtrArray *
rf_executor_get_calls (RfExecutor *self)
{
  return self->calls;
}

void
rf_executor_fail_for (RfExecutor *self,
                      const char *object_id,
                      const char *message)
{
  g_mutex_lock (&self->lock);
  g_free (self->fail_object);
  g_free (self->fail_message);
  self->fail_object = g_strdup (object_id);
  self->fail_message = g_strdup (message);
  g_mutex_unlock (&self->lock);
}

/* Makes read_object answer (with what the calls set, or what
 * rf_executor_set_object() said); without it every read fails, as with a
 * platform that cannot be read. */
void
rf_executor_set_readable (RfExecutor *self,
                          gboolean    readable)
{
  g_mutex_lock (&self->lock);
  self->readable = readable;
  g_mutex_unlock (&self->lock);
}

void
rf_executor_set_object (RfExecutor *self,
                        const char *object_id,
                        const char *status,
                        gint64      daily_budget)
{
  g_mutex_lock (&self->lock);
  remember (self, object_id, status, daily_budget);
  g_mutex_unlock (&self->lock);
}

guint
rf_executor_get_reads (RfExecutor *self)
{
  return self->reads;
}
