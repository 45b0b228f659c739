/* fd-emu-insights.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-emu-metrics.h"

G_BEGIN_DECLS

/* The most time_ranges one request may ask for. */
#define FD_EMU_MAX_TIME_RANGES 37

/**
 * FdEmuInsightsQuery:
 * @scope: (nullable): the object whose insights are read, %NULL for the
 *   whole account
 * @increment: days per row, 0 for all_days
 * @n_ranges: the number of time_ranges asked for (0 without): each is one
 *   bucket of rows, [@range_since[i], @range_until[i]], instead of the
 *   buckets of @increment over [@since, @until]
 *
 * An insights request as the emulator understood it.
 */
typedef struct
{
  FdEmuAccount *account;
  FdEmuObject  *scope;
  FdEmuLevel    level;
  int           since;
  int           until;
  int           increment;
  guint         n_ranges;
  int           range_since[FD_EMU_MAX_TIME_RANGES];
  int           range_until[FD_EMU_MAX_TIME_RANGES];
  gboolean      hourly;
  guint64       fields;
  guint         limit;
  guint         obj_first;
  guint         obj_count;
} FdEmuInsightsQuery;

/**
 * FdEmuFailure:
 *
 * An error to answer with, in Meta's terms.
 */
typedef struct
{
  guint  http_status;
  int    code;
  int    subcode;
  char  *message;
} FdEmuFailure;

void      fd_emu_failure_clear          (FdEmuFailure              *failure);

gboolean  fd_emu_insights_parse         (FdEmuInsightsQuery        *query,
                                         FdEmuAccount              *account,
                                         FdEmuObject               *scope,
                                         GHashTable                *params,
                                         gint64                     now_us,
                                         FdEmuFailure              *failure);
guint64   fd_emu_insights_count_positions (const FdEmuInsightsQuery *query);
guint     fd_emu_insights_write_page    (const FdEmuInsightsQuery  *query,
                                         FdEmuMetricsCache         *cache,
                                         guint64                    start,
                                         GString                   *out,
                                         guint64                   *first_row,
                                         guint64                   *last_row,
                                         guint64                   *resume);

char     *fd_emu_cursor_encode          (guint64                    position);
gboolean  fd_emu_cursor_decode          (const char                *cursor,
                                         guint64                   *position);
void      fd_emu_append_int             (GString                   *out,
                                         gint64                     value);
void      fd_emu_append_json_string     (GString                   *out,
                                         const char                *value);
void      fd_emu_append_money           (GString                   *out,
                                         FdEmuAccount              *account,
                                         gint64                     minor,
                                         gboolean                   trim);

G_END_DECLS
