/* fd-workspace.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-workspace"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "fd-audit-log.h"
#include "fd-core-error.h"
#include "fd-workspace.h"
#include "fd-workspace-private.h"

/* A workspace is a folder: flightdeck.db, media/ (content-addressed files)
 * and cache/ (thumbnails and other derived data that can be rebuilt).
 *
 * FdWorkspace lives on the thread that opened it (the main thread in the
 * app). It owns that thread's store, hands out further connections to worker
 * threads, runs short jobs on two serial worker queues (one that writes, one
 * that reads), and turns new audit events — from any connection in this
 * process or from another process — into ::changed signals. The audit log is
 * the change feed: every workflow write has an event. */

/* Past this many new events at once, ::changed is sent once per entity type
 * instead of once per event. */
#define MAX_DETAILED_CHANGES 500

/* Changes seen through the file system are gathered for this long. */
#define FILE_CHANGE_DELAY_MS 150

struct _FdWorkspace
{
  GObject       parent_instance;

  char         *path;
  char         *db_path;
  FdStore      *store;
  FdMediaStore *media_store;
  GMainContext *context;

  gint64        seen_seq;
  guint         refresh_source;
  GFileMonitor *monitor;

  GThreadPool  *writer_pool;
  GThreadPool  *reader_pool;
  FdStore      *writer_store;   /* used only on the writer queue */
  FdStore      *reader_store;   /* used only on the reader queue */
};

G_DEFINE_FINAL_TYPE (FdWorkspace, fd_workspace, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  FdWorkspaceFunc func;
  gpointer        data;
  GDestroyNotify  data_destroy;
  GDestroyNotify  result_destroy;
  gboolean        writes;
} RunData;

static void
run_data_free (RunData *run)
{
  if (run->data_destroy)
    run->data_destroy (run->data);
  g_free (run);
}

/*
 * Change notification
 */

static void
emit_changes (FdWorkspace *self,
              GPtrArray   *events)
{
  if (events->len > MAX_DETAILED_CHANGES)
    {
      g_autoptr(GHashTable) types = g_hash_table_new (g_str_hash, g_str_equal);
      GHashTableIter iter;
      gpointer key;

      for (guint i = 0; i < events->len; i++)
        g_hash_table_add (types, (char *)fd_audit_event_get_entity_type (g_ptr_array_index (events, i)));

      g_hash_table_iter_init (&iter, types);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_signal_emit (self, signals[CHANGED], g_quark_from_string (key), key, NULL, "bulk");
      return;
    }

  for (guint i = 0; i < events->len; i++)
    {
      FdAuditEvent *event = g_ptr_array_index (events, i);
      const char *type = fd_audit_event_get_entity_type (event);

      g_signal_emit (self, signals[CHANGED], g_quark_from_string (type),
                     type,
                     fd_audit_event_get_entity_id (event),
                     fd_audit_event_get_action (event));
    }
}

/**
 * fd_workspace_refresh:
 *
 * Looks for audit events newer than the last ones announced and emits
 * ::changed for them. Called by itself after commits; call it directly
 * when another process may have written.
 */
void
fd_workspace_refresh (FdWorkspace *self)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  gint64 last;

  g_return_if_fail (FD_IS_WORKSPACE (self));

  events = fd_audit_log_list (self->store, NULL, NULL, self->seen_seq, -1, &error);
  if (events == NULL)
    {
      g_warning ("Could not read new changes: %s", error->message);
      return;
    }

  if (events->len == 0)
    return;

  last = fd_audit_event_get_seq (g_ptr_array_index (events, events->len - 1));
  self->seen_seq = last;

  emit_changes (self, events);
}

