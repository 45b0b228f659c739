/* fd-graph-emulator.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-graph-emulator"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "fd-core-error.h"
#include "fd-graph-emulator-private.h"

/* FdGraphEmulator: a local Graph API for simulated ad accounts, served by
 * a SoupServer on 127.0.0.1 from a thread of its own (the way GNOME
 * Calendar's tests run theirs), so a test, a benchmark, the CLI or the app
 * can talk to it with the same client they use for graph.facebook.com.
 *
 * It answers what Flightdeck uses of the documented API — account, object
 * lists and nodes, insights (sync and as async report runs), status and
 * budget writes, ads_archive — with the wire's quirks, rate-limit headers
 * and faults on demand. Its numbers come from FdEmuModel and
 * fd-emu-metrics.c: deterministic from the seed, the object and the day,
 * changed by writes, which persist in an optional state file. */

#define DEFAULT_QUOTA          200000
#define DEFAULT_REPORT_DELAY   300
#define DEFAULT_SYNC_ROW_LIMIT 100000
#define DEFAULT_MIN_VERSION    25

G_DEFINE_FINAL_TYPE (FdGraphEmulator, fd_graph_emulator, G_TYPE_OBJECT)

static void
fd_graph_emulator_finalize (GObject *object)
{
  FdGraphEmulator *self = (FdGraphEmulator *)object;

  fd_graph_emulator_stop (self);

  g_clear_pointer (&self->model, fd_emu_model_free);
  g_free (self->token);
  g_free (self->app_secret);
  g_free (self->state_file);
  g_ptr_array_unref (self->faults);
  g_hash_table_unref (self->runs);
  g_hash_table_unref (self->usage);
  g_ptr_array_unref (self->held);
  g_clear_pointer (&self->requests, g_ptr_array_unref);
  g_free (self->url);
  g_mutex_clear (&self->lock);
  g_mutex_clear (&self->start_lock);
  g_cond_clear (&self->start_cond);

  G_OBJECT_CLASS (fd_graph_emulator_parent_class)->finalize (object);
}

static void
fd_graph_emulator_class_init (FdGraphEmulatorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fd_graph_emulator_finalize;
}

static void
fd_graph_emulator_init (FdGraphEmulator *self)
{
  g_mutex_init (&self->lock);
  g_mutex_init (&self->start_lock);
  g_cond_init (&self->start_cond);
  self->time_scale = 1.0;
  self->quota = DEFAULT_QUOTA;
  self->report_delay_ms = DEFAULT_REPORT_DELAY;
  self->sync_row_limit = DEFAULT_SYNC_ROW_LIMIT;
  self->min_version = DEFAULT_MIN_VERSION;
  self->faults = g_ptr_array_new_with_free_func ((GDestroyNotify)_fd_emu_fault_free);
  self->runs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                      (GDestroyNotify)_fd_emu_report_run_free);
  self->usage = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->held = _fd_emu_new_held_array ();
}

/**
 * fd_graph_emulator_new:
 * @seed: everything simulated follows from it
 *
 * Returns: (transfer full): an emulator without accounts, not yet serving
 */
FdGraphEmulator *
fd_graph_emulator_new (guint64 seed)
{
  FdGraphEmulator *self = g_object_new (FD_TYPE_GRAPH_EMULATOR, NULL);

  self->model = fd_emu_model_new (seed);
  return self;
}

static gint64
now_locked (FdGraphEmulator *self)
{
  return self->fixed_now != 0 ? self->fixed_now : g_get_real_time ();
}

/**
 * fd_graph_emulator_add_account:
 *
 * Adds a simulated account whose history starts @spec->history_days
 * before the emulator's "now".
 */
