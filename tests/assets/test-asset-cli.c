/* test-asset-cli.c: asset, review and policy commands as a script uses
 * them: output, JSON keys, exit statuses
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "asset-fixture.h"
#include "fd-test-media.h"
#include "fd-test-util.h"

static char *media_dir;

#define RUN(f, status, err, ...) fd_test_run_cli ((f)->path, status, err, __VA_ARGS__, NULL)

static char *
media_path (const char *name)
{
  return g_build_filename (media_dir, name, NULL);
}

static void
make_media (void)
{
  g_autoptr(GError) error = NULL;
  FdTestVideo a = { "mp4", 320, 240, 30, 1, 30, FALSE, -1, -1 };
  FdTestVideo b = { "mp4", 320, 240, 30, 1, 30, FALSE, 5, 9 };
  g_autofree char *hero = NULL;
  g_autofree char *hero2 = NULL;
  g_autofree char *notes = NULL;

  media_dir = fd_test_tmpdir_new ();
  hero = media_path ("hero.mp4");
  hero2 = media_path ("hero-v2.mp4");
  notes = media_path ("notes.txt");
  fd_test_media_write_video (hero, &a, &error);
  g_assert_no_error (error);
  fd_test_media_write_video (hero2, &b, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (notes, "Not a video.\n", -1, NULL));
}

static void
assert_error_line (const char *err,
                   const char *fragment)
{
  g_assert_true (g_str_has_prefix (err, "flightdeck-cli: "));
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
  if (fragment != NULL && strstr (err, fragment) == NULL)
    g_error ("“%s” does not say “%s”", err, fragment);
}

/* Runs a command that must succeed and returns what it printed. */
static char *
run_ok (AssetFixture *f,
        const char   *first,
        ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, g_strdup (g_getenv ("FLIGHTDECK_CLI")));
  g_ptr_array_add (argv, g_strdup ("--workspace"));
  g_ptr_array_add (argv, g_strdup (f->path));
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *)argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (g_subprocess_get_exit_status (process) != 0)
    g_error ("%s failed: %s", first, err);

  return g_steal_pointer (&out);
}

static JsonObject *
parse_object (const char *json,
              JsonNode  **holder)
{
  g_autoptr(GError) error = NULL;

  *holder = json_from_string (json, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (*holder));
  return json_node_get_object (*holder);
}

