/* fd-library-ad.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "fd-library-ad.h"

struct _FdLibraryAd
{
  GObject   parent_instance;

  char     *id;
  char     *page_id;
  char     *page_name;
  char     *start_day;
  char     *stop_day;
  GStrv     bodies;
  GStrv     titles;
  GStrv     platforms;
  char     *snapshot_url;
  gint64    eu_total_reach;
  int       days_running;
};

G_DEFINE_FINAL_TYPE (FdLibraryAd, fd_library_ad, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PAGE_NAME,
  PROP_START_DAY,
  PROP_STOP_DAY,
  PROP_DAYS_RUNNING,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fd_library_ad_finalize (GObject *object)
{
  FdLibraryAd *self = (FdLibraryAd *)object;

  g_free (self->id);
  g_free (self->page_id);
  g_free (self->page_name);
  g_free (self->start_day);
  g_free (self->stop_day);
  g_strfreev (self->bodies);
  g_strfreev (self->titles);
  g_strfreev (self->platforms);
  g_free (self->snapshot_url);

  G_OBJECT_CLASS (fd_library_ad_parent_class)->finalize (object);
}

static void
fd_library_ad_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FdLibraryAd *self = FD_LIBRARY_AD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_PAGE_NAME:
      g_value_set_string (value, self->page_name);
      break;
    case PROP_START_DAY:
      g_value_set_string (value, self->start_day);
      break;
    case PROP_STOP_DAY:
      g_value_set_string (value, self->stop_day);
      break;
    case PROP_DAYS_RUNNING:
      g_value_set_int (value, self->days_running);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->stop_day == NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_library_ad_class_init (FdLibraryAdClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fd_library_ad_finalize;
  object_class->get_property = fd_library_ad_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE_NAME] =
    g_param_spec_string ("page-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_START_DAY] =
    g_param_spec_string ("start-day", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STOP_DAY] =
    g_param_spec_string ("stop-day", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DAYS_RUNNING] =
    g_param_spec_int ("days-running", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_library_ad_init (FdLibraryAd *self)
{
}

static GStrv
strv_from_json (const char *json)
{
  g_autoptr(JsonNode) node = json ? json_from_string (json, NULL) : NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *text = json_array_get_string_element (array, i);

          if (text != NULL)
            g_strv_builder_add (builder, text);
        }
    }

  return g_strv_builder_end (builder);
}

/**
 * fd_library_ad_new:
 * @stop_day: (nullable): %NULL while the ad runs
 * @bodies_json: a JSON array of strings, as stored
 * @days_running: days from its start to its stop (or today)
 *
 * Returns: (transfer full): the ad
 */
FdLibraryAd *
fd_library_ad_new (const char *id,
                   const char *page_id,
                   const char *page_name,
                   const char *start_day,
                   const char *stop_day,
                   const char *bodies_json,
                   const char *titles_json,
                   const char *snapshot_url,
                   const char *platforms_json,
                   gint64      eu_total_reach,
                   int         days_running)
{
  FdLibraryAd *self = g_object_new (FD_TYPE_LIBRARY_AD, NULL);

  self->id = g_strdup (id);
  self->page_id = g_strdup (page_id);
  self->page_name = g_strdup (page_name);
  self->start_day = g_strdup (start_day);
  self->stop_day = g_strdup (stop_day);
  self->bodies = strv_from_json (bodies_json);
  self->titles = strv_from_json (titles_json);
  self->platforms = strv_from_json (platforms_json);
  self->snapshot_url = g_strdup (snapshot_url);
  self->eu_total_reach = eu_total_reach;
  self->days_running = days_running;

  return self;
}

const char *
fd_library_ad_get_id (FdLibraryAd *self)
{
  g_return_val_if_fail (FD_IS_LIBRARY_AD (self), NULL);
  return self->id;
}

const char *
fd_library_ad_get_page_id (FdLibraryAd *self)
{
  g_return_val_if_fail (FD_IS_LIBRARY_AD (self), NULL);
  return self->page_id;
}

const char *
fd_library_ad_get_page_name (FdLibraryAd *self)
{
  g_return_val_if_fail (FD_IS_LIBRARY_AD (self), NULL);
  return self->page_name;
}

const char *
fd_library_ad_get_start_day (FdLibraryAd *self)
{
  g_return_val_if_fail (FD_IS_LIBRARY_AD (self), NULL);
  return self->start_day;
}

/**
 * fd_library_ad_get_stop_day:
 *
 * Returns: (nullable): the last day it ran, %NULL while it runs
 */
const char *
fd_library_ad_get_stop_day (FdLibraryAd *self)
{
  g_return_val_if_fail (FD_IS_LIBRARY_AD (self), NULL);
  return self->stop_day;
}

const char * const *
fd_library_ad_get_bodies (FdLibraryAd *self)
{
  g_return_val_if_fail (FD_IS_LIBRARY_AD (self), NULL);
  return (const char * const *)self->bodies;
}

const char * const *
fd_library_ad_get_titles (FdLibraryAd *self)
{
  g_return_val_if_fail (FD_IS_LIBRARY_AD (self), NULL);
  return (const char * const *)self->titles;
}

const char * const *
fd_library_ad_get_platforms (FdLibraryAd *self)
{
  g_return_val_if_fail (FD_IS_LIBRARY_AD (self), NULL);
  return (const char * const *)self->platforms;
}

/**
 * fd_library_ad_get_snapshot_url:
 *
 * Returns: (nullable): the Ad Library page of the ad, without the access
 *   token Meta puts in it (opening it needs one again)
 */
const char *
fd_library_ad_get_snapshot_url (FdLibraryAd *self)
{
  g_return_val_if_fail (FD_IS_LIBRARY_AD (self), NULL);
  return self->snapshot_url;
}

gint64
fd_library_ad_get_eu_total_reach (FdLibraryAd *self)
{
  g_return_val_if_fail (FD_IS_LIBRARY_AD (self), 0);
  return self->eu_total_reach;
}

int
fd_library_ad_get_days_running (FdLibraryAd *self)
{
  g_return_val_if_fail (FD_IS_LIBRARY_AD (self), 0);
  return self->days_running;
}

gboolean
fd_library_ad_get_active (FdLibraryAd *self)
{
  g_return_val_if_fail (FD_IS_LIBRARY_AD (self), FALSE);
  return self->stop_day == NULL;
}
