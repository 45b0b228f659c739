/* fd-emu-control.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-graph-emulator"

#include "config.h"

#include "fd-emu-request.h"

/* /__emulator/…: faults, the clock and statistics over HTTP, for the
 * standalone program. */

#define CONTENT_TYPE "application/json; charset=UTF-8"

static void
control_reply (SoupServerMessage *message,
               guint              status,
               const char        *text)
{
  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, CONTENT_TYPE, SOUP_MEMORY_COPY, text, strlen (text));
}

void
_fd_emu_handle_control (FdGraphEmulator   *self,
                SoupServerMessage *message,
                const char        *path,
                GHashTable        *params)
{
  const char *method = soup_server_message_get_method (message);

  if (g_str_equal (path, "/__emulator/faults") && g_str_equal (method, "POST"))
    {
      FdEmuFault parsed;
      g_autoptr(GError) error = NULL;

      if (!_fd_emu_fault_parse (g_hash_table_lookup (params, "spec"), &parsed, &error))
        {
          g_autofree char *text = g_strdup_printf ("{\"error\":\"%s\"}", error->message);

          control_reply (message, 400, text);
          return;
        }
      g_ptr_array_add (self->faults, g_memdup2 (&parsed, sizeof parsed));
      control_reply (message, 200, "{\"success\":true}");
    }
  else if (g_str_equal (path, "/__emulator/faults") && g_str_equal (method, "DELETE"))
    {
      g_ptr_array_set_size (self->faults, 0);
      _fd_graph_emulator_release_held (self);
      control_reply (message, 200, "{\"success\":true}");
    }
  else if (g_str_equal (path, "/__emulator/stats"))
    {
      g_autofree char *text =
        g_strdup_printf ("{\"requests\":%" G_GUINT64_FORMAT ",\"insights_pages\":%" G_GUINT64_FORMAT
                         ",\"rows\":%" G_GUINT64_FORMAT ",\"report_runs\":%" G_GUINT64_FORMAT
                         ",\"throttled\":%" G_GUINT64_FORMAT ",\"early_calls\":%" G_GUINT64_FORMAT
                         ",\"faults\":%" G_GUINT64_FORMAT ",\"writes\":%" G_GUINT64_FORMAT
                         ",\"held\":%" G_GUINT64_FORMAT "}",
                         self->stats.requests, self->stats.insights_pages, self->stats.rows,
                         self->stats.report_runs, self->stats.throttled, self->stats.early_calls,
                         self->stats.faults, self->stats.writes, self->stats.held);

      control_reply (message, 200, text);
    }
  else if (g_str_equal (path, "/__emulator/now") && g_str_equal (method, "POST"))
    {
      const char *text = g_hash_table_lookup (params, "now");
      g_autoptr(GDateTime) time = text ? g_date_time_new_from_iso8601 (text, NULL) : NULL;

      if (time == NULL && g_strcmp0 (text, "real") != 0)
        {
          control_reply (message, 400, "{\"error\":\"now must be an ISO 8601 time or real\"}");
          return;
        }
      self->fixed_now = time ? g_date_time_to_unix (time) * G_USEC_PER_SEC : 0;
      control_reply (message, 200, "{\"success\":true}");
    }
  else
    control_reply (message, 404, "{\"error\":\"unknown control endpoint\"}");
}
