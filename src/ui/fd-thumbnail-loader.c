/* fd-thumbnail-loader.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-thumbnail-loader"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-asset-importer.h"
#include "fd-thumbnail-loader.h"

/* Thumbnails as textures, made off the main thread and kept for a while.
 *
 * A card asks for the texture of a version's SHA-256. The PNG in the
 * workspace's thumbnail cache is decoded (and scaled down to what a card
 * shows) on one of two worker threads of the loader's own, so that
 * scrolling past hundreds of cards cannot flood GLib's shared pool; when
 * the cache lost the PNG, the media layer makes it again first. A card
 * that scrolls away cancels its request, and queued requests that were
 * cancelled cost nothing. Textures are kept, most recently used first, up
 * to a budget in bytes; a file that cannot be thumbnailed is remembered
 * with its message and not tried again. */

/* Enough for a few screens of cards at twice their size. */
#define CACHE_BUDGET_BYTES (48 * 1024 * 1024)
#define N_WORKERS 2

struct _FdThumbnailLoader
{
  GObject       parent_instance;

  FdWorkspace  *workspace;
  int           max_width;
  int           max_height;

  GHashTable   *cache;      /* sha256 → CacheEntry */
  GQueue        lru;        /* CacheEntry, most recent first */
  gsize         cache_bytes;
  GHashTable   *failures;   /* sha256 → message */
  GThreadPool  *pool;
  guint         n_loads;
};

G_DEFINE_FINAL_TYPE (FdThumbnailLoader, fd_thumbnail_loader, G_TYPE_OBJECT)

typedef struct
{
  char       *sha256;
  GdkTexture *texture;
  gsize       bytes;
  GList       link;
} CacheEntry;

typedef struct
{
  char         *sha256;
  char         *thumbnail_dir;
  FdMediaStore *media_store;
  GMainContext *context;
  int           max_width;
  int           max_height;
  GdkTexture   *texture;
  GError       *error;
} LoadJob;

static void
cache_entry_free (gpointer data)
{
  CacheEntry *entry = data;

  g_object_unref (entry->texture);
  g_free (entry->sha256);
  g_free (entry);
}

static void
load_job_free (gpointer data)
{
  LoadJob *job = data;

  g_free (job->sha256);
  g_free (job->thumbnail_dir);
  g_clear_object (&job->media_store);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_clear_object (&job->texture);
  g_clear_error (&job->error);
  g_free (job);
}

/*
 * The cache
 */

static void
cache_insert (FdThumbnailLoader *self,
              const char        *sha256,
              GdkTexture        *texture)
{
  CacheEntry *entry;

  if (g_hash_table_contains (self->cache, sha256))
    return;

  entry = g_new0 (CacheEntry, 1);
  entry->sha256 = g_strdup (sha256);
  entry->texture = g_object_ref (texture);
  entry->bytes = (gsize)gdk_texture_get_width (texture) * gdk_texture_get_height (texture) * 4;
  entry->link.data = entry;

  g_hash_table_insert (self->cache, entry->sha256, entry);
  g_queue_push_head_link (&self->lru, &entry->link);
  self->cache_bytes += entry->bytes;

  while (self->cache_bytes > CACHE_BUDGET_BYTES && self->lru.length > 1)
    {
      CacheEntry *oldest = g_queue_peek_tail (&self->lru);

      g_queue_unlink (&self->lru, &oldest->link);
      self->cache_bytes -= oldest->bytes;
      g_hash_table_remove (self->cache, oldest->sha256);
    }
}

/*
 * Loading, on a worker
 */

static GdkPixbuf *
load_scaled (const char  *path,
             int          max_width,
             int          max_height,
             GError     **error)
{
  int width = 0;
  int height = 0;
  double scale;

  if (gdk_pixbuf_get_file_info (path, &width, &height) == NULL || width <= 0 || height <= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The thumbnail “%s” is not a picture."), path);
      return NULL;
    }

  /* Scaled down to what is shown, never up. */
  scale = MIN (1.0, MIN ((double)max_width / width, (double)max_height / height));

  return gdk_pixbuf_new_from_file_at_scale (path,
                                            MAX (1, (int)(width * scale + 0.5)),
                                            MAX (1, (int)(height * scale + 0.5)),
                                            TRUE, error);
}

