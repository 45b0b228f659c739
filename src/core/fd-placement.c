/* fd-placement.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-placement"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "fd-placement.h"

/* Meta's Feed, Stories and Reels specs, checked against what the media
 * probe read. Pure: no GStreamer, no I/O, so the asset page, the approval
 * gate and the CLI all give the same answer.
 *
 * Every number below comes from shared/reference/product-anchors.md §E;
 * the comment next to it names the row and its source. Where the sources
 * conflict the comment says which one we follow and why. A limit that Meta
 * enforces (or past which the ad is cropped or cut) fails; a
 * recommendation that Meta does not enforce warns. */

#define KB 1000LL
#define MB (1000LL * KB)
#define GB (1000LL * MB)
#define SECONDS(s) ((gint64)((s) * (double)G_USEC_PER_SEC))

typedef struct
{
  int n;
  int d;
} Ratio;

typedef struct
{
  FdPlacement  placement;
  gboolean     image;

  /* Accepted width/height range, and the relative tolerance on its ends. */
  Ratio        aspect_min;
  Ratio        aspect_max;
  double       aspect_tolerance;
  /* Inside the range but none of these: a warning. */
  Ratio        recommended[2];

  /* Below these: fail. Shorter side below recommended_short: warn. */
  int          min_width;
  int          min_height;
  int          recommended_short;

  /* Outside [min, max]: fail; outside [warn_min, warn_max]: warn. */
  gint64       duration_min;
  gint64       duration_max;
  gint64       duration_warn_min;
  gint64       duration_warn_max;

  gint64       max_size;

  /* Codecs Meta recommends (comma-separated); others warn. */
  const char  *codecs;
  const char  *codecs_title;
  const char  *audio_codecs;

  /* Frame rates outside [fps_min, fps_max] warn. */
  double       fps_min;
  double       fps_max;
} PlacementSpec;

static const PlacementSpec specs[] = {
  /* Feed video: "MP4/MOV/GIF; ratio 4:5 (1:1 for desktop+mobile); H.264 …
   * stereo AAC ≥128 kbps; ≥1080×1080; 1 s–241 min; ≤4 GB; min 120×120"
   * (Meta Ads Guide as reproduced by help.fastory.io and quickframe.com).
   * The accepted range 1.91:1–4:5 is the Feed image row's; the video row
   * names only the recommended ratios, and Meta crops anything taller
   * than 4:5 in Feed. Tolerance 3 %: the Feed image row's. */
  { FD_PLACEMENT_FEED, FALSE,
    { 4, 5 }, { 191, 100 }, 0.03, { { 4, 5 }, { 1, 1 } },
    120, 120, 1080,
    SECONDS (1), SECONDS (241 * 60), SECONDS (1), SECONDS (241 * 60),
    4 * GB,
    "h264", N_("H.264"), "aac",
    /* Fixed frame rate is all the Feed row asks; 24–60 fps is the Reels
     * publishing API's range (ayrshare.com), the only numbers given. */
    23.976, 60 },

  /* Feed image: "JPG/PNG; 1.91:1–1:1 (now 4:5 recommended; 1440×1440 or
   * 1440×1800 suggested); ≤30 MB; min 600×600; aspect tolerance 3 %"
   * (fastory; madgicx.com). The range extends to 4:5 since 4:5 is the
   * recommended ratio now. */
  { FD_PLACEMENT_FEED, TRUE,
    { 4, 5 }, { 191, 100 }, 0.03, { { 4, 5 }, { 1, 1 } },
    600, 600, 1080,
    0, 0, 0, 0,
    30 * MB,
    "jpeg,png", N_("JPG or PNG"), NULL,
    0, 0 },

  /* Stories video: "9:16, H.264/AAC; ≤4 GB; tolerance 1 %; duration
   * 1 s–2 min (older guide copy) vs 1 s–60 min (other copy)"
   * (odysseymediagroup.co.uk, warroominc.com). We fail past 60 min, the
   * limit of the newer copy, and warn past 2 min: the older limit may
   * still apply to some accounts, and long stories are split into cards.
   * Minimum size: the Stories image row's 500 px width and 1080 px
   * recommendation (the video rows give none). */
  { FD_PLACEMENT_STORIES, FALSE,
    { 9, 16 }, { 9, 16 }, 0.01, { { 9, 16 }, { 9, 16 } },
    500, 0, 1080,
    SECONDS (1), SECONDS (60 * 60), SECONDS (1), SECONDS (2 * 60),
    4 * GB,
    "h264", N_("H.264"), "aac",
    23.976, 60 },

  /* Stories image: "9:16; ≥1080×1080; ≤30 MB; min width 500; tolerance
   * 1 %" (facebook.com/business/ads-guide/update/image/facebook-story). */
  { FD_PLACEMENT_STORIES, TRUE,
    { 9, 16 }, { 9, 16 }, 0.01, { { 9, 16 }, { 9, 16 } },
    500, 0, 1080,
    0, 0, 0, 0,
    30 * MB,
    "jpeg,png", N_("JPG or PNG"), NULL,
    0, 0 },

  /* Reels: "9:16, 1080×1920; ≤4 GB; duration conflicting (0 s–15 min
   * xyzlab.com vs 0.5–90 s get-ryze.ai)", and the publishing API's
   * "3–90 s; min 540×960; 24–60 fps; H.264/H.265 (VP9/AV1 ok)"
   * (ayrshare.com). We fail outside 0.5 s–15 min, the widest limits any
   * source gives (ads in Reels run longer than organic reels), and warn
   * outside 3–90 s, the range every source accepts. Tolerance: 1 %, as
   * for Stories (same 9:16 frame). */
  { FD_PLACEMENT_REELS, FALSE,
    { 9, 16 }, { 9, 16 }, 0.01, { { 9, 16 }, { 9, 16 } },
    540, 960, 1080,
    SECONDS (0.5), SECONDS (15 * 60), SECONDS (3), SECONDS (90),
    4 * GB,
    "h264,hevc", N_("H.264 or H.265"), "aac",
    23.976, 60 },

  /* Reels image: the rows give no image spec for Reels; an image ad shown
   * in Reels uses the 9:16 frame and the Stories image limits. */
  { FD_PLACEMENT_REELS, TRUE,
    { 9, 16 }, { 9, 16 }, 0.01, { { 9, 16 }, { 9, 16 } },
    500, 0, 1080,
    0, 0, 0, 0,
    30 * MB,
    "jpeg,png", N_("JPG or PNG"), NULL,
    0, 0 },
};

