/* fd-text-diff.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-text-diff"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fd-text-diff.h"

/* Word-level diff of two versions of a headline, primary text or script.
 *
 * The texts are cut into tokens: words (letters and digits, with inner
 * apostrophes and hyphens: "don't", "e-mail"), runs of white space, and
 * single other characters (punctuation, emoji). Myers' O(ND) algorithm
 * finds the shortest edit script over the tokens; any two runs of white
 * space compare equal, so re-wrapping a paragraph is no change. Then a
 * cleanup pass folds the white space between two changes into them, so
 * "quick brown" → "slow red" reads as one replacement rather than four
 * interleaved word swaps. */

/* Past this many differences the middle is shown as replaced whole: the
 * trace would cost D² memory, and such a diff is unreadable anyway. */
#define MAX_EDIT_DISTANCE 4000

typedef enum
{
  TOKEN_WORD,
  TOKEN_SPACE,
  TOKEN_OTHER,
} TokenKind;

typedef struct
{
  const char *start;
  gsize       len;
  TokenKind   kind;
} Token;

G_DEFINE_BOXED_TYPE (FdTextDiff, fd_text_diff, fd_text_diff_copy, fd_text_diff_free)

static void
span_free (gpointer data)
{
  FdTextDiffSpan *span = data;

  g_free (span->text);
  g_free (span);
}

static FdTextDiff *
diff_new (void)
{
  FdTextDiff *self = g_new0 (FdTextDiff, 1);

  self->spans = g_ptr_array_new_with_free_func (span_free);
  return self;
}

void
fd_text_diff_free (FdTextDiff *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->spans);
  g_free (self);
}

FdTextDiff *
fd_text_diff_copy (const FdTextDiff *self)
{
  FdTextDiff *copy = diff_new ();

  for (guint i = 0; i < self->spans->len; i++)
    {
      const FdTextDiffSpan *span = g_ptr_array_index (self->spans, i);
      FdTextDiffSpan *dup = g_new0 (FdTextDiffSpan, 1);

      dup->kind = span->kind;
      dup->text = g_strdup (span->text);
      g_ptr_array_add (copy->spans, dup);
    }
  copy->words_deleted = self->words_deleted;
  copy->words_inserted = self->words_inserted;

  return copy;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* An apostrophe or hyphen joins two words: "don't", "e-mail". */
static gboolean
is_joiner (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == '-';
}

static TokenKind
classify (gunichar c)
{
  if (g_unichar_isspace (c))
    return TOKEN_SPACE;
  if (is_word_char (c))
    return TOKEN_WORD;
  return TOKEN_OTHER;
}

static GArray *
tokenize (const char *text)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  const char *p = text;

  while (*p != '\0')
    {
      Token token = { p, 0, classify (g_utf8_get_char (p)) };
      const char *q = g_utf8_next_char (p);

      if (token.kind != TOKEN_OTHER)
        for (;;)
          {
            gunichar c = g_utf8_get_char (q);

            if (*q != '\0' && classify (c) == token.kind)
              q = g_utf8_next_char (q);
            else if (token.kind == TOKEN_WORD && is_joiner (c) &&
                     is_word_char (g_utf8_get_char (g_utf8_next_char (q))))
              q = g_utf8_next_char (q);
            else
              break;
          }

      token.len = q - p;
      g_array_append_val (tokens, token);
      p = q;
    }

  return tokens;
}

/**
 * fd_text_diff_tokenize:
 *
 * Returns: (transfer full) (element-type utf8): the tokens of @text, as the
 *   diff sees them (exposed for tests)
 */
GPtrArray *
fd_text_diff_tokenize (const char *text)
{
  g_autoptr(GArray) tokens = tokenize (text ? text : "");
  GPtrArray *strings = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < tokens->len; i++)
    {
      const Token *t = &g_array_index (tokens, Token, i);

      g_ptr_array_add (strings, g_strndup (t->start, t->len));
    }

  return strings;
}

