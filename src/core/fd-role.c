/* fd-role.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-role.h"

typedef struct
{
  const char *id;
  const char *name;
} FdRoleInfo;

static const FdRoleInfo roles[] = {
  { "creative-director", N_("Creative director") },
  { "designer",          N_("Designer") },
  { "video-editor",      N_("Video editor") },
  { "copywriter",        N_("Copywriter") },
  { "copy-lead",         N_("Copy lead") },
  { "legal",             N_("Legal") },
  { "media-buyer",       N_("Media buyer") },
  { "account-lead",      N_("Account lead") },
  { "marketer",          N_("Marketer") },
  { "analyst",           N_("Analyst") },
};

const char * const *
fd_role_get_ids (void)
{
  static const char *ids[G_N_ELEMENTS (roles) + 1];

  if (ids[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
      ids[i] = roles[i].id;

  return ids;
}

static const FdRoleInfo *
lookup (const char *role_id)
{
  if (role_id == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (g_str_equal (roles[i].id, role_id))
      return &roles[i];

  return NULL;
}

gboolean
fd_role_is_valid (const char *role_id)
{
  return lookup (role_id) != NULL;
}

const char *
fd_role_get_display_name (const char *role_id)
{
  const FdRoleInfo *info = lookup (role_id);

  return info ? g_dgettext (GETTEXT_PACKAGE, info->name) : role_id;
}

/**
 * fd_role_normalize:
 * @text: a role as a person types it: "Account lead", "account_lead" …
 *
 * Returns: (transfer full) (nullable): the role id, or %NULL if @text names
 *   no known role
 */
char *
fd_role_normalize (const char *text)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *id = NULL;

  if (text == NULL)
    return NULL;

  trimmed = g_strstrip (g_strdup (text));
  id = g_ascii_strdown (trimmed, -1);
  g_strdelimit (id, " _", '-');

  if (lookup (id) != NULL)
    return g_steal_pointer (&id);

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (g_ascii_strcasecmp (trimmed, roles[i].name) == 0)
      return g_strdup (roles[i].id);

  return NULL;
}
