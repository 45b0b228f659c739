/* fd-emu-faults.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-graph-emulator"

#include "config.h"

#include <stdlib.h>

#include "fd-core-error.h"
#include "fd-emu-request.h"

/* Faults on demand. Each has a kind, an optional path fragment it applies
 * to ("insights", "act_1/ads"), a number of matching requests to let
 * through first, and how many to fail (-1 for all). */

static const char * const kind_names[] = {
  [FD_EMU_FAULT_THROTTLE] = "throttle",
  [FD_EMU_FAULT_SERVER_ERROR] = "server-error",
  [FD_EMU_FAULT_UNAVAILABLE] = "unavailable",
  [FD_EMU_FAULT_TIMEOUT] = "timeout",
  [FD_EMU_FAULT_MALFORMED] = "malformed",
  [FD_EMU_FAULT_TRUNCATED] = "truncated",
  [FD_EMU_FAULT_EXPIRED_TOKEN] = "expired-token",
  [FD_EMU_FAULT_PERMISSION] = "permission",
  [FD_EMU_FAULT_STALL] = "stall",
  [FD_EMU_FAULT_TOO_MUCH_DATA] = "too-much-data",
  [FD_EMU_FAULT_REPORT_FAILED] = "report-failed",
  [FD_EMU_FAULT_REPORT_SKIPPED] = "report-skipped",
};

void
_fd_emu_fault_free (FdEmuFault *fault)
{
  if (fault == NULL)
    return;

  g_free (fault->path_match);
  g_free (fault);
}

static gboolean
is_report_fault (FdEmuFaultKind kind)
{
  return kind == FD_EMU_FAULT_REPORT_FAILED || kind == FD_EMU_FAULT_REPORT_SKIPPED;
}

/**
 * _fd_emu_faults_take:
 * @path: the request's path after the version ("act_1/insights")
 * @report_creation: whether the request creates a report run (report
 *   faults apply only there; the others never do)
 *
 * Returns: (transfer full) (nullable): a copy of the fault to apply, its
 *   count used up by one
 */
FdEmuFault *
_fd_emu_faults_take (GPtrArray  *faults,
                     const char *path,
                     gboolean    report_creation)
{
  for (guint i = 0; i < faults->len; i++)
    {
      FdEmuFault *fault = g_ptr_array_index (faults, i);
      FdEmuFault *copy;

      if (is_report_fault (fault->kind) != report_creation)
        continue;
      if (fault->path_match != NULL && strstr (path, fault->path_match) == NULL)
        continue;
      if (fault->skip > 0)
        {
          fault->skip--;
          continue;
        }

      copy = g_new0 (FdEmuFault, 1);
      *copy = *fault;
      copy->path_match = g_strdup (fault->path_match);

      if (fault->count > 0 && --fault->count == 0)
        g_ptr_array_remove_index (faults, i);

      return copy;
    }

  return NULL;
}

/**
 * _fd_emu_fault_parse:
 * @spec: "KIND[,count=N][,skip=N][,path=TEXT][,param=N]", e.g.
 *   "throttle,count=2,param=1" or "stall,path=insights,skip=3"
 */
gboolean
_fd_emu_fault_parse (const char  *spec,
                     FdEmuFault  *fault,
                     GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (spec ? spec : "", ",", -1);
  gboolean known = FALSE;

  memset (fault, 0, sizeof *fault);
  fault->count = 1;

  for (guint i = 0; i < G_N_ELEMENTS (kind_names) && parts[0] != NULL; i++)
    if (g_str_equal (parts[0], kind_names[i]))
      {
        fault->kind = i;
        known = TRUE;
      }

  if (!known)
    {
      g_autofree char *names = g_strjoinv (", ", (char **)kind_names);

      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   "Unknown fault “%s”; known faults: %s", parts[0] ? parts[0] : "", names);
      return FALSE;
    }

  for (guint i = 1; parts[i] != NULL; i++)
    {
      const char *eq = strchr (parts[i], '=');
      g_autofree char *key = eq ? g_strndup (parts[i], eq - parts[i]) : g_strdup (parts[i]);
      const char *value = eq ? eq + 1 : "";

      if (g_str_equal (key, "count"))
        fault->count = g_str_equal (value, "all") ? -1 : atoi (value);
      else if (g_str_equal (key, "skip"))
        fault->skip = atoi (value);
      else if (g_str_equal (key, "path"))
        {
          g_free (fault->path_match);
          fault->path_match = g_strdup (value);
        }
      else if (g_str_equal (key, "param"))
        fault->param = atoi (value);
      else
        {
          g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                       "Unknown fault option “%s” (use count, skip, path, param)", key);
          g_clear_pointer (&fault->path_match, g_free);
          return FALSE;
        }
    }

  if (fault->count == 0)
    fault->count = 1;

  return TRUE;
}

/*
 * Applying faults to requests
 */

#define CONTENT_TYPE "application/json; charset=UTF-8"
#define DEFAULT_TIMEOUT_MS 30000

typedef struct
{
  FdGraphEmulator   *self;
  SoupServerMessage *message;
  gboolean           finished;
  guint              timeout_id;
} Held;

static void
held_finished (SoupServerMessage *message,
               Held              *held)
{
  held->finished = TRUE;
}

static void
held_free (Held *held)
{
  if (held->timeout_id != 0)
    {
      GSource *source = g_main_context_find_source_by_id (held->self->context, held->timeout_id);

      if (source != NULL)
        g_source_destroy (source);
    }
  g_signal_handlers_disconnect_by_func (held->message, held_finished, held);
  g_object_unref (held->message);
  g_free (held);
}

