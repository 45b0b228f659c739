/* fd-emu-library.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-graph-emulator"

#include "config.h"

#include <stdlib.h>

#include "fd-graph-emulator-private.h"

/* ads_archive, the Ad Library API: a plausible, stable set of competitors'
 * ads for any search, with the quirks of the real one (ranges as strings
 * for political ads only, eu_total_reach as a number for EU deliveries,
 * and the caller's token inside ad_snapshot_url). */

static const char * const pages[] = {
  "Peakline Outfitters", "Vanta Trail Co.", "Fjellrev Gear", "Summit & Stone",
  "Klimaschutz jetzt e.V.", "Nordhang Sport", "Waldlicht Outdoor", "Cairn Supply",
};

static const char * const hooks[] = {
  "New season, new trails:", "Built for the long way round —", "Tested on 2,000 km of ridge:",
  "Last chance:", "Your weekend starts here.", "Why hikers switch:",
};

static const char * const offers[] = {
  "free shipping over 80 €.", "20 % off this week only.", "lifetime repairs included.",
  "try it 30 days, return it free.", "made from recycled nylon.", "now in four colours.",
};

static const char * const eu_countries[] = {
  "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE",
  "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", NULL
};

static GPtrArray *
parse_list (const char *text)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *fixed = NULL;

  if (text == NULL)
    return list;

  /* Consumers send ["US"] and ['US'] alike. */
  fixed = g_strdup (text);
  g_strdelimit (fixed, "'", '"');
  node = json_from_string (fixed, NULL);
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
            g_ptr_array_add (list, g_strdup (json_node_get_string (element)));
          else if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_INT64)
            g_ptr_array_add (list, g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (element)));
        }
    }
  else if (*text != '\0')
    {
      g_auto(GStrv) parts = g_strsplit (text, ",", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        if (*g_strstrip (parts[i]) != '\0')
          g_ptr_array_add (list, g_strdup (parts[i]));
    }

  return list;
}

static gboolean
any_eu (GPtrArray *countries)
{
  for (guint i = 0; i < countries->len; i++)
    if (g_strv_contains (eu_countries, g_ptr_array_index (countries, i)))
      return TRUE;

  return FALSE;
}

typedef struct
{
  guint64 id;
  guint   page;
  int     created;
  int     start;
  int     stop;        /* 0 while running */
  guint   hook;
  guint   offer;
  gint64  reach;
  gboolean political;
} LibraryAd;

static void
make_ad (guint64    query_hash,
         guint      k,
         int        today,
         LibraryAd *ad)
{
  double age = fd_emu_uniform (query_hash, k, 1, 0);

  ad->id = G_GUINT64_CONSTANT (1000000000000000) + fd_emu_hash (query_hash, k, 2, 0) % G_GUINT64_CONSTANT (900000000000000);
  ad->page = (guint)(fd_emu_hash (query_hash, k, 3, 0) % G_N_ELEMENTS (pages));
  ad->created = today - 3 - (int)(age * 150);
  ad->start = ad->created + (int)(fd_emu_hash (query_hash, k, 4, 0) % 3);
  ad->stop = 0;
  if (fd_emu_uniform (query_hash, k, 5, 0) < 0.45)
    {
      ad->stop = ad->start + 5 + (int)(fd_emu_uniform (query_hash, k, 6, 0) * 60);
      if (ad->stop >= today)
        ad->stop = 0;
    }
  ad->hook = (guint)(fd_emu_hash (query_hash, k, 7, 0) % G_N_ELEMENTS (hooks));
  ad->offer = (guint)(fd_emu_hash (query_hash, k, 8, 0) % G_N_ELEMENTS (offers));
  ad->reach = 500 + (gint64)(fd_emu_uniform (query_hash, k, 9, 0) * 90000);
  ad->political = g_str_has_suffix (pages[ad->page], "e.V.");
}

static void
member (GString    *out,
        const char *name)
{
  g_string_append_c (out, '"');
  g_string_append (out, name);
  g_string_append (out, "\":");
}

static void
string_member (GString    *out,
               const char *name,
               const char *value)
{
  member (out, name);
  fd_emu_append_json_string (out, value);
  g_string_append_c (out, ',');
}

