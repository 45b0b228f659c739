/* fd-emu-handlers.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-graph-emulator"

#include "config.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdlib.h>

#include "fd-currency.h"
#include "fd-emu-request.h"

/* What the emulator answers, request by request. Handlers build an FdEmuReply;
 * faults then corrupt, cut or hold it; the server thread sends it. The
 * emulator's lock is held for the whole request. */

#define CONTENT_TYPE "application/json; charset=UTF-8"
#define DEFAULT_TIMEOUT_MS 30000

static gint64
emulator_now (FdGraphEmulator *self)
{
  return self->fixed_now != 0 ? self->fixed_now : g_get_real_time ();
}

static gint64
scaled_us (FdGraphEmulator *self,
           gint64           us)
{
  return (gint64)(us * self->time_scale);
}

void
_fd_emu_reply_header (FdEmuRequest    *request,
              const char *name,
              const char *value)
{
  g_ptr_array_add (request->reply.headers, g_strdup (name));
  g_ptr_array_add (request->reply.headers, g_strdup (value));
}

void
_fd_emu_reply_json (FdEmuRequest *request,
            guint    status,
            GString *body)
{
  request->reply.status = status;
  if (request->reply.body != NULL)
    g_string_free (request->reply.body, TRUE);
  request->reply.body = body;
}

static char *
new_trace_id (FdGraphEmulator *self)
{
  guint64 value = fd_emu_hash (self->next_trace++, 0x7ace, 0, 0);
  g_autofree char *encoded = g_base64_encode ((const guchar *)&value, sizeof value);

  return g_strdup_printf ("A%s", g_strdelimit (encoded, "+/=", 'x'));
}

/**
 * reply_error:
 * @error_data: (nullable): JSON text sent as a string, as Meta sometimes does
 *
 * The error envelope.
 */
void
_fd_emu_reply_error_full (FdEmuRequest    *request,
                  guint       http_status,
                  int         code,
                  int         subcode,
                  const char *type,
                  const char *message,
                  int         is_transient,
                  const char *user_title,
                  const char *user_msg,
                  const char *error_data)
{
  GString *body = g_string_new ("{\"error\":{\"message\":");
  g_autofree char *trace = new_trace_id (request->self);

  fd_emu_append_json_string (body, message);
  g_string_append (body, ",\"type\":");
  fd_emu_append_json_string (body, type ? type : "OAuthException");
  if (is_transient >= 0)
    g_string_append_printf (body, ",\"is_transient\":%s", is_transient ? "true" : "false");
  g_string_append_printf (body, ",\"code\":%d", code);
  if (subcode != 0)
    g_string_append_printf (body, ",\"error_subcode\":%d", subcode);
  if (user_title != NULL)
    {
      g_string_append (body, ",\"error_user_title\":");
      fd_emu_append_json_string (body, user_title);
    }
  if (user_msg != NULL)
    {
      g_string_append (body, ",\"error_user_msg\":");
      fd_emu_append_json_string (body, user_msg);
    }
  if (error_data != NULL)
    {
      g_string_append (body, ",\"error_data\":");
      fd_emu_append_json_string (body, error_data);
    }
  g_string_append (body, ",\"fbtrace_id\":");
  fd_emu_append_json_string (body, trace);
  g_string_append (body, "}}");

  _fd_emu_reply_json (request, http_status, body);
}

void
_fd_emu_reply_error (FdEmuRequest    *request,
             guint       http_status,
             int         code,
             int         subcode,
             const char *message)
{
  _fd_emu_reply_error_full (request, http_status, code, subcode, "OAuthException", message, -1,
                    NULL, NULL, NULL);
}

void
_fd_emu_reply_failure (FdEmuRequest      *request,
               FdEmuFailure *failure)
{
  _fd_emu_reply_error (request, failure->http_status ? failure->http_status : 400,
               failure->code, failure->subcode, failure->message);
}

