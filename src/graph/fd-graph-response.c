/* fd-graph-response.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-graph"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-graph-error.h"
#include "fd-graph-response.h"
#include "fd-graph-row-private.h"
#include "fd-graph-util.h"

struct _FdGraphResponse
{
  GObject       parent_instance;

  guint         status;
  JsonNode     *root;
  FdGraphUsage  usage;
};

G_DEFINE_FINAL_TYPE (FdGraphResponse, fd_graph_response, G_TYPE_OBJECT)

static void
fd_graph_response_finalize (GObject *object)
{
  FdGraphResponse *self = (FdGraphResponse *)object;

  g_clear_pointer (&self->root, json_node_unref);

  G_OBJECT_CLASS (fd_graph_response_parent_class)->finalize (object);
}

static void
fd_graph_response_class_init (FdGraphResponseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fd_graph_response_finalize;
}

static void
fd_graph_response_init (FdGraphResponse *self)
{
}

/**
 * fd_graph_response_parse:
 * @status: the HTTP status
 * @headers: (nullable): the response headers
 * @body: the body
 *
 * Parses a body as JSON. The envelope (an "error" member, or
 * "success": false) is not judged here: see fd_graph_response_dup_error().
 *
 * Returns: (transfer full): the response, or %NULL with
 *   %FD_GRAPH_ERROR_MALFORMED_RESPONSE if the body is not a JSON object or
 *   array
 */
FdGraphResponse *
fd_graph_response_parse (guint                status,
                         SoupMessageHeaders  *headers,
                         GBytes              *body,
                         GError             **error)
{
  g_autoptr(FdGraphResponse) self = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size = 0;
  const char *data = body ? g_bytes_get_data (body, &size) : NULL;
  JsonNode *root;

  if (data == NULL || size == 0)
    {
      g_set_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_MALFORMED_RESPONSE,
                   _("Meta’s answer was empty (HTTP %u)."), status);
      return NULL;
    }

  self = g_object_new (FD_TYPE_GRAPH_RESPONSE, NULL);
  self->status = status;
  fd_graph_usage_parse (&self->usage, headers);

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, size, &local_error))
    {
      g_set_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_MALFORMED_RESPONSE,
                   _("Meta’s answer is not valid JSON (HTTP %u, %zu bytes): %s"),
                   status, size, local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !(JSON_NODE_HOLDS_OBJECT (root) || JSON_NODE_HOLDS_ARRAY (root)))
    {
      g_set_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_MALFORMED_RESPONSE,
                   _("Meta’s answer is JSON but neither an object nor a list (HTTP %u)."),
                   status);
      return NULL;
    }

  self->root = json_parser_steal_root (parser);
  return g_steal_pointer (&self);
}

guint
fd_graph_response_get_status (FdGraphResponse *self)
{
  g_return_val_if_fail (FD_IS_GRAPH_RESPONSE (self), 0);
  return self->status;
}

/**
 * fd_graph_response_get_root:
 *
 * Returns: (transfer none): the whole JSON document
 */
JsonNode *
fd_graph_response_get_root (FdGraphResponse *self)
{
  g_return_val_if_fail (FD_IS_GRAPH_RESPONSE (self), NULL);
  return self->root;
}

/**
 * fd_graph_response_get_object:
 *
 * Returns: (transfer none) (nullable): the document if it is an object
 */
JsonObject *
fd_graph_response_get_object (FdGraphResponse *self)
{
  g_return_val_if_fail (FD_IS_GRAPH_RESPONSE (self), NULL);

  return JSON_NODE_HOLDS_OBJECT (self->root) ? json_node_get_object (self->root) : NULL;
}

/**
 * fd_graph_response_get_data:
 *
 * Returns: (transfer none) (nullable): the "data" list of an edge read
 */
JsonArray *
fd_graph_response_get_data (FdGraphResponse *self)
{
  JsonObject *object = fd_graph_response_get_object (self);
  JsonNode *data = object ? json_object_get_member (object, "data") : NULL;

  return data && JSON_NODE_HOLDS_ARRAY (data) ? json_node_get_array (data) : NULL;
}

/**
 * fd_graph_response_is_page:
 *
 * Returns: whether the answer is a page of an edge read (has a "data" list)
 */
