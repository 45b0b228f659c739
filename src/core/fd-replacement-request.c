/* fd-replacement-request.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-triage"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "fd-core-error.h"
#include "fd-mutation.h"
#include "fd-replacement-request.h"
#include "fd-triage.h"

struct _FdReplacementRequest
{
  GObject  parent_instance;

  gint64   id;
  char    *ad_id;
  char    *ad_name;
  gint64   decision_id;
  GArray  *version_ids;
  char    *state;
  char    *note;
  gint64   created_us;
};

G_DEFINE_FINAL_TYPE (FdReplacementRequest, fd_replacement_request, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_AD_ID,
  PROP_AD_NAME,
  PROP_DECISION_ID,
  PROP_STATE,
  PROP_NOTE,
  PROP_CREATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const states[] = { "open", "in_progress", "done", "cancelled" };

static void
fd_replacement_request_finalize (GObject *object)
{
  FdReplacementRequest *self = (FdReplacementRequest *)object;

  g_free (self->ad_id);
  g_free (self->ad_name);
  g_array_unref (self->version_ids);
  g_free (self->state);
  g_free (self->note);

  G_OBJECT_CLASS (fd_replacement_request_parent_class)->finalize (object);
}

static void
fd_replacement_request_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  FdReplacementRequest *self = FD_REPLACEMENT_REQUEST (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_AD_ID:
      g_value_set_string (value, self->ad_id);
      break;
    case PROP_AD_NAME:
      g_value_set_string (value, self->ad_name);
      break;
    case PROP_DECISION_ID:
      g_value_set_int64 (value, self->decision_id);
      break;
    case PROP_STATE:
      g_value_set_string (value, self->state);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_CREATED:
      g_value_set_int64 (value, self->created_us);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_replacement_request_class_init (FdReplacementRequestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fd_replacement_request_finalize;
  object_class->get_property = fd_replacement_request_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AD_ID] =
    g_param_spec_string ("ad-id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AD_NAME] =
    g_param_spec_string ("ad-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DECISION_ID] =
    g_param_spec_int64 ("decision-id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED] =
    g_param_spec_int64 ("created", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_replacement_request_init (FdReplacementRequest *self)
{
  self->version_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

gint64
fd_replacement_request_get_id (FdReplacementRequest *self)
{
  g_return_val_if_fail (FD_IS_REPLACEMENT_REQUEST (self), 0);
  return self->id;
}

const char *
fd_replacement_request_get_ad_id (FdReplacementRequest *self)
{
  g_return_val_if_fail (FD_IS_REPLACEMENT_REQUEST (self), NULL);
  return self->ad_id;
}

const char *
fd_replacement_request_get_ad_name (FdReplacementRequest *self)
{
  g_return_val_if_fail (FD_IS_REPLACEMENT_REQUEST (self), NULL);
  return self->ad_name;
}

gint64
fd_replacement_request_get_decision_id (FdReplacementRequest *self)
{
  g_return_val_if_fail (FD_IS_REPLACEMENT_REQUEST (self), 0);
  return self->decision_id;
}

/**
 * fd_replacement_request_get_version_ids:
 * @n_versions: (out): how many
 *
 * Returns: (array length=n_versions): the asset versions the ad showed
 *   when the request was made (ad_creative_link)
 */
const gint64 *
fd_replacement_request_get_version_ids (FdReplacementRequest *self,
                                        guint                *n_versions)
{
  g_return_val_if_fail (FD_IS_REPLACEMENT_REQUEST (self), NULL);

  *n_versions = self->version_ids->len;
  return (const gint64 *)self->version_ids->data;
}

const char *
fd_replacement_request_get_state (FdReplacementRequest *self)
{
  g_return_val_if_fail (FD_IS_REPLACEMENT_REQUEST (self), NULL);
  return self->state;
}

const char *
fd_replacement_request_get_note (FdReplacementRequest *self)
{
  g_return_val_if_fail (FD_IS_REPLACEMENT_REQUEST (self), NULL);
  return self->note;
}

gint64
fd_replacement_request_get_created (FdReplacementRequest *self)
{
  g_return_val_if_fail (FD_IS_REPLACEMENT_REQUEST (self), 0);
  return self->created_us;
}

static void
parse_versions (FdReplacementRequest *self,
                const char           *json)
{
  g_autoptr(JsonNode) node = json ? json_from_string (json, NULL) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;

  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    {
      gint64 id = json_array_get_int_element (json_node_get_array (node), i);

      g_array_append_val (self->version_ids, id);
    }
}

