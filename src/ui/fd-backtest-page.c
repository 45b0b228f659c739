/* fd-backtest-page.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-backtest-page"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-backtest-page.h"
#include "fd-currency.h"
#include "fd-metric-chart.h"
#include "fd-rule.h"
#include "fd-ui-util.h"

/* Back-testing: a stored rule or the editor's text, over a range of days,
 * replayed by the core (fd_backtest_run_rule / _run_text) on the reader
 * queue. Shows the totals, a chart of the spend the firings would have
 * moved, summed over time, with a marker at each firing, and the firings
 * themselves. */

struct _FdBacktestPage
{
  AdwBin          parent_instance;

  FdWorkspace    *workspace;
  FdRuleEditor   *editor;       /* unowned: a sibling in the dashboard */
  GListModel     *rules;
  GArray         *rule_ids;     /* gint64 per dropdown item; 0 = the editor's text */
  FdBacktest     *result;
  GCancellable   *cancellable;
  gboolean        running;

  GtkDropDown    *rule_dropdown;
  GtkEntry       *since_entry;
  GtkEntry       *until_entry;
  GtkLabel       *summary_label;
  FdMetricChart  *chart;
  GtkListBox     *firings_list;
};

G_DEFINE_FINAL_TYPE (FdBacktestPage, fd_backtest_page, ADW_TYPE_BIN)

static void
update_rules (FdBacktestPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = gtk_drop_down_get_selected (self->rule_dropdown);
  guint n = self->rules ? g_list_model_get_n_items (self->rules) : 0;

  g_array_set_size (self->rule_ids, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FdRule) rule = g_list_model_get_item (self->rules, i);
      gint64 id = fd_rule_get_id (rule);

      gtk_string_list_append (names, fd_rule_get_name (rule));
      g_array_append_val (self->rule_ids, id);
    }
  gtk_string_list_append (names, _("The text in the rules editor"));
  g_array_append_val (self->rule_ids, (gint64){ 0 });

  gtk_drop_down_set_model (self->rule_dropdown, G_LIST_MODEL (names));
  if (selected < self->rule_ids->len)
    gtk_drop_down_set_selected (self->rule_dropdown, selected);
}

typedef struct
{
  gint64  rule_id;
  char   *text;
  char   *since;
  char   *until;
} Job;

static void
job_free (Job *job)
{
  g_free (job->text);
  g_free (job->since);
  g_free (job->until);
  g_free (job);
}

static gpointer
run_backtest (FdStore       *store,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  Job *job = data;

  if (job->rule_id > 0)
    return fd_backtest_run_rule (store, job->rule_id, job->since, job->until, cancellable, error);

  return fd_backtest_run_text (store, job->text, job->since, job->until, cancellable, error);
}

