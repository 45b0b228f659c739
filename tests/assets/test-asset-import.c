/* test-asset-import.c: importing media as asset versions — probe, dedup,
 * thumbnails, bad files, and the upload's hash check on stored files
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gst/gst.h>
#include <sys/stat.h>

#include "asset-fixture.h"
#include "fd-asset-importer.h"
#include "fd-asset-list.h"
#include "fd-media-error.h"
#include "fd-media-probe.h"
#include "fd-placement-gate.h"
#include "fd-test-media.h"
#include "fd-test-util.h"

/* Made once for the whole program: encoding is the slow part. */
static char *media_dir;

static char *
media_path (const char *name)
{
  return g_build_filename (media_dir, name, NULL);
}

static void
write_video (const char        *name,
             const FdTestVideo *spec)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = media_path (name);

  fd_test_media_write_video (path, spec, &error);
  g_assert_no_error (error);
}

static void
write_truncated (const char *from,
                 const char *name,
                 double      keep)
{
  g_autofree char *source = media_path (from);
  g_autofree char *path = media_path (name);
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (source, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (path, contents, (gssize)(len * keep), NULL));
}

/* The file up to its index: every box complete, but no moov. */
static void
write_without_index (const char *from,
                     const char *name)
{
  g_autofree char *source = media_path (from);
  g_autofree char *path = media_path (name);
  g_autofree char *contents = NULL;
  gsize len, offset = 0;

  g_assert_true (g_file_get_contents (source, &contents, &len, NULL));
  while (offset + 8 <= len && memcmp (contents + offset + 4, "moov", 4) != 0)
    offset += GST_READ_UINT32_BE (contents + offset);
  g_assert_cmpuint (offset + 8, <=, len);
  g_assert_true (g_file_set_contents (path, contents, offset, NULL));
}

/* One second of picture with 1.15 s of sound, as editors often export. */
static void
write_overhang (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;
  g_autofree char *path = media_path (name);
  g_autofree char *description = NULL;

  description = g_strdup_printf ("videotestsrc num-buffers=30 ! video/x-raw,width=320,height=240,"
                                 "framerate=30/1 ! videoconvert ! x264enc speed-preset=ultrafast ! "
                                 "h264parse ! mp4mux name=mux ! filesink location=\"%s\" "
                                 "audiotestsrc num-buffers=54 samplesperbuffer=1024 ! "
                                 "audio/x-raw,rate=48000,channels=2 ! audioconvert ! avenc_aac ! mux.",
                                 path);
  pipeline = gst_parse_launch (description, &error);
  g_assert_no_error (error);
  gst_object_ref_sink (pipeline);
  bus = gst_element_get_bus (pipeline);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  message = gst_bus_timed_pop_filtered (bus, 60 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  gst_element_set_state (pipeline, GST_STATE_NULL);
  g_assert_nonnull (message);
  g_assert_cmpint (GST_MESSAGE_TYPE (message), ==, GST_MESSAGE_EOS);
}

static void
make_media (void)
{
  g_autoptr(GError) error = NULL;
  FdTestVideo a = { "mp4", 320, 240, 30, 1, 30, FALSE, -1, -1 };
  FdTestVideo b = { "mp4", 320, 240, 30, 1, 30, FALSE, 10, 20 };
  FdTestVideo portrait = { "webm", 240, 320, 25, 1, 40, FALSE, -1, -1 };
  g_autofree char *still = NULL;
  g_autofree char *voice = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *notes = NULL;

  media_dir = fd_test_tmpdir_new ();
  write_video ("hero.mp4", &a);
  write_video ("hero-v2.mp4", &b);
  write_video ("story.webm", &portrait);
  write_truncated ("hero.mp4", "cut.mp4", 0.6);
  write_truncated ("story.webm", "cut.webm", 0.5);
  write_without_index ("hero.mp4", "noindex.mp4");
  write_overhang ("overhang.mp4");

  still = media_path ("feed.png");
  fd_test_media_write_image (still, 400, 500, &error);
  g_assert_no_error (error);
  voice = media_path ("voice.ogg");
  fd_test_media_write_audio (voice, &error);
  g_assert_no_error (error);
  empty = media_path ("empty.mp4");
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  notes = media_path ("notes.mp4");
  g_assert_true (g_file_set_contents (notes, "Notes for v3, not a video.\n", -1, NULL));
}

/*
 * Helpers
 */

static gboolean
import (AssetFixture        *f,
        const char          *name,
        gint64               person,
        gint64               asset_id,
        FdAssetKind          kind,
        FdAssetImportResult *result,
        GError             **error)
{
  g_autoptr(FdAssetImportRequest) request = fd_asset_import_request_new ();
  g_autofree char *path = media_path (name);

  request->person_id = person;
  request->asset_id = asset_id;
  request->kind = kind;
  request->brief_id = asset_id ? 0 : f->brief;
  return fd_asset_import_file (f->ws, request, path, result, NULL, error);
}

static FdAssetImportResult
import_ok (AssetFixture *f,
           const char   *name,
           gint64        asset_id)
{
  g_autoptr(GError) error = NULL;
  FdAssetImportResult result = { 0 };

  g_assert_true (import (f, name, f->aiko, asset_id, FD_ASSET_KIND_NONE, &result, &error));
  g_assert_no_error (error);
  return result;
}

static guint
count_files (const char *dir,
             gboolean    recurse)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (handle && (name = g_dir_read_name (handle)))
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        n += recurse ? count_files (child, TRUE) : 0;
      else
        n++;
    }

  return n;
}

