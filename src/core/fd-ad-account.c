/* fd-ad-account.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fd-ad-account.h"

struct _FdAdAccount
{
  GObject               parent_instance;

  char                 *id;
  char                 *name;
  char                 *currency;
  char                 *timezone;
  char                 *graph_url;
  char                 *api_version;
  GTimeZone            *time_zone;
  gint64                created_us;

  FdAdAccountSyncState  sync_state;
  gint64                last_sync_us;
  gint64                last_success_us;
  gint64                last_rows;
  char                 *last_message;
  char                 *last_error_kind;
};

G_DEFINE_FINAL_TYPE (FdAdAccount, fd_ad_account, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_CURRENCY,
  PROP_TIMEZONE,
  PROP_GRAPH_URL,
  PROP_API_VERSION,
  PROP_SYNC_STATE,
  PROP_LAST_SYNC,
  PROP_LAST_SUCCESS,
  PROP_LAST_MESSAGE,
  PROP_LAST_ERROR_KIND,
  PROP_SYNC_FAILED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fd_ad_account_finalize (GObject *object)
{
  FdAdAccount *self = (FdAdAccount *)object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->currency);
  g_free (self->timezone);
  g_free (self->graph_url);
  g_free (self->api_version);
  g_clear_pointer (&self->time_zone, g_time_zone_unref);
  g_free (self->last_message);
  g_free (self->last_error_kind);

  G_OBJECT_CLASS (fd_ad_account_parent_class)->finalize (object);
}

static void
fd_ad_account_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FdAdAccount *self = FD_AD_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;
    case PROP_TIMEZONE:
      g_value_set_string (value, self->timezone);
      break;
    case PROP_GRAPH_URL:
      g_value_set_string (value, self->graph_url);
      break;
    case PROP_API_VERSION:
      g_value_set_string (value, self->api_version);
      break;
    case PROP_SYNC_STATE:
      g_value_set_int (value, self->sync_state);
      break;
    case PROP_LAST_SYNC:
      g_value_set_int64 (value, self->last_sync_us);
      break;
    case PROP_LAST_SUCCESS:
      g_value_set_int64 (value, self->last_success_us);
      break;
    case PROP_LAST_MESSAGE:
      g_value_set_string (value, self->last_message);
      break;
    case PROP_LAST_ERROR_KIND:
      g_value_set_string (value, self->last_error_kind);
      break;
    case PROP_SYNC_FAILED:
      g_value_set_boolean (value, self->sync_state == FD_AD_ACCOUNT_SYNC_FAILED);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_ad_account_class_init (FdAdAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fd_ad_account_finalize;
  object_class->get_property = fd_ad_account_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIMEZONE] =
    g_param_spec_string ("timezone", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_GRAPH_URL] =
    g_param_spec_string ("graph-url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_API_VERSION] =
    g_param_spec_string ("api-version", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* An FdAdAccountSyncState. */
  properties[PROP_SYNC_STATE] =
    g_param_spec_int ("sync-state", NULL, NULL,
                      FD_AD_ACCOUNT_SYNC_NEVER, FD_AD_ACCOUNT_SYNC_FAILED,
                      FD_AD_ACCOUNT_SYNC_NEVER,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_SYNC] =
    g_param_spec_int64 ("last-sync", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_SUCCESS] =
    g_param_spec_int64 ("last-success", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_MESSAGE] =
    g_param_spec_string ("last-message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_ERROR_KIND] =
    g_param_spec_string ("last-error-kind", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SYNC_FAILED] =
    g_param_spec_boolean ("sync-failed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_ad_account_init (FdAdAccount *self)
{
}

/**
 * fd_ad_account_new:
 * @timezone: an IANA time zone name ("Europe/Berlin")
 *
 * Returns: (transfer full): an account that has never been synced
 */
FdAdAccount *
fd_ad_account_new (const char *id,
                   const char *name,
                   const char *currency,
                   const char *timezone,
                   const char *graph_url,
                   const char *api_version)
{
  FdAdAccount *self = g_object_new (FD_TYPE_AD_ACCOUNT, NULL);

  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->currency = g_strdup (currency);
  self->timezone = g_strdup (timezone);
  self->graph_url = g_strdup (graph_url);
  self->api_version = g_strdup (api_version);

  return self;
}

void
_fd_ad_account_set_sync (FdAdAccount          *self,
                         gint64                created_us,
                         FdAdAccountSyncState  state,
                         gint64                last_sync_us,
                         gint64                last_success_us,
                         gint64                last_rows,
                         const char           *message,
                         const char           *error_kind)
{
  self->created_us = created_us;
  self->sync_state = state;
  self->last_sync_us = last_sync_us;
  self->last_success_us = last_success_us;
  self->last_rows = last_rows;
  g_free (self->last_message);
  self->last_message = g_strdup (message);
  g_free (self->last_error_kind);
  self->last_error_kind = g_strdup (error_kind);
}

const char *
fd_ad_account_get_id (FdAdAccount *self)
{
  g_return_val_if_fail (FD_IS_AD_ACCOUNT (self), NULL);
  return self->id;
}

const char *
fd_ad_account_get_name (FdAdAccount *self)
{
  g_return_val_if_fail (FD_IS_AD_ACCOUNT (self), NULL);
  return self->name;
}

const char *
fd_ad_account_get_currency (FdAdAccount *self)
{
  g_return_val_if_fail (FD_IS_AD_ACCOUNT (self), NULL);
  return self->currency;
}

const char *
fd_ad_account_get_timezone (FdAdAccount *self)
{
  g_return_val_if_fail (FD_IS_AD_ACCOUNT (self), NULL);
  return self->timezone;
}

/**
 * fd_ad_account_get_time_zone:
 *
 * Returns: (transfer none): the account's time zone, in which its days and
 *   hours are counted; UTC if the name is unknown to this system
 */
GTimeZone *
fd_ad_account_get_time_zone (FdAdAccount *self)
{
  g_return_val_if_fail (FD_IS_AD_ACCOUNT (self), NULL);

  if (self->time_zone == NULL)
    {
      self->time_zone = g_time_zone_new_identifier (self->timezone);
      if (self->time_zone == NULL)
        self->time_zone = g_time_zone_new_utc ();
    }

  return self->time_zone;
}

const char *
fd_ad_account_get_graph_url (FdAdAccount *self)
{
  g_return_val_if_fail (FD_IS_AD_ACCOUNT (self), NULL);
  return self->graph_url;
}

const char *
fd_ad_account_get_api_version (FdAdAccount *self)
{
  g_return_val_if_fail (FD_IS_AD_ACCOUNT (self), NULL);
  return self->api_version;
}

gint64
fd_ad_account_get_created (FdAdAccount *self)
{
  g_return_val_if_fail (FD_IS_AD_ACCOUNT (self), 0);
  return self->created_us;
}

FdAdAccountSyncState
fd_ad_account_get_sync_state (FdAdAccount *self)
{
  g_return_val_if_fail (FD_IS_AD_ACCOUNT (self), FD_AD_ACCOUNT_SYNC_NEVER);
  return self->sync_state;
}

/**
 * fd_ad_account_get_last_sync:
 *
 * Returns: when the last sync ended (or started, while it runs), UTC µs;
 *   0 if never
 */
gint64
fd_ad_account_get_last_sync (FdAdAccount *self)
{
  g_return_val_if_fail (FD_IS_AD_ACCOUNT (self), 0);
  return self->last_sync_us;
}

/**
 * fd_ad_account_get_last_success:
 *
 * Returns: when the last successful sync ended, UTC µs; 0 if never
 */
gint64
fd_ad_account_get_last_success (FdAdAccount *self)
{
  g_return_val_if_fail (FD_IS_AD_ACCOUNT (self), 0);
  return self->last_success_us;
}

/**
 * fd_ad_account_get_last_message:
 *
 * Returns: (nullable): what the last sync failed on, in words a person can
 *   act on; %NULL unless it failed
 */
const char *
fd_ad_account_get_last_message (FdAdAccount *self)
{
  g_return_val_if_fail (FD_IS_AD_ACCOUNT (self), NULL);
  return self->last_message;
}

/**
 * fd_ad_account_get_last_error_kind:
 *
 * Returns: (nullable): "reconnect", "permission", "throttled", "network",
 *   "malformed" or "failed" when the last sync failed, so a view can offer
 *   the right remedy (a "Reconnect" button for "reconnect")
 */
const char *
fd_ad_account_get_last_error_kind (FdAdAccount *self)
{
  g_return_val_if_fail (FD_IS_AD_ACCOUNT (self), NULL);
  return self->last_error_kind;
}

gint64
fd_ad_account_get_last_rows (FdAdAccount *self)
{
  g_return_val_if_fail (FD_IS_AD_ACCOUNT (self), 0);
  return self->last_rows;
}