static char *
summary_text (FdBacktest *result)
{
  GPtrArray *firings = fd_backtest_get_firings (result);
  g_autoptr(GString) text = g_string_new (NULL);
  const FdBacktestTotal *totals;
  guint n_totals;

  g_string_append_printf (text, ngettext ("“%s” would have fired %u time, watching %u objects",
                                          "“%s” would have fired %u times, watching %u objects", firings->len),
                          fd_backtest_get_rule_name (result), firings->len, fd_backtest_get_n_objects (result));
  g_string_append (text, ".");

  totals = fd_backtest_get_totals (result, &n_totals);
  for (guint i = 0; i < n_totals; i++)
    {
      g_autofree char *avoided = fd_currency_format_major (totals[i].currency, totals[i].spend_avoided);
      g_autofree char *added = fd_currency_format_major (totals[i].currency, totals[i].spend_added);
      g_autofree char *removed = fd_currency_format_major (totals[i].currency, totals[i].spend_removed);
      g_autofree char *forgone = fd_currency_format_major (totals[i].currency, totals[i].value_forgone);

      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("%s: spend avoided %s, added %s, cut %s; purchase value forgone %s"),
                              totals[i].currency, avoided, added, removed, forgone);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static int
compare_firing_times (gconstpointer a,
                      gconstpointer b)
{
  gint64 at_a = fd_backtest_firing_get_at (*(FdBacktestFiring **)a);
  gint64 at_b = fd_backtest_firing_get_at (*(FdBacktestFiring **)b);

  return (at_a > at_b) - (at_a < at_b);
}

/* The firings in the order they would have happened (the back-test
 * reports them object by object). */
static GPtrArray *
firings_by_time (FdBacktest *result)
{
  GPtrArray *firings = fd_backtest_get_firings (result);
  GPtrArray *sorted = g_ptr_array_new_full (firings->len, g_object_unref);

  for (guint i = 0; i < firings->len; i++)
    g_ptr_array_add (sorted, g_object_ref (g_ptr_array_index (firings, i)));
  g_ptr_array_sort (sorted, compare_firing_times);
  return sorted;
}

/* The spend the firings moved, summed over time (the first currency). */
static void
show_chart (FdBacktestPage *self,
            GPtrArray      *firings)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  const char *currency = firings->len ? fd_backtest_firing_get_currency (g_ptr_array_index (firings, 0)) : NULL;
  g_autofree char *title = NULL;
  double sum = 0;

  for (guint i = 0; i < firings->len; i++)
    {
      FdBacktestFiring *firing = g_ptr_array_index (firings, i);
      gint64 at = fd_backtest_firing_get_at (firing);

      if (g_strcmp0 (fd_backtest_firing_get_currency (firing), currency) != 0)
        continue;
      sum += fd_backtest_firing_get_spend_effect (firing);
      g_array_append_val (times, at);
      g_array_append_val (values, sum);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->chart), times->len > 0);
  if (times->len == 0)
    return;

  fd_metric_chart_set_points (self->chart, (gint64 *)(gpointer)times->data, times->len);
  fd_metric_chart_set_title (self->chart, _("Spend moved, summed"));
  fd_metric_chart_set_unit (self->chart, currency);
  fd_metric_chart_set_value_line (self->chart, _("Spend moved"), (double *)(gpointer)values->data);
  fd_metric_chart_add_markers (self->chart, _("Would fire"), times, FALSE);
  title = g_strdup_printf (_("Spend the firings would have moved (%s)"), currency);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

static void
show_firings (FdBacktestPage *self,
              GPtrArray      *firings)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->firings_list))) != NULL)
    gtk_list_box_remove (self->firings_list, child);

  for (guint i = 0; i < firings->len && i < 200; i++)
    {
      FdBacktestFiring *firing = g_ptr_array_index (firings, i);
      g_autoptr(GDateTime) at = g_date_time_new_from_unix_local (fd_backtest_firing_get_at (firing) / G_USEC_PER_SEC);
      g_autofree char *when = g_date_time_format (at, "%x %R");
      g_autofree char *effect = fd_currency_format_major (fd_backtest_firing_get_currency (firing),
                                                          fd_backtest_firing_get_spend_effect (firing));
      const char *name = fd_backtest_firing_get_object_name (firing);
      g_autofree char *title = g_strdup_printf ("%s · %s", when, name ? name : fd_backtest_firing_get_object_id (firing));
      g_autofree char *subtitle = g_strdup_printf (_("%s — spend %s"), fd_backtest_firing_get_explanation (firing), effect);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      gtk_list_box_append (self->firings_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->firings_list), firings->len > 0);
}

static void
backtest_done (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(FdBacktestPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FdBacktest) backtest = fd_workspace_run_finish (FD_WORKSPACE (object), result, &error);
  g_autoptr(GPtrArray) by_time = NULL;
  g_autofree char *summary = NULL;

  self->running = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backtest.run", TRUE);
  if (backtest == NULL)
    {
      if (!fd_ui_error_is_cancelled (error))
        gtk_label_set_label (self->summary_label, error->message);
      return;
    }

  g_set_object (&self->result, backtest);
  summary = summary_text (backtest);
  gtk_label_set_label (self->summary_label, summary);
  by_time = firings_by_time (backtest);
  show_chart (self, by_time);
  show_firings (self, by_time);
}