void
_fd_emu_reply_no_object (FdEmuRequest    *request,
                 const char *method,
                 const char *id)
{
  g_autofree char *message =
    g_strdup_printf ("Unsupported %s request. Object with ID '%s' does not exist, cannot be "
                     "loaded due to missing permissions, or does not support this operation. "
                     "Please read the Graph API documentation at "
                     "https://developers.facebook.com/docs/graph-api",
                     method, id);

  _fd_emu_reply_error_full (request, 400, 100, 33, "GraphMethodException", message, -1, NULL, NULL, NULL);
}

/*
 * Usage and throttling
 */

static FdEmuUsage *
usage_for (FdGraphEmulator *self,
           FdEmuAccount    *account)
{
  FdEmuUsage *usage = g_hash_table_lookup (self->usage, account->id);
  gint64 now = g_get_monotonic_time ();
  gint64 window = scaled_us (self, (gint64)3600 * G_USEC_PER_SEC);

  if (usage == NULL)
    {
      usage = g_new0 (FdEmuUsage, 1);
      usage->window_start = now;
      g_hash_table_insert (self->usage, account->id, usage);
    }

  if (now - usage->window_start >= window)
    {
      usage->window_start = now;
      usage->calls = 0;
    }

  return usage;
}

static int
usage_percent (FdGraphEmulator *self,
               FdEmuUsage      *usage)
{
  if (usage->blocked_until > g_get_monotonic_time ())
    return 100;

  return (int)MIN (100, (guint64)usage->calls * 100 / MAX (self->quota, 1u));
}

static int
minutes_left (FdGraphEmulator *self,
              gint64           until)
{
  gint64 left = until - g_get_monotonic_time ();
  gint64 minute = scaled_us (self, 60 * G_USEC_PER_SEC);

  if (left <= 0)
    return 0;

  return (int)((left + minute - 1) / MAX (minute, 1));
}

void
_fd_emu_add_usage_headers (FdEmuRequest *request)
{
  FdGraphEmulator *self = request->self;
  FdEmuUsage *usage;
  g_autofree char *buc = NULL;
  g_autofree char *account_usage = NULL;
  g_autofree char *app = NULL;
  int pct;
  int regain;

  if (request->account == NULL)
    {
      app = g_strdup ("{\"call_count\":1,\"total_cputime\":1,\"total_time\":1}");
      _fd_emu_reply_header (request, "X-App-Usage", app);
      return;
    }

  usage = usage_for (self, request->account);
  pct = usage_percent (self, usage);
  regain = minutes_left (self, usage->blocked_until);

  buc = g_strdup_printf ("{\"%s\":[{\"type\":\"%s\",\"call_count\":%d,\"total_cputime\":%d,"
                         "\"total_time\":%d,\"estimated_time_to_regain_access\":%d,"
                         "\"ads_api_access_tier\":\"standard_access\"}]}",
                         request->account->id + 4,
                         request->insights ? "ads_insights" : "ads_management",
                         pct, pct / 3, pct / 2, regain);
  _fd_emu_reply_header (request, "X-Business-Use-Case-Usage", buc);

  app = g_strdup_printf ("{\"call_count\":%d,\"total_cputime\":%d,\"total_time\":%d}",
                         pct / 4, pct / 10, pct / 8);
  _fd_emu_reply_header (request, "X-App-Usage", app);

  account_usage = g_strdup_printf ("{\"acc_id_util_pct\":%d,\"reset_time_duration\":%d,"
                                   "\"ads_api_access_tier\":\"standard_access\"}",
                                   pct, regain * 60);
  _fd_emu_reply_header (request, "X-Ad-Account-Usage", account_usage);

  if (request->insights)
    {
      g_autofree char *throttle =
        g_strdup_printf ("{\"app_id_util_pct\":%d,\"acc_id_util_pct\":%d,"
                         "\"ads_api_access_tier\":\"standard_access\"}", pct / 4, pct);

      _fd_emu_reply_header (request, "X-FB-Ads-Insights-Throttle", throttle);
    }
}