/* Stories: "keep 14 % (250 px) top / 20 % (340 px) bottom free"
 * (facebook-story image guide). Reels: "14 % top, 35 % bottom, 6 % each
 * side" (mediamaxnetwork.com, behaviour.digital, primores.org). One report
 * says the two were unified in March 2026 on the Reels numbers; we keep
 * Stories' own, as Meta's guide still states them. */
static const FdSafeZone stories_safe_zone = { 0.14, 0.20, 0.0, 0.0 };
static const FdSafeZone reels_safe_zone = { 0.14, 0.35, 0.06, 0.06 };

static const struct
{
  const char *id;
  const char *title;
} placements[FD_N_PLACEMENTS] = {
  [FD_PLACEMENT_FEED] = { "feed", N_("Feed") },
  [FD_PLACEMENT_STORIES] = { "stories", N_("Stories") },
  [FD_PLACEMENT_REELS] = { "reels", N_("Reels") },
};

static const struct
{
  const char *id;
  const char *title;
} results[] = {
  [FD_PLACEMENT_PASS] = { "pass", N_("Pass") },
  [FD_PLACEMENT_WARN] = { "warn", N_("Warning") },
  [FD_PLACEMENT_FAIL] = { "fail", N_("Fail") },
};

/* Names people use for common ratios, matched within 1 %. */
static const struct
{
  Ratio       ratio;
  const char *name;
} ratio_names[] = {
  { { 16, 9 }, "16:9" },
  { { 9, 16 }, "9:16" },
  { { 1, 1 }, "1:1" },
  { { 4, 5 }, "4:5" },
  { { 5, 4 }, "5:4" },
  { { 4, 3 }, "4:3" },
  { { 3, 4 }, "3:4" },
  { { 3, 2 }, "3:2" },
  { { 2, 3 }, "2:3" },
  { { 191, 100 }, "1.91:1" },
  { { 21, 9 }, "21:9" },
};

G_DEFINE_BOXED_TYPE (FdPlacementCheck, fd_placement_check,
                     fd_placement_check_copy, fd_placement_check_free)

