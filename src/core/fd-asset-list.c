/* fd-asset-list.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-asset-list"

#include "config.h"

#include "fd-asset-list.h"
#include "fd-asset-private.h"

/* Every asset of a workspace as a GListModel of FdAsset, ordered by id: the
 * one model the board's columns filter. It loads on the workspace's reader
 * queue in two queries, whatever the number of assets, and then follows the
 * audit log's change feed:
 *
 *   changed::asset         that asset is read again
 *   changed::review        the asset of that decision is read again
 *   changed::replacement   the assets whose versions that request names
 *   changed::brief         the assets of that brief (title, due date)
 *   changed::asset_group   the assets of that group (its name)
 *   changed::person        the assets that person created or reviews
 *   any of them in bulk    everything is read again and compared
 *
 * Changes arriving together are read together, one job at a time. Assets
 * whose row did not change keep their object and emit nothing; a changed
 * asset is updated in place (its properties notify) and reported with
 * items-changed (position, 1, 1), so filter models look at it again. */

struct _FdAssetList
{
  GObject       parent_instance;

  FdWorkspace  *workspace;
  GRefString   *thumbnail_dir;
  GPtrArray    *items;          /* FdAsset, by id */
  GCancellable *cancellable;
  GError       *error;

  /* What to read again at the next job. */
  gboolean      full_pending;
  GHashTable   *pending_assets;  /* gint64 id set */
  GHashTable   *pending_reviews; /* gint64 id set */
  GHashTable   *pending_replacements; /* gint64 id set */
  guint         flush_source;
  gboolean      job_running;
  gboolean      loaded;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FdAssetList, fd_asset_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_LOADING,
  PROP_LOADED,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  gboolean    full;
  GArray     *asset_ids;
  GArray     *review_ids;
  GArray     *replacement_ids;
  GRefString *thumbnail_dir;
} LoadJob;

typedef struct
{
  gboolean   full;
  GPtrArray *cards;
  GArray    *asset_ids;   /* what was asked for, when not full */
} LoadResult;

static void schedule_flush (FdAssetList *self);

/*
 * GListModel
 */

static GType
fd_asset_list_get_item_type (GListModel *model)
{
  return FD_TYPE_ASSET;
}

static guint
fd_asset_list_get_n_items (GListModel *model)
{
  return FD_ASSET_LIST (model)->items->len;
}

static gpointer
fd_asset_list_get_item (GListModel *model,
                        guint       position)
{
  FdAssetList *self = FD_ASSET_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = fd_asset_list_get_item_type;
  iface->get_n_items = fd_asset_list_get_n_items;
  iface->get_item = fd_asset_list_get_item;
}