static void
test_import_review_upload (AssetFixture  *f,
                           gconstpointer  data)
{
  g_autofree char *hero = media_path ("hero.mp4");
  g_autofree char *hero2 = media_path ("hero-v2.mp4");
  g_autofree char *brief = g_strdup_printf ("%" G_GINT64_FORMAT, f->brief);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *asset;
  JsonArray *versions;
  JsonObject *v1;
  JsonArray *reviewers;
  int status;

  out = run_ok (f, "asset", "import", hero, "--brief", brief, "--as", "aiko", NULL);
  g_assert_cmpstr (out, ==, "1 1\n");
  g_clear_pointer (&out, g_free);
  out = run_ok (f, "asset", "import", hero2, "--asset", "1", "--note", "Cooler grade", "--as", "aiko", NULL);
  g_assert_cmpstr (out, ==, "1 2\n");
  g_clear_pointer (&out, g_free);

  /* The same file again: refused, one line, exit 1. */
  out = RUN (f, &status, &err, "asset", "import", hero, "--asset", "1", "--as", "aiko");
  g_assert_cmpint (status, ==, 1);
  assert_error_line (err, "This is the same file as version 1 of “hero”");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  out = run_ok (f, "asset", "show", "1", "--json", NULL);
  asset = parse_object (out, &node);
  g_assert_cmpint (json_object_get_int_member (asset, "id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (asset, "kind"), ==, "video");
  g_assert_cmpstr (json_object_get_string_member (asset, "state"), ==, "draft");
  g_assert_cmpint (json_object_get_int_member (asset, "version"), ==, 2);
  versions = json_object_get_array_member (asset, "versions");
  g_assert_cmpuint (json_array_get_length (versions), ==, 2);
  v1 = json_array_get_object_element (versions, 0);
  g_assert_cmpint (json_object_get_int_member (v1, "number"), ==, 1);
  g_assert_cmpuint (strlen (json_object_get_string_member (v1, "sha256")), ==, 64);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (v1, "probe"), "width"), ==, 320);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (v1, "probe"), "video_codec"), ==, "h264");
  g_assert_false (json_object_get_boolean_member (json_object_get_object_member (v1, "probe"), "has_audio"));
  g_assert_true (g_file_test (json_object_get_string_member (v1, "thumbnail"), G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (versions, 1), "note"), ==, "Cooler grade");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (asset, "reviewers")), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&node, json_node_unref);

  out = run_ok (f, "asset", "move", "1", "in-review", "--as", "aiko", NULL);
  g_assert_cmpstr (out, ==, "1 in-review\n");
  g_clear_pointer (&out, g_free);
  /* The 320×240 test clip fails the Stories placement its brief requires:
   * approval is refused until a required reviewer overrides it
   * with a reason. */
  out = RUN (f, &status, &err, "review", "1", "approve", "--as", "maya");
  g_assert_cmpint (status, ==, 1);
  assert_error_line (err, "override Stories with a written reason");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = RUN (f, &status, &err, "review", "1", "override", "stories", "--as", "maya");
  g_assert_cmpint (status, ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_free (run_ok (f, "review", "1", "override", "stories", "--reason", "Stories gets the 9:16 cut; this one runs in Feed",
                  "--as", "maya", NULL));

  out = run_ok (f, "review", "1", "approve", "--as", "maya", NULL);
  g_assert_cmpstr (out, ==, "1 in-review\n");
  g_clear_pointer (&out, g_free);

  out = run_ok (f, "asset", "show", "1", "--json", NULL);
  asset = parse_object (out, &node);
  g_assert_cmpstr (json_object_get_string_member (asset, "state"), ==, "in-review");
  reviewers = json_object_get_array_member (asset, "reviewers");
  g_assert_cmpuint (json_array_get_length (reviewers), ==, 3);
  for (guint i = 0; i < json_array_get_length (reviewers); i++)
    {
      JsonObject *r = json_array_get_object_element (reviewers, i);
      const char *name = json_object_get_string_member (r, "name");

      if (g_str_equal (name, "Maya Lindqvist"))
        g_assert_cmpstr (json_object_get_string_member (r, "decision"), ==, "approved");
      else
        g_assert_true (json_object_get_null_member (r, "decision"));
      g_assert_cmpint (json_object_get_boolean_member (r, "required"), ==, !g_str_equal (name, "Dana Whitfield"));
    }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&node, json_node_unref);

  out = run_ok (f, "review", "1", "approve", "--as", "grace", NULL);
  g_assert_cmpstr (out, ==, "1 approved\n");
  g_clear_pointer (&out, g_free);

  out = run_ok (f, "asset", "list", "--state", "approved", "--json", NULL);
  node = json_from_string (out, NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_node_get_array (node), 0),
                                                  "state"), ==, "approved");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&node, json_node_unref);

  out = run_ok (f, "asset", "upload", "1", "--as", "dana", NULL);
  g_assert_true (g_str_has_prefix (out, "1 uploaded "));
  g_clear_pointer (&out, g_free);

  out = run_ok (f, "audit", "verify", NULL);
  g_assert_nonnull (strstr (out, "verifies"));
}