static double
ratio_value (Ratio r)
{
  return (double)r.n / r.d;
}

static const char *
ratio_name (Ratio r)
{
  for (guint i = 0; i < G_N_ELEMENTS (ratio_names); i++)
    if (ratio_names[i].ratio.n == r.n && ratio_names[i].ratio.d == r.d)
      return ratio_names[i].name;

  g_return_val_if_reached ("?");
}

static FdPlacementCheck *
check_new (FdPlacement placement)
{
  FdPlacementCheck *self = g_new0 (FdPlacementCheck, 1);

  self->placement = placement;
  self->result = FD_PLACEMENT_PASS;
  self->reasons = g_ptr_array_new_with_free_func (g_free);

  return self;
}

FdPlacementCheck *
fd_placement_check_copy (const FdPlacementCheck *self)
{
  FdPlacementCheck *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = check_new (self->placement);
  copy->result = self->result;
  for (guint i = 0; i < self->reasons->len; i++)
    g_ptr_array_add (copy->reasons, g_strdup (g_ptr_array_index (self->reasons, i)));

  return copy;
}

void
fd_placement_check_free (FdPlacementCheck *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->reasons);
  g_free (self);
}

static void
add_finding (FdPlacementCheck  *self,
             FdPlacementResult  result,
             char              *reason)
{
  self->result = MAX (self->result, result);
  g_ptr_array_add (self->reasons, reason);
}

const char *
fd_placement_get_id (FdPlacement placement)
{
  g_return_val_if_fail (placement < FD_N_PLACEMENTS, NULL);
  return placements[placement].id;
}

const char *
fd_placement_get_title (FdPlacement placement)
{
  g_return_val_if_fail (placement < FD_N_PLACEMENTS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, placements[placement].title);
}

gboolean
fd_placement_from_id (const char  *id,
                      FdPlacement *placement)
{
  for (guint i = 0; i < FD_N_PLACEMENTS; i++)
    if (g_strcmp0 (placements[i].id, id) == 0)
      {
        *placement = i;
        return TRUE;
      }

  return FALSE;
}

/**
 * fd_placement_get_safe_zone:
 *
 * Returns: (nullable): the margins to keep free on @placement, or %NULL
 *   when Meta covers nothing (Feed)
 */
const FdSafeZone *
fd_placement_get_safe_zone (FdPlacement placement)
{
  switch (placement)
    {
    case FD_PLACEMENT_STORIES:
      return &stories_safe_zone;
    case FD_PLACEMENT_REELS:
      return &reels_safe_zone;
    case FD_PLACEMENT_FEED:
    case FD_N_PLACEMENTS:
    default:
      return NULL;
    }
}

const char *
fd_placement_result_get_id (FdPlacementResult result)
{
  g_return_val_if_fail (result <= FD_PLACEMENT_FAIL, NULL);
  return results[result].id;
}

const char *
fd_placement_result_get_title (FdPlacementResult result)
{
  g_return_val_if_fail (result <= FD_PLACEMENT_FAIL, NULL);
  return g_dgettext (GETTEXT_PACKAGE, results[result].title);
}

/**
 * fd_placement_describe_aspect:
 *
 * Returns: (transfer full): "16:9", "4:5", "1.91:1" for the common ratios
 *   (within 1 %), otherwise "1.23:1" or "1:1.23"
 */
char *
fd_placement_describe_aspect (int width,
                              int height)
{
  double aspect;

  if (width <= 0 || height <= 0)
    return g_strdup ("?");

  aspect = (double)width / height;
  for (guint i = 0; i < G_N_ELEMENTS (ratio_names); i++)
    if (fabs (aspect / ratio_value (ratio_names[i].ratio) - 1) <= 0.01)
      return g_strdup (ratio_names[i].name);

  if (aspect >= 1)
    return g_strdup_printf ("%.2f:1", aspect);
  return g_strdup_printf ("1:%.2f", 1 / aspect);
}

static char *
format_duration (gint64 us)
{
  double seconds = (double)us / G_USEC_PER_SEC;

  if (seconds >= 120 && fmod (seconds, 60) == 0)
    return g_strdup_printf (_("%.0f min"), seconds / 60);
  if (seconds >= 120)
    return g_strdup_printf (_("%.0f min %.0f s"), floor (seconds / 60), fmod (seconds, 60));
  return g_strdup_printf (_("%.3g s"), seconds);
}

