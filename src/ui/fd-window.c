/* fd-window.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-board-view.h"
#include "fd-briefs-view.h"
#include "fd-launch-view.h"
#include "fd-learn-view.h"
#include "fd-preferences-window.h"
#include "fd-triage-view.h"
#include "fd-ui-util.h"
#include "fd-window-private.h"

typedef struct
{
  const char *name;
  const char *title;
  const char *icon_name;
  GType     (*get_type) (void);
} FdStage;

/* The stages, in the order of the work. See "The stage view contract" in
 * fd-window.h. */
static const FdStage stages[] = {
  { "briefs", N_("Briefs"), "fd-briefs-symbolic", fd_briefs_view_get_type },
  { "board",  N_("Board"),  "fd-board-symbolic",  fd_board_view_get_type },
  { "launch", N_("Launch"), "fd-launch-symbolic", fd_launch_view_get_type },
  { "triage", N_("Triage"), "fd-triage-symbolic", fd_triage_view_get_type },
  { "learn",  N_("Learn"),  "fd-learn-symbolic",  fd_learn_view_get_type },
};

G_DEFINE_FINAL_TYPE (FdWindow, fd_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_BUSY,
  PROP_STAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/*
 * State of the actions
 */

static void
update_actions (FdWindow *self)
{
  gboolean has_workspace = self->workspace != NULL;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "win.preferences", has_workspace && !self->busy);
  gtk_widget_action_set_enabled (widget, "win.show-preferences", has_workspace && !self->busy);
  gtk_widget_action_set_enabled (widget, "win.show-stage", has_workspace && !self->busy);
  gtk_widget_action_set_enabled (widget, "win.show-workspace-folder", has_workspace);
  gtk_widget_action_set_enabled (widget, "win.new-workspace", !self->busy);
  gtk_widget_action_set_enabled (widget, "win.open-workspace", !self->busy);
  gtk_widget_action_set_enabled (widget, "win.open-recent", !self->busy);
  gtk_widget_action_set_enabled (widget, "win.open-demo", !self->busy);
}

static void
show_main_page (FdWindow *self)
{
  if (self->busy)
    gtk_stack_set_visible_child_name (self->main_stack, "busy");
  else
    gtk_stack_set_visible_child_name (self->main_stack, self->workspace ? "workspace" : "greeter");
}

/**
 * _fd_window_set_busy:
 * @title: (nullable): what is going on, or %NULL when done
 *
 * Shows a spinner page while a workspace opens or the demo is built.
 */
void
_fd_window_set_busy (FdWindow   *self,
                     const char *title,
                     const char *description)
{
  gboolean busy = title != NULL;

  if (busy)
    {
      adw_status_page_set_title (self->busy_page, title);
      adw_status_page_set_description (self->busy_page, description);
    }
  gtk_spinner_set_spinning (self->busy_spinner, busy);

  if (self->busy != busy)
    {
      self->busy = busy;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }

  update_actions (self);
  show_main_page (self);
}

/*
 * Preferences
 */

static void
show_preferences (FdWindow   *self,
                  const char *page)
{
  if (self->workspace == NULL)
    return;

  if (self->preferences == NULL)
    {
      self->preferences = GTK_WINDOW (fd_preferences_window_new (self->workspace));
      gtk_window_set_transient_for (self->preferences, GTK_WINDOW (self));
      g_object_add_weak_pointer (G_OBJECT (self->preferences), (gpointer *)&self->preferences);
    }

  if (page != NULL)
    fd_preferences_window_show_page (FD_PREFERENCES_WINDOW (self->preferences), page);

  gtk_window_present (self->preferences);
}

static void
close_preferences (FdWindow *self)
{
  if (self->preferences != NULL)
    gtk_window_destroy (self->preferences);
}

/*
 * Actions
 */

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  show_preferences (FD_WINDOW (widget), NULL);
}

static void
show_preferences_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  show_preferences (FD_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
show_stage_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  fd_window_show_stage (FD_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* From anywhere (a triage decision's creatives): the asset's page on the
 * board. */
static void
open_asset_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  FdWindow *self = FD_WINDOW (widget);
  GtkWidget *board = fd_window_get_stage_view (self, "board");

  fd_window_show_stage (self, "board");
  if (!fd_board_view_open_asset (FD_BOARD_VIEW (board), g_variant_get_int64 (parameter)))
    fd_window_add_toast (self, adw_toast_new (_("That asset is not on the board any more")));
}

static void
toast_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  fd_window_add_toast (FD_WINDOW (widget), adw_toast_new (g_variant_get_string (parameter, NULL)));
}

static void
new_workspace_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _fd_window_new_workspace (FD_WINDOW (widget));
}

static void
open_workspace_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _fd_window_choose_workspace (FD_WINDOW (widget));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  fd_window_open_workspace (FD_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
open_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  fd_window_open_demo (FD_WINDOW (widget));
}

