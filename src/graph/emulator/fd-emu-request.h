/* fd-emu-request.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-graph-emulator-private.h"

G_BEGIN_DECLS

/* A request being answered by the emulator, and the answer taking shape.
 * Handlers fill the reply; faults may corrupt, cut or hold it; the server
 * thread sends it. The emulator's lock is held throughout. */

typedef struct
{
  guint       status;
  GString    *body;
  GPtrArray  *headers;   /* name, value, name, value … */
} FdEmuReply;

typedef struct
{
  FdGraphEmulator   *self;
  SoupServerMessage *message;
  GHashTable        *params;
  const char        *token;
  char              *rest;      /* the path after the version */
  char              *version;   /* "v25.0" */
  FdEmuAccount      *account;   /* for usage accounting */
  gboolean           insights;
  gint64             now_us;
  FdEmuReply         reply;
} FdEmuRequest;

/* fd-emu-handlers.c */
void      _fd_emu_reply_header     (FdEmuRequest  *request,
                                    const char    *name,
                                    const char    *value);
void      _fd_emu_reply_json       (FdEmuRequest  *request,
                                    guint          status,
                                    GString       *body);
void      _fd_emu_reply_error_full (FdEmuRequest  *request,
                                    guint          http_status,
                                    int            code,
                                    int            subcode,
                                    const char    *type,
                                    const char    *message,
                                    int            is_transient,
                                    const char    *user_title,
                                    const char    *user_msg,
                                    const char    *error_data);
void      _fd_emu_reply_error      (FdEmuRequest  *request,
                                    guint          http_status,
                                    int            code,
                                    int            subcode,
                                    const char    *message);
void      _fd_emu_reply_failure    (FdEmuRequest  *request,
                                    FdEmuFailure  *failure);
void      _fd_emu_reply_no_object  (FdEmuRequest  *request,
                                    const char    *method,
                                    const char    *id);
void      _fd_emu_finish_page      (FdEmuRequest  *request,
                                    GString       *body,
                                    guint          rows,
                                    guint64        first_row,
                                    guint64        last_row,
                                    guint64        resume);
gboolean  _fd_emu_start_position   (FdEmuRequest  *request,
                                    guint64       *start);
void      _fd_emu_send_reply       (FdEmuRequest  *request);
void      _fd_emu_reply_throttled  (FdEmuRequest  *request);
void      _fd_emu_block_account    (FdEmuRequest  *request,
                                    int            minutes);
void      _fd_emu_add_usage_headers (FdEmuRequest *request);

/* fd-emu-faults.c */
gboolean  _fd_emu_apply_fault      (FdEmuRequest  *request,
                                    FdEmuFault    *fault);
void      _fd_emu_send_truncated   (FdEmuRequest  *request);

/* fd-emu-objects.c */
void      _fd_emu_handle_list         (FdEmuRequest  *request,
                                       FdEmuLevel     level);
void      _fd_emu_handle_account_node (FdEmuRequest  *request);
void      _fd_emu_handle_object_node  (FdEmuRequest  *request,
                                       FdEmuObject   *object);
void      _fd_emu_handle_write        (FdEmuRequest  *request,
                                       FdEmuObject   *object);

/* fd-emu-reports.c */
void      _fd_emu_handle_insights       (FdEmuRequest   *request,
                                         FdEmuObject    *scope);
void      _fd_emu_handle_report_create  (FdEmuRequest   *request,
                                         FdEmuObject    *scope);
void      _fd_emu_handle_report_status  (FdEmuRequest   *request,
                                         FdEmuReportRun *run);
void      _fd_emu_handle_report_results (FdEmuRequest   *request,
                                         FdEmuReportRun *run);
void      _fd_emu_handle_me             (FdEmuRequest   *request);
void      _fd_emu_handle_library        (FdEmuRequest   *request);

G_END_DECLS