static void
write_ad (GString    *out,
          LibraryAd  *ad,
          const char *terms,
          const char *token,
          gboolean    eu,
          const char *language)
{
  char id[24];
  char day[11];
  char page_id[24];
  g_autofree char *body = NULL;
  g_autofree char *title = NULL;
  g_autofree char *snapshot = NULL;
  const char *topic = terms && *terms ? terms : pages[ad->page];

  g_snprintf (id, sizeof id, "%" G_GUINT64_FORMAT, ad->id);
  g_snprintf (page_id, sizeof page_id, "%" G_GUINT64_FORMAT, (guint64)(G_GUINT64_CONSTANT (104455667788990) + ad->page * 1013));
  body = g_strdup_printf ("%s %s — %s", hooks[ad->hook], topic, offers[ad->offer]);
  title = g_strdup_printf ("%s by %s", topic, pages[ad->page]);
  snapshot = g_strdup_printf ("https://www.facebook.com/ads/archive/render_ad/?id=%s&access_token=%s",
                              id, token);

  g_string_append_c (out, '{');
  string_member (out, "id", id);
  string_member (out, "page_id", page_id);
  string_member (out, "page_name", pages[ad->page]);
  fd_emu_day_format (ad->created, day);
  string_member (out, "ad_creation_time", day);
  fd_emu_day_format (ad->start, day);
  string_member (out, "ad_delivery_start_time", day);
  if (ad->stop != 0)
    {
      fd_emu_day_format (ad->stop, day);
      string_member (out, "ad_delivery_stop_time", day);
    }
  member (out, "ad_creative_bodies");
  g_string_append_c (out, '[');
  fd_emu_append_json_string (out, body);
  g_string_append (out, "],");
  member (out, "ad_creative_link_titles");
  g_string_append_c (out, '[');
  fd_emu_append_json_string (out, title);
  g_string_append (out, "],");
  member (out, "ad_creative_link_captions");
  g_string_append (out, "[\"shop.example\"],");
  string_member (out, "ad_snapshot_url", snapshot);
  member (out, "publisher_platforms");
  g_string_append (out, ad->hook % 2 ? "[\"facebook\",\"instagram\"]," : "[\"instagram\"],");
  member (out, "languages");
  g_string_append_printf (out, "[\"%s\"],", language);
  if (ad->political)
    {
      g_string_append_printf (out, "\"currency\":\"EUR\",\"impressions\":{\"lower_bound\":\"%" G_GINT64_FORMAT
                              "\",\"upper_bound\":\"%" G_GINT64_FORMAT "\"},",
                              ad->reach / 1000 * 1000, ad->reach / 1000 * 1000 + 4999);
      g_string_append_printf (out, "\"spend\":{\"lower_bound\":\"%" G_GINT64_FORMAT
                              "\",\"upper_bound\":\"%" G_GINT64_FORMAT "\"},",
                              ad->reach / 100000 * 100 + 100, ad->reach / 100000 * 100 + 199);
    }
  if (eu)
    g_string_append_printf (out, "\"eu_total_reach\":%" G_GINT64_FORMAT ",", ad->reach);

  g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '}');
}

static gboolean
wanted (LibraryAd  *ad,
        const char *status)
{
  if (g_strcmp0 (status, "ALL") == 0)
    return TRUE;
  if (g_strcmp0 (status, "INACTIVE") == 0)
    return ad->stop != 0;
  return ad->stop == 0;
}

/**
 * _fd_emu_library_write_page:
 * @today: the julian day, UTC
 * @start: the first position
 *
 * Writes a page of ads_archive results (the "data" elements).
 *
 * Returns: %FALSE with @failure set for a request Meta would refuse
 */
gboolean
_fd_emu_library_write_page (guint64        seed,
                            GHashTable    *params,
                            const char    *token,
                            int            today,
                            guint64        start,
                            guint          limit,
                            GString       *out,
                            guint64       *last_row,
                            guint64       *resume,
                            FdEmuFailure  *failure)
{
  g_autoptr(GPtrArray) countries = parse_list (g_hash_table_lookup (params, "ad_reached_countries"));
  g_autoptr(GPtrArray) page_ids = parse_list (g_hash_table_lookup (params, "search_page_ids"));
  const char *terms = g_hash_table_lookup (params, "search_terms");
  const char *status = g_hash_table_lookup (params, "ad_active_status");
  g_autoptr(GString) key = g_string_new (NULL);
  guint64 query_hash;
  guint total;
  guint rows = 0;
  guint64 k;

  if (countries->len == 0)
    {
      failure->http_status = 400;
      failure->code = 100;
      failure->message = g_strdup ("(#100) The parameter ad_reached_countries is required");
      return FALSE;
    }

  if ((terms == NULL || *terms == '\0') && page_ids->len == 0)
    {
      failure->http_status = 400;
      failure->code = 100;
      failure->message = g_strdup ("(#100) Either search_terms or search_page_ids must be provided");
      return FALSE;
    }

  if (page_ids->len > 10)
    {
      failure->http_status = 400;
      failure->code = 100;
      failure->message = g_strdup ("(#100) search_page_ids accepts at most 10 ids");
      return FALSE;
    }

  g_string_append (key, terms ? terms : "");
  for (guint i = 0; i < page_ids->len; i++)
    g_string_append_printf (key, "|%s", (char *)g_ptr_array_index (page_ids, i));
  for (guint i = 0; i < countries->len; i++)
    g_string_append_printf (key, "#%s", (char *)g_ptr_array_index (countries, i));
  query_hash = fd_emu_hash (seed, g_str_hash (key->str), key->len, 77);
  total = 12 + (guint)(query_hash % 40);

  *last_row = start;
  for (k = start; k < total && rows < limit; k++)
    {
      LibraryAd ad;

      make_ad (query_hash, (guint)k, today, &ad);
      if (!wanted (&ad, status))
        continue;

      if (rows > 0)
        g_string_append_c (out, ',');
      write_ad (out, &ad, terms, token, any_eu (countries),
                g_strv_contains ((const char * const[]){ "DE", "AT", NULL },
                                 g_ptr_array_index (countries, 0)) ? "de" : "en");
      *last_row = k;
      rows++;
    }

  *resume = G_MAXUINT64;
  for (; k < total; k++)
    {
      LibraryAd ad;

      make_ad (query_hash, (guint)k, today, &ad);
      if (wanted (&ad, status))
        {
          *resume = k;
          break;
        }
    }

  return TRUE;
}