static gboolean
refresh_cb (gpointer user_data)
{
  FdWorkspace *self = user_data;

  self->refresh_source = 0;
  fd_workspace_refresh (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (FdWorkspace *self,
                  guint        delay_ms)
{
  GSource *source;

  if (self->refresh_source != 0)
    return;

  source = delay_ms ? g_timeout_source_new (delay_ms) : g_idle_source_new ();
  g_source_set_callback (source, refresh_cb, self, NULL);
  g_source_set_name (source, "[flightdeck] workspace refresh");
  self->refresh_source = g_source_attach (source, self->context);
  g_source_unref (source);
}

static gboolean
schedule_refresh_in_context (gpointer user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(FdWorkspace) self = g_weak_ref_get (ref);

  if (self != NULL)
    schedule_refresh (self, 0);

  return G_SOURCE_REMOVE;
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static void
weak_ref_closure_free (gpointer  data,
                       GClosure *closure)
{
  weak_ref_free (data);
}

/* Runs on whatever thread committed; hops to the workspace's thread. */
static void
on_store_committed (FdStore  *store,
                    gint64    last_seq,
                    GWeakRef *ref)
{
  g_autoptr(FdWorkspace) self = g_weak_ref_get (ref);
  GWeakRef *copy;

  if (self == NULL)
    return;

  copy = g_new0 (GWeakRef, 1);
  g_weak_ref_init (copy, self);
  g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT,
                              schedule_refresh_in_context, copy, weak_ref_free);
}

static void
watch_store (FdWorkspace *self,
             FdStore     *store)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, self);
  g_signal_connect_data (store, "committed", G_CALLBACK (on_store_committed),
                         ref, weak_ref_closure_free, 0);
}

static void
on_folder_changed (GFileMonitor      *monitor,
                   GFile             *file,
                   GFile             *other,
                   GFileMonitorEvent  event,
                   FdWorkspace       *self)
{
  g_autofree char *name = g_file_get_basename (file);

  if (g_str_has_prefix (name, FD_WORKSPACE_DB_NAME))
    schedule_refresh (self, FILE_CHANGE_DELAY_MS);
}

/*
 * Worker queues
 */

