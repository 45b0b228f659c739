/* fd-placement-status.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-placement-status"

#include "config.h"

#include "fd-placement-status.h"

/* How one version fares on one placement, as the asset page shows it: the
 * check (pass, warn or fail, with its reasons), whether the asset's brief
 * requires the placement, and the override a required reviewer recorded,
 * if any. A required placement that fails without an override blocks the
 * approval (fd-placement-gate.c). */

struct _FdPlacementStatus
{
  GObject            parent_instance;

  FdPlacement        placement;
  FdPlacementResult  result;
  GStrv              reasons;
  gboolean           required;
  gint64             override_person_id;
  char              *override_by;
  char              *override_reason;
  gint64             override_at;
};

G_DEFINE_FINAL_TYPE (FdPlacementStatus, fd_placement_status, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PLACEMENT,
  PROP_PLACEMENT_ID,
  PROP_TITLE,
  PROP_RESULT,
  PROP_RESULT_ID,
  PROP_REASONS,
  PROP_REQUIRED,
  PROP_BLOCKING,
  PROP_OVERRIDDEN,
  PROP_OVERRIDE_PERSON_ID,
  PROP_OVERRIDE_BY,
  PROP_OVERRIDE_REASON,
  PROP_OVERRIDE_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fd_placement_status_finalize (GObject *object)
{
  FdPlacementStatus *self = (FdPlacementStatus *)object;

  g_strfreev (self->reasons);
  g_free (self->override_by);
  g_free (self->override_reason);

  G_OBJECT_CLASS (fd_placement_status_parent_class)->finalize (object);
}

static void
fd_placement_status_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  FdPlacementStatus *self = FD_PLACEMENT_STATUS (object);

  switch (prop_id)
    {
    case PROP_PLACEMENT:
      g_value_set_int (value, self->placement);
      break;
    case PROP_PLACEMENT_ID:
      g_value_set_string (value, fd_placement_get_id (self->placement));
      break;
    case PROP_TITLE:
      g_value_set_string (value, fd_placement_get_title (self->placement));
      break;
    case PROP_RESULT:
      g_value_set_int (value, self->result);
      break;
    case PROP_RESULT_ID:
      g_value_set_string (value, fd_placement_result_get_id (self->result));
      break;
    case PROP_REASONS:
      g_value_set_boxed (value, self->reasons);
      break;
    case PROP_REQUIRED:
      g_value_set_boolean (value, self->required);
      break;
    case PROP_BLOCKING:
      g_value_set_boolean (value, fd_placement_status_get_blocking (self));
      break;
    case PROP_OVERRIDDEN:
      g_value_set_boolean (value, self->override_person_id != 0);
      break;
    case PROP_OVERRIDE_PERSON_ID:
      g_value_set_int64 (value, self->override_person_id);
      break;
    case PROP_OVERRIDE_BY:
      g_value_set_string (value, self->override_by);
      break;
    case PROP_OVERRIDE_REASON:
      g_value_set_string (value, self->override_reason);
      break;
    case PROP_OVERRIDE_AT:
      g_value_set_int64 (value, self->override_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_placement_status_class_init (FdPlacementStatusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = fd_placement_status_finalize;
  object_class->get_property = fd_placement_status_get_property;

  properties[PROP_PLACEMENT] =
    g_param_spec_int ("placement", NULL, NULL, 0, FD_N_PLACEMENTS - 1, 0, ro);
  properties[PROP_PLACEMENT_ID] = g_param_spec_string ("placement-id", NULL, NULL, NULL, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_RESULT] =
    g_param_spec_int ("result", NULL, NULL, FD_PLACEMENT_PASS, FD_PLACEMENT_FAIL, FD_PLACEMENT_PASS, ro);
  properties[PROP_RESULT_ID] = g_param_spec_string ("result-id", NULL, NULL, NULL, ro);
  properties[PROP_REASONS] = g_param_spec_boxed ("reasons", NULL, NULL, G_TYPE_STRV, ro);
  properties[PROP_REQUIRED] = g_param_spec_boolean ("required", NULL, NULL, FALSE, ro);
  properties[PROP_BLOCKING] = g_param_spec_boolean ("blocking", NULL, NULL, FALSE, ro);
  properties[PROP_OVERRIDDEN] = g_param_spec_boolean ("overridden", NULL, NULL, FALSE, ro);
  properties[PROP_OVERRIDE_PERSON_ID] =
    g_param_spec_int64 ("override-person-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_OVERRIDE_BY] = g_param_spec_string ("override-by", NULL, NULL, NULL, ro);
  properties[PROP_OVERRIDE_REASON] = g_param_spec_string ("override-reason", NULL, NULL, NULL, ro);
  properties[PROP_OVERRIDE_AT] =
    g_param_spec_int64 ("override-at", NULL, NULL, 0, G_MAXINT64, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_placement_status_init (FdPlacementStatus *self)
{
}

/**
 * fd_placement_status_new:
 * @check: the placement check of the version's probe data
 * @required: whether the asset's brief requires the placement
 */
FdPlacementStatus *
fd_placement_status_new (const FdPlacementCheck *check,
                         gboolean                required)
{
  FdPlacementStatus *self = g_object_new (FD_TYPE_PLACEMENT_STATUS, NULL);
  GStrvBuilder *builder = g_strv_builder_new ();

  self->placement = check->placement;
  self->result = check->result;
  self->required = required;
  for (guint i = 0; i < check->reasons->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (check->reasons, i));
  self->reasons = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return self;
}

void
fd_placement_status_set_override (FdPlacementStatus *self,
                                  gint64             person_id,
                                  const char        *person_name,
                                  const char        *reason,
                                  gint64             at_us)
{
  g_return_if_fail (FD_IS_PLACEMENT_STATUS (self));

  self->override_person_id = person_id;
  g_free (self->override_by);
  self->override_by = g_strdup (person_name);
  g_free (self->override_reason);
  self->override_reason = g_strdup (reason);
  self->override_at = at_us;
}

FdPlacement
fd_placement_status_get_placement (FdPlacementStatus *self)
{
  g_return_val_if_fail (FD_IS_PLACEMENT_STATUS (self), FD_PLACEMENT_FEED);
  return self->placement;
}

FdPlacementResult
fd_placement_status_get_result (FdPlacementStatus *self)
{
  g_return_val_if_fail (FD_IS_PLACEMENT_STATUS (self), FD_PLACEMENT_PASS);
  return self->result;
}

/**
 * fd_placement_status_get_reasons:
 *
 * Returns: (transfer none): one sentence per finding that is not a pass
 */
const char * const *
fd_placement_status_get_reasons (FdPlacementStatus *self)
{
  g_return_val_if_fail (FD_IS_PLACEMENT_STATUS (self), NULL);
  return (const char * const *)self->reasons;
}

/**
 * fd_placement_status_get_required:
 *
 * Returns: whether the asset's brief requires this placement
 */
gboolean
fd_placement_status_get_required (FdPlacementStatus *self)
{
  g_return_val_if_fail (FD_IS_PLACEMENT_STATUS (self), FALSE);
  return self->required;
}

/**
 * fd_placement_status_get_blocking:
 *
 * Returns: whether this placement keeps the version from being approved:
 *   required, failed and not overridden
 */
gboolean
fd_placement_status_get_blocking (FdPlacementStatus *self)
{
  g_return_val_if_fail (FD_IS_PLACEMENT_STATUS (self), FALSE);
  return self->required && self->result == FD_PLACEMENT_FAIL && self->override_person_id == 0;
}

gboolean
fd_placement_status_get_overridden (FdPlacementStatus *self)
{
  g_return_val_if_fail (FD_IS_PLACEMENT_STATUS (self), FALSE);
  return self->override_person_id != 0;
}

gint64
fd_placement_status_get_override_person_id (FdPlacementStatus *self)
{
  g_return_val_if_fail (FD_IS_PLACEMENT_STATUS (self), 0);
  return self->override_person_id;
}

const char *
fd_placement_status_get_override_by (FdPlacementStatus *self)
{
  g_return_val_if_fail (FD_IS_PLACEMENT_STATUS (self), NULL);
  return self->override_by;
}

const char *
fd_placement_status_get_override_reason (FdPlacementStatus *self)
{
  g_return_val_if_fail (FD_IS_PLACEMENT_STATUS (self), NULL);
  return self->override_reason;
}

gint64
fd_placement_status_get_override_at (FdPlacementStatus *self)
{
  g_return_val_if_fail (FD_IS_PLACEMENT_STATUS (self), 0);
  return self->override_at;
}

/**
 * fd_placement_status_to_json:
 *
 * Returns: (transfer full): {"placement", "result", "reasons",
 *   "required_by_brief", "blocking", "override": null or {"person_id",
 *   "name", "reason", "at_us"}}
 */
JsonNode *
fd_placement_status_to_json (FdPlacementStatus *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (FD_IS_PLACEMENT_STATUS (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "placement");
  json_builder_add_string_value (builder, fd_placement_get_id (self->placement));
  json_builder_set_member_name (builder, "result");
  json_builder_add_string_value (builder, fd_placement_result_get_id (self->result));
  json_builder_set_member_name (builder, "reasons");
  json_builder_begin_array (builder);
  for (guint i = 0; self->reasons[i]; i++)
    json_builder_add_string_value (builder, self->reasons[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "required_by_brief");
  json_builder_add_boolean_value (builder, self->required);
  json_builder_set_member_name (builder, "blocking");
  json_builder_add_boolean_value (builder, fd_placement_status_get_blocking (self));
  json_builder_set_member_name (builder, "override");
  if (self->override_person_id != 0)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "person_id");
      json_builder_add_int_value (builder, self->override_person_id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, self->override_by);
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, self->override_reason);
      json_builder_set_member_name (builder, "at_us");
      json_builder_add_int_value (builder, self->override_at);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
