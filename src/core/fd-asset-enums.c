/* fd-asset-enums.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-asset-enums.h"

/* Names as stored and typed, names for people, and the GTypes that let the
 * UI use these values in expressions and property bindings. The order of
 * each table follows the enum. */

typedef struct
{
  const char *id;
  const char *name;
  const char *plural;
} NameInfo;

static const NameInfo kinds[] = {
  { NULL,           NULL,                NULL },
  { "video",        N_("Video"),         N_("videos") },
  { "image",        N_("Image"),         N_("images") },
  { "headline",     N_("Headline"),      N_("headlines") },
  { "primary-text", N_("Primary text"),  N_("primary texts") },
  { "script",       N_("Script"),        N_("scripts") },
};

static const NameInfo states[] = {
  { NULL,                 NULL,                         NULL },
  { "draft",              N_("Draft"),                  NULL },
  { "in-review",          N_("In Review"),              NULL },
  { "revision-requested", N_("Revision Requested"),     NULL },
  { "approved",           N_("Approved"),               NULL },
  { "uploaded",           N_("Uploaded"),               NULL },
  { "archived",           N_("Archived"),               NULL },
};

static const NameInfo decisions[] = {
  { NULL,                NULL,                   NULL },
  { "approved",          N_("Approved"),         NULL },
  { "changes-requested", N_("Changes requested"), NULL },
  { "comment",           N_("Comment"),          NULL },
};

G_STATIC_ASSERT (G_N_ELEMENTS (kinds) == FD_ASSET_N_KINDS + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (states) == FD_ASSET_N_STATES + 1);

static GType
register_enum (const char     *type_name,
               const NameInfo *table,
               guint           n,
               const char     *none_nick)
{
  GEnumValue *values = g_new0 (GEnumValue, n + 1);

  for (guint i = 0; i < n; i++)
    {
      values[i].value = i;
      values[i].value_nick = i == 0 ? none_nick : table[i].id;
      values[i].value_name = i == 0 ? none_nick : table[i].id;
    }

  /* The table lives as long as the type: for ever. */
  return g_enum_register_static (type_name, values);
}

GType
fd_asset_kind_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, register_enum ("FdAssetKind", kinds, G_N_ELEMENTS (kinds), "none"));

  return type;
}

GType
fd_asset_state_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, register_enum ("FdAssetState", states, G_N_ELEMENTS (states), "none"));

  return type;
}

GType
fd_review_decision_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, register_enum ("FdReviewDecision", decisions,
                                             G_N_ELEMENTS (decisions), "none"));

  return type;
}

/* Accepts the id itself, and what a person might type: "Primary text",
 * "primary_text", "IN REVIEW". */
static guint
lookup (const NameInfo *table,
        guint           n,
        const char     *text)
{
  g_autofree char *id = NULL;

  if (text == NULL)
    return 0;

  id = g_ascii_strdown (text, -1);
  g_strstrip (id);
  g_strdelimit (id, " _", '-');

  for (guint i = 1; i < n; i++)
    if (g_str_equal (table[i].id, id))
      return i;

  return 0;
}

static char *
list_ids (const NameInfo *table,
          guint           n)
{
  GString *text = g_string_new (NULL);

  for (guint i = 1; i < n; i++)
    g_string_append_printf (text, "%s%s", i > 1 ? ", " : "", table[i].id);

  return g_string_free (text, FALSE);
}

const char *
fd_asset_kind_to_string (FdAssetKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kinds), NULL);
  return kinds[kind].id;
}

/**
 * fd_asset_kind_from_string:
 *
 * Returns: the kind, or %FD_ASSET_KIND_NONE when @text names none
 */
FdAssetKind
fd_asset_kind_from_string (const char *text)
{
  return lookup (kinds, G_N_ELEMENTS (kinds), text);
}

const char *
fd_asset_kind_get_display_name (FdAssetKind kind)
{
  g_return_val_if_fail (kind > 0 && kind < G_N_ELEMENTS (kinds), NULL);
  return g_dgettext (GETTEXT_PACKAGE, kinds[kind].name);
}

/**
 * fd_asset_kind_get_plural_name:
 *
 * Returns: the kind in the plural, lowercase, for sentences ("videos")
 */
const char *
fd_asset_kind_get_plural_name (FdAssetKind kind)
{
  g_return_val_if_fail (kind > 0 && kind < G_N_ELEMENTS (kinds), NULL);
  return g_dgettext (GETTEXT_PACKAGE, kinds[kind].plural);
}

gboolean
fd_asset_kind_is_media (FdAssetKind kind)
{
  return kind == FD_ASSET_KIND_VIDEO || kind == FD_ASSET_KIND_IMAGE;
}

gboolean
fd_asset_kind_is_text (FdAssetKind kind)
{
  return kind == FD_ASSET_KIND_HEADLINE || kind == FD_ASSET_KIND_PRIMARY_TEXT ||
         kind == FD_ASSET_KIND_SCRIPT;
}

/**
 * fd_asset_kind_get_approval_transition:
 *
 * Returns: the ownership-matrix key of the kind's approval
 *   ("creative.approve.video")
 */
const char *
fd_asset_kind_get_approval_transition (FdAssetKind kind)
{
  static const char * const keys[] = {
    NULL,
    "creative.approve.video",
    "creative.approve.image",
    "creative.approve.headline",
    "creative.approve.primary-text",
    "creative.approve.script",
  };

  g_return_val_if_fail (kind < G_N_ELEMENTS (keys), NULL);
  return keys[kind];
}

/**
 * fd_asset_kind_list_names:
 *
 * Returns: (transfer full): "video, image, headline, primary-text, script"
 */
char *
fd_asset_kind_list_names (void)
{
  return list_ids (kinds, G_N_ELEMENTS (kinds));
}

const char *
fd_asset_state_to_string (FdAssetState state)
{
  g_return_val_if_fail (state < G_N_ELEMENTS (states), NULL);
  return states[state].id;
}

/**
 * fd_asset_state_from_string:
 *
 * Returns: the state, or %FD_ASSET_STATE_NONE when @text names none
 */
FdAssetState
fd_asset_state_from_string (const char *text)
{
  return lookup (states, G_N_ELEMENTS (states), text);
}

const char *
fd_asset_state_get_display_name (FdAssetState state)
{
  g_return_val_if_fail (state > 0 && state < G_N_ELEMENTS (states), NULL);
  return g_dgettext (GETTEXT_PACKAGE, states[state].name);
}

/**
 * fd_asset_state_list_names:
 *
 * Returns: (transfer full): "draft, in-review, …, archived"
 */
char *
fd_asset_state_list_names (void)
{
  return list_ids (states, G_N_ELEMENTS (states));
}

const char *
fd_review_decision_to_string (FdReviewDecision decision)
{
  g_return_val_if_fail (decision < G_N_ELEMENTS (decisions), NULL);
  return decisions[decision].id;
}

FdReviewDecision
fd_review_decision_from_string (const char *text)
{
  return lookup (decisions, G_N_ELEMENTS (decisions), text);
}

const char *
fd_review_decision_get_display_name (FdReviewDecision decision)
{
  if (decision == FD_REVIEW_DECISION_NONE)
    return _("No decision yet");

  g_return_val_if_fail (decision < G_N_ELEMENTS (decisions), NULL);
  return g_dgettext (GETTEXT_PACKAGE, decisions[decision].name);
}