static gboolean
within (double value,
        double low,
        double high,
        double tolerance)
{
  return value >= low * (1 - tolerance) && value <= high * (1 + tolerance);
}

static void
check_aspect (const PlacementSpec *spec,
              const FdMediaInfo   *info,
              FdPlacementCheck    *check)
{
  double aspect = fd_media_info_get_aspect (info);
  g_autofree char *actual = fd_placement_describe_aspect (fd_media_info_get_display_width (info),
                                                          info->height);
  int tolerance = (int)lround (spec->aspect_tolerance * 100);

  if (!within (aspect, ratio_value (spec->aspect_min), ratio_value (spec->aspect_max),
               spec->aspect_tolerance))
    {
      if (spec->aspect_min.n == spec->aspect_max.n && spec->aspect_min.d == spec->aspect_max.d)
        add_finding (check, FD_PLACEMENT_FAIL,
                     /* Translators: "9:16 needed (±1 %), this is 16:9" */
                     g_strdup_printf (_("%s needed (±%d %%), this is %s"),
                                      ratio_name (spec->aspect_min), tolerance, actual));
      else
        add_finding (check, FD_PLACEMENT_FAIL,
                     g_strdup_printf (_("Between %s and %s needed (±%d %%), this is %s"),
                                      ratio_name (spec->aspect_min), ratio_name (spec->aspect_max),
                                      tolerance, actual));
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (spec->recommended); i++)
    if (within (aspect, ratio_value (spec->recommended[i]), ratio_value (spec->recommended[i]),
                spec->aspect_tolerance))
      return;

  add_finding (check, FD_PLACEMENT_WARN,
               g_strdup_printf (_("%s or %s recommended, this is %s: it shows smaller"),
                                ratio_name (spec->recommended[0]), ratio_name (spec->recommended[1]),
                                actual));
}

static void
check_resolution (const PlacementSpec *spec,
                  const FdMediaInfo   *info,
                  FdPlacementCheck    *check)
{
  int width = fd_media_info_get_display_width (info);
  int height = info->height;

  if (width < spec->min_width || height < spec->min_height)
    {
      if (spec->min_height > 0)
        add_finding (check, FD_PLACEMENT_FAIL,
                     g_strdup_printf (_("At least %d×%d needed, this is %d×%d"),
                                      spec->min_width, spec->min_height, width, height));
      else
        add_finding (check, FD_PLACEMENT_FAIL,
                     g_strdup_printf (_("At least %d px wide needed, this is %d×%d"),
                                      spec->min_width, width, height));
      return;
    }

  if (MIN (width, height) < spec->recommended_short)
    add_finding (check, FD_PLACEMENT_WARN,
                 g_strdup_printf (_("At least %d px on the shorter side recommended, this is %d×%d"),
                                  spec->recommended_short, width, height));
}

static void
check_duration (const PlacementSpec *spec,
                const FdMediaInfo   *info,
                FdPlacementCheck    *check)
{
  g_autofree char *actual = format_duration (info->duration_us);
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  if (info->duration_us < spec->duration_min || info->duration_us > spec->duration_max)
    {
      low = format_duration (spec->duration_min);
      high = format_duration (spec->duration_max);
      add_finding (check, FD_PLACEMENT_FAIL,
                   g_strdup_printf (_("%s to %s allowed, this is %s"), low, high, actual));
    }
  else if (info->duration_us < spec->duration_warn_min || info->duration_us > spec->duration_warn_max)
    {
      low = format_duration (spec->duration_warn_min);
      high = format_duration (spec->duration_warn_max);
      add_finding (check, FD_PLACEMENT_WARN,
                   g_strdup_printf (_("%s to %s recommended, this is %s"), low, high, actual));
    }
}

static gboolean
codec_in (const char *list,
          const char *codec)
{
  g_auto(GStrv) names = NULL;

  if (list == NULL)
    return TRUE;
  if (codec == NULL)
    return FALSE;

  names = g_strsplit (list, ",", -1);
  return g_strv_contains ((const char * const *)names, codec);
}

static void
check_size (const PlacementSpec *spec,
            const FdMediaInfo   *info,
            FdPlacementCheck    *check)
{
  g_autofree char *limit = NULL;
  g_autofree char *actual = NULL;

  if (info->size_bytes <= spec->max_size)
    return;

  limit = g_format_size (spec->max_size);
  actual = g_format_size (info->size_bytes);
  add_finding (check, FD_PLACEMENT_FAIL,
               g_strdup_printf (_("At most %s allowed, this is %s"), limit, actual));
}