/* Stored files, not counting what is being imported. */
static guint
count_stored (AssetFixture *f)
{
  const char *root = fd_media_store_get_root (fd_workspace_get_media_store (f->ws));
  g_autoptr(GDir) handle = g_dir_open (root, 0, NULL);
  const char *name;
  guint n = 0;

  while (handle && (name = g_dir_read_name (handle)))
    {
      g_autofree char *child = g_build_filename (root, name, NULL);

      if (!g_str_equal (name, ".incoming"))
        n += count_files (child, FALSE);
    }

  return n;
}

static guint
count_incoming (AssetFixture *f)
{
  g_autofree char *dir = g_build_filename (f->path, "media", ".incoming", NULL);

  return count_files (dir, TRUE);
}

static guint
count_thumbnails (AssetFixture *f)
{
  g_autofree char *dir = fd_workspace_dup_cache_dir (f->ws, "thumbnails");

  return count_files (dir, FALSE);
}

static guint
count_assets (AssetFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) assets = fd_asset_list_all (f->store, &error);

  g_assert_no_error (error);
  return assets->len;
}

static char *
thumbnail_of (AssetFixture *f,
              const char   *sha)
{
  g_autofree char *dir = fd_workspace_dup_cache_dir (f->ws, "thumbnails");
  g_autofree char *name = g_strconcat (sha, ".png", NULL);

  return g_build_filename (dir, name, NULL);
}

/*
 * Tests
 */

