/* fd-ui-models.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-person.h"
#include "fd-query-model.h"

G_BEGIN_DECLS

/* The models the views bind to. Each is an FdQueryModel: set its workspace
 * and it fills itself on the reader queue, and follows the changes. */

FdQueryModel *fd_roster_model_new         (gboolean    include_inactive);
FdQueryModel *fd_current_person_model_new (void);
FdQueryModel *fd_ownership_model_new      (void);
FdQueryModel *fd_brief_model_new          (void);

FdPerson     *fd_roster_model_find        (GListModel *model,
                                           gint64      person_id,
                                           guint      *position);
gboolean      fd_person_equal             (gconstpointer a,
                                           gconstpointer b);

G_END_DECLS
