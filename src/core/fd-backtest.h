/* fd-backtest.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "fd-rule-syntax.h"
#include "fd-store.h"

G_BEGIN_DECLS

/* Back-testing: replaying a rule over stored insights to see when it would
 * have fired, on which objects, and what that would have done to spend. */

#define FD_TYPE_BACKTEST_FIRING (fd_backtest_firing_get_type ())

G_DECLARE_FINAL_TYPE (FdBacktestFiring, fd_backtest_firing, FD, BACKTEST_FIRING, GObject)

gint64              fd_backtest_firing_get_at           (FdBacktestFiring *self);
const char         *fd_backtest_firing_get_object_id    (FdBacktestFiring *self);
const char         *fd_backtest_firing_get_object_name  (FdBacktestFiring *self);
FdRuleLevel         fd_backtest_firing_get_level        (FdBacktestFiring *self);
const char         *fd_backtest_firing_get_metrics_json (FdBacktestFiring *self);
const char         *fd_backtest_firing_get_explanation  (FdBacktestFiring *self);
const char * const *fd_backtest_firing_get_actions      (FdBacktestFiring *self);
const char         *fd_backtest_firing_get_currency     (FdBacktestFiring *self);
double              fd_backtest_firing_get_spend_effect (FdBacktestFiring *self);
double              fd_backtest_firing_get_value_effect (FdBacktestFiring *self);
const char         *fd_backtest_firing_get_effect_note  (FdBacktestFiring *self);

/**
 * FdBacktestTotal:
 * @currency: the totals' currency (accounts in different currencies are
 *   never added up)
 * @firings: firings on objects of that currency
 * @spend_avoided: spend pauses would have avoided (major units, ≥ 0)
 * @spend_added: spend budget increases would have added (≥ 0)
 * @spend_removed: spend budget cuts would have removed (≥ 0)
 * @value_forgone: purchase value pauses would have given up (≥ 0)
 */
typedef struct
{
  char    currency[8];
  guint   firings;
  double  spend_avoided;
  double  spend_added;
  double  spend_removed;
  double  value_forgone;
} FdBacktestTotal;

#define FD_TYPE_BACKTEST (fd_backtest_get_type ())

G_DECLARE_FINAL_TYPE (FdBacktest, fd_backtest, FD, BACKTEST, GObject)

FdBacktest            *fd_backtest_run            (FdStore          *store,
                                                   const FdRuleDef  *def,
                                                   gint64            rule_id,
                                                   int               since_day,
                                                   int               until_day,
                                                   GCancellable     *cancellable,
                                                   GError          **error);
FdBacktest            *fd_backtest_run_rule       (FdStore          *store,
                                                   gint64            rule_id,
                                                   const char       *since,
                                                   const char       *until,
                                                   GCancellable     *cancellable,
                                                   GError          **error);
FdBacktest            *fd_backtest_run_text       (FdStore          *store,
                                                   const char       *text,
                                                   const char       *since,
                                                   const char       *until,
                                                   GCancellable     *cancellable,
                                                   GError          **error);
const char            *fd_backtest_get_rule_name  (FdBacktest       *self);
GPtrArray             *fd_backtest_get_firings    (FdBacktest       *self);
GPtrArray             *fd_backtest_get_notices    (FdBacktest       *self);
const FdBacktestTotal *fd_backtest_get_totals     (FdBacktest       *self,
                                                   guint            *n_totals);
guint64                fd_backtest_get_checkpoints (FdBacktest      *self);
guint                  fd_backtest_get_n_objects  (FdBacktest       *self);
void                   fd_backtest_to_json        (FdBacktest       *self,
                                                   JsonBuilder      *builder);

/* A rule's numbers over time on one object, for a chart: for each
 * comparison of its condition, what was compared with what, at every
 * checkpoint, and where the rule held and fired. */

#define FD_TYPE_TRIAGE_SERIES (fd_triage_series_get_type ())

G_DECLARE_FINAL_TYPE (FdTriageSeries, fd_triage_series, FD, TRIAGE_SERIES, GObject)

FdTriageSeries *fd_triage_series_load            (FdStore        *store,
                                                  gint64          rule_id,
                                                  const char     *object_id,
                                                  gint64          since,
                                                  gint64          until,
                                                  GCancellable   *cancellable,
                                                  GError        **error);
guint           fd_triage_series_get_n_points    (FdTriageSeries *self);
const gint64   *fd_triage_series_get_times       (FdTriageSeries *self);
const gboolean *fd_triage_series_get_held        (FdTriageSeries *self);
guint           fd_triage_series_get_n_lines     (FdTriageSeries *self);
const char     *fd_triage_series_get_line_label  (FdTriageSeries *self,
                                                  guint           line);
const char     *fd_triage_series_get_line_role   (FdTriageSeries *self,
                                                  guint           line);
FdRuleUnit      fd_triage_series_get_line_unit   (FdTriageSeries *self,
                                                  guint           line);
const double   *fd_triage_series_get_line_values (FdTriageSeries *self,
                                                  guint           line);
GArray         *fd_triage_series_get_firings     (FdTriageSeries *self);
GArray         *fd_triage_series_get_decisions   (FdTriageSeries *self);
const char     *fd_triage_series_get_currency    (FdTriageSeries *self);

G_END_DECLS
