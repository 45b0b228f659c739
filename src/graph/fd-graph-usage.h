/* fd-graph-usage.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/**
 * FdGraphUsage:
 * @present: whether any usage header came with the response (Meta sends
 *   them only once enough calls were made: absent is not zero)
 * @max_pct: the highest utilisation, in percent, of any quota in any
 *   header (X-Business-Use-Case-Usage, X-App-Usage, X-Ad-Account-Usage,
 *   X-FB-Ads-Insights-Throttle)
 * @regain_s: the longest estimated_time_to_regain_access, in seconds
 * @reset_s: X-Ad-Account-Usage's reset_time_duration, in seconds
 * @worst: which quota @max_pct is, for the log ("ads_insights call_count")
 *
 * What Meta's usage headers say about the caller's rate limits.
 */
typedef struct
{
  gboolean present;
  double   max_pct;
  gint64   regain_s;
  gint64   reset_s;
  char     worst[64];
} FdGraphUsage;

void    fd_graph_usage_parse             (FdGraphUsage        *usage,
                                          SoupMessageHeaders  *headers);
gint64  fd_graph_usage_get_pacing_delay  (const FdGraphUsage  *usage);

G_END_DECLS
