/* fd-demo-creatives.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-demo-creatives"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gst/gst.h>
#include <math.h>

#include "fd-asset-catalog.h"
#include "fd-asset-importer.h"
#include "fd-asset-query.h"
#include "fd-asset-workflow.h"
#include "fd-brief.h"
#include "fd-comment-catalog.h"
#include "fd-demo.h"
#include "fd-demo-creatives.h"
#include "fd-media.h"
#include "fd-placement-gate.h"
#include "fd-reviewer-policy.h"

/* The Northwind Outdoor team's creatives. Short clips and stills are
 * rendered here (videotestsrc looks with titles), imported like any file,
 * and walked through the workflow by the people who would do it, so that
 * every column of the board has something and the audit log tells a true
 * story. */

#define FRAME_RATE 24
#define ENCODE_TIMEOUT (60 * GST_SECOND)

typedef struct
{
  const char *file;
  int         width;
  int         height;
  int         frames;       /* 0: a PNG still */
  const char *pattern;
  guint32     foreground;
  guint32     background;
  const char *title;
  const char *line;
  gboolean    audio;
} DemoMedia;

enum {
  HERO_V1,
  HERO_V2,
  CUTDOWN,
  STORM,
  STORM_WIDE,
  FEED,
  SQUARE_V1,
  SQUARE_V2,
  N_MEDIA
};

static const DemoMedia media[N_MEDIA] = {
  [HERO_V1]   = { "ridgeline-hero.mp4", 1080, 1920, 30, "spokes", 0xffc98a06, 0xff1f3d2b,
                  "RIDGELINE", "Grip that holds on wet rock", FALSE },
  [HERO_V2]   = { "ridgeline-hero-v2.mp4", 1080, 1920, 30, "ball", 0xffffffff, 0xff12324a,
                  "RIDGELINE", "Wet rock. Full grip.", FALSE },
  [CUTDOWN]   = { "ridgeline-cutdown-16x9.mp4", 1920, 1080, 30, "pinwheel", 0xff3e7d4f, 0xff0f2417,
                  "RIDGELINE", "Six seconds on wet granite", TRUE },
  [STORM]     = { "stormfront-story.mp4", 1080, 1920, 30, "gradient", 0xff2b5d8a, 0xff0b1622,
                  "STORMFRONT", "Still dry inside.", FALSE },
  [STORM_WIDE] = { "stormfront-cutdown-16x9.mp4", 1920, 1080, 30, "circular", 0xff2b5d8a, 0xff0b1622,
                  "STORMFRONT", "Dry to the last seam", FALSE },
  [FEED]      = { "ridgeline-feed-4x5.png", 1080, 1350, 0, "gradient", 0xff2f6b3a, 0xff0f2417,
                  "RIDGELINE", "Trail shoe · from €139", FALSE },
  [SQUARE_V1] = { "basecamp-square.png", 1080, 1080, 0, "solid-color", 0xffd9822b, 0,
                  "BASECAMP", "One bundle, the whole weekend", FALSE },
  [SQUARE_V2] = { "basecamp-square-v2.png", 1080, 1080, 0, "solid-color", 0xff2e6f73, 0,
                  "BASECAMP", "Tent, stove, four chairs: one bundle", FALSE },
};

/*
 * Rendering
 */

static char *
overlays (const DemoMedia *item)
{
  int title_size = MIN (item->width, item->height) / 20;

  /* Without Pango's overlay the clips are made without titles. */
  if (!gst_element_factory_find ("textoverlay"))
    return g_strdup ("");

  return g_strdup_printf ("textoverlay text=\"%s\" font-desc=\"Sans Bold %d\" valignment=top "
                          "ypad=%d shaded-background=false ! "
                          "textoverlay text=\"%s\" font-desc=\"Sans %d\" valignment=bottom "
                          "ypad=%d ! ",
                          item->title, title_size, item->height / 8,
                          item->line, title_size / 2, item->height / 7);
}

