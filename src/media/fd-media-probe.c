/* fd-media-probe.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-media-probe"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gst/pbutils/pbutils.h>
#include <string.h>

#include "fd-media.h"
#include "fd-media-probe.h"

/* What a file holds, read with GstDiscoverer: container, codecs, size,
 * pixel aspect, frame rate, duration, bitrate, sound. Synchronous: call it
 * from a worker thread. Reading headers does not prove that every frame
 * decodes; FdFrameGrabber checks that a file is not cut short. */

#define PROBE_TIMEOUT (20 * GST_SECOND)

typedef struct
{
  const char *caps_name;
  const char *short_name;
} CapsName;

static const CapsName containers[] = {
  { "video/quicktime",   "mp4" },
  { "video/webm",        "webm" },
  { "video/x-matroska",  "matroska" },
  { "video/x-msvideo",   "avi" },
  { "video/mpegts",      "mpegts" },
  { "video/x-flv",       "flv" },
  { "application/ogg",   "ogg" },
  { "image/png",         "png" },
  { "image/jpeg",        "jpeg" },
  { "image/gif",         "gif" },
  { "image/webp",        "webp" },
  { "image/bmp",         "bmp" },
  { "image/tiff",        "tiff" },
};

static const CapsName video_codecs[] = {
  { "video/x-h264",      "h264" },
  { "video/x-h265",      "hevc" },
  { "video/x-vp8",       "vp8" },
  { "video/x-vp9",       "vp9" },
  { "video/x-av1",       "av1" },
  { "video/x-theora",    "theora" },
  { "video/x-prores",    "prores" },
  { "video/x-divx",      "mpeg4" },
  { "image/png",         "png" },
  { "image/jpeg",        "jpeg" },
  { "image/gif",         "gif" },
  { "image/webp",        "webp" },
  { "image/bmp",         "bmp" },
  { "image/tiff",        "tiff" },
  { "video/x-raw",       "raw" },
};

static const CapsName audio_codecs[] = {
  { "audio/x-opus",      "opus" },
  { "audio/x-vorbis",    "vorbis" },
  { "audio/x-ac3",       "ac3" },
  { "audio/x-eac3",      "eac3" },
  { "audio/x-flac",      "flac" },
  { "audio/x-alac",      "alac" },
  { "audio/x-raw",       "pcm" },
};

static const char *
lookup_name (const CapsName *table,
             gsize           n,
             const char     *caps_name)
{
  for (gsize i = 0; i < n; i++)
    if (g_str_equal (table[i].caps_name, caps_name))
      return table[i].short_name;

  return NULL;
}

static char *
dup_codec_name (GstCaps       *caps,
                gboolean       video)
{
  GstStructure *s;
  const char *name;
  const char *known;
  int version = 0;
  int layer = 0;

  if (caps == NULL || gst_caps_is_empty (caps))
    return NULL;

  s = gst_caps_get_structure (caps, 0);
  name = gst_structure_get_name (s);

  if (g_str_equal (name, "audio/mpeg"))
    {
      gst_structure_get_int (s, "mpegversion", &version);
      gst_structure_get_int (s, "layer", &layer);
      return g_strdup (version == 1 && layer == 3 ? "mp3" : version == 1 ? "mp2" : "aac");
    }

  if (g_str_equal (name, "video/mpeg"))
    {
      gst_structure_get_int (s, "mpegversion", &version);
      return g_strdup (version == 4 ? "mpeg4" : version == 2 ? "mpeg2" : "mpeg1");
    }

  known = video ? lookup_name (video_codecs, G_N_ELEMENTS (video_codecs), name)
                : lookup_name (audio_codecs, G_N_ELEMENTS (audio_codecs), name);
  if (known != NULL)
    return g_strdup (known);

  /* Unknown to us but decodable: keep GStreamer's name without "video/x-". */
  name = strchr (name, '/') ? strchr (name, '/') + 1 : name;
  if (g_str_has_prefix (name, "x-"))
    name += 2;
  return g_strdup (name);
}

