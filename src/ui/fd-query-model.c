/* fd-query-model.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-query-model"

#include "config.h"

#include "fd-query-model.h"

/* A list model filled by a query that runs on the workspace's reader queue,
 * and run again whenever the workspace announces a change to one of the
 * entity types the query depends on. Items are immutable snapshots; when a
 * new result arrives, only the part that differs is replaced (an item equal
 * to the one it replaces is kept), so rows bound to unchanged items stay as
 * they are. */

struct _FdQueryModel
{
  GObject          parent_instance;

  GType            item_type;
  FdWorkspaceFunc  load;
  gpointer         load_data;
  GDestroyNotify   load_data_destroy;
  GEqualFunc       same_item;

  FdWorkspace     *workspace;
  GSignalGroup    *workspace_signals;
  GPtrArray       *items;
  GCancellable    *cancellable;
  gboolean         loading;
  gboolean         reload_pending;
  gboolean         loaded;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FdQueryModel, fd_query_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_LOADED,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/*
 * GListModel
 */

static GType
get_item_type (GListModel *model)
{
  return FD_QUERY_MODEL (model)->item_type;
}

static guint
get_n_items (GListModel *model)
{
  return FD_QUERY_MODEL (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  FdQueryModel *self = FD_QUERY_MODEL (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/*
 * Applying results
 */

static gboolean
same (FdQueryModel *self,
      gpointer      a,
      gpointer      b)
{
  return self->same_item != NULL ? self->same_item (a, b) : a == b;
}

/* Replaces the items that differ, keeping the equal head and tail. */
static void
apply_items (FdQueryModel *self,
             GPtrArray    *items)
{
  guint old_len = self->items->len;
  guint new_len = items->len;
  guint prefix = 0;
  guint suffix = 0;
  guint removed;
  guint added;

  while (prefix < old_len && prefix < new_len &&
         same (self, g_ptr_array_index (self->items, prefix), g_ptr_array_index (items, prefix)))
    prefix++;

  while (suffix < old_len - prefix && suffix < new_len - prefix &&
         same (self,
               g_ptr_array_index (self->items, old_len - 1 - suffix),
               g_ptr_array_index (items, new_len - 1 - suffix)))
    suffix++;

  removed = old_len - prefix - suffix;
  added = new_len - prefix - suffix;
  if (removed == 0 && added == 0)
    return;

  g_ptr_array_remove_range (self->items, prefix, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (self->items, prefix + i,
                        g_object_ref (g_ptr_array_index (items, prefix + i)));

  g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
set_loaded (FdQueryModel *self,
            gboolean      loaded)
{
  if (self->loaded == loaded)
    return;

  self->loaded = loaded;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

static void start_load (FdQueryModel *self);

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(FdQueryModel) self = g_weak_ref_get (ref);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  g_weak_ref_clear (ref);
  g_free (ref);

  items = fd_workspace_run_finish (FD_WORKSPACE (source), result, &error);

  /* A result for a model that is gone, or for a workspace it no longer
   * shows, is dropped. */
  if (self == NULL ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      FD_WORKSPACE (source) != self->workspace)
    return;

  self->loading = FALSE;

  if (items == NULL)
    g_warning ("Could not load %s: %s", g_type_name (self->item_type), error->message);
  else
    {
      apply_items (self, items);
      set_loaded (self, TRUE);
    }

  if (self->reload_pending)
    start_load (self);
}

static void
start_load (FdQueryModel *self)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  self->reload_pending = FALSE;
  self->loading = TRUE;

  /* A weak reference: a pending load must not keep the model alive, or its
   * dispose — which cancels the load — would wait for the load itself. */
  g_weak_ref_init (ref, self);
  fd_workspace_run_async (self->workspace, FALSE, self->load, self->load_data, NULL,
                          (GDestroyNotify)g_ptr_array_unref, self->cancellable,
                          on_loaded, ref);
}

/**
 * fd_query_model_reload:
 *
 * Runs the query again. Called by itself when the workspace announces a
 * change the query depends on; a reload asked for while one runs is done
 * once, after it.
 */
void
fd_query_model_reload (FdQueryModel *self)
{
  g_return_if_fail (FD_IS_QUERY_MODEL (self));

  if (self->workspace == NULL)
    return;

  if (self->loading)
    self->reload_pending = TRUE;
  else
    start_load (self);
}

/*
 * GObject
 */

static void
fd_query_model_dispose (GObject *object)
{
  FdQueryModel *self = (FdQueryModel *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->workspace_signals);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (fd_query_model_parent_class)->dispose (object);
}

static void
fd_query_model_finalize (GObject *object)
{
  FdQueryModel *self = (FdQueryModel *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  if (self->load_data_destroy != NULL)
    self->load_data_destroy (self->load_data);

  G_OBJECT_CLASS (fd_query_model_parent_class)->finalize (object);
}

static void
fd_query_model_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FdQueryModel *self = FD_QUERY_MODEL (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
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
fd_query_model_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  FdQueryModel *self = FD_QUERY_MODEL (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      fd_query_model_set_workspace (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_query_model_class_init (FdQueryModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fd_query_model_dispose;
  object_class->finalize = fd_query_model_finalize;
  object_class->get_property = fd_query_model_get_property;
  object_class->set_property = fd_query_model_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, FD_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* TRUE once the first result for the current workspace arrived. */
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_query_model_init (FdQueryModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->cancellable = g_cancellable_new ();
  self->workspace_signals = g_signal_group_new (FD_TYPE_WORKSPACE);
}

/**
 * fd_query_model_new:
 * @item_type: the type of the items
 * @load: runs on the reader queue and returns a #GPtrArray of @item_type
 * @load_data: (nullable): handed to @load on another thread; must not
 *   change while the model lives
 * @same_item: (nullable): tells whether two items show the same thing;
 *   %NULL compares pointers
 * @entity_types: (array zero-terminated=1): the audit entity types whose
 *   changes make the query run again ("person", "ownership" …)
 *
 * Returns: (transfer full): a new, empty model; set a workspace to fill it
 */
FdQueryModel *
fd_query_model_new (GType               item_type,
                    FdWorkspaceFunc     load,
                    gpointer            load_data,
                    GDestroyNotify      load_data_destroy,
                    GEqualFunc          same_item,
                    const char * const *entity_types)
{
  FdQueryModel *self;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);
  g_return_val_if_fail (load != NULL, NULL);

  self = g_object_new (FD_TYPE_QUERY_MODEL, NULL);
  self->item_type = item_type;
  self->load = load;
  self->load_data = load_data;
  self->load_data_destroy = load_data_destroy;
  self->same_item = same_item;

  for (guint i = 0; entity_types != NULL && entity_types[i] != NULL; i++)
    {
      g_autofree char *detailed = g_strdup_printf ("changed::%s", entity_types[i]);

      g_signal_group_connect_swapped (self->workspace_signals, detailed,
                                      G_CALLBACK (fd_query_model_reload), self);
    }

  return self;
}

/**
 * fd_query_model_get_workspace:
 *
 * Returns: (transfer none) (nullable): the workspace the model shows
 */
FdWorkspace *
fd_query_model_get_workspace (FdQueryModel *self)
{
  g_return_val_if_fail (FD_IS_QUERY_MODEL (self), NULL);
  return self->workspace;
}

/**
 * fd_query_model_set_workspace:
 * @workspace: (nullable): the workspace to show, or %NULL for none
 *
 * Empties the model and loads it from @workspace.
 */
void
fd_query_model_set_workspace (FdQueryModel *self,
                              FdWorkspace  *workspace)
{
  g_autoptr(GPtrArray) empty = NULL;

  g_return_if_fail (FD_IS_QUERY_MODEL (self));
  g_return_if_fail (workspace == NULL || FD_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = FALSE;
  self->reload_pending = FALSE;

  g_set_object (&self->workspace, workspace);
  g_signal_group_set_target (self->workspace_signals, workspace);

  empty = g_ptr_array_new ();
  apply_items (self, empty);
  set_loaded (self, FALSE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);

  fd_query_model_reload (self);
}

gboolean
fd_query_model_get_loaded (FdQueryModel *self)
{
  g_return_val_if_fail (FD_IS_QUERY_MODEL (self), FALSE);
  return self->loaded;
}
