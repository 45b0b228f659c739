/* fd-role.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Roles are stored by id ("creative-director"); the display names are
 * translated. */
const char * const *fd_role_get_ids          (void);
gboolean            fd_role_is_valid         (const char *role_id);
const char         *fd_role_get_display_name (const char *role_id);
char               *fd_role_normalize        (const char *text);

G_END_DECLS
