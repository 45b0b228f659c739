/* fd-graph-error.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FD_GRAPH_ERROR (fd_graph_error_quark ())

/**
 * FdGraphError:
 * @FD_GRAPH_ERROR_FAILED: anything not covered below
 * @FD_GRAPH_ERROR_RECONNECT: the token is missing, invalid or expired
 *   (codes 102 and 190, subcodes 458–467): ask the person to reconnect the
 *   account; never retried
 * @FD_GRAPH_ERROR_PERMISSION: the token lacks a permission (codes 10 and
 *   200–299); the message names it
 * @FD_GRAPH_ERROR_THROTTLED: Meta's rate limits (codes 4, 17, 32, 613,
 *   80000–80014) still held after waiting as long as allowed; the info's
 *   @retry_at_us says when to try again
 * @FD_GRAPH_ERROR_BUDGET_LIMIT: an ad set's budget was changed four times
 *   in the last hour (613/1487632); try again later
 * @FD_GRAPH_ERROR_TRANSIENT: Meta failed (codes 1 and 2, HTTP 5xx) on
 *   every retry
 * @FD_GRAPH_ERROR_INVALID_REQUEST: Meta refused the request (code 100 and
 *   the like); the message says why
 * @FD_GRAPH_ERROR_NOT_FOUND: the object does not exist or is not visible
 *   to the token (100/33)
 * @FD_GRAPH_ERROR_TOO_MUCH_DATA: the request asks for too much data at
 *   once (100/1487534, 1/99): ask for less
 * @FD_GRAPH_ERROR_MALFORMED_RESPONSE: the answer was not the JSON Meta
 *   documents (cut off, corrupt, of the wrong shape)
 * @FD_GRAPH_ERROR_NETWORK: Meta could not be reached, or did not answer in
 *   time, on every retry
 * @FD_GRAPH_ERROR_CANCELLED: the operation was cancelled
 * @FD_GRAPH_ERROR_DEPRECATED_VERSION: the Graph API version has expired
 *   (2635)
 * @FD_GRAPH_ERROR_REPORT_FAILED: an async report run failed or expired
 *
 * Errors of the graph layer. Messages are written for the person using the
 * app and never contain the access token. The details Meta sent (code,
 * subcode, fbtrace_id …) are in fd_graph_error_get_info().
 */
typedef enum
{
  FD_GRAPH_ERROR_FAILED,
  FD_GRAPH_ERROR_RECONNECT,
  FD_GRAPH_ERROR_PERMISSION,
  FD_GRAPH_ERROR_THROTTLED,
  FD_GRAPH_ERROR_BUDGET_LIMIT,
  FD_GRAPH_ERROR_TRANSIENT,
  FD_GRAPH_ERROR_INVALID_REQUEST,
  FD_GRAPH_ERROR_NOT_FOUND,
  FD_GRAPH_ERROR_TOO_MUCH_DATA,
  FD_GRAPH_ERROR_MALFORMED_RESPONSE,
  FD_GRAPH_ERROR_NETWORK,
  FD_GRAPH_ERROR_CANCELLED,
  FD_GRAPH_ERROR_DEPRECATED_VERSION,
  FD_GRAPH_ERROR_REPORT_FAILED,
} FdGraphError;

/**
 * FdGraphErrorInfo:
 * @http_status: the HTTP status, 0 when there was no answer
 * @code: Meta's error code, 0 when there was none
 * @subcode: Meta's error_subcode, 0 when there was none
 * @type: (nullable): Meta's error type ("OAuthException")
 * @graph_message: (nullable): Meta's own message, token removed
 * @user_title: (nullable): error_user_title
 * @user_message: (nullable): error_user_msg
 * @fbtrace_id: (nullable): what Meta's support asks for
 * @is_transient: Meta's is_transient flag
 * @error_data: (nullable): error_data as JSON text (decoded when Meta sent
 *   it as a string)
 * @permission: (nullable): the missing permission ("ads_read")
 * @retry_at_us: for throttling, when access should be back (UTC µs)
 *
 * What Meta said, for the log and for support. Nothing in it is secret.
 */
typedef struct
{
  guint     http_status;
  int       code;
  int       subcode;
  char     *type;
  char     *graph_message;
  char     *user_title;
  char     *user_message;
  char     *fbtrace_id;
  gboolean  is_transient;
  char     *error_data;
  char     *permission;
  gint64    retry_at_us;
} FdGraphErrorInfo;

GQuark                  fd_graph_error_quark      (void);
const FdGraphErrorInfo *fd_graph_error_get_info   (const GError *error);
FdGraphErrorInfo       *fd_graph_error_ensure_info (GError      *error);
gboolean                fd_graph_error_is_cancelled (const GError *error);
const char             *fd_graph_error_get_kind   (const GError *error);
char                   *fd_graph_error_describe   (const GError *error);

G_END_DECLS
