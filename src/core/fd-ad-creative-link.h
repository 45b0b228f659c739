/* fd-ad-creative-link.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-store.h"

G_BEGIN_DECLS

/* Which asset versions an ad shows (ad_creative_link, schema 3): written
 * when an ad is launched or linked by hand, read by triage (a replacement
 * request names them) and by the dashboard ("open the ad"). Workflow
 * data, audited as entity "ad_creative_link" with the ad's id. */

#define FD_AD_CREATIVE_LINK_SNAPSHOT_SQL \
  "SELECT json_object ('ad_id', ?1, 'version_ids', " \
  "(SELECT json_group_array (version_id) FROM " \
  "(SELECT version_id FROM ad_creative_link WHERE ad_id = ?1 ORDER BY version_id))) " \
  "WHERE EXISTS (SELECT 1 FROM ad_creative_link WHERE ad_id = ?1)"

/**
 * FdLinkedCreative:
 * @version_id: the asset version
 * @asset_id: its asset
 * @asset_name: the asset's name
 * @kind: the asset's kind ("video", "image", "headline" …)
 * @number: the version's number (v2)
 * @state: the asset's state ("approved", "uploaded" …)
 */
typedef struct
{
  gint64  version_id;
  gint64  asset_id;
  char   *asset_name;
  char   *kind;
  int     number;
  char   *state;
} FdLinkedCreative;

void       fd_linked_creative_free   (FdLinkedCreative *creative);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdLinkedCreative, fd_linked_creative_free)

gboolean   fd_ad_creative_link_add   (FdStore     *store,
                                      const char  *actor,
                                      const char  *ad_id,
                                      gint64       version_id,
                                      GError     **error);
GPtrArray *fd_ad_creative_link_list  (FdStore     *store,
                                      const char  *ad_id,
                                      GError     **error);

G_END_DECLS