static gboolean
render (const DemoMedia  *item,
        const char       *path,
        GError          **error)
{
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;
  g_autofree char *texts = overlays (item);
  g_autofree char *audio = NULL;
  g_autofree char *description = NULL;
  gboolean still = item->frames == 0;

  if (item->audio)
    audio = g_strdup_printf ("audiotestsrc wave=ticks num-buffers=%d samplesperbuffer=1024 ! "
                             "audio/x-raw,rate=48000,channels=2 ! audioconvert ! avenc_aac ! mux.",
                             item->frames * 48000 / FRAME_RATE / 1024 + 1);

  description =
    g_strdup_printf ("videotestsrc num-buffers=%d pattern=%s foreground-color=%u "
                     "background-color=%u ! "
                     "video/x-raw,width=%d,height=%d,framerate=%d/1 ! %s videoconvert ! %s "
                     "filesink location=\"%s\" %s",
                     still ? 1 : item->frames, item->pattern, item->foreground, item->background,
                     item->width, item->height, FRAME_RATE, texts,
                     still ? "pngenc !"
                           : "video/x-raw,format=I420 ! x264enc speed-preset=ultrafast "
                             "key-int-max=24 ! h264parse ! mp4mux name=mux !",
                     path, audio ? audio : "");

  if (!(pipeline = gst_parse_launch (description, error)))
    return FALSE;
  gst_object_ref_sink (pipeline);

  bus = gst_element_get_bus (pipeline);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  message = gst_bus_timed_pop_filtered (bus, ENCODE_TIMEOUT, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  gst_element_set_state (pipeline, GST_STATE_NULL);

  if (message == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                   _("Rendering the demo clip “%s” took too long."), item->file);
      return FALSE;
    }

  if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_ERROR)
    {
      gst_message_parse_error (message, error, NULL);
      g_prefix_error (error, _("Rendering the demo clip “%s” failed: "), item->file);
      return FALSE;
    }

  return TRUE;
}

/*
 * The story
 */

typedef struct
{
  FdWorkspace *workspace;
  FdStore     *store;
  char        *dir;
  gint64       briefs[3];
  gint64       maya, tomas, aiko, priya, jonah, grace, dana;
  guint        n_assets;
} Demo;

static gboolean
import (Demo        *demo,
        int          which,
        gint64       person_id,
        gint64       asset_id,
        gint64       brief_id,
        const char  *name,
        const char  *note,
        gint64      *id_out,
        GError     **error)
{
  g_autoptr(FdAssetImportRequest) request = fd_asset_import_request_new ();
  g_autofree char *path = g_build_filename (demo->dir, media[which].file, NULL);
  FdAssetImportResult result = { 0 };

  if (!render (&media[which], path, error))
    return FALSE;

  request->person_id = person_id;
  request->asset_id = asset_id;
  request->brief_id = brief_id;
  request->name = g_strdup (name);
  request->note = g_strdup (note);

  if (!fd_asset_import_file (demo->workspace, request, path, &result, NULL, error))
    return FALSE;

  if (result.new_asset)
    demo->n_assets++;
  if (id_out != NULL)
    *id_out = result.asset_id;
  return TRUE;
}

static gint64
text_asset (Demo         *demo,
            FdAssetKind   kind,
            gint64        person_id,
            gint64        brief_id,
            gint64        group_id,
            const char   *name,
            const char   *text,
            GError      **error)
{
  gint64 id = fd_asset_create (demo->store, person_id, kind, name, brief_id, group_id, text, error);

  if (id != 0)
    demo->n_assets++;
  return id;
}

static gboolean
campaign (Demo        *demo,
          gint64       asset_id,
          const char  *name,
          GError     **error)
{
  FdAssetChanges changes = { FD_ASSET_CHANGE_CAMPAIGN, NULL, 0, name, 0, 0 };

  return fd_asset_update (demo->store, demo->dana, asset_id, &changes, error);
}

static gboolean
submit (Demo     *demo,
        gint64    person_id,
        gint64    asset_id,
        GError  **error)
{
  return fd_asset_transition (demo->store, person_id, asset_id, FD_ASSET_STATE_IN_REVIEW,
                              NULL, error);
}

static gboolean
decide (Demo              *demo,
        gint64             person_id,
        gint64             asset_id,
        FdReviewDecision   decision,
        const char        *feedback,
        GError           **error)
{
  return fd_asset_review (demo->store, person_id, asset_id, decision, feedback, NULL, error);
}

