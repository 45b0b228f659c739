/* fd-media-diff.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-media-diff"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gst/app/gstappsink.h>
#include <gst/video/video.h>
#include <math.h>

#include "fd-frame-diff.h"
#include "fd-media.h"
#include "fd-media-diff.h"
#include "fd-media-probe.h"

/* The change timeline of two versions: where in time they differ.
 *
 * One pipeline decodes both files side by side, at A's size, as I420:
 *
 *   uridecodebin A ! videoconvert ! videoscale ! I420 w×h ! appsink a
 *   uridecodebin B ! videoconvert ! videoscale ! I420 w×h ! appsink b
 *
 * (both passthrough for the usual 4:2:0 file; B is scaled only when its
 * size differs from A's). This thread pairs the frames by time (B's frame
 * = A's + offset) and splits each plane into 8×8 blocks: a block changed
 * when its mean absolute difference exceeds 12 of 255. The block mean is
 * what separates a change from codec noise: an MP4 and a WebM encode of
 * the same cut differ by a few levels around edges, which averages out,
 * while a swapped shot, a moved logo or new text moves whole blocks by
 * tens of levels. A frame whose share of changed blocks (luma, or either
 * chroma plane: a change of colour alone) reaches the threshold (0.4 % by
 * default: about 130 blocks, a 90×90 px patch of a 1080p frame) is
 * changed; consecutive changed frames make a range. No scaling and a
 * psadbw per 16 bytes keep this cheaper than decoding.
 *
 * Results are cached as JSON, keyed by the two versions' ids (their
 * SHA-256 in a workspace; path, size and mtime otherwise) and the
 * settings, so reopening a compare costs nothing. */

#define PULL_TIMEOUT (30 * GST_SECOND)
#define ALGORITHM_VERSION 2

struct _FdMediaDiff
{
  GObject       parent_instance;

  char         *path_a;
  char         *path_b;
  int           offset;
  double        threshold;
  int           block_threshold;
  char         *cache_dir;
  char         *id_a;
  char         *id_b;

  GMainContext *owner_context;
  GSource      *progress_source;
  GMutex        lock;
  double        progress;
  double        shown_progress;
  gboolean      from_cache;
};

