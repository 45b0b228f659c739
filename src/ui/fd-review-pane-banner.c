/* fd-review-pane-banner.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-review-pane"

#include "config.h"

#include "fd-replacement-request.h"
#include "fd-review-pane-private.h"
#include "fd-ui-util.h"

/* The banner saying that triage asked for a replacement of the asset.
 * Its requests are read on the workspace's reader queue (a worker thread
 * with its own connection) whenever the workspace, the asset or the
 * replacement requests change, so the main loop never waits for the
 * database; a newer read cancels the one under way. */

typedef struct
{
  gint64 asset_id;
} BannerLoad;

static gpointer
load_banner (FdStore       *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  BannerLoad *load = data;
  g_autoptr(GPtrArray) requests = fd_replacement_request_list_for_asset (store, load->asset_id, error);
  g_autoptr(GString) text = g_string_new (NULL);

  if (requests == NULL)
    return NULL;

  for (guint i = 0; i < requests->len; i++)
    {
      FdReplacementRequest *request = g_ptr_array_index (requests, i);
      g_autofree char *line = fd_replacement_request_describe (store, request, error);
      const char *note = fd_replacement_request_get_note (request);

      if (line == NULL)
        return NULL;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
      if (note != NULL && *note != '\0')
        g_string_append_printf (text, " — %s", note);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
banner_load_free (BannerLoad *load)
{
  g_free (load);
}

static void
on_banner_loaded (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(FdReviewPane) self = g_weak_ref_get (user_data);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = fd_workspace_run_finish (FD_WORKSPACE (source), result, &error);

  g_weak_ref_clear (user_data);
  g_free (user_data);

  if (self == NULL || fd_ui_error_is_cancelled (error))
    return;

  if (text == NULL)
    g_warning ("Cannot read the replacement requests: %s", error->message);

  g_free (self->banner_text);
  self->banner_text = text && *text ? g_strdup (text) : NULL;
  gtk_label_set_label (self->banner_label, self->banner_text ? self->banner_text : "");
  gtk_widget_set_visible (self->banner, self->banner_text != NULL);
}

void
_fd_review_pane_reload_banner (FdReviewPane *self)
{
  BannerLoad *load;
  GWeakRef *ref;

  g_cancellable_cancel (self->banner_load);
  g_clear_object (&self->banner_load);
  g_clear_pointer (&self->banner_text, g_free);
  gtk_widget_set_visible (self->banner, FALSE);

  if (self->workspace == NULL || self->asset == NULL)
    return;

  self->banner_load = g_cancellable_new ();
  load = g_new0 (BannerLoad, 1);
  load->asset_id = fd_asset_get_id (self->asset);
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  fd_workspace_run_async (self->workspace, FALSE, load_banner, load, (GDestroyNotify)banner_load_free,
                          g_free, self->banner_load, on_banner_loaded, ref);
}
