/* fd-text-diff.h
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
 * FdTextDiffKind:
 * @FD_TEXT_DIFF_EQUAL: text both versions share
 * @FD_TEXT_DIFF_DELETE: text only the old version has
 * @FD_TEXT_DIFF_INSERT: text only the new version has
 */
typedef enum
{
  FD_TEXT_DIFF_EQUAL,
  FD_TEXT_DIFF_DELETE,
  FD_TEXT_DIFF_INSERT,
} FdTextDiffKind;

/**
 * FdTextDiffSpan:
 * @kind: equal, deleted or inserted
 * @text: the words, with their spacing and punctuation
 */
typedef struct
{
  FdTextDiffKind  kind;
  char           *text;
} FdTextDiffSpan;

/**
 * FdTextDiff:
 * @spans: (element-type FdTextDiffSpan): the old and the new text
 *   interleaved; reading the equal and deleted spans gives the old text,
 *   the equal and inserted spans the new one
 * @words_deleted: how many words were removed
 * @words_inserted: how many words were added
 *
 * A word-level diff of two texts (headline, primary text, script).
 */
typedef struct
{
  GPtrArray *spans;
  guint      words_deleted;
  guint      words_inserted;
} FdTextDiff;

#define FD_TYPE_TEXT_DIFF (fd_text_diff_get_type ())

GType        fd_text_diff_get_type   (void) G_GNUC_CONST;
FdTextDiff  *fd_text_diff_compute    (const char       *old_text,
                                      const char       *new_text);
FdTextDiff  *fd_text_diff_copy       (const FdTextDiff *self);
void         fd_text_diff_free       (FdTextDiff       *self);
gboolean     fd_text_diff_is_equal   (const FdTextDiff *self);
char        *fd_text_diff_dup_side   (const FdTextDiff *self,
                                      gboolean          new_side);
char        *fd_text_diff_summarize  (const FdTextDiff *self);
JsonNode    *fd_text_diff_to_json    (const FdTextDiff *self);
GPtrArray   *fd_text_diff_tokenize   (const char       *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdTextDiff, fd_text_diff_free)

G_END_DECLS