static void
items_changed (FdAssetList *self,
               guint        position,
               guint        removed,
               guint        added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/*
 * Jobs on the reader queue
 */

static void
load_job_free (gpointer data)
{
  LoadJob *job = data;

  g_clear_pointer (&job->asset_ids, g_array_unref);
  g_clear_pointer (&job->review_ids, g_array_unref);
  g_clear_pointer (&job->replacement_ids, g_array_unref);
  g_clear_pointer (&job->thumbnail_dir, g_ref_string_release);
  g_free (job);
}

static void
load_result_free (gpointer data)
{
  LoadResult *result = data;

  g_clear_pointer (&result->cards, g_ptr_array_unref);
  g_clear_pointer (&result->asset_ids, g_array_unref);
  g_free (result);
}

/* Adds the assets that the rows of @ids are about to @asset_ids: @sql
 * selects their asset ids from the ids bound to it as a JSON array. */
static gboolean
resolve_ids (FdStore     *store,
             const char  *sql,
             GArray      *ids,
             GArray      *asset_ids,
             GError     **error)
{
  g_auto(FdStmt) stmt = NULL;
  g_autofree char *json = NULL;
  gboolean has_row;

  if (ids->len == 0)
    return TRUE;

  if ((stmt = fd_store_stmt (store, sql, error)) == NULL)
    return FALSE;
  json = _fd_asset_ids_to_json (ids);
  fd_stmt_bind_text (stmt, 1, json);

  for (;;)
    {
      gint64 id;

      if (!fd_store_step (store, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        return TRUE;

      id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (asset_ids, id);
    }
}

/* Adds the assets of the decisions and requests in @job to its asset ids.
 * A request names versions; its state changing (done, cancelled) changes
 * their assets' cards too. */
static gboolean
resolve_related (FdStore  *store,
                 LoadJob  *job,
                 GError  **error)
{
  return resolve_ids (store,
                      "SELECT DISTINCT asset_id FROM review_decision "
                      "WHERE id IN (SELECT value FROM json_each (?))",
                      job->review_ids, job->asset_ids, error) &&
         resolve_ids (store,
                      "SELECT DISTINCT v.asset_id " FD_REPLACEMENT_VERSIONS_FROM
                      "WHERE r.id IN (SELECT value FROM json_each (?))",
                      job->replacement_ids, job->asset_ids, error);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *)a;
  gint64 y = *(const gint64 *)b;

  return (x > y) - (x < y);
}

static gpointer
load_in_worker (FdStore       *store,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  LoadJob *job = data;
  LoadResult *result = g_new0 (LoadResult, 1);

  result->full = job->full;

  if (!job->full)
    {
      if (!resolve_related (store, job, error))
        {
          load_result_free (result);
          return NULL;
        }
      g_array_sort (job->asset_ids, compare_ids);
      result->asset_ids = g_array_ref (job->asset_ids);
    }

  result->cards = _fd_asset_load_cards (store, job->full ? NULL : job->asset_ids,
                                        job->thumbnail_dir, error);
  if (result->cards == NULL)
    {
      load_result_free (result);
      return NULL;
    }

  return result;
}

/*
 * Merging results
 */

static gboolean
find_position (FdAssetList *self,
               gint64       id,
               guint       *position)
{
  guint lo = 0;
  guint hi = self->items->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      gint64 mid_id = fd_asset_get_id (g_ptr_array_index (self->items, mid));

      if (mid_id == id)
        {
          *position = mid;
          return TRUE;
        }
      if (mid_id < id)
        lo = mid + 1;
      else
        hi = mid;
    }

  *position = lo;
  return FALSE;
}

static void
merge_one (FdAssetList *self,
           FdAsset     *fresh)
{
  guint position;

  if (find_position (self, fd_asset_get_id (fresh), &position))
    {
      if (_fd_asset_update_from (g_ptr_array_index (self->items, position), fresh))
        items_changed (self, position, 1, 1);
      return;
    }

  g_ptr_array_insert (self->items, position, g_object_ref (fresh));
  items_changed (self, position, 0, 1);
}

static void
remove_one (FdAssetList *self,
            gint64       id)
{
  guint position;

  if (find_position (self, id, &position))
    {
      g_ptr_array_remove_index (self->items, position);
      items_changed (self, position, 1, 0);
    }
}

static void
merge_partial (FdAssetList *self,
               LoadResult  *result)
{
  guint card = 0;

  for (guint i = 0; i < result->asset_ids->len; i++)
    {
      gint64 id = g_array_index (result->asset_ids, gint64, i);
      FdAsset *fresh = card < result->cards->len ? g_ptr_array_index (result->cards, card) : NULL;

      if (i > 0 && id == g_array_index (result->asset_ids, gint64, i - 1))
        continue;

      if (fresh != NULL && fd_asset_get_id (fresh) == id)
        {
          merge_one (self, fresh);
          card++;
        }
      else
        remove_one (self, id);
    }
}

/* Walks both lists by id. The first load replaces the empty list at once. */
static void
merge_full (FdAssetList *self,
            GPtrArray   *cards)
{
  g_autoptr(GPtrArray) old = NULL;
  guint i = 0;
  guint j = 0;

  if (self->items->len == 0)
    {
      g_ptr_array_extend_and_steal (self->items, g_ptr_array_ref (cards));
      if (self->items->len > 0)
        items_changed (self, 0, 0, self->items->len);
      return;
    }

  old = g_ptr_array_new_full (self->items->len, g_object_unref);
  for (guint k = 0; k < self->items->len; k++)
    g_ptr_array_add (old, g_object_ref (g_ptr_array_index (self->items, k)));

  while (i < old->len || j < cards->len)
    {
      FdAsset *a = i < old->len ? g_ptr_array_index (old, i) : NULL;
      FdAsset *b = j < cards->len ? g_ptr_array_index (cards, j) : NULL;

      if (b == NULL || (a != NULL && fd_asset_get_id (a) < fd_asset_get_id (b)))
        {
          remove_one (self, fd_asset_get_id (a));
          i++;
        }
      else
        {
          merge_one (self, b);
          if (a != NULL && fd_asset_get_id (a) == fd_asset_get_id (b))
            i++;
          j++;
        }
    }
}

static void
set_loading_done (FdAssetList *self,
                  GError      *error)
{
  gboolean was_loaded = self->loaded;

  g_clear_error (&self->error);
  self->error = error;
  self->loaded = self->loaded || error == NULL;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  if (was_loaded != self->loaded)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *res,
           gpointer      user_data)
{
  g_autoptr(FdAssetList) self = user_data;
  GError *error = NULL;
  LoadResult *result;

  result = fd_workspace_run_finish (FD_WORKSPACE (source), res, &error);
  self->job_running = FALSE;

  if (g_cancellable_is_cancelled (self->cancellable))
    {
      g_clear_error (&error);
      g_clear_pointer (&result, load_result_free);
      return;
    }

  if (result == NULL)
    g_debug ("Could not read the assets: %s", error->message);
  else if (result->full)
    merge_full (self, result->cards);
  else
    merge_partial (self, result);

  g_clear_pointer (&result, load_result_free);
  set_loading_done (self, error);

  /* Changes that arrived meanwhile. */
  if (self->full_pending || g_hash_table_size (self->pending_assets) > 0 ||
      g_hash_table_size (self->pending_reviews) > 0 ||
      g_hash_table_size (self->pending_replacements) > 0)
    schedule_flush (self);
}

static GArray *
take_ids (GHashTable *set)
{
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), g_hash_table_size (set));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (ids, *(gint64 *)key);
  g_hash_table_remove_all (set);

  return ids;
}