G_DEFINE_FINAL_TYPE (FdMediaDiff, fd_media_diff, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROGRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fd_media_diff_finalize (GObject *object)
{
  FdMediaDiff *self = (FdMediaDiff *)object;

  if (self->progress_source != NULL)
    {
      g_source_destroy (self->progress_source);
      g_source_unref (self->progress_source);
    }
  g_clear_pointer (&self->owner_context, g_main_context_unref);
  g_free (self->path_a);
  g_free (self->path_b);
  g_free (self->cache_dir);
  g_free (self->id_a);
  g_free (self->id_b);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (fd_media_diff_parent_class)->finalize (object);
}

static void
fd_media_diff_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FdMediaDiff *self = FD_MEDIA_DIFF (object);

  switch (prop_id)
    {
    case PROP_PROGRESS:
      g_value_set_double (value, self->shown_progress);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_media_diff_class_init (FdMediaDiffClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fd_media_diff_finalize;
  object_class->get_property = fd_media_diff_get_property;

  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0, 1, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_media_diff_init (FdMediaDiff *self)
{
  g_mutex_init (&self->lock);
  self->threshold = FD_MEDIA_DIFF_DEFAULT_THRESHOLD;
  self->block_threshold = FD_MEDIA_DIFF_DEFAULT_BLOCK_THRESHOLD;
}

/**
 * fd_media_diff_new:
 * @path_a: the earlier version
 * @path_b: the later version
 */
FdMediaDiff *
fd_media_diff_new (const char *path_a,
                   const char *path_b)
{
  FdMediaDiff *self;

  g_return_val_if_fail (path_a != NULL && path_b != NULL, NULL);

  self = g_object_new (FD_TYPE_MEDIA_DIFF, NULL);
  self->path_a = g_strdup (path_a);
  self->path_b = g_strdup (path_b);
  return self;
}

/**
 * fd_media_diff_set_offset:
 * @offset: B's frame shown with A's frame 0 (a re-cut that starts later)
 */
void
fd_media_diff_set_offset (FdMediaDiff *self,
                          int          offset)
{
  g_return_if_fail (FD_IS_MEDIA_DIFF (self));
  self->offset = offset;
}

/**
 * fd_media_diff_set_threshold:
 * @threshold: share of a frame's 8×8 blocks (0–1) that must change
 */
void
fd_media_diff_set_threshold (FdMediaDiff *self,
                             double       threshold)
{
  g_return_if_fail (FD_IS_MEDIA_DIFF (self));
  self->threshold = CLAMP (threshold, 0.0, 1.0);
}

/**
 * fd_media_diff_set_cache:
 * @cache_dir: (nullable): a folder for results, such as
 *   fd_workspace_dup_cache_dir (workspace, "diff")
 * @id_a: (nullable): A's content id (a version's SHA-256); %NULL derives
 *   one from the path, size and modification time
 * @id_b: (nullable): the same for B
 */
void
fd_media_diff_set_cache (FdMediaDiff *self,
                         const char  *cache_dir,
                         const char  *id_a,
                         const char  *id_b)
{
  g_return_if_fail (FD_IS_MEDIA_DIFF (self));

  g_free (self->cache_dir);
  self->cache_dir = g_strdup (cache_dir);
  g_free (self->id_a);
  self->id_a = g_strdup (id_a);
  g_free (self->id_b);
  self->id_b = g_strdup (id_b);
}

/**
 * fd_media_diff_file_id:
 *
 * An id for a file outside a workspace: changes when the file does.
 *
 * Returns: (transfer full): "file:" and a SHA-256 of the absolute path,
 *   size and modification time
 */
char *
fd_media_diff_file_id (const char  *path,
                       GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *absolute = g_file_get_path (file);
  g_autofree char *text = NULL;
  g_autofree char *digest = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;

  text = g_strdup_printf ("%s\n%" G_GINT64_FORMAT "\n%" G_GUINT64_FORMAT ".%u", absolute,
                          g_file_info_get_size (info),
                          g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED),
                          g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC));
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  return g_strconcat ("file:", digest, NULL);
}

/**
 * fd_media_diff_dup_cache_key:
 *
 * Returns: (transfer full): the name the result is cached under
 */
char *
fd_media_diff_dup_cache_key (FdMediaDiff  *self,
                             GError      **error)
{
  g_autofree char *id_a = self->id_a ? g_strdup (self->id_a) : fd_media_diff_file_id (self->path_a, error);
  g_autofree char *id_b = NULL;
  g_autofree char *text = NULL;

  if (id_a == NULL)
    return NULL;
  id_b = self->id_b ? g_strdup (self->id_b) : fd_media_diff_file_id (self->path_b, error);
  if (id_b == NULL)
    return NULL;

  text = g_strdup_printf ("v%d\n%s\n%s\n%d\n%.6f\n%d", ALGORITHM_VERSION, id_a, id_b,
                          self->offset, self->threshold, self->block_threshold);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

double
fd_media_diff_get_progress (FdMediaDiff *self)
{
  g_return_val_if_fail (FD_IS_MEDIA_DIFF (self), 0);
  return self->shown_progress;
}

/**
 * fd_media_diff_get_from_cache:
 *
 * Returns: whether the last run was answered from the cache
 */
gboolean
fd_media_diff_get_from_cache (FdMediaDiff *self)
{
  g_return_val_if_fail (FD_IS_MEDIA_DIFF (self), FALSE);
  return self->from_cache;
}

/* Progress */

static gboolean
apply_progress (gpointer data)
{
  FdMediaDiff *self = data;

  g_mutex_lock (&self->lock);
  self->shown_progress = self->progress;
  g_clear_pointer (&self->progress_source, g_source_unref);
  g_mutex_unlock (&self->lock);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
  return G_SOURCE_REMOVE;
}

static void
report_progress (FdMediaDiff *self,
                 double       progress)
{
  g_mutex_lock (&self->lock);
  self->progress = CLAMP (progress, 0.0, 1.0);
  if (self->owner_context != NULL && self->progress_source == NULL)
    {
      self->progress_source = g_idle_source_new ();
      g_source_set_callback (self->progress_source, apply_progress, g_object_ref (self), g_object_unref);
      g_source_attach (self->progress_source, self->owner_context);
    }
  g_mutex_unlock (&self->lock);
}

/* The cache */

static char *
cache_path (FdMediaDiff *self)
{
  g_autofree char *key = NULL;
  g_autofree char *name = NULL;

  if (self->cache_dir == NULL || !(key = fd_media_diff_dup_cache_key (self, NULL)))
    return NULL;

  name = g_strconcat (key, ".json", NULL);
  return g_build_filename (self->cache_dir, name, NULL);
}

static FdMediaDiffResult *
cache_lookup (FdMediaDiff *self)
{
  g_autofree char *path = cache_path (self);
  g_autoptr(JsonParser) parser = NULL;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_file (parser, path, NULL))
    return NULL;

  /* A damaged entry is ignored and recomputed. */
  return fd_media_diff_result_from_json (json_parser_get_root (parser), NULL);
}

static void
cache_store (FdMediaDiff             *self,
             const FdMediaDiffResult *result)
{
  g_autofree char *path = cache_path (self);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    return;

  g_mkdir_with_parents (self->cache_dir, 0755);
  node = fd_media_diff_result_to_json (result, TRUE);
  generator = json_generator_new ();
  json_generator_set_root (generator, node);
  /* A cache that cannot be written only costs a recomputation later. */
  if (!json_generator_to_file (generator, path, &error))
    g_debug ("Could not cache the comparison in %s: %s", path, error->message);
}

/* The comparison */

typedef struct
{
  GstElement *sink;
  GstSample  *sample;   /* the current frame */
  GstSample  *next;     /* pulled ahead */
  gboolean    eos;
  double      fps;
} Side;

static gint64
sample_stream_time (GstSample *sample)
{
  GstBuffer *buffer = gst_sample_get_buffer (sample);
  const GstSegment *segment = gst_sample_get_segment (sample);
  guint64 st;

  if (buffer == NULL || !GST_BUFFER_PTS_IS_VALID (buffer))
    return 0;
  st = gst_segment_to_stream_time (segment, GST_FORMAT_TIME, GST_BUFFER_PTS (buffer));
  return GST_CLOCK_TIME_IS_VALID (st) ? (gint64)st : (gint64)GST_BUFFER_PTS (buffer);
}

static gboolean
check_bus (GstElement  *pipeline,
           FdMediaDiff *self,
           GError     **error)
{
  g_autoptr(GstBus) bus = gst_element_get_bus (pipeline);
  g_autoptr(GstMessage) message = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);
  g_autoptr(GError) gst_error = NULL;

  if (message == NULL)
    return TRUE;

  gst_message_parse_error (message, &gst_error, NULL);
  g_set_error (error, FD_MEDIA_ERROR, FD_MEDIA_ERROR_CORRUPT,
               _("The versions could not be compared: %s"), gst_error->message);
  return FALSE;
}

