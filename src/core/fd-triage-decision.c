/* fd-triage-decision.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-triage"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-json.h"
#include "fd-triage-decision.h"

/* A triage decision as read from the workspace (or, in a dry run, as it
 * would be written): immutable, with one property per field for list
 * views. */

struct _FdTriageDecision
{
  GObject        parent_instance;

  gint64         id;
  gint64         rule_id;
  char          *rule_name;
  int            rule_version;
  char          *object_id;
  char          *object_name;
  FdRuleLevel    level;
  char          *account_id;
  char          *currency;
  gint64         evaluated_at;
  FdTriageState  state;
  char          *metrics_json;
  JsonObject    *metrics;
  char          *explanation;
  char         **actions;
  char         **estimates;
  char          *approver;
  gint64         stake;
  char          *decided_by;
  gint64         decided_at;
  gint64         executed_at;
  char          *results_json;
  char          *error;
  char          *note;
};

G_DEFINE_FINAL_TYPE (FdTriageDecision, fd_triage_decision, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_RULE_ID,
  PROP_RULE_NAME,
  PROP_RULE_VERSION,
  PROP_OBJECT_ID,
  PROP_OBJECT_NAME,
  PROP_LEVEL,
  PROP_ACCOUNT_ID,
  PROP_CURRENCY,
  PROP_EVALUATED_AT,
  PROP_STATE,
  PROP_STATE_TITLE,
  PROP_METRICS_JSON,
  PROP_EXPLANATION,
  PROP_ACTIONS,
  PROP_APPROVER,
  PROP_STAKE,
  PROP_DECIDED_BY,
  PROP_DECIDED_AT,
  PROP_EXECUTED_AT,
  PROP_RESULTS_JSON,
  PROP_ERROR,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const state_names[] = {
  "proposed", "awaiting_approval", "executed", "failed", "dismissed", "executing",
};

const char *
fd_triage_state_to_string (FdTriageState state)
{
  g_return_val_if_fail (state >= 0 && state < G_N_ELEMENTS (state_names), NULL);

  return state_names[state];
}

FdTriageState
fd_triage_state_from_string (const char *text)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (state_names); i++)
    if (g_str_equal (text, state_names[i]))
      return i;

  return -1;
}

const char *
fd_triage_state_get_title (FdTriageState state)
{
  switch (state)
    {
    case FD_TRIAGE_STATE_PROPOSED:
      return _("Proposed");
    case FD_TRIAGE_STATE_AWAITING_APPROVAL:
      return _("Awaiting approval");
    case FD_TRIAGE_STATE_EXECUTED:
      return _("Executed");
    case FD_TRIAGE_STATE_FAILED:
      return _("Failed");
    case FD_TRIAGE_STATE_DISMISSED:
      return _("Dismissed");
    case FD_TRIAGE_STATE_EXECUTING:
      return _("Being carried out");
    default:
      return "";
    }
}

static void
fd_triage_decision_finalize (GObject *object)
{
  FdTriageDecision *self = (FdTriageDecision *)object;

  g_free (self->rule_name);
  g_free (self->object_id);
  g_free (self->object_name);
  g_free (self->account_id);
  g_free (self->currency);
  g_free (self->metrics_json);
  g_clear_pointer (&self->metrics, json_object_unref);
  g_free (self->explanation);
  g_strfreev (self->actions);
  g_strfreev (self->estimates);
  g_free (self->approver);
  g_free (self->decided_by);
  g_free (self->results_json);
  g_free (self->error);
  g_free (self->note);

  G_OBJECT_CLASS (fd_triage_decision_parent_class)->finalize (object);
}