static gboolean
token_equal (const Token *a,
             const Token *b)
{
  if (a->kind != b->kind)
    return FALSE;
  if (a->kind == TOKEN_SPACE)
    return TRUE;
  return a->len == b->len && memcmp (a->start, b->start, a->len) == 0;
}

/* One edit per token: EQUAL consumes one of each, DELETE one old token,
 * INSERT one new token. */
typedef struct
{
  FdTextDiffKind kind;
  const Token   *token;
} Edit;

static void
add_edit (GArray         *edits,
          FdTextDiffKind  kind,
          const Token    *token)
{
  Edit edit = { kind, token };

  g_array_append_val (edits, edit);
}

/* Myers' greedy algorithm, keeping each round's furthest-reaching paths
 * so the script can be read back. Returns FALSE past MAX_EDIT_DISTANCE. */
static gboolean
myers (const Token *a,
       int          n,
       const Token *b,
       int          m,
       GArray      *edits)
{
  int max = n + m;
  int offset = max + 1;
  g_autofree int *v = g_new0 (int, 2 * max + 3);
  g_autoptr(GPtrArray) trace = g_ptr_array_new_with_free_func (g_free);
  int d_found = -1;
  g_autoptr(GArray) reversed = g_array_new (FALSE, FALSE, sizeof (Edit));
  int x, y;

  for (int d = 0; d <= MIN (max, MAX_EDIT_DISTANCE) && d_found < 0; d++)
    {
      for (int k = -d; k <= d; k += 2)
        {
          if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
            x = v[offset + k + 1];
          else
            x = v[offset + k - 1] + 1;
          y = x - k;
          while (x < n && y < m && token_equal (&a[x], &b[y]))
            x++, y++;
          v[offset + k] = x;
          if (x >= n && y >= m)
            {
              d_found = d;
              break;
            }
        }
      g_ptr_array_add (trace, g_memdup2 (v + offset - d, sizeof (int) * (2 * d + 1)));
    }

  if (d_found < 0)
    return FALSE;

  x = n;
  y = m;
  for (int d = d_found; d > 0; d--)
    {
      const int *prev = g_ptr_array_index (trace, d - 1); /* indices -(d-1)…d-1 */
      int k = x - y;
      int prev_k, prev_x, prev_y;

#define PREV(kk) prev[(kk) + (d - 1)]
      if (k == -d || (k != d && PREV (k - 1) < PREV (k + 1)))
        prev_k = k + 1;
      else
        prev_k = k - 1;
      prev_x = PREV (prev_k);
#undef PREV
      prev_y = prev_x - prev_k;

      while (x > prev_x && y > prev_y)
        add_edit (reversed, FD_TEXT_DIFF_EQUAL, &b[--y]), x--;
      if (prev_k == k + 1)
        add_edit (reversed, FD_TEXT_DIFF_INSERT, &b[--y]);
      else
        add_edit (reversed, FD_TEXT_DIFF_DELETE, &a[--x]);
    }
  while (x > 0 && y > 0)
    add_edit (reversed, FD_TEXT_DIFF_EQUAL, &b[--y]), x--;

  for (guint i = reversed->len; i > 0; i--)
    g_array_append_val (edits, g_array_index (reversed, Edit, i - 1));

  return TRUE;
}

