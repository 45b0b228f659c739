/* fd-graph-client.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-graph"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-graph-client.h"
#include "fd-graph-error.h"
#include "fd-graph-util.h"

/* FdGraphClient speaks to one Graph API host with one token. Its blocking
 * calls are meant for worker threads (libsoup ≥ 3.2 sends from any
 * thread); the _async variants run them on GTask's pool. Around every call
 * it retries what is worth retrying (codes 1 and 2, HTTP 5xx, timeouts, cut
 * or corrupt answers) with exponential backoff and jitter, waits out rate
 * limits as long as Meta's usage headers say (up to a bound), and slows
 * down before usage reaches 100 %. It never retries an invalid token or a
 * missing permission.
 *
 * The token travels in an Authorization header, never in a URL the client
 * builds, and is removed from every text it returns. */

#define DEFAULT_TIMEOUT_S      60
#define DEFAULT_MAX_RETRIES    5
#define DEFAULT_MAX_WAIT_S     (15 * 60)
#define MAX_THROTTLE_ATTEMPTS  8
#define BACKOFF_BASE_US        (1 * G_USEC_PER_SEC)
#define BACKOFF_CAP_US         (60 * G_USEC_PER_SEC)
#define THROTTLE_BASE_US       (30 * G_USEC_PER_SEC)

struct _FdGraphClient
{
  GObject             parent_instance;

  SoupSession        *session;
  char               *base_url;
  char               *api_version;
  char               *token;
  char               *auth_header;
  char               *appsecret_proof;
  guint               max_retries;
  gint64              max_wait_us;
  double              time_scale;

  GMutex              lock;       /* guards what follows */
  gint64              pace_until;  /* monotonic µs */
  FdGraphClientStats  stats;
  GRand              *rand;
};

G_DEFINE_FINAL_TYPE (FdGraphClient, fd_graph_client, G_TYPE_OBJECT)

static void
fd_graph_client_finalize (GObject *object)
{
  FdGraphClient *self = (FdGraphClient *)object;

  g_clear_object (&self->session);
  g_free (self->base_url);
  g_free (self->api_version);
  if (self->token != NULL)
    memset (self->token, 0, strlen (self->token));
  g_free (self->token);
  if (self->auth_header != NULL)
    memset (self->auth_header, 0, strlen (self->auth_header));
  g_free (self->auth_header);
  g_free (self->appsecret_proof);
  g_rand_free (self->rand);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (fd_graph_client_parent_class)->finalize (object);
}

static void
fd_graph_client_class_init (FdGraphClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fd_graph_client_finalize;
}

static void
fd_graph_client_init (FdGraphClient *self)
{
  g_mutex_init (&self->lock);
  self->max_retries = DEFAULT_MAX_RETRIES;
  self->max_wait_us = DEFAULT_MAX_WAIT_S * G_USEC_PER_SEC;
  self->time_scale = 1.0;
  self->rand = g_rand_new ();
}

/**
 * fd_graph_client_new:
 * @base_url: "https://graph.facebook.com", or an emulator's address
 * @api_version: "v25.0"
 * @token: the access token
 *
 * Configure the client (timeout, app secret …) before the first call.
 *
 * Returns: (transfer full): a client
 */
FdGraphClient *
fd_graph_client_new (const char *base_url,
                     const char *api_version,
                     const char *token)
{
  FdGraphClient *self;
  g_autofree char *user_agent = g_strdup_printf ("Flightdeck/%s", PACKAGE_VERSION);

  g_return_val_if_fail (base_url != NULL, NULL);
  g_return_val_if_fail (api_version != NULL, NULL);
  g_return_val_if_fail (token != NULL, NULL);

  self = g_object_new (FD_TYPE_GRAPH_CLIENT, NULL);
  self->base_url = g_strdup (base_url);
  while (g_str_has_suffix (self->base_url, "/"))
    self->base_url[strlen (self->base_url) - 1] = '\0';
  self->api_version = g_strdup (api_version);
  self->token = g_strdup (token);
  self->auth_header = g_strdup_printf ("Bearer %s", token);
  self->session = soup_session_new_with_options ("timeout", DEFAULT_TIMEOUT_S,
                                                 "idle-timeout", 60,
                                                 "user-agent", user_agent,
                                                 NULL);

  return self;
}

const char *
fd_graph_client_get_base_url (FdGraphClient *self)
{
  g_return_val_if_fail (FD_IS_GRAPH_CLIENT (self), NULL);
  return self->base_url;
}