static void
test_import_video (AssetFixture  *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdAsset) asset = NULL;
  g_autoptr(FdAssetVersion) version = NULL;
  g_autoptr(FdMediaInfo) thumb = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *png = NULL;
  g_autofree char *source = media_path ("hero.mp4");
  FdAssetImportResult result = import_ok (f, "hero.mp4", 0);
  const FdMediaInfo *info;
  GStatBuf st;

  g_assert_true (result.new_asset);
  g_assert_true (result.new_file);
  g_assert_cmpint (result.version, ==, 1);

  asset = fd_asset_get (f->store, result.asset_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fd_asset_get_kind (asset), ==, FD_ASSET_KIND_VIDEO);
  g_assert_cmpstr (fd_asset_get_name (asset), ==, "hero");
  g_assert_cmpint (fd_asset_get_brief_id (asset), ==, f->brief);
  g_assert_cmpint (fd_asset_get_state (asset), ==, FD_ASSET_STATE_DRAFT);

  /* The probe's findings are part of the version. */
  version = fd_asset_find_version (f->store, result.asset_id, 1, &error);
  g_assert_no_error (error);
  info = fd_asset_version_get_media_info (version);
  g_assert_nonnull (info);
  g_assert_cmpstr (info->container, ==, "mp4");
  g_assert_cmpstr (info->video_codec, ==, "h264");
  g_assert_cmpint (info->width, ==, 320);
  g_assert_cmpint (info->height, ==, 240);
  g_assert_cmpint (info->fps_n, ==, 30);
  g_assert_false (fd_media_info_has_audio (info));
  g_assert_cmpstr (fd_asset_version_get_filename (version), ==, "hero.mp4");

  /* Stored once, read-only, under the hash of its bytes. */
  sha = fd_media_store_hash_file (source, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (result.sha256, ==, sha);
  g_assert_cmpstr (fd_asset_version_get_sha256 (version), ==, sha);
  stored = fd_media_store_get_path (fd_workspace_get_media_store (f->ws), sha);
  g_assert_cmpint (g_stat (stored, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0222, ==, 0);
  g_assert_cmpint (fd_asset_version_get_size (version), ==, st.st_size);
  g_assert_cmpuint (count_stored (f), ==, 1);
  g_assert_cmpuint (count_incoming (f), ==, 0);

  /* A thumbnail, cached by hash. */
  png = thumbnail_of (f, sha);
  thumb = fd_media_probe_file (png, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (thumb->is_image);
  g_assert_cmpint (thumb->width, ==, 320);
}

static void
test_import_image (AssetFixture  *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdAsset) asset = NULL;
  g_autoptr(FdMediaInfo) thumb = NULL;
  g_autofree char *png = NULL;
  FdAssetImportResult result = import_ok (f, "feed.png", 0);

  asset = fd_asset_get (f->store, result.asset_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fd_asset_get_kind (asset), ==, FD_ASSET_KIND_IMAGE);

  png = thumbnail_of (f, result.sha256);
  thumb = fd_media_probe_file (png, NULL, &error);
  g_assert_no_error (error);
  /* 400×500 fits 480 pixels on its longest side. */
  g_assert_cmpint (thumb->width, ==, 384);
  g_assert_cmpint (thumb->height, ==, FD_ASSET_THUMBNAIL_SIZE);
}

static void
test_versions_and_duplicates (AssetFixture  *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  FdAssetImportResult first = import_ok (f, "hero.mp4", 0);
  FdAssetImportResult second = import_ok (f, "hero-v2.mp4", first.asset_id);
  FdAssetImportResult again = { 0 };
  FdAssetImportResult other = { 0 };
  gint64 seq;

  g_assert_false (second.new_asset);
  g_assert_cmpint (second.version, ==, 2);
  g_assert_cmpuint (count_stored (f), ==, 2);

  /* The same bytes as a version of the same asset: refused. */
  seq = asset_fixture_head_seq (f);
  g_assert_false (import (f, "hero.mp4", f->aiko, first.asset_id, FD_ASSET_KIND_NONE, &again, &error));
  g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_EXISTS);
  g_assert_cmpstr (error->message, ==, "This is the same file as version 1 of “hero”; nothing was imported.");
  g_clear_error (&error);
  g_assert_cmpint (asset_fixture_head_seq (f), ==, seq);
  g_assert_cmpuint (count_stored (f), ==, 2);
  g_assert_cmpuint (count_incoming (f), ==, 0);
  versions = fd_asset_list_versions (f->store, first.asset_id, &error);
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_cmpint (fd_asset_version_get_number (g_ptr_array_index (versions, 0)), ==, 2);

  /* The same bytes as another asset: allowed, stored once. */
  other = import_ok (f, "hero.mp4", 0);
  g_assert_true (other.new_asset);
  g_assert_false (other.new_file);
  g_assert_cmpstr (other.sha256, ==, first.sha256);
  g_assert_cmpuint (count_stored (f), ==, 2);
  g_assert_cmpuint (count_thumbnails (f), ==, 2);
}

static void
test_kind_mismatch (AssetFixture  *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  FdAssetImportResult video = import_ok (f, "hero.mp4", 0);
  gint64 headline = asset_fixture_headline (f, "Line", "Grip");
  gint64 seq = asset_fixture_head_seq (f);

  g_assert_false (import (f, "feed.png", f->aiko, video.asset_id, FD_ASSET_KIND_NONE, NULL, &error));
  g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "“feed.png” is an image, but “hero” is a video.");
  g_clear_error (&error);

  g_assert_false (import (f, "hero.mp4", f->aiko, 0, FD_ASSET_KIND_IMAGE, NULL, &error));
  g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (import (f, "hero.mp4", f->aiko, headline, FD_ASSET_KIND_NONE, NULL, &error));
  g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "takes written text as versions"));
  g_clear_error (&error);

  g_assert_cmpint (asset_fixture_head_seq (f), ==, seq);
  g_assert_cmpuint (count_stored (f), ==, 1);
  g_assert_cmpuint (count_incoming (f), ==, 0);
}