static GArray *
diff_tokens (GArray *old_tokens,
             GArray *new_tokens)
{
  const Token *a = (const Token *)old_tokens->data;
  const Token *b = (const Token *)new_tokens->data;
  int n = old_tokens->len;
  int m = new_tokens->len;
  int prefix = 0;
  int suffix = 0;
  GArray *edits = g_array_new (FALSE, FALSE, sizeof (Edit));

  while (prefix < n && prefix < m && token_equal (&a[prefix], &b[prefix]))
    add_edit (edits, FD_TEXT_DIFF_EQUAL, &b[prefix]), prefix++;
  while (suffix < n - prefix && suffix < m - prefix &&
         token_equal (&a[n - 1 - suffix], &b[m - 1 - suffix]))
    suffix++;

  if (!myers (a + prefix, n - prefix - suffix, b + prefix, m - prefix - suffix, edits))
    {
      for (int i = prefix; i < n - suffix; i++)
        add_edit (edits, FD_TEXT_DIFF_DELETE, &a[i]);
      for (int i = prefix; i < m - suffix; i++)
        add_edit (edits, FD_TEXT_DIFF_INSERT, &b[i]);
    }

  for (int i = m - suffix; i < m; i++)
    add_edit (edits, FD_TEXT_DIFF_EQUAL, &b[i]);

  return edits;
}

/* White space that only separates two changes joins them: the run of
 * changes then reads as "old words" deleted and "new words" inserted. */
static void
fold_separators (GArray *edits)
{
  for (guint i = 1; i + 1 < edits->len; i++)
    {
      Edit *e = &g_array_index (edits, Edit, i);

      if (e->kind == FD_TEXT_DIFF_EQUAL && e->token->kind == TOKEN_SPACE &&
          g_array_index (edits, Edit, i - 1).kind != FD_TEXT_DIFF_EQUAL &&
          g_array_index (edits, Edit, i + 1).kind != FD_TEXT_DIFF_EQUAL)
        {
          Edit insert = { FD_TEXT_DIFF_INSERT, e->token };

          e->kind = FD_TEXT_DIFF_DELETE;
          g_array_insert_val (edits, i + 1, insert);
          i++;
        }
    }
}

static void
append_span (FdTextDiff     *self,
             FdTextDiffKind  kind,
             GString        *text)
{
  FdTextDiffSpan *span;

  if (text->len == 0)
    return;

  span = g_new0 (FdTextDiffSpan, 1);
  span->kind = kind;
  span->text = g_strndup (text->str, text->len);
  g_ptr_array_add (self->spans, span);
  g_string_truncate (text, 0);
}

static gsize
trailing_space (GString *text)
{
  gsize n = 0;

  while (n < text->len && g_ascii_isspace (text->str[text->len - 1 - n]))
    n++;

  return n;
}

/* "[-checks -]{+smiles at +}her" reads better as "[-checks-]{+smiles
 * at+} her": space that ends both sides of a replacement goes to the
 * text that follows (with the new side's spacing). */
static void
move_common_space (GString *deleted,
                   GString *inserted,
                   GString *equal)
{
  gsize del_space = trailing_space (deleted);
  gsize ins_space = trailing_space (inserted);

  if (del_space == 0 || ins_space == 0 || del_space == deleted->len || ins_space == inserted->len)
    return;

  g_string_append_len (equal, inserted->str + inserted->len - ins_space, ins_space);
  g_string_truncate (inserted, inserted->len - ins_space);
  g_string_truncate (deleted, deleted->len - del_space);
}

/* Within each run of changes, all deletions come first, then all
 * insertions, each in order. */
static void
build_spans (FdTextDiff *self,
             GArray     *edits)
{
  g_autoptr(GString) equal = g_string_new (NULL);
  g_autoptr(GString) deleted = g_string_new (NULL);
  g_autoptr(GString) inserted = g_string_new (NULL);

  for (guint i = 0; i < edits->len; i++)
    {
      const Edit *e = &g_array_index (edits, Edit, i);

      switch (e->kind)
        {
        case FD_TEXT_DIFF_EQUAL:
          if (equal->len == 0)
            move_common_space (deleted, inserted, equal);
          append_span (self, FD_TEXT_DIFF_DELETE, deleted);
          append_span (self, FD_TEXT_DIFF_INSERT, inserted);
          g_string_append_len (equal, e->token->start, e->token->len);
          break;

        case FD_TEXT_DIFF_DELETE:
          append_span (self, FD_TEXT_DIFF_EQUAL, equal);
          g_string_append_len (deleted, e->token->start, e->token->len);
          self->words_deleted += e->token->kind == TOKEN_WORD;
          break;

        case FD_TEXT_DIFF_INSERT:
        default:
          append_span (self, FD_TEXT_DIFF_EQUAL, equal);
          g_string_append_len (inserted, e->token->start, e->token->len);
          self->words_inserted += e->token->kind == TOKEN_WORD;
          break;
        }
    }

  append_span (self, FD_TEXT_DIFF_EQUAL, equal);
  append_span (self, FD_TEXT_DIFF_DELETE, deleted);
  append_span (self, FD_TEXT_DIFF_INSERT, inserted);
}