gboolean
fd_graph_emulator_add_account (FdGraphEmulator         *self,
                               const FdEmuAccountSpec  *spec,
                               GError                 **error)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) local = NULL;
  GDate date;
  gboolean ok;

  g_return_val_if_fail (FD_IS_GRAPH_EMULATOR (self), FALSE);

  tz = g_time_zone_new_identifier (spec->timezone ? spec->timezone : "UTC");
  if (tz == NULL)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   "“%s” is not a time zone", spec->timezone);
      return FALSE;
    }

  g_mutex_lock (&self->lock);
  now = g_date_time_new_from_unix_utc (now_locked (self) / G_USEC_PER_SEC);
  local = g_date_time_to_timezone (now, tz);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  ok = fd_emu_model_add_account (self->model, spec,
                                 (int)g_date_get_julian (&date) - (int)spec->history_days,
                                 error) != NULL;
  g_mutex_unlock (&self->lock);

  return ok;
}

/**
 * fd_graph_emulator_add_account_from_string:
 * @spec: "act_ID:NAME:CURRENCY:TIMEZONE:CAMPAIGNS:ADSETS:ADS[:HISTORY[:SPREAD]]",
 *   e.g. "act_2000000000002:Tokyo shop:JPY:Asia/Tokyo:2:2:3"
 */
gboolean
fd_graph_emulator_add_account_from_string (FdGraphEmulator  *self,
                                           const char       *spec,
                                           GError          **error)
{
  g_auto(GStrv) parts = g_strsplit (spec, ":", -1);
  guint n = g_strv_length (parts);
  FdEmuAccountSpec account = { 0 };

  if (n < 7)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   "An account is act_ID:NAME:CURRENCY:TIMEZONE:CAMPAIGNS:ADSETS:ADS[:HISTORY[:SPREAD]]");
      return FALSE;
    }

  account.id = parts[0];
  account.name = parts[1];
  account.currency = parts[2];
  account.timezone = parts[3];
  account.campaigns = (guint)atoi (parts[4]);
  account.adsets_per_campaign = (guint)atoi (parts[5]);
  account.ads_per_adset = (guint)atoi (parts[6]);
  account.history_days = n > 7 ? (guint)atoi (parts[7]) : 120;
  account.launch_spread_days = n > 8 ? (guint)atoi (parts[8]) : 60;

  return fd_graph_emulator_add_account (self, &account, error);
}

/**
 * fd_graph_emulator_add_demo_account:
 *
 * Adds the demo workspace's account: Northwind Outdoor in euros, Berlin
 * time, 4 campaigns × 3 ad sets × 4 ads with four months of history,
 * shaped by the "demo" profile so that each of the spec's four rules has
 * an ad set or ad to find (see fd-emu-profile.c).
 */
void
fd_graph_emulator_add_demo_account (FdGraphEmulator *self)
{
  static const FdEmuAccountSpec demo = {
    FD_GRAPH_EMULATOR_DEMO_ACCOUNT, "Northwind Outdoor — EUR", "EUR", "Europe/Berlin",
    4, 3, 4, 120, 60, "demo",
  };
  g_autoptr(GError) error = NULL;

  if (!fd_graph_emulator_add_account (self, &demo, &error))
    g_critical ("The demo account could not be added: %s", error->message);
}

/**
 * fd_graph_emulator_set_now:
 * @now_us: the emulator's "now", UTC µs; 0 follows the real clock
 */
void
fd_graph_emulator_set_now (FdGraphEmulator *self,
                           gint64           now_us)
{
  g_return_if_fail (FD_IS_GRAPH_EMULATOR (self));

  g_mutex_lock (&self->lock);
  self->fixed_now = now_us;
  g_mutex_unlock (&self->lock);
}

gint64
fd_graph_emulator_get_now (FdGraphEmulator *self)
{
  gint64 now;

  g_return_val_if_fail (FD_IS_GRAPH_EMULATOR (self), 0);

  g_mutex_lock (&self->lock);
  now = now_locked (self);
  g_mutex_unlock (&self->lock);

  return now;
}

/**
 * fd_graph_emulator_set_time_scale:
 *
 * Compresses the emulator's waits (throttle blocks, the hourly quota
 * window) for tests; pair it with fd_graph_client_set_time_scale().
 */