static gboolean
flush_cb (gpointer user_data)
{
  FdAssetList *self = user_data;
  LoadJob *job;

  self->flush_source = 0;

  if (self->job_running)
    return G_SOURCE_REMOVE;  /* on_loaded() schedules again */

  job = g_new0 (LoadJob, 1);
  job->full = self->full_pending;
  job->asset_ids = take_ids (self->pending_assets);
  job->review_ids = take_ids (self->pending_reviews);
  job->replacement_ids = take_ids (self->pending_replacements);
  job->thumbnail_dir = g_ref_string_acquire (self->thumbnail_dir);
  self->full_pending = FALSE;
  self->job_running = TRUE;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  fd_workspace_run_async (self->workspace, FALSE, load_in_worker, job, load_job_free,
                          load_result_free, self->cancellable, on_loaded, g_object_ref (self));

  return G_SOURCE_REMOVE;
}

static void
schedule_flush (FdAssetList *self)
{
  if (self->flush_source == 0 && !self->job_running)
    self->flush_source = g_idle_add_full (G_PRIORITY_DEFAULT, flush_cb, self, NULL);
}

/*
 * Following changes
 */

static void
add_pending (GHashTable *set,
             gint64      id)
{
  gint64 *key = g_new (gint64, 1);

  *key = id;
  g_hash_table_add (set, key);
}

static gboolean
parse_id (const char *text,
          gint64     *id)
{
  char *end = NULL;

  if (text == NULL || !g_ascii_isdigit (*text))
    return FALSE;

  *id = g_ascii_strtoll (text, &end, 10);
  return *end == '\0';
}

/* The assets whose cards show something of @id: their brief, group, or a
 * person (creator or reviewer). */
static void
add_related (FdAssetList *self,
             const char  *entity_type,
             gint64       id)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      FdAsset *asset = g_ptr_array_index (self->items, i);
      gboolean related;

      if (g_str_equal (entity_type, "brief"))
        related = fd_asset_get_brief_id (asset) == id;
      else if (g_str_equal (entity_type, "asset_group"))
        related = fd_asset_get_group_id (asset) == id;
      else
        related = fd_asset_involves_person (asset, id);

      if (related)
        add_pending (self->pending_assets, fd_asset_get_id (asset));
    }
}

static void
on_workspace_changed (FdWorkspace *workspace,
                      const char  *entity_type,
                      const char  *entity_id,
                      const char  *action,
                      FdAssetList *self)
{
  gint64 id;

  if (!g_str_equal (entity_type, "asset") && !g_str_equal (entity_type, "review") &&
      !g_str_equal (entity_type, "brief") && !g_str_equal (entity_type, "asset_group") &&
      !g_str_equal (entity_type, "person") && !g_str_equal (entity_type, "replacement"))
    return;

  if (!parse_id (entity_id, &id))
    self->full_pending = TRUE;
  else if (g_str_equal (entity_type, "asset"))
    add_pending (self->pending_assets, id);
  else if (g_str_equal (entity_type, "review"))
    add_pending (self->pending_reviews, id);
  else if (g_str_equal (entity_type, "replacement"))
    add_pending (self->pending_replacements, id);
  else
    add_related (self, entity_type, id);

  schedule_flush (self);
}

/*
 * GObject
 */