void
_fd_emu_reply_throttled (FdEmuRequest *request)
{
  if (request->insights)
    _fd_emu_reply_error_full (request, 400, 80000, 2446079, "OAuthException",
                      "(#80000) There have been too many calls from this ad-account. Wait a bit "
                      "and try again. For more info, please refer to "
                      "https://developers.facebook.com/docs/graph-api/overview/rate-limiting.",
                      1, NULL, NULL, NULL);
  else
    _fd_emu_reply_error_full (request, 400, 17, 2446079, "OAuthException",
                      "(#17) User request limit reached", 1, NULL, NULL, NULL);

  request->self->stats.throttled++;
}

void
_fd_emu_block_account (FdEmuRequest *request,
               int      minutes)
{
  FdEmuUsage *usage = usage_for (request->self, request->account);

  usage->blocked_until = g_get_monotonic_time () +
                         scaled_us (request->self, (gint64)MAX (minutes, 1) * 60 * G_USEC_PER_SEC);
}

/* Counts the call. Returns FALSE (with the reply set) if the account is
 * over its quota or still blocked. */
static gboolean
check_rate (FdEmuRequest *request)
{
  FdGraphEmulator *self = request->self;
  FdEmuUsage *usage;

  if (request->account == NULL)
    return TRUE;

  usage = usage_for (self, request->account);
  if (usage->blocked_until > g_get_monotonic_time ())
    {
      self->stats.early_calls++;
      _fd_emu_reply_throttled (request);
      return FALSE;
    }

  usage->calls++;
  if (usage->calls > self->quota)
    {
      gint64 window_end = usage->window_start + scaled_us (self, (gint64)3600 * G_USEC_PER_SEC);

      usage->blocked_until = window_end;
      _fd_emu_reply_throttled (request);
      return FALSE;
    }

  return TRUE;
}

/*
 * Paging
 */

static char *
next_url (FdEmuRequest    *request,
          const char *cursor)
{
  g_autoptr(GString) url = g_string_new (request->self->url);
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  g_string_append_printf (url, "/%s/%s?", request->version, request->rest);
  g_hash_table_iter_init (&iter, request->params);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (g_str_equal (key, "after") || g_str_equal (key, "access_token") ||
          g_str_equal (key, "before"))
        continue;
      g_string_append_uri_escaped (url, key, NULL, FALSE);
      g_string_append_c (url, '=');
      g_string_append_uri_escaped (url, value, NULL, FALSE);
      g_string_append_c (url, '&');
    }

  /* Like Meta's, the link carries the caller's token. */
  g_string_append (url, "access_token=");
  g_string_append_uri_escaped (url, request->token, NULL, FALSE);
  g_string_append (url, "&after=");
  g_string_append (url, cursor);

  return g_string_free (g_steal_pointer (&url), FALSE);
}

/* Closes a {"data":[ … page with its paging object. */
void
_fd_emu_finish_page (FdEmuRequest *request,
             GString *body,
             guint    rows,
             guint64  first_row,
             guint64  last_row,
             guint64  resume)
{
  g_string_append_c (body, ']');

  if (rows > 0)
    {
      g_autofree char *before = fd_emu_cursor_encode (first_row);
      g_autofree char *after = fd_emu_cursor_encode (last_row);

      g_string_append_printf (body, ",\"paging\":{\"cursors\":{\"before\":\"%s\",\"after\":\"%s\"}",
                              before, after);
      if (resume != G_MAXUINT64)
        {
          g_autofree char *next = next_url (request, after);

          g_string_append (body, ",\"next\":");
          fd_emu_append_json_string (body, next);
        }
      g_string_append_c (body, '}');
    }

  g_string_append_c (body, '}');
}

