/* test-graph-client.c: the Graph client against the emulator and Meta's
 * documented envelopes
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fd-core-error.h"
#include "fd-currency.h"
#include "fd-graph-error.h"
#include "fd-graph-pager.h"
#include "fd-graph-report-run.h"
#include "fd-graph-row-private.h"
#include "fd-graph-util.h"
#include "graph-test-util.h"

/*
 * Without a server
 */

static void
test_currency (void)
{
  static const char * const offset_one[] = {
    "JPY", "KRW", "TWD", "VND", "CLP", "COP", "CRC", "HUF", "ISK", "IDR", "PYG", NULL
  };
  static const struct { const char *code; const char *text; gint64 minor; } good[] = {
    { "EUR", "14.35", 1435 }, { "EUR", "149.7", 14970 }, { "EUR", "0.05", 5 },
    { "EUR", "35.10", 3510 }, { "EUR", "12.345", 1235 }, { "EUR", "-3.1", -310 },
    { "USD", "1200", 120000 }, { "JPY", "1200", 1200 }, { "JPY", "1234.5", 1235 },
    { "KRW", "0.4", 0 }, { "EUR", "99999999.99", 9999999999 }, { "EUR", ".5", 50 },
  };
  static const char * const bad[] = { "", "abc", "1e3", "1.2.3", "12,50", " 1", "-", NULL };
  g_autofree char *text = NULL;

  for (guint i = 0; offset_one[i] != NULL; i++)
    g_assert_cmpuint (fd_currency_get_offset (offset_one[i]), ==, 1);
  g_assert_cmpuint (fd_currency_get_offset ("EUR"), ==, 100);
  g_assert_cmpuint (fd_currency_get_offset ("BHD"), ==, 100);

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 minor = -1;

      g_assert_true (fd_currency_parse_wire (good[i].code, good[i].text, &minor, &error));
      g_assert_no_error (error);
      g_assert_cmpint (minor, ==, good[i].minor);
    }

  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 minor;

      g_assert_false (fd_currency_parse_wire ("EUR", bad[i], &minor, &error));
      g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID);
    }

  text = fd_currency_format_decimal ("EUR", 1435);
  g_assert_cmpstr (text, ==, "14.35");
  g_free (text);
  text = fd_currency_format_decimal ("EUR", -305);
  g_assert_cmpstr (text, ==, "-3.05");
  g_free (text);
  text = fd_currency_format_decimal ("JPY", 1200);
  g_assert_cmpstr (text, ==, "1200");
}

static void
test_params (void)
{
  g_autoptr(FdGraphParams) params = fd_graph_params_new ();
  g_autoptr(GString) out = g_string_new ("https://x/v25.0/act_1/insights?");
  const char * const breakdowns[] = { "hourly_stats_aggregated_by_advertiser_time_zone", NULL };

  fd_graph_params_set (params, "fields", "ad_id,spend");
  fd_graph_params_set_time_range (params, "2026-05-01", "2026-05-02");
  fd_graph_params_set_strv_json (params, "breakdowns", breakdowns);
  fd_graph_params_set_int (params, "limit", 500);
  fd_graph_params_set (params, "limit", "25");
  fd_graph_params_encode (params, out);

  g_assert_cmpstr (out->str, ==,
                   "https://x/v25.0/act_1/insights?fields=ad_id%2Cspend"
                   "&time_range=%7B%22since%22%3A%222026-05-01%22%2C%22until%22%3A%222026-05-02%22%7D"
                   "&breakdowns=%5B%22hourly_stats_aggregated_by_advertiser_time_zone%22%5D&limit=25");
  g_assert_cmpstr (fd_graph_params_get (params, "limit"), ==, "25");
}

static void
test_usage_headers (void)
{
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  FdGraphUsage usage;

  /* The documented example: ads_management at 96 %. */
  soup_message_headers_append (headers, "X-Business-Use-Case-Usage",
                               "{\"123456789012345\":[{\"type\":\"ads_insights\",\"call_count\":28,"
                               "\"total_cputime\":12,\"total_time\":19,\"estimated_time_to_regain_access\":0,"
                               "\"ads_api_access_tier\":\"standard_access\"},{\"type\":\"ads_management\","
                               "\"call_count\":96,\"total_cputime\":40,\"total_time\":55,"
                               "\"estimated_time_to_regain_access\":0,\"ads_api_access_tier\":\"standard_access\"}]}");
  soup_message_headers_append (headers, "X-App-Usage", "{\"call_count\":7,\"total_cputime\":2,\"total_time\":3}");
  soup_message_headers_append (headers, "X-Ad-Account-Usage",
                               "{\"acc_id_util_pct\":9.67,\"reset_time_duration\":0,\"ads_api_access_tier\":\"standard_access\"}");
  fd_graph_usage_parse (&usage, headers);

  g_assert_true (usage.present);
  g_assert_cmpfloat (usage.max_pct, ==, 96);
  g_assert_nonnull (strstr (usage.worst, "ads_management"));
  g_assert_cmpint (fd_graph_usage_get_pacing_delay (&usage), >, 10 * G_USEC_PER_SEC);

  soup_message_headers_clear (headers);
  soup_message_headers_append (headers, "X-Business-Use-Case-Usage",
                               "{\"1\":[{\"type\":\"ads_management\",\"call_count\":100,"
                               "\"estimated_time_to_regain_access\":5}]}");
  fd_graph_usage_parse (&usage, headers);
  g_assert_cmpint (usage.regain_s, ==, 300);
  g_assert_cmpint (fd_graph_usage_get_pacing_delay (&usage), ==, 300 * G_USEC_PER_SEC);

  soup_message_headers_clear (headers);
  fd_graph_usage_parse (&usage, headers);
  g_assert_false (usage.present);
  g_assert_cmpint (fd_graph_usage_get_pacing_delay (&usage), ==, 0);
}