void
fd_graph_emulator_set_time_scale (FdGraphEmulator *self,
                                  double           scale)
{
  g_return_if_fail (FD_IS_GRAPH_EMULATOR (self));
  g_return_if_fail (scale > 0);

  g_mutex_lock (&self->lock);
  self->time_scale = scale;
  g_mutex_unlock (&self->lock);
}

/**
 * fd_graph_emulator_set_token:
 * @token: (nullable): the one token accepted; %NULL accepts any
 */
void
fd_graph_emulator_set_token (FdGraphEmulator *self,
                             const char      *token)
{
  g_return_if_fail (FD_IS_GRAPH_EMULATOR (self));

  g_mutex_lock (&self->lock);
  g_free (self->token);
  self->token = g_strdup (token);
  g_mutex_unlock (&self->lock);
}

/**
 * fd_graph_emulator_set_app_secret:
 * @app_secret: (nullable): require appsecret_proof made with this secret
 */
void
fd_graph_emulator_set_app_secret (FdGraphEmulator *self,
                                  const char      *app_secret)
{
  g_return_if_fail (FD_IS_GRAPH_EMULATOR (self));

  g_mutex_lock (&self->lock);
  g_free (self->app_secret);
  self->app_secret = g_strdup (app_secret);
  g_mutex_unlock (&self->lock);
}

/**
 * fd_graph_emulator_set_quota:
 *
 * Calls per account and hour (of the scaled clock) before Meta's
 * business-use-case limit throttles; usage headers report the share used.
 */
void
fd_graph_emulator_set_quota (FdGraphEmulator *self,
                             guint            calls_per_hour)
{
  g_return_if_fail (FD_IS_GRAPH_EMULATOR (self));

  g_mutex_lock (&self->lock);
  self->quota = MAX (calls_per_hour, 1u);
  g_mutex_unlock (&self->lock);
}

/**
 * fd_graph_emulator_set_report_delay:
 *
 * How long an async report run takes to complete (real milliseconds).
 */
void
fd_graph_emulator_set_report_delay (FdGraphEmulator *self,
                                    guint            ms)
{
  g_return_if_fail (FD_IS_GRAPH_EMULATOR (self));

  g_mutex_lock (&self->lock);
  self->report_delay_ms = ms;
  g_mutex_unlock (&self->lock);
}

/**
 * fd_graph_emulator_set_max_report_days:
 *
 * Report runs spanning more days than this fail ("Job Failed"); 0 for no
 * limit. Makes clients split their ranges.
 */
void
fd_graph_emulator_set_max_report_days (FdGraphEmulator *self,
                                       guint            days)
{
  g_return_if_fail (FD_IS_GRAPH_EMULATOR (self));

  g_mutex_lock (&self->lock);
  self->max_report_days = days;
  g_mutex_unlock (&self->lock);
}

/**
 * fd_graph_emulator_set_sync_row_limit:
 *
 * Synchronous insights requests that could return more rows than this are
 * refused with 100/1487534 ("reduce the amount of data"); use a report run.
 */
void
fd_graph_emulator_set_sync_row_limit (FdGraphEmulator *self,
                                      guint64          rows)
{
  g_return_if_fail (FD_IS_GRAPH_EMULATOR (self));

  g_mutex_lock (&self->lock);
  self->sync_row_limit = rows;
  g_mutex_unlock (&self->lock);
}

/**
 * fd_graph_emulator_set_min_version:
 * @version: "v25.0": older versions get error 2635
 */
void
fd_graph_emulator_set_min_version (FdGraphEmulator *self,
                                   const char      *version)
{
  g_return_if_fail (FD_IS_GRAPH_EMULATOR (self));
  g_return_if_fail (version != NULL && version[0] == 'v');

  g_mutex_lock (&self->lock);
  self->min_version = atoi (version + 1);
  g_mutex_unlock (&self->lock);
}

/*
 * State
 */

/*
 * The server thread
 */