static void
run_in_worker (gpointer task_data,
               gpointer pool_data)
{
  g_autoptr(GTask) task = task_data;
  FdWorkspace *self = g_task_get_source_object (task);
  RunData *run = g_task_get_task_data (task);
  FdStore **store = run->writes ? &self->writer_store : &self->reader_store;
  GError *error = NULL;
  gpointer result;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (*store == NULL && !(*store = fd_workspace_open_store (self, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  result = run->func (*store, run->data, g_task_get_cancellable (task), &error);
  if (result == NULL)
    {
      if (error == NULL)
        g_set_error (&error, FD_CORE_ERROR, FD_CORE_ERROR_FAILED, _("The operation failed."));
      g_task_return_error (task, error);
    }
  else
    g_task_return_pointer (task, result, run->result_destroy);
}

/**
 * fd_workspace_run_async:
 * @writes: %TRUE to run on the writer queue, %FALSE on the reader queue
 * @func: the work
 * @data_destroy: (nullable): frees @data afterwards
 * @result_destroy: (nullable): frees a result nobody collected
 *
 * Runs @func on a worker thread with a connection of its own, so that the
 * main loop never waits on the database. Jobs on one queue run one after
 * the other, in order.
 */
void
fd_workspace_run_async (FdWorkspace         *self,
                        gboolean             writes,
                        FdWorkspaceFunc      func,
                        gpointer             data,
                        GDestroyNotify       data_destroy,
                        GDestroyNotify       result_destroy,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RunData *run;

  g_return_if_fail (FD_IS_WORKSPACE (self));
  g_return_if_fail (func != NULL);

  run = g_new0 (RunData, 1);
  run->func = func;
  run->data = data;
  run->data_destroy = data_destroy;
  run->result_destroy = result_destroy;
  run->writes = writes;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fd_workspace_run_async);
  g_task_set_task_data (task, run, (GDestroyNotify)run_data_free);

  g_thread_pool_push (writes ? self->writer_pool : self->reader_pool,
                      g_steal_pointer (&task), NULL);
}

/**
 * fd_workspace_run_finish:
 *
 * Returns: (transfer full): what the function returned, or %NULL with @error
 */
gpointer
fd_workspace_run_finish (FdWorkspace   *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/*
 * GObject
 */

static void
fd_workspace_dispose (GObject *object)
{
  FdWorkspace *self = (FdWorkspace *)object;

  g_clear_object (&self->monitor);
  if (self->refresh_source != 0)
    {
      GSource *source = g_main_context_find_source_by_id (self->context, self->refresh_source);

      if (source != NULL)
        g_source_destroy (source);
      self->refresh_source = 0;
    }

  G_OBJECT_CLASS (fd_workspace_parent_class)->dispose (object);
}

static void
fd_workspace_finalize (GObject *object)
{
  FdWorkspace *self = (FdWorkspace *)object;

  /* Queued jobs hold a reference to us, so the queues are empty by now. */
  g_thread_pool_free (self->writer_pool, FALSE, TRUE);
  g_thread_pool_free (self->reader_pool, FALSE, TRUE);
  g_clear_object (&self->writer_store);
  g_clear_object (&self->reader_store);
  g_clear_object (&self->store);
  g_clear_object (&self->media_store);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_free (self->path);
  g_free (self->db_path);

  G_OBJECT_CLASS (fd_workspace_parent_class)->finalize (object);
}

static void
fd_workspace_class_init (FdWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fd_workspace_dispose;
  object_class->finalize = fd_workspace_finalize;

  /**
   * FdWorkspace::changed:
   * @entity_type: the kind of record that changed ("person", "asset" …)
   * @entity_id: (nullable): which one, or %NULL when many changed at once
   * @action: what happened, as in the audit log
   *
   * Emitted on the workspace's thread after changes were committed. The
   * signal is detailed by @entity_type: connect to "changed::asset".
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3,
                  G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);
}

static void
fd_workspace_init (FdWorkspace *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->writer_pool = g_thread_pool_new (run_in_worker, self, 1, FALSE, NULL);
  self->reader_pool = g_thread_pool_new (run_in_worker, self, 1, FALSE, NULL);
}

/*
 * Opening and creating
 */

static char *
resolve_folder (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);

  /* Accept the database file itself, as a file manager would hand it over. */
  if (g_str_equal (base, FD_WORKSPACE_DB_NAME) &&
      g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return g_path_get_dirname (path);

  return g_canonicalize_filename (path, NULL);
}

/**
 * fd_workspace_dup_default_demo_path:
 *
 * Returns: (transfer full): where the demo workspace lives unless told
 *   otherwise: $XDG_DATA_HOME/flightdeck/demo
 */
char *
fd_workspace_dup_default_demo_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "flightdeck", "demo", NULL);
}

gboolean
fd_workspace_exists (const char *path)
{
  g_autofree char *folder = resolve_folder (path);
  g_autofree char *db = g_build_filename (folder, FD_WORKSPACE_DB_NAME, NULL);

  return g_file_test (db, G_FILE_TEST_IS_REGULAR);
}

static FdWorkspace *
open_folder (const char        *folder,
             FdStoreOpenFlags   flags,
             GError           **error)
{
  g_autoptr(FdWorkspace) self = g_object_new (FD_TYPE_WORKSPACE, NULL);
  g_autofree char *media = NULL;
  g_autoptr(GFile) dir = NULL;
  gint64 head;

  self->path = g_strdup (folder);
  self->db_path = g_build_filename (folder, FD_WORKSPACE_DB_NAME, NULL);

  if (!(self->store = fd_store_open (self->db_path, flags, error)))
    return NULL;

  media = g_build_filename (folder, "media", NULL);
  if (g_mkdir_with_parents (media, 0755) != 0)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_IO,
                   _("Could not create the media folder “%s”: %s"),
                   media, g_strerror (errno));
      return NULL;
    }
  self->media_store = fd_media_store_new (media);

  head = fd_audit_log_get_head_seq (self->store, error);
  if (head < 0)
    return NULL;
  self->seen_seq = head;

  watch_store (self, self->store);

  dir = g_file_new_for_path (folder);
  self->monitor = g_file_monitor_directory (dir, G_FILE_MONITOR_NONE, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect_object (self->monitor, "changed",
                             G_CALLBACK (on_folder_changed), self, 0);

  return g_steal_pointer (&self);
}

static gboolean
require_workspace (const char  *folder,
                   GError     **error)
{
  if (fd_workspace_exists (folder))
    return TRUE;

  g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND,
               _("“%s” is not a Flightdeck workspace: it has no %s."),
               folder, FD_WORKSPACE_DB_NAME);
  return FALSE;
}

