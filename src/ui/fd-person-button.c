/* fd-person-button.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-person-button"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-person-button.h"
#include "fd-roster.h"
#include "fd-ui-models.h"
#include "fd-ui-util.h"

/* The person using the workspace, in the header bar: an avatar and a name.
 * Its popover lists the active team; choosing someone records them as the
 * current person through the core API, on the writer queue. The action
 * "person.switch" (int64 person id) does the same from anywhere inside. */

struct _FdPersonButton
{
  AdwBin         parent_instance;

  FdWorkspace   *workspace;
  FdQueryModel  *people;
  FdQueryModel  *current;
  gboolean       compact;

  GtkMenuButton *button;
  AdwAvatar     *avatar;
  GtkLabel      *name_label;
  GtkPopover    *popover;
  GtkListBox    *people_list;
  GtkWidget     *empty_label;
};

G_DEFINE_FINAL_TYPE (FdPersonButton, fd_person_button, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_CURRENT,
  PROP_COMPACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gint64
current_id (FdPersonButton *self)
{
  FdPerson *current = fd_person_button_get_current (self);

  return current ? fd_person_get_id (current) : 0;
}

static GtkWidget *
create_person_row (gpointer item,
                   gpointer user_data)
{
  FdPersonButton *self = user_data;
  FdPerson *person = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (fd_person_get_name (person));
  GtkWidget *role = gtk_label_new (fd_person_get_role_name (person));
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (role), 0);
  gtk_label_set_ellipsize (GTK_LABEL (role), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (role, "caption");
  gtk_widget_add_css_class (role, "dim-label");
  gtk_box_append (GTK_BOX (text), name);
  gtk_box_append (GTK_BOX (text), role);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);

  gtk_widget_set_visible (check, fd_person_get_id (person) == current_id (self));

  gtk_box_append (GTK_BOX (box), adw_avatar_new (32, fd_person_get_name (person), TRUE));
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "person.switch");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", fd_person_get_id (person));

  return row;
}

static void
update_people (FdPersonButton *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->people)) == 0;

  gtk_widget_set_visible (self->empty_label,
                          empty && fd_query_model_get_loaded (self->people));
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->people_list)), !empty);
}

static void
bind_people (FdPersonButton *self)
{
  gtk_list_box_bind_model (self->people_list, G_LIST_MODEL (self->people),
                           create_person_row, self, NULL);
  update_people (self);
}

static void
update_current (FdPersonButton *self)
{
  FdPerson *current = fd_person_button_get_current (self);

  if (current != NULL)
    {
      g_autofree char *tooltip = NULL;
      g_auto(GStrv) words = g_strsplit (fd_person_get_name (current), " ", 2);

      /* The first name is enough in the header; the popover has the rest. */
      gtk_label_set_label (self->name_label, words[0]);
      adw_avatar_set_text (self->avatar, fd_person_get_name (current));
      /* Translators: the tooltip of the person button: name and role */
      tooltip = g_strdup_printf (_("You are %s, %s"), fd_person_get_name (current),
                                 fd_person_get_role_name (current));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), tooltip);
    }
  else
    {
      gtk_label_set_label (self->name_label, _("Who Are You?"));
      adw_avatar_set_text (self->avatar, NULL);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), _("Choose who is using Flightdeck"));
    }

  /* The check marks in the list follow the current person. */
  bind_people (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
}

/*
 * Switching
 */

static gboolean
set_current (FdStore     *store,
             const char  *actor,
             gpointer     data,
             GError     **error)
{
  return fd_roster_set_current (store, actor, *(gint64 *)data, error);
}

static void
on_switched (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(FdPersonButton) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!fd_ui_edit_finish (FD_WORKSPACE (source), result, &error))
    fd_ui_toast (GTK_WIDGET (self), error->message);
}

static void
switch_person (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FdPersonButton *self = FD_PERSON_BUTTON (widget);
  gint64 *person_id;

  gtk_popover_popdown (self->popover);

  if (self->workspace == NULL || g_variant_get_int64 (parameter) == current_id (self))
    return;

  person_id = g_new (gint64, 1);
  *person_id = g_variant_get_int64 (parameter);
  fd_ui_edit_async (self->workspace, set_current, person_id, g_free, NULL,
                    on_switched, g_object_ref (self));
}