gboolean
fd_graph_response_is_page (FdGraphResponse *self)
{
  g_return_val_if_fail (FD_IS_GRAPH_RESPONSE (self), FALSE);

  return fd_graph_response_get_data (self) != NULL;
}

guint
fd_graph_response_get_n_rows (FdGraphResponse *self)
{
  JsonArray *data;

  g_return_val_if_fail (FD_IS_GRAPH_RESPONSE (self), 0);

  data = fd_graph_response_get_data (self);
  return data ? json_array_get_length (data) : 0;
}

/**
 * fd_graph_response_foreach_row:
 * @func: called for each element of "data", until it returns %FALSE
 *
 * Returns: %FALSE with @error set if @func failed, or with
 *   %FD_GRAPH_ERROR_MALFORMED_RESPONSE if an element is not an object
 */
gboolean
fd_graph_response_foreach_row (FdGraphResponse  *self,
                               FdGraphRowFunc    func,
                               gpointer          user_data,
                               GError          **error)
{
  JsonArray *data;
  FdGraphRow row = { 0 };

  g_return_val_if_fail (FD_IS_GRAPH_RESPONSE (self), FALSE);

  data = fd_graph_response_get_data (self);
  for (guint i = 0; data != NULL && i < json_array_get_length (data); i++)
    {
      JsonNode *element = json_array_get_element (data, i);

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_MALFORMED_RESPONSE,
                       _("Meta sent a row that is not a JSON object."));
          return FALSE;
        }

      row.object = json_node_get_object (element);
      if (!func (&row, user_data, error))
        return FALSE;
    }

  return TRUE;
}

static JsonObject *
get_paging (FdGraphResponse *self)
{
  JsonObject *object = fd_graph_response_get_object (self);
  JsonNode *paging = object ? json_object_get_member (object, "paging") : NULL;

  return paging && JSON_NODE_HOLDS_OBJECT (paging) ? json_node_get_object (paging) : NULL;
}

/**
 * fd_graph_response_get_next:
 *
 * Returns: (nullable): paging.next, the URL of the next page (it carries
 *   the access token: never log or store it); %NULL on the last page —
 *   whether or not paging.cursors.after is there, which it always is
 */
const char *
fd_graph_response_get_next (FdGraphResponse *self)
{
  g_return_val_if_fail (FD_IS_GRAPH_RESPONSE (self), NULL);

  return fd_graph_json_get_string (get_paging (self), "next");
}

/**
 * fd_graph_response_get_after:
 *
 * Returns: (nullable): paging.cursors.after
 */
const char *
fd_graph_response_get_after (FdGraphResponse *self)
{
  JsonObject *paging;
  JsonNode *cursors;

  g_return_val_if_fail (FD_IS_GRAPH_RESPONSE (self), NULL);

  paging = get_paging (self);
  cursors = paging ? json_object_get_member (paging, "cursors") : NULL;

  if (cursors == NULL || !JSON_NODE_HOLDS_OBJECT (cursors))
    return NULL;

  return fd_graph_json_get_string (json_node_get_object (cursors), "after");
}

const FdGraphUsage *
fd_graph_response_get_usage (FdGraphResponse *self)
{
  g_return_val_if_fail (FD_IS_GRAPH_RESPONSE (self), NULL);
  return &self->usage;
}

static JsonObject *
get_error_object (FdGraphResponse *self)
{
  JsonObject *object = fd_graph_response_get_object (self);
  JsonNode *node = object ? json_object_get_member (object, "error") : NULL;

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/**
 * fd_graph_response_has_error:
 *
 * Returns: whether the body is an error envelope or says "success": false
 *   — whatever the HTTP status, as Meta's own SDKs judge it
 */
gboolean
fd_graph_response_has_error (FdGraphResponse *self)
{
  JsonObject *object;

  object = fd_graph_response_get_object (self);

  if (object == NULL)
    return FALSE;

  if (json_object_has_member (object, "error"))
    return TRUE;

  if (json_object_has_member (object, "success"))
    {
      JsonNode *success = json_object_get_member (object, "success");

      return JSON_NODE_HOLDS_VALUE (success) &&
             json_node_get_value_type (success) == G_TYPE_BOOLEAN &&
             !json_node_get_boolean (success);
    }

  return FALSE;
}

/* error_data is an object in some answers and JSON text in others. */
static char *
dup_error_data (JsonObject *error_object)
{
  JsonNode *node = json_object_get_member (error_object, "error_data");

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);
      g_autoptr(JsonNode) decoded = json_from_string (text, NULL);

      return decoded ? json_to_string (decoded, FALSE) : g_strdup (text);
    }

  return json_to_string (node, FALSE);
}

