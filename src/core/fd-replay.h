/* fd-replay.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-insight-cube.h"
#include "fd-rule-eval.h"

G_BEGIN_DECLS

/* Replaying one rule at every checkpoint of a range of days (internal to
 * core; the back-tester and the chart series use it). */

typedef struct _FdReplay FdReplay;

/* Called at each checkpoint of each object; return FALSE to skip the rest
 * of this object's checkpoints. */
typedef gboolean (*FdReplayFunc) (FdReplay *replay,
                                  guint     object,
                                  gint64    at,
                                  gpointer  data);

FdReplay      *fd_replay_new           (FdStore          *store,
                                        const FdRuleDef  *def,
                                        const char       *object_id,
                                        int               since_day,
                                        int               until_day,
                                        GError          **error);
void           fd_replay_free          (FdReplay         *replay);
FdInsightCube *fd_replay_get_cube      (FdReplay         *replay);
FdRuleEval    *fd_replay_get_eval      (FdReplay         *replay);
const FdRuleDef *fd_replay_get_def     (FdReplay         *replay);
gint64         fd_replay_get_end       (FdReplay         *replay,
                                        guint             object);
char          *fd_replay_missing_target (FdReplay        *replay,
                                        guint             object);
gboolean       fd_replay_holds         (FdReplay         *replay,
                                        gint64            at);
gboolean       fd_replay_each          (FdReplay         *replay,
                                        FdReplayFunc      func,
                                        gpointer          data,
                                        GCancellable     *cancellable,
                                        guint64          *checkpoints,
                                        GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdReplay, fd_replay_free)

G_END_DECLS