/*
 * GObject
 */

static void
fd_person_button_dispose (GObject *object)
{
  FdPersonButton *self = (FdPersonButton *)object;

  gtk_list_box_bind_model (self->people_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->people);
  g_clear_object (&self->current);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (fd_person_button_parent_class)->dispose (object);
}

static void
fd_person_button_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  FdPersonButton *self = FD_PERSON_BUTTON (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_CURRENT:
      g_value_set_object (value, fd_person_button_get_current (self));
      break;
    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_person_button_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  FdPersonButton *self = FD_PERSON_BUTTON (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      fd_person_button_set_workspace (self, g_value_get_object (value));
      break;
    case PROP_COMPACT:
      fd_person_button_set_compact (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_person_button_class_init (FdPersonButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_person_button_dispose;
  object_class->get_property = fd_person_button_get_property;
  object_class->set_property = fd_person_button_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, FD_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT] =
    g_param_spec_object ("current", NULL, NULL, FD_TYPE_PERSON,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* Only the avatar, for narrow windows. */
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/flightdeck/Flightdeck/fd-person-button.ui");
  gtk_widget_class_bind_template_child (widget_class, FdPersonButton, button);
  gtk_widget_class_bind_template_child (widget_class, FdPersonButton, avatar);
  gtk_widget_class_bind_template_child (widget_class, FdPersonButton, name_label);
  gtk_widget_class_bind_template_child (widget_class, FdPersonButton, popover);
  gtk_widget_class_bind_template_child (widget_class, FdPersonButton, people_list);
  gtk_widget_class_bind_template_child (widget_class, FdPersonButton, empty_label);

  gtk_widget_class_install_action (widget_class, "person.switch", "x", switch_person);
}

static void
fd_person_button_init (FdPersonButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->people = fd_roster_model_new (FALSE);
  self->current = fd_current_person_model_new ();

  g_signal_connect_object (self->people, "items-changed",
                           G_CALLBACK (update_people), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->people, "notify::loaded",
                           G_CALLBACK (update_people), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->current, "items-changed",
                           G_CALLBACK (update_current), self, G_CONNECT_SWAPPED);

  update_current (self);
}

/**
 * fd_person_button_get_workspace:
 *
 * Returns: (transfer none) (nullable): the workspace
 */
FdWorkspace *
fd_person_button_get_workspace (FdPersonButton *self)
{
  g_return_val_if_fail (FD_IS_PERSON_BUTTON (self), NULL);
  return self->workspace;
}

void
fd_person_button_set_workspace (FdPersonButton *self,
                                FdWorkspace    *workspace)
{
  g_return_if_fail (FD_IS_PERSON_BUTTON (self));
  g_return_if_fail (workspace == NULL || FD_IS_WORKSPACE (workspace));

  if (!g_set_object (&self->workspace, workspace))
    return;

  fd_query_model_set_workspace (self->people, workspace);
  fd_query_model_set_workspace (self->current, workspace);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

/**
 * fd_person_button_get_current:
 *
 * Returns: (transfer none) (nullable): the person using the workspace, once
 *   loaded
 */
FdPerson *
fd_person_button_get_current (FdPersonButton *self)
{
  FdPerson *current;

  g_return_val_if_fail (FD_IS_PERSON_BUTTON (self), NULL);

  /* The model keeps a reference of its own for as long as it holds it. */
  current = g_list_model_get_item (G_LIST_MODEL (self->current), 0);
  if (current != NULL)
    g_object_unref (current);

  return current;
}

gboolean
fd_person_button_get_compact (FdPersonButton *self)
{
  g_return_val_if_fail (FD_IS_PERSON_BUTTON (self), FALSE);
  return self->compact;
}

void
fd_person_button_set_compact (FdPersonButton *self,
                              gboolean        compact)
{
  g_return_if_fail (FD_IS_PERSON_BUTTON (self));

  compact = !!compact;
  if (self->compact == compact)
    return;

  self->compact = compact;
  gtk_widget_set_visible (GTK_WIDGET (self->name_label), !compact);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPACT]);
}
