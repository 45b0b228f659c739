/* fd-asset-page-load.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-asset-page"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-asset-page-private.h"
#include "fd-asset-query.h"
#include "fd-board-format.h"
#include "fd-roster.h"
#include "fd-ui-util.h"

/* Reading what the board's FdAsset does not carry: the asset's versions,
 * every decision and comment, and its history from the audit log, with
 * who did what said in words. All of it is read on the reader queue when
 * the page opens and again, a little later, when the asset changes, so
 * the main loop never waits for the audit log. The history list is bound
 * here too, since its rows only show what this read found. */

#define RELOAD_DELAY_MS 60

typedef struct
{
  GPtrArray  *versions;
  GPtrArray  *reviews;
  GPtrArray  *events;        /* newest first, only those with a description */
  GHashTable *descriptions;
  GHashTable *actors;
  char       *creator;
} PageData;

static void
page_data_free (PageData *data)
{
  g_clear_pointer (&data->versions, g_ptr_array_unref);
  g_clear_pointer (&data->reviews, g_ptr_array_unref);
  g_clear_pointer (&data->events, g_ptr_array_unref);
  g_clear_pointer (&data->descriptions, g_hash_table_unref);
  g_clear_pointer (&data->actors, g_hash_table_unref);
  g_free (data->creator);
  g_free (data);
}

static gpointer
load_page (FdStore       *store,
           gpointer       user_data,
           GCancellable  *cancellable,
           GError       **error)
{
  gint64 asset_id = *(gint64 *)user_data;
  g_autoptr(GPtrArray) history = NULL;
  PageData *data = g_new0 (PageData, 1);

  if (!(data->versions = fd_asset_list_versions (store, asset_id, error)) ||
      !(data->reviews = fd_asset_list_reviews (store, asset_id, error)) ||
      !(history = fd_asset_get_history (store, asset_id, error)))
    {
      page_data_free (data);
      return NULL;
    }

  data->events = g_ptr_array_new_with_free_func (g_object_unref);
  data->descriptions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  data->actors = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  for (guint i = history->len; i > 0; i--)
    {
      FdAuditEvent *event = g_ptr_array_index (history, i - 1);
      char *description = fd_asset_describe_event (store, event);
      gint64 seq = fd_audit_event_get_seq (event);

      if (g_strcmp0 (fd_audit_event_get_entity_type (event), "asset") == 0 &&
          g_strcmp0 (fd_audit_event_get_action (event), "create") == 0)
        {
          g_free (data->creator);
          data->creator = fd_roster_describe_actor (store, fd_audit_event_get_actor (event));
        }

      if (description == NULL)
        continue;

      g_ptr_array_add (data->events, g_object_ref (event));
      g_hash_table_insert (data->descriptions, g_memdup2 (&seq, sizeof seq), description);
      g_hash_table_insert (data->actors, g_memdup2 (&seq, sizeof seq),
                           fd_roster_describe_actor (store, fd_audit_event_get_actor (event)));
    }

  return data;
}

static void
replace_all (GListStore *store,
             GPtrArray  *items)
{
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items->pdata, items->len);
}

typedef struct
{
  GWeakRef page;
  gint64   asset_id;
} LoadRequest;

static void
on_page_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  LoadRequest *request = user_data;
  g_autoptr(FdAssetPage) self = g_weak_ref_get (&request->page);
  gint64 asset_id = request->asset_id;
  g_autoptr(GError) error = NULL;
  PageData *data;

  g_weak_ref_clear (&request->page);
  g_free (request);

  data = fd_workspace_run_finish (FD_WORKSPACE (source), result, &error);
  if (self == NULL || self->asset == NULL || fd_asset_get_id (self->asset) != asset_id)
    {
      g_clear_pointer (&data, page_data_free);
      return;
    }

  if (data == NULL)
    {
      if (!fd_ui_error_is_cancelled (error))
        fd_board_toast (GTK_WIDGET (self), error->message, TRUE);
      return;
    }

  g_clear_pointer (&self->descriptions, g_hash_table_unref);
  g_clear_pointer (&self->actors, g_hash_table_unref);
  self->descriptions = g_hash_table_ref (data->descriptions);
  self->actors = g_hash_table_ref (data->actors);
  g_free (self->creator);
  self->creator = g_strdup (data->creator);

  replace_all (self->versions, data->versions);
  replace_all (self->reviews, data->reviews);
  replace_all (self->history, data->events);
  page_data_free (data);

  _fd_asset_page_finish_load (self);
}

void
_fd_asset_page_reload (FdAssetPage *self)
{
  LoadRequest *request;
  gint64 *asset_id;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_cancellable_cancel (self->load);
  g_clear_object (&self->load);

  if (self->asset == NULL || self->workspace == NULL)
    return;

  self->load = g_cancellable_new ();
  request = g_new0 (LoadRequest, 1);
  g_weak_ref_init (&request->page, self);
  request->asset_id = fd_asset_get_id (self->asset);
  asset_id = g_memdup2 (&request->asset_id, sizeof *asset_id);

  fd_workspace_run_async (self->workspace, FALSE, load_page, asset_id, g_free,
                          (GDestroyNotify)page_data_free, self->load, on_page_loaded, request);
}

static gboolean
reload_later (gpointer user_data)
{
  FdAssetPage *self = user_data;

  self->reload_source = 0;
  _fd_asset_page_reload (self);
  return G_SOURCE_REMOVE;
}

/* A decision changes the asset and its history together; both are read
 * again once the changes of one commit have all arrived. */
void
_fd_asset_page_queue_reload (FdAssetPage *self)
{
  if (self->asset != NULL && self->reload_source == 0)
    self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_later, self);
}

static GtkWidget *
create_history_row (gpointer item,
                    gpointer user_data)
{
  FdAssetPage *self = user_data;
  gint64 seq = fd_audit_event_get_seq (item);

  return _fd_asset_page_history_row (item, g_hash_table_lookup (self->descriptions, &seq),
                                     g_hash_table_lookup (self->actors, &seq));
}

void
_fd_asset_page_bind_history (FdAssetPage *self)
{
  gtk_list_box_bind_model (self->history_list, G_LIST_MODEL (self->history),
                           create_history_row, self, NULL);
}