/**
 * fd_workspace_open:
 * @path: the workspace folder (or its flightdeck.db)
 *
 * Returns: (transfer full): the workspace, or %NULL with @error set
 */
FdWorkspace *
fd_workspace_open (const char  *path,
                   GError     **error)
{
  g_autofree char *folder = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  folder = resolve_folder (path);

  if (!require_workspace (folder, error))
    return NULL;

  return open_folder (folder, FD_STORE_OPEN_DEFAULT, error);
}

/**
 * fd_workspace_create:
 * @path: a new or empty folder
 * @name: what the workspace is called ("ACME — Spring sale")
 *
 * Returns: (transfer full): the new workspace, or %NULL with @error set
 */
FdWorkspace *
fd_workspace_create (const char  *path,
                     const char  *name,
                     GError     **error)
{
  g_autofree char *folder = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  folder = g_canonicalize_filename (path, NULL);

  if (!fd_workspace_create_database (folder, name, error))
    return NULL;

  return open_folder (folder, FD_STORE_OPEN_DEFAULT, error);
}

const char *
fd_workspace_get_path (FdWorkspace *self)
{
  g_return_val_if_fail (FD_IS_WORKSPACE (self), NULL);
  return self->path;
}

const char *
fd_workspace_get_db_path (FdWorkspace *self)
{
  g_return_val_if_fail (FD_IS_WORKSPACE (self), NULL);
  return self->db_path;
}

/**
 * fd_workspace_dup_name:
 *
 * Returns: (transfer full): the workspace's name
 */
char *
fd_workspace_dup_name (FdWorkspace *self)
{
  char *name;

  g_return_val_if_fail (FD_IS_WORKSPACE (self), NULL);

  name = fd_store_get_meta (self->store, "name");
  return name ? name : g_path_get_basename (self->path);
}

/**
 * fd_workspace_dup_cache_dir:
 * @what: a subfolder such as "thumbnails"
 *
 * Returns: (transfer full): the folder, created if needed; its contents are
 *   derived data that may be deleted at any time
 */
char *
fd_workspace_dup_cache_dir (FdWorkspace *self,
                            const char  *what)
{
  char *dir;

  g_return_val_if_fail (FD_IS_WORKSPACE (self), NULL);

  dir = g_build_filename (self->path, "cache", what, NULL);
  g_mkdir_with_parents (dir, 0755);

  return dir;
}

/**
 * fd_workspace_get_store:
 *
 * Returns: (transfer none): the connection of the workspace's own thread
 */
FdStore *
fd_workspace_get_store (FdWorkspace *self)
{
  g_return_val_if_fail (FD_IS_WORKSPACE (self), NULL);
  return self->store;
}

/**
 * fd_workspace_get_media_store:
 *
 * Returns: (transfer none): the content-addressed media folder
 */
FdMediaStore *
fd_workspace_get_media_store (FdWorkspace *self)
{
  g_return_val_if_fail (FD_IS_WORKSPACE (self), NULL);
  return self->media_store;
}

/**
 * fd_workspace_open_store:
 *
 * Opens another connection to the workspace database, for use by one
 * worker thread. Its commits are announced through ::changed like the
 * workspace's own. May be called from any thread.
 *
 * Returns: (transfer full): the connection, or %NULL with @error set
 */
FdStore *
fd_workspace_open_store (FdWorkspace  *self,
                         GError      **error)
{
  FdStore *store;

  g_return_val_if_fail (FD_IS_WORKSPACE (self), NULL);

  store = fd_store_open (self->db_path, FD_STORE_OPEN_DEFAULT, error);
  if (store != NULL)
    watch_store (self, store);

  return store;
}

