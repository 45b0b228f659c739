/* fd-placement.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "fd-media-info.h"

G_BEGIN_DECLS

/**
 * FdPlacement:
 * @FD_PLACEMENT_FEED: Facebook and Instagram Feed
 * @FD_PLACEMENT_STORIES: Facebook and Instagram Stories
 * @FD_PLACEMENT_REELS: Facebook and Instagram Reels
 *
 * The Meta placements a creative version is checked against.
 */
typedef enum
{
  FD_PLACEMENT_FEED,
  FD_PLACEMENT_STORIES,
  FD_PLACEMENT_REELS,
  FD_N_PLACEMENTS,
} FdPlacement;

/**
 * FdPlacementResult:
 * @FD_PLACEMENT_PASS: meets the spec
 * @FD_PLACEMENT_WARN: accepted by Meta, but not as recommended
 * @FD_PLACEMENT_FAIL: Meta rejects it, or it would be cropped or cut
 *
 * Ordered: a check's result is the worst of its findings.
 */
typedef enum
{
  FD_PLACEMENT_PASS,
  FD_PLACEMENT_WARN,
  FD_PLACEMENT_FAIL,
} FdPlacementResult;

/**
 * FdSafeZone:
 * @top: fraction of the height to keep free of text and logos at the top
 * @bottom: the same at the bottom
 * @left: the same at the left
 * @right: the same at the right
 *
 * The margins Meta's interface covers on a 9:16 placement.
 */
typedef struct
{
  double top;
  double bottom;
  double left;
  double right;
} FdSafeZone;

/**
 * FdPlacementCheck:
 * @placement: which placement
 * @result: the worst finding
 * @reasons: (element-type utf8): one sentence per finding that is not a
 *   pass, for people ("4:5 needed (±3 %), this is 16:9")
 */
typedef struct
{
  FdPlacement        placement;
  FdPlacementResult  result;
  GPtrArray         *reasons;
} FdPlacementCheck;

#define FD_TYPE_PLACEMENT_CHECK (fd_placement_check_get_type ())

GType              fd_placement_check_get_type   (void) G_GNUC_CONST;
FdPlacementCheck  *fd_placement_check_copy       (const FdPlacementCheck *self);
void               fd_placement_check_free       (FdPlacementCheck       *self);
JsonNode          *fd_placement_check_to_json    (const FdPlacementCheck *self);

const char        *fd_placement_get_id           (FdPlacement             placement);
const char        *fd_placement_get_title        (FdPlacement             placement);
gboolean           fd_placement_from_id          (const char             *id,
                                                  FdPlacement            *placement);
const FdSafeZone  *fd_placement_get_safe_zone    (FdPlacement             placement);
const char        *fd_placement_result_get_id    (FdPlacementResult       result);
const char        *fd_placement_result_get_title (FdPlacementResult       result);

FdPlacementCheck  *fd_placement_check            (FdPlacement             placement,
                                                  const FdMediaInfo      *info);
GPtrArray         *fd_placement_check_all        (const FdMediaInfo      *info);
JsonNode          *fd_placement_checks_to_json   (GPtrArray              *checks);
char              *fd_placement_describe_aspect  (int                     width,
                                                  int                     height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdPlacementCheck, fd_placement_check_free)

G_END_DECLS