const char *
fd_graph_client_get_api_version (FdGraphClient *self)
{
  g_return_val_if_fail (FD_IS_GRAPH_CLIENT (self), NULL);
  return self->api_version;
}

/**
 * fd_graph_client_set_app_secret:
 * @app_secret: (nullable): the app secret, or %NULL for none
 *
 * With an app secret, every call carries appsecret_proof (HMAC-SHA256 of
 * the token keyed by the secret), as apps with "Require App Secret" need.
 */
void
fd_graph_client_set_app_secret (FdGraphClient *self,
                                const char    *app_secret)
{
  g_return_if_fail (FD_IS_GRAPH_CLIENT (self));

  g_clear_pointer (&self->appsecret_proof, g_free);
  if (app_secret != NULL && *app_secret != '\0')
    self->appsecret_proof = g_compute_hmac_for_string (G_CHECKSUM_SHA256,
                                                       (const guchar *)app_secret,
                                                       strlen (app_secret),
                                                       self->token, -1);
}

/**
 * fd_graph_client_set_timeout:
 *
 * How long a request may stay silent before it counts as timed out (and
 * is retried). The default is a minute.
 */
void
fd_graph_client_set_timeout (FdGraphClient *self,
                             guint          seconds)
{
  g_return_if_fail (FD_IS_GRAPH_CLIENT (self));

  g_object_set (self->session, "timeout", seconds, NULL);
}

/**
 * fd_graph_client_set_max_retries:
 *
 * How often a transient failure is retried before it is reported; the
 * default is 5.
 */
void
fd_graph_client_set_max_retries (FdGraphClient *self,
                                 guint          max_retries)
{
  g_return_if_fail (FD_IS_GRAPH_CLIENT (self));
  self->max_retries = max_retries;
}

/**
 * fd_graph_client_set_max_wait:
 *
 * The longest the client waits in all for a rate limit to lift before it
 * gives up with %FD_GRAPH_ERROR_THROTTLED. The default is 15 minutes.
 */
void
fd_graph_client_set_max_wait (FdGraphClient *self,
                              guint          seconds)
{
  g_return_if_fail (FD_IS_GRAPH_CLIENT (self));
  self->max_wait_us = (gint64)seconds * G_USEC_PER_SEC;
}

/**
 * fd_graph_client_set_time_scale:
 * @scale: a factor for every wait
 *
 * For tests against the emulator, whose clock runs faster by the same
 * factor: a wait of "5 minutes" with @scale 0.001 lasts 300 ms. Real use
 * keeps the default of 1.
 */
void
fd_graph_client_set_time_scale (FdGraphClient *self,
                                double         scale)
{
  g_return_if_fail (FD_IS_GRAPH_CLIENT (self));
  g_return_if_fail (scale > 0);
  self->time_scale = scale;
}

void
fd_graph_client_get_stats (FdGraphClient      *self,
                           FdGraphClientStats *stats)
{
  g_return_if_fail (FD_IS_GRAPH_CLIENT (self));

  g_mutex_lock (&self->lock);
  *stats = self->stats;
  g_mutex_unlock (&self->lock);
}

/**
 * fd_graph_client_redact:
 *
 * Returns: (transfer full) (nullable): @text without this client's token
 *   or any access_token parameter
 */
char *
fd_graph_client_redact (FdGraphClient *self,
                        const char    *text)
{
  g_return_val_if_fail (FD_IS_GRAPH_CLIENT (self), NULL);
  return fd_graph_redact (text, self->token);
}

/*
 * Waiting
 */

typedef struct
{
  GMutex   mutex;
  GCond    cond;
  gboolean cancelled;
} Sleeper;

static void
wake_sleeper (GCancellable *cancellable,
              Sleeper      *sleeper)
{
  g_mutex_lock (&sleeper->mutex);
  sleeper->cancelled = TRUE;
  g_cond_signal (&sleeper->cond);
  g_mutex_unlock (&sleeper->mutex);
}

/* Sleeps for @us unless @cancellable fires first. */
static gboolean
sleep_cancellable (gint64        us,
                   GCancellable *cancellable)
{
  Sleeper sleeper = { 0 };
  gulong handler = 0;
  gint64 deadline;

  if (g_cancellable_is_cancelled (cancellable))
    return FALSE;
  if (us <= 0)
    return TRUE;

  g_mutex_init (&sleeper.mutex);
  g_cond_init (&sleeper.cond);
  if (cancellable != NULL)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (wake_sleeper), &sleeper, NULL);

  deadline = g_get_monotonic_time () + us;
  g_mutex_lock (&sleeper.mutex);
  while (!sleeper.cancelled && g_cond_wait_until (&sleeper.cond, &sleeper.mutex, deadline))
    ;
  g_mutex_unlock (&sleeper.mutex);

  if (cancellable != NULL)
    g_cancellable_disconnect (cancellable, handler);
  g_mutex_clear (&sleeper.mutex);
  g_cond_clear (&sleeper.cond);

  return !g_cancellable_is_cancelled (cancellable);
}