gboolean
_fd_emu_start_position (FdEmuRequest *request,
                guint64 *start)
{
  const char *after = g_hash_table_lookup (request->params, "after");
  guint64 position;

  *start = 0;
  if (after == NULL)
    return TRUE;

  if (!fd_emu_cursor_decode (after, &position))
    {
      _fd_emu_reply_error (request, 400, 100, 0, "(#100) The after cursor is not valid");
      return FALSE;
    }

  *start = position + 1;
  return TRUE;
}

/*
 * Objects
 */

/*
 * Writes
 */

/*
 * Insights and report runs
 */

/*
 * Routing
 */

static void
route (FdEmuRequest *request)
{
  FdGraphEmulator *self = request->self;
  const char *method = soup_server_message_get_method (request->message);
  gboolean get = g_str_equal (method, "GET");
  gboolean post = g_str_equal (method, "POST");
  g_auto(GStrv) parts = g_strsplit (request->rest, "/", -1);
  guint n = g_strv_length (parts);
  FdEmuObject *object = NULL;
  FdEmuReportRun *run = NULL;

  if (n == 1 && g_str_equal (parts[0], "me"))
    {
      _fd_emu_handle_me (request);
      return;
    }
  if (n == 1 && g_str_equal (parts[0], "ads_archive") && get)
    {
      _fd_emu_handle_library (request);
      return;
    }

  if (n >= 1 && g_str_has_prefix (parts[0], "act_"))
    request->account = fd_emu_model_find_account (self->model, parts[0]);
  else if (n >= 1 && (run = g_hash_table_lookup (self->runs, parts[0])) != NULL)
    request->account = run->query.account;
  else if (n >= 1 && (object = fd_emu_model_find_object (self->model, parts[0])) != NULL)
    request->account = object->account;

  if (request->account == NULL)
    {
      _fd_emu_reply_no_object (request, get ? "get" : "post", n > 0 ? parts[0] : "");
      return;
    }

  request->insights = (n == 2 && g_str_equal (parts[1], "insights"));
  if (!check_rate (request))
    return;

  if (n == 1 && get && run != NULL)
    _fd_emu_handle_report_status (request, run);
  else if (n == 2 && get && run != NULL && request->insights)
    _fd_emu_handle_report_results (request, run);
  else if (n == 1 && get && object == NULL && run == NULL)
    _fd_emu_handle_account_node (request);
  else if (n == 1 && get && object != NULL)
    _fd_emu_handle_object_node (request, object);
  else if (n == 1 && post && object != NULL)
    _fd_emu_handle_write (request, object);
  else if (n == 2 && request->insights && get && run == NULL)
    _fd_emu_handle_insights (request, object);
  else if (n == 2 && request->insights && post && run == NULL)
    _fd_emu_handle_report_create (request, object);
  else if (n == 2 && get && object == NULL && run == NULL && g_str_equal (parts[1], "campaigns"))
    _fd_emu_handle_list (request, FD_EMU_LEVEL_CAMPAIGN);
  else if (n == 2 && get && object == NULL && run == NULL && g_str_equal (parts[1], "adsets"))
    _fd_emu_handle_list (request, FD_EMU_LEVEL_ADSET);
  else if (n == 2 && get && object == NULL && run == NULL && g_str_equal (parts[1], "ads"))
    _fd_emu_handle_list (request, FD_EMU_LEVEL_AD);
  else
    _fd_emu_reply_error_full (request, 400, 2500, 0, "OAuthException",
                      "Unknown path components: the emulator does not serve this edge", -1,
                      NULL, NULL, NULL);
}

/*
 * Authentication and versions
 */

static const char *
find_token (SoupServerMessage *message,
            GHashTable        *params)
{
  const char *header = soup_message_headers_get_one (soup_server_message_get_request_headers (message),
                                                     "Authorization");

  if (header != NULL && g_str_has_prefix (header, "Bearer "))
    return header + strlen ("Bearer ");
  if (header != NULL && g_str_has_prefix (header, "OAuth "))
    return header + strlen ("OAuth ");

  return g_hash_table_lookup (params, "access_token");
}

