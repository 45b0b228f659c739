/* fd-media-diff.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
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

#define FD_MEDIA_DIFF_DEFAULT_THRESHOLD       0.004
#define FD_MEDIA_DIFF_DEFAULT_BLOCK_THRESHOLD 12

#define FD_TYPE_MEDIA_DIFF (fd_media_diff_get_type ())

G_DECLARE_FINAL_TYPE (FdMediaDiff, fd_media_diff, FD, MEDIA_DIFF, GObject)

FdMediaDiff       *fd_media_diff_new            (const char    *path_a,
                                                 const char    *path_b);
void               fd_media_diff_set_offset     (FdMediaDiff   *self,
                                                 int            offset);
void               fd_media_diff_set_threshold  (FdMediaDiff   *self,
                                                 double         threshold);
void               fd_media_diff_set_cache      (FdMediaDiff   *self,
                                                 const char    *cache_dir,
                                                 const char    *id_a,
                                                 const char    *id_b);
char              *fd_media_diff_dup_cache_key  (FdMediaDiff   *self,
                                                 GError       **error);
double             fd_media_diff_get_progress   (FdMediaDiff   *self);
gboolean           fd_media_diff_get_from_cache (FdMediaDiff   *self);
FdMediaDiffResult *fd_media_diff_run            (FdMediaDiff   *self,
                                                 GCancellable  *cancellable,
                                                 GError       **error);
void               fd_media_diff_run_async      (FdMediaDiff          *self,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
FdMediaDiffResult *fd_media_diff_run_finish     (FdMediaDiff   *self,
                                                 GAsyncResult  *result,
                                                 GError       **error);
char              *fd_media_diff_file_id        (const char    *path,
                                                 GError       **error);

G_END_DECLS
