/* fd-briefs-view.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-briefs-view"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-brief.h"
#include "fd-briefs-view.h"
#include "fd-ui-models.h"

/* The briefing stage: the briefs of the workspace, newest first, each
 * row opening onto its fields. The brief editor and the hand-off belong to
 * the briefing work and replace this view when they arrive. */

struct _FdBriefsView
{
  AdwBin        parent_instance;

  FdWorkspace  *workspace;
  FdQueryModel *briefs;
  FdQueryModel *people;

  GtkStack     *stack;
  GtkLabel     *count_label;
  GtkListBox   *list_box;
};

G_DEFINE_FINAL_TYPE (FdBriefsView, fd_briefs_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_WORKSPACE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/*
 * Formatting
 */

static const char *
objective_name (const char *objective)
{
  static const struct { const char *id; const char *name; } objectives[] = {
    { "OUTCOME_AWARENESS",     N_("Awareness") },
    { "OUTCOME_TRAFFIC",       N_("Traffic") },
    { "OUTCOME_ENGAGEMENT",    N_("Engagement") },
    { "OUTCOME_LEADS",         N_("Leads") },
    { "OUTCOME_APP_PROMOTION", N_("App promotion") },
    { "OUTCOME_SALES",         N_("Sales") },
  };

  for (guint i = 0; objective != NULL && i < G_N_ELEMENTS (objectives); i++)
    if (g_str_equal (objective, objectives[i].id))
      return _(objectives[i].name);

  return objective;
}

static char *
placements_text (const char *placements)
{
  static const struct { const char *id; const char *name; } known[] = {
    { "feed",    N_("Feed") },
    { "stories", N_("Stories") },
    { "reels",   N_("Reels") },
  };
  g_auto(GStrv) ids = g_strsplit (placements ? placements : "", ",", -1);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      const char *name = g_strstrip (ids[i]);

      if (*name == '\0')
        continue;
      for (guint k = 0; k < G_N_ELEMENTS (known); k++)
        if (g_str_equal (name, known[k].id))
          name = _(known[k].name);
      g_ptr_array_add (names, (char *)name);
    }
  g_ptr_array_add (names, NULL);

  /* Translators: separates placements, as in "Feed, Stories" */
  return g_strjoinv (_(", "), (char **)names->pdata);
}

/* "Due tomorrow", "Due in 4 days", "3 days overdue" … */
static char *
due_text (gint64    due_us,
          gboolean *overdue)
{
  g_autoptr(GDateTime) due = g_date_time_new_from_unix_local (due_us / G_USEC_PER_SEC);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate due_day;
  GDate today;
  int days;

  g_date_clear (&due_day, 1);
  g_date_clear (&today, 1);
  g_date_set_dmy (&due_day, g_date_time_get_day_of_month (due),
                  g_date_time_get_month (due), g_date_time_get_year (due));
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  days = g_date_days_between (&today, &due_day);
  *overdue = days < 0;

  if (days < 0)
    return g_strdup_printf (ngettext ("%d day overdue", "%d days overdue", -days), -days);
  if (days == 0)
    return g_strdup (_("Due today"));
  if (days == 1)
    return g_strdup (_("Due tomorrow"));
  if (days < 14)
    return g_strdup_printf (ngettext ("Due in %d day", "Due in %d days", days), days);

  /* Translators: a due date, see the GDateTime format codes */
  return g_date_time_format (due, _("Due %-d %B"));
}

static char *
long_date (gint64 time_us)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_local (time_us / G_USEC_PER_SEC);

  /* Translators: a full date, see the GDateTime format codes */
  return g_date_time_format (date, _("%A %-d %B %Y"));
}

/*
 * Rows
 */

static void
add_field (AdwExpanderRow *row,
           const char     *title,
           const char     *value)
{
  g_autofree char *escaped = NULL;
  GtkWidget *field;

  if (value == NULL || *value == '\0')
    return;

  escaped = g_markup_escape_text (value, -1);
  field = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (field), escaped);
#if ADW_CHECK_VERSION (1, 3, 0)
  adw_action_row_set_subtitle_selectable (ADW_ACTION_ROW (field), TRUE);
#endif
  adw_expander_row_add_row (row, field);
}

static char *
owner_name (FdBriefsView *self,
            gint64        owner_id)
{
  g_autoptr(FdPerson) owner = NULL;

  if (owner_id == 0)
    return NULL;

  owner = fd_roster_model_find (G_LIST_MODEL (self->people), owner_id, NULL);
  if (owner == NULL)
    return NULL;

  if (!fd_person_get_active (owner))
    /* Translators: a person who is no longer on the team */
    return g_strdup_printf (_("%s (inactive)"), fd_person_get_name (owner));

  return g_strdup (fd_person_get_name (owner));
}

