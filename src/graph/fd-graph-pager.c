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
};

G_DEFINE_FINAL_TYPE (FdGraphPager, fd_graph_pager, G_TYPE_OBJECT)

static void
fd_graph_pager_finalize (GObject *object)
{
  FdGraphPager *self = (FdGraphPager *)object;

  g_clear_object (&self->client);
  g_free (self->path);
  g_clear_pointer (&self->params, fd_graph_params_unref);
  g_free (self->after);
  g_free (self->next_url);

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

/**
 * fd_graph_pager_next:
 *
 * Fetches the next page.
 *
 * Returns: (transfer full) (nullable): the page; %NULL with @error unset
 *   when there are no more pages, %NULL with @error set on failure (the
 *   pager can then be asked again: it retries the same page)
 */
FdGraphResponse *
fd_graph_pager_next (FdGraphPager  *self,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(FdGraphResponse) response = NULL;
  const char *next;

  g_return_val_if_fail (FD_IS_GRAPH_PAGER (self), NULL);

  if (self->done)
    return NULL;

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

  if (fd_graph_response_get_object (response) == NULL)
    {
      g_set_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_MALFORMED_RESPONSE,
                   _("Meta’s answer is not a page of results."));
      return NULL;
    }

  /* A page may be {"data": []} with no paging at all. */
  if (fd_graph_response_get_data (response) == NULL)
    {
      g_set_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_MALFORMED_RESPONSE,
                   _("Meta’s page of results has no “data” list."));
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

gboolean
fd_graph_pager_is_done (FdGraphPager *self)
{
  g_return_val_if_fail (FD_IS_GRAPH_PAGER (self), TRUE);
  return self->done;
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
  return self->after;
}

guint
fd_graph_pager_get_pages (FdGraphPager *self)
{
  g_return_val_if_fail (FD_IS_GRAPH_PAGER (self), 0);
  return self->pages;
}