typedef struct
{
  const char *file;
  int         code;
  const char *message;
} BadFile;

static const BadFile bad_files[] = {
  { "empty.mp4", FD_MEDIA_ERROR_EMPTY, "“empty.mp4” is empty (0 bytes)." },
  { "notes.mp4", FD_MEDIA_ERROR_NOT_MEDIA, "“notes.mp4” is not a video or an image." },
  { "voice.ogg", FD_MEDIA_ERROR_NO_PICTURE, "“voice.ogg” has sound but no picture. Import a video or an image." },
  { "cut.mp4", FD_MEDIA_ERROR_CORRUPT, "“cut.mp4” is cut short: it ends before its index." },
  { "noindex.mp4", FD_MEDIA_ERROR_CORRUPT, "“noindex.mp4” is damaged: it has no index (moov box)." },
  { "cut.webm", FD_MEDIA_ERROR_CORRUPT, "“cut.webm”" },
};

static void
assert_nothing_changed (AssetFixture *f,
                        gint64        seq)
{
  g_assert_cmpint (asset_fixture_head_seq (f), ==, seq);
  g_assert_cmpuint (count_assets (f), ==, 0);
  g_assert_cmpuint (count_stored (f), ==, 0);
  g_assert_cmpuint (count_incoming (f), ==, 0);
  g_assert_cmpuint (count_thumbnails (f), ==, 0);
}

static void
test_bad_files (AssetFixture  *f,
                gconstpointer  data)
{
  gint64 seq = asset_fixture_head_seq (f);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", bad_files[i].file);
      g_assert_false (import (f, bad_files[i].file, f->aiko, 0, FD_ASSET_KIND_NONE, NULL, &error));
      g_assert_error (error, FD_MEDIA_ERROR, bad_files[i].code);
      if (!g_str_has_prefix (error->message, bad_files[i].message))
        g_error ("“%s” does not start with “%s”", error->message, bad_files[i].message);
      assert_nothing_changed (f, seq);
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (import (f, "missing.mp4", f->aiko, 0, FD_ASSET_KIND_NONE, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    assert_nothing_changed (f, seq);
  }
}

static void
test_truncated_webm_is_cut_short (AssetFixture  *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = media_path ("cut.webm");
  g_autoptr(FdMediaInfo) info = fd_media_probe_file (path, NULL, &error);

  /* Its headers still read and promise the full length; only its last
   * frame gives it away. */
  g_assert_no_error (error);
  g_assert_nonnull (info);

  g_assert_false (import (f, "cut.webm", f->aiko, 0, FD_ASSET_KIND_NONE, NULL, &error));
  g_assert_error (error, FD_MEDIA_ERROR, FD_MEDIA_ERROR_CORRUPT);
  g_assert_cmpstr (error->message, ==, "“cut.webm” is cut short: it ends before its last frame.");
  assert_nothing_changed (f, asset_fixture_head_seq (f));
}

static void
test_unsupported_codec (AssetFixture  *f,
                        gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      gint64 seq = asset_fixture_head_seq (f);

      /* In this process no H.264 decoder is allowed. */
      g_assert_false (import (f, "hero.mp4", f->aiko, 0, FD_ASSET_KIND_NONE, NULL, &error));
      g_assert_error (error, FD_MEDIA_ERROR, FD_MEDIA_ERROR_UNSUPPORTED);
      g_assert_nonnull (strstr (error->message, "cannot decode"));
      assert_nothing_changed (f, seq);
      return;
    }

  g_setenv ("GST_PLUGIN_FEATURE_RANK", "avdec_h264:NONE,openh264dec:NONE,vah264dec:NONE,"
            "vaapih264dec:NONE,nvh264dec:NONE,v4l2h264dec:NONE,dfbvideosink:NONE", TRUE);
  g_setenv ("FD_TEST_MEDIA_DIR", media_dir, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_setenv ("GST_PLUGIN_FEATURE_RANK", "dfbvideosink:NONE", TRUE);
  g_test_trap_assert_passed ();
}

static void
test_sound_outlasts_picture (AssetFixture  *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdAssetVersion) version = NULL;
  FdAssetImportResult result = import_ok (f, "overhang.mp4", 0);

  version = fd_asset_find_version (f->store, result.asset_id, 1, &error);
  g_assert_no_error (error);
  g_assert_true (fd_media_info_has_audio (fd_asset_version_get_media_info (version)));
  g_assert_cmpint (fd_asset_version_get_media_info (version)->duration_us, >, G_USEC_PER_SEC);
}