static const char * const known_permissions[] = {
  "ads_management", "ads_read", "business_management", "read_insights",
  "pages_read_engagement", "pages_show_list", "pages_manage_ads", NULL
};

static char *
find_permission (const char *message)
{
  for (guint i = 0; message != NULL && known_permissions[i] != NULL; i++)
    if (strstr (message, known_permissions[i]) != NULL)
      return g_strdup (known_permissions[i]);

  return NULL;
}

static gboolean
is_throttle_code (int code)
{
  return code == 4 || code == 17 || code == 32 || code == 613 || code == 368 ||
         (code >= 80000 && code <= 80014);
}

static gboolean
is_reconnect (int code,
              int subcode)
{
  return code == 190 || code == 102 || (subcode >= 458 && subcode <= 467) || subcode == 492;
}

/* The domain code for an envelope; see FdGraphError. */
static FdGraphError
classify (guint status,
          int   code,
          int   subcode)
{
  if (is_reconnect (code, subcode))
    return FD_GRAPH_ERROR_RECONNECT;
  if (code == 613 && subcode == 1487632)
    return FD_GRAPH_ERROR_BUDGET_LIMIT;
  if (is_throttle_code (code))
    return FD_GRAPH_ERROR_THROTTLED;
  if (code == 10 || (code >= 200 && code <= 299) || code == 294)
    return FD_GRAPH_ERROR_PERMISSION;
  if (code == 2635)
    return FD_GRAPH_ERROR_DEPRECATED_VERSION;
  if ((code == 100 && subcode == 1487534) || (code == 1 && subcode == 99))
    return FD_GRAPH_ERROR_TOO_MUCH_DATA;
  if (code == 100 && subcode == 33)
    return FD_GRAPH_ERROR_NOT_FOUND;
  if (code == 1 || code == 2 || status >= 500)
    return FD_GRAPH_ERROR_TRANSIENT;
  if (code != 0)
    return FD_GRAPH_ERROR_INVALID_REQUEST;
  return FD_GRAPH_ERROR_FAILED;
}

static char *
reconnect_reason (int subcode)
{
  switch (subcode)
    {
    case 458:
      return g_strdup (_("the app is no longer authorized"));
    case 459:
      return g_strdup (_("the user must log in to Facebook to pass a security checkpoint"));
    case 460:
      return g_strdup (_("the password was changed"));
    case 463:
      return g_strdup (_("the token has expired"));
    case 464:
      return g_strdup (_("the user is not confirmed"));
    case 467:
      return g_strdup (_("the token is invalid"));
    default:
      return g_strdup (_("the token is invalid or has expired"));
    }
}