static GtkWidget *
create_brief_row (gpointer item,
                  gpointer user_data)
{
  FdBriefsView *self = user_data;
  FdBrief *brief = item;
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *title = g_markup_escape_text (fd_brief_get_title (brief), -1);
  g_autofree char *segment = g_markup_escape_text (fd_brief_get_segment (brief) ?: "", -1);
  g_autofree char *placements = placements_text (fd_brief_get_placements (brief));
  g_autofree char *owner = owner_name (self, fd_brief_get_owner_id (brief));
  g_autofree char *due = NULL;
  gboolean overdue = FALSE;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), segment);

  if (fd_brief_get_due (brief) > 0)
    {
      g_autofree char *when = due_text (fd_brief_get_due (brief), &overdue);
      GtkWidget *label = gtk_label_new (when);

      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (label, overdue ? "warning" : "dim-label");
      gtk_widget_add_css_class (label, "caption");
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), label);
      due = long_date (fd_brief_get_due (brief));
    }

  add_field (ADW_EXPANDER_ROW (row), _("Objective"), objective_name (fd_brief_get_objective (brief)));
  add_field (ADW_EXPANDER_ROW (row), _("Audience segment"), fd_brief_get_segment (brief));
  add_field (ADW_EXPANDER_ROW (row), _("Primary message"), fd_brief_get_message (brief));
  add_field (ADW_EXPANDER_ROW (row), _("Placements"), placements);
  add_field (ADW_EXPANDER_ROW (row), _("Owner"), owner);
  add_field (ADW_EXPANDER_ROW (row), _("Due"), due);

  return row;
}

static void
update_page (FdBriefsView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->briefs));
  g_autofree char *count = NULL;

  if (!fd_query_model_get_loaded (self->briefs))
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      return;
    }

  count = g_strdup_printf (ngettext ("%u Brief", "%u Briefs", n), n);
  gtk_label_set_label (self->count_label, count);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

/* Rows show owner names; a change on the roster redraws them. */
static void
bind_rows (FdBriefsView *self)
{
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->briefs),
                           create_brief_row, self, NULL);
}

/*
 * GObject
 */

static void
fd_briefs_view_dispose (GObject *object)
{
  FdBriefsView *self = (FdBriefsView *)object;

  gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  g_clear_object (&self->briefs);
  g_clear_object (&self->people);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (fd_briefs_view_parent_class)->dispose (object);
}

static void
fd_briefs_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FdBriefsView *self = FD_BRIEFS_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_briefs_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  FdBriefsView *self = FD_BRIEFS_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      fd_briefs_view_set_workspace (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_briefs_view_class_init (FdBriefsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_briefs_view_dispose;
  object_class->get_property = fd_briefs_view_get_property;
  object_class->set_property = fd_briefs_view_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, FD_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/flightdeck/Flightdeck/fd-briefs-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FdBriefsView, stack);
  gtk_widget_class_bind_template_child (widget_class, FdBriefsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, FdBriefsView, list_box);
}

static void
fd_briefs_view_init (FdBriefsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->briefs = fd_brief_model_new ();
  self->people = fd_roster_model_new (TRUE);

  g_signal_connect_object (self->briefs, "notify::loaded",
                           G_CALLBACK (update_page), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->briefs, "items-changed",
                           G_CALLBACK (update_page), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->people, "items-changed",
                           G_CALLBACK (bind_rows), self, G_CONNECT_SWAPPED);

  bind_rows (self);
  update_page (self);
}

/**
 * fd_briefs_view_get_workspace:
 *
 * Returns: (transfer none) (nullable): the workspace shown
 */
FdWorkspace *
fd_briefs_view_get_workspace (FdBriefsView *self)
{
  g_return_val_if_fail (FD_IS_BRIEFS_VIEW (self), NULL);
  return self->workspace;
}

void
fd_briefs_view_set_workspace (FdBriefsView *self,
                              FdWorkspace  *workspace)
{
  g_return_if_fail (FD_IS_BRIEFS_VIEW (self));
  g_return_if_fail (workspace == NULL || FD_IS_WORKSPACE (workspace));

  if (!g_set_object (&self->workspace, workspace))
    return;

  fd_query_model_set_workspace (self->people, workspace);
  fd_query_model_set_workspace (self->briefs, workspace);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}
