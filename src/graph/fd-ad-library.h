/* fd-ad-library.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-graph-client.h"
#include "fd-library-ad.h"
#include "fd-store.h"

G_BEGIN_DECLS

/**
 * FdAdLibraryQuery:
 * @terms: (nullable): search terms
 * @page_ids: (nullable): up to 10 Facebook page ids
 * @countries: ISO country codes the ads reached (at least one)
 * @active_status: (nullable): "ACTIVE", "INACTIVE" or "ALL" (the default)
 * @max_results: stop after this many ads (0: 500)
 *
 * A search of Meta's Ad Library (ads_archive) for competitive research.
 */
typedef struct
{
  const char         *terms;
  const char * const *page_ids;
  const char * const *countries;
  const char         *active_status;
  guint               max_results;
} FdAdLibraryQuery;

gint64     fd_ad_library_search (FdStore                 *store,
                                 FdGraphClient           *client,
                                 const FdAdLibraryQuery  *query,
                                 GCancellable            *cancellable,
                                 GError                 **error);
GPtrArray *fd_ad_library_list   (FdStore                 *store,
                                 gint64                   search_id,
                                 int                      min_days_running,
                                 const char              *today,
                                 GError                 **error);

G_END_DECLS
