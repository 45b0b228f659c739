/* fd-graph-page.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-graph"

#include "config.h"

#include "fd-graph-page.h"
#include "fd-graph-row-private.h"

/* A strict JSON scanner for the one shape that is read in bulk. It accepts
 * exactly what RFC 8259 accepts (and json-glib with it): a body it does
 * not accept is handed to json-glib, which then reports what is wrong. */

#define MAX_DEPTH 64

typedef struct
{
  guint first_member;
  guint n_members;
} RowRange;

struct _FdGraphPage
{
  GBytes       *body;
  gboolean      has_error;
  GArray       *rows;      /* RowRange */
  GArray       *members;   /* FdRowMember, all rows */
  GArray       *actions;   /* FdRowAction, all rows */
  char         *next;
  char         *after;
};

typedef struct
{
  const char *p;
  const char *end;
  int         depth;
} Scan;

static inline void
skip_ws (Scan *scan)
{
  while (scan->p < scan->end &&
         (*scan->p == ' ' || *scan->p == '\n' || *scan->p == '\r' || *scan->p == '\t'))
    scan->p++;
}

static inline gboolean
expect (Scan *scan,
        char  c)
{
  skip_ws (scan);
  if (scan->p >= scan->end || *scan->p != c)
    return FALSE;

  scan->p++;
  return TRUE;
}

static inline gboolean
peek (Scan *scan,
      char  c)
{
  skip_ws (scan);
  return scan->p < scan->end && *scan->p == c;
}

static gboolean
scan_string (Scan   *scan,
             FdSpan *span)
{
  gboolean high = FALSE;

  if (!expect (scan, '"'))
    return FALSE;

  span->start = scan->p;
  span->escaped = FALSE;

  while (scan->p < scan->end)
    {
      guchar c = (guchar)*scan->p;

      if (c == '"')
        {
          span->len = (guint)(scan->p - span->start);
          scan->p++;
          return !high || g_utf8_validate_len (span->start, span->len, NULL);
        }

      if (c < 0x20)
        return FALSE;

      if (c >= 0x80)
        high = TRUE;

      if (c == '\\')
        {
          span->escaped = TRUE;
          if (++scan->p >= scan->end)
            return FALSE;

          if (*scan->p == 'u')
            {
              if (scan->end - scan->p < 5)
                return FALSE;
              for (int i = 1; i <= 4; i++)
                if (!g_ascii_isxdigit (scan->p[i]))
                  return FALSE;
              scan->p += 4;
            }
          else if (!strchr ("\"\\/bfnrt", *scan->p))
            return FALSE;
        }

      scan->p++;
    }

  return FALSE;
}

static gboolean
scan_digits (Scan *scan)
{
  const char *start = scan->p;

  while (scan->p < scan->end && g_ascii_isdigit (*scan->p))
    scan->p++;

  return scan->p > start;
}

static gboolean
scan_number (Scan   *scan,
             FdSpan *span)
{
  skip_ws (scan);
  span->start = scan->p;
  span->escaped = FALSE;

  if (scan->p < scan->end && *scan->p == '-')
    scan->p++;

  if (scan->p < scan->end && *scan->p == '0')
    scan->p++;
  else if (!scan_digits (scan))
    return FALSE;

  if (scan->p < scan->end && *scan->p == '.')
    {
      scan->p++;
      if (!scan_digits (scan))
        return FALSE;
    }

  if (scan->p < scan->end && (*scan->p == 'e' || *scan->p == 'E'))
    {
      scan->p++;
      if (scan->p < scan->end && (*scan->p == '+' || *scan->p == '-'))
        scan->p++;
      if (!scan_digits (scan))
        return FALSE;
    }

  span->len = (guint)(scan->p - span->start);
  return TRUE;
}

