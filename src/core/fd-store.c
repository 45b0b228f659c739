/* fd-store.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "fd-core-error.h"
#include "fd-schema.h"
#include "fd-store-private.h"

/* FdStore is one SQLite connection to a workspace database. A connection
 * belongs to one thread at a time; worker threads open their own store on the
 * same file (WAL lets readers and one writer work side by side). */

#define FD_STORE_BUSY_TIMEOUT_MS 5000

struct _FdStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;  /* SQL text → sqlite3_stmt* */

  gint64      now_override;
  int         schema_version;
  gboolean    read_only;

  guint       txn_depth;
  gboolean    txn_failed;
  gint64      txn_last_seq;
  gint64      txn_events;
};

G_DEFINE_FINAL_TYPE (FdStore, fd_store, G_TYPE_OBJECT)

enum {
  COMMITTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/*
 * Errors
 */

static void
set_error_from_rc (FdStore     *self,
                   int          rc,
                   const char  *detail,
                   GError     **error)
{
  int primary = rc & 0xff;
  const char *path = self->path ? self->path : "";

  switch (primary)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_BUSY,
                   _("The workspace database is locked by another program. "
                     "Wait for it to finish, or close it, and try again."));
      break;

    case SQLITE_FULL:
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NO_SPACE,
                   _("The disk holding the workspace is full. Free some space "
                     "and try again; nothing was changed."));
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_CORRUPT,
                   _("“%s” is damaged or is not a Flightdeck workspace "
                     "database. Restore it from a backup."),
                   path);
      break;

    case SQLITE_READONLY:
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_READ_ONLY,
                   _("The workspace cannot be written: “%s” is read-only."),
                   path);
      break;

    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_PERM:
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_IO,
                   _("Could not read or write “%s”: %s"),
                   path, detail ? detail : sqlite3_errstr (rc));
      break;

    case SQLITE_CONSTRAINT:
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   _("The change breaks a rule of the workspace: %s"),
                   detail ? detail : sqlite3_errstr (rc));
      break;

    default:
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_FAILED,
                   _("Database error: %s"),
                   detail ? detail : sqlite3_errstr (rc));
      break;
    }
}

/**
 * fd_store_propagate:
 * @rc: an SQLite result code
 *
 * Turns a failing SQLite result code into a #GError of the core domain.
 *
 * Returns: %TRUE if @rc is a success code, %FALSE with @error set otherwise.
 */
gboolean
fd_store_propagate (FdStore  *self,
                    int       rc,
                    GError  **error)
{
  g_return_val_if_fail (FD_IS_STORE (self), FALSE);

  if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;

  set_error_from_rc (self, rc, self->db ? sqlite3_errmsg (self->db) : NULL, error);
  return FALSE;
}

/*
 * GObject
 */

static void
fd_store_finalize (GObject *object)
{
  FdStore *self = (FdStore *)object;

  if (self->txn_depth > 0)
    {
      g_warning ("Store finalized inside a transaction; rolling back");
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
    }

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (fd_store_parent_class)->finalize (object);
}

static void
fd_store_class_init (FdStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fd_store_finalize;

  /**
   * FdStore::committed:
   * @last_seq: the sequence number of the last audit event written
   *
   * Emitted after a transaction that wrote audit events has committed, on
   * the thread that committed it.
   */
  signals[COMMITTED] =
    g_signal_new ("committed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
fd_store_init (FdStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal,
                                            g_free, finalize_statement);
}

/*
 * Opening
 */

static gboolean
query_int (FdStore     *self,
           const char  *sql,
           int         *out,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  if (rc != SQLITE_OK)
    set_error_from_rc (self, rc, sqlite3_errmsg (self->db), error);
  sqlite3_finalize (stmt);

  return rc == SQLITE_OK;
}

/* Everything here only reads: a file we cannot use must stay untouched. */
static gboolean
check_file (FdStore     *self,
            int          latest,
            GError     **error)
{
  int version = 0;
  int app_id = 0;
  int n_tables = 0;

  if (!query_int (self, "PRAGMA user_version", &version, error) ||
      !query_int (self, "PRAGMA application_id", &app_id, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &n_tables, error))
    return FALSE;

  if ((version > 0 || n_tables > 0) && app_id != FD_SCHEMA_APPLICATION_ID)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_CORRUPT,
                   _("“%s” is an SQLite database, but not a Flightdeck "
                     "workspace. It was left untouched."),
                   self->path);
      return FALSE;
    }

  if (version > latest)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NEWER_SCHEMA,
                   _("This workspace was saved by a newer version of "
                     "Flightdeck (schema %d; this version knows up to %d). "
                     "Update Flightdeck to open it; the file was left "
                     "untouched."),
                   version, latest);
      return FALSE;
    }

  self->schema_version = version;
  return TRUE;
}