static gpointer
server_thread (gpointer data)
{
  FdGraphEmulator *self = data;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (self->context);

  self->server = soup_server_new ("server-header", "Flightdeck-Graph-Emulator", NULL);
  soup_server_add_handler (self->server, NULL, _fd_graph_emulator_handle, self, NULL);

  if (soup_server_listen_local (self->server, self->start_port, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    {
      uris = soup_server_get_uris (self->server);
      self->url = g_uri_to_string (uris->data);
      while (g_str_has_suffix (self->url, "/"))
        self->url[strlen (self->url) - 1] = '\0';
      g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);
    }

  g_mutex_lock (&self->start_lock);
  self->start_error = error ? g_error_copy (error) : NULL;
  self->start_done = TRUE;
  g_cond_signal (&self->start_cond);
  g_mutex_unlock (&self->start_lock);

  if (error == NULL)
    g_main_loop_run (self->loop);

  g_mutex_lock (&self->lock);
  _fd_graph_emulator_release_held (self);
  g_mutex_unlock (&self->lock);

  soup_server_disconnect (self->server);
  g_clear_object (&self->server);

  /* Let libsoup finish closing connections before the context goes. */
  while (g_main_context_iteration (self->context, FALSE))
    ;

  g_main_context_pop_thread_default (self->context);
  return NULL;
}

/**
 * fd_graph_emulator_start:
 * @port: a port on 127.0.0.1, or 0 for any free one
 *
 * Starts serving from a thread of its own.
 */
gboolean
fd_graph_emulator_start (FdGraphEmulator  *self,
                         guint             port,
                         GError          **error)
{
  g_return_val_if_fail (FD_IS_GRAPH_EMULATOR (self), FALSE);
  g_return_val_if_fail (self->thread == NULL, FALSE);

  g_mutex_lock (&self->lock);
  if (self->state_file != NULL && !g_file_test (self->state_file, G_FILE_TEST_EXISTS) &&
      !_fd_graph_emulator_save_state (self, error))
    {
      g_mutex_unlock (&self->lock);
      return FALSE;
    }
  g_mutex_unlock (&self->lock);

  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->start_port = port;
  self->start_done = FALSE;
  self->thread = g_thread_new ("fd-graph-emulator", server_thread, self);

  g_mutex_lock (&self->start_lock);
  while (!self->start_done)
    g_cond_wait (&self->start_cond, &self->start_lock);
  g_mutex_unlock (&self->start_lock);

  if (self->start_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->start_error));
      fd_graph_emulator_stop (self);
      return FALSE;
    }

  g_debug ("Graph emulator listening on %s", self->url);
  return TRUE;
}

/**
 * fd_graph_emulator_get_url:
 *
 * Returns: (nullable): "http://127.0.0.1:PORT", the base URL for clients
 */