static GError *
envelope_error (guint       status,
                const char *body)
{
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
  g_autoptr(FdGraphResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  response = fd_graph_response_parse (status, NULL, bytes, &error);
  g_assert_no_error (error);
  return fd_graph_response_dup_error (response, "EAABsecret123", "ads_read");
}

static void
test_envelopes (void)
{
  g_autoptr(GError) error = NULL;
  const FdGraphErrorInfo *info;

  error = envelope_error (400, "{\"error\":{\"message\":\"(#17) User request limit reached\","
                               "\"type\":\"OAuthException\",\"is_transient\":true,\"code\":17,"
                               "\"error_subcode\":2446079,\"fbtrace_id\":\"AZq3f0bXkT2\"}}");
  g_assert_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_THROTTLED);
  info = fd_graph_error_get_info (error);
  g_assert_cmpint (info->code, ==, 17);
  g_assert_cmpint (info->subcode, ==, 2446079);
  g_assert_cmpstr (info->fbtrace_id, ==, "AZq3f0bXkT2");
  g_assert_true (info->is_transient);
  g_clear_error (&error);

  error = envelope_error (400, "{\"error\":{\"message\":\"Error validating access token: Session has "
                               "expired\",\"type\":\"OAuthException\",\"code\":190,\"error_subcode\":463}}");
  g_assert_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_RECONNECT);
  g_assert_nonnull (strstr (error->message, "expired"));
  g_assert_nonnull (strstr (error->message, "Reconnect"));
  g_assert_cmpstr (fd_graph_error_get_kind (error), ==, "reconnect");
  g_clear_error (&error);

  /* error_data as a JSON string, decoded. */
  error = envelope_error (400, "{\"error\":{\"message\":\"Invalid parameter\",\"type\":\"OAuthException\","
                               "\"code\":100,\"error_subcode\":1885272,\"is_transient\":false,"
                               "\"error_user_title\":\"Budget Too Low\",\"error_user_msg\":\"Your budget is "
                               "too low.\",\"error_data\":\"{\\\"blame_field_specs\\\":[[\\\"daily_budget\\\"]]}\"}}");
  g_assert_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_INVALID_REQUEST);
  info = fd_graph_error_get_info (error);
  g_assert_cmpstr (info->error_data, ==, "{\"blame_field_specs\":[[\"daily_budget\"]]}");
  g_assert_nonnull (strstr (error->message, "Your budget is too low."));
  g_clear_error (&error);

  /* error_data as an object. */
  error = envelope_error (400, "{\"error\":{\"message\":\"x\",\"code\":100,\"error_data\":{\"a\":1}}}");
  g_assert_cmpstr (fd_graph_error_get_info (error)->error_data, ==, "{\"a\":1}");
  g_clear_error (&error);

  error = envelope_error (403, "{\"error\":{\"message\":\"(#200) Requires business_management permission "
                               "to manage the object\",\"code\":200}}");
  g_assert_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "“business_management”"));
  g_clear_error (&error);

  /* No permission named: the hint is. */
  error = envelope_error (403, "{\"error\":{\"message\":\"(#10) Permission denied\",\"code\":10}}");
  g_assert_cmpstr (fd_graph_error_get_info (error)->permission, ==, "ads_read");
  g_clear_error (&error);

  error = envelope_error (400, "{\"error\":{\"message\":\"(#613) You can only change your ad set budget "
                               "4 times per hour.\",\"code\":613,\"error_subcode\":1487632}}");
  g_assert_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_BUDGET_LIMIT);
  g_clear_error (&error);

  error = envelope_error (400, "{\"error\":{\"message\":\"x\",\"code\":80004}}");
  g_assert_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_THROTTLED);
  g_clear_error (&error);

  error = envelope_error (500, "{\"error\":{\"message\":\"Please reduce the amount of data\",\"code\":1,"
                               "\"error_subcode\":99}}");
  g_assert_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_TOO_MUCH_DATA);
  g_clear_error (&error);

  error = envelope_error (400, "{\"error\":{\"message\":\"deprecated\",\"code\":2635}}");
  g_assert_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_DEPRECATED_VERSION);
  g_clear_error (&error);

  /* An error envelope at HTTP 200 is an error; success:false too. */
  error = envelope_error (200, "{\"success\":false}");
  g_assert_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_FAILED);
  g_clear_error (&error);

  /* Meta's text never brings the token back in. */
  error = envelope_error (400, "{\"error\":{\"message\":\"Bad token EAABsecret123 in "
                               "https://x/?access_token=EAABsecret123&a=1\",\"code\":100}}");
  g_assert_null (strstr (error->message, "EAABsecret123"));
  g_assert_null (strstr (fd_graph_error_get_info (error)->graph_message, "EAABsecret123"));
  g_clear_error (&error);

  g_assert_null (envelope_error (200, "{\"data\":[]}"));
}

