/* fd-emu-metrics.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-emu-model.h"

G_BEGIN_DECLS

/**
 * FdEmuMetrics:
 *
 * What an object delivered in a day, an hour or a range. Money in minor
 * units; @reach is deduplicated over the period.
 */
typedef struct
{
  gint64 impressions;
  gint64 reach;
  gint64 spend;
  gint64 clicks;
  gint64 link_clicks;
  gint64 landing_page_views;
  gint64 purchases;
  gint64 purchase_value;
  gint64 video_plays;
  gint64 video_p25;
  gint64 video_p50;
  gint64 video_p75;
  gint64 video_p95;
  gint64 video_p100;
  gint64 thruplays;
} FdEmuMetrics;

/* The dynamics: spend paced against the ad set's budget (as written over
 * time) and shared among its running ads by how well they do; CPM with a
 * weekly rhythm; CTR that decays as an ad ages (creative fatigue) while
 * frequency climbs in small audiences; purchases drawn with noise, some
 * reported days late (so the last days are revised); values per order.
 * Everything is a function of the seed, the object and the day, plus the
 * writes and "now" (today is partial). Computed per request, with a cache
 * of ad-set days. */

typedef struct _FdEmuMetricsCache FdEmuMetricsCache;

FdEmuMetricsCache *fd_emu_metrics_cache_new  (gint64              now_us);
void               fd_emu_metrics_cache_free (FdEmuMetricsCache  *cache);
gint64             fd_emu_metrics_cache_get_now (FdEmuMetricsCache *cache);

gboolean           fd_emu_metrics_day        (FdEmuMetricsCache  *cache,
                                              FdEmuAccount       *account,
                                              FdEmuObject        *object,
                                              int                 day,
                                              FdEmuMetrics       *out);
gboolean           fd_emu_metrics_hour       (FdEmuMetricsCache  *cache,
                                              FdEmuAccount       *account,
                                              FdEmuObject        *object,
                                              int                 day,
                                              int                 hour,
                                              FdEmuMetrics       *out);
gboolean           fd_emu_metrics_range      (FdEmuMetricsCache  *cache,
                                              FdEmuAccount       *account,
                                              FdEmuObject        *object,
                                              int                 first_day,
                                              int                 last_day,
                                              FdEmuMetrics       *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdEmuMetricsCache, fd_emu_metrics_cache_free)

G_END_DECLS