static void
release (Held *held)
{
  if (!held->finished)
    {
      soup_server_message_set_status (held->message, 503, NULL);
      soup_server_message_set_response (held->message, "text/html", SOUP_MEMORY_STATIC,
                                        "<html><body>Service Unavailable</body></html>", 45);
      soup_server_message_unpause (held->message);
    }
}

static gboolean
held_timeout_cb (gpointer data)
{
  Held *held = data;
  FdGraphEmulator *self = held->self;

  held->timeout_id = 0;
  g_mutex_lock (&self->lock);
  release (held);
  g_ptr_array_remove (self->held, held);
  self->stats.held = self->held->len;
  g_mutex_unlock (&self->lock);

  return G_SOURCE_REMOVE;
}

static void
hold (FdEmuRequest *request,
      guint    timeout_ms)
{
  FdGraphEmulator *self = request->self;
  Held *held = g_new0 (Held, 1);

  held->self = self;
  held->message = g_object_ref (request->message);
  g_signal_connect (held->message, "finished", G_CALLBACK (held_finished), held);
  g_signal_connect (held->message, "disconnected", G_CALLBACK (held_finished), held);
  if (timeout_ms > 0)
    {
      GSource *source = g_timeout_source_new (timeout_ms);

      g_source_set_callback (source, held_timeout_cb, held, NULL);
      held->timeout_id = g_source_attach (source, self->context);
      g_source_unref (source);
    }

  soup_server_message_pause (request->message);
  g_ptr_array_add (self->held, held);
  self->stats.held = self->held->len;
}

/**
 * _fd_graph_emulator_release_held:
 *
 * Answers every held request with a 503 (lock held).
 */
void
_fd_graph_emulator_release_held (FdGraphEmulator *self)
{
  for (guint i = 0; i < self->held->len; i++)
    release (g_ptr_array_index (self->held, i));

  g_ptr_array_set_size (self->held, 0);
  self->stats.held = 0;
}

GPtrArray *
_fd_emu_new_held_array (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify)held_free);
}

void
_fd_emu_send_truncated (FdEmuRequest *request)
{
  GIOStream *stream = soup_server_message_steal_connection (request->message);
  GOutputStream *out;
  g_autofree char *head = NULL;
  gsize half = request->reply.body->len / 2;

  if (stream == NULL)
    return;

  head = g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Type: " CONTENT_TYPE "\r\n"
                          "Content-Length: %" G_GSIZE_FORMAT "\r\nConnection: close\r\n\r\n",
                          request->reply.body->len);
  out = g_io_stream_get_output_stream (stream);
  g_output_stream_write_all (out, head, strlen (head), NULL, NULL, NULL);
  g_output_stream_write_all (out, request->reply.body->str, half, NULL, NULL, NULL);
  g_io_stream_close (stream, NULL, NULL);
  g_object_unref (stream);
}

/* Applies a fault that answers for the server. Returns TRUE if the
 * request is answered (or held) by it. */
gboolean
_fd_emu_apply_fault (FdEmuRequest    *request,
                    FdEmuFault *fault)
{
  switch (fault->kind)
    {
    case FD_EMU_FAULT_THROTTLE:
      if (request->account == NULL)
        return FALSE;
      _fd_emu_block_account (request, fault->param > 0 ? fault->param : 1);
      _fd_emu_reply_throttled (request);
      _fd_emu_add_usage_headers (request);
      _fd_emu_send_reply (request);
      return TRUE;

    case FD_EMU_FAULT_SERVER_ERROR:
      _fd_emu_reply_error_full (request, 500, 2, 0, "OAuthException",
                        "An unexpected error has occurred. Please retry your request later.",
                        1, NULL, NULL, NULL);
      _fd_emu_send_reply (request);
      return TRUE;

    case FD_EMU_FAULT_UNAVAILABLE:
      soup_server_message_set_status (request->message, 503, NULL);
      soup_server_message_set_response (request->message, "text/html", SOUP_MEMORY_STATIC,
                                        "<html><body>Service Unavailable</body></html>", 45);
      return TRUE;

    case FD_EMU_FAULT_TIMEOUT:
      hold (request, fault->param > 0 ? (guint)fault->param : DEFAULT_TIMEOUT_MS);
      return TRUE;

    case FD_EMU_FAULT_STALL:
      hold (request, 0);
      return TRUE;

    case FD_EMU_FAULT_EXPIRED_TOKEN:
      _fd_emu_reply_header (request, "WWW-Authenticate",
                    "OAuth \"Facebook Platform\" \"invalid_token\" \"Error validating access "
                    "token: Session has expired\"");
      _fd_emu_reply_error (request, 400, 190, 463,
                   "Error validating access token: Session has expired. The current time is "
                   "after the token's expiry.");
      _fd_emu_send_reply (request);
      return TRUE;

    case FD_EMU_FAULT_PERMISSION:
      _fd_emu_reply_error (request, 403, 200, 0,
                   "(#200) Requires ads_read permission to manage the object");
      _fd_emu_send_reply (request);
      return TRUE;

    case FD_EMU_FAULT_TOO_MUCH_DATA:
      _fd_emu_reply_error (request, 400, 100, 1487534,
                   "Please reduce the amount of data you're asking for, then retry your request");
      _fd_emu_send_reply (request);
      return TRUE;

    case FD_EMU_FAULT_MALFORMED:
    case FD_EMU_FAULT_TRUNCATED:
    case FD_EMU_FAULT_REPORT_FAILED:
    case FD_EMU_FAULT_REPORT_SKIPPED:
    default:
      return FALSE;
    }
}
