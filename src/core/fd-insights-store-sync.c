/* fd-insights-store-sync.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-insights-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-insights-store.h"

/* The sync's bookkeeping (see fd-insights-store.h): the jobs of an
 * unfinished sync with their cursors, the watermarks of finished ones, and
 * a row per sync run for "last synced" and "last sync failed". */

void
fd_sync_job_free (FdSyncJob *job)
{
  if (job == NULL)
    return;

  g_free (job->job);
  g_free (job->after);
  g_free (job->report_run_id);
  g_free (job);
}

/**
 * fd_insights_store_list_jobs:
 *
 * Returns: (transfer container) (element-type FdSyncJob): the jobs of an
 *   unfinished sync of the account, in plan order; empty when none
 */
GPtrArray *
fd_insights_store_list_jobs (FdStore     *store,
                             const char  *account_id,
                             GError     **error)
{
  g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func ((GDestroyNotify)fd_sync_job_free);
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  stmt = fd_store_stmt (store,
                        "SELECT job, after, rows_done, seq, report_run_id, started_us "
                        "FROM sync_cursor WHERE account_id = ? ORDER BY seq, job",
                        error);
  if (stmt == NULL)
    return NULL;

  fd_stmt_bind_text (stmt, 1, account_id);
  while (TRUE)
    {
      FdSyncJob *job;

      if (!fd_store_step (store, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;

      job = g_new0 (FdSyncJob, 1);
      job->job = fd_stmt_dup_text (stmt, 0);
      job->after = fd_stmt_dup_text (stmt, 1);
      job->rows_done = sqlite3_column_int64 (stmt, 2);
      job->seq = sqlite3_column_int (stmt, 3);
      job->report_run_id = fd_stmt_dup_text (stmt, 4);
      job->started_us = sqlite3_column_int64 (stmt, 5);
      g_ptr_array_add (jobs, job);
    }

  return g_steal_pointer (&jobs);
}

gboolean
fd_insights_store_add_job (FdStore     *store,
                           const char  *account_id,
                           const char  *job,
                           int          seq,
                           gint64       started_us,
                           GError     **error)
{
  g_auto(FdStmt) stmt = NULL;

  stmt = fd_store_stmt (store,
                        "INSERT INTO sync_cursor (account_id, job, seq, started_us) "
                        "VALUES (?, ?, ?, ?) ON CONFLICT (account_id, job) DO NOTHING",
                        error);
  if (stmt == NULL)
    return FALSE;

  fd_stmt_bind_text (stmt, 1, account_id);
  fd_stmt_bind_text (stmt, 2, job);
  sqlite3_bind_int (stmt, 3, seq);
  sqlite3_bind_int64 (stmt, 4, started_us);
  return fd_store_run (store, stmt, error);
}

/**
 * fd_insights_store_update_job:
 * @after: (nullable): the cursor of the next page
 * @report_run_id: (nullable): the report run being read
 *
 * Call it in the same transaction as the rows of the page it follows.
 */
gboolean
fd_insights_store_update_job (FdStore     *store,
                              const char  *account_id,
                              const char  *job,
                              const char  *after,
                              gint64       rows_done,
                              const char  *report_run_id,
                              GError     **error)
{
  g_auto(FdStmt) stmt = NULL;

  stmt = fd_store_stmt (store,
                        "UPDATE sync_cursor SET after = ?, rows_done = ?, report_run_id = ? "
                        "WHERE account_id = ? AND job = ?",
                        error);
  if (stmt == NULL)
    return FALSE;

  fd_stmt_bind_text (stmt, 1, after);
  sqlite3_bind_int64 (stmt, 2, rows_done);
  fd_stmt_bind_text (stmt, 3, report_run_id);
  fd_stmt_bind_text (stmt, 4, account_id);
  fd_stmt_bind_text (stmt, 5, job);
  return fd_store_run (store, stmt, error);
}

gboolean
fd_insights_store_remove_job (FdStore     *store,
                              const char  *account_id,
                              const char  *job,
                              GError     **error)
{
  g_auto(FdStmt) stmt = NULL;

  stmt = fd_store_stmt (store, "DELETE FROM sync_cursor WHERE account_id = ? AND job = ?", error);
  if (stmt == NULL)
    return FALSE;

  fd_stmt_bind_text (stmt, 1, account_id);
  fd_stmt_bind_text (stmt, 2, job);
  return fd_store_run (store, stmt, error);
}

/**
 * fd_insights_store_get_watermark:
 * @kind: the kind of job, e.g. "daily:ad"
 *
 * Returns: (transfer full) (nullable): the account's "today" when a job of
 *   this kind last completed, or %NULL (with @error unset) if never
 */
char *
fd_insights_store_get_watermark (FdStore     *store,
                                 const char  *account_id,
                                 const char  *kind,
                                 GError     **error)
{
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  stmt = fd_store_stmt (store,
                        "SELECT until_day FROM sync_watermark WHERE account_id = ? AND kind = ?",
                        error);
  if (stmt == NULL)
    return NULL;

  fd_stmt_bind_text (stmt, 1, account_id);
  fd_stmt_bind_text (stmt, 2, kind);
  if (!fd_store_step (store, stmt, &has_row, error) || !has_row)
    return NULL;

  return fd_stmt_dup_text (stmt, 0);
}

gboolean
fd_insights_store_set_watermark (FdStore     *store,
                                 const char  *account_id,
                                 const char  *kind,
                                 const char  *until_day,
                                 gint64       synced_us,
                                 GError     **error)
{
  g_auto(FdStmt) stmt = NULL;

  /* A watermark only moves forward: a sync of an old range does not make
   * younger days look final. */
  stmt = fd_store_stmt (store,
                        "INSERT INTO sync_watermark (account_id, kind, until_day, synced_us) "
                        "VALUES (?, ?, ?, ?) ON CONFLICT (account_id, kind) DO UPDATE SET "
                        "until_day = max (until_day, excluded.until_day), "
                        "synced_us = excluded.synced_us",
                        error);
  if (stmt == NULL)
    return FALSE;

  fd_stmt_bind_text (stmt, 1, account_id);
  fd_stmt_bind_text (stmt, 2, kind);
  fd_stmt_bind_text (stmt, 3, until_day);
  sqlite3_bind_int64 (stmt, 4, synced_us);
  return fd_store_run (store, stmt, error);
}

/**
 * fd_insights_store_begin_run:
 *
 * Records the start of a sync. Runs of the account left unfinished by a
 * process that died are closed as interrupted first.
 *
 * Returns: the run's id, or 0 with @error set
 */
gint64
fd_insights_store_begin_run (FdStore     *store,
                             const char  *account_id,
                             gint64       started_us,
                             GError     **error)
{
  g_auto(FdStmt) close_stale = NULL;
  g_auto(FdStmt) insert = NULL;
  gint64 id;

  if (!fd_store_begin (store, error))
    return 0;

  close_stale = fd_store_stmt (store,
                               "UPDATE sync_run SET ok = 0, finished_us = ?, error_kind = 'failed', "
                               "message = ? WHERE account_id = ? AND ok IS NULL",
                               error);
  if (close_stale == NULL)
    goto failed;

  sqlite3_bind_int64 (close_stale, 1, started_us);
  fd_stmt_bind_text (close_stale, 2, _("The sync was interrupted before it finished; "
                                       "the next sync resumed where it stopped."));
  fd_stmt_bind_text (close_stale, 3, account_id);
  if (!fd_store_run (store, close_stale, error))
    goto failed;

  insert = fd_store_stmt (store, "INSERT INTO sync_run (account_id, started_us) VALUES (?, ?)", error);
  if (insert == NULL)
    goto failed;

  fd_stmt_bind_text (insert, 1, account_id);
  sqlite3_bind_int64 (insert, 2, started_us);
  if (!fd_store_run (store, insert, error))
    goto failed;

  id = fd_store_get_last_insert_id (store);
  if (!fd_store_commit (store, error))
    return 0;

  return id;

failed:
  fd_store_rollback (store);
  return 0;
}

/**
 * fd_insights_store_finish_run:
 * @message: (nullable): what failed, for a failed run
 * @error_kind: (nullable): see fd_ad_account_get_last_error_kind()
 */
gboolean
fd_insights_store_finish_run (FdStore     *store,
                              gint64       run_id,
                              gboolean     ok,
                              gint64       rows,
                              const char  *message,
                              const char  *error_kind,
                              gint64       finished_us,
                              GError     **error)
{
  g_auto(FdStmt) stmt = NULL;

  stmt = fd_store_stmt (store,
                        "UPDATE sync_run SET ok = ?, rows = ?, message = ?, error_kind = ?, "
                        "finished_us = ? WHERE id = ?",
                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, ok ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, rows);
  fd_stmt_bind_text (stmt, 3, message);
  fd_stmt_bind_text (stmt, 4, error_kind);
  sqlite3_bind_int64 (stmt, 5, finished_us);
  sqlite3_bind_int64 (stmt, 6, run_id);
  return fd_store_run (store, stmt, error);
}
