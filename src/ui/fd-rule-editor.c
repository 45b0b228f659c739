/* fd-rule-editor.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-rule-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-query-model.h"
#include "fd-rule-editor.h"
#include "fd-rule-parser.h"
#include "fd-rulebook.h"
#include "fd-ui-util.h"

/* The rules: a list with their switches, and an editor that checks the
 * text as it is typed — the core parser and the workspace checks
 * (fd_rulebook_check(), on the reader queue, a moment after the last
 * keystroke) — underlining the first problem and naming its line and
 * column. Saving makes a new version through the audited rulebook. */

#define CHECK_DELAY_MS 250

struct _FdRuleEditor
{
  AdwBin        parent_instance;

  FdWorkspace  *workspace;
  FdQueryModel *rules;
  gint64        rule_id;     /* 0: a new rule */
  guint         check_source;
  guint         generation;
  gboolean      checking;
  char         *problem;

  AdwLeaflet   *leaflet;
  GtkListBox   *rules_list;
  GtkLabel     *title_label;
  GtkTextView  *text_view;
  GtkLabel     *problem_label;
  GtkTextTag   *error_tag;
};

G_DEFINE_FINAL_TYPE (FdRuleEditor, fd_rule_editor, ADW_TYPE_BIN)

static const char new_rule_text[] =
  "rule \"New rule\"\n"
  "  level adset\n"
  "  when roas(3d) < 1.5\n"
  "  then notify\n"
  "  require spend(3d) >= 50\n";

/*
 * The list
 */

static gpointer
load_rules (FdStore       *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  return fd_rulebook_list (store, error);
}

static gboolean
rule_equal (gconstpointer a,
            gconstpointer b)
{
  FdRule *x = (FdRule *)a;
  FdRule *y = (FdRule *)b;

  return fd_rule_get_id (x) == fd_rule_get_id (y) && fd_rule_get_version (x) == fd_rule_get_version (y) &&
         fd_rule_get_enabled (x) == fd_rule_get_enabled (y);
}

typedef struct
{
  gint64   rule_id;
  gboolean enabled;
  char    *text;
} RuleEdit;

static void
rule_edit_free (RuleEdit *edit)
{
  g_free (edit->text);
  g_free (edit);
}

static gboolean
edit_enabled (FdStore     *store,
              const char  *actor,
              gpointer     data,
              GError     **error)
{
  RuleEdit *edit = data;

  return fd_rulebook_set_enabled (store, actor, edit->rule_id, edit->enabled, error);
}

static void
edit_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(FdRuleEditor) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!fd_ui_edit_finish (FD_WORKSPACE (object), result, &error))
    {
      fd_ui_toast (GTK_WIDGET (self), error->message);
      fd_query_model_reload (self->rules);
    }
}

static gboolean
on_switch_state_set (GtkSwitch    *toggle,
                     gboolean      state,
                     FdRuleEditor *self)
{
  RuleEdit *edit = g_new0 (RuleEdit, 1);

  edit->rule_id = (gint64)GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toggle), "rule-id"));
  edit->enabled = state;
  fd_ui_edit_async (self->workspace, edit_enabled, edit, (GDestroyNotify)rule_edit_free, NULL, edit_done,
                    g_object_ref (self));
  return FALSE;
}

static GtkWidget *
create_rule_row (gpointer item,
                 gpointer user_data)
{
  FdRuleEditor *self = user_data;
  FdRule *rule = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();
  /* Translators: a rule's level and version: "Ad set · version 3" */
  g_autofree char *subtitle = g_strdup_printf (_("%s · version %d"), fd_rule_level_get_title (fd_rule_get_level (rule)),
                                               fd_rule_get_version (rule));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fd_rule_get_name (rule));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_switch_set_active (GTK_SWITCH (toggle), fd_rule_get_enabled (rule));
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (toggle, _("Whether triage runs this rule"));
  g_object_set_data (G_OBJECT (toggle), "rule-id", GSIZE_TO_POINTER ((gsize)fd_rule_get_id (rule)));
  g_signal_connect_object (toggle, "state-set", G_CALLBACK (on_switch_state_set), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "rule", g_object_ref (rule), g_object_unref);

  return row;
}

static void
edit_rule (FdRuleEditor *self,
           FdRule       *rule)
{
  g_autofree char *title = NULL;

  self->rule_id = rule ? fd_rule_get_id (rule) : 0;
  title = rule ? g_strdup_printf (_("%s, version %d"), fd_rule_get_name (rule), fd_rule_get_version (rule))
               : g_strdup (_("New rule"));
  gtk_label_set_label (self->title_label, title);
  fd_rule_editor_set_text (self, rule ? fd_rule_get_text (rule) : new_rule_text);
}

static void
on_rule_activated (FdRuleEditor  *self,
                   GtkListBoxRow *row)
{
  edit_rule (self, g_object_get_data (G_OBJECT (row), "rule"));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Shows the first rule when nothing is being edited yet. */
static void
on_rules_changed (FdRuleEditor *self)
{
  g_autoptr(FdRule) first = NULL;

  if (self->rule_id != 0 || g_list_model_get_n_items (G_LIST_MODEL (self->rules)) == 0)
    return;

  first = g_list_model_get_item (G_LIST_MODEL (self->rules), 0);
  if (gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (self->text_view)) == 0)
    edit_rule (self, first);
}