static void
run (GtkWidget  *widget,
     const char *action_name,
     GVariant   *parameter)
{
  FdBacktestPage *self = FD_BACKTEST_PAGE (widget);
  guint selected = gtk_drop_down_get_selected (self->rule_dropdown);
  Job *job;

  if (self->workspace == NULL || selected >= self->rule_ids->len)
    return;

  job = g_new0 (Job, 1);
  job->rule_id = g_array_index (self->rule_ids, gint64, selected);
  job->text = self->editor ? fd_rule_editor_dup_text (self->editor) : g_strdup ("");
  job->since = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->since_entry)));
  job->until = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->until_entry)));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->running = TRUE;
  gtk_widget_action_set_enabled (widget, "backtest.run", FALSE);
  gtk_label_set_label (self->summary_label, _("Replaying the rule over the insights…"));
  fd_workspace_run_async (self->workspace, FALSE, run_backtest, job, (GDestroyNotify)job_free, g_object_unref,
                          self->cancellable, backtest_done, g_object_ref (self));
}

static void
fd_backtest_page_dispose (GObject *object)
{
  FdBacktestPage *self = (FdBacktestPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->result);
  g_clear_object (&self->workspace);
  if (self->rules != NULL)
    g_signal_handlers_disconnect_by_data (self->rules, self);
  g_clear_object (&self->rules);
  g_clear_pointer (&self->rule_ids, g_array_unref);


  G_OBJECT_CLASS (fd_backtest_page_parent_class)->dispose (object);
}

static void
fd_backtest_page_class_init (FdBacktestPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_backtest_page_dispose;

  g_type_ensure (FD_TYPE_METRIC_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/flightdeck/Flightdeck/fd-backtest-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FdBacktestPage, rule_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FdBacktestPage, since_entry);
  gtk_widget_class_bind_template_child (widget_class, FdBacktestPage, until_entry);
  gtk_widget_class_bind_template_child (widget_class, FdBacktestPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, FdBacktestPage, chart);
  gtk_widget_class_bind_template_child (widget_class, FdBacktestPage, firings_list);

  gtk_widget_class_install_action (widget_class, "backtest.run", NULL, run);
}

static void
fd_backtest_page_init (FdBacktestPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) start = g_date_time_add_days (now, -29);
  g_autofree char *since = g_date_time_format (start, "%Y-%m-%d");
  g_autofree char *until = g_date_time_format (now, "%Y-%m-%d");

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rule_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  fd_backtest_page_set_range (self, since, until);
  update_rules (self);
}

void
fd_backtest_page_set_workspace (FdBacktestPage *self,
                                FdWorkspace    *workspace)
{
  g_return_if_fail (FD_IS_BACKTEST_PAGE (self));

  g_set_object (&self->workspace, workspace);
}

/**
 * fd_backtest_page_set_editor:
 *
 * Offers the rules of @editor and its text (saved or not) to back-test.
 */
void
fd_backtest_page_set_editor (FdBacktestPage *self,
                             FdRuleEditor   *editor)
{
  g_return_if_fail (FD_IS_BACKTEST_PAGE (self));

  self->editor = editor;
  if (self->rules != NULL)
    g_signal_handlers_disconnect_by_data (self->rules, self);
  g_clear_object (&self->rules);
  if (editor != NULL)
    self->rules = g_object_ref (fd_rule_editor_get_rules (editor));
  if (self->rules != NULL)
    g_signal_connect_object (self->rules, "items-changed", G_CALLBACK (update_rules), self, G_CONNECT_SWAPPED);
  update_rules (self);
}

void
fd_backtest_page_set_range (FdBacktestPage *self,
                            const char     *since,
                            const char     *until)
{
  g_return_if_fail (FD_IS_BACKTEST_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->since_entry), since);
  gtk_editable_set_text (GTK_EDITABLE (self->until_entry), until);
}

/**
 * fd_backtest_page_select_rule:
 * @position: a rule of the editor's list, or its length for the editor's text
 */
void
fd_backtest_page_select_rule (FdBacktestPage *self,
                              guint           position)
{
  g_return_if_fail (FD_IS_BACKTEST_PAGE (self));

  gtk_drop_down_set_selected (self->rule_dropdown, position);
}

/**
 * fd_backtest_page_get_result:
 *
 * Returns: (transfer none) (nullable): the last back-test's result
 */
FdBacktest *
fd_backtest_page_get_result (FdBacktestPage *self)
{
  g_return_val_if_fail (FD_IS_BACKTEST_PAGE (self), NULL);
  return self->result;
}

gboolean
fd_backtest_page_get_running (FdBacktestPage *self)
{
  g_return_val_if_fail (FD_IS_BACKTEST_PAGE (self), FALSE);
  return self->running;
}