static void
test_refusals_and_usage (AssetFixture  *f,
                         gconstpointer  data)
{
  g_autofree char *hero = media_path ("hero.mp4");
  g_autofree char *notes = media_path ("notes.txt");
  struct {
    const char *args[8];
    int         status;
    const char *fragment;
  } cases[] = {
    { { "asset", "move", "1", "approved", "--as", "aiko" }, 1, "cannot go to Approved by hand" },
    { { "asset", "move", "1", "archived", "--as", "aiko" }, 1, "needs a reason" },
    { { "asset", "move", "1", "flying", "--as", "aiko" }, 2, "“flying” is not a state; states: draft, in-review, revision-requested, approved, uploaded, archived." },
    { { "asset", "move", "one", "draft", "--as", "aiko" }, 2, "is not an asset id" },
    { { "asset", "move", "99", "archived", "--reason", "x", "--as", "dana" }, 1, "There is no asset 99." },
    { { "asset", "import", notes, "--as", "aiko" }, 1, "“notes.txt” is not a video or an image." },
    { { "asset", "import", hero, "--kind", "poster" }, 2, "not a kind of asset" },
    { { "asset", "import" }, 2, NULL },
    { { "review", "1", "maybe", "--as", "maya" }, 2, "use approve, request-changes, comment, reply, edit, resolve, reopen or override" },
    { { "review", "1", "approve", "--as", "maya" }, 1, "is Draft, not In Review" },
    { { "asset", "list", "--state", "done" }, 2, "not a state" },
    { { "policy", "set", "video" }, 2, "needs --required" },
    { { "policy", "set", "video", "--required", "nobody", "--as", "maya" }, 1, "Nobody on the roster matches" },
  };
  g_autofree char *out = NULL;

  g_free (run_ok (f, "asset", "import", hero, "--as", "aiko", NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *err = NULL;
      int status;

      g_test_message ("%s %s", cases[i].args[0], cases[i].args[1]);
      g_free (fd_test_run_cli (f->path, &status, &err, cases[i].args[0], cases[i].args[1],
                               cases[i].args[2], cases[i].args[3], cases[i].args[4],
                               cases[i].args[5], cases[i].args[6], cases[i].args[7], NULL));
      g_assert_cmpint (status, ==, cases[i].status);
      assert_error_line (err, cases[i].fragment);
    }

  /* Nothing of that changed the asset. */
  out = run_ok (f, "asset", "list", "--json", NULL);
  g_assert_nonnull (strstr (out, "\"state\" : \"draft\""));
}

static void
test_text_assets_and_policy (AssetFixture  *f,
                             gconstpointer  data)
{
  g_autofree char *brief = g_strdup_printf ("%" G_GINT64_FORMAT, f->brief);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;
  JsonArray *required;
  int status;

  g_free (run_ok (f, "policy", "set", "headline", "--required", "priya,grace", "--optional", "maya",
                  "--as", "priya", NULL));
  out = run_ok (f, "policy", "list", "--json", NULL);
  object = parse_object (out, &node);
  required = json_object_get_array_member (json_object_get_object_member (object, "headline"), "required");
  g_assert_cmpuint (json_array_get_length (required), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (required, 0), "name"), ==,
                   "Grace Okafor");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&node, json_node_unref);

  out = run_ok (f, "asset", "create", "--kind", "headline", "--name", "Tagline", "--text",
                "Grip that holds", "--brief", brief, "--as", "jonah", NULL);
  g_assert_cmpstr (out, ==, "1 1\n");
  g_clear_pointer (&out, g_free);
  out = run_ok (f, "asset", "edit", "1", "--text", "Wet granite. Full grip.", "--note", "Shorter",
                "--as", "jonah", NULL);
  g_assert_cmpstr (out, ==, "1 2\n");
  g_clear_pointer (&out, g_free);

  out = RUN (f, &status, &err, "asset", "edit", "1", "--text", "Wet granite. Full grip.", "--as", "jonah");
  g_assert_cmpint (status, ==, 1);
  assert_error_line (err, "same text as version 2");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  out = run_ok (f, "asset", "group", "create", "Ridgeline DCO", "--brief", brief, "--as", "jonah", NULL);
  g_assert_cmpstr (out, ==, "1\n");
  g_clear_pointer (&out, g_free);
  g_free (run_ok (f, "asset", "set", "1", "--group", "1", "--campaign", "Spring launch", "--due",
                  "2026-12-01", "--as", "jonah", NULL));

  out = run_ok (f, "asset", "show", "1", "--json", NULL);
  object = parse_object (out, &node);
  g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, "headline");
  g_assert_cmpstr (json_object_get_string_member (object, "group"), ==, "Ridgeline DCO");
  g_assert_cmpstr (json_object_get_string_member (object, "campaign"), ==, "Spring launch");
  g_assert_cmpstr (json_object_get_string_member (object, "due"), ==, "2026-12-01");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (object, "versions"), 1), "text"), ==,
                   "Wet granite. Full grip.");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&node, json_node_unref);

  g_free (run_ok (f, "asset", "move", "1", "in-review", "--as", "jonah", NULL));
  out = RUN (f, &status, &err, "review", "1", "request-changes", "--as", "grace");
  g_assert_cmpint (status, ==, 1);
  assert_error_line (err, "needs feedback");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = run_ok (f, "review", "1", "request-changes", "--feedback", "Say wet granite", "--as", "grace", NULL);
  g_assert_cmpstr (out, ==, "1 revision-requested\n");
  g_clear_pointer (&out, g_free);

  out = run_ok (f, "asset", "history", "1", "--json", NULL);
  g_assert_nonnull (strstr (out, "Grace Okafor requested changes on version 2: “Say wet granite”"));
}

