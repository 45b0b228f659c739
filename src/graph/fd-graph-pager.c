/* fd-graph-pager.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-graph"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-graph-error.h"
#include "fd-graph-pager.h"

struct _FdGraphPager
{
  GObject        parent_instance;

  FdGraphClient *client;
  char          *path;
  FdGraphParams *params;
  char          *after;
  char          *next_url;   /* carries the token: never logged */
  guint          pages;
  gboolean       started;
  gboolean       done;
  char          *returned_after;
  gboolean       returned_done;

  /* Prefetching: a thread reads ahead while the caller stores. */
  GThread       *thread;
  GAsyncQueue   *fetched;      /* Fetched* */
  GAsyncQueue   *credits;      /* one token per page it may read ahead */
  GCancellable  *cancellable;  /* the thread's, cancelled to stop it */
  gulong         forward_id;
  GCancellable  *forwarded;
};

typedef struct
{
  FdGraphResponse *page;
  char            *after;
  gboolean         done;
  GError          *error;
} Fetched;

static void
fetched_free (Fetched *fetched)
{
  g_clear_object (&fetched->page);
  g_free (fetched->after);
  g_clear_error (&fetched->error);
  g_free (fetched);
}

static void
stop_prefetch (FdGraphPager *self)
{
  Fetched *left;

  if (self->thread == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_async_queue_push (self->credits, GINT_TO_POINTER (1));
  g_thread_join (self->thread);
  self->thread = NULL;

  while ((left = g_async_queue_try_pop (self->fetched)) != NULL)
    fetched_free (left);

  if (self->forwarded != NULL)
    g_cancellable_disconnect (self->forwarded, self->forward_id);
  g_clear_object (&self->forwarded);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->fetched, g_async_queue_unref);
  g_clear_pointer (&self->credits, g_async_queue_unref);
}

G_DEFINE_FINAL_TYPE (FdGraphPager, fd_graph_pager, G_TYPE_OBJECT)

static void
fd_graph_pager_finalize (GObject *object)
{
  FdGraphPager *self = (FdGraphPager *)object;

  stop_prefetch (self);
  g_clear_object (&self->client);
  g_free (self->path);
  g_clear_pointer (&self->params, fd_graph_params_unref);
  g_free (self->after);
  g_free (self->next_url);
  g_free (self->returned_after);

  G_OBJECT_CLASS (fd_graph_pager_parent_class)->finalize (object);
}

static void
fd_graph_pager_class_init (FdGraphPagerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fd_graph_pager_finalize;
}

static void
fd_graph_pager_init (FdGraphPager *self)
{
}

/**
 * fd_graph_pager_new:
 * @path: the edge, e.g. "act_123/insights"
 * @params: (nullable): its parameters (limit, fields …)
 * @after: (nullable): a cursor saved from fd_graph_pager_get_after(), to
 *   resume after the page it followed
 *
 * Returns: (transfer full): a pager; nothing is fetched yet
 */
FdGraphPager *
fd_graph_pager_new (FdGraphClient *client,
                    const char    *path,
                    FdGraphParams *params,
                    const char    *after)
{
  FdGraphPager *self;

  g_return_val_if_fail (FD_IS_GRAPH_CLIENT (client), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (FD_TYPE_GRAPH_PAGER, NULL);
  self->client = g_object_ref (client);
  self->path = g_strdup (path);
  self->params = params ? fd_graph_params_copy (params) : fd_graph_params_new ();
  self->after = g_strdup (after);

  return self;
}

/* Reads the page after the last one read, and moves the pager on. */
static FdGraphResponse *
fetch_page (FdGraphPager  *self,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(FdGraphResponse) response = NULL;
  const char *next;

  if (self->next_url != NULL)
    response = fd_graph_client_get_url (self->client, self->next_url, cancellable, error);
  else
    {
      g_autoptr(FdGraphParams) params = fd_graph_params_copy (self->params);

      if (self->after != NULL)
        fd_graph_params_set (params, "after", self->after);
      response = fd_graph_client_call (self->client, "GET", self->path, params,
                                       cancellable, error);
    }

  if (response == NULL)
    return NULL;

  /* A page may be {"data": []} with no paging at all. */
  if (!fd_graph_response_is_page (response))
    {
      g_set_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_MALFORMED_RESPONSE,
                   _("Meta’s answer is not a page of results: it has no “data” list."));
      return NULL;
    }

  self->started = TRUE;
  self->pages++;
  next = fd_graph_response_get_next (response);

  g_clear_pointer (&self->next_url, g_free);
  g_clear_pointer (&self->after, g_free);
  if (next != NULL)
    {
      self->next_url = g_strdup (next);
      self->after = g_strdup (fd_graph_response_get_after (response));
    }
  else
    self->done = TRUE;

  return g_steal_pointer (&response);
}

