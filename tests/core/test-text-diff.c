/* test-text-diff.c: word-level diff of copy and scripts; markup shapes
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fd-markup-shape.h"
#include "fd-text-diff.h"

/* Renders a diff as "equal[-deleted-]{+inserted+}" for compact asserts. */
static char *
render (const FdTextDiff *diff)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < diff->spans->len; i++)
    {
      const FdTextDiffSpan *span = g_ptr_array_index (diff->spans, i);

      switch (span->kind)
        {
        case FD_TEXT_DIFF_EQUAL:
          g_string_append (out, span->text);
          break;
        case FD_TEXT_DIFF_DELETE:
          g_string_append_printf (out, "[-%s-]", span->text);
          break;
        case FD_TEXT_DIFF_INSERT:
        default:
          g_string_append_printf (out, "{+%s+}", span->text);
          break;
        }
    }

  return g_string_free (out, FALSE);
}

static void
assert_diff (const char *old_text,
             const char *new_text,
             const char *expected,
             guint       deleted,
             guint       inserted)
{
  g_autoptr(FdTextDiff) diff = fd_text_diff_compute (old_text, new_text);
  g_autofree char *text = render (diff);
  g_autofree char *new_side = fd_text_diff_dup_side (diff, TRUE);

  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpuint (diff->words_deleted, ==, deleted);
  g_assert_cmpuint (diff->words_inserted, ==, inserted);
  /* The new side always reads back exactly. */
  g_assert_cmpstr (new_side, ==, new_text ? new_text : "");
}

static void
test_basic (void)
{
  assert_diff ("Save 20% today", "Save 20% today", "Save 20% today", 0, 0);
  assert_diff ("Save 20% today", "Save 30% today", "Save [-20-]{+30+}% today", 1, 1);
  assert_diff ("Shop the sale", "Shop the summer sale", "Shop the {+summer +}sale", 0, 1);
  assert_diff ("Shop the summer sale", "Shop the sale", "Shop the [-summer -]sale", 1, 0);
  assert_diff ("", "New headline", "{+New headline+}", 0, 2);
  assert_diff ("Old headline", NULL, "[-Old headline-]", 2, 0);
  assert_diff (NULL, NULL, "", 0, 0);
}

static void
test_replacement_reads_as_one (void)
{
  assert_diff ("The quick brown fox jumps",
               "The slow red fox jumps",
               "The [-quick brown-]{+slow red+} fox jumps", 2, 2);
}

static void
test_punctuation_and_words (void)
{
  /* Punctuation is its own token: adding "!" does not touch the word. */
  assert_diff ("Order now.", "Order now!", "Order now[-.-]{+!+}", 0, 0);
  /* Apostrophes and hyphens stay inside their words. */
  assert_diff ("Don't miss our e-mail deal", "Don't miss our e-mail offer",
               "Don't miss our e-mail [-deal-]{+offer+}", 1, 1);
  /* Case counts as a change. */
  assert_diff ("free shipping", "Free shipping", "[-free-]{+Free+} shipping", 1, 1);
}

static void
test_whitespace (void)
{
  g_autoptr(FdTextDiff) rewrapped = fd_text_diff_compute ("One two\nthree  four", "One two three four");
  g_autoptr(GPtrArray) tokens = fd_text_diff_tokenize ("Hi, it's 9:16 — ok?");
  const char *expected[] = { "Hi", ",", " ", "it's", " ", "9", ":", "16", " ", "—", " ", "ok", "?" };

  /* Re-wrapping a script is no change. */
  g_assert_true (fd_text_diff_is_equal (rewrapped));

  g_assert_cmpuint (tokens->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < tokens->len; i++)
    g_assert_cmpstr (g_ptr_array_index (tokens, i), ==, expected[i]);
}

static void
test_unicode (void)
{
  assert_diff ("Café crème à 3 €", "Café noir à 3 €", "Café [-crème-]{+noir+} à 3 €", 1, 1);
  assert_diff ("Sommer 🌞 Sale", "Sommer 🌧 Sale", "Sommer [-🌞-]{+🌧+} Sale", 0, 0);
}

