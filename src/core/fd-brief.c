/* fd-brief.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-brief"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-brief.h"
#include "fd-core-error.h"
#include "fd-mutation.h"

struct _FdBrief
{
  GObject  parent_instance;

  gint64   id;
  char    *title;
  char    *objective;
  char    *segment;
  char    *message;
  char    *placements;
  gint64   owner_id;
  gint64   due_us;
};

G_DEFINE_FINAL_TYPE (FdBrief, fd_brief, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SEGMENT,
  PROP_PLACEMENTS,
  PROP_DUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define BRIEF_COLUMNS "id, title, objective, segment, message, placements, owner_id, due_us"

#define BRIEF_JSON_SQL FD_BRIEF_SNAPSHOT_SQL

static const char * const known_placements[] = { "feed", "stories", "reels", NULL };

static void
fd_brief_finalize (GObject *object)
{
  FdBrief *self = (FdBrief *)object;

  g_free (self->title);
  g_free (self->objective);
  g_free (self->segment);
  g_free (self->message);
  g_free (self->placements);

  G_OBJECT_CLASS (fd_brief_parent_class)->finalize (object);
}

static void
fd_brief_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  FdBrief *self = FD_BRIEF (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SEGMENT:
      g_value_set_string (value, self->segment);
      break;
    case PROP_PLACEMENTS:
      g_value_set_string (value, self->placements);
      break;
    case PROP_DUE:
      g_value_set_int64 (value, self->due_us);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_brief_class_init (FdBriefClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fd_brief_finalize;
  object_class->get_property = fd_brief_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEGMENT] =
    g_param_spec_string ("segment", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLACEMENTS] =
    g_param_spec_string ("placements", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DUE] =
    g_param_spec_int64 ("due", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_brief_init (FdBrief *self)
{
}

static FdBrief *
brief_from_row (sqlite3_stmt *stmt)
{
  FdBrief *self = g_object_new (FD_TYPE_BRIEF, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->title = fd_stmt_dup_text (stmt, 1);
  self->objective = fd_stmt_dup_text (stmt, 2);
  self->segment = fd_stmt_dup_text (stmt, 3);
  self->message = fd_stmt_dup_text (stmt, 4);
  self->placements = fd_stmt_dup_text (stmt, 5);
  self->owner_id = sqlite3_column_int64 (stmt, 6);
  self->due_us = sqlite3_column_int64 (stmt, 7);

  return self;
}

gint64
fd_brief_get_id (FdBrief *self)
{
  g_return_val_if_fail (FD_IS_BRIEF (self), 0);
  return self->id;
}

const char *
fd_brief_get_title (FdBrief *self)
{
  g_return_val_if_fail (FD_IS_BRIEF (self), NULL);
  return self->title;
}

const char *
fd_brief_get_objective (FdBrief *self)
{
  g_return_val_if_fail (FD_IS_BRIEF (self), NULL);
  return self->objective;
}

const char *
fd_brief_get_segment (FdBrief *self)
{
  g_return_val_if_fail (FD_IS_BRIEF (self), NULL);
  return self->segment;
}

const char *
fd_brief_get_message (FdBrief *self)
{
  g_return_val_if_fail (FD_IS_BRIEF (self), NULL);
  return self->message;
}

/**
 * fd_brief_get_placements:
 *
 * Returns: (nullable): the required placements as a comma list of feed,
 *   stories and reels
 */
const char *
fd_brief_get_placements (FdBrief *self)
{
  g_return_val_if_fail (FD_IS_BRIEF (self), NULL);
  return self->placements;
}

gint64
fd_brief_get_owner_id (FdBrief *self)
{
  g_return_val_if_fail (FD_IS_BRIEF (self), 0);
  return self->owner_id;
}

gint64
fd_brief_get_due (FdBrief *self)
{
  g_return_val_if_fail (FD_IS_BRIEF (self), 0);
  return self->due_us;
}

gboolean
fd_brief_requires_placement (FdBrief    *self,
                             const char *placement)
{
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (FD_IS_BRIEF (self), FALSE);

  if (self->placements == NULL)
    return FALSE;

  parts = g_strsplit (self->placements, ",", -1);
  for (guint i = 0; parts[i]; i++)
    if (g_str_equal (g_strstrip (parts[i]), placement))
      return TRUE;

  return FALSE;
}

