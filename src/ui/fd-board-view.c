/* fd-board-view.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-board-view"

#include "config.h"

#include "fd-board-view.h"

/* The creative approval stage. Its own work has not been built yet, so the view
 * says what will be here and points to what exists today; it keeps the
 * workspace it is given, as every stage view does (see fd-window.h). */

struct _FdBoardView
{
  AdwBin       parent_instance;

  FdWorkspace *workspace;
};

G_DEFINE_FINAL_TYPE (FdBoardView, fd_board_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_WORKSPACE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fd_board_view_dispose (GObject *object)
{
  FdBoardView *self = (FdBoardView *)object;

  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (fd_board_view_parent_class)->dispose (object);
}

static void
fd_board_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FdBoardView *self = FD_BOARD_VIEW (object);

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
fd_board_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  FdBoardView *self = FD_BOARD_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      fd_board_view_set_workspace (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_board_view_class_init (FdBoardViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_board_view_dispose;
  object_class->get_property = fd_board_view_get_property;
  object_class->set_property = fd_board_view_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, FD_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/flightdeck/Flightdeck/fd-board-view.ui");
}

static void
fd_board_view_init (FdBoardView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * fd_board_view_get_workspace:
 *
 * Returns: (transfer none) (nullable): the workspace shown
 */
FdWorkspace *
fd_board_view_get_workspace (FdBoardView *self)
{
  g_return_val_if_fail (FD_IS_BOARD_VIEW (self), NULL);
  return self->workspace;
}

void
fd_board_view_set_workspace (FdBoardView *self,
                             FdWorkspace *workspace)
{
  g_return_if_fail (FD_IS_BOARD_VIEW (self));
  g_return_if_fail (workspace == NULL || FD_IS_WORKSPACE (workspace));

  if (g_set_object (&self->workspace, workspace))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}