static GstSample *
pull (Side *side)
{
  GstSample *sample;

  if (side->eos)
    return NULL;

  sample = gst_app_sink_try_pull_sample (GST_APP_SINK (side->sink), PULL_TIMEOUT);
  if (sample == NULL)
    side->eos = TRUE;
  return sample;
}

/* Moves B to the frame shown at @time (B's stream time). */
static void
advance (Side   *side,
         gint64  time)
{
  gint64 half = side->fps > 0 ? (gint64)(GST_SECOND / side->fps / 2) : 0;

  if (side->next == NULL && side->sample == NULL)
    side->next = pull (side);

  while (side->next != NULL && sample_stream_time (side->next) <= time + half)
    {
      g_clear_pointer (&side->sample, gst_sample_unref);
      side->sample = g_steal_pointer (&side->next);
      side->next = pull (side);
    }
}

static double
score_frames (FdMediaDiff *self,
              GstSample   *a,
              GstSample   *b)
{
  GstVideoInfo info_a, info_b;
  GstVideoFrame fa, fb;
  gint64 changed[3], blocks[3];
  double score = 0;
  int w, h;

  if (!gst_video_info_from_caps (&info_a, gst_sample_get_caps (a)) ||
      !gst_video_info_from_caps (&info_b, gst_sample_get_caps (b)))
    return 0;
  if (!gst_video_frame_map (&fa, &info_a, gst_sample_get_buffer (a), GST_MAP_READ))
    return 0;
  if (!gst_video_frame_map (&fb, &info_b, gst_sample_get_buffer (b), GST_MAP_READ))
    {
      gst_video_frame_unmap (&fa);
      return 0;
    }

  w = MIN (GST_VIDEO_INFO_WIDTH (&info_a), GST_VIDEO_INFO_WIDTH (&info_b));
  h = MIN (GST_VIDEO_INFO_HEIGHT (&info_a), GST_VIDEO_INFO_HEIGHT (&info_b));

  /* A change of colour alone (same brightness) shows in chroma only. */
  for (int plane = 0; plane < 3; plane++)
    {
      changed[plane] = fd_frame_diff_count_blocks (GST_VIDEO_FRAME_PLANE_DATA (&fa, plane),
                                                   GST_VIDEO_FRAME_PLANE_STRIDE (&fa, plane),
                                                   GST_VIDEO_FRAME_PLANE_DATA (&fb, plane),
                                                   GST_VIDEO_FRAME_PLANE_STRIDE (&fb, plane),
                                                   plane == 0 ? w : (w + 1) / 2, plane == 0 ? h : (h + 1) / 2,
                                                   self->block_threshold, &blocks[plane]);
      score = MAX (score, (double)changed[plane] / MAX (1, blocks[plane]));
    }

  gst_video_frame_unmap (&fa);
  gst_video_frame_unmap (&fb);

  return score;
}