static void
fd_triage_decision_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  FdTriageDecision *self = FD_TRIAGE_DECISION (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_RULE_ID: g_value_set_int64 (value, self->rule_id); break;
    case PROP_RULE_NAME: g_value_set_string (value, self->rule_name); break;
    case PROP_RULE_VERSION: g_value_set_int (value, self->rule_version); break;
    case PROP_OBJECT_ID: g_value_set_string (value, self->object_id); break;
    case PROP_OBJECT_NAME: g_value_set_string (value, self->object_name); break;
    case PROP_LEVEL: g_value_set_string (value, fd_rule_level_to_string (self->level)); break;
    case PROP_ACCOUNT_ID: g_value_set_string (value, self->account_id); break;
    case PROP_CURRENCY: g_value_set_string (value, self->currency); break;
    case PROP_EVALUATED_AT: g_value_set_int64 (value, self->evaluated_at); break;
    case PROP_STATE: g_value_set_string (value, fd_triage_state_to_string (self->state)); break;
    case PROP_STATE_TITLE: g_value_set_string (value, fd_triage_state_get_title (self->state)); break;
    case PROP_METRICS_JSON: g_value_set_string (value, self->metrics_json); break;
    case PROP_EXPLANATION: g_value_set_string (value, self->explanation); break;
    case PROP_ACTIONS: g_value_set_boxed (value, self->actions); break;
    case PROP_APPROVER: g_value_set_string (value, self->approver); break;
    case PROP_STAKE: g_value_set_int64 (value, self->stake); break;
    case PROP_DECIDED_BY: g_value_set_string (value, self->decided_by); break;
    case PROP_DECIDED_AT: g_value_set_int64 (value, self->decided_at); break;
    case PROP_EXECUTED_AT: g_value_set_int64 (value, self->executed_at); break;
    case PROP_RESULTS_JSON: g_value_set_string (value, self->results_json); break;
    case PROP_ERROR: g_value_set_string (value, self->error); break;
    case PROP_NOTE: g_value_set_string (value, self->note); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
int64_property (const char *name)
{
  return g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, 0,
                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
fd_triage_decision_class_init (FdTriageDecisionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fd_triage_decision_finalize;
  object_class->get_property = fd_triage_decision_get_property;

  properties[PROP_ID] = int64_property ("id");
  properties[PROP_RULE_ID] = int64_property ("rule-id");
  properties[PROP_RULE_NAME] = string_property ("rule-name");
  properties[PROP_RULE_VERSION] =
    g_param_spec_int ("rule-version", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OBJECT_ID] = string_property ("object-id");
  properties[PROP_OBJECT_NAME] = string_property ("object-name");
  properties[PROP_LEVEL] = string_property ("level");
  properties[PROP_ACCOUNT_ID] = string_property ("account-id");
  properties[PROP_CURRENCY] = string_property ("currency");
  properties[PROP_EVALUATED_AT] = int64_property ("evaluated-at");
  properties[PROP_STATE] = string_property ("state");
  properties[PROP_STATE_TITLE] = string_property ("state-title");
  properties[PROP_METRICS_JSON] = string_property ("metrics-json");
  properties[PROP_EXPLANATION] = string_property ("explanation");
  properties[PROP_ACTIONS] =
    g_param_spec_boxed ("actions", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_APPROVER] = string_property ("approver");
  properties[PROP_STAKE] = int64_property ("stake");
  properties[PROP_DECIDED_BY] = string_property ("decided-by");
  properties[PROP_DECIDED_AT] = int64_property ("decided-at");
  properties[PROP_EXECUTED_AT] = int64_property ("executed-at");
  properties[PROP_RESULTS_JSON] = string_property ("results-json");
  properties[PROP_ERROR] = string_property ("error");
  properties[PROP_NOTE] = string_property ("note");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_triage_decision_init (FdTriageDecision *self)
{
}

static char **
copy_strv (const char **strv)
{
  return g_strdupv ((char **)(strv ? strv : (const char *[]) { NULL }));
}

/**
 * fd_triage_decision_new:
 *
 * Returns: (transfer full): a decision holding copies of @fields
 */
FdTriageDecision *
fd_triage_decision_new (const FdTriageDecisionFields *fields)
{
  FdTriageDecision *self = g_object_new (FD_TYPE_TRIAGE_DECISION, NULL);

  self->id = fields->id;
  self->rule_id = fields->rule_id;
  self->rule_name = g_strdup (fields->rule_name);
  self->rule_version = fields->rule_version;
  self->object_id = g_strdup (fields->object_id);
  self->object_name = g_strdup (fields->object_name);
  self->level = fields->level;
  self->account_id = g_strdup (fields->account_id);
  self->currency = g_strdup (fields->currency);
  self->evaluated_at = fields->evaluated_at;
  self->state = fields->state;
  self->metrics_json = g_strdup (fields->metrics_json ? fields->metrics_json : "{}");
  self->explanation = g_strdup (fields->explanation);
  self->actions = copy_strv (fields->actions);
  self->estimates = copy_strv (fields->estimates);
  self->approver = g_strdup (fields->approver);
  self->stake = fields->stake;
  self->decided_by = g_strdup (fields->decided_by);
  self->decided_at = fields->decided_at;
  self->executed_at = fields->executed_at;
  self->results_json = g_strdup (fields->results_json);
  self->error = g_strdup (fields->error);
  self->note = g_strdup (fields->note);

  return self;
}

gint64
fd_triage_decision_get_id (FdTriageDecision *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_DECISION (self), 0);

  return self->id;
}

gint64
fd_triage_decision_get_rule_id (FdTriageDecision *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_DECISION (self), 0);

  return self->rule_id;
}

const char *
fd_triage_decision_get_rule_name (FdTriageDecision *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_DECISION (self), NULL);

  return self->rule_name;
}

int
fd_triage_decision_get_rule_version (FdTriageDecision *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_DECISION (self), 0);

  return self->rule_version;
}

const char *
fd_triage_decision_get_object_id (FdTriageDecision *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_DECISION (self), NULL);

  return self->object_id;
}

const char *
fd_triage_decision_get_object_name (FdTriageDecision *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_DECISION (self), NULL);

  return self->object_name;
}

FdRuleLevel
fd_triage_decision_get_level (FdTriageDecision *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_DECISION (self), 0);

  return self->level;
}

const char *
fd_triage_decision_get_account_id (FdTriageDecision *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_DECISION (self), NULL);

  return self->account_id;
}