static gint64
scaled (FdGraphClient *self,
        gint64         us)
{
  return (gint64)(us * self->time_scale);
}

static gboolean
wait_for (FdGraphClient *self,
          gint64         us,
          GCancellable  *cancellable)
{
  gboolean done;

  us = scaled (self, us);
  done = sleep_cancellable (us, cancellable);

  g_mutex_lock (&self->lock);
  self->stats.waited_us += us;
  g_mutex_unlock (&self->lock);

  return done;
}

/**
 * fd_graph_client_wait:
 * @us: how long, before the time scale is applied
 *
 * Waits on the calling thread, counting the time in the client's stats.
 *
 * Returns: %FALSE if @cancellable fired first
 */
gboolean
fd_graph_client_wait (FdGraphClient *self,
                      gint64         us,
                      GCancellable  *cancellable)
{
  g_return_val_if_fail (FD_IS_GRAPH_CLIENT (self), FALSE);
  return wait_for (self, us, cancellable);
}

/* Full jitter between half and all of an exponentially growing delay. */
static gint64
backoff_delay (FdGraphClient *self,
               gint64         base,
               guint          attempt)
{
  gint64 delay = base << MIN (attempt, 16u);
  double jitter;

  delay = MIN (delay, BACKOFF_CAP_US * (base == THROTTLE_BASE_US ? 10 : 1));
  g_mutex_lock (&self->lock);
  jitter = g_rand_double_range (self->rand, 0.5, 1.0);
  g_mutex_unlock (&self->lock);

  return (gint64)(delay * jitter);
}

static gboolean
pace (FdGraphClient *self,
      GCancellable  *cancellable)
{
  gint64 wait;

  g_mutex_lock (&self->lock);
  wait = self->pace_until - g_get_monotonic_time ();
  if (wait > 0)
    self->stats.paced++;
  g_mutex_unlock (&self->lock);

  if (wait <= 0)
    return TRUE;

  g_debug ("Usage is high; waiting %.1f s before the next call", wait / (double)G_USEC_PER_SEC);
  if (!sleep_cancellable (wait, cancellable))
    return FALSE;

  g_mutex_lock (&self->lock);
  self->stats.waited_us += wait;
  g_mutex_unlock (&self->lock);
  return TRUE;
}

static void
note_usage (FdGraphClient      *self,
            const FdGraphUsage *usage)
{
  gint64 delay = scaled (self, fd_graph_usage_get_pacing_delay (usage));

  if (usage->present && usage->max_pct >= 75)
    g_debug ("Rate-limit usage at %.0f %% (%s)", usage->max_pct, usage->worst);

  g_mutex_lock (&self->lock);
  self->pace_until = delay > 0 ? g_get_monotonic_time () + delay : 0;
  g_mutex_unlock (&self->lock);
}

/*
 * One request
 */

static char *
build_url (FdGraphClient *self,
           const char    *path,
           FdGraphParams *query)
{
  GString *url = g_string_new (self->base_url);

  g_string_append_c (url, '/');
  g_string_append (url, self->api_version);
  if (path != NULL && *path != '\0')
    {
      g_string_append_c (url, '/');
      g_string_append (url, path[0] == '/' ? path + 1 : path);
    }

  if (query != NULL && fd_graph_params_get_size (query) > 0)
    {
      g_string_append_c (url, '?');
      fd_graph_params_encode (query, url);
    }

  return g_string_free (url, FALSE);
}

static void
add_proof (FdGraphClient *self,
           GString       *url)
{
  if (self->appsecret_proof == NULL)
    return;

  g_string_append_c (url, strchr (url->str, '?') ? '&' : '?');
  g_string_append (url, "appsecret_proof=");
  g_string_append (url, self->appsecret_proof);
}

/* A paging.next URL, made safe to send: its token and proof removed (ours
 * ride in the header and are added back), and its path and query moved
 * onto our base URL so the token never goes to another host. */
