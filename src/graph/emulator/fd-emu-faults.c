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
#include "fd-graph-emulator-private.h"

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