static void
test_json_numbers (void)
{
  g_autoptr(JsonNode) node = json_from_string ("{\"a\":\"12\",\"b\":7,\"c\":\"1.175978\",\"id\":\"120210000000001001\","
                                               "\"n\":1029384756473829,\"spend\":\"37.42\","
                                               "\"actions\":[{\"action_type\":\"purchase\",\"value\":\"3\"},"
                                               "{\"action_type\":\"omni_purchase\",\"value\":\"4\"}]}", NULL);
  JsonObject *object = json_node_get_object (node);
  const char * const types[] = { "omni_purchase", "purchase", NULL };
  g_autofree char *id = fd_graph_json_dup_id (object, "id");
  g_autofree char *n = fd_graph_json_dup_id (object, "n");
  gint64 minor;

  g_assert_cmpint (fd_graph_json_get_int (object, "a"), ==, 12);
  g_assert_cmpint (fd_graph_json_get_int (object, "b"), ==, 7);
  g_assert_cmpint (fd_graph_json_get_int (object, "missing"), ==, 0);
  g_assert_cmpfloat_with_epsilon (fd_graph_json_get_double (object, "c"), 1.175978, 1e-9);
  g_assert_cmpstr (id, ==, "120210000000001001");
  g_assert_cmpstr (n, ==, "1029384756473829");
  g_assert_true (fd_graph_json_get_money (object, "spend", "EUR", &minor, NULL));
  g_assert_cmpint (minor, ==, 3742);
  g_assert_true (fd_graph_json_get_money (object, "nope", "EUR", &minor, NULL));
  g_assert_cmpint (minor, ==, 0);
  g_assert_cmpint (fd_graph_json_get_action_int (object, "actions", types), ==, 4);
  g_assert_cmpint (fd_graph_parse_time ("2024-03-12T15:02:47-0700"), ==, (gint64)1710280967 * G_USEC_PER_SEC);
}

static void
test_redact (void)
{
  g_autofree char *a = fd_graph_redact ("https://x/?id=1&access_token=EAAB.x-y&b=2", NULL);
  g_autofree char *b = fd_graph_redact ("token EAABsecret and more", "EAABsecret");
  g_autofree char *c = fd_graph_strip_query_param ("https://x/render/?id=1&access_token=T&x=2", "access_token");

  g_assert_cmpstr (a, ==, "https://x/?id=1&access_token=[redacted]&b=2");
  g_assert_cmpstr (b, ==, "token [redacted] and more");
  g_assert_cmpstr (c, ==, "https://x/render/?id=1&x=2");
}

/*
 * Pages: rows, paging and what is not a page
 */

typedef struct
{
  GString *out;
} Dump;

/* Everything the sync asks of a row, as text. */
static gboolean
dump_row (FdGraphRow  *row,
          gpointer     user_data,
          GError     **error)
{
  static const char * const members[] = {
    "ad_id", "ad_name", "date_start", "impressions", "spend", "frequency", "clicks", "nested",
    "flag", "languages", "missing", NULL
  };
  static const char * const purchases[] = { "omni_purchase", "purchase", NULL };
  static const char * const video[] = { "video_view", NULL };
  GString *out = ((Dump *)user_data)->out;
  gint64 money;
  g_autoptr(GError) local_error = NULL;

  for (guint i = 0; members[i] != NULL; i++)
    {
      const char *text = fd_graph_row_get_string (row, members[i]);

      g_string_append_printf (out, "%s=%s|%d|%" G_GINT64_FORMAT "|%.6f;", members[i], text ? text : "(null)",
                              fd_graph_row_has (row, members[i]), fd_graph_row_get_int (row, members[i]),
                              fd_graph_row_get_double (row, members[i]));
    }

  if (fd_graph_row_get_money (row, "spend", "EUR", &money, &local_error))
    g_string_append_printf (out, "spend€=%" G_GINT64_FORMAT ";", money);
  else
    g_string_append_printf (out, "spend€=error;");
  g_clear_error (&local_error);
  g_string_append_printf (out, "purchases=%" G_GINT64_FORMAT ";",
                          fd_graph_row_get_action_int (row, "actions", purchases));
  g_string_append_printf (out, "video=%" G_GINT64_FORMAT ";",
                          fd_graph_row_get_action_int (row, "video_play_actions", video));
  if (fd_graph_row_get_action_money (row, "action_values", purchases, "JPY", &money, NULL))
    g_string_append_printf (out, "value¥=%" G_GINT64_FORMAT ";", money);
  g_string_append_c (out, '\n');

  return TRUE;
}

static char *
dump_tree (const char *body)
{
  g_autoptr(JsonNode) root = json_from_string (body, NULL);
  JsonArray *data = json_object_get_array_member (json_node_get_object (root), "data");
  Dump dump = { g_string_new (NULL) };
  FdGraphRow row = { 0 };

  for (guint i = 0; i < json_array_get_length (data); i++)
    {
      row.object = json_array_get_object_element (data, i);
      dump_row (&row, &dump, NULL);
    }

  return g_string_free (dump.out, FALSE);
}