static gboolean
set_policies (Demo     *demo,
              GError  **error)
{
  const gint64 video_required[] = { demo->maya, demo->grace };
  const gint64 video_optional[] = { demo->dana };
  const gint64 image_required[] = { demo->maya };
  const gint64 copy_required[] = { demo->priya, demo->grace };
  const gint64 script_required[] = { demo->priya };
  const gint64 script_optional[] = { demo->maya };

  return fd_reviewer_policy_set (demo->store, demo->maya, FD_ASSET_KIND_VIDEO,
                                 video_required, 2, video_optional, 1, error) &&
         fd_reviewer_policy_set (demo->store, demo->maya, FD_ASSET_KIND_IMAGE,
                                 image_required, 1, NULL, 0, error) &&
         fd_reviewer_policy_set (demo->store, demo->priya, FD_ASSET_KIND_HEADLINE,
                                 copy_required, 2, NULL, 0, error) &&
         fd_reviewer_policy_set (demo->store, demo->priya, FD_ASSET_KIND_PRIMARY_TEXT,
                                 copy_required, 2, NULL, 0, error) &&
         fd_reviewer_policy_set (demo->store, demo->priya, FD_ASSET_KIND_SCRIPT,
                                 script_required, 1, script_optional, 1, error);
}

/* A box on the frame, in fractions of the picture. */
static FdMarkupShape *
box (double x,
     double y,
     double w,
     double h)
{
  FdMarkupShape *shape = fd_markup_shape_new (FD_MARKUP_RECTANGLE, NULL);

  fd_markup_shape_add_point (shape, x, y);
  fd_markup_shape_add_point (shape, x + w, y + h);
  return shape;
}

/* A stroke around something, in fractions of the picture. */
static FdMarkupShape *
circle_around (double x,
               double y,
               double r)
{
  FdMarkupShape *shape = fd_markup_shape_new (FD_MARKUP_FREEHAND, "#f6d32d");

  for (int i = 0; i <= 16; i++)
    fd_markup_shape_add_point (shape, x + r * cos (i * G_PI / 8), y + r * 0.5625 * sin (i * G_PI / 8));
  return shape;
}

/* A comment on frames @first to @last (-1: the whole version), with
 * @mark (transfer full, nullable). */
static gint64
comment (Demo           *demo,
         gint64          person_id,
         gint64          asset_id,
         gint64          version,
         gint64          first,
         gint64          last,
         FdMarkupShape  *mark,
         const char     *text,
         GError        **error)
{
  FdCommentAnchor anchor = { first, last, -1, -1, mark };
  gint64 id = fd_comment_add (demo->store, person_id, asset_id, version, &anchor, text, error);

  g_clear_object (&mark);
  return id;
}

static gboolean
override (Demo         *demo,
          gint64        person_id,
          gint64        asset_id,
          FdPlacement   placement,
          const char   *reason,
          GError      **error)
{
  return fd_asset_override_placement (demo->store, person_id, asset_id, 0, placement, reason, error);
}

#define RIDGELINE_CAMPAIGN "Ridgeline — Spring launch (DE/AT)"
#define STORMFRONT_CAMPAIGN "Stormfront — Cart recovery"

/* The hero: reviewed frame by frame. Version 1 draws a marked comment (a
 * thread Aiko answers and Maya resolves once v2 fixes it) and a request
 * for changes; v2 fails Feed, which the Ridgeline brief requires along with
 * Stories and Reels, so Maya overrides Feed before approving; Grace's
 * question is still open. Frames at 24 fps: 0 to 29. */
