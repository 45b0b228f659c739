/* fd-greeter.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-greeter"

#include "config.h"

#include "fd-greeter.h"

/* The first page anyone sees: create a workspace, open one, or explore the
 * demo. Its buttons are the window's actions; the notice says why the
 * greeter shows up when a workspace was expected (it was moved, say). */

struct _FdGreeter
{
  AdwBin    parent_instance;

  char     *notice;
  GtkLabel *notice_label;
};

G_DEFINE_FINAL_TYPE (FdGreeter, fd_greeter, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_NOTICE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fd_greeter_finalize (GObject *object)
{
  FdGreeter *self = (FdGreeter *)object;

  g_free (self->notice);

  G_OBJECT_CLASS (fd_greeter_parent_class)->finalize (object);
}

static void
fd_greeter_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  FdGreeter *self = FD_GREETER (object);

  switch (prop_id)
    {
    case PROP_NOTICE:
      g_value_set_string (value, self->notice);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_greeter_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  FdGreeter *self = FD_GREETER (object);

  switch (prop_id)
    {
    case PROP_NOTICE:
      fd_greeter_set_notice (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_greeter_class_init (FdGreeterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = fd_greeter_finalize;
  object_class->get_property = fd_greeter_get_property;
  object_class->set_property = fd_greeter_set_property;

  properties[PROP_NOTICE] =
    g_param_spec_string ("notice", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/flightdeck/Flightdeck/fd-greeter.ui");
  gtk_widget_class_bind_template_child (widget_class, FdGreeter, notice_label);
}

static void
fd_greeter_init (FdGreeter *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * fd_greeter_get_notice:
 *
 * Returns: (nullable): the notice shown above the choices
 */
const char *
fd_greeter_get_notice (FdGreeter *self)
{
  g_return_val_if_fail (FD_IS_GREETER (self), NULL);
  return self->notice;
}

/**
 * fd_greeter_set_notice:
 * @notice: (nullable): a sentence, or %NULL to show none
 */
void
fd_greeter_set_notice (FdGreeter  *self,
                       const char *notice)
{
  g_return_if_fail (FD_IS_GREETER (self));

  if (notice != NULL && *notice == '\0')
    notice = NULL;

  if (g_strcmp0 (self->notice, notice) == 0)
    return;

  g_free (self->notice);
  self->notice = g_strdup (notice);

  gtk_label_set_label (self->notice_label, notice);
  gtk_widget_set_visible (GTK_WIDGET (self->notice_label), notice != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTICE]);
}