static void
show_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _fd_window_show_folder (FD_WINDOW (widget));
}

/*
 * Window state
 */

static void
load_window_state (FdWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (FdWindow *self)
{
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  int width;
  int height;

  /* The unmaximized size is what comes back next time. */
  if (!maximized)
    {
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      g_settings_set_int (self->settings, "window-width", MAX (width, 360));
      g_settings_set_int (self->settings, "window-height", MAX (height, 294));
    }
  g_settings_set_boolean (self->settings, "window-maximized", maximized);
}

static gboolean
fd_window_close_request (GtkWindow *window)
{
  save_window_state (FD_WINDOW (window));

  return GTK_WINDOW_CLASS (fd_window_parent_class)->close_request (window);
}

/*
 * Narrow windows
 */

static gboolean
apply_compact (gpointer user_data)
{
  FdWindow *self = user_data;
  gboolean compact = adw_view_switcher_title_get_title_visible (self->switcher_title);

  self->compact_source = 0;

  gtk_widget_set_visible (GTK_WIDGET (self->workspace_label), !compact);
  gtk_widget_set_visible (self->workspace_icon, compact);
  fd_person_button_set_compact (self->person_button, compact);

  return G_SOURCE_REMOVE;
}

/* The switcher title changes its mind while the header is being laid
 * out; changing the header's buttons right then would resize it in the
 * middle of that, so it waits for the next round. */
static void
on_title_visible_changed (FdWindow *self)
{
  if (self->compact_source == 0)
    self->compact_source = g_idle_add (apply_compact, self);
}

/*
 * Stages
 */

static void
add_stages (FdWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      GType type = stages[i].get_type ();
      g_autoptr(GTypeClass) klass = g_type_class_ref (type);
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), "workspace");
      AdwViewStackPage *page;
      GtkWidget *view;

      if (pspec == NULL || pspec->value_type != FD_TYPE_WORKSPACE)
        {
          g_critical ("%s has no “workspace” property; see fd-window.h", g_type_name (type));
          continue;
        }

      view = g_object_new (type, NULL);
      page = adw_view_stack_add_titled (self->view_stack, view, stages[i].name,
                                        g_dgettext (GETTEXT_PACKAGE, stages[i].title));
      adw_view_stack_page_set_icon_name (page, stages[i].icon_name);
      g_object_bind_property (self, "workspace", view, "workspace", G_BINDING_SYNC_CREATE);
    }
}

static void
on_stage_changed (FdWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

/*
 * GObject
 */

static void
fd_window_dispose (GObject *object)
{
  FdWindow *self = (FdWindow *)object;
  GtkShortcutsWindow *overlay;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->compact_source, g_source_remove);
  close_preferences (self);

  /* The shortcuts window is only hidden when closed. GTK 4.8 leaves it
   * transient for us when it goes, and our own signals could then reach it
   * after it was freed (while something still holds us); cut it loose. */
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self));
  if (overlay != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (overlay), NULL);
      gtk_window_destroy (GTK_WINDOW (overlay));
    }

  G_OBJECT_CLASS (fd_window_parent_class)->dispose (object);
}

static void
fd_window_finalize (GObject *object)
{
  FdWindow *self = (FdWindow *)object;

  g_clear_object (&self->workspace);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (fd_window_parent_class)->finalize (object);
}