static gboolean
hero_story (Demo     *demo,
            GError  **error)
{
  gint64 hero = 0;
  gint64 ball = 0;

  return import (demo, HERO_V1, demo->aiko, 0, demo->briefs[0], "Ridgeline hero 9:16",
                 "Rough cut", &hero, error) &&
         campaign (demo, hero, RIDGELINE_CAMPAIGN, error) &&
         submit (demo, demo->aiko, hero, error) &&
         (ball = comment (demo, demo->maya, hero, 1, 4, 4, circle_around (0.5, 0.5, 0.22),
                          "The amber ball fights the title. Lose it, or take it much cooler.",
                          error)) &&
         comment (demo, demo->grace, hero, 1, 18, 29, box (0.1, 0.78, 0.8, 0.1),
                  "The line sits in the bottom 20 % that Stories covers with the reply bar.",
                  error) &&
         decide (demo, demo->maya, hero, FD_REVIEW_DECISION_CHANGES_REQUESTED,
                 "The amber ball fights the title; go cooler, and open on the line, not the logo.",
                 error) &&
         fd_comment_reply (demo->store, demo->aiko, ball,
                           "Gone in v2: cooler grade, the line opens the cut.", error) &&
         import (demo, HERO_V2, demo->aiko, hero, 0, NULL,
                 "Cooler grade, new line up front", NULL, error) &&
         fd_comment_resolve (demo->store, demo->maya, ball, error) &&
         submit (demo, demo->aiko, hero, error) &&
         override (demo, demo->maya, hero, FD_PLACEMENT_FEED,
                   "The vertical hero runs in Stories and Reels only; Feed gets the 4:5 still and "
                   "the 16:9 cutdown.", error) &&
         decide (demo, demo->maya, hero, FD_REVIEW_DECISION_APPROVED, NULL, error) &&
         comment (demo, demo->dana, hero, 2, 24, 29, box (0.06, 0.65, 0.88, 0.35),
                  "Reels covers the bottom 35 %: the line still clears it, the logo does not.",
                  error) &&
         comment (demo, demo->grace, hero, 2, 12, 23, circle_around (0.5, 0.3, 0.15),
                  "“Full grip” is a claim: which test backs it? I approve once it is cited.",
                  error);
}

/* Videos: the hero in review after a revision; a 16:9 cutdown that fails
 * the Stories and Reels its brief requires, approved with both checks
 * overridden; a second 16:9 cut still blocked on Stories; a draft. */
static gboolean
video_story (Demo     *demo,
             GError  **error)
{
  gint64 cutdown = 0;
  gint64 wide = 0;

  return hero_story (demo, error) &&

         import (demo, CUTDOWN, demo->aiko, 0, demo->briefs[0], "Ridgeline cutdown 16:9",
                 "6 s cutdown for feed", &cutdown, error) &&
         campaign (demo, cutdown, RIDGELINE_CAMPAIGN, error) &&
         submit (demo, demo->aiko, cutdown, error) &&
         override (demo, demo->maya, cutdown, FD_PLACEMENT_STORIES,
                   "Feed-only cutdown: Stories runs the vertical hero.", error) &&
         override (demo, demo->grace, cutdown, FD_PLACEMENT_REELS,
                   "Feed-only cutdown: Reels runs the vertical hero.", error) &&
         decide (demo, demo->maya, cutdown, FD_REVIEW_DECISION_APPROVED, NULL, error) &&
         decide (demo, demo->grace, cutdown, FD_REVIEW_DECISION_APPROVED,
                 "Claims are fine; the price is not shown.", error) &&

         import (demo, STORM, demo->aiko, 0, demo->briefs[1], "Stormfront story 9:16",
                 NULL, NULL, error) &&

         import (demo, STORM_WIDE, demo->aiko, 0, demo->briefs[1], "Stormfront cutdown 16:9",
                 "Landscape cut of the story", &wide, error) &&
         campaign (demo, wide, STORMFRONT_CAMPAIGN, error) &&
         submit (demo, demo->aiko, wide, error) &&
         comment (demo, demo->maya, wide, 1, -1, -1, NULL,
                  "The Stormfront brief runs in Stories: this 16:9 cut fails it. I won't override; "
                  "Aiko, can we have the 9:16 version?", error);
}

