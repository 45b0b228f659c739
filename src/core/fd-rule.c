/* fd-rule.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-rule"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-rule.h"
#include "fd-rule-parser.h"

struct _FdRule
{
  GObject      parent_instance;

  gint64       id;
  char        *name;
  FdRuleLevel  level;
  gboolean     enabled;
  int          version;
  char        *text;
  gint64       created_us;
  gint64       updated_us;
  char        *author;
};

G_DEFINE_FINAL_TYPE (FdRule, fd_rule, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_LEVEL,
  PROP_ENABLED,
  PROP_VERSION,
  PROP_TEXT,
  PROP_CREATED,
  PROP_UPDATED,
  PROP_AUTHOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fd_rule_finalize (GObject *object)
{
  FdRule *self = (FdRule *)object;

  g_free (self->name);
  g_free (self->text);
  g_free (self->author);

  G_OBJECT_CLASS (fd_rule_parent_class)->finalize (object);
}

static void
fd_rule_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  FdRule *self = FD_RULE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_LEVEL:
      g_value_set_string (value, fd_rule_level_to_string (self->level));
      break;
    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;
    case PROP_VERSION:
      g_value_set_int (value, self->version);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_CREATED:
      g_value_set_int64 (value, self->created_us);
      break;
    case PROP_UPDATED:
      g_value_set_int64 (value, self->updated_us);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_rule_class_init (FdRuleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fd_rule_finalize;
  object_class->get_property = fd_rule_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEVEL] =
    g_param_spec_string ("level", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_int ("version", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED] =
    g_param_spec_int64 ("created", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED] =
    g_param_spec_int64 ("updated", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_rule_init (FdRule *self)
{
}

FdRule *
fd_rule_new (gint64       id,
             const char  *name,
             FdRuleLevel  level,
             gboolean     enabled,
             int          version,
             const char  *text,
             gint64       created_us,
             gint64       updated_us,
             const char  *author)
{
  FdRule *self = g_object_new (FD_TYPE_RULE, NULL);

  self->id = id;
  self->name = g_strdup (name);
  self->level = level;
  self->enabled = enabled;
  self->version = version;
  self->text = g_strdup (text);
  self->created_us = created_us;
  self->updated_us = updated_us;
  self->author = g_strdup (author);

  return self;
}

gint64
fd_rule_get_id (FdRule *self)
{
  g_return_val_if_fail (FD_IS_RULE (self), 0);
  return self->id;
}

const char *
fd_rule_get_name (FdRule *self)
{
  g_return_val_if_fail (FD_IS_RULE (self), NULL);
  return self->name;
}

FdRuleLevel
fd_rule_get_level (FdRule *self)
{
  g_return_val_if_fail (FD_IS_RULE (self), FD_RULE_LEVEL_NONE);
  return self->level;
}

gboolean
fd_rule_get_enabled (FdRule *self)
{
  g_return_val_if_fail (FD_IS_RULE (self), FALSE);
  return self->enabled;
}

int
fd_rule_get_version (FdRule *self)
{
  g_return_val_if_fail (FD_IS_RULE (self), 0);
  return self->version;
}

const char *
fd_rule_get_text (FdRule *self)
{
  g_return_val_if_fail (FD_IS_RULE (self), NULL);
  return self->text;
}

gint64
fd_rule_get_created (FdRule *self)
{
  g_return_val_if_fail (FD_IS_RULE (self), 0);
  return self->created_us;
}

gint64
fd_rule_get_updated (FdRule *self)
{
  g_return_val_if_fail (FD_IS_RULE (self), 0);
  return self->updated_us;
}

/**
 * fd_rule_get_author:
 *
 * Returns: the actor who wrote this version
 */
const char *
fd_rule_get_author (FdRule *self)
{
  g_return_val_if_fail (FD_IS_RULE (self), NULL);
  return self->author;
}

/**
 * fd_rule_get_definition:
 *
 * Parses the rule's text (it is stored as text; the parsed form is never
 * kept).
 *
 * Returns: (transfer full): the parsed rule, or %NULL with @error set
 */
FdRuleDef *
fd_rule_get_definition (FdRule  *self,
                        GError **error)
{
  g_autoptr(GError) local_error = NULL;
  FdRuleDef *def;

  g_return_val_if_fail (FD_IS_RULE (self), NULL);

  def = fd_rule_parse_one (self->text, &local_error);
  if (def == NULL)
    g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                _("Rule “%s” (version %d) does not parse: "),
                                self->name, self->version);

  return def;
}
