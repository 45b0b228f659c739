/* fd-graph-error.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "fd-graph-error.h"

/* An extended error domain: each GError of FD_GRAPH_ERROR carries an
 * FdGraphErrorInfo, which survives g_propagate_error(), g_prefix_error()
 * and g_error_copy(). */

typedef FdGraphErrorInfo FdGraphErrorPrivate;

static void
fd_graph_error_private_init (FdGraphErrorPrivate *priv)
{
}

static void
fd_graph_error_private_copy (const FdGraphErrorPrivate *src,
                             FdGraphErrorPrivate       *dest)
{
  *dest = *src;
  dest->type = g_strdup (src->type);
  dest->graph_message = g_strdup (src->graph_message);
  dest->user_title = g_strdup (src->user_title);
  dest->user_message = g_strdup (src->user_message);
  dest->fbtrace_id = g_strdup (src->fbtrace_id);
  dest->error_data = g_strdup (src->error_data);
  dest->permission = g_strdup (src->permission);
}

static void
fd_graph_error_private_clear (FdGraphErrorPrivate *priv)
{
  g_clear_pointer (&priv->type, g_free);
  g_clear_pointer (&priv->graph_message, g_free);
  g_clear_pointer (&priv->user_title, g_free);
  g_clear_pointer (&priv->user_message, g_free);
  g_clear_pointer (&priv->fbtrace_id, g_free);
  g_clear_pointer (&priv->error_data, g_free);
  g_clear_pointer (&priv->permission, g_free);
}

G_DEFINE_EXTENDED_ERROR (FdGraphError, fd_graph_error)

/**
 * fd_graph_error_get_info:
 *
 * Returns: (nullable) (transfer none): what Meta said, for an error of
 *   %FD_GRAPH_ERROR; %NULL for other domains
 */
const FdGraphErrorInfo *
fd_graph_error_get_info (const GError *error)
{
  if (error == NULL || error->domain != FD_GRAPH_ERROR)
    return NULL;

  return fd_graph_error_get_private (error);
}

/**
 * fd_graph_error_ensure_info:
 *
 * Returns: (transfer none): the info of an error of %FD_GRAPH_ERROR, to fill
 */
FdGraphErrorInfo *
fd_graph_error_ensure_info (GError *error)
{
  g_return_val_if_fail (error != NULL && error->domain == FD_GRAPH_ERROR, NULL);

  return fd_graph_error_get_private (error);
}

/**
 * fd_graph_error_is_cancelled:
 *
 * Returns: whether @error means the operation was cancelled, whichever
 *   layer noticed it
 */
gboolean
fd_graph_error_is_cancelled (const GError *error)
{
  return g_error_matches (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_CANCELLED) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/**
 * fd_graph_error_get_kind:
 *
 * Returns: what a view should offer for @error: "reconnect", "permission",
 *   "throttled", "network", "malformed" or "failed" (as stored in
 *   sync_run.error_kind)
 */
const char *
fd_graph_error_get_kind (const GError *error)
{
  if (error == NULL || error->domain != FD_GRAPH_ERROR)
    return "failed";

  switch ((FdGraphError)error->code)
    {
    case FD_GRAPH_ERROR_RECONNECT:
    case FD_GRAPH_ERROR_DEPRECATED_VERSION:
      return "reconnect";
    case FD_GRAPH_ERROR_PERMISSION:
      return "permission";
    case FD_GRAPH_ERROR_THROTTLED:
    case FD_GRAPH_ERROR_BUDGET_LIMIT:
      return "throttled";
    case FD_GRAPH_ERROR_NETWORK:
    case FD_GRAPH_ERROR_TRANSIENT:
      return "network";
    case FD_GRAPH_ERROR_MALFORMED_RESPONSE:
      return "malformed";
    case FD_GRAPH_ERROR_FAILED:
    case FD_GRAPH_ERROR_INVALID_REQUEST:
    case FD_GRAPH_ERROR_NOT_FOUND:
    case FD_GRAPH_ERROR_TOO_MUCH_DATA:
    case FD_GRAPH_ERROR_CANCELLED:
    case FD_GRAPH_ERROR_REPORT_FAILED:
    default:
      return "failed";
    }
}

/**
 * fd_graph_error_describe:
 *
 * Returns: (transfer full): a line for the log: the message followed by
 *   Meta's code, subcode and fbtrace_id when there are any
 */
char *
fd_graph_error_describe (const GError *error)
{
  const FdGraphErrorInfo *info = fd_graph_error_get_info (error);
  GString *line;

  if (error == NULL)
    return g_strdup ("");

  line = g_string_new (error->message);
  if (info != NULL && (info->code != 0 || info->http_status != 0))
    {
      g_string_append (line, " [");
      if (info->http_status != 0)
        g_string_append_printf (line, "HTTP %u", info->http_status);
      if (info->code != 0)
        g_string_append_printf (line, "%scode %d", info->http_status ? ", " : "", info->code);
      if (info->subcode != 0)
        g_string_append_printf (line, "/%d", info->subcode);
      if (info->fbtrace_id != NULL)
        g_string_append_printf (line, ", fbtrace_id %s", info->fbtrace_id);
      g_string_append_c (line, ']');
    }

  return g_string_free (line, FALSE);
}