static char *
describe (FdGraphError      code,
          FdGraphErrorInfo *info)
{
  const char *meta_says = info->user_message ? info->user_message : info->graph_message;
  g_autofree char *reason = NULL;

  switch (code)
    {
    case FD_GRAPH_ERROR_RECONNECT:
      reason = reconnect_reason (info->subcode);
      return g_strdup_printf (_("Meta no longer accepts this account’s access token (%s). "
                                "Reconnect the account with a new token."), reason);

    case FD_GRAPH_ERROR_PERMISSION:
      if (info->permission != NULL)
        return g_strdup_printf (_("The access token lacks the “%s” permission. Grant it to the "
                                  "token’s user (or system user) for this ad account in Meta "
                                  "Business Settings, then reconnect."), info->permission);
      return g_strdup_printf (_("The access token is not allowed to do this: %s"),
                              meta_says ? meta_says : _("permission denied"));

    case FD_GRAPH_ERROR_BUDGET_LIMIT:
      return g_strdup (_("Meta allows four budget changes per ad set in an hour, and this ad set "
                         "has had them. Try again in an hour."));

    case FD_GRAPH_ERROR_THROTTLED:
      return g_strdup_printf (_("Meta’s rate limit for this account was reached: %s"),
                              meta_says ? meta_says : _("too many calls"));

    case FD_GRAPH_ERROR_DEPRECATED_VERSION:
      return g_strdup (_("Meta no longer serves this Graph API version. Choose a newer version "
                         "(v25.0 or later) for the account."));

    case FD_GRAPH_ERROR_TOO_MUCH_DATA:
      return g_strdup (_("Meta says the request asks for too much data at once."));

    case FD_GRAPH_ERROR_NOT_FOUND:
      return g_strdup_printf (_("Meta does not know the object, or the token cannot see it: %s"),
                              meta_says ? meta_says : _("not found"));

    case FD_GRAPH_ERROR_TRANSIENT:
      return g_strdup_printf (_("Meta had a temporary problem (HTTP %u): %s"), info->http_status,
                              meta_says ? meta_says : _("service unavailable"));

    case FD_GRAPH_ERROR_INVALID_REQUEST:
    case FD_GRAPH_ERROR_FAILED:
    default:
      return g_strdup_printf (_("Meta refused the request: %s"),
                              meta_says ? meta_says : _("no reason given"));
    }
}

/**
 * fd_graph_response_dup_error:
 * @token: (nullable): the token the call was made with, removed from any
 *   text Meta sent back
 * @permission_hint: (nullable): the permission the call needs, named in
 *   the message when Meta's own text does not say ("ads_read" for reads,
 *   "ads_management" for writes)
 *
 * Returns: (transfer full) (nullable): the error the envelope describes,
 *   in %FD_GRAPH_ERROR with its FdGraphErrorInfo filled; %NULL if the
 *   response is not an error
 */
GError *
fd_graph_response_dup_error (FdGraphResponse *self,
                             const char      *token,
                             const char      *permission_hint)
{
  JsonObject *envelope;
  FdGraphErrorInfo *info;
  FdGraphError code;
  GError *error = NULL;
  g_autofree char *message = NULL;
  int graph_code;
  int subcode;

  g_return_val_if_fail (FD_IS_GRAPH_RESPONSE (self), NULL);

  if (!fd_graph_response_has_error (self))
    return NULL;

  envelope = get_error_object (self);
  graph_code = envelope ? (int)fd_graph_json_get_int (envelope, "code") : 0;
  subcode = envelope ? (int)fd_graph_json_get_int (envelope, "error_subcode") : 0;
  code = classify (self->status, graph_code, subcode);

  error = g_error_new_literal (FD_GRAPH_ERROR, code, "");
  info = fd_graph_error_ensure_info (error);
  info->http_status = self->status;
  info->code = graph_code;
  info->subcode = subcode;

  if (envelope != NULL)
    {
      JsonNode *transient = json_object_get_member (envelope, "is_transient");

      info->type = g_strdup (fd_graph_json_get_string (envelope, "type"));
      info->graph_message = fd_graph_redact (fd_graph_json_get_string (envelope, "message"), token);
      info->user_title = fd_graph_redact (fd_graph_json_get_string (envelope, "error_user_title"), token);
      info->user_message = fd_graph_redact (fd_graph_json_get_string (envelope, "error_user_msg"), token);
      info->fbtrace_id = g_strdup (fd_graph_json_get_string (envelope, "fbtrace_id"));
      info->is_transient = transient && JSON_NODE_HOLDS_VALUE (transient) &&
                           json_node_get_value_type (transient) == G_TYPE_BOOLEAN &&
                           json_node_get_boolean (transient);
      info->error_data = dup_error_data (envelope);
      if (code == FD_GRAPH_ERROR_PERMISSION)
        info->permission = find_permission (info->graph_message);
      if (code == FD_GRAPH_ERROR_PERMISSION && info->permission == NULL)
        info->permission = g_strdup (permission_hint);
    }
  else
    info->graph_message = g_strdup (_("the answer says the call did not succeed"));

  message = describe (code, info);
  g_free (error->message);
  error->message = g_steal_pointer (&message);

  return error;
}
