/* fd-triage-report.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-triage"

#include "config.h"

#include "fd-triage-decision.h"
#include "fd-triage-notice.h"
#include "fd-triage-report.h"

/* What one triage run did: its decisions (FdTriageDecision), its notices
 * (FdTriageNotice) and its counts. */

struct _FdTriageReport
{
  GObject         parent_instance;

  gint64          at;
  gboolean        dry_run;
  GPtrArray      *decisions;
  GPtrArray      *notices;
  FdTriageCounts  counts;
};

G_DEFINE_FINAL_TYPE (FdTriageReport, fd_triage_report, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_AT,
  PROP_DRY_RUN,
  PROP_N_DECISIONS,
  PROP_N_NOTICES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fd_triage_report_finalize (GObject *object)
{
  FdTriageReport *self = (FdTriageReport *)object;

  g_clear_pointer (&self->decisions, g_ptr_array_unref);
  g_clear_pointer (&self->notices, g_ptr_array_unref);

  G_OBJECT_CLASS (fd_triage_report_parent_class)->finalize (object);
}

static void
fd_triage_report_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  FdTriageReport *self = FD_TRIAGE_REPORT (object);

  switch (prop_id)
    {
    case PROP_AT:
      g_value_set_int64 (value, self->at);
      break;
    case PROP_DRY_RUN:
      g_value_set_boolean (value, self->dry_run);
      break;
    case PROP_N_DECISIONS:
      g_value_set_uint (value, self->decisions->len);
      break;
    case PROP_N_NOTICES:
      g_value_set_uint (value, self->notices->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_triage_report_class_init (FdTriageReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fd_triage_report_finalize;
  object_class->get_property = fd_triage_report_get_property;

  properties[PROP_AT] =
    g_param_spec_int64 ("at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DRY_RUN] =
    g_param_spec_boolean ("dry-run", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_DECISIONS] =
    g_param_spec_uint ("n-decisions", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_NOTICES] =
    g_param_spec_uint ("n-notices", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_triage_report_init (FdTriageReport *self)
{
  self->decisions = g_ptr_array_new_with_free_func (g_object_unref);
  self->notices = g_ptr_array_new_with_free_func (g_object_unref);
}

FdTriageReport *
fd_triage_report_new (gint64   at,
                      gboolean dry_run)
{
  FdTriageReport *self = g_object_new (FD_TYPE_TRIAGE_REPORT, NULL);

  self->at = at;
  self->dry_run = dry_run;

  return self;
}

gint64
fd_triage_report_get_at (FdTriageReport *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_REPORT (self), 0);
  return self->at;
}

gboolean
fd_triage_report_get_dry_run (FdTriageReport *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_REPORT (self), FALSE);
  return self->dry_run;
}

/**
 * fd_triage_report_get_decisions:
 *
 * Returns: (transfer none) (element-type FdTriageDecision): the decisions
 *   made, in the state they ended the run in
 */
GPtrArray *
fd_triage_report_get_decisions (FdTriageReport *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_REPORT (self), NULL);
  return self->decisions;
}

/**
 * fd_triage_report_get_notices:
 *
 * Returns: (transfer none) (element-type FdTriageNotice): what the run
 *   could not judge
 */
GPtrArray *
fd_triage_report_get_notices (FdTriageReport *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_REPORT (self), NULL);
  return self->notices;
}

/**
 * fd_triage_report_get_counts:
 *
 * Returns: (transfer none): the run's counts and timings
 */
FdTriageCounts *
fd_triage_report_get_counts (FdTriageReport *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_REPORT (self), NULL);
  return &self->counts;
}