static void
fd_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  FdWindow *self = FD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_STAGE:
      g_value_set_string (value, fd_window_get_stage (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  FdWindow *self = FD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      fd_window_set_workspace (self, g_value_get_object (value));
      break;
    case PROP_STAGE:
      fd_window_show_stage (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.show-preferences", "s", show_preferences_action);
  gtk_widget_class_install_action (widget_class, "win.show-stage", "s", show_stage_action);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_action);
  gtk_widget_class_install_action (widget_class, "win.open-asset", "x", open_asset_action);
  gtk_widget_class_install_action (widget_class, "win.new-workspace", NULL, new_workspace_action);
  gtk_widget_class_install_action (widget_class, "win.open-workspace", NULL, open_workspace_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo_action);
  gtk_widget_class_install_action (widget_class, "win.show-workspace-folder", NULL, show_folder_action);

  /* Shortcuts that menus show are the application's accels (see
   * fd-application.c); these are the others. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);

  /* Ctrl+1 … Ctrl+5, in the order of the stages. */
  for (guint i = 0; i < G_N_ELEMENTS (stages) && i < 9; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.show-stage", "s", stages[i].name);
}

static void
fd_window_class_init (FdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = fd_window_dispose;
  object_class->finalize = fd_window_finalize;
  object_class->get_property = fd_window_get_property;
  object_class->set_property = fd_window_set_property;
  window_class->close_request = fd_window_close_request;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, FD_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* TRUE while a workspace opens or the demo is built. */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STAGE] =
    g_param_spec_string ("stage", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FD_TYPE_GREETER);
  g_type_ensure (FD_TYPE_PERSON_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/flightdeck/Flightdeck/fd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FdWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, FdWindow, greeter);
  gtk_widget_class_bind_template_child (widget_class, FdWindow, busy_page);
  gtk_widget_class_bind_template_child (widget_class, FdWindow, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, FdWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, FdWindow, workspace_button);
  gtk_widget_class_bind_template_child (widget_class, FdWindow, workspace_icon);
  gtk_widget_class_bind_template_child (widget_class, FdWindow, workspace_label);
  gtk_widget_class_bind_template_child (widget_class, FdWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, FdWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, FdWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, FdWindow, person_button);

  install_actions (widget_class);
}

static void
fd_window_init (FdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->cancellable = g_cancellable_new ();

  add_stages (self);

  /* Narrow: the title shows the workspace name, the stages move to the
   * bottom bar, and the header buttons lose their labels. */
  g_object_bind_property (self->switcher_title, "title-visible",
                          self->switcher_bar, "reveal", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (on_title_visible_changed), self, G_CONNECT_SWAPPED);
  apply_compact (self);
  g_object_bind_property (self, "workspace", self->person_button, "workspace",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (on_stage_changed), self, G_CONNECT_SWAPPED);

  load_window_state (self);
  _fd_window_update_recent_menu (self);
  update_actions (self);
  show_main_page (self);
}

/*
 * Public API
 */

/**
 * fd_window_new:
 *
 * Returns: (transfer full): a window showing the greeter; give it a
 *   workspace with fd_window_open_workspace() or fd_window_set_workspace()
 */
FdWindow *
fd_window_new (GtkApplication *application)
{
  return g_object_new (FD_TYPE_WINDOW, "application", application, NULL);
}

/**
 * fd_window_get_workspace:
 *
 * Returns: (transfer none) (nullable): the open workspace
 */
FdWorkspace *
fd_window_get_workspace (FdWindow *self)
{
  g_return_val_if_fail (FD_IS_WINDOW (self), NULL);
  return self->workspace;
}

/**
 * fd_window_set_workspace:
 * @workspace: (nullable): an open workspace, or %NULL for the greeter
 *
 * Shows @workspace in every stage view, and remembers it as the last and a
 * recent workspace.
 */
void
fd_window_set_workspace (FdWindow    *self,
                         FdWorkspace *workspace)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (FD_IS_WINDOW (self));
  g_return_if_fail (workspace == NULL || FD_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  close_preferences (self);
  g_set_object (&self->workspace, workspace);

  if (workspace != NULL)
    {
      name = fd_workspace_dup_name (workspace);
      path = fd_ui_dup_display_path (fd_workspace_get_path (workspace));
      fd_greeter_set_notice (self->greeter, NULL);
      _fd_window_remember_workspace (self);
    }

  gtk_window_set_title (GTK_WINDOW (self), name ? name : _("Flightdeck"));
  gtk_label_set_label (self->workspace_label, name);
  adw_view_switcher_title_set_title (self->switcher_title, name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->workspace_button), path);

  _fd_window_update_recent_menu (self);
  update_actions (self);
  show_main_page (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

gboolean
fd_window_get_busy (FdWindow *self)
{
  g_return_val_if_fail (FD_IS_WINDOW (self), FALSE);
  return self->busy;
}

/**
 * fd_window_add_toast:
 * @toast: (transfer full): the toast
 *
 * Shows @toast over the window's content.
 */
void
fd_window_add_toast (FdWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (FD_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * fd_window_get_stage:
 *
 * Returns: (nullable): the name of the visible stage
 */
const char *
fd_window_get_stage (FdWindow *self)
{
  g_return_val_if_fail (FD_IS_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

/**
 * fd_window_show_stage:
 * @name: a stage name ("briefs", "board", "launch", "triage", "learn")
 */
void
fd_window_show_stage (FdWindow   *self,
                      const char *name)
{
  g_return_if_fail (FD_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    {
      g_warning ("There is no stage called “%s”", name);
      return;
    }

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/**
 * fd_window_get_stage_view:
 *
 * Returns: (transfer none) (nullable): the view of the stage @name
 */
GtkWidget *
fd_window_get_stage_view (FdWindow   *self,
                          const char *name)
{
  g_return_val_if_fail (FD_IS_WINDOW (self), NULL);
  return adw_view_stack_get_child_by_name (self->view_stack, name);
}

/**
 * fd_window_get_stage_names:
 *
 * Returns: (array zero-terminated=1) (transfer none): the stage names, in
 *   order
 */
const char * const *
fd_window_get_stage_names (void)
{
  static const char *names[G_N_ELEMENTS (stages) + 1];

  if (names[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
      names[i] = stages[i].name;

  return names;
}