static void
fd_asset_list_dispose (GObject *object)
{
  FdAssetList *self = (FdAssetList *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->flush_source, g_source_remove);

  G_OBJECT_CLASS (fd_asset_list_parent_class)->dispose (object);
}

static void
fd_asset_list_finalize (GObject *object)
{
  FdAssetList *self = (FdAssetList *)object;

  g_clear_object (&self->workspace);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->thumbnail_dir, g_ref_string_release);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->pending_assets, g_hash_table_unref);
  g_clear_pointer (&self->pending_reviews, g_hash_table_unref);
  g_clear_pointer (&self->pending_replacements, g_hash_table_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (fd_asset_list_parent_class)->finalize (object);
}

static void
fd_asset_list_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FdAssetList *self = FD_ASSET_LIST (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, fd_asset_list_is_loading (self));
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_asset_list_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  FdAssetList *self = FD_ASSET_LIST (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      self->workspace = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_asset_list_constructed (GObject *object)
{
  FdAssetList *self = (FdAssetList *)object;
  g_autofree char *dir = NULL;

  G_OBJECT_CLASS (fd_asset_list_parent_class)->constructed (object);

  g_return_if_fail (FD_IS_WORKSPACE (self->workspace));

  dir = fd_workspace_dup_cache_dir (self->workspace, "thumbnails");
  self->thumbnail_dir = g_ref_string_new (dir);

  g_signal_connect_object (self->workspace, "changed",
                           G_CALLBACK (on_workspace_changed), self, 0);

  self->full_pending = TRUE;
  schedule_flush (self);
}

static void
fd_asset_list_class_init (FdAssetListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = fd_asset_list_constructed;
  object_class->dispose = fd_asset_list_dispose;
  object_class->finalize = fd_asset_list_finalize;
  object_class->get_property = fd_asset_list_get_property;
  object_class->set_property = fd_asset_list_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, FD_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Whether a read is under way (the first load, or a refresh). */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* Whether the first load has finished. */
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_asset_list_init (FdAssetList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->cancellable = g_cancellable_new ();
  self->pending_assets = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->pending_reviews = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->pending_replacements = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

/*
 * Public API
 */

/**
 * fd_asset_list_new:
 * @workspace: the workspace, on its own (the main) thread
 *
 * Starts loading every asset of @workspace off the main thread; the model
 * is empty until "loaded" turns %TRUE, and then stays current by itself.
 *
 * Returns: (transfer full): the list
 */
FdAssetList *
fd_asset_list_new (FdWorkspace *workspace)
{
  g_return_val_if_fail (FD_IS_WORKSPACE (workspace), NULL);

  return g_object_new (FD_TYPE_ASSET_LIST, "workspace", workspace, NULL);
}

FdWorkspace *
fd_asset_list_get_workspace (FdAssetList *self)
{
  g_return_val_if_fail (FD_IS_ASSET_LIST (self), NULL);
  return self->workspace;
}

gboolean
fd_asset_list_is_loading (FdAssetList *self)
{
  g_return_val_if_fail (FD_IS_ASSET_LIST (self), FALSE);
  return self->job_running;
}

gboolean
fd_asset_list_is_loaded (FdAssetList *self)
{
  g_return_val_if_fail (FD_IS_ASSET_LIST (self), FALSE);
  return self->loaded;
}

/**
 * fd_asset_list_get_error:
 *
 * Returns: (nullable): why the last read failed, or %NULL
 */
const GError *
fd_asset_list_get_error (FdAssetList *self)
{
  g_return_val_if_fail (FD_IS_ASSET_LIST (self), NULL);
  return self->error;
}

/**
 * fd_asset_list_find:
 * @position: (out) (optional): where it is
 *
 * Returns: (transfer none) (nullable): the asset with @asset_id
 */
FdAsset *
fd_asset_list_find (FdAssetList *self,
                    gint64       asset_id,
                    guint       *position)
{
  guint pos;

  g_return_val_if_fail (FD_IS_ASSET_LIST (self), NULL);

  if (!find_position (self, asset_id, &pos))
    return NULL;

  if (position != NULL)
    *position = pos;
  return g_ptr_array_index (self->items, pos);
}

/**
 * fd_asset_list_reload:
 *
 * Reads everything again (after a failed read, say). Objects of assets
 * that did not change are kept.
 */
void
fd_asset_list_reload (FdAssetList *self)
{
  g_return_if_fail (FD_IS_ASSET_LIST (self));

  self->full_pending = TRUE;
  schedule_flush (self);
}
