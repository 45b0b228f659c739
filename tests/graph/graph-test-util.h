/* graph-test-util.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-graph-client.h"
#include "fd-graph-emulator.h"
#include "fd-insights-store.h"
#include "fd-workspace.h"

G_BEGIN_DECLS

/* The Graph emulator on 127.0.0.1 (its own thread, a random port), a
 * frozen clock, one token, and a fresh workspace to sync into. */

#define TEST_EUR_ACCOUNT "act_3000000000003"
#define TEST_JPY_ACCOUNT "act_4000000000004"

/* Waits are compressed by this factor in the client and the emulator. */
#define TEST_TIME_SCALE 0.002

typedef struct
{
  char            *dir;
  char            *token;
  gint64           now;
  FdGraphEmulator *emulator;
  FdWorkspace     *workspace;
  FdStore         *store;
} GraphFixture;

void           graph_fixture_set_up        (GraphFixture   *fixture,
                                            gconstpointer   data);
void           graph_fixture_tear_down     (GraphFixture   *fixture,
                                            gconstpointer   data);
FdGraphClient *graph_fixture_client        (GraphFixture   *fixture);
FdAdAccount   *graph_fixture_add_account   (GraphFixture   *fixture,
                                            const char     *account_id);
gint64         graph_count                 (FdStore        *store,
                                            const char     *sql);
char          *graph_checksum              (FdStore        *store);
char          *graph_day                   (GraphFixture   *fixture,
                                            const char     *account_id,
                                            int             days_ago);
void           graph_test_init             (int            *argc,
                                            char         ***argv);
void           graph_wait_until            (gboolean      (*condition) (gpointer),
                                            gpointer        data,
                                            guint           timeout_ms);

G_END_DECLS