static void
test_pages (void)
{
  static const char * const pages[] = {
    "{\"data\":[{\"ad_id\":\"120210000000001001\",\"impressions\":\"4210\",\"spend\":\"37.42\","
    "\"frequency\":\"1.175978\",\"actions\":[{\"action_type\":\"link_click\",\"value\":\"71\"},"
    "{\"action_type\":\"purchase\",\"value\":\"3\",\"7d_click\":\"2\"},{\"action_type\":\"omni_purchase\","
    "\"value\":\"4\"}],\"action_values\":[{\"action_type\":\"purchase\",\"value\":\"149.7\"}],"
    "\"date_start\":\"2026-05-01\",\"date_stop\":\"2026-05-01\"},{\"ad_id\":\"2\",\"date_start\":\"2026-05-01\"}],"
    "\"paging\":{\"cursors\":{\"before\":\"MAZDZD\",\"after\":\"MQZDZD\"},"
    "\"next\":\"https:\\/\\/graph.facebook.com\\/v25.0\\/act_1\\/insights?after=MQZDZD\\u0026limit=2\"}}",
    /* Numbers as numbers, escapes, nested values, whitespace everywhere. */
    " {\n \"data\" : [ { \"ad_id\" : \"7\" , \"ad_name\" : \"A \\\"quoted\\\" \\u00e9t\\u00e9 \\ud83d\\ude00 \\\\ \\/ \\t\" ,"
    " \"impressions\" : 1234 , \"spend\" : 12.5 , \"clicks\" : -3e2 , \"frequency\" : 0.5E+1,"
    " \"nested\" : { \"a\" : [ 1 , { \"b\" : null } ] } , \"flag\" : true , \"languages\" : [ \"de\" , \"fr\" ],"
    " \"video_play_actions\" : [ { \"value\" : 17 , \"action_type\" : \"video_view\" } ] ,"
    " \"action_values\" : [ { \"action_type\" : \"omni_purchase\" , \"value\" : \"1200\" } ] } ] , \"summary\" : { } } ",
    "{\"data\":[]}",
    "{\"data\":[{}],\"paging\":{\"cursors\":{\"after\":\"x\"}}}",
    "{\"data\":[{\"ad_id\":\"1\",\"ad_id\":\"2\",\"spend\":\"1e3\"}]}",
  };
  /* json-glib is the judge of what is JSON (it lets a few RFC 8259
   * slips through, such as a leading zero, harmlessly). */
  static const char * const not_json[] = {
    "{\"data\":[{\"ad_id\":\"1\"}", "{\"data\":[{\"ad_id\":\"1\"}]} x", "{\"data\":[{\"a\":\"\xc3\x28\"}]}",
    "{\"data\":[{\"a\":1,}]}", "{\"data\":[{\"a\":tru}]}", "{\"data\":[{\"a\":\"\\u12\"}]}", "",
  };
  static const char * const not_pages[] = { "[]", "{\"paging\":{}}" };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr(GBytes) body = g_bytes_new_static (pages[i], strlen (pages[i]));
      g_autoptr(FdGraphResponse) response = NULL;
      g_autofree char *tree = dump_tree (pages[i]);
      g_autoptr(GError) error = NULL;
      Dump dump = { g_string_new (NULL) };
      g_autofree char *read = NULL;

      response = fd_graph_response_parse (200, NULL, body, &error);
      g_assert_no_error (error);
      g_assert_true (fd_graph_response_is_page (response));
      g_assert_false (fd_graph_response_has_error (response));

      /* Every row, every member the sync asks for, as the JSON says. */
      g_assert_true (fd_graph_response_foreach_row (response, dump_row, &dump, NULL));
      read = g_string_free (dump.out, FALSE);
      g_assert_cmpstr (read, ==, tree);

      {
        g_autoptr(JsonNode) root = json_from_string (pages[i], NULL);
        JsonObject *top = json_node_get_object (root);
        JsonObject *paging = json_object_has_member (top, "paging") ? json_object_get_object_member (top, "paging") : NULL;
        JsonObject *cursors = paging && json_object_has_member (paging, "cursors")
                              ? json_object_get_object_member (paging, "cursors") : NULL;

        g_assert_cmpstr (fd_graph_response_get_next (response), ==,
                         paging ? json_object_get_string_member_with_default (paging, "next", NULL) : NULL);
        g_assert_cmpstr (fd_graph_response_get_after (response), ==,
                         cursors ? json_object_get_string_member_with_default (cursors, "after", NULL) : NULL);
        g_assert_cmpuint (fd_graph_response_get_n_rows (response), ==,
                          json_array_get_length (json_object_get_array_member (json_node_get_object (root), "data")));
      }
    }

  /* What is not JSON is refused as malformed; JSON that is no page says
   * so; a page whose rows are not objects is refused when read. */
  for (guint i = 0; i < G_N_ELEMENTS (not_json); i++)
    {
      g_autoptr(GBytes) body = g_bytes_new_static (not_json[i], strlen (not_json[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(FdGraphResponse) response = fd_graph_response_parse (200, NULL, body, &error);

      g_assert_null (response);
      g_assert_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_MALFORMED_RESPONSE);
    }

  for (guint i = 0; i < G_N_ELEMENTS (not_pages); i++)
    {
      g_autoptr(GBytes) body = g_bytes_new_static (not_pages[i], strlen (not_pages[i]));
      g_autoptr(FdGraphResponse) response = fd_graph_response_parse (200, NULL, body, NULL);

      g_assert_nonnull (response);
      g_assert_false (fd_graph_response_is_page (response));
    }

  {
    const char *text = "{\"data\":[1]}";
    g_autoptr(GBytes) body = g_bytes_new_static (text, strlen (text));
    g_autoptr(GError) error = NULL;
    g_autoptr(FdGraphResponse) response = fd_graph_response_parse (200, NULL, body, NULL);
    Dump dump = { g_string_new (NULL) };

    g_assert_false (fd_graph_response_foreach_row (response, dump_row, &dump, &error));
    g_assert_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_MALFORMED_RESPONSE);
    g_string_free (dump.out, TRUE);
  }

  {
    g_autoptr(GBytes) body = g_bytes_new_static (not_json[0], strlen (not_json[0]));
    g_autoptr(GError) error = NULL;
    g_autoptr(FdGraphResponse) response = fd_graph_response_parse (200, NULL, body, &error);

    g_assert_null (response);
    g_assert_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_MALFORMED_RESPONSE);
  }

  /* An envelope next to data goes to json-glib, which judges it. */
  {
    const char *text = "{\"data\":[],\"error\":{\"code\":2,\"message\":\"x\"}}";
    g_autoptr(GBytes) body = g_bytes_new_static (text, strlen (text));
    g_autoptr(FdGraphResponse) response = fd_graph_response_parse (200, NULL, body, NULL);

    g_assert_true (fd_graph_response_has_error (response));
  }
}