static void
test_tampering (AssetFixture  *f,
                gconstpointer  data)
{
  g_autofree char *hero = media_path ("hero.mp4");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *stored = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *asset;
  FILE *file;
  int status;

  g_free (run_ok (f, "asset", "import", hero, "--as", "aiko", NULL));
  g_free (run_ok (f, "asset", "move", "1", "in-review", "--as", "aiko", NULL));
  g_free (run_ok (f, "review", "1", "approve", "--as", "maya", NULL));
  g_free (run_ok (f, "review", "1", "approve", "--as", "grace", NULL));
  g_free (run_ok (f, "audit", "verify", NULL));

  out = run_ok (f, "asset", "show", "1", "--json", NULL);
  asset = parse_object (out, &node);
  stored = fd_media_store_get_path (fd_workspace_get_media_store (f->ws),
                                    json_object_get_string_member (asset, "sha256"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&node, json_node_unref);

  /* The approved file is changed on disk: no upload, state unchanged. */
  g_assert_cmpint (g_chmod (stored, 0644), ==, 0);
  file = fopen (stored, "r+b");
  g_assert_nonnull (file);
  fputs ("XXXX", file);
  fclose (file);

  out = RUN (f, &status, &err, "asset", "upload", "1", "--as", "dana");
  g_assert_cmpint (status, ==, 1);
  assert_error_line (err, "was changed on disk after it was imported");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = RUN (f, &status, &err, "asset", "verify", "1");
  g_assert_cmpint (status, ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  out = run_ok (f, "asset", "show", "1", "--json", NULL);
  asset = parse_object (out, &node);
  g_assert_cmpstr (json_object_get_string_member (asset, "state"), ==, "approved");
  g_clear_pointer (&out, g_free);

  /* A state written behind Flightdeck's back is found by audit verify. */
  asset_fixture_tamper (f, "UPDATE asset SET state = 'uploaded' WHERE id = 1");
  out = RUN (f, &status, &err, "audit", "verify");
  g_assert_cmpint (status, ==, 1);
  assert_error_line (err, "asset 1 was changed outside Flightdeck");
}

static void
test_demo (void)
{
  g_autofree char *dir = fd_test_tmpdir_new ();
  g_autofree char *ws = g_build_filename (dir, "demo", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) list = NULL;
  gboolean seen[FD_ASSET_N_STATES + 1] = { FALSE };
  JsonArray *assets;
  int status;

  out = fd_test_run_cli (ws, &status, &err, "demo", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "Assets:      13"));
  g_assert_nonnull (strstr (out, "chain verified"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Built once: a second run adds nothing. */
  out = fd_test_run_cli (ws, &status, &err, "demo", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "Assets:      13"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Every column of the board has something; media have thumbnails. */
  out = fd_test_run_cli (ws, &status, &err, "asset", "list", "--json", NULL);
  g_assert_cmpint (status, ==, 0);
  list = json_from_string (out, NULL);
  assets = json_node_get_array (list);
  g_assert_cmpuint (json_array_get_length (assets), ==, 13);
  for (guint i = 0; i < json_array_get_length (assets); i++)
    {
      JsonObject *asset = json_array_get_object_element (assets, i);
      FdAssetKind kind = fd_asset_kind_from_string (json_object_get_string_member (asset, "kind"));
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (asset, "id"));
      g_autofree char *shown = NULL;
      g_autofree char *show_err = NULL;
      g_autoptr(JsonNode) show = NULL;
      JsonArray *versions;

      seen[fd_asset_state_from_string (json_object_get_string_member (asset, "state"))] = TRUE;
      if (!fd_asset_kind_is_media (kind))
        continue;

      shown = fd_test_run_cli (ws, &status, &show_err, "asset", "show", id, "--json", NULL);
      show = json_from_string (shown, NULL);
      versions = json_object_get_array_member (json_node_get_object (show), "versions");
      for (guint v = 0; v < json_array_get_length (versions); v++)
        g_assert_true (g_file_test (json_object_get_string_member (json_array_get_object_element (versions, v),
                                                                   "thumbnail"),
                                    G_FILE_TEST_IS_REGULAR));
    }
  for (FdAssetState state = FD_ASSET_STATE_DRAFT; state <= FD_ASSET_N_STATES; state++)
    g_assert_true (seen[state]);

  fd_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_unsetenv ("FLIGHTDECK_WORKSPACE");
  make_media ();

  ASSET_TEST ("/assets/cli/import-review-upload", test_import_review_upload);
  ASSET_TEST ("/assets/cli/refusals-and-usage", test_refusals_and_usage);
  ASSET_TEST ("/assets/cli/text-assets-and-policy", test_text_assets_and_policy);
  ASSET_TEST ("/assets/cli/tampering", test_tampering);
  g_test_add_func ("/assets/cli/demo", test_demo);

  status = g_test_run ();
  fd_test_tmpdir_free (media_dir);
  return status;
}
