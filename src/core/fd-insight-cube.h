/* fd-insight-cube.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-calendar.h"
#include "fd-rule-metric.h"
#include "fd-store.h"

G_BEGIN_DECLS

/* The insights one evaluation needs, read once with a few set-based queries
 * and kept as prefix sums, so that the sum of any window is a handful of
 * subtractions. Internal to core: the triage engine, the back-tester and
 * the chart series are its users. */

typedef struct _FdInsightCube FdInsightCube;

typedef struct
{
  gint64   rowid;
  char    *id;
  char    *name;
  guint    account;           /* index of its FdCubeAccount */
  char    *campaign_id;
  char    *adset_id;
  char    *status;            /* as configured: ACTIVE, PAUSED … */
  gint64   daily_budget;      /* minor units, or -1 */
  gint64   target_cpa;        /* minor units, or -1: its own, else its campaign's */
  double   target_roas;       /* NAN when unset */
} FdCubeObject;

typedef struct
{
  char       *id;
  char       *currency;
  char       *timezone;
  int         offset;         /* minor units per major unit */
  gboolean    timezone_known;
  gint64     *day_start;      /* the cube's days, local midnight in UTC µs; n_days + 1 */
} FdCubeAccount;

/**
 * FdCubePlan:
 * @level: the objects to read
 * @object_id: (nullable): only this object
 * @measures: bit set of the #FdMeasure columns to read
 * @earliest: the first instant any window starts
 * @latest: the last instant any window ends
 * @edges: (element-type gint64): instants that cut a window; hourly rows
 *   are read for the local days that contain them
 * @hourly_all: read hourly rows for every day instead
 * @reach_days: (element-type int): the window lengths, in days, of
 *   deduplicated reach to read from insight_reach
 */
typedef struct
{
  FdRuleLevel  level;
  const char  *object_id;
  guint        measures;
  gint64       earliest;
  gint64       latest;
  GArray      *edges;
  gboolean     hourly_all;
  GArray      *reach_days;
} FdCubePlan;

/* What a load read, for benchmarks and logs. */
typedef struct
{
  guint64 daily_rows;
  guint64 hourly_rows;
  guint64 reach_rows;
  guint   hourly_days;
  guint64 spread_days;   /* object-days whose purchases were spread over hours */
} FdCubeStats;

FdInsightCube       *fd_insight_cube_load          (FdStore             *store,
                                                    const FdCubePlan    *plan,
                                                    GError             **error);
void                 fd_insight_cube_free          (FdInsightCube       *cube);

guint                fd_insight_cube_get_n_objects (FdInsightCube       *cube);
const FdCubeObject  *fd_insight_cube_get_object    (FdInsightCube       *cube,
                                                    guint                index);
const FdCubeAccount *fd_insight_cube_get_account   (FdInsightCube       *cube,
                                                    guint                index);
int                  fd_insight_cube_find_object   (FdInsightCube       *cube,
                                                    const char          *object_id);
const FdCubeStats   *fd_insight_cube_get_stats     (FdInsightCube       *cube);
int                  fd_insight_cube_get_day0      (FdInsightCube       *cube);
guint                fd_insight_cube_get_n_days    (FdInsightCube       *cube);
guint                fd_insight_cube_get_n_measures (FdInsightCube      *cube);
int                  fd_insight_cube_get_measure_index (FdInsightCube   *cube,
                                                    FdMeasure            measure);

void                 fd_insight_cube_sum           (FdInsightCube       *cube,
                                                    guint                object,
                                                    gint64               start,
                                                    gint64               end,
                                                    gboolean             whole_days_only,
                                                    gint64              *sums);
gboolean             fd_insight_cube_has_hourly    (FdInsightCube       *cube,
                                                    guint                object,
                                                    gint64               start,
                                                    gint64               end);
gboolean             fd_insight_cube_get_reach     (FdInsightCube       *cube,
                                                    guint                object,
                                                    gint64               end,
                                                    int                  days,
                                                    gint64              *reach,
                                                    gint64              *impressions);
gint64               fd_insight_cube_day_start     (FdInsightCube       *cube,
                                                    guint                object,
                                                    gint64               instant,
                                                    int                  day_offset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdInsightCube, fd_insight_cube_free)

G_END_DECLS
