/* fd-core-error.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FD_CORE_ERROR (fd_core_error_quark ())

/**
 * FdCoreError:
 * @FD_CORE_ERROR_FAILED: anything not covered below
 * @FD_CORE_ERROR_IO: a file could not be read or written
 * @FD_CORE_ERROR_CORRUPT: the database file is damaged or not a database
 * @FD_CORE_ERROR_NEWER_SCHEMA: the workspace was written by a newer Flightdeck
 * @FD_CORE_ERROR_BUSY: another process holds the database lock
 * @FD_CORE_ERROR_NO_SPACE: the disk is full
 * @FD_CORE_ERROR_NOT_FOUND: the named record does not exist
 * @FD_CORE_ERROR_EXISTS: a record with that key exists already
 * @FD_CORE_ERROR_INVALID: the input is malformed or incomplete
 * @FD_CORE_ERROR_NOT_ALLOWED: a workflow rule forbids the change
 * @FD_CORE_ERROR_TAMPERED: the audit log does not verify
 * @FD_CORE_ERROR_HASH_MISMATCH: a stored file no longer matches its hash
 * @FD_CORE_ERROR_READ_ONLY: the workspace was opened read-only
 *
 * Errors of the core layer. Messages are written for the person using the
 * app: they say what went wrong and, where possible, what would fix it.
 */
typedef enum
{
  FD_CORE_ERROR_FAILED,
  FD_CORE_ERROR_IO,
  FD_CORE_ERROR_CORRUPT,
  FD_CORE_ERROR_NEWER_SCHEMA,
  FD_CORE_ERROR_BUSY,
  FD_CORE_ERROR_NO_SPACE,
  FD_CORE_ERROR_NOT_FOUND,
  FD_CORE_ERROR_EXISTS,
  FD_CORE_ERROR_INVALID,
  FD_CORE_ERROR_NOT_ALLOWED,
  FD_CORE_ERROR_TAMPERED,
  FD_CORE_ERROR_HASH_MISMATCH,
  FD_CORE_ERROR_READ_ONLY,
} FdCoreError;

GQuark fd_core_error_quark (void);

G_END_DECLS