static void
test_script (void)
{
  const char *v1 = "Open on a kitchen. Maya pours coffee and checks her phone.\n"
                   "VO: Mornings are hard. Your bank shouldn't be.\n"
                   "Cut to the app. Super: Open an account in 5 minutes.";
  const char *v2 = "Open on a kitchen. Maya pours coffee and smiles at her phone.\n"
                   "VO: Mornings are hard. Your bank shouldn't be.\n"
                   "Cut to the app. Super: Open an account in 3 minutes. Terms apply.";
  g_autoptr(FdTextDiff) diff = fd_text_diff_compute (v1, v2);
  g_autofree char *text = render (diff);
  g_autofree char *old_side = fd_text_diff_dup_side (diff, FALSE);
  g_autofree char *summary = fd_text_diff_summarize (diff);
  g_autoptr(JsonNode) json = fd_text_diff_to_json (diff);

  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "[-checks-]{+smiles at+}"));
  g_assert_nonnull (strstr (text, "[-5-]{+3+}"));
  g_assert_nonnull (strstr (text, "minutes{+. Terms apply+}."));
  g_assert_cmpstr (old_side, ==, v1);
  g_assert_cmpuint (diff->words_deleted, ==, 2);
  g_assert_cmpuint (diff->words_inserted, ==, 5);
  g_assert_cmpstr (summary, ==, "2 words removed, 5 added");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (json), "words_inserted"), ==, 5);
}

static void
test_long_texts (void)
{
  g_autoptr(GString) a = g_string_new (NULL);
  g_autoptr(GString) b = g_string_new (NULL);
  g_autoptr(FdTextDiff) diff = NULL;
  g_autoptr(FdTextDiff) disjoint = NULL;
  g_autofree char *new_side = NULL;
  g_autofree char *old_side = NULL;

  /* 20,000 words with every hundredth changed: found exactly. */
  for (int i = 0; i < 20000; i++)
    {
      g_string_append_printf (a, "word%d ", i);
      g_string_append_printf (b, i % 100 == 7 ? "changed%d " : "word%d ", i);
    }
  diff = fd_text_diff_compute (a->str, b->str);
  g_assert_cmpuint (diff->words_deleted, ==, 200);
  g_assert_cmpuint (diff->words_inserted, ==, 200);

  /* Two unrelated long texts exceed the edit limit and come back as one
   * replacement, still exact on both sides. */
  g_string_truncate (b, 0);
  for (int i = 0; i < 6000; i++)
    g_string_append_printf (b, "other%d ", i);
  disjoint = fd_text_diff_compute (a->str, b->str);
  new_side = fd_text_diff_dup_side (disjoint, TRUE);
  old_side = fd_text_diff_dup_side (disjoint, FALSE);
  g_assert_cmpstr (new_side, ==, b->str);
  g_assert_cmpstr (old_side, ==, a->str);
}

static void
test_markup_shape (void)
{
  g_autoptr(FdMarkupShape) rect = fd_markup_shape_new (FD_MARKUP_RECTANGLE, "#33d17a");
  g_autoptr(FdMarkupShape) stroke = fd_markup_shape_new (FD_MARKUP_FREEHAND, NULL);
  g_autoptr(FdMarkupShape) back = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) bad = json_from_string ("{\"kind\":\"circle\",\"points\":[]}", NULL);
  g_autoptr(GError) error = NULL;
  double x, y;

  fd_markup_shape_add_point (rect, 0.1, 0.2);
  fd_markup_shape_add_point (rect, 0.5, 0.6);
  fd_markup_shape_add_point (rect, 1.4, -0.2); /* replaces the corner, clamped */
  g_assert_cmpuint (fd_markup_shape_get_n_points (rect), ==, 2);
  fd_markup_shape_get_point (rect, 1, &x, &y);
  g_assert_cmpfloat (x, ==, 1.0);
  g_assert_cmpfloat (y, ==, 0.0);

  for (int i = 0; i < 5; i++)
    fd_markup_shape_add_point (stroke, i * 0.1, 0.5);
  node = fd_markup_shape_to_json (stroke);
  back = fd_markup_shape_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fd_markup_shape_get_kind (back), ==, FD_MARKUP_FREEHAND);
  g_assert_cmpuint (fd_markup_shape_get_n_points (back), ==, 5);
  g_assert_cmpstr (fd_markup_shape_get_color (back), ==, fd_markup_shape_get_color (stroke));
  fd_markup_shape_get_point (back, 3, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 0.3, 1e-9);

  g_assert_null (fd_markup_shape_new_from_json (bad, &error));
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text-diff/basic", test_basic);
  g_test_add_func ("/text-diff/replacement", test_replacement_reads_as_one);
  g_test_add_func ("/text-diff/punctuation", test_punctuation_and_words);
  g_test_add_func ("/text-diff/whitespace", test_whitespace);
  g_test_add_func ("/text-diff/unicode", test_unicode);
  g_test_add_func ("/text-diff/script", test_script);
  g_test_add_func ("/text-diff/long", test_long_texts);
  g_test_add_func ("/markup/shape", test_markup_shape);

  return g_test_run ();
}