static void
add_ranges (FdMediaDiffResult *result)
{
  FdChangeRange current = { -1, -1, 0, 0, 0 };

  for (guint i = 0; i <= result->scores->len; i++)
    {
      float score = i < result->scores->len ? g_array_index (result->scores, float, i) : -1;
      gboolean changed = score >= result->threshold && score >= 0;

      if (changed && current.first_frame < 0)
        current.first_frame = i;
      if (changed)
        {
          current.last_frame = i;
          current.peak = MAX (current.peak, score);
        }
      else if (current.first_frame >= 0)
        {
          current.start = current.first_frame / result->fps;
          current.end = (current.last_frame + 1) / result->fps;
          g_array_append_val (result->ranges, current);
          current = (FdChangeRange) { -1, -1, 0, 0, 0 };
        }
    }
}

static void
frame_size (const FdMediaInfo *info,
            int               *width,
            int               *height)
{
  /* I420 wants even sizes. */
  *width = MAX (2, fd_media_info_get_display_width (info) / 2 * 2);
  *height = MAX (2, info->height / 2 * 2);
}

static GstElement *
build_pipeline (FdMediaDiff        *self,
                const FdMediaInfo  *info_a,
                GError            **error)
{
  g_autofree char *uri_a = NULL;
  g_autofree char *uri_b = NULL;
  g_autofree char *description = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  GstElement *pipeline;
  int w, h;

  if (!(uri_a = fd_media_path_to_uri (self->path_a, error)) ||
      !(uri_b = fd_media_path_to_uri (self->path_b, error)))
    return NULL;

  frame_size (info_a, &w, &h);
#define BRANCH "uridecodebin uri=\"%s\" caps=\"video/x-raw(ANY)\" expose-all-streams=false ! " \
               "videoconvert ! videoscale ! " \
               "video/x-raw,format=I420,width=%d,height=%d,pixel-aspect-ratio=1/1 ! " \
               "appsink name=%s sync=false max-buffers=8 enable-last-sample=false "
  a = g_strdup_printf (BRANCH, uri_a, w, h, "a");
  b = g_strdup_printf (BRANCH, uri_b, w, h, "b");
#undef BRANCH
  description = g_strconcat (a, b, NULL);

  pipeline = gst_parse_launch (description, error);
  if (pipeline != NULL)
    gst_object_ref_sink (pipeline);
  return pipeline;
}