static void
read_container (GstDiscovererInfo *info,
                FdMediaInfo       *media)
{
  g_autoptr(GstDiscovererStreamInfo) top = gst_discoverer_info_get_stream_info (info);
  g_autoptr(GstCaps) caps = top ? gst_discoverer_stream_info_get_caps (top) : NULL;
  const char *name;
  const char *variant;
  GstStructure *s;

  if (caps == NULL || gst_caps_is_empty (caps))
    return;

  s = gst_caps_get_structure (caps, 0);
  name = gst_structure_get_name (s);
  media->mime_type = g_strdup (name);

  /* qtdemux calls MP4 and MOV both video/quicktime; the variant tells. */
  variant = gst_structure_get_string (s, "variant");
  if (g_str_equal (name, "video/quicktime") && g_strcmp0 (variant, "apple") == 0)
    {
      media->container = g_strdup ("quicktime");
      return;
    }
  if (g_str_equal (name, "video/quicktime"))
    {
      g_free (media->mime_type);
      media->mime_type = g_strdup ("video/mp4");
    }

  media->container = g_strdup (lookup_name (containers, G_N_ELEMENTS (containers), name));
  if (media->container == NULL)
    media->container = g_strdup (name);
}

static void
read_video (GstDiscovererVideoInfo *video,
            FdMediaInfo            *media)
{
  g_autoptr(GstCaps) caps = gst_discoverer_stream_info_get_caps (GST_DISCOVERER_STREAM_INFO (video));

  media->video_codec = dup_codec_name (caps, TRUE);
  media->width = gst_discoverer_video_info_get_width (video);
  media->height = gst_discoverer_video_info_get_height (video);
  media->par_n = MAX (1, (int)gst_discoverer_video_info_get_par_num (video));
  media->par_d = MAX (1, (int)gst_discoverer_video_info_get_par_denom (video));
  media->is_image = gst_discoverer_video_info_is_image (video);
  media->interlaced = gst_discoverer_video_info_is_interlaced (video);

  if (!media->is_image)
    {
      media->fps_n = gst_discoverer_video_info_get_framerate_num (video);
      media->fps_d = MAX (1, (int)gst_discoverer_video_info_get_framerate_denom (video));
    }
  else
    {
      media->fps_n = 0;
      media->fps_d = 1;
    }
}

static void
read_audio (GstDiscovererAudioInfo *audio,
            FdMediaInfo            *media)
{
  g_autoptr(GstCaps) caps = gst_discoverer_stream_info_get_caps (GST_DISCOVERER_STREAM_INFO (audio));

  media->audio_codec = dup_codec_name (caps, FALSE);
  media->audio_channels = gst_discoverer_audio_info_get_channels (audio);
  media->audio_rate = gst_discoverer_audio_info_get_sample_rate (audio);
}

static gboolean
fill_info (GstDiscovererInfo  *info,
           const char         *path,
           gint64              size,
           FdMediaInfo        *media,
           GError            **error)
{
  g_autolist(GstDiscovererStreamInfo) videos = gst_discoverer_info_get_video_streams (info);
  g_autolist(GstDiscovererStreamInfo) audios = gst_discoverer_info_get_audio_streams (info);
  g_autofree char *name = g_path_get_basename (path);

  if (videos == NULL)
    {
      if (audios != NULL)
        g_set_error (error, FD_MEDIA_ERROR, FD_MEDIA_ERROR_NO_PICTURE,
                     _("“%s” has sound but no picture. Import a video or an image."), name);
      else
        g_set_error (error, FD_MEDIA_ERROR, FD_MEDIA_ERROR_NOT_MEDIA,
                     _("“%s” is not a video or an image."), name);
      return FALSE;
    }

  read_container (info, media);
  read_video (videos->data, media);
  if (audios != NULL)
    read_audio (audios->data, media);

  media->size_bytes = size;
  media->duration_us = media->is_image ? 0 : (gint64)(gst_discoverer_info_get_duration (info) / GST_USECOND);

  if (media->duration_us > 0)
    media->bitrate = (gint64)((double)size * 8 * G_USEC_PER_SEC / media->duration_us);

  if (media->width <= 0 || media->height <= 0)
    {
      g_set_error (error, FD_MEDIA_ERROR, FD_MEDIA_ERROR_CORRUPT,
                   _("“%s” is damaged: its picture has no size."), name);
      return FALSE;
    }

  if (!media->is_image && media->duration_us <= 0)
    {
      g_set_error (error, FD_MEDIA_ERROR, FD_MEDIA_ERROR_CORRUPT,
                   _("“%s” is damaged or cut short: its length cannot be read."), name);
      return FALSE;
    }

  return TRUE;
}

/* "gstreamer|1.0|app|H.265 (Main Profile) decoder|decoder-video/x-h265…":
 * the fourth field is what a person can read. */