static char *
rebase_url (FdGraphClient  *self,
            const char     *url,
            GError        **error)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);
  g_autofree char *stripped = NULL;
  g_autofree char *without_proof = NULL;
  const char *path;
  const char *query;
  GString *out;

  if (uri == NULL)
    {
      g_set_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_MALFORMED_RESPONSE,
                   _("Meta sent a link to the next page that is not a URL."));
      return NULL;
    }

  path = g_uri_get_path (uri);
  query = g_uri_get_query (uri);
  out = g_string_new (self->base_url);
  g_string_append (out, path);
  if (query != NULL)
    {
      g_string_append_c (out, '?');
      g_string_append (out, query);
    }

  stripped = fd_graph_strip_query_param (out->str, "access_token");
  g_string_free (out, TRUE);
  without_proof = fd_graph_strip_query_param (stripped, "appsecret_proof");

  return g_steal_pointer (&without_proof);
}

static void
classify_transport_error (GError  *transport,
                          guint    status,
                          GError **error)
{
  if (g_error_matches (transport, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_set_error_literal (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_CANCELLED,
                         _("The operation was cancelled."));
  else if (g_error_matches (transport, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_set_error_literal (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_NETWORK,
                         _("Meta did not answer in time."));
  else if (g_error_matches (transport, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT) ||
           g_error_matches (transport, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED) ||
           g_error_matches (transport, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE) ||
           (status != 0 && transport->domain == G_IO_ERROR))
    g_set_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_MALFORMED_RESPONSE,
                 _("Meta’s answer was cut off before its end (%s)."), transport->message);
  else
    g_set_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_NETWORK,
                 _("Could not reach Meta: %s"), transport->message);
}

/* A connection closed early can hand over less than Content-Length
 * announced without an error from the stream. */
static gboolean
is_cut_off (SoupMessage *message,
            GBytes      *body)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (message);

  if (soup_message_headers_get_encoding (headers) != SOUP_ENCODING_CONTENT_LENGTH ||
      soup_message_headers_get_one (headers, "Content-Encoding") != NULL)
    return FALSE;

  return (goffset)g_bytes_get_size (body) < soup_message_headers_get_content_length (headers);
}

/* Sends one request. On failure @error is set and the response, if the
 * body could be parsed, is still returned through @partial (for its usage
 * headers). */
static FdGraphResponse *
send_once (FdGraphClient    *self,
           const char       *method,
           const char       *url,
           GBytes           *form,
           const char       *permission_hint,
           FdGraphResponse **partial,
           GCancellable     *cancellable,
           GError          **error)
{
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) transport = NULL;
  g_autoptr(FdGraphResponse) response = NULL;
  g_autoptr(GError) parse_error = NULL;
  GError *envelope_error;
  guint status;

  *partial = NULL;
  message = soup_message_new (method, url);
  if (message == NULL)
    {
      g_set_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_INVALID_REQUEST,
                   _("“%s” is not a valid Graph API address."), self->base_url);
      return NULL;
    }

  soup_message_headers_replace (soup_message_get_request_headers (message),
                                "Authorization", self->auth_header);
  if (form != NULL)
    soup_message_set_request_body_from_bytes (message, "application/x-www-form-urlencoded", form);

  g_mutex_lock (&self->lock);
  self->stats.requests++;
  g_mutex_unlock (&self->lock);

  body = soup_session_send_and_read (self->session, message, cancellable, &transport);
  status = soup_message_get_status (message);

  if (body == NULL)
    {
      classify_transport_error (transport, status, error);
      fd_graph_error_ensure_info (*error)->http_status = status;
      return NULL;
    }

  g_mutex_lock (&self->lock);
  self->stats.bytes += g_bytes_get_size (body);
  g_mutex_unlock (&self->lock);

  if (is_cut_off (message, body))
    {
      g_set_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_MALFORMED_RESPONSE,
                   _("Meta’s answer was cut off before its end (%zu of %lld bytes)."),
                   g_bytes_get_size (body),
                   (long long)soup_message_headers_get_content_length (soup_message_get_response_headers (message)));
      fd_graph_error_ensure_info (*error)->http_status = status;
      return NULL;
    }

  response = fd_graph_response_parse (status, soup_message_get_response_headers (message),
                                      body, &parse_error);
  if (response == NULL)
    {
      /* An HTML "Service Unavailable" page or an empty 502 is Meta (or a
       * proxy) failing, not a corrupt answer. */
      if (status >= 500 || status == 0)
        g_set_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_TRANSIENT,
                     _("Meta had a temporary problem (HTTP %u)."), status);
      else
        g_propagate_error (error, g_steal_pointer (&parse_error));
      fd_graph_error_ensure_info (*error)->http_status = status;
      return NULL;
    }

  envelope_error = fd_graph_response_dup_error (response, self->token, permission_hint);
  if (envelope_error == NULL && !SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      envelope_error = g_error_new (FD_GRAPH_ERROR,
                                    status >= 500 ? FD_GRAPH_ERROR_TRANSIENT
                                                  : FD_GRAPH_ERROR_INVALID_REQUEST,
                                    _("Meta answered with HTTP %u and no explanation."), status);
      fd_graph_error_ensure_info (envelope_error)->http_status = status;
    }

  if (envelope_error != NULL)
    {
      g_propagate_error (error, envelope_error);
      *partial = g_steal_pointer (&response);
      return NULL;
    }

  return g_steal_pointer (&response);
}