static gboolean
check_placements (const char  *placements,
                  GError     **error)
{
  g_auto(GStrv) parts = NULL;

  if (placements == NULL || *placements == '\0')
    return TRUE;

  parts = g_strsplit (placements, ",", -1);
  for (guint i = 0; parts[i]; i++)
    if (!g_strv_contains (known_placements, g_strstrip (parts[i])))
      {
        g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                     _("“%s” is not a placement; use feed, stories or reels."),
                     parts[i]);
        return FALSE;
      }

  return TRUE;
}

/**
 * fd_brief_create:
 * @placements: (nullable): comma list of feed, stories, reels
 * @owner_id: the brief's owner, or 0
 * @due_us: the due date, or 0
 *
 * Returns: (transfer full): the new brief, or %NULL with @error set
 */
FdBrief *
fd_brief_create (FdStore     *store,
                 const char  *actor,
                 const char  *title,
                 const char  *objective,
                 const char  *segment,
                 const char  *message,
                 const char  *placements,
                 gint64       owner_id,
                 gint64       due_us,
                 GError     **error)
{
  g_autoptr(FdMutation) mutation = NULL;
  g_autofree char *after = NULL;
  g_autofree char *id_text = NULL;
  g_auto(FdStmt) stmt = NULL;
  gint64 id;

  g_autofree char *clean_title = g_strstrip (g_strdup (title ? title : ""));

  if (*clean_title == '\0')
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID, _("A brief needs a title."));
      return NULL;
    }

  if (!check_placements (placements, error) ||
      !(mutation = fd_mutation_begin (store, actor, error)))
    return NULL;

  stmt = fd_store_stmt (store,
                        "INSERT INTO brief (title, objective, segment, message, placements, "
                        "owner_id, due_us, created_us, created_by) "
                        "VALUES (?, ?, ?, ?, ?, nullif (?, 0), nullif (?, 0), ?, ?)",
                        error);
  if (stmt == NULL)
    return NULL;

  fd_stmt_bind_text (stmt, 1, clean_title);
  fd_stmt_bind_text (stmt, 2, objective);
  fd_stmt_bind_text (stmt, 3, segment);
  fd_stmt_bind_text (stmt, 4, message);
  fd_stmt_bind_text (stmt, 5, placements);
  sqlite3_bind_int64 (stmt, 6, owner_id);
  sqlite3_bind_int64 (stmt, 7, due_us);
  sqlite3_bind_int64 (stmt, 8, fd_mutation_get_time (mutation));
  fd_stmt_bind_text (stmt, 9, actor);
  if (!fd_store_run (store, stmt, error))
    return NULL;

  id = fd_store_get_last_insert_id (store);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  after = fd_store_query_text (store, BRIEF_JSON_SQL, id, error);

  if (!fd_mutation_record (mutation, "brief", id_text, "create", NULL, after, error) ||
      !fd_mutation_commit (mutation, error))
    return NULL;

  return fd_brief_get (store, id, error);
}

/**
 * fd_brief_get:
 *
 * Returns: (transfer full): the brief, or %NULL with @error set
 */
FdBrief *
fd_brief_get (FdStore     *store,
              gint64       brief_id,
              GError     **error)
{
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  stmt = fd_store_stmt (store, "SELECT " BRIEF_COLUMNS " FROM brief WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, brief_id);
  if (!fd_store_step (store, stmt, &has_row, error))
    return NULL;

  if (!has_row)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND,
                   _("There is no brief %lld."), (long long)brief_id);
      return NULL;
    }

  return brief_from_row (stmt);
}

/**
 * fd_brief_list:
 *
 * Returns: (transfer full) (element-type FdBrief): all briefs, newest first
 */
GPtrArray *
fd_brief_list (FdStore  *store,
               GError  **error)
{
  g_autoptr(GPtrArray) briefs = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  stmt = fd_store_stmt (store, "SELECT " BRIEF_COLUMNS " FROM brief ORDER BY id DESC", error);
  if (stmt == NULL)
    return NULL;

  for (;;)
    {
      if (!fd_store_step (store, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      g_ptr_array_add (briefs, brief_from_row (stmt));
    }

  return g_steal_pointer (&briefs);
}