static void
check_codecs (const PlacementSpec *spec,
              const FdMediaInfo   *info,
              FdPlacementCheck    *check)
{
  g_autofree char *codec = g_ascii_strup (info->video_codec ? info->video_codec : "?", -1);

  if (!codec_in (spec->codecs, info->video_codec))
    add_finding (check, FD_PLACEMENT_WARN,
                 g_strdup_printf (_("%s recommended, this is %s: Meta will re-encode it"),
                                  g_dgettext (GETTEXT_PACKAGE, spec->codecs_title), codec));

  if (!spec->image && info->audio_codec != NULL && !codec_in (spec->audio_codecs, info->audio_codec))
    {
      g_autofree char *audio = g_ascii_strup (info->audio_codec, -1);

      add_finding (check, FD_PLACEMENT_WARN,
                   g_strdup_printf (_("AAC sound recommended, this is %s"), audio));
    }
}

static void
check_frame_rate (const PlacementSpec *spec,
                  const FdMediaInfo   *info,
                  FdPlacementCheck    *check)
{
  double fps = fd_media_info_get_fps (info);

  if (spec->fps_max <= 0 || (fps >= spec->fps_min - 0.01 && fps <= spec->fps_max + 0.01))
    return;

  add_finding (check, FD_PLACEMENT_WARN,
               g_strdup_printf (_("%.0f to %.0f fps recommended, this is %.4g fps"),
                                floor (spec->fps_min + 0.5), spec->fps_max, fps));
}

static const PlacementSpec *
find_spec (FdPlacement placement,
           gboolean    image)
{
  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    if (specs[i].placement == placement && specs[i].image == image)
      return &specs[i];

  g_return_val_if_reached (NULL);
}

/**
 * fd_placement_check:
 * @info: what the probe read from a version's file
 *
 * Checks @info against @placement's spec: aspect ratio (with its
 * tolerance), resolution, duration, file size, codecs and frame rate.
 *
 * Returns: (transfer full): the result and its reasons
 */
FdPlacementCheck *
fd_placement_check (FdPlacement        placement,
                    const FdMediaInfo *info)
{
  const PlacementSpec *spec;
  FdPlacementCheck *check;

  g_return_val_if_fail (placement < FD_N_PLACEMENTS, NULL);
  g_return_val_if_fail (info != NULL, NULL);

  spec = find_spec (placement, info->is_image);
  check = check_new (placement);

  check_aspect (spec, info, check);
  check_resolution (spec, info, check);
  if (!info->is_image)
    check_duration (spec, info, check);
  check_size (spec, info, check);
  check_codecs (spec, info, check);
  if (!info->is_image)
    check_frame_rate (spec, info, check);

  return check;
}

/**
 * fd_placement_check_all:
 *
 * Returns: (transfer full) (element-type FdPlacementCheck): one check per
 *   placement, in FdPlacement order
 */
GPtrArray *
fd_placement_check_all (const FdMediaInfo *info)
{
  GPtrArray *checks = g_ptr_array_new_with_free_func ((GDestroyNotify)fd_placement_check_free);

  for (guint i = 0; i < FD_N_PLACEMENTS; i++)
    g_ptr_array_add (checks, fd_placement_check (i, info));

  return checks;
}

/**
 * fd_placement_check_to_json:
 *
 * Returns: (transfer full): {"placement": "feed", "result": "warn",
 *   "reasons": ["…"]}
 */
JsonNode *
fd_placement_check_to_json (const FdPlacementCheck *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "placement");
  json_builder_add_string_value (builder, fd_placement_get_id (self->placement));
  json_builder_set_member_name (builder, "result");
  json_builder_add_string_value (builder, fd_placement_result_get_id (self->result));
  json_builder_set_member_name (builder, "reasons");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->reasons->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (self->reasons, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
fd_placement_checks_to_json (GPtrArray *checks)
{
  JsonArray *array = json_array_sized_new (checks->len);
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < checks->len; i++)
    json_array_add_element (array, fd_placement_check_to_json (g_ptr_array_index (checks, i)));

  json_node_take_array (node, array);
  return node;
}