static gboolean
configure_connection (FdStore  *self,
                      GError  **error)
{
  if (self->read_only)
    return fd_store_exec (self, "PRAGMA foreign_keys = ON", error);

  return fd_store_exec (self, "PRAGMA journal_mode = WAL", error) &&
         fd_store_exec (self, "PRAGMA synchronous = NORMAL", error) &&
         fd_store_exec (self, "PRAGMA foreign_keys = ON", error);
}

FdStore *
_fd_store_open_at_version (const char        *path,
                           FdStoreOpenFlags   flags,
                           int                max_version,
                           GError           **error)
{
  g_autoptr(FdStore) self = NULL;
  int open_flags;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (!(flags & FD_STORE_OPEN_CREATE) && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND,
                   _("There is no workspace database at “%s”."), path);
      return NULL;
    }

  self = g_object_new (FD_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->read_only = (flags & FD_STORE_OPEN_READ_ONLY) != 0;

  if (self->read_only)
    open_flags = SQLITE_OPEN_READONLY;
  else
    open_flags = SQLITE_OPEN_READWRITE |
                 ((flags & FD_STORE_OPEN_CREATE) ? SQLITE_OPEN_CREATE : 0);
  open_flags |= SQLITE_OPEN_NOMUTEX;

  rc = sqlite3_open_v2 (path, &self->db, open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_rc (self, rc, self->db ? sqlite3_errmsg (self->db) : NULL, error);
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, FD_STORE_BUSY_TIMEOUT_MS);

  if (!check_file (self, fd_schema_get_latest_version (), error))
    return NULL;

  if (self->read_only && self->schema_version < max_version)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_READ_ONLY,
                   _("The workspace needs an upgrade, which cannot be done "
                     "while it is opened read-only."));
      return NULL;
    }

  if (!configure_connection (self, error))
    return NULL;

  if (!self->read_only && self->schema_version < max_version)
    {
      if (!fd_schema_migrate (self, self->schema_version, max_version, error))
        return NULL;
      self->schema_version = max_version;
    }

  return g_steal_pointer (&self);
}

/**
 * fd_store_open:
 * @path: the database file
 * @flags: how to open it
 *
 * Opens (and, unless read-only, migrates) a workspace database. A file that
 * is damaged, is not a workspace, or was written by a newer Flightdeck is
 * refused with a clear error and is not modified.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
FdStore *
fd_store_open (const char        *path,
               FdStoreOpenFlags   flags,
               GError           **error)
{
  return _fd_store_open_at_version (path, flags,
                                    fd_schema_get_latest_version (),
                                    error);
}

const char *
fd_store_get_path (FdStore *self)
{
  g_return_val_if_fail (FD_IS_STORE (self), NULL);

  return self->path;
}

int
fd_store_get_schema_version (FdStore *self)
{
  g_return_val_if_fail (FD_IS_STORE (self), 0);

  return self->schema_version;
}

int
fd_store_get_latest_schema_version (void)
{
  return fd_schema_get_latest_version ();
}

sqlite3 *
fd_store_get_db (FdStore *self)
{
  g_return_val_if_fail (FD_IS_STORE (self), NULL);

  return self->db;
}

/**
 * fd_store_set_busy_timeout:
 *
 * How long a write waits for another connection's lock before failing with
 * %FD_CORE_ERROR_BUSY. The default is five seconds.
 */