const char *
fd_graph_emulator_get_url (FdGraphEmulator *self)
{
  g_return_val_if_fail (FD_IS_GRAPH_EMULATOR (self), NULL);
  return self->url;
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

void
fd_graph_emulator_stop (FdGraphEmulator *self)
{
  g_return_if_fail (FD_IS_GRAPH_EMULATOR (self));

  if (self->thread == NULL)
    return;

  g_main_context_invoke (self->context, quit_cb, self->loop);
  g_thread_join (self->thread);
  self->thread = NULL;
  g_clear_pointer (&self->loop, g_main_loop_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
}

/*
 * Faults and statistics
 */

/**
 * fd_graph_emulator_add_fault:
 * @path_match: (nullable): only requests whose path (after the version)
 *   contains this, e.g. "insights"; %NULL for any
 * @skip: matching requests to let through first
 * @count: how many to fail; -1 for all until cleared
 * @param: see #FdEmuFaultKind
 */
void
fd_graph_emulator_add_fault (FdGraphEmulator *self,
                             FdEmuFaultKind   kind,
                             const char      *path_match,
                             int              skip,
                             int              count,
                             int              param)
{
  FdEmuFault *fault;

  g_return_if_fail (FD_IS_GRAPH_EMULATOR (self));

  fault = g_new0 (FdEmuFault, 1);
  fault->kind = kind;
  fault->path_match = g_strdup (path_match);
  fault->skip = skip;
  fault->count = count == 0 ? 1 : count;
  fault->param = param;

  g_mutex_lock (&self->lock);
  g_ptr_array_add (self->faults, fault);
  g_mutex_unlock (&self->lock);
}

/**
 * fd_graph_emulator_add_fault_from_string:
 * @spec: "KIND[,count=N|all][,skip=N][,path=TEXT][,param=N]"
 */
gboolean
fd_graph_emulator_add_fault_from_string (FdGraphEmulator  *self,
                                         const char       *spec,
                                         GError          **error)
{
  FdEmuFault parsed;

  g_return_val_if_fail (FD_IS_GRAPH_EMULATOR (self), FALSE);

  if (!_fd_emu_fault_parse (spec, &parsed, error))
    return FALSE;

  g_mutex_lock (&self->lock);
  g_ptr_array_add (self->faults, g_memdup2 (&parsed, sizeof parsed));
  g_mutex_unlock (&self->lock);

  return TRUE;
}

static gboolean
release_held_cb (gpointer data)
{
  FdGraphEmulator *self = data;

  g_mutex_lock (&self->lock);
  _fd_graph_emulator_release_held (self);
  g_mutex_unlock (&self->lock);

  return G_SOURCE_REMOVE;
}

/**
 * fd_graph_emulator_clear_faults:
 *
 * Removes every fault and answers the requests they hold (with a 503).
 */
void
fd_graph_emulator_clear_faults (FdGraphEmulator *self)
{
  g_return_if_fail (FD_IS_GRAPH_EMULATOR (self));

  g_mutex_lock (&self->lock);
  g_ptr_array_set_size (self->faults, 0);
  g_hash_table_remove_all (self->usage);
  g_mutex_unlock (&self->lock);

  /* Held messages belong to the server thread. */
  if (self->context != NULL)
    g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, release_held_cb,
                                g_object_ref (self), g_object_unref);
}

/**
 * fd_graph_emulator_record_requests:
 *
 * Keeps the method, path and query of every Graph request from now on
 * (for benchmarks that replay them).
 */
void
fd_graph_emulator_record_requests (FdGraphEmulator *self,
                                   gboolean         record)
{
  g_return_if_fail (FD_IS_GRAPH_EMULATOR (self));

  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->requests, g_ptr_array_unref);
  if (record)
    self->requests = g_ptr_array_new_with_free_func (g_free);
  g_mutex_unlock (&self->lock);
}

/**
 * fd_graph_emulator_take_requests:
 *
 * Returns: (transfer container) (element-type utf8): the requests recorded
 *   so far, "GET /v25.0/act_1/insights?…", in order; recording goes on
 */
GPtrArray *
fd_graph_emulator_take_requests (FdGraphEmulator *self)
{
  GPtrArray *taken;

  g_return_val_if_fail (FD_IS_GRAPH_EMULATOR (self), NULL);

  g_mutex_lock (&self->lock);
  taken = self->requests ? self->requests : g_ptr_array_new_with_free_func (g_free);
  self->requests = g_ptr_array_new_with_free_func (g_free);
  g_mutex_unlock (&self->lock);

  return taken;
}

void
fd_graph_emulator_get_stats (FdGraphEmulator      *self,
                             FdGraphEmulatorStats *stats)
{
  g_return_if_fail (FD_IS_GRAPH_EMULATOR (self));

  g_mutex_lock (&self->lock);
  *stats = self->stats;
  g_mutex_unlock (&self->lock);
}

/**
 * fd_graph_emulator_list_objects:
 *
 * Returns: (transfer container) (element-type utf8): the ids of the
 *   account's objects of @level that exist now
 */
