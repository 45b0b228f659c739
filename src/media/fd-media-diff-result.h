/* fd-media-diff-result.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * FdChangeRange:
 * @first_frame: first changed frame (A's numbering)
 * @last_frame: last changed frame
 * @start: start of @first_frame, in seconds
 * @end: end of @last_frame, in seconds
 * @peak: the largest share of changed blocks in the range, 0–1
 */
typedef struct
{
  gint64 first_frame;
  gint64 last_frame;
  double start;
  double end;
  double peak;
} FdChangeRange;

/**
 * FdMediaDiffResult:
 * @fps: A's frame rate, the timeline's
 * @frames_compared: how many frames of A had a frame of B to compare with
 * @offset: B's frame = A's frame + @offset
 * @threshold: share of changed blocks from which a frame counts as changed
 * @block_threshold: mean difference (0–255) from which an 8×8 block counts
 *   as changed
 * @scores: (element-type float): per frame of A, the share of changed
 *   8×8 blocks (-1 where B had no frame to compare)
 * @ranges: (element-type FdChangeRange): the changed time ranges
 */
typedef struct
{
  double  fps;
  gint64  frames_compared;
  int     offset;
  double  threshold;
  int     block_threshold;
  GArray *scores;
  GArray *ranges;
} FdMediaDiffResult;

#define FD_TYPE_MEDIA_DIFF_RESULT (fd_media_diff_result_get_type ())

GType              fd_media_diff_result_get_type  (void) G_GNUC_CONST;
FdMediaDiffResult *fd_media_diff_result_copy      (const FdMediaDiffResult *self);
void               fd_media_diff_result_free      (FdMediaDiffResult       *self);
JsonNode          *fd_media_diff_result_to_json   (const FdMediaDiffResult *self,
                                                   gboolean                 with_scores);
FdMediaDiffResult *fd_media_diff_result_from_json (JsonNode                *node,
                                                   GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdMediaDiffResult, fd_media_diff_result_free)

FdMediaDiffResult *fd_media_diff_result_new       (void);

G_END_DECLS
