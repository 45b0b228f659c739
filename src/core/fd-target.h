/* fd-target.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-rule-syntax.h"
#include "fd-store.h"

G_BEGIN_DECLS

/* Performance targets of ad sets and campaigns (object_target, schema 3).
 * Set in Flightdeck, not read from Meta; audited as entity "target". An ad
 * set without its own target uses its campaign's. */

/* The JSON recorded as a target's state in audit events. */
#define FD_TARGET_SNAPSHOT_SQL \
  "SELECT json_object ('object_id', object_id, 'target_cpa', target_cpa, " \
  "'target_roas', target_roas) FROM object_target WHERE object_id = ?"

/**
 * FdTargetChange:
 * @FD_TARGET_KEEP: leave this target as it is
 * @FD_TARGET_SET: set it to the value given
 * @FD_TARGET_CLEAR: remove it (the campaign's applies again)
 */
typedef enum
{
  FD_TARGET_KEEP,
  FD_TARGET_SET,
  FD_TARGET_CLEAR,
} FdTargetChange;

gboolean fd_target_describe_object (FdStore         *store,
                                    const char      *object_id,
                                    FdRuleLevel     *level,
                                    char           **currency,
                                    GError         **error);
gboolean fd_target_set             (FdStore         *store,
                                    const char      *actor,
                                    const char      *object_id,
                                    FdTargetChange   cpa_change,
                                    gint64           cpa_minor,
                                    FdTargetChange   roas_change,
                                    double           roas,
                                    GError         **error);
gboolean fd_target_get             (FdStore         *store,
                                    const char      *object_id,
                                    gboolean         inherited,
                                    gint64          *cpa_minor,
                                    double          *roas,
                                    GError         **error);

G_END_DECLS