/*
 * Checking as one types
 */

typedef struct
{
  char    *text;
  gint64   rule_id;
} CheckJob;

static void
check_job_free (CheckJob *job)
{
  g_free (job->text);
  g_free (job);
}

static gpointer
check_text (FdStore       *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  CheckJob *job = data;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GPtrArray) defs = fd_rulebook_check (store, job->text, job->rule_id, &diagnostics);

  return g_steal_pointer (&diagnostics);
}

static void
show_problem (FdRuleEditor           *self,
              const char             *text,
              const FdRuleDiagnostic *diagnostic)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->error_tag, &start, &end);
  g_clear_pointer (&self->problem, g_free);
  gtk_widget_remove_css_class (GTK_WIDGET (self->problem_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->problem_label), "success");

  if (diagnostic == NULL)
    {
      gtk_label_set_label (self->problem_label, _("The rule is valid."));
      gtk_widget_add_css_class (GTK_WIDGET (self->problem_label), "success");
      return;
    }

  /* Offsets are in bytes of the text that was checked. */
  {
    gsize length = strlen (text);
    gsize offset = MIN (diagnostic->offset, length);
    gsize stop = MIN (offset + MAX (diagnostic->length, 1), length);

    gtk_text_buffer_get_iter_at_offset (buffer, &start, (int)g_utf8_pointer_to_offset (text, text + offset));
    gtk_text_buffer_get_iter_at_offset (buffer, &end, (int)g_utf8_pointer_to_offset (text, text + stop));
    if (gtk_text_iter_equal (&start, &end))
      gtk_text_iter_backward_char (&start);
    gtk_text_buffer_apply_tag (buffer, self->error_tag, &start, &end);
  }

  self->problem = fd_rule_diagnostic_to_string (diagnostic);
  gtk_label_set_label (self->problem_label, self->problem);
  gtk_widget_add_css_class (GTK_WIDGET (self->problem_label), "error");
}

typedef struct
{
  FdRuleEditor *self;
  guint         generation;
  char         *text;
} CheckRun;

static void
checked (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  CheckRun *run = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) diagnostics = fd_workspace_run_finish (FD_WORKSPACE (object), result, &error);

  if (run->generation == run->self->generation)
    {
      run->self->checking = FALSE;
      if (diagnostics != NULL)
        show_problem (run->self, run->text, diagnostics->len ? g_ptr_array_index (diagnostics, 0) : NULL);
      else
        gtk_label_set_label (run->self->problem_label, error->message);
    }

  g_object_unref (run->self);
  g_free (run->text);
  g_free (run);
}

static gboolean
check_now (gpointer data)
{
  FdRuleEditor *self = data;
  CheckJob *job = g_new0 (CheckJob, 1);
  CheckRun *run = g_new0 (CheckRun, 1);

  self->check_source = 0;
  job->text = fd_rule_editor_dup_text (self);
  job->rule_id = self->rule_id;
  run->self = g_object_ref (self);
  run->generation = self->generation;
  run->text = g_strdup (job->text);
  fd_workspace_run_async (self->workspace, FALSE, check_text, job, (GDestroyNotify)check_job_free,
                          (GDestroyNotify)g_ptr_array_unref, NULL, checked, run);

  return G_SOURCE_REMOVE;
}

static void
on_text_changed (FdRuleEditor *self)
{
  self->generation++;
  g_clear_handle_id (&self->check_source, g_source_remove);
  if (self->workspace == NULL)
    return;

  self->checking = TRUE;
  self->check_source = g_timeout_add (CHECK_DELAY_MS, check_now, self);
}

/*
 * Saving
 */

static gboolean
save_rule (FdStore     *store,
           const char  *actor,
           gpointer     data,
           GError     **error)
{
  RuleEdit *edit = data;
  g_autoptr(FdRule) rule = NULL;
  g_autoptr(GPtrArray) added = NULL;

  if (edit->rule_id > 0)
    return (rule = fd_rulebook_update (store, actor, edit->rule_id, edit->text, error)) != NULL;

  if (!(added = fd_rulebook_add (store, actor, edit->text, FALSE, error)))
    return FALSE;
  edit->rule_id = added->len > 0 ? fd_rule_get_id (g_ptr_array_index (added, 0)) : 0;
  return TRUE;
}

typedef struct
{
  FdRuleEditor *self;
  RuleEdit     *edit;
} SaveRun;

static void
saved (GObject      *object,
       GAsyncResult *result,
       gpointer      user_data)
{
  SaveRun *run = user_data;
  g_autoptr(GError) error = NULL;

  if (fd_ui_edit_finish (FD_WORKSPACE (object), result, &error))
    {
      run->self->rule_id = run->edit->rule_id;
      /* The list reloads itself on the workspace's changed::rule. */
      fd_ui_toast (GTK_WIDGET (run->self), _("Rule saved as a new version"));
    }
  else
    fd_ui_toast (GTK_WIDGET (run->self), error->message);

  g_object_unref (run->self);
  g_free (run);
}

