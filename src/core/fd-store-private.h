/* fd-store-private.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-store.h"

G_BEGIN_DECLS

/* The hash of the audit event before the first one. */
#define FD_AUDIT_GENESIS_HASH \
  "0000000000000000000000000000000000000000000000000000000000000000"

void      _fd_store_note_audit_event  (FdStore  *self,
                                       gint64    seq);
gint64    _fd_store_get_pending_events (FdStore *self);

/* For tests only: open and migrate no further than @max_version. */
FdStore  *_fd_store_open_at_version   (const char        *path,
                                       FdStoreOpenFlags   flags,
                                       int                max_version,
                                       GError           **error);

G_END_DECLS