static FdAssetImportResult
approved_video (AssetFixture *f)
{
  g_autoptr(GError) error = NULL;
  FdAssetImportResult result = import_ok (f, "hero.mp4", 0);

  fd_asset_transition (f->store, f->aiko, result.asset_id, FD_ASSET_STATE_IN_REVIEW, NULL, &error);
  g_assert_no_error (error);
  /* The fixture's brief requires Stories, which a 320×240 clip fails: the
   * placement gate wants a required reviewer's override first. */
  fd_asset_override_placement (f->store, f->maya, result.asset_id, 0, FD_PLACEMENT_STORIES,
                               "Feed-only cutdown", &error);
  g_assert_no_error (error);
  fd_asset_review (f->store, f->maya, result.asset_id, FD_REVIEW_DECISION_APPROVED, NULL, NULL, &error);
  g_assert_no_error (error);
  fd_asset_review (f->store, f->grace, result.asset_id, FD_REVIEW_DECISION_APPROVED, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (asset_fixture_state (f, result.asset_id), ==, FD_ASSET_STATE_APPROVED);

  return result;
}

static void
test_upload_hash_binding (AssetFixture  *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  FdMediaStore *media = fd_workspace_get_media_store (f->ws);
  FdAssetImportResult result = approved_video (f);
  g_autofree char *stored = fd_media_store_get_path (media, result.sha256);
  gint64 seq;
  FILE *file;

  g_assert_true (fd_asset_verify_for_upload (f->store, media, result.asset_id, NULL, NULL, &error));
  g_assert_no_error (error);

  /* Someone makes the stored file writable and changes it. */
  g_assert_cmpint (g_chmod (stored, 0644), ==, 0);
  file = fopen (stored, "ab");
  g_assert_nonnull (file);
  fputs ("re-exported over the approved cut", file);
  fclose (file);

  seq = asset_fixture_head_seq (f);
  g_assert_false (fd_asset_mark_uploaded (f->store, media, f->dana, result.asset_id, NULL, &error));
  g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_HASH_MISMATCH);
  g_assert_true (g_str_has_prefix (error->message, "“hero” (version 1) cannot be uploaded: The stored file"));
  g_assert_nonnull (strstr (error->message, "It is not the version that was approved."));
  g_clear_error (&error);
  g_assert_cmpint (asset_fixture_state (f, result.asset_id), ==, FD_ASSET_STATE_APPROVED);
  g_assert_cmpint (asset_fixture_head_seq (f), ==, seq);

  /* Or deletes it. */
  g_assert_cmpint (g_unlink (stored), ==, 0);
  g_assert_false (fd_asset_mark_uploaded (f->store, media, f->dana, result.asset_id, NULL, &error));
  g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND);
  g_assert_cmpint (asset_fixture_state (f, result.asset_id), ==, FD_ASSET_STATE_APPROVED);
}

typedef struct
{
  GError   *error;
  gboolean  ok;
  gboolean  done;
} AsyncUpload;

static void
on_uploaded (GObject      *source,
             GAsyncResult *res,
             gpointer      user_data)
{
  AsyncUpload *upload = user_data;

  upload->ok = fd_asset_mark_uploaded_finish (FD_WORKSPACE (source), res, &upload->error);
  upload->done = TRUE;
}

static gboolean
upload_done (gpointer data)
{
  return ((AsyncUpload *)data)->done;
}

