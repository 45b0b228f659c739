/* fd-insight-cube-private.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-insight-cube.h"

G_BEGIN_DECLS

/* Shared by fd-insight-cube.c (loading) and fd-insight-cube-sum.c. */

#define N_HOURS 24

struct _FdInsightCube
{
  FdRuleLevel  level;
  GPtrArray   *accounts;        /* FdCubeAccount */
  GArray      *objects;         /* FdCubeObject */
  GHashTable  *by_rowid;        /* rowid → index + 1 */
  GHashTable  *by_id;           /* id → index + 1 */

  int          measure_index[FD_N_MEASURES];  /* -1 when not loaded */
  FdMeasure    measures[FD_N_MEASURES];       /* dense index → measure */
  guint        n_measures;

  int          day0;            /* civil day number of the first day */
  guint        n_days;

  gint64      *daily;           /* [object][n_days + 1][n_measures], prefix sums */
  gint32      *hour_block;      /* [object][n_days]: block index or -1 */
  GArray      *blocks;          /* gint64: per block N_HOURS starts, then
                                 * (N_HOURS + 1) × n_measures prefix sums */
  guint        block_stride;
  GArray      *reach_lengths;   /* int: the window lengths (days) loaded */
  gint64      *reach;           /* [object][n_days][length]: reach, impressions; -1 when absent */

  FdCubeStats  stats;
};

guint _fd_insight_cube_lower_bound (const gint64 *S,
                                    guint         n,
                                    gint64        t);
guint _fd_insight_cube_upper_bound (const gint64 *S,
                                    guint         n,
                                    gint64        t);

static inline int
_fd_insight_cube_reach_length (FdInsightCube *cube,
                               int            days)
{
  for (guint i = 0; i < cube->reach_lengths->len; i++)
    if (g_array_index (cube->reach_lengths, int, i) == days)
      return (int)i;

  return -1;
}

static inline gint64 *
_fd_insight_cube_reach_slot (FdInsightCube *cube,
                             guint          object,
                             guint          day,
                             guint          length)
{
  gsize n = cube->reach_lengths->len;

  return cube->reach + (((gsize)object * cube->n_days + day) * n + length) * 2;
}

G_END_DECLS