static void
save (GtkWidget  *widget,
      const char *action_name,
      GVariant   *parameter)
{
  FdRuleEditor *self = FD_RULE_EDITOR (widget);
  RuleEdit *edit;
  SaveRun *run;

  if (self->workspace == NULL)
    return;

  edit = g_new0 (RuleEdit, 1);
  edit->rule_id = self->rule_id;
  edit->text = fd_rule_editor_dup_text (self);
  run = g_new0 (SaveRun, 1);
  run->self = g_object_ref (self);
  run->edit = edit;
  fd_ui_edit_async (self->workspace, save_rule, edit, (GDestroyNotify)rule_edit_free, NULL, saved, run);
}

static void
new_rule (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  FdRuleEditor *self = FD_RULE_EDITOR (widget);

  gtk_list_box_unselect_all (self->rules_list);
  edit_rule (self, NULL);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
go_back (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  adw_leaflet_navigate (FD_RULE_EDITOR (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/*
 * The object
 */

static void
fd_rule_editor_dispose (GObject *object)
{
  FdRuleEditor *self = (FdRuleEditor *)object;

  g_clear_handle_id (&self->check_source, g_source_remove);
  if (self->rules != NULL)
    fd_query_model_set_workspace (self->rules, NULL);
  g_clear_object (&self->rules);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->problem, g_free);


  G_OBJECT_CLASS (fd_rule_editor_parent_class)->dispose (object);
}

static void
fd_rule_editor_class_init (FdRuleEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_rule_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/flightdeck/Flightdeck/fd-rule-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, FdRuleEditor, leaflet);
  gtk_widget_class_bind_template_child (widget_class, FdRuleEditor, rules_list);
  gtk_widget_class_bind_template_child (widget_class, FdRuleEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, FdRuleEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, FdRuleEditor, problem_label);

  gtk_widget_class_install_action (widget_class, "rules.save", NULL, save);
  gtk_widget_class_install_action (widget_class, "rules.new", NULL, new_rule);
  gtk_widget_class_install_action (widget_class, "rules.back", NULL, go_back);
}

static void
fd_rule_editor_init (FdRuleEditor *self)
{
  static const char * const watched[] = { "rule", NULL };
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  self->error_tag = gtk_text_buffer_create_tag (buffer, "error", "underline", PANGO_UNDERLINE_ERROR, NULL);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_text_changed), self, G_CONNECT_SWAPPED);

  self->rules = fd_query_model_new (FD_TYPE_RULE, load_rules, NULL, NULL, rule_equal, watched);
  gtk_list_box_bind_model (self->rules_list, G_LIST_MODEL (self->rules), create_rule_row, self, NULL);
  g_signal_connect_object (self->rules, "items-changed", G_CALLBACK (on_rules_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->rules_list, "row-activated", G_CALLBACK (on_rule_activated), self,
                           G_CONNECT_SWAPPED);
}

void
fd_rule_editor_set_workspace (FdRuleEditor *self,
                              FdWorkspace  *workspace)
{
  g_return_if_fail (FD_IS_RULE_EDITOR (self));

  if (!g_set_object (&self->workspace, workspace))
    return;

  self->rule_id = 0;
  fd_rule_editor_set_text (self, "");
  fd_query_model_set_workspace (self->rules, workspace);
}

/**
 * fd_rule_editor_dup_text:
 *
 * Returns: (transfer full): the text in the editor, saved or not
 */
char *
fd_rule_editor_dup_text (FdRuleEditor *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (FD_IS_RULE_EDITOR (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
fd_rule_editor_set_text (FdRuleEditor *self,
                         const char   *text)
{
  g_return_if_fail (FD_IS_RULE_EDITOR (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text ? text : "", -1);
}

/**
 * fd_rule_editor_get_rule_id:
 *
 * Returns: the stored rule being edited, or 0 for a new one
 */
gint64
fd_rule_editor_get_rule_id (FdRuleEditor *self)
{
  g_return_val_if_fail (FD_IS_RULE_EDITOR (self), 0);
  return self->rule_id;
}

/**
 * fd_rule_editor_get_problem:
 *
 * Returns: (nullable): the first problem of the text as last checked,
 *   "line:column: message", or %NULL when it is valid
 */
const char *
fd_rule_editor_get_problem (FdRuleEditor *self)
{
  g_return_val_if_fail (FD_IS_RULE_EDITOR (self), NULL);
  return self->problem;
}

/**
 * fd_rule_editor_get_checking:
 *
 * Returns: whether a check of the latest text is still to come
 */
gboolean
fd_rule_editor_get_checking (FdRuleEditor *self)
{
  g_return_val_if_fail (FD_IS_RULE_EDITOR (self), FALSE);
  return self->checking;
}

/**
 * fd_rule_editor_get_rules:
 *
 * Returns: (transfer none): the workspace's rules (#FdRule)
 */
GListModel *
fd_rule_editor_get_rules (FdRuleEditor *self)
{
  g_return_val_if_fail (FD_IS_RULE_EDITOR (self), NULL);
  return G_LIST_MODEL (self->rules);
}