/* Images: one uploaded, one sent back. */
static gboolean
image_story (Demo     *demo,
             GError  **error)
{
  FdMediaStore *media_store = fd_workspace_get_media_store (demo->workspace);
  gint64 feed = 0;
  gint64 square = 0;

  return import (demo, FEED, demo->tomas, 0, demo->briefs[0], "Ridgeline feed 4:5",
                 NULL, &feed, error) &&
         campaign (demo, feed, RIDGELINE_CAMPAIGN, error) &&
         submit (demo, demo->tomas, feed, error) &&
         comment (demo, demo->maya, feed, 1, -1, -1, box (0.62, 0.05, 0.33, 0.12),
                  "Price badge is crisp; keep this corner for it in every size.", error) &&
         override (demo, demo->maya, feed, FD_PLACEMENT_STORIES,
                   "Feed still: Stories and Reels run the vertical hero.", error) &&
         override (demo, demo->maya, feed, FD_PLACEMENT_REELS,
                   "Feed still: Stories and Reels run the vertical hero.", error) &&
         decide (demo, demo->maya, feed, FD_REVIEW_DECISION_APPROVED, NULL, error) &&
         fd_asset_mark_uploaded (demo->store, media_store, demo->dana, feed, NULL, error) &&

         import (demo, SQUARE_V1, demo->tomas, 0, demo->briefs[2], "Basecamp bundle 1:1",
                 NULL, &square, error) &&
         submit (demo, demo->tomas, square, error) &&
         decide (demo, demo->maya, square, FD_REVIEW_DECISION_CHANGES_REQUESTED,
                 "Orange reads as a sale banner. Show what is in the bundle.", error) &&
         import (demo, SQUARE_V2, demo->tomas, square, 0, NULL,
                 "Teal, and the bundle's contents in the line", NULL, error);
}

/* Copy: a dynamic creative's headlines approved one by one, texts in
 * review and sent back, an archived headline and an approved script. */
static gboolean
copy_story (Demo     *demo,
            GError  **error)
{
  gint64 group, grip, built, dry, body, storm_body, conquer, script;

  group = fd_asset_group_create (demo->store, demo->jonah, "Ridgeline dynamic creative",
                                 demo->briefs[0], error);
  if (group == 0)
    return FALSE;

  return (grip = text_asset (demo, FD_ASSET_KIND_HEADLINE, demo->jonah, demo->briefs[0], group,
                             "Headline: grip", "Grip that holds on wet rock", error)) &&
         fd_asset_add_text_version (demo->store, demo->jonah, grip, "Wet rock. Full grip.",
                                    "Shorter, for Stories", error) &&
         submit (demo, demo->jonah, grip, error) &&
         decide (demo, demo->priya, grip, FD_REVIEW_DECISION_APPROVED, NULL, error) &&
         decide (demo, demo->grace, grip, FD_REVIEW_DECISION_APPROVED, NULL, error) &&
         campaign (demo, grip, RIDGELINE_CAMPAIGN, error) &&

         (built = text_asset (demo, FD_ASSET_KIND_HEADLINE, demo->jonah, demo->briefs[0], group,
                              "Headline: built", "Built for the wet half of the trail", error)) &&
         submit (demo, demo->jonah, built, error) &&

         (body = text_asset (demo, FD_ASSET_KIND_PRIMARY_TEXT, demo->jonah, demo->briefs[0], group,
                             "Primary text: Ridgeline",
                             "Granite after rain is where most trail shoes give up. The "
                             "Ridgeline's lugs were tested on it.", error)) &&
         fd_asset_add_text_version (demo->store, demo->jonah, body,
                                    "Granite after rain is where most trail shoes give up. The "
                                    "Ridgeline's lugs were made for it: 5 mm, sticky rubber, "
                                    "no slip on the way down.",
                                    "Concrete numbers instead of “tested”", error) &&
         submit (demo, demo->jonah, body, error) &&
         decide (demo, demo->grace, body, FD_REVIEW_DECISION_APPROVED, NULL, error) &&

         (dry = text_asset (demo, FD_ASSET_KIND_HEADLINE, demo->jonah, demo->briefs[1], 0,
                            "Headline: still dry", "Still thinking it over? It is still dry inside.",
                            error)) &&
         campaign (demo, dry, STORMFRONT_CAMPAIGN, error) &&

         (storm_body = text_asset (demo, FD_ASSET_KIND_PRIMARY_TEXT, demo->jonah, demo->briefs[1], 0,
                                   "Primary text: Stormfront",
                                   "Waterproof to the last seam. Your Stormfront is waiting in "
                                   "your cart.", error)) &&
         submit (demo, demo->jonah, storm_body, error) &&
         decide (demo, demo->grace, storm_body, FD_REVIEW_DECISION_CHANGES_REQUESTED,
                 "“Waterproof” needs the test standard (EN 343 class 4), or say water-resistant.",
                 error) &&

         (conquer = text_asset (demo, FD_ASSET_KIND_HEADLINE, demo->jonah, demo->briefs[0], 0,
                                "Headline: conquer", "Conquer every trail", error)) &&
         fd_asset_transition (demo->store, demo->priya, conquer, FD_ASSET_STATE_ARCHIVED,
                              "Off-brief: the brief is grip on wet rock, not conquest.", error) &&

         (script = text_asset (demo, FD_ASSET_KIND_SCRIPT, demo->jonah, demo->briefs[0], 0,
                               "Hero 9:16 voice-over",
                               "0–2 s: rain on granite, no voice.\n"
                               "2–6 s: “Most shoes give up here.”\n"
                               "6–12 s: the lugs, close. “Ridgeline doesn't.”\n"
                               "12–15 s: logo, price from €139.", error)) &&
         submit (demo, demo->jonah, script, error) &&
         decide (demo, demo->priya, script, FD_REVIEW_DECISION_APPROVED, NULL, error);
}