static char *
describe_missing (GstDiscovererInfo *info)
{
  const char * const *details = gst_discoverer_info_get_missing_elements_installer_details (info);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; details && details[i]; i++)
    {
      g_auto(GStrv) fields = g_strsplit (details[i], "|", 5);

      if (g_strv_length (fields) >= 4)
        g_ptr_array_add (names, g_strdup (fields[3]));
    }

  if (names->len == 0)
    return g_strdup (_("a decoder that is not installed"));

  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **)names->pdata);
}

static void
set_error_from_result (GstDiscovererInfo  *info,
                       const GError       *gst_error,
                       const char         *path,
                       GError            **error)
{
  g_autofree char *name = g_path_get_basename (path);

  switch (gst_discoverer_info_get_result (info))
    {
    case GST_DISCOVERER_MISSING_PLUGINS:
      {
        g_autofree char *missing = describe_missing (info);

        g_set_error (error, FD_MEDIA_ERROR, FD_MEDIA_ERROR_UNSUPPORTED,
                     _("“%s” uses a format Flightdeck cannot decode here (it needs %s). "
                       "Export it as H.264 MP4 or VP9 WebM."),
                     name, missing);
        break;
      }

    case GST_DISCOVERER_TIMEOUT:
      g_set_error (error, FD_MEDIA_ERROR, FD_MEDIA_ERROR_TIMEOUT,
                   _("Reading “%s” took too long; it may be damaged."), name);
      break;

    case GST_DISCOVERER_ERROR:
      if (gst_error != NULL &&
          g_error_matches (gst_error, GST_STREAM_ERROR, GST_STREAM_ERROR_TYPE_NOT_FOUND))
        g_set_error (error, FD_MEDIA_ERROR, FD_MEDIA_ERROR_NOT_MEDIA,
                     _("“%s” is not a video or an image."), name);
      else if (gst_error != NULL &&
               g_error_matches (gst_error, GST_STREAM_ERROR, GST_STREAM_ERROR_CODEC_NOT_FOUND))
        g_set_error (error, FD_MEDIA_ERROR, FD_MEDIA_ERROR_UNSUPPORTED,
                     _("“%s” uses a format Flightdeck cannot decode here."), name);
      else
        g_set_error (error, FD_MEDIA_ERROR, FD_MEDIA_ERROR_CORRUPT,
                     _("“%s” is damaged or cut short (%s)."), name,
                     gst_error ? gst_error->message : _("unreadable"));
      break;

    case GST_DISCOVERER_URI_INVALID:
    case GST_DISCOVERER_BUSY:
    case GST_DISCOVERER_OK:
    default:
      g_set_error (error, FD_MEDIA_ERROR, FD_MEDIA_ERROR_FAILED,
                   _("“%s” could not be read."), name);
      break;
    }
}

static guint64
read_be (const guint8 *p,
         guint         n)
{
  guint64 v = 0;

  for (guint i = 0; i < n; i++)
    v = (v << 8) | p[i];
  return v;
}

/* MP4 and MOV files (ISO base media) keep their index, the moov box, at
 * the start or the end. A copy or export that was interrupted loses it or
 * ends inside the media data. Walking the top-level boxes finds that at
 * once, with a message a person understands; GstDiscoverer (1.22) can miss
 * the demuxer's error in that case and only give up at its timeout. */