/*
 * Opening and creating without blocking the caller
 *
 * Everything that can take long or wait happens on a worker with a
 * connection of its own: a migration, another program's lock (the busy
 * timeout), reading a damaged file. The caller's thread then opens a
 * database that is known to be current, which takes no time, so the
 * workspace still lives on the thread that asked for it.
 */

typedef struct
{
  char     *path;
  char     *name;
  gboolean  create;
} PrepareData;

static void
prepare_data_free (PrepareData *prepare)
{
  g_free (prepare->path);
  g_free (prepare->name);
  g_free (prepare);
}

static char *
prepare_existing (const char  *path,
                  GError     **error)
{
  g_autofree char *folder = resolve_folder (path);
  g_autofree char *db_path = NULL;
  g_autoptr(FdStore) store = NULL;

  if (!require_workspace (folder, error))
    return NULL;

  db_path = g_build_filename (folder, FD_WORKSPACE_DB_NAME, NULL);
  if (!(store = fd_store_open (db_path, FD_STORE_OPEN_DEFAULT, error)))
    return NULL;

  return g_steal_pointer (&folder);
}

static void
prepare_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  PrepareData *prepare = task_data;
  GError *error = NULL;
  char *folder;

  if (prepare->create)
    {
      folder = g_canonicalize_filename (prepare->path, NULL);
      if (!fd_workspace_create_database (folder, prepare->name, &error))
        g_clear_pointer (&folder, g_free);
    }
  else
    folder = prepare_existing (prepare->path, &error);

  if (folder == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, folder, g_free);
}

static void
prepare_async (const char          *path,
               const char          *name,
               gboolean             create,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  PrepareData *prepare = g_new0 (PrepareData, 1);

  prepare->path = g_strdup (path);
  prepare->name = g_strdup (name);
  prepare->create = create;

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, prepare, (GDestroyNotify)prepare_data_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, prepare_in_thread);
}

static FdWorkspace *
prepare_finish (GAsyncResult  *result,
                gpointer       source_tag,
                GError       **error)
{
  g_autofree char *folder = NULL;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  if (!(folder = g_task_propagate_pointer (G_TASK (result), error)))
    return NULL;

  return open_folder (folder, FD_STORE_OPEN_DEFAULT, error);
}

/**
 * fd_workspace_open_async:
 * @path: the workspace folder (or its flightdeck.db)
 *
 * Checks and, if needed, migrates the workspace on a worker thread; the
 * workspace is then opened on the thread that calls
 * fd_workspace_open_finish() and lives there. A workspace that cannot be
 * used is left untouched, as with fd_workspace_open().
 */
void
fd_workspace_open_async (const char          *path,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (path != NULL);

  prepare_async (path, NULL, FALSE, fd_workspace_open_async,
                 cancellable, callback, user_data);
}

/**
 * fd_workspace_open_finish:
 *
 * Returns: (transfer full): the workspace, or %NULL with @error set
 */
FdWorkspace *
fd_workspace_open_finish (GAsyncResult  *result,
                          GError       **error)
{
  return prepare_finish (result, fd_workspace_open_async, error);
}

/**
 * fd_workspace_create_async:
 * @path: a new or empty folder
 * @name: (nullable): what the workspace is called
 *
 * Like fd_workspace_create(), with the folder and the database made on a
 * worker thread.
 */
void
fd_workspace_create_async (const char          *path,
                           const char          *name,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (path != NULL);

  prepare_async (path, name, TRUE, fd_workspace_create_async,
                 cancellable, callback, user_data);
}

/**
 * fd_workspace_create_finish:
 *
 * Returns: (transfer full): the new workspace, or %NULL with @error set
 */
FdWorkspace *
fd_workspace_create_finish (GAsyncResult  *result,
                            GError       **error)
{
  return prepare_finish (result, fd_workspace_create_async, error);
}
