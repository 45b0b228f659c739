/* fd-rulebook.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-rule.h"
#include "fd-store.h"

G_BEGIN_DECLS

/* The rules of a workspace. Rules are text; every edit makes a new version,
 * and every change is audited (entities "rule" and "rule-version"). */

/* The JSON recorded as a rule's state in audit events. */
#define FD_RULE_SNAPSHOT_SQL \
  "SELECT json_object ('id', id, 'name', name, 'level', level, " \
  "'enabled', enabled, 'version', version) FROM rule WHERE id = ?"

/* A version, as entity "rule-version" with id "RULE:VERSION". */
#define FD_RULE_VERSION_SNAPSHOT_SQL \
  "SELECT json_object ('rule_id', rule_id, 'version', version, 'text', text, " \
  "'created_by', created_by) FROM rule_version WHERE rule_id || ':' || version = ?"

GPtrArray  *fd_rulebook_check         (FdStore      *store,
                                       const char   *text,
                                       gint64        editing_rule_id,
                                       GPtrArray   **diagnostics);
GPtrArray  *fd_rulebook_add           (FdStore      *store,
                                       const char   *actor,
                                       const char   *text,
                                       gboolean      enabled,
                                       GError      **error);
FdRule     *fd_rulebook_update        (FdStore      *store,
                                       const char   *actor,
                                       gint64        rule_id,
                                       const char   *text,
                                       GError      **error);
gboolean    fd_rulebook_set_enabled   (FdStore      *store,
                                       const char   *actor,
                                       gint64        rule_id,
                                       gboolean      enabled,
                                       GError      **error);
FdRule     *fd_rulebook_get           (FdStore      *store,
                                       gint64        rule_id,
                                       GError      **error);
FdRule     *fd_rulebook_get_version   (FdStore      *store,
                                       gint64        rule_id,
                                       int           version,
                                       GError      **error);
FdRule     *fd_rulebook_find          (FdStore      *store,
                                       const char   *query,
                                       GError      **error);
GPtrArray  *fd_rulebook_list          (FdStore      *store,
                                       GError      **error);
GPtrArray  *fd_rulebook_list_versions (FdStore      *store,
                                       gint64        rule_id,
                                       GError      **error);
GPtrArray  *fd_rulebook_resolve_people (FdStore     *store,
                                        const char  *who,
                                        GError     **error);

G_END_DECLS