static gboolean
find_people (Demo     *demo,
             GError  **error)
{
  g_autoptr(GPtrArray) briefs = fd_brief_list (demo->store, error);

  if (briefs == NULL)
    return FALSE;

  demo->maya = fd_demo_find_person (demo->store, "maya@northwind.example");
  demo->tomas = fd_demo_find_person (demo->store, "tomas@northwind.example");
  demo->aiko = fd_demo_find_person (demo->store, "aiko@northwind.example");
  demo->priya = fd_demo_find_person (demo->store, "priya@northwind.example");
  demo->jonah = fd_demo_find_person (demo->store, "jonah@northwind.example");
  demo->grace = fd_demo_find_person (demo->store, "grace@northwind.example");
  demo->dana = fd_demo_find_person (demo->store, "dana@northwind.example");

  if (!demo->maya || !demo->tomas || !demo->aiko || !demo->priya || !demo->jonah ||
      !demo->grace || !demo->dana || briefs->len < G_N_ELEMENTS (demo->briefs))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The demo team and briefs must exist before its creatives."));
      return FALSE;
    }

  /* fd_brief_list() is newest first; the demo's briefs were made in order. */
  for (guint i = 0; i < G_N_ELEMENTS (demo->briefs); i++)
    demo->briefs[i] = fd_brief_get_id (g_ptr_array_index (briefs, briefs->len - 1 - i));

  return TRUE;
}

/**
 * fd_demo_creatives_populate:
 * @n_assets: (out) (optional): how many assets the demo holds
 *
 * Adds the demo's creatives once; on a demo that has them already, only
 * counts them. Takes a few seconds: the clips are rendered and imported.
 *
 * Returns: %TRUE on success
 */
gboolean
fd_demo_creatives_populate (FdWorkspace  *workspace,
                            guint        *n_assets,
                            GError      **error)
{
  g_autoptr(GPtrArray) existing = NULL;
  g_autofree char *dir = NULL;
  Demo demo = { 0 };
  gboolean ok;

  g_return_val_if_fail (FD_IS_WORKSPACE (workspace), FALSE);

  demo.workspace = workspace;
  demo.store = fd_workspace_get_store (workspace);

  if (!(existing = fd_asset_list_all (demo.store, error)))
    return FALSE;

  if (existing->len > 0)
    {
      if (n_assets != NULL)
        *n_assets = existing->len;
      return TRUE;
    }

  if (!fd_media_ensure_init (error) || !find_people (&demo, error))
    return FALSE;

  if (!(dir = g_dir_make_tmp ("flightdeck-demo-XXXXXX", error)))
    return FALSE;
  demo.dir = dir;

  ok = set_policies (&demo, error) &&
       video_story (&demo, error) &&
       image_story (&demo, error) &&
       copy_story (&demo, error);

  for (guint i = 0; i < N_MEDIA; i++)
    {
      g_autofree char *path = g_build_filename (dir, media[i].file, NULL);

      g_remove (path);
    }
  g_rmdir (dir);

  if (ok && n_assets != NULL)
    *n_assets = demo.n_assets;
  return ok;
}