static gboolean
authenticate (FdEmuRequest *request)
{
  FdGraphEmulator *self = request->self;

  if (request->token == NULL || *request->token == '\0')
    {
      _fd_emu_reply_error (request, 400, 104, 0, "An access token is required to request this resource.");
      return FALSE;
    }

  if (self->token != NULL && !g_str_equal (request->token, self->token))
    {
      _fd_emu_reply_header (request, "WWW-Authenticate",
                    "OAuth \"Facebook Platform\" \"invalid_token\" \"Invalid OAuth access token - "
                    "Cannot parse access token\"");
      _fd_emu_reply_error (request, 400, 190, 0, "Invalid OAuth access token - Cannot parse access token");
      return FALSE;
    }

  if (self->app_secret != NULL)
    {
      const char *proof = g_hash_table_lookup (request->params, "appsecret_proof");
      g_autofree char *expected = g_compute_hmac_for_string (G_CHECKSUM_SHA256,
                                                             (const guchar *)self->app_secret,
                                                             strlen (self->app_secret),
                                                             request->token, -1);

      if (proof == NULL)
        {
          _fd_emu_reply_error_full (request, 400, 100, 0, "GraphMethodException",
                            "API calls from the server require an appsecret_proof argument",
                            -1, NULL, NULL, NULL);
          return FALSE;
        }
      if (!g_str_equal (proof, expected))
        {
          _fd_emu_reply_error_full (request, 400, 100, 0, "GraphMethodException",
                            "Invalid appsecret_proof provided in the API argument",
                            -1, NULL, NULL, NULL);
          return FALSE;
        }
    }

  return TRUE;
}

/* "/v25.0/act_1/insights" → version "v25.0", rest "act_1/insights". */
static gboolean
split_path (FdEmuRequest    *request,
            const char *path)
{
  const char *p = path;
  const char *slash;
  int major;

  while (*p == '/')
    p++;

  if (p[0] != 'v' || !g_ascii_isdigit (p[1]))
    {
      request->version = g_strdup_printf ("v%d.0", request->self->min_version);
      request->rest = g_strdup (p);
      return TRUE;
    }

  slash = strchr (p, '/');
  request->version = slash ? g_strndup (p, slash - p) : g_strdup (p);
  request->rest = g_strdup (slash ? slash + 1 : "");
  while (g_str_has_suffix (request->rest, "/"))
    request->rest[strlen (request->rest) - 1] = '\0';

  major = atoi (request->version + 1);
  if (major < request->self->min_version)
    {
      g_autofree char *message =
        g_strdup_printf ("(#2635) You are calling a deprecated version of the Ads API. Please "
                         "update to the latest version: v%d.0.", request->self->min_version);

      _fd_emu_reply_error (request, 400, 2635, 0, message);
      return FALSE;
    }

  return TRUE;
}

static GHashTable *
collect_params (SoupServerMessage *message,
                GHashTable        *query)
{
  GHashTable *params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  SoupMessageBody *body = soup_server_message_get_request_body (message);
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  if (query != NULL)
    {
      g_hash_table_iter_init (&iter, query);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (params, g_strdup (key), g_strdup (value));
    }

  if (body != NULL && body->length > 0 &&
      g_strcmp0 (soup_server_message_get_method (message), "POST") == 0)
    {
      g_autofree char *text = g_strndup (body->data, body->length);
      g_autoptr(GHashTable) form = soup_form_decode (text);

      g_hash_table_iter_init (&iter, form);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (params, g_strdup (key), g_strdup (value));
    }

  return params;
}

/*
 * Sending
 */