/*
 * Against the emulator
 */

static guint64
emulator_requests (GraphFixture *f)
{
  FdGraphEmulatorStats stats;

  fd_graph_emulator_get_stats (f->emulator, &stats);
  return stats.requests;
}

static FdGraphResponse *
get_ads (FdGraphClient  *client,
         GError        **error)
{
  g_autoptr(FdGraphParams) params = fd_graph_params_new ();

  fd_graph_params_set (params, "fields", "id,name,status");
  return fd_graph_client_call (client, "GET", TEST_EUR_ACCOUNT "/ads", params, NULL, error);
}

static void
test_paging (GraphFixture  *f,
             gconstpointer  data)
{
  g_autoptr(FdGraphClient) client = graph_fixture_client (f);
  g_autoptr(FdGraphParams) params = fd_graph_params_new ();
  g_autoptr(FdGraphPager) pager = NULL;
  g_autoptr(GPtrArray) expected = fd_graph_emulator_list_objects (f->emulator, TEST_EUR_ACCOUNT, FD_EMU_LEVEL_AD);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  const char *last_after = NULL;
  FdGraphResponse *page;

  fd_graph_params_set (params, "fields", "id,name");
  fd_graph_params_set_int (params, "limit", 5);
  pager = fd_graph_pager_new (client, TEST_EUR_ACCOUNT "/ads", params, NULL);

  while ((page = fd_graph_pager_next (pager, NULL, &error)) != NULL)
    {
      JsonArray *rows = fd_graph_response_get_data (page);

      g_assert_cmpuint (json_array_get_length (rows), <=, 5);
      for (guint i = 0; i < json_array_get_length (rows); i++)
        g_hash_table_add (seen, g_strdup (json_object_get_string_member (json_array_get_object_element (rows, i), "id")));

      /* The last page still has cursors.after; only next is gone. */
      if (fd_graph_pager_is_done (pager))
        {
          g_assert_nonnull (fd_graph_response_get_after (page));
          g_assert_null (fd_graph_response_get_next (page));
        }
      last_after = fd_graph_pager_get_after (pager);
      g_object_unref (page);
    }

  g_assert_no_error (error);
  g_assert_null (last_after);
  g_assert_cmpuint (fd_graph_pager_get_pages (pager), ==, (expected->len + 4) / 5);
  g_assert_cmpuint (g_hash_table_size (seen), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_true (g_hash_table_contains (seen, g_ptr_array_index (expected, i)));
}

static void
test_resume_pager (GraphFixture  *f,
                   gconstpointer  data)
{
  g_autoptr(FdGraphClient) client = graph_fixture_client (f);
  g_autoptr(FdGraphParams) params = fd_graph_params_new ();
  g_autoptr(FdGraphPager) first = NULL;
  g_autoptr(FdGraphPager) resumed = NULL;
  g_autoptr(FdGraphResponse) page1 = NULL;
  g_autoptr(FdGraphResponse) page2 = NULL;
  g_autoptr(FdGraphResponse) page2_again = NULL;
  g_autoptr(GError) error = NULL;

  fd_graph_params_set (params, "fields", "id");
  fd_graph_params_set_int (params, "limit", 4);
  first = fd_graph_pager_new (client, TEST_EUR_ACCOUNT "/ads", params, NULL);
  page1 = fd_graph_pager_next (first, NULL, &error);
  g_assert_no_error (error);

  /* A cursor saved after page 1 gives page 2 in a new pager. */
  resumed = fd_graph_pager_new (client, TEST_EUR_ACCOUNT "/ads", params, fd_graph_pager_get_after (first));
  page2 = fd_graph_pager_next (first, NULL, &error);
  g_assert_no_error (error);
  page2_again = fd_graph_pager_next (resumed, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (json_node_equal (json_object_get_member (fd_graph_response_get_object (page2), "data"),
                                  json_object_get_member (fd_graph_response_get_object (page2_again), "data")));
}

static void
test_retry_server_errors (GraphFixture  *f,
                          gconstpointer  data)
{
  g_autoptr(FdGraphClient) client = graph_fixture_client (f);
  g_autoptr(FdGraphResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  FdGraphClientStats stats;

  fd_graph_emulator_add_fault (f->emulator, FD_EMU_FAULT_SERVER_ERROR, "ads", 0, 2, 0);
  fd_graph_emulator_add_fault (f->emulator, FD_EMU_FAULT_UNAVAILABLE, "ads", 0, 1, 0);

  response = get_ads (client, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fd_graph_response_get_data (response));

  fd_graph_client_get_stats (client, &stats);
  g_assert_cmpuint (stats.requests, ==, 4);
  g_assert_cmpuint (stats.retries, ==, 3);
  g_assert_cmpint (stats.waited_us, >, 0);
}

static void
test_retry_timeout (GraphFixture  *f,
                    gconstpointer  data)
{
  g_autoptr(FdGraphClient) client = graph_fixture_client (f);
  g_autoptr(FdGraphResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  FdGraphClientStats stats;

  /* The emulator answers after 5 s; the client waits 1 s, then retries. */
  fd_graph_emulator_add_fault (f->emulator, FD_EMU_FAULT_TIMEOUT, "ads", 0, 1, 5000);

  response = get_ads (client, &error);
  g_assert_no_error (error);
  fd_graph_client_get_stats (client, &stats);
  g_assert_cmpuint (stats.requests, ==, 2);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 900 * 1000);
}

static void
test_retries_bounded (GraphFixture  *f,
                      gconstpointer  data)
{
  g_autoptr(FdGraphClient) client = graph_fixture_client (f);
  g_autoptr(FdGraphResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  fd_graph_client_set_max_retries (client, 3);
  fd_graph_emulator_add_fault (f->emulator, FD_EMU_FAULT_SERVER_ERROR, NULL, 0, -1, 0);

  response = get_ads (client, &error);
  g_assert_null (response);
  g_assert_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_TRANSIENT);
  g_assert_nonnull (strstr (error->message, "4 attempts"));
  g_assert_cmpuint (emulator_requests (f), ==, 4);
}

static void
test_malformed_and_truncated (GraphFixture  *f,
                              gconstpointer  data)
{
  g_autoptr(FdGraphClient) client = graph_fixture_client (f);
  g_autoptr(GError) error = NULL;
  FdGraphResponse *response;

  fd_graph_client_set_max_retries (client, 1);

  fd_graph_emulator_add_fault (f->emulator, FD_EMU_FAULT_MALFORMED, NULL, 0, -1, 0);
  response = get_ads (client, &error);
  g_assert_null (response);
  g_assert_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_MALFORMED_RESPONSE);
  g_assert_nonnull (strstr (error->message, "not valid JSON"));
  g_assert_cmpstr (fd_graph_error_get_kind (error), ==, "malformed");
  g_clear_error (&error);
  fd_graph_emulator_clear_faults (f->emulator);

  fd_graph_emulator_add_fault (f->emulator, FD_EMU_FAULT_TRUNCATED, NULL, 0, -1, 0);
  response = get_ads (client, &error);
  g_assert_null (response);
  g_assert_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_MALFORMED_RESPONSE);
  g_assert_nonnull (strstr (error->message, "cut off"));
  g_clear_error (&error);
  fd_graph_emulator_clear_faults (f->emulator);

  /* Once: retried and fine. */
  fd_graph_emulator_add_fault (f->emulator, FD_EMU_FAULT_TRUNCATED, NULL, 0, 1, 0);
  response = get_ads (client, &error);
  g_assert_no_error (error);
  g_object_unref (response);
}

static void
test_expired_token (GraphFixture  *f,
                    gconstpointer  data)
{
  g_autoptr(FdGraphClient) client = graph_fixture_client (f);
  g_autoptr(FdGraphClient) wrong = fd_graph_client_new (fd_graph_emulator_get_url (f->emulator), "v25.0",
                                                        "EAAWrongToken999");
  g_autoptr(FdGraphResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  guint64 before;

  fd_graph_emulator_add_fault (f->emulator, FD_EMU_FAULT_EXPIRED_TOKEN, NULL, 0, -1, 0);
  before = emulator_requests (f);
  response = get_ads (client, &error);
  g_assert_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_RECONNECT);
  g_assert_cmpint (fd_graph_error_get_info (error)->code, ==, 190);
  g_assert_cmpint (fd_graph_error_get_info (error)->subcode, ==, 463);
  g_assert_null (strstr (error->message, f->token));
  /* Never retried. */
  g_assert_cmpuint (emulator_requests (f) - before, ==, 1);
  g_clear_error (&error);
  fd_graph_emulator_clear_faults (f->emulator);

  response = get_ads (wrong, &error);
  g_assert_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_RECONNECT);
  g_assert_null (strstr (error->message, "EAAWrongToken999"));
}

