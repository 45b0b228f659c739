/* fd-media.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gst/gst.h>

#include "fd-media.h"

/**
 * fd_media_ensure_init:
 *
 * Initializes GStreamer once, from whichever thread gets here first.
 */
gboolean
fd_media_ensure_init (GError **error)
{
  static gsize initialized = 0;
  static GError *init_error = NULL;

  if (g_once_init_enter (&initialized))
    {
      if (!gst_init_check (NULL, NULL, &init_error))
        g_prefix_error (&init_error, _("GStreamer could not start: "));
      g_once_init_leave (&initialized, 1);
    }

  if (init_error != NULL)
    {
      g_propagate_error (error, g_error_copy (init_error));
      return FALSE;
    }

  return TRUE;
}