static gboolean
scan_literal (Scan *scan)
{
  static const char * const literals[] = { "true", "false", "null" };

  skip_ws (scan);
  for (guint i = 0; i < G_N_ELEMENTS (literals); i++)
    {
      gsize len = strlen (literals[i]);

      if ((gsize)(scan->end - scan->p) >= len && memcmp (scan->p, literals[i], len) == 0)
        {
          scan->p += len;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean scan_value (Scan *scan);

static gboolean
scan_object (Scan *scan)
{
  FdSpan key;

  if (!expect (scan, '{') || ++scan->depth > MAX_DEPTH)
    return FALSE;

  if (!expect (scan, '}'))
    do
      {
        if (!scan_string (scan, &key) || !expect (scan, ':') || !scan_value (scan))
          return FALSE;
      }
    while (expect (scan, ','));
  else
    {
      scan->depth--;
      return TRUE;
    }

  scan->depth--;
  return expect (scan, '}');
}

static gboolean
scan_array (Scan *scan)
{
  if (!expect (scan, '[') || ++scan->depth > MAX_DEPTH)
    return FALSE;

  if (!expect (scan, ']'))
    {
      do
        if (!scan_value (scan))
          return FALSE;
      while (expect (scan, ','));

      if (!expect (scan, ']'))
        return FALSE;
    }

  scan->depth--;
  return TRUE;
}

/* Any value, checked and skipped. */
static gboolean
scan_value (Scan *scan)
{
  FdSpan span;

  skip_ws (scan);
  if (scan->p >= scan->end)
    return FALSE;

  switch (*scan->p)
    {
    case '"':
      return scan_string (scan, &span);
    case '{':
      return scan_object (scan);
    case '[':
      return scan_array (scan);
    case 't':
    case 'f':
    case 'n':
      return scan_literal (scan);
    default:
      return scan_number (scan, &span);
    }
}

static gboolean
span_is (const FdSpan *span,
         const char   *text)
{
  gsize len = strlen (text);

  return !span->escaped && span->len == len && memcmp (span->start, text, len) == 0;
}

/* {"action_type": "…", "value": "…", …} */
static gboolean
scan_action (Scan        *scan,
             FdRowAction *action)
{
  FdSpan key;

  memset (action, 0, sizeof *action);
  if (!expect (scan, '{'))
    return FALSE;

  if (expect (scan, '}'))
    return TRUE;

  do
    {
      if (!scan_string (scan, &key) || !expect (scan, ':'))
        return FALSE;

      if (span_is (&key, "action_type") && peek (scan, '"'))
        {
          if (!scan_string (scan, &action->type))
            return FALSE;
        }
      else if (span_is (&key, "value") && peek (scan, '"'))
        {
          if (!scan_string (scan, &action->value))
            return FALSE;
          action->value_is_string = TRUE;
        }
      else if (span_is (&key, "value") && !peek (scan, '{') && !peek (scan, '[') &&
               !peek (scan, 't') && !peek (scan, 'f') && !peek (scan, 'n'))
        {
          if (!scan_number (scan, &action->value))
            return FALSE;
        }
      else if (!scan_value (scan))
        return FALSE;
    }
  while (expect (scan, ','));

  return expect (scan, '}');
}

/* A list member: a list of AdsActionStats when every element is an
 * object, anything else otherwise. */
static gboolean
scan_list (Scan        *scan,
           FdGraphPage *self,
           FdRowMember *member)
{
  const char *start = scan->p;
  guint first = self->actions->len;

  member->kind = ROW_VALUE_ACTIONS;
  member->first_action = first;

  if (!expect (scan, '['))
    return FALSE;

  if (expect (scan, ']'))
    return TRUE;

  do
    {
      FdRowAction action;

      if (!peek (scan, '{'))
        {
          /* Not a list of objects: check it as a plain value instead. */
          g_array_set_size (self->actions, first);
          member->kind = ROW_VALUE_OTHER;
          scan->p = start;
          return scan_array (scan);
        }
      if (!scan_action (scan, &action))
        return FALSE;
      g_array_append_val (self->actions, action);
    }
  while (expect (scan, ','));

  member->n_actions = self->actions->len - first;
  return expect (scan, ']');
}

static gboolean
scan_member_value (Scan        *scan,
                   FdGraphPage *self,
                   FdRowMember *member)
{
  skip_ws (scan);
  if (scan->p >= scan->end)
    return FALSE;

  switch (*scan->p)
    {
    case '"':
      member->kind = ROW_VALUE_STRING;
      return scan_string (scan, &member->value);
    case '[':
      return scan_list (scan, self, member);
    case '{':
      member->kind = ROW_VALUE_OTHER;
      return scan_object (scan);
    case 't':
    case 'f':
    case 'n':
      member->kind = ROW_VALUE_OTHER;
      return scan_literal (scan);
    default:
      member->kind = ROW_VALUE_NUMBER;
      return scan_number (scan, &member->value);
    }
}

static gboolean
scan_row (Scan        *scan,
          FdGraphPage *self)
{
  RowRange range = { self->members->len, 0 };

  if (!expect (scan, '{'))
    return FALSE;

  if (!expect (scan, '}'))
    {
      do
        {
          FdRowMember member = { 0 };

          if (!scan_string (scan, &member.name) || !expect (scan, ':') ||
              !scan_member_value (scan, self, &member))
            return FALSE;
          g_array_append_val (self->members, member);
        }
      while (expect (scan, ','));

      if (!expect (scan, '}'))
        return FALSE;
    }

  range.n_members = self->members->len - range.first_member;
  g_array_append_val (self->rows, range);
  return TRUE;
}

static gboolean
scan_data (Scan        *scan,
           FdGraphPage *self)
{
  if (!expect (scan, '['))
    return FALSE;

  if (expect (scan, ']'))
    return TRUE;

  do
    if (!peek (scan, '{') || !scan_row (scan, self))
      return FALSE;
  while (expect (scan, ','));

  return expect (scan, ']');
}

static gboolean
scan_cursors (Scan        *scan,
              FdGraphPage *self)
{
  FdSpan key;
  FdSpan value;

  if (!expect (scan, '{'))
    return FALSE;
  if (expect (scan, '}'))
    return TRUE;

  do
    {
      if (!scan_string (scan, &key) || !expect (scan, ':'))
        return FALSE;
      if (span_is (&key, "after") && peek (scan, '"'))
        {
          if (!scan_string (scan, &value))
            return FALSE;
          g_free (self->after);
          self->after = _fd_span_dup (&value);
        }
      else if (!scan_value (scan))
        return FALSE;
    }
  while (expect (scan, ','));

  return expect (scan, '}');
}

static gboolean
scan_paging (Scan        *scan,
             FdGraphPage *self)
{
  FdSpan key;
  FdSpan value;

  if (!expect (scan, '{'))
    return FALSE;
  if (expect (scan, '}'))
    return TRUE;

  do
    {
      if (!scan_string (scan, &key) || !expect (scan, ':'))
        return FALSE;
      if (span_is (&key, "next") && peek (scan, '"'))
        {
          if (!scan_string (scan, &value))
            return FALSE;
          g_free (self->next);
          self->next = _fd_span_dup (&value);
        }
      else if (span_is (&key, "cursors") && peek (scan, '{'))
        {
          if (!scan_cursors (scan, self))
            return FALSE;
        }
      else if (!scan_value (scan))
        return FALSE;
    }
  while (expect (scan, ','));

  return expect (scan, '}');
}

static gboolean
scan_page (Scan        *scan,
           FdGraphPage *self,
           gboolean    *has_data)
{
  FdSpan key;

  if (!expect (scan, '{'))
    return FALSE;
  if (expect (scan, '}'))
    return TRUE;

  do
    {
      if (!scan_string (scan, &key) || !expect (scan, ':'))
        return FALSE;

      if (span_is (&key, "data") && peek (scan, '['))
        {
          if (*has_data || !scan_data (scan, self))
            return FALSE;
          *has_data = TRUE;
        }
      else if (span_is (&key, "paging") && peek (scan, '{'))
        {
          if (!scan_paging (scan, self))
            return FALSE;
        }
      else
        {
          if (span_is (&key, "error") || span_is (&key, "success"))
            self->has_error = TRUE;
          if (!scan_value (scan))
            return FALSE;
        }
    }
  while (expect (scan, ','));

  if (!expect (scan, '}'))
    return FALSE;

  skip_ws (scan);
  return scan->p == scan->end;
}

void
fd_graph_page_free (FdGraphPage *self)
{
  if (self == NULL)
    return;

  g_bytes_unref (self->body);
  g_array_unref (self->rows);
  g_array_unref (self->members);
  g_array_unref (self->actions);
  g_free (self->next);
  g_free (self->after);
  g_free (self);
}

/**
 * fd_graph_page_scan:
 * @body: a response body
 *
 * Returns: (transfer full) (nullable): the page, or %NULL if @body is not
 *   well-formed JSON of the shape {"data": [objects…], …} — json-glib
 *   then has the last word
 */
FdGraphPage *
fd_graph_page_scan (GBytes *body)
{
  g_autoptr(FdGraphPage) self = g_new0 (FdGraphPage, 1);
  gboolean has_data = FALSE;
  gsize size;
  Scan scan = { 0 };

  scan.p = g_bytes_get_data (body, &size);
  scan.end = scan.p + size;

  self->body = g_bytes_ref (body);
  self->rows = g_array_new (FALSE, FALSE, sizeof (RowRange));
  self->members = g_array_sized_new (FALSE, FALSE, sizeof (FdRowMember), 512);
  self->actions = g_array_sized_new (FALSE, FALSE, sizeof (FdRowAction), 512);

  if (scan.p == NULL || !scan_page (&scan, self, &has_data) || !has_data)
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * fd_graph_page_has_error:
 *
 * Returns: whether the body has an "error" or "success" member, which
 *   json-glib's reading of the envelope must judge
 */
gboolean
fd_graph_page_has_error (FdGraphPage *self)
{
  return self->has_error;
}

guint
fd_graph_page_get_n_rows (FdGraphPage *self)
{
  return self->rows->len;
}

const char *
fd_graph_page_get_next (FdGraphPage *self)
{
  return self->next;
}

const char *
fd_graph_page_get_after (FdGraphPage *self)
{
  return self->after;
}

/**
 * fd_graph_page_foreach_row:
 *
 * Calls @func for each row, in order, until it returns %FALSE.
 *
 * Returns: %FALSE with @error set if @func failed
 */
gboolean
fd_graph_page_foreach_row (FdGraphPage     *self,
                           FdGraphRowFunc   func,
                           gpointer         user_data,
                           GError         **error)
{
  FdGraphRow row = { 0 };
  gboolean ok = TRUE;

  row.actions = (const FdRowAction *)(gpointer)self->actions->data;
  row.scratch = g_string_chunk_new (128);

  for (guint i = 0; ok && i < self->rows->len; i++)
    {
      const RowRange *range = &g_array_index (self->rows, RowRange, i);

      row.members = &g_array_index (self->members, FdRowMember, range->first_member);
      row.n_members = range->n_members;
      ok = func (&row, user_data, error);
      g_string_chunk_clear (row.scratch);
    }

  g_string_chunk_free (row.scratch);
  return ok;
}
