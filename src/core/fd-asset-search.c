/* fd-asset-search.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-asset"

#include "config.h"

#include "fd-asset-private.h"

/* Searching and ordering cards: the board's text search matches words
 * against a folded key of what a card shows, built once per load. */

/**
 * fd_asset_fold_text:
 *
 * Folds text for searching: case and accents do not matter ("Tomás"
 * matches "tomas").
 *
 * Returns: (transfer full): the folded text
 */
char *
fd_asset_fold_text (const char *text)
{
  g_autofree char *decomposed = NULL;
  GString *bare;

  if (text == NULL)
    return g_strdup ("");

  /* Most names are plain ASCII: no need to decompose them. */
  if (g_str_is_ascii (text))
    return g_ascii_strdown (text, -1);

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_utf8_casefold (text, -1);

  bare = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (bare, c);
    }

  {
    g_autofree char *plain = g_string_free (bare, FALSE);

    return g_utf8_casefold (plain, -1);
  }
}

/* Folding 10,000 keys takes tens of milliseconds: the loader does it on
 * its worker thread, so that the first search on the board is instant. */
void
_fd_asset_build_search_key (FdAsset *self)
{
  GString *key = g_string_new (NULL);
  g_autofree char *folded = NULL;

  g_clear_pointer (&self->search_key, g_free);
  g_string_append (key, self->name);
  g_string_append_c (key, '\n');
  if (self->kind != FD_ASSET_KIND_NONE)
    g_string_append_printf (key, "%s\n", fd_asset_kind_get_display_name (self->kind));
  if (self->brief_title)
    g_string_append_printf (key, "%s\n", self->brief_title);
  if (self->campaign)
    g_string_append_printf (key, "%s\n", self->campaign);
  if (self->group_name)
    g_string_append_printf (key, "%s\n", self->group_name);
  if (self->preview)
    g_string_append_printf (key, "%s\n", self->preview);
  for (guint i = 0; i < self->reviewers->len; i++)
    g_string_append_printf (key, "%s\n",
                            fd_asset_reviewer_get_name (g_ptr_array_index (self->reviewers, i)));

  self->search_key = fd_asset_fold_text (key->str);
  g_string_free (key, TRUE);
}

/**
 * fd_asset_matches_words:
 * @folded_words: words folded with fd_asset_fold_text()
 *
 * Whether every word occurs in the asset's name, kind, brief, campaign,
 * group, text or reviewers. Not thread-safe: the first call builds the
 * search key.
 *
 * Returns: %TRUE if all words match (or there are none)
 */
gboolean
fd_asset_matches_words (FdAsset            *self,
                        const char * const *folded_words)
{
  g_return_val_if_fail (FD_IS_ASSET (self), FALSE);

  if (folded_words == NULL || folded_words[0] == NULL)
    return TRUE;

  if (self->search_key == NULL)
    _fd_asset_build_search_key (self);

  for (guint i = 0; folded_words[i]; i++)
    if (strstr (self->search_key, folded_words[i]) == NULL)
      return FALSE;

  return TRUE;
}

/**
 * fd_asset_compare_for_board:
 *
 * The order of cards in a column: earliest due date first (no date last),
 * then the longest waiting in its state, then by id.
 */
int
fd_asset_compare_for_board (FdAsset *a,
                            FdAsset *b)
{
  gint64 due_a = a->due_us ? a->due_us : G_MAXINT64;
  gint64 due_b = b->due_us ? b->due_us : G_MAXINT64;

  if (due_a != due_b)
    return due_a < due_b ? -1 : 1;
  if (a->state_since_us != b->state_since_us)
    return a->state_since_us < b->state_since_us ? -1 : 1;
  return (a->id > b->id) - (a->id < b->id);
}