static void
test_permission (GraphFixture  *f,
                 gconstpointer  data)
{
  g_autoptr(FdGraphClient) client = graph_fixture_client (f);
  g_autoptr(FdGraphResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  fd_graph_emulator_add_fault (f->emulator, FD_EMU_FAULT_PERMISSION, NULL, 0, 1, 0);
  response = get_ads (client, &error);
  g_assert_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "“ads_read”"));
  g_assert_cmpuint (fd_graph_error_get_info (error)->http_status, ==, 403);
  g_assert_cmpuint (emulator_requests (f), ==, 1);
}

static void
test_throttle_waits (GraphFixture  *f,
                     gconstpointer  data)
{
  g_autoptr(FdGraphClient) client = graph_fixture_client (f);
  g_autoptr(FdGraphResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  FdGraphEmulatorStats emulator;
  FdGraphClientStats stats;
  gint64 start = g_get_monotonic_time ();
  gint64 expected = (gint64)(2 * 60 * G_USEC_PER_SEC * TEST_TIME_SCALE);

  /* Access returns after 2 minutes (of the compressed clock). */
  fd_graph_emulator_add_fault (f->emulator, FD_EMU_FAULT_THROTTLE, "ads", 0, 1, 2);

  response = get_ads (client, &error);
  g_assert_no_error (error);

  fd_graph_client_get_stats (client, &stats);
  fd_graph_emulator_get_stats (f->emulator, &emulator);
  g_assert_cmpuint (stats.throttled, ==, 1);
  g_assert_cmpint (stats.waited_us, >=, expected);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, expected);
  /* It waited as told: no call while access was blocked. */
  g_assert_cmpuint (emulator.early_calls, ==, 0);
  g_assert_cmpuint (emulator.throttled, ==, 1);
}

static void
test_throttle_gives_up (GraphFixture  *f,
                        gconstpointer  data)
{
  g_autoptr(FdGraphClient) client = graph_fixture_client (f);
  g_autoptr(FdGraphResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  /* Access back in 30 minutes, but the client may wait 10. */
  fd_graph_client_set_max_wait (client, 600);
  fd_graph_emulator_add_fault (f->emulator, FD_EMU_FAULT_THROTTLE, "ads", 0, 1, 30);

  response = get_ads (client, &error);
  g_assert_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_THROTTLED);
  g_assert_nonnull (strstr (error->message, "Try again after"));
  g_assert_cmpint (fd_graph_error_get_info (error)->retry_at_us, >, g_get_real_time ());
  g_assert_cmpuint (emulator_requests (f), ==, 1);
}