static gboolean
complete_on_main (gpointer data)
{
  GTask *task = data;
  LoadJob *job = g_task_get_task_data (task);

  if (job->texture != NULL)
    g_task_return_pointer (task, g_steal_pointer (&job->texture), g_object_unref);
  else
    g_task_return_error (task, g_steal_pointer (&job->error));

  return G_SOURCE_REMOVE;
}

/* The task comes back to the main context with the reference this thread
 * held, so that it (and the loader it points to) is never finalized here. */
static void
load_in_worker (gpointer data,
                gpointer user_data)
{
  GTask *task = data;
  LoadJob *job = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autofree char *name = g_strconcat (job->sha256, ".png", NULL);
  g_autofree char *path = g_build_filename (job->thumbnail_dir, name, NULL);
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, &job->error))
    goto done;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_free (path);
      path = fd_asset_ensure_thumbnail (job->media_store, job->thumbnail_dir, job->sha256,
                                        cancellable, &job->error);
      if (path == NULL)
        goto done;
    }

  pixbuf = load_scaled (path, job->max_width, job->max_height, &job->error);
  if (pixbuf != NULL)
    job->texture = gdk_texture_new_for_pixbuf (pixbuf);

done:
  /* Not at idle priority: an animation on screen (a spinner waiting for
   * this very texture) would starve it. */
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, complete_on_main,
                              task, g_object_unref);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  FdThumbnailLoader *self = FD_THUMBNAIL_LOADER (source);
  g_autoptr(GTask) caller = user_data;
  LoadJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  GdkTexture *texture;

  texture = g_task_propagate_pointer (G_TASK (result), &error);
  if (texture != NULL)
    {
      cache_insert (self, job->sha256, texture);
      g_task_return_pointer (caller, texture, g_object_unref);
      return;
    }

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_debug ("No thumbnail for %s: %s", job->sha256, error->message);
      g_hash_table_replace (self->failures, g_strdup (job->sha256), g_strdup (error->message));
    }

  g_task_return_error (caller, g_steal_pointer (&error));
}

/*
 * GObject
 */

static void
fd_thumbnail_loader_finalize (GObject *object)
{
  FdThumbnailLoader *self = (FdThumbnailLoader *)object;

  /* Every load holds the loader, so none is running or queued now. */
  g_thread_pool_free (self->pool, FALSE, TRUE);
  /* The queue's links live inside the entries, which the table frees. */
  g_queue_init (&self->lru);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->failures, g_hash_table_unref);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (fd_thumbnail_loader_parent_class)->finalize (object);
}

static void
fd_thumbnail_loader_class_init (FdThumbnailLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fd_thumbnail_loader_finalize;
}

static void
fd_thumbnail_loader_init (FdThumbnailLoader *self)
{
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, cache_entry_free);
  self->failures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->pool = g_thread_pool_new (load_in_worker, NULL, N_WORKERS, FALSE, NULL);
}

/**
 * fd_thumbnail_loader_new:
 * @max_width: the widest texture wanted, in pixels
 * @max_height: the tallest texture wanted, in pixels
 *
 * Returns: (transfer full): a loader for the thumbnails of @workspace
 */
