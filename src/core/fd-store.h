/* fd-store.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/**
 * FdStoreOpenFlags:
 * @FD_STORE_OPEN_DEFAULT: open an existing database read-write and migrate it
 * @FD_STORE_OPEN_CREATE: create the database file when it does not exist
 * @FD_STORE_OPEN_READ_ONLY: open without writing; fails if a migration is due
 */
typedef enum
{
  FD_STORE_OPEN_DEFAULT   = 0,
  FD_STORE_OPEN_CREATE    = 1 << 0,
  FD_STORE_OPEN_READ_ONLY = 1 << 1,
} FdStoreOpenFlags;

#define FD_TYPE_STORE (fd_store_get_type ())

G_DECLARE_FINAL_TYPE (FdStore, fd_store, FD, STORE, GObject)

/* A cached statement, reset (not finalized) when it goes out of scope:
 *
 *   g_auto(FdStmt) stmt = fd_store_stmt (store, "SELECT …", error);
 */
typedef sqlite3_stmt *FdStmt;
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (FdStmt, sqlite3_reset, NULL)

FdStore      *fd_store_open                   (const char        *path,
                                               FdStoreOpenFlags   flags,
                                               GError           **error);
const char   *fd_store_get_path               (FdStore           *self);
int           fd_store_get_schema_version     (FdStore           *self);
int           fd_store_get_latest_schema_version (void);
sqlite3      *fd_store_get_db                 (FdStore           *self);

void          fd_store_set_busy_timeout       (FdStore           *self,
                                               int                timeout_ms);
gint64        fd_store_now                    (FdStore           *self);
void          fd_store_set_now                (FdStore           *self,
                                               gint64             now_us);

sqlite3_stmt *fd_store_stmt                   (FdStore           *self,
                                               const char        *sql,
                                               GError           **error);
gboolean      fd_store_step                   (FdStore           *self,
                                               sqlite3_stmt      *stmt,
                                               gboolean          *has_row,
                                               GError           **error);
gboolean      fd_store_run                    (FdStore           *self,
                                               sqlite3_stmt      *stmt,
                                               GError           **error);
gboolean      fd_store_exec                   (FdStore           *self,
                                               const char        *sql,
                                               GError           **error);
gboolean      fd_store_propagate              (FdStore           *self,
                                               int                rc,
                                               GError           **error);

gboolean      fd_store_begin                  (FdStore           *self,
                                               GError           **error);
gboolean      fd_store_commit                 (FdStore           *self,
                                               GError           **error);
void          fd_store_rollback               (FdStore           *self);
gboolean      fd_store_in_transaction         (FdStore           *self);

gint64        fd_store_get_last_insert_id     (FdStore           *self);
int           fd_store_get_changes            (FdStore           *self);

char         *fd_store_query_text             (FdStore           *self,
                                               const char        *sql,
                                               gint64             id,
                                               GError           **error);
char         *fd_store_get_meta               (FdStore           *self,
                                               const char        *key);

/* Binding helpers that treat NULL strings as SQL NULL. Indices are 1-based,
 * as in SQLite itself. */
void          fd_stmt_bind_text               (sqlite3_stmt      *stmt,
                                               int                index,
                                               const char        *value);
const char   *fd_stmt_column_text             (sqlite3_stmt      *stmt,
                                               int                column);
char         *fd_stmt_dup_text                (sqlite3_stmt      *stmt,
                                               int                column);

G_END_DECLS