static gboolean
check_iso_boxes (const char  *path,
                 gint64       size,
                 GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) input = g_file_read (file, NULL, NULL);
  g_autofree char *name = g_path_get_basename (path);
  gboolean seen_moov = FALSE;
  guint64 offset = 0;
  guint8 head[16];
  gsize n;

  if (input == NULL)
    return TRUE;

  while (offset + 8 <= (guint64)size)
    {
      guint64 box_size;
      guint header = 8;

      if (!g_seekable_seek (G_SEEKABLE (input), offset, G_SEEK_SET, NULL, NULL) ||
          !g_input_stream_read_all (G_INPUT_STREAM (input), head, sizeof head, &n, NULL, NULL) ||
          n < 8)
        return TRUE;

      /* Not an ISO file at all: leave it to the discoverer. */
      if (offset == 0 && memcmp (head + 4, "ftyp", 4) != 0)
        return TRUE;

      box_size = read_be (head, 4);
      if (box_size == 1 && n >= 16)
        {
          box_size = read_be (head + 8, 8);
          header = 16;
        }
      else if (box_size == 0)
        box_size = size - offset;

      if (memcmp (head + 4, "moov", 4) == 0)
        seen_moov = TRUE;

      if (box_size < header || offset + box_size > (guint64)size)
        {
          g_set_error (error, FD_MEDIA_ERROR, FD_MEDIA_ERROR_CORRUPT,
                       _("“%s” is cut short: it ends %s. The export or copy was "
                         "probably interrupted; export it again."),
                       name, seen_moov ? _("inside its picture data")
                                       : _("before its index"));
          return FALSE;
        }

      offset += box_size;
    }

  if (!seen_moov)
    {
      g_set_error (error, FD_MEDIA_ERROR, FD_MEDIA_ERROR_CORRUPT,
                   _("“%s” is damaged: it has no index (moov box). Export it again."),
                   name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_file (const char  *path,
            gint64      *size,
            GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *name = g_path_get_basename (path);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return FALSE;

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, FD_MEDIA_ERROR, FD_MEDIA_ERROR_NOT_MEDIA,
                   _("“%s” is not a file."), name);
      return FALSE;
    }

  *size = g_file_info_get_size (info);
  if (*size == 0)
    {
      g_set_error (error, FD_MEDIA_ERROR, FD_MEDIA_ERROR_EMPTY,
                   _("“%s” is empty (0 bytes)."), name);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  GMainLoop         *loop;
  GstDiscovererInfo *info;
  GError            *error;
} Discovery;

static void
on_discovered (GstDiscoverer     *discoverer,
               GstDiscovererInfo *info,
               const GError      *error,
               Discovery         *discovery)
{
  discovery->info = GST_DISCOVERER_INFO (g_object_ref (info));
  if (error != NULL)
    discovery->error = g_error_copy (error);
}

static void
on_finished (GstDiscoverer *discoverer,
             Discovery     *discovery)
{
  g_main_loop_quit (discovery->loop);
}

/* The discoverer is run asynchronously on a private main context: in its
 * synchronous mode GStreamer 1.22 can miss an error a demuxer posts while
 * the pipeline is still prerolling (a truncated MP4 then "times out" after
 * 20 s instead of failing at once). */
static GstDiscovererInfo *
discover (const char  *uri,
          GError     **gst_error,
          GError     **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (context, FALSE);
  g_autoptr(GstDiscoverer) discoverer = NULL;
  Discovery discovery = { loop, NULL, NULL };

  g_main_context_push_thread_default (context);

  discoverer = gst_discoverer_new (PROBE_TIMEOUT, error);
  if (discoverer != NULL)
    {
      g_signal_connect (discoverer, "discovered", G_CALLBACK (on_discovered), &discovery);
      g_signal_connect (discoverer, "finished", G_CALLBACK (on_finished), &discovery);
      gst_discoverer_start (discoverer);

      if (gst_discoverer_discover_uri_async (discoverer, uri))
        g_main_loop_run (loop);

      gst_discoverer_stop (discoverer);
    }

  g_main_context_pop_thread_default (context);

  if (discoverer != NULL && discovery.info == NULL)
    g_set_error (error, FD_MEDIA_ERROR, FD_MEDIA_ERROR_FAILED,
                 _("The file could not be read."));

  if (discovery.error != NULL)
    g_propagate_error (gst_error, discovery.error);

  return discovery.info;
}

/**
 * fd_media_probe_file:
 * @path: a local file
 *
 * Reads what @path holds. A file that is empty, not media, sound only,
 * damaged or in a format with no decoder installed gives a clear error.
 *
 * Returns: (transfer full): the description, or %NULL with @error set
 */
FdMediaInfo *
fd_media_probe_file (const char    *path,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GstDiscovererInfo) info = NULL;
  g_autoptr(FdMediaInfo) media = NULL;
  g_autoptr(GError) gst_error = NULL;
  g_autofree char *uri = NULL;
  gint64 size = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!fd_media_ensure_init (error) ||
      !check_file (path, &size, error) ||
      !check_iso_boxes (path, size, error))
    return NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  uri = fd_media_path_to_uri (path, error);
  if (uri == NULL)
    return NULL;

  if (!(info = discover (uri, &gst_error, error)))
    return NULL;

  if (gst_discoverer_info_get_result (info) != GST_DISCOVERER_OK)
    {
      set_error_from_result (info, gst_error, path, error);
      return NULL;
    }

  media = fd_media_info_new ();
  if (!fill_info (info, path, size, media, error))
    return NULL;

  return g_steal_pointer (&media);
}
