/* fd-graph-row-private.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-graph-row.h"

G_BEGIN_DECLS

/* A piece of the raw body: a string's contents (without its quotes, maybe
 * with escapes) or a number's text. */
typedef struct
{
  const char *start;
  guint       len;
  gboolean    escaped;
} FdSpan;

typedef enum
{
  ROW_VALUE_STRING,
  ROW_VALUE_NUMBER,
  ROW_VALUE_ACTIONS,   /* a list of {"action_type", "value"} objects */
  ROW_VALUE_OTHER,     /* true, false, null, other lists and objects */
} FdRowValueKind;

typedef struct
{
  FdSpan          name;
  FdRowValueKind  kind;
  FdSpan          value;
  guint           first_action;
  guint           n_actions;
} FdRowMember;

typedef struct
{
  FdSpan   type;
  FdSpan   value;
  gboolean value_is_string;
} FdRowAction;

struct _FdGraphRow
{
  JsonObject         *object;     /* the tree's row, or NULL for a scanned row */
  const FdRowMember  *members;
  guint               n_members;
  const FdRowAction  *actions;    /* the page's; members index into them */
  GStringChunk       *scratch;    /* decoded strings handed out */
};

char *_fd_span_dup (const FdSpan *span);

G_END_DECLS