/**
 * fd_replacement_request_list:
 * @state: (nullable): only requests in this state
 *
 * Returns: (transfer full) (element-type FdReplacementRequest): oldest
 *   first, as a board shows a queue
 */
GPtrArray *
fd_replacement_request_list (FdStore     *store,
                             const char  *state,
                             GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  stmt = fd_store_stmt (store,
                        "SELECT r.id, r.ad_id, o.name, r.decision_id, r.version_ids, r.state, r.note, "
                        "r.created_us FROM replacement_request r "
                        "LEFT JOIN meta_object o ON o.id = r.ad_id "
                        "WHERE (?1 IS NULL OR r.state = ?1) ORDER BY r.created_us, r.id",
                        error);
  if (stmt == NULL)
    return NULL;

  fd_stmt_bind_text (stmt, 1, state);

  for (;;)
    {
      FdReplacementRequest *r;

      if (!fd_store_step (store, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;

      r = g_object_new (FD_TYPE_REPLACEMENT_REQUEST, NULL);
      r->id = sqlite3_column_int64 (stmt, 0);
      r->ad_id = fd_stmt_dup_text (stmt, 1);
      r->ad_name = fd_stmt_dup_text (stmt, 2);
      r->decision_id = sqlite3_column_int64 (stmt, 3);
      parse_versions (r, fd_stmt_column_text (stmt, 4));
      r->state = fd_stmt_dup_text (stmt, 5);
      r->note = fd_stmt_dup_text (stmt, 6);
      r->created_us = sqlite3_column_int64 (stmt, 7);
      g_ptr_array_add (list, r);
    }

  return g_steal_pointer (&list);
}

static gboolean
is_state (const char *state)
{
  for (guint i = 0; state != NULL && i < G_N_ELEMENTS (states); i++)
    if (g_str_equal (states[i], state))
      return TRUE;

  return FALSE;
}

/**
 * fd_replacement_request_set_state:
 * @state: "open", "in_progress", "done" or "cancelled"
 *
 * Moves a request on the board, audited. Done and cancelled requests are
 * closed: they do not move again.
 */
gboolean
fd_replacement_request_set_state (FdStore     *store,
                                  const char  *actor,
                                  gint64       request_id,
                                  const char  *state,
                                  GError     **error)
{
  g_autoptr(FdMutation) mutation = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, request_id);
  g_auto(FdStmt) current = NULL;
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  if (!is_state (state))
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   _("“%s” is not a state of a replacement request: open, in_progress, done or "
                     "cancelled."),
                   state ? state : "");
      return FALSE;
    }

  if (!(mutation = fd_mutation_begin (store, actor, error)))
    return FALSE;

  current = fd_store_stmt (store, "SELECT state FROM replacement_request WHERE id = ?", error);
  if (current == NULL)
    return FALSE;
  sqlite3_bind_int64 (current, 1, request_id);
  if (!fd_store_step (store, current, &has_row, error))
    return FALSE;

  if (!has_row)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND,
                   _("There is no replacement request %lld."), (long long)request_id);
      return FALSE;
    }

  if (g_str_equal (fd_stmt_column_text (current, 0), state))
    return TRUE;

  if (g_str_equal (fd_stmt_column_text (current, 0), "done") ||
      g_str_equal (fd_stmt_column_text (current, 0), "cancelled"))
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_ALLOWED,
                   _("Replacement request %lld is closed (%s)."),
                   (long long)request_id, fd_stmt_column_text (current, 0));
      return FALSE;
    }

  before = fd_store_query_text (store, FD_REPLACEMENT_SNAPSHOT_SQL, request_id, error);
  stmt = fd_store_stmt (store, "UPDATE replacement_request SET state = ? WHERE id = ?", error);
  if (stmt == NULL || before == NULL)
    return FALSE;

  fd_stmt_bind_text (stmt, 1, state);
  sqlite3_bind_int64 (stmt, 2, request_id);
  if (!fd_store_run (store, stmt, error))
    return FALSE;

  after = fd_store_query_text (store, FD_REPLACEMENT_SNAPSHOT_SQL, request_id, error);
  return after != NULL &&
         fd_mutation_record (mutation, "replacement", id, "update", before, after, error) &&
         fd_mutation_commit (mutation, error);
}
