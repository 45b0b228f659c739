/* asset-fixture.h: a workspace with a team and reviewer policies
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-asset-catalog.h"
#include "fd-asset-import.h"
#include "fd-asset-query.h"
#include "fd-asset-workflow.h"
#include "fd-audit-log.h"
#include "fd-core-error.h"
#include "fd-reviewer-policy.h"
#include "fd-workspace.h"

G_BEGIN_DECLS

/* The team: Maya (creative director), Grace (legal), Priya (copy lead),
 * Jonah (copywriter, makes the text assets), Tomás (designer), Aiko (video
 * editor), Dana (media buyer, on no policy as required).
 *
 * Policies: video — Maya and Grace required, Dana optional; image — Maya;
 * headline and primary text — Priya and Grace required, Maya optional;
 * script — Priya. Nobody owns any approval in the ownership matrix. */
typedef struct
{
  char        *dir;
  char        *path;
  FdWorkspace *ws;
  FdStore     *store;
  gint64       maya, grace, priya, jonah, tomas, aiko, dana;
  gint64       brief;
} AssetFixture;

void      asset_fixture_set_up       (AssetFixture   *f,
                                      gconstpointer   data);
void      asset_fixture_tear_down    (AssetFixture   *f,
                                      gconstpointer   data);
gint64    asset_fixture_headline     (AssetFixture   *f,
                                      const char     *name,
                                      const char     *text);
FdAssetState asset_fixture_state     (AssetFixture   *f,
                                      gint64          asset_id);
gint64    asset_fixture_head_seq     (AssetFixture   *f);
void      asset_fixture_tamper       (AssetFixture   *f,
                                      const char     *sql);
void      asset_assert_refused       (GError         *error,
                                      const char     *fragment);
void      asset_fixture_spin         (void);
gboolean  asset_fixture_wait         (gboolean      (*done) (gpointer),
                                      gpointer        data);

#define ASSET_TEST(path, func) \
  g_test_add (path, AssetFixture, NULL, asset_fixture_set_up, func, asset_fixture_tear_down)

G_END_DECLS