static void
test_upload (AssetFixture  *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  FdAssetImportResult result = approved_video (f);
  AsyncUpload upload = { 0 };

  /* The app's upload step, off the main thread. */
  fd_asset_mark_uploaded_async (f->ws, f->dana, result.asset_id, NULL, on_uploaded, &upload);
  g_assert_true (asset_fixture_wait (upload_done, &upload));
  g_assert_no_error (upload.error);
  g_assert_true (upload.ok);
  g_assert_cmpint (asset_fixture_state (f, result.asset_id), ==, FD_ASSET_STATE_UPLOADED);

  /* An uploaded asset keeps its version. */
  g_assert_false (import (f, "hero-v2.mp4", f->aiko, result.asset_id, FD_ASSET_KIND_NONE, NULL, &error));
  asset_assert_refused (error, "was uploaded with version 1 and takes no new versions");
}

typedef struct
{
  FdAssetImportResult *result;
  GError              *error;
  gboolean             done;
} AsyncImport;

static void
on_imported (GObject      *source,
             GAsyncResult *res,
             gpointer      user_data)
{
  AsyncImport *import = user_data;

  import->result = fd_asset_import_file_finish (FD_WORKSPACE (source), res, &import->error);
  import->done = TRUE;
}

static gboolean
import_done (gpointer data)
{
  return ((AsyncImport *)data)->done;
}

static gboolean
list_has_one (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (data)) == 1;
}

static gboolean
list_is_loaded (gpointer data)
{
  return fd_asset_list_is_loaded (data);
}

static void
test_async_import_reaches_the_board (AssetFixture  *f,
                                     gconstpointer  data)
{
  g_autoptr(FdAssetImportRequest) request = fd_asset_import_request_new ();
  g_autoptr(FdAssetList) list = fd_asset_list_new (f->ws);
  g_autoptr(FdAsset) card = NULL;
  g_autofree char *path = media_path ("story.webm");
  g_autofree char *thumbnail = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GError) error = NULL;
  AsyncImport import = { 0 };

  g_assert_true (asset_fixture_wait (list_is_loaded, list));

  request->person_id = f->aiko;
  request->name = g_strdup ("Story 9:16");
  fd_asset_import_file_async (f->ws, request, path, NULL, on_imported, &import);
  g_assert_true (asset_fixture_wait (import_done, &import));
  g_assert_no_error (import.error);
  g_assert_cmpint (import.result->version, ==, 1);

  /* The board hears of it through the change feed. */
  g_assert_true (asset_fixture_wait (list_has_one, list));
  card = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (fd_asset_get_name (card), ==, "Story 9:16");
  thumbnail = fd_asset_dup_thumbnail_path (card);
  g_assert_true (g_file_test (thumbnail, G_FILE_TEST_IS_REGULAR));

  /* A lost thumbnail is made again from the stored file. */
  g_assert_cmpint (g_unlink (thumbnail), ==, 0);
  {
    g_autofree char *dir = fd_workspace_dup_cache_dir (f->ws, "thumbnails");

    again = fd_asset_ensure_thumbnail (fd_workspace_get_media_store (f->ws), dir,
                                       fd_asset_get_sha256 (card), NULL, &error);
  }
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, thumbnail);
  g_assert_true (g_file_test (thumbnail, G_FILE_TEST_IS_REGULAR));

  g_free (import.result);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);

  if (g_test_subprocess ())
    media_dir = g_strdup (g_getenv ("FD_TEST_MEDIA_DIR"));
  else
    make_media ();

  ASSET_TEST ("/assets/import/video", test_import_video);
  ASSET_TEST ("/assets/import/image", test_import_image);
  ASSET_TEST ("/assets/import/versions-and-duplicates", test_versions_and_duplicates);
  ASSET_TEST ("/assets/import/kind-mismatch", test_kind_mismatch);
  ASSET_TEST ("/assets/import/bad-files", test_bad_files);
  ASSET_TEST ("/assets/import/truncated-webm", test_truncated_webm_is_cut_short);
  ASSET_TEST ("/assets/import/unsupported-codec", test_unsupported_codec);
  ASSET_TEST ("/assets/import/sound-outlasts-picture", test_sound_outlasts_picture);
  ASSET_TEST ("/assets/import/upload", test_upload);
  ASSET_TEST ("/assets/import/upload-hash-binding", test_upload_hash_binding);
  ASSET_TEST ("/assets/import/async", test_async_import_reaches_the_board);

  status = g_test_run ();

  if (!g_test_subprocess ())
    fd_test_tmpdir_free (media_dir);

  return status;
}