static void
test_pacing (GraphFixture  *f,
             gconstpointer  data)
{
  g_autoptr(FdGraphClient) client = graph_fixture_client (f);
  FdGraphEmulatorStats emulator;
  FdGraphClientStats stats;

  /* 10 calls an hour: the client slows down from 75 % on, and its tenth
   * call is still within the quota. */
  fd_graph_emulator_set_quota (f->emulator, 10);
  for (int i = 0; i < 10; i++)
    {
      g_autoptr(FdGraphResponse) response = NULL;
      g_autoptr(GError) error = NULL;

      response = get_ads (client, &error);
      g_assert_no_error (error);
    }

  fd_graph_client_get_stats (client, &stats);
  fd_graph_emulator_get_stats (f->emulator, &emulator);
  g_assert_cmpuint (stats.paced, >=, 2);
  g_assert_cmpuint (emulator.throttled, ==, 0);
}

static void
test_appsecret_proof (GraphFixture  *f,
                      gconstpointer  data)
{
  g_autoptr(FdGraphClient) client = graph_fixture_client (f);
  g_autoptr(FdGraphResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  fd_graph_emulator_set_app_secret (f->emulator, "s3cret-app");

  response = get_ads (client, &error);
  g_assert_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_INVALID_REQUEST);
  g_assert_nonnull (strstr (error->message, "appsecret_proof"));
  g_clear_error (&error);

  fd_graph_client_set_app_secret (client, "wrong");
  response = get_ads (client, &error);
  g_assert_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_INVALID_REQUEST);
  g_clear_error (&error);

  fd_graph_client_set_app_secret (client, "s3cret-app");
  response = get_ads (client, &error);
  g_assert_no_error (error);
  g_assert_nonnull (response);
}

static void
test_deprecated_version (GraphFixture  *f,
                         gconstpointer  data)
{
  g_autoptr(FdGraphClient) client = fd_graph_client_new (fd_graph_emulator_get_url (f->emulator), "v22.0",
                                                         f->token);
  g_autoptr(FdGraphResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  response = get_ads (client, &error);
  g_assert_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_DEPRECATED_VERSION);
  g_assert_nonnull (strstr (error->message, "v25.0"));
}

static void
on_status_set (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GError **error = user_data;

  fd_graph_client_set_status_finish (FD_GRAPH_CLIENT (object), result, error);
  *(gboolean *)g_object_get_data (object, "done") = TRUE;
}

static void
on_budget_set (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GError **error = user_data;

  fd_graph_client_set_budget_finish (FD_GRAPH_CLIENT (object), result, error);
  *(gboolean *)g_object_get_data (object, "done") = TRUE;
}

static gboolean
is_done (gpointer data)
{
  return *(gboolean *)data;
}

static void
test_writes (GraphFixture  *f,
             gconstpointer  data)
{
  g_autoptr(FdGraphClient) client = graph_fixture_client (f);
  g_autoptr(GPtrArray) adsets = fd_graph_emulator_list_objects (f->emulator, TEST_EUR_ACCOUNT, FD_EMU_LEVEL_ADSET);
  g_autoptr(GPtrArray) ads = fd_graph_emulator_list_objects (f->emulator, TEST_EUR_ACCOUNT, FD_EMU_LEVEL_AD);
  const char *adset = g_ptr_array_index (adsets, 0);
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;
  guint64 before;

  g_object_set_data (G_OBJECT (client), "done", &done);

  /* Asynchronously, as the triage engine will. */
  fd_graph_client_set_status_async (client, g_ptr_array_index (ads, 0), "PAUSED", NULL, on_status_set, &error);
  graph_wait_until (is_done, &done, 5000);
  g_assert_no_error (error);

  for (int i = 0; i < 4; i++)
    {
      done = FALSE;
      fd_graph_client_set_daily_budget_async (client, adset, 5000 + i * 100, NULL, on_budget_set, &error);
      graph_wait_until (is_done, &done, 5000);
      g_assert_no_error (error);
    }

  /* The fifth change within the hour is Meta's 613/1487632. */
  done = FALSE;
  fd_graph_client_set_daily_budget_async (client, adset, 6000, NULL, on_budget_set, &error);
  graph_wait_until (is_done, &done, 5000);
  g_assert_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_BUDGET_LIMIT);
  g_assert_nonnull (strstr (error->message, "four budget changes"));
  g_clear_error (&error);

  g_assert_false (fd_graph_client_set_budget (client, g_ptr_array_index (adsets, 1), FD_GRAPH_BUDGET_DAILY, 50,
                                              NULL, &error));
  g_assert_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_INVALID_REQUEST);
  g_assert_cmpint (fd_graph_error_get_info (error)->subcode, ==, 1885272);
  g_assert_nonnull (strstr (error->message, "too low"));
  g_clear_error (&error);

  /* Refused before any request. */
  before = emulator_requests (f);
  g_assert_false (fd_graph_client_set_status (client, adset, "PAUSE", NULL, &error));
  g_assert_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_INVALID_REQUEST);
  g_assert_cmpuint (emulator_requests (f), ==, before);
  g_clear_error (&error);

  g_assert_false (fd_graph_client_set_status (client, "999999", "PAUSED", NULL, &error));
  g_assert_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_NOT_FOUND);
}