static FdMediaDiffResult *
compare (FdMediaDiff        *self,
         const FdMediaInfo  *info_a,
         const FdMediaInfo  *info_b,
         GCancellable       *cancellable,
         GError            **error)
{
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(FdMediaDiffResult) result = fd_media_diff_result_new ();
  Side side_a = { 0 }, side_b = { 0 };
  gint64 expected = MAX (1, fd_media_info_get_frame_count (info_a));
  gboolean ok = TRUE;

  result->fps = info_a->is_image ? 1 : fd_media_info_get_fps (info_a);
  result->offset = self->offset;
  result->threshold = self->threshold;
  result->block_threshold = self->block_threshold;

  if (!(pipeline = build_pipeline (self, info_a, error)))
    return NULL;

  side_a.sink = gst_bin_get_by_name (GST_BIN (pipeline), "a");
  side_b.sink = gst_bin_get_by_name (GST_BIN (pipeline), "b");
  fd_media_sink_accept_video_meta (side_a.sink);
  fd_media_sink_accept_video_meta (side_b.sink);
  side_a.fps = result->fps;
  side_b.fps = info_b->is_image ? 1 : fd_media_info_get_fps (info_b);

  gst_element_set_state (pipeline, GST_STATE_PLAYING);

  for (;;)
    {
      g_autoptr(GstSample) sample = pull (&side_a);
      gint64 frame, b_time;
      float score = -1;

      if (sample == NULL || g_cancellable_is_cancelled (cancellable))
        break;

      frame = fd_media_frame_at (result->fps, sample_stream_time (sample));
      if (frame < (gint64)result->scores->len)
        continue;

      b_time = side_b.fps > 0 ? (gint64)((frame + self->offset) * (double)GST_SECOND / side_b.fps) : 0;
      advance (&side_b, b_time);

      /* Compared only where B has a frame at that time: before B starts
       * (negative offset) or past its end, there is nothing to compare. */
      if (side_b.sample != NULL && b_time >= 0 &&
          (side_b.next != NULL || b_time < sample_stream_time (side_b.sample) + GST_SECOND / MAX (side_b.fps, 1)))
        {
          score = (float)score_frames (self, sample, side_b.sample);
          result->frames_compared++;
        }

      while ((gint64)result->scores->len < frame)
        {
          float none = -1;

          g_array_append_val (result->scores, none);
        }
      g_array_append_val (result->scores, score);
      report_progress (self, (double)(frame + 1) / expected);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    ok = FALSE;
  else if (!check_bus (pipeline, self, error))
    ok = FALSE;

  gst_element_set_state (pipeline, GST_STATE_NULL);
  g_clear_pointer (&side_b.sample, gst_sample_unref);
  g_clear_pointer (&side_b.next, gst_sample_unref);
  g_clear_object (&side_a.sink);
  g_clear_object (&side_b.sink);

  if (!ok)
    return NULL;

  add_ranges (result);
  report_progress (self, 1.0);
  return g_steal_pointer (&result);
}

/**
 * fd_media_diff_run:
 *
 * Compares the two versions (or reads the cached comparison). Blocks:
 * call it from a worker thread, or use fd_media_diff_run_async().
 *
 * Returns: (transfer full): the change timeline, or %NULL with @error set
 *   (bad media gives the probe's message)
 */
FdMediaDiffResult *
fd_media_diff_run (FdMediaDiff   *self,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(FdMediaInfo) info_a = NULL;
  g_autoptr(FdMediaInfo) info_b = NULL;
  FdMediaDiffResult *result;

  g_return_val_if_fail (FD_IS_MEDIA_DIFF (self), NULL);

  self->from_cache = FALSE;
  if (!fd_media_ensure_init (error))
    return NULL;

  if (!(info_a = fd_media_probe_file (self->path_a, cancellable, error)) ||
      !(info_b = fd_media_probe_file (self->path_b, cancellable, error)))
    return NULL;

  if ((result = cache_lookup (self)) != NULL)
    {
      self->from_cache = TRUE;
      report_progress (self, 1.0);
      return result;
    }

  result = compare (self, info_a, info_b, cancellable, error);
  if (result != NULL)
    cache_store (self, result);

  return result;
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  FdMediaDiffResult *result = fd_media_diff_run (source_object, cancellable, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify)fd_media_diff_result_free);
}

/**
 * fd_media_diff_run_async:
 *
 * Runs the comparison on a worker thread; "progress" is notified on the
 * caller's thread-default context meanwhile.
 */
void
fd_media_diff_run_async (FdMediaDiff         *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (FD_IS_MEDIA_DIFF (self));

  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->owner_context, g_main_context_unref);
  self->owner_context = g_main_context_ref_thread_default ();
  g_mutex_unlock (&self->lock);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fd_media_diff_run_async);
  g_task_run_in_thread (task, run_in_thread);
}

FdMediaDiffResult *
fd_media_diff_run_finish (FdMediaDiff   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