GPtrArray *
fd_graph_emulator_list_objects (FdGraphEmulator *self,
                                const char      *account_id,
                                FdEmuLevel       level)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  FdEmuAccount *account;

  g_return_val_if_fail (FD_IS_GRAPH_EMULATOR (self), ids);

  g_mutex_lock (&self->lock);
  account = fd_emu_model_find_account (self->model, account_id);
  if (account != NULL)
    {
      GPtrArray *objects = fd_emu_account_get_objects (account, level);
      gint64 now = now_locked (self);

      for (guint i = 0; objects != NULL && i < objects->len; i++)
        {
          FdEmuObject *object = g_ptr_array_index (objects, i);

          if (object->created_us <= now)
            g_ptr_array_add (ids, g_strdup (object->id));
        }
    }
  g_mutex_unlock (&self->lock);

  return ids;
}

/**
 * fd_graph_emulator_get_day:
 * @day: YYYY-MM-DD in the account's time zone
 * @spend: (out): minor units
 * @purchase_value: (out): minor units
 *
 * What the emulator would report for an object and day right now — for
 * tests that check a client stored exactly that.
 *
 * Returns: whether the object delivered that day
 */
gboolean
fd_graph_emulator_get_day (FdGraphEmulator *self,
                           const char      *object_id,
                           const char      *day,
                           gint64          *impressions,
                           gint64          *spend,
                           gint64          *purchases,
                           gint64          *purchase_value)
{
  g_autoptr(FdEmuMetricsCache) cache = NULL;
  FdEmuObject *object;
  FdEmuMetrics m = { 0 };
  gboolean delivered = FALSE;

  g_return_val_if_fail (FD_IS_GRAPH_EMULATOR (self), FALSE);

  g_mutex_lock (&self->lock);
  object = fd_emu_model_find_object (self->model, object_id);
  if (object != NULL)
    {
      cache = fd_emu_metrics_cache_new (now_locked (self));
      delivered = fd_emu_metrics_day (cache, object->account, object,
                                      fd_emu_day_from_string (day), &m);
    }
  g_mutex_unlock (&self->lock);

  *impressions = m.impressions;
  *spend = m.spend;
  *purchases = m.purchases;
  *purchase_value = m.purchase_value;
  return delivered;
}

/*
 * One emulator per state file and process, for emulator: URLs
 */

static GMutex shared_lock;
static GHashTable *shared;

/**
 * fd_graph_emulator_get_shared:
 * @state_file: where the emulated accounts' writes persist
 *
 * The emulator behind "emulator:" Graph URLs (the demo workspace): one
 * per state file and process, started on 127.0.0.1 on first use, with
 * the demo account, accepting any token, following the real clock. It
 * runs until the process ends.
 *
 * Returns: (transfer none): the running emulator, or %NULL with @error set
 */
FdGraphEmulator *
fd_graph_emulator_get_shared (const char  *state_file,
                              GError     **error)
{
  g_autoptr(FdGraphEmulator) emulator = NULL;
  FdGraphEmulator *found;

  g_return_val_if_fail (state_file != NULL, NULL);

  g_mutex_lock (&shared_lock);
  if (shared == NULL)
    shared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  found = g_hash_table_lookup (shared, state_file);
  if (found != NULL)
    {
      g_mutex_unlock (&shared_lock);
      return found;
    }

  emulator = fd_graph_emulator_new (42);
  if (!fd_graph_emulator_set_state_file (emulator, state_file, error))
    goto failed;
  if (fd_emu_model_find_account (emulator->model, FD_GRAPH_EMULATOR_DEMO_ACCOUNT) == NULL)
    fd_graph_emulator_add_demo_account (emulator);
  if (!fd_graph_emulator_start (emulator, 0, error))
    goto failed;

  found = emulator;
  g_hash_table_insert (shared, g_strdup (state_file), g_steal_pointer (&emulator));
  g_mutex_unlock (&shared_lock);
  return found;

failed:
  g_prefix_error (error, _("The local Graph emulator could not start: "));
  g_mutex_unlock (&shared_lock);
  return NULL;
}