static gboolean
is_retryable (const GError *error)
{
  const FdGraphErrorInfo *info = fd_graph_error_get_info (error);

  if (error->domain != FD_GRAPH_ERROR)
    return FALSE;

  switch ((FdGraphError)error->code)
    {
    case FD_GRAPH_ERROR_TRANSIENT:
    case FD_GRAPH_ERROR_NETWORK:
    case FD_GRAPH_ERROR_MALFORMED_RESPONSE:
      return TRUE;
    case FD_GRAPH_ERROR_FAILED:
    case FD_GRAPH_ERROR_INVALID_REQUEST:
      return info != NULL && info->is_transient;
    default:
      return FALSE;
    }
}

static void
give_up (GError **error,
         guint    attempts)
{
  if (attempts > 1)
    g_prefix_error (error, _("After %u attempts: "), attempts);
}

/* The retry loop around send_once(). */
static FdGraphResponse *
send_with_retries (FdGraphClient  *self,
                   const char     *method,
                   const char     *url,
                   GBytes         *form,
                   const char     *permission_hint,
                   GCancellable   *cancellable,
                   GError        **error)
{
  gint64 throttle_waited = 0;
  guint throttle_attempts = 0;
  guint attempt = 0;

  g_debug ("%s %s", method, self->base_url);

  while (TRUE)
    {
      g_autoptr(FdGraphResponse) partial = NULL;
      g_autoptr(GError) local_error = NULL;
      FdGraphResponse *response;

      if (!pace (self, cancellable))
        {
          g_set_error_literal (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_CANCELLED,
                               _("The operation was cancelled."));
          return NULL;
        }

      response = send_once (self, method, url, form, permission_hint, &partial,
                            cancellable, &local_error);
      if (response != NULL)
        {
          note_usage (self, fd_graph_response_get_usage (response));
          return response;
        }

      if (partial != NULL)
        note_usage (self, fd_graph_response_get_usage (partial));

      if (g_error_matches (local_error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_THROTTLED))
        {
          const FdGraphUsage *usage = partial ? fd_graph_response_get_usage (partial) : NULL;
          gint64 wait = backoff_delay (self, THROTTLE_BASE_US, throttle_attempts);
          FdGraphErrorInfo *info = fd_graph_error_ensure_info (local_error);

          if (usage != NULL && usage->regain_s > 0)
            wait = usage->regain_s * G_USEC_PER_SEC;

          g_mutex_lock (&self->lock);
          self->stats.throttled++;
          g_mutex_unlock (&self->lock);

          info->retry_at_us = g_get_real_time () + scaled (self, wait);
          if (++throttle_attempts > MAX_THROTTLE_ATTEMPTS ||
              throttle_waited + wait > self->max_wait_us)
            {
              g_autoptr(GDateTime) at = g_date_time_new_from_unix_local (info->retry_at_us / G_USEC_PER_SEC);
              g_autofree char *when = g_date_time_format (at, "%H:%M");

              g_prefix_error (&local_error, _("Try again after %s. "), when);
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }

          g_debug ("Throttled (code %d); waiting %.0f s as Meta asks", info->code,
                   scaled (self, wait) / (double)G_USEC_PER_SEC);
          throttle_waited += wait;
          if (!wait_for (self, wait, cancellable))
            {
              g_set_error_literal (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_CANCELLED,
                                   _("The operation was cancelled."));
              return NULL;
            }
          continue;
        }

      if (!is_retryable (local_error) || attempt >= self->max_retries)
        {
          if (is_retryable (local_error))
            give_up (&local_error, attempt + 1);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      g_debug ("Retrying after: %s", local_error->message);
      g_mutex_lock (&self->lock);
      self->stats.retries++;
      g_mutex_unlock (&self->lock);

      if (!wait_for (self, backoff_delay (self, BACKOFF_BASE_US, attempt), cancellable))
        {
          g_set_error_literal (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_CANCELLED,
                               _("The operation was cancelled."));
          return NULL;
        }
      attempt++;
    }
}

static void
redact_error (FdGraphClient  *self,
              GError        **error)
{
  if (error != NULL && *error != NULL)
    {
      char *clean = fd_graph_redact ((*error)->message, self->token);

      g_free ((*error)->message);
      (*error)->message = clean;
    }
}

/**
 * fd_graph_client_call:
 * @method: "GET", "POST" or "DELETE"
 * @path: the node or edge, without the version: "act_123/insights"
 * @params: (nullable): the parameters: the query for GET and DELETE, the
 *   form body for POST
 *
 * Makes a call, with retries, rate-limit waits and pacing. Every call made
 * through this client is idempotent (reads, status and budget updates,
 * report runs), which is what makes retrying a POST safe.
 *
 * Returns: (transfer full): the response, or %NULL with @error set in
 *   %FD_GRAPH_ERROR
 */
FdGraphResponse *
fd_graph_client_call (FdGraphClient  *self,
                      const char     *method,
                      const char     *path,
                      FdGraphParams  *params,
                      GCancellable   *cancellable,
                      GError        **error)
{
  gboolean is_post;
  g_autofree char *url = NULL;
  g_autoptr(GBytes) form = NULL;
  GString *with_proof;
  FdGraphResponse *response;

  g_return_val_if_fail (FD_IS_GRAPH_CLIENT (self), NULL);
  g_return_val_if_fail (method != NULL, NULL);

  is_post = g_str_equal (method, "POST");
  url = build_url (self, path, is_post ? NULL : params);
  with_proof = g_string_new (url);
  add_proof (self, with_proof);

  if (is_post)
    {
      GString *body = g_string_new (NULL);

      if (params != NULL)
        fd_graph_params_encode (params, body);
      form = g_string_free_to_bytes (body);
    }

  response = send_with_retries (self, method, with_proof->str, form,
                                is_post ? "ads_management" : "ads_read",
                                cancellable, error);
  g_string_free (with_proof, TRUE);
  redact_error (self, error);

  return response;
}

/**
 * fd_graph_client_get_url:
 * @url: an absolute URL Meta returned, such as paging.next
 *
 * Follows @url with this client's token, on this client's host.
 *
 * Returns: (transfer full): the response, or %NULL with @error set
 */
FdGraphResponse *
fd_graph_client_get_url (FdGraphClient  *self,
                         const char     *url,
                         GCancellable   *cancellable,
                         GError        **error)
{
  g_autofree char *safe = NULL;
  GString *with_proof;
  FdGraphResponse *response;

  g_return_val_if_fail (FD_IS_GRAPH_CLIENT (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  if (!(safe = rebase_url (self, url, error)))
    return NULL;

  with_proof = g_string_new (safe);
  add_proof (self, with_proof);
  response = send_with_retries (self, "GET", with_proof->str, NULL, "ads_read",
                                cancellable, error);
  g_string_free (with_proof, TRUE);
  redact_error (self, error);

  return response;
}

/**
 * fd_graph_client_get_account:
 * @account_id: "act_…"
 *
 * Reads the account's name, currency and time zone — the call that proves
 * a token works for the account.
 *
 * Returns: (transfer full): the response, or %NULL with @error set
 */
FdGraphResponse *
fd_graph_client_get_account (FdGraphClient  *self,
                             const char     *account_id,
                             GCancellable   *cancellable,
                             GError        **error)
{
  g_autoptr(FdGraphParams) params = fd_graph_params_new ();
  FdGraphResponse *response;
  JsonObject *object;

  fd_graph_params_set (params, "fields", "name,currency,timezone_name,account_status");
  response = fd_graph_client_call (self, "GET", account_id, params, cancellable, error);
  if (response == NULL)
    return NULL;

  object = fd_graph_response_get_object (response);
  if (object == NULL || fd_graph_json_get_string (object, "currency") == NULL ||
      fd_graph_json_get_string (object, "timezone_name") == NULL)
    {
      g_set_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_MALFORMED_RESPONSE,
                   _("Meta’s answer about %s has no currency or time zone."), account_id);
      g_object_unref (response);
      return NULL;
    }

  return response;
}
