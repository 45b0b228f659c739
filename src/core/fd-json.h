/* fd-json.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

char *fd_json_to_string     (JsonNode    *node,
                             gboolean     pretty);
char *fd_json_builder_steal (JsonBuilder *builder);
void  fd_json_builder_add_time (JsonBuilder *builder,
                                const char  *member,
                                gint64       us);

G_END_DECLS