void
fd_store_set_busy_timeout (FdStore *self,
                           int      timeout_ms)
{
  g_return_if_fail (FD_IS_STORE (self));

  sqlite3_busy_timeout (self->db, timeout_ms);
}

/**
 * fd_store_now:
 *
 * Returns: the current time as UTC microseconds, or the time set with
 *   fd_store_set_now() (used by tests and by `triage run --at`)
 */
gint64
fd_store_now (FdStore *self)
{
  g_return_val_if_fail (FD_IS_STORE (self), 0);

  if (self->now_override != 0)
    return self->now_override;

  return g_get_real_time ();
}

void
fd_store_set_now (FdStore *self,
                  gint64   now_us)
{
  g_return_if_fail (FD_IS_STORE (self));

  self->now_override = now_us;
}

/*
 * Statements
 */

/**
 * fd_store_stmt:
 * @sql: one SQL statement; the text is the cache key
 *
 * Returns a prepared statement from the connection's cache, reset and with
 * its bindings cleared. Keep it in a g_auto(FdStmt) so it is reset again
 * when the caller is done with it.
 *
 * Returns: (transfer none): the statement, or %NULL with @error set
 */
sqlite3_stmt *
fd_store_stmt (FdStore     *self,
               const char  *sql,
               GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_rc (self, rc, sqlite3_errmsg (self->db), error);
      g_critical ("Could not prepare “%s”: %s", sql, sqlite3_errmsg (self->db));
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

/**
 * fd_store_step:
 * @has_row: (out): whether a row is available
 *
 * Steps @stmt once.
 *
 * Returns: %FALSE with @error set on failure
 */
gboolean
fd_store_step (FdStore       *self,
               sqlite3_stmt  *stmt,
               gboolean      *has_row,
               GError       **error)
{
  int rc = sqlite3_step (stmt);

  *has_row = (rc == SQLITE_ROW);

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return TRUE;

  set_error_from_rc (self, rc, sqlite3_errmsg (self->db), error);
  sqlite3_reset (stmt);
  return FALSE;
}

/**
 * fd_store_run:
 *
 * Steps a statement that returns no rows to completion and resets it.
 */
gboolean
fd_store_run (FdStore       *self,
              sqlite3_stmt  *stmt,
              GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;

  if (rc != SQLITE_DONE)
    {
      set_error_from_rc (self, rc, sqlite3_errmsg (self->db), error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * fd_store_exec:
 *
 * Runs SQL text that takes no parameters (schema, pragmas). Not cached.
 */
gboolean
fd_store_exec (FdStore     *self,
               const char  *sql,
               GError     **error)
{
  char *errmsg = NULL;
  int rc;

  g_return_val_if_fail (FD_IS_STORE (self), FALSE);

  rc = sqlite3_exec (self->db, sql, NULL, NULL, &errmsg);
  if (rc != SQLITE_OK)
    {
      set_error_from_rc (self, rc, errmsg, error);
      sqlite3_free (errmsg);
      return FALSE;
    }

  return TRUE;
}

gint64
fd_store_get_last_insert_id (FdStore *self)
{
  return sqlite3_last_insert_rowid (self->db);
}

int
fd_store_get_changes (FdStore *self)
{
  return sqlite3_changes (self->db);
}

/*
 * Transactions
 */

/**
 * fd_store_begin:
 *
 * Starts a write transaction, or joins the one already open on this
 * connection. Every fd_store_begin() is paired with fd_store_commit() or
 * fd_store_rollback(); a rollback at any depth dooms the whole transaction.
 */
gboolean
fd_store_begin (FdStore  *self,
                GError  **error)
{
  g_return_val_if_fail (FD_IS_STORE (self), FALSE);

  if (self->read_only)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_READ_ONLY,
                   _("The workspace was opened read-only."));
      return FALSE;
    }

  if (self->txn_depth == 0)
    {
      /* IMMEDIATE takes the write lock now, so a busy database fails here,
       * before any work is done, rather than at COMMIT. */
      if (!fd_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;

      self->txn_failed = FALSE;
      self->txn_events = 0;
      self->txn_last_seq = 0;
    }

  self->txn_depth++;
  return TRUE;
}

gboolean
fd_store_commit (FdStore  *self,
                 GError  **error)
{
  gint64 last_seq;
  gint64 events;

  g_return_val_if_fail (FD_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->txn_depth > 0, FALSE);

  if (--self->txn_depth > 0)
    return TRUE;

  if (self->txn_failed)
    {
      fd_store_exec (self, "ROLLBACK", NULL);
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_FAILED,
                   _("The change was cancelled because part of it failed."));
      return FALSE;
    }

  if (!fd_store_exec (self, "COMMIT", error))
    {
      /* A failed COMMIT (disk full, I/O error) may leave the transaction
       * open; make sure nothing half-done survives. */
      if (!sqlite3_get_autocommit (self->db))
        fd_store_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }

  last_seq = self->txn_last_seq;
  events = self->txn_events;
  self->txn_events = 0;
  self->txn_last_seq = 0;

  if (events > 0)
    g_signal_emit (self, signals[COMMITTED], 0, last_seq);

  return TRUE;
}

void
fd_store_rollback (FdStore *self)
{
  g_return_if_fail (FD_IS_STORE (self));

  if (self->txn_depth == 0)
    return;

  if (--self->txn_depth > 0)
    {
      self->txn_failed = TRUE;
      return;
    }

  self->txn_events = 0;
  self->txn_last_seq = 0;
  if (!sqlite3_get_autocommit (self->db))
    fd_store_exec (self, "ROLLBACK", NULL);
}

gboolean
fd_store_in_transaction (FdStore *self)
{
  g_return_val_if_fail (FD_IS_STORE (self), FALSE);

  return self->txn_depth > 0;
}

void
_fd_store_note_audit_event (FdStore *self,
                            gint64   seq)
{
  g_assert (self->txn_depth > 0);

  self->txn_events++;
  self->txn_last_seq = seq;
}

gint64
_fd_store_get_pending_events (FdStore *self)
{
  return self->txn_events;
}

/**
 * fd_store_query_text:
 * @sql: a query with one integer parameter returning one text column, such
 *   as "SELECT json_object (…) FROM person WHERE id = ?"
 * @id: the parameter
 *
 * Handy for the before/after snapshots of audit events.
 *
 * Returns: (transfer full) (nullable): the first row's value; %NULL with
 *   @error unset when there is no row
 */
char *
fd_store_query_text (FdStore     *self,
                     const char  *sql,
                     gint64       id,
                     GError     **error)
{
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);

  stmt = fd_store_stmt (self, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!fd_store_step (self, stmt, &has_row, error) || !has_row)
    return NULL;

  return fd_stmt_dup_text (stmt, 0);
}

/**
 * fd_store_get_meta:
 * @key: a workspace setting
 *
 * Returns: (transfer full) (nullable): the value, or %NULL when unset
 */
char *
fd_store_get_meta (FdStore    *self,
                   const char *key)
{
  g_auto(FdStmt) stmt = NULL;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);

  stmt = fd_store_stmt (self, "SELECT value FROM meta WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return fd_stmt_dup_text (stmt, 0);

  return NULL;
}

/*
 * Statement helpers
 */

void
fd_stmt_bind_text (sqlite3_stmt *stmt,
                   int           index,
                   const char   *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

const char *
fd_stmt_column_text (sqlite3_stmt *stmt,
                     int           column)
{
  return (const char *)sqlite3_column_text (stmt, column);
}

char *
fd_stmt_dup_text (sqlite3_stmt *stmt,
                  int           column)
{
  return g_strdup ((const char *)sqlite3_column_text (stmt, column));
}