static gpointer
prefetch_thread (gpointer data)
{
  FdGraphPager *self = data;

  while (TRUE)
    {
      Fetched *fetched;
      gboolean last;

      g_async_queue_pop (self->credits);
      if (g_cancellable_is_cancelled (self->cancellable))
        break;

      fetched = g_new0 (Fetched, 1);
      fetched->page = fetch_page (self, self->cancellable, &fetched->error);
      fetched->after = g_strdup (self->after);
      fetched->done = self->done;
      /* Once pushed, the item belongs to the reader. */
      last = (fetched->page == NULL || fetched->done);
      g_async_queue_push (self->fetched, fetched);

      if (last)
        break;
    }

  return NULL;
}

static void
forward_cancel (GCancellable *cancellable,
                GCancellable *to)
{
  g_cancellable_cancel (to);
}

/**
 * fd_graph_pager_start_prefetch:
 * @depth: how many pages may be read ahead
 * @cancellable: (nullable): stops the reading ahead
 *
 * Reads the next pages on a thread of the pager's own while the caller
 * works on the current one. fd_graph_pager_get_after() and
 * fd_graph_pager_is_done() still describe the page last returned.
 */
void
fd_graph_pager_start_prefetch (FdGraphPager *self,
                               guint         depth,
                               GCancellable *cancellable)
{
  g_return_if_fail (FD_IS_GRAPH_PAGER (self));
  g_return_if_fail (self->thread == NULL && !self->started);

  self->fetched = g_async_queue_new ();
  self->credits = g_async_queue_new ();
  self->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      self->forwarded = g_object_ref (cancellable);
      self->forward_id = g_cancellable_connect (cancellable, G_CALLBACK (forward_cancel),
                                                self->cancellable, NULL);
    }

  for (guint i = 0; i < MAX (depth, 1u); i++)
    g_async_queue_push (self->credits, GINT_TO_POINTER (1));

  self->thread = g_thread_new ("fd-graph-prefetch", prefetch_thread, self);
}

static FdGraphResponse *
next_prefetched (FdGraphPager  *self,
                 GError       **error)
{
  Fetched *fetched = g_async_queue_pop (self->fetched);
  FdGraphResponse *page = g_steal_pointer (&fetched->page);

  /* What the caller sees is the page it got, not the thread's progress. */
  g_clear_pointer (&self->returned_after, g_free);
  self->returned_after = g_steal_pointer (&fetched->after);
  self->returned_done = fetched->done;

  if (page == NULL)
    g_propagate_error (error, g_steal_pointer (&fetched->error));
  else if (!fetched->done)
    g_async_queue_push (self->credits, GINT_TO_POINTER (1));

  fetched_free (fetched);
  return page;
}

/**
 * fd_graph_pager_next:
 *
 * Fetches the next page.
 *
 * Returns: (transfer full) (nullable): the page; %NULL with @error unset
 *   when there are no more pages, %NULL with @error set on failure (the
 *   pager can then be asked again — without prefetching: it retries the
 *   same page)
 */
FdGraphResponse *
fd_graph_pager_next (FdGraphPager  *self,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_return_val_if_fail (FD_IS_GRAPH_PAGER (self), NULL);

  if (self->thread != NULL)
    {
      if (self->returned_done)
        return NULL;
      return next_prefetched (self, error);
    }

  if (self->done)
    return NULL;

  return fetch_page (self, cancellable, error);
}

gboolean
fd_graph_pager_is_done (FdGraphPager *self)
{
  g_return_val_if_fail (FD_IS_GRAPH_PAGER (self), TRUE);
  return self->thread != NULL ? self->returned_done : self->done;
}

/**
 * fd_graph_pager_get_after:
 *
 * Returns: (nullable): the cursor to resume from after the page last
 *   returned; %NULL once the last page was returned (or, if Meta gave a
 *   next page without a cursor, when resuming must start over)
 */
const char *
fd_graph_pager_get_after (FdGraphPager *self)
{
  g_return_val_if_fail (FD_IS_GRAPH_PAGER (self), NULL);
  return self->thread != NULL ? self->returned_after : self->after;
}

guint
fd_graph_pager_get_pages (FdGraphPager *self)
{
  g_return_val_if_fail (FD_IS_GRAPH_PAGER (self), 0);
  return self->pages;
}
