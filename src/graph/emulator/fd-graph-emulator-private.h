/* fd-graph-emulator-private.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "fd-emu-insights.h"
#include "fd-graph-emulator.h"

G_BEGIN_DECLS

typedef struct
{
  FdEmuFaultKind  kind;
  char           *path_match;
  int             skip;
  int             count;   /* -1: forever */
  int             param;
} FdEmuFault;

typedef struct
{
  char                *id;
  FdEmuInsightsQuery   query;
  gint64               created_mono;
  gint64               created_us;
  FdEmuFaultKind       outcome;     /* THROTTLE means "completes" */
} FdEmuReportRun;

typedef struct
{
  gint64   window_start;      /* monotonic µs */
  guint    calls;
  gint64   blocked_until;     /* monotonic µs */
  int      blocked_minutes;
} FdEmuUsage;

struct _FdGraphEmulator
{
  GObject               parent_instance;

  GMutex                lock;        /* everything below, across threads */
  FdEmuModel           *model;
  gint64                fixed_now;
  double                time_scale;
  char                 *token;
  char                 *app_secret;
  char                 *state_file;
  gint64                state_mtime;
  guint                 quota;
  guint                 report_delay_ms;
  guint                 max_report_days;
  guint64               sync_row_limit;
  int                   min_version;  /* major number */
  GPtrArray            *faults;      /* FdEmuFault */
  GHashTable           *runs;        /* id → FdEmuReportRun */
  guint64               next_run;
  guint64               next_trace;
  GHashTable           *usage;       /* account id → FdEmuUsage */
  GPtrArray            *held;        /* SoupServerMessage being held */
  GPtrArray            *requests;    /* "METHOD /path?query" when recording */
  FdGraphEmulatorStats  stats;

  GThread              *thread;
  GMainContext         *context;
  GMainLoop            *loop;
  SoupServer           *server;
  char                 *url;
  GMutex                start_lock;
  GCond                 start_cond;
  gboolean              start_done;
  GError               *start_error;
  guint                 start_port;
};

/* fd-emu-handlers.c */
void      _fd_graph_emulator_handle     (SoupServer         *server,
                                         SoupServerMessage  *message,
                                         const char         *path,
                                         GHashTable         *query,
                                         gpointer            user_data);
void      _fd_graph_emulator_release_held (FdGraphEmulator  *self);
GPtrArray *_fd_emu_new_held_array       (void);
void      _fd_emu_report_run_free       (FdEmuReportRun     *run);
gboolean  _fd_graph_emulator_save_state (FdGraphEmulator    *self,
                                         GError            **error);
void      _fd_graph_emulator_reload_state (FdGraphEmulator  *self);

/* fd-emu-control.c */
void      _fd_emu_handle_control        (FdGraphEmulator    *self,
                                         SoupServerMessage  *message,
                                         const char         *path,
                                         GHashTable         *params);

/* fd-emu-faults.c */
void         _fd_emu_fault_free          (FdEmuFault        *fault);
FdEmuFault  *_fd_emu_faults_take         (GPtrArray         *faults,
                                          const char        *path,
                                          gboolean           report_creation);
gboolean     _fd_emu_fault_parse         (const char        *spec,
                                          FdEmuFault        *fault,
                                          GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdEmuFault, _fd_emu_fault_free)

/* fd-emu-library.c */
gboolean     _fd_emu_library_write_page  (guint64            seed,
                                          GHashTable        *params,
                                          const char        *token,
                                          int                today,
                                          guint64            start,
                                          guint              limit,
                                          GString           *out,
                                          guint64           *last_row,
                                          guint64           *resume,
                                          FdEmuFailure      *failure);

G_END_DECLS
