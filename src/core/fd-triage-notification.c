/* fd-triage-notification.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-triage"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-core-error.h"
#include "fd-mutation.h"
#include "fd-triage.h"
#include "fd-triage-notification.h"

struct _FdTriageNotification
{
  GObject  parent_instance;

  gint64   id;
  gint64   decision_id;
  char    *kind;
  char    *recipient;
  gint64   person_id;
  char    *message;
  gint64   created_us;
  gboolean read;
};

G_DEFINE_FINAL_TYPE (FdTriageNotification, fd_triage_notification, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DECISION_ID,
  PROP_KIND,
  PROP_RECIPIENT,
  PROP_PERSON_ID,
  PROP_MESSAGE,
  PROP_CREATED,
  PROP_READ,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fd_triage_notification_finalize (GObject *object)
{
  FdTriageNotification *self = (FdTriageNotification *)object;

  g_free (self->kind);
  g_free (self->recipient);
  g_free (self->message);

  G_OBJECT_CLASS (fd_triage_notification_parent_class)->finalize (object);
}

static void
fd_triage_notification_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  FdTriageNotification *self = FD_TRIAGE_NOTIFICATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_DECISION_ID:
      g_value_set_int64 (value, self->decision_id);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_RECIPIENT:
      g_value_set_string (value, self->recipient);
      break;
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_CREATED:
      g_value_set_int64 (value, self->created_us);
      break;
    case PROP_READ:
      g_value_set_boolean (value, self->read);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_triage_notification_class_init (FdTriageNotificationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fd_triage_notification_finalize;
  object_class->get_property = fd_triage_notification_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DECISION_ID] =
    g_param_spec_int64 ("decision-id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECIPIENT] =
    g_param_spec_string ("recipient", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED] =
    g_param_spec_int64 ("created", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ] =
    g_param_spec_boolean ("read", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_triage_notification_init (FdTriageNotification *self)
{
}

gint64
fd_triage_notification_get_id (FdTriageNotification *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_NOTIFICATION (self), 0);
  return self->id;
}

gint64
fd_triage_notification_get_decision_id (FdTriageNotification *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_NOTIFICATION (self), 0);
  return self->decision_id;
}

/**
 * fd_triage_notification_get_kind:
 *
 * Returns: "notify", "escalate" or "approval"
 */
const char *
fd_triage_notification_get_kind (FdTriageNotification *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_NOTIFICATION (self), NULL);
  return self->kind;
}

/**
 * fd_triage_notification_get_recipient:
 *
 * Returns: who the rule named ("account lead"), as written
 */
const char *
fd_triage_notification_get_recipient (FdTriageNotification *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_NOTIFICATION (self), NULL);
  return self->recipient;
}

gint64
fd_triage_notification_get_person_id (FdTriageNotification *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_NOTIFICATION (self), 0);
  return self->person_id;
}

const char *
fd_triage_notification_get_message (FdTriageNotification *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_NOTIFICATION (self), NULL);
  return self->message;
}

gint64
fd_triage_notification_get_created (FdTriageNotification *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_NOTIFICATION (self), 0);
  return self->created_us;
}

gboolean
fd_triage_notification_get_read (FdTriageNotification *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_NOTIFICATION (self), FALSE);
  return self->read;
}

/**
 * fd_triage_notification_list:
 * @person_id: only this person's, or 0 for everyone's
 * @unread_only: leave out what was read
 *
 * Returns: (transfer full) (element-type FdTriageNotification): newest
 *   first
 */
GPtrArray *
fd_triage_notification_list (FdStore   *store,
                             gint64     person_id,
                             gboolean   unread_only,
                             GError   **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  stmt = fd_store_stmt (store,
                        "SELECT id, decision_id, kind, recipient, person_id, message, created_us, "
                        "read_us IS NOT NULL FROM triage_notification "
                        "WHERE (?1 = 0 OR person_id = ?1) AND (NOT ?2 OR read_us IS NULL) "
                        "ORDER BY created_us DESC, id DESC",
                        error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int (stmt, 2, unread_only ? 1 : 0);

  for (;;)
    {
      FdTriageNotification *n;

      if (!fd_store_step (store, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;

      n = g_object_new (FD_TYPE_TRIAGE_NOTIFICATION, NULL);
      n->id = sqlite3_column_int64 (stmt, 0);
      n->decision_id = sqlite3_column_int64 (stmt, 1);
      n->kind = fd_stmt_dup_text (stmt, 2);
      n->recipient = fd_stmt_dup_text (stmt, 3);
      n->person_id = sqlite3_column_int64 (stmt, 4);
      n->message = fd_stmt_dup_text (stmt, 5);
      n->created_us = sqlite3_column_int64 (stmt, 6);
      n->read = sqlite3_column_int (stmt, 7) != 0;
      g_ptr_array_add (list, n);
    }

  return g_steal_pointer (&list);
}

/**
 * fd_triage_notification_mark_read:
 *
 * Marks a notification read, audited. Marking it again changes nothing.
 */
gboolean
fd_triage_notification_mark_read (FdStore     *store,
                                  const char  *actor,
                                  gint64       notification_id,
                                  GError     **error)
{
  g_autoptr(FdMutation) mutation = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, notification_id);
  g_auto(FdStmt) stmt = NULL;

  if (!(mutation = fd_mutation_begin (store, actor, error)))
    return FALSE;

  before = fd_store_query_text (store, FD_NOTIFICATION_SNAPSHOT_SQL, notification_id, error);
  if (before == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND,
                     _("There is no notification %lld."), (long long)notification_id);
      return FALSE;
    }

  stmt = fd_store_stmt (store, "UPDATE triage_notification SET read_us = ? WHERE id = ? AND read_us IS NULL",
                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, fd_mutation_get_time (mutation));
  sqlite3_bind_int64 (stmt, 2, notification_id);
  if (!fd_store_run (store, stmt, error))
    return FALSE;

  if (fd_store_get_changes (store) == 0)
    return TRUE;

  after = fd_store_query_text (store, FD_NOTIFICATION_SNAPSHOT_SQL, notification_id, error);
  return after != NULL &&
         fd_mutation_record (mutation, "notification", id, "read", before, after, error) &&
         fd_mutation_commit (mutation, error);
}