FdThumbnailLoader *
fd_thumbnail_loader_new (FdWorkspace *workspace,
                         int          max_width,
                         int          max_height)
{
  FdThumbnailLoader *self;

  g_return_val_if_fail (FD_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (max_width > 0 && max_height > 0, NULL);

  self = g_object_new (FD_TYPE_THUMBNAIL_LOADER, NULL);
  self->workspace = g_object_ref (workspace);
  self->max_width = max_width;
  self->max_height = max_height;

  return self;
}

/**
 * fd_thumbnail_loader_get_workspace:
 *
 * Returns: (transfer none): the workspace
 */
FdWorkspace *
fd_thumbnail_loader_get_workspace (FdThumbnailLoader *self)
{
  g_return_val_if_fail (FD_IS_THUMBNAIL_LOADER (self), NULL);
  return self->workspace;
}

/**
 * fd_thumbnail_loader_lookup:
 *
 * Returns: (transfer none) (nullable): the texture of @sha256 if it was
 *   loaded recently
 */
GdkTexture *
fd_thumbnail_loader_lookup (FdThumbnailLoader *self,
                            const char        *sha256)
{
  CacheEntry *entry;

  g_return_val_if_fail (FD_IS_THUMBNAIL_LOADER (self), NULL);

  if (sha256 == NULL || !(entry = g_hash_table_lookup (self->cache, sha256)))
    return NULL;

  g_queue_unlink (&self->lru, &entry->link);
  g_queue_push_head_link (&self->lru, &entry->link);

  return entry->texture;
}

/**
 * fd_thumbnail_loader_get_failure:
 *
 * Returns: (nullable): why @sha256 has no thumbnail, if that was found out
 */
const char *
fd_thumbnail_loader_get_failure (FdThumbnailLoader *self,
                                 const char        *sha256)
{
  g_return_val_if_fail (FD_IS_THUMBNAIL_LOADER (self), NULL);

  return sha256 ? g_hash_table_lookup (self->failures, sha256) : NULL;
}

/**
 * fd_thumbnail_loader_load_async:
 * @sha256: a stored media file's hash
 * @cancellable: (nullable): cancel it when the texture is no longer wanted
 *
 * Loads the thumbnail of @sha256 off the main thread, making it first if
 * the workspace's cache lost it.
 */
void
fd_thumbnail_loader_load_async (FdThumbnailLoader   *self,
                                const char          *sha256,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) caller = NULL;
  GTask *task;
  LoadJob *job;
  GdkTexture *texture;
  const char *failure;

  g_return_if_fail (FD_IS_THUMBNAIL_LOADER (self));
  g_return_if_fail (sha256 != NULL);

  caller = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (caller, fd_thumbnail_loader_load_async);

  if ((texture = fd_thumbnail_loader_lookup (self, sha256)) != NULL)
    {
      g_task_return_pointer (caller, g_object_ref (texture), g_object_unref);
      return;
    }

  if ((failure = fd_thumbnail_loader_get_failure (self, sha256)) != NULL)
    {
      g_task_return_new_error (caller, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", failure);
      return;
    }

  job = g_new0 (LoadJob, 1);
  job->sha256 = g_strdup (sha256);
  job->thumbnail_dir = fd_workspace_dup_cache_dir (self->workspace, "thumbnails");
  job->media_store = g_object_ref (fd_workspace_get_media_store (self->workspace));
  job->context = g_main_context_ref_thread_default ();
  job->max_width = self->max_width;
  job->max_height = self->max_height;

  task = g_task_new (self, cancellable, on_loaded, g_steal_pointer (&caller));
  g_task_set_source_tag (task, load_in_worker);
  g_task_set_task_data (task, job, load_job_free);
  self->n_loads++;

  g_thread_pool_push (self->pool, task, NULL);
}

/**
 * fd_thumbnail_loader_load_finish:
 *
 * Returns: (transfer full): the texture, or %NULL with @error set
 */
GdkTexture *
fd_thumbnail_loader_load_finish (FdThumbnailLoader  *self,
                                 GAsyncResult       *result,
                                 GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * fd_thumbnail_loader_get_n_loads:
 *
 * Returns: how many thumbnails were sent to a worker so far (for tests and
 *   benchmarks)
 */
guint
fd_thumbnail_loader_get_n_loads (FdThumbnailLoader *self)
{
  g_return_val_if_fail (FD_IS_THUMBNAIL_LOADER (self), 0);
  return self->n_loads;
}