void
_fd_emu_send_reply (FdEmuRequest *request)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (request->message);
  gsize len = request->reply.body->len;
  char *data = g_string_free (g_steal_pointer (&request->reply.body), FALSE);

  for (guint i = 0; i + 1 < request->reply.headers->len; i += 2)
    soup_message_headers_append (headers, g_ptr_array_index (request->reply.headers, i),
                                 g_ptr_array_index (request->reply.headers, i + 1));

  soup_server_message_set_status (request->message, request->reply.status, NULL);
  soup_server_message_set_response (request->message, CONTENT_TYPE, SOUP_MEMORY_TAKE, data, len);
}

static void
request_clear (FdEmuRequest *request)
{
  g_clear_pointer (&request->params, g_hash_table_unref);
  g_free (request->rest);
  g_free (request->version);
  if (request->reply.body != NULL)
    g_string_free (request->reply.body, TRUE);
  g_ptr_array_unref (request->reply.headers);
}

/**
 * _fd_graph_emulator_handle:
 *
 * The SoupServer handler, on the server thread.
 */
void
_fd_graph_emulator_handle (SoupServer        *server,
                           SoupServerMessage *message,
                           const char        *path,
                           GHashTable        *query,
                           gpointer           user_data)
{
  FdGraphEmulator *self = user_data;
  g_autoptr(FdEmuFault) fault = NULL;
  FdEmuRequest request = { 0 };

  /* Answers are written in several pieces; without this, Nagle's
   * algorithm and the client's delayed ACK add 40 ms to many of them. */
  if (soup_server_message_get_socket (message) != NULL)
    g_socket_set_option (soup_server_message_get_socket (message), IPPROTO_TCP, TCP_NODELAY, 1, NULL);

  request.self = self;
  request.message = message;
  request.params = collect_params (message, query);
  request.reply.headers = g_ptr_array_new_with_free_func (g_free);

  g_mutex_lock (&self->lock);

  if (g_str_has_prefix (path, "/__emulator/"))
    {
      _fd_emu_handle_control (self, message, path, request.params);
      goto out;
    }

  _fd_graph_emulator_reload_state (self);
  self->stats.requests++;
  if (self->requests != NULL)
    {
      GUri *uri = soup_server_message_get_uri (message);

      g_ptr_array_add (self->requests,
                       g_strdup_printf ("%s %s%s%s", soup_server_message_get_method (message), path,
                                        g_uri_get_query (uri) ? "?" : "",
                                        g_uri_get_query (uri) ? g_uri_get_query (uri) : ""));
    }
  request.now_us = emulator_now (self);
  request.token = find_token (message, request.params);

  if (!split_path (&request, path))
    {
      _fd_emu_send_reply (&request);
      goto out;
    }

  fault = _fd_emu_faults_take (self->faults, request.rest, FALSE);
  if (fault != NULL)
    {
      /* Throttling needs to know the account. */
      g_auto(GStrv) parts = g_strsplit (request.rest, "/", 2);
      FdEmuObject *object = fd_emu_model_find_object (self->model, parts[0]);

      request.account = g_str_has_prefix (parts[0], "act_")
                        ? fd_emu_model_find_account (self->model, parts[0])
                        : object ? object->account : NULL;
      request.insights = strstr (request.rest, "insights") != NULL;
      self->stats.faults++;
      if (_fd_emu_apply_fault (&request, fault))
        goto out;
      request.account = NULL;
    }

  if (!authenticate (&request))
    {
      _fd_emu_send_reply (&request);
      goto out;
    }

  route (&request);
  if (request.reply.body == NULL)
    _fd_emu_reply_error (&request, 500, 1, 0, "An unknown error occurred");

  _fd_emu_add_usage_headers (&request);

  if (fault != NULL && fault->kind == FD_EMU_FAULT_TRUNCATED)
    _fd_emu_send_truncated (&request);
  else
    {
      if (fault != NULL && fault->kind == FD_EMU_FAULT_MALFORMED)
        g_string_truncate (request.reply.body, request.reply.body->len * 3 / 5);
      _fd_emu_send_reply (&request);
    }

out:
  g_mutex_unlock (&self->lock);
  request_clear (&request);
}