/**
 * fd_text_diff_compute:
 * @old_text: (nullable): the earlier version
 * @new_text: (nullable): the later version
 *
 * Returns: (transfer full): the word-level diff
 */
FdTextDiff *
fd_text_diff_compute (const char *old_text,
                      const char *new_text)
{
  g_autoptr(GArray) old_tokens = tokenize (old_text ? old_text : "");
  g_autoptr(GArray) new_tokens = tokenize (new_text ? new_text : "");
  g_autoptr(GArray) edits = diff_tokens (old_tokens, new_tokens);
  FdTextDiff *self = diff_new ();

  fold_separators (edits);
  build_spans (self, edits);

  return self;
}

gboolean
fd_text_diff_is_equal (const FdTextDiff *self)
{
  for (guint i = 0; i < self->spans->len; i++)
    if (((FdTextDiffSpan *)g_ptr_array_index (self->spans, i))->kind != FD_TEXT_DIFF_EQUAL)
      return FALSE;

  return TRUE;
}

/**
 * fd_text_diff_dup_side:
 * @new_side: %TRUE for the new text, %FALSE for the old one
 *
 * Equal spans carry the new text's spacing, so the old side comes back
 * with the new spacing where only spacing changed.
 *
 * Returns: (transfer full): that side's text
 */
char *
fd_text_diff_dup_side (const FdTextDiff *self,
                       gboolean          new_side)
{
  GString *text = g_string_new (NULL);
  FdTextDiffKind skip = new_side ? FD_TEXT_DIFF_DELETE : FD_TEXT_DIFF_INSERT;

  for (guint i = 0; i < self->spans->len; i++)
    {
      const FdTextDiffSpan *span = g_ptr_array_index (self->spans, i);

      if (span->kind != skip)
        g_string_append (text, span->text);
    }

  return g_string_free (text, FALSE);
}

/**
 * fd_text_diff_summarize:
 *
 * Returns: (transfer full): "2 words removed, 3 added" or "No changes"
 */
char *
fd_text_diff_summarize (const FdTextDiff *self)
{
  g_autofree char *removed = NULL;
  g_autofree char *added = NULL;

  if (fd_text_diff_is_equal (self))
    return g_strdup (_("No changes"));

  removed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word removed", "%u words removed",
                                          self->words_deleted),
                             self->words_deleted);
  added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u added", "%u added",
                                        self->words_inserted),
                           self->words_inserted);
  /* Translators: "2 words removed, 3 added" */
  return g_strdup_printf (_("%s, %s"), removed, added);
}

/**
 * fd_text_diff_to_json:
 *
 * Returns: (transfer full): {"spans": [{"kind": "equal|delete|insert",
 *   "text": "…"}], "words_deleted": N, "words_inserted": N}
 */
JsonNode *
fd_text_diff_to_json (const FdTextDiff *self)
{
  static const char * const kinds[] = { "equal", "delete", "insert" };
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "spans");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->spans->len; i++)
    {
      const FdTextDiffSpan *span = g_ptr_array_index (self->spans, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, kinds[span->kind]);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, span->text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "words_deleted");
  json_builder_add_int_value (builder, self->words_deleted);
  json_builder_set_member_name (builder, "words_inserted");
  json_builder_add_int_value (builder, self->words_inserted);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