static void
on_progress (FdGraphReportRun *run,
             int               percent,
             gpointer          user_data)
{
  g_ptr_array_add (user_data, GINT_TO_POINTER (percent));
}

static void
test_report_run (GraphFixture  *f,
                 gconstpointer  data)
{
  g_autoptr(FdGraphClient) client = graph_fixture_client (f);
  g_autoptr(FdGraphParams) params = fd_graph_params_new ();
  g_autoptr(FdGraphParams) page_params = fd_graph_params_new ();
  g_autoptr(FdGraphReportRun) run = NULL;
  g_autoptr(FdGraphReportRun) failing = NULL;
  g_autoptr(FdGraphPager) pager = NULL;
  g_autoptr(GPtrArray) percents = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *since = graph_day (f, TEST_EUR_ACCOUNT, 20);
  g_autofree char *until = graph_day (f, TEST_EUR_ACCOUNT, 10);
  FdGraphResponse *page;
  guint rows = 0;

  fd_graph_emulator_set_report_delay (f->emulator, 200);
  fd_graph_params_set (params, "level", "ad");
  fd_graph_params_set (params, "fields", "ad_id,spend,impressions");
  fd_graph_params_set (params, "time_increment", "1");
  fd_graph_params_set_time_range (params, since, until);

  run = fd_graph_report_run_start (client, TEST_EUR_ACCOUNT "/insights", params, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (fd_graph_report_run_wait (run, on_progress, percents, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fd_graph_report_run_get_status (run), ==, FD_GRAPH_REPORT_COMPLETED);
  g_assert_cmpint (GPOINTER_TO_INT (g_ptr_array_index (percents, percents->len - 1)), ==, 100);

  fd_graph_params_set_int (page_params, "limit", 25);
  pager = fd_graph_report_run_new_pager (run, page_params, NULL);
  while ((page = fd_graph_pager_next (pager, NULL, &error)) != NULL)
    {
      rows += json_array_get_length (fd_graph_response_get_data (page));
      g_object_unref (page);
    }
  g_assert_no_error (error);
  g_assert_cmpuint (rows, >, 25);

  g_assert_cmpint (fd_graph_report_status_from_string ("Job Skipped"), ==, FD_GRAPH_REPORT_SKIPPED);
  g_assert_cmpint (fd_graph_report_status_from_string ("Job Not Started"), ==, FD_GRAPH_REPORT_NOT_STARTED);

  fd_graph_emulator_add_fault (f->emulator, FD_EMU_FAULT_REPORT_FAILED, NULL, 0, 1, 0);
  failing = fd_graph_report_run_start (client, TEST_EUR_ACCOUNT "/insights", params, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (fd_graph_report_run_wait (failing, NULL, NULL, NULL, &error));
  g_assert_error (error, FD_GRAPH_ERROR, FD_GRAPH_ERROR_REPORT_FAILED);
  g_assert_cmpint (fd_graph_error_get_info (error)->subcode, ==, 2490547);
}

static void
on_call_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  FdGraphResponse **response = user_data;
  g_autoptr(GError) error = NULL;

  *response = fd_graph_client_call_finish (FD_GRAPH_CLIENT (object), result, &error);
  g_assert_no_error (error);
}

static gboolean
has_response (gpointer data)
{
  return *(FdGraphResponse **)data != NULL;
}

static void
test_async_call (GraphFixture  *f,
                 gconstpointer  data)
{
  g_autoptr(FdGraphClient) client = graph_fixture_client (f);
  g_autoptr(FdGraphResponse) response = NULL;

  fd_graph_client_call_async (client, "GET", TEST_JPY_ACCOUNT, NULL, NULL, on_call_done, &response);
  graph_wait_until (has_response, &response, 5000);
  g_assert_cmpstr (json_object_get_string_member (fd_graph_response_get_object (response), "id"),
                   ==, TEST_JPY_ACCOUNT);
}

#define ADD(name, func) \
  g_test_add (name, GraphFixture, NULL, graph_fixture_set_up, func, graph_fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  graph_test_init (&argc, &argv);

  g_test_add_func ("/graph/currency", test_currency);
  g_test_add_func ("/graph/params", test_params);
  g_test_add_func ("/graph/usage-headers", test_usage_headers);
  g_test_add_func ("/graph/envelopes", test_envelopes);
  g_test_add_func ("/graph/json-numbers", test_json_numbers);
  g_test_add_func ("/graph/redact", test_redact);
  g_test_add_func ("/graph/pages", test_pages);
  ADD ("/graph/client/paging", test_paging);
  ADD ("/graph/client/resume-pager", test_resume_pager);
  ADD ("/graph/client/retry-server-errors", test_retry_server_errors);
  ADD ("/graph/client/retry-timeout", test_retry_timeout);
  ADD ("/graph/client/retries-bounded", test_retries_bounded);
  ADD ("/graph/client/malformed-and-truncated", test_malformed_and_truncated);
  ADD ("/graph/client/expired-token", test_expired_token);
  ADD ("/graph/client/permission", test_permission);
  ADD ("/graph/client/throttle-waits", test_throttle_waits);
  ADD ("/graph/client/throttle-gives-up", test_throttle_gives_up);
  ADD ("/graph/client/pacing", test_pacing);
  ADD ("/graph/client/appsecret-proof", test_appsecret_proof);
  ADD ("/graph/client/deprecated-version", test_deprecated_version);
  ADD ("/graph/client/writes", test_writes);
  ADD ("/graph/client/report-run", test_report_run);
  ADD ("/graph/client/async-call", test_async_call);

  return g_test_run ();
}