const char *
fd_triage_decision_get_currency (FdTriageDecision *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_DECISION (self), NULL);

  return self->currency;
}

gint64
fd_triage_decision_get_evaluated_at (FdTriageDecision *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_DECISION (self), 0);

  return self->evaluated_at;
}

FdTriageState
fd_triage_decision_get_state (FdTriageDecision *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_DECISION (self), 0);

  return self->state;
}

const char *
fd_triage_decision_get_metrics_json (FdTriageDecision *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_DECISION (self), NULL);

  return self->metrics_json;
}

const char *
fd_triage_decision_get_explanation (FdTriageDecision *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_DECISION (self), NULL);

  return self->explanation;
}

const char * const *
fd_triage_decision_get_actions (FdTriageDecision *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_DECISION (self), NULL);

  return (const char * const *)self->actions;
}

const char * const *
fd_triage_decision_get_estimates (FdTriageDecision *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_DECISION (self), NULL);

  return (const char * const *)self->estimates;
}

const char *
fd_triage_decision_get_approver (FdTriageDecision *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_DECISION (self), NULL);

  return self->approver;
}

gint64
fd_triage_decision_get_stake (FdTriageDecision *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_DECISION (self), 0);

  return self->stake;
}

const char *
fd_triage_decision_get_decided_by (FdTriageDecision *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_DECISION (self), NULL);

  return self->decided_by;
}

gint64
fd_triage_decision_get_decided_at (FdTriageDecision *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_DECISION (self), 0);

  return self->decided_at;
}

gint64
fd_triage_decision_get_executed_at (FdTriageDecision *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_DECISION (self), 0);

  return self->executed_at;
}

const char *
fd_triage_decision_get_results_json (FdTriageDecision *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_DECISION (self), NULL);

  return self->results_json;
}

const char *
fd_triage_decision_get_error (FdTriageDecision *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_DECISION (self), NULL);

  return self->error;
}

const char *
fd_triage_decision_get_note (FdTriageDecision *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_DECISION (self), NULL);

  return self->note;
}


/**
 * fd_triage_decision_get_metrics:
 *
 * Returns: (transfer none): the numbers behind the decision, by name
 *   ("roas(3d)"); money in major units, null members for "no data"
 */
JsonObject *
fd_triage_decision_get_metrics (FdTriageDecision *self)
{
  g_return_val_if_fail (FD_IS_TRIAGE_DECISION (self), NULL);

  if (self->metrics == NULL)
    {
      g_autoptr(JsonNode) node = json_from_string (self->metrics_json, NULL);

      self->metrics = node && JSON_NODE_HOLDS_OBJECT (node)
                      ? json_object_ref (json_node_get_object (node))
                      : json_object_new ();
    }

  return self->metrics;
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_json_text (JsonBuilder *builder,
               const char  *member,
               const char  *json)
{
  g_autoptr(JsonNode) node = json ? json_from_string (json, NULL) : NULL;

  json_builder_set_member_name (builder, member);
  if (node != NULL)
    json_builder_add_value (builder, g_steal_pointer (&node));
  else
    json_builder_add_null_value (builder);
}

static void
add_strv (JsonBuilder        *builder,
          const char         *member,
          const char * const *strv)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; strv && strv[i]; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);
}

/**
 * fd_triage_decision_to_json:
 * @builder: a builder where a value is expected
 *
 * Adds the decision as a JSON object: rule (its name), object_id, level,
 * metrics (name → value), actions (strings such as "budget -30%"), state,
 * and the rest of its fields.
 */
void
fd_triage_decision_to_json (FdTriageDecision *self,
                            JsonBuilder      *builder)
{
  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "id");
  if (self->id > 0)
    json_builder_add_int_value (builder, self->id);
  else
    json_builder_add_null_value (builder);

  add_string (builder, "rule", self->rule_name);
  json_builder_set_member_name (builder, "rule_id");
  json_builder_add_int_value (builder, self->rule_id);
  json_builder_set_member_name (builder, "rule_version");
  json_builder_add_int_value (builder, self->rule_version);
  add_string (builder, "object_id", self->object_id);
  add_string (builder, "object_name", self->object_name);
  add_string (builder, "level", fd_rule_level_to_string (self->level));
  add_string (builder, "account_id", self->account_id);
  add_string (builder, "currency", self->currency);
  fd_json_builder_add_time (builder, "evaluated_at", self->evaluated_at);
  add_json_text (builder, "metrics", self->metrics_json);
  add_strv (builder, "estimates", (const char * const *)self->estimates);
  add_strv (builder, "actions", (const char * const *)self->actions);
  add_string (builder, "state", fd_triage_state_to_string (self->state));
  add_string (builder, "explanation", self->explanation);
  add_string (builder, "approver", self->approver);
  add_string (builder, "decided_by", self->decided_by);
  fd_json_builder_add_time (builder, "decided_at", self->decided_at);
  fd_json_builder_add_time (builder, "executed_at", self->executed_at);
  add_json_text (builder, "results", self->results_json);
  add_string (builder, "error", self->error);
  add_string (builder, "note", self->note);

  json_builder_end_object (builder);
}
