/* fd-wrap-box.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-wrap-box"

#include "config.h"

#include "fd-wrap-box.h"

/* A row of controls that wraps onto more rows when the width runs out, in
 * the spirit of the wrap boxes newer libadwaita has: its minimum width is
 * its widest child's, so a toolbar of mode buttons, sliders and menus
 * never holds a window wide. Each child gets its natural width (or the
 * whole row, if that is less); a row's spare width goes to the children
 * that expand horizontally, which is how a spacer pushes the rest of a
 * row to the end. Children are added with <child> in a template or
 * fd_wrap_box_append(). */

struct _FdWrapBox
{
  GtkWidget parent_instance;

  int       spacing;
  int       row_spacing;
};

G_DEFINE_FINAL_TYPE (FdWrapBox, fd_wrap_box, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SPACING,
  PROP_ROW_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  GtkWidget *widget;
  int        width;      /* allocated width */
  int        row;
} Item;

/* Lays the visible children out in rows of @width (-1: one row) and
 * returns how many rows it took. */
static int
plan_rows (FdWrapBox *self,
           int        width,
           GArray    *items)
{
  int x = 0;
  int row = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      Item item = { child, 0, 0 };
      int natural;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      item.width = width >= 0 ? MIN (natural, width) : natural;
      if (width >= 0 && x > 0 && x + self->spacing + item.width > width)
        {
          row++;
          x = 0;
        }
      x += (x > 0 ? self->spacing : 0) + item.width;
      item.row = row;
      g_array_append_val (items, item);
    }

  return items->len > 0 ? row + 1 : 0;
}

static void
row_height (GArray *items,
            guint   first,
            guint   end,
            int    *minimum,
            int    *natural)
{
  *minimum = *natural = 0;
  for (guint i = first; i < end; i++)
    {
      Item *item = &g_array_index (items, Item, i);
      int min, nat;

      gtk_widget_measure (item->widget, GTK_ORIENTATION_VERTICAL, item->width, &min, &nat, NULL, NULL);
      *minimum = MAX (*minimum, min);
      *natural = MAX (*natural, nat);
    }
}

static guint
row_end (GArray *items,
         guint   first)
{
  guint end = first;

  while (end < items->len && g_array_index (items, Item, end).row == g_array_index (items, Item, first).row)
    end++;
  return end;
}

static void
fd_wrap_box_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  FdWrapBox *self = FD_WRAP_BOX (widget);
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Item));

  *minimum = *natural = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      guint n = 0;

      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int min, nat;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, orientation, -1, &min, &nat, NULL, NULL);
          *minimum = MAX (*minimum, min);
          *natural += nat + (n++ > 0 ? self->spacing : 0);
        }
      return;
    }

  plan_rows (self, for_size, items);
  for (guint first = 0, n = 0; first < items->len; n++)
    {
      guint end = row_end (items, first);
      int min, nat;

      row_height (items, first, end, &min, &nat);
      *minimum += min + (n > 0 ? self->row_spacing : 0);
      *natural += nat + (n > 0 ? self->row_spacing : 0);
      first = end;
    }
}

static void
fd_wrap_box_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  FdWrapBox *self = FD_WRAP_BOX (widget);
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Item));
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int y = 0;

  plan_rows (self, width, items);
  for (guint first = 0; first < items->len;)
    {
      guint end = row_end (items, first);
      int used = 0, n_expand = 0, x = 0, min, nat;

      for (guint i = first; i < end; i++)
        {
          Item *item = &g_array_index (items, Item, i);

          used += item->width + (i > first ? self->spacing : 0);
          if (gtk_widget_compute_expand (item->widget, GTK_ORIENTATION_HORIZONTAL))
            n_expand++;
        }
      row_height (items, first, end, &min, &nat);

      for (guint i = first; i < end; i++)
        {
          Item *item = &g_array_index (items, Item, i);
          int w = item->width;

          if (n_expand > 0 && gtk_widget_compute_expand (item->widget, GTK_ORIENTATION_HORIZONTAL))
            w += MAX (0, width - used) / n_expand;
          gtk_widget_size_allocate (item->widget,
                                    &(GtkAllocation) { rtl ? width - x - w : x, y, w, nat }, -1);
          x += w + self->spacing;
        }

      y += nat + self->row_spacing;
      first = end;
    }
}

static GtkSizeRequestMode
fd_wrap_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
fd_wrap_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (fd_wrap_box_parent_class)->dispose (object);
}

static void
fd_wrap_box_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  FdWrapBox *self = FD_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;
    case PROP_ROW_SPACING:
      g_value_set_int (value, self->row_spacing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_wrap_box_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  FdWrapBox *self = FD_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      fd_wrap_box_set_spacing (self, g_value_get_int (value));
      break;
    case PROP_ROW_SPACING:
      fd_wrap_box_set_row_spacing (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_wrap_box_class_init (FdWrapBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_wrap_box_dispose;
  object_class->get_property = fd_wrap_box_get_property;
  object_class->set_property = fd_wrap_box_set_property;

  widget_class->measure = fd_wrap_box_measure;
  widget_class->size_allocate = fd_wrap_box_size_allocate;
  widget_class->get_request_mode = fd_wrap_box_get_request_mode;

  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROW_SPACING] =
    g_param_spec_int ("row-spacing", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "fd-wrap-box");
}

static void
fd_wrap_box_init (FdWrapBox *self)
{
}

GtkWidget *
fd_wrap_box_new (void)
{
  return g_object_new (FD_TYPE_WRAP_BOX, NULL);
}

void
fd_wrap_box_append (FdWrapBox *self,
                    GtkWidget *child)
{
  g_return_if_fail (FD_IS_WRAP_BOX (self));
  g_return_if_fail (GTK_IS_WIDGET (child) && gtk_widget_get_parent (child) == NULL);

  gtk_widget_set_parent (child, GTK_WIDGET (self));
}

int
fd_wrap_box_get_spacing (FdWrapBox *self)
{
  g_return_val_if_fail (FD_IS_WRAP_BOX (self), 0);
  return self->spacing;
}

/**
 * fd_wrap_box_set_spacing:
 * @spacing: pixels between children in a row
 */
void
fd_wrap_box_set_spacing (FdWrapBox *self,
                         int        spacing)
{
  g_return_if_fail (FD_IS_WRAP_BOX (self));

  if (self->spacing == spacing)
    return;
  self->spacing = spacing;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPACING]);
}

int
fd_wrap_box_get_row_spacing (FdWrapBox *self)
{
  g_return_val_if_fail (FD_IS_WRAP_BOX (self), 0);
  return self->row_spacing;
}

/**
 * fd_wrap_box_set_row_spacing:
 * @spacing: pixels between rows
 */
void
fd_wrap_box_set_row_spacing (FdWrapBox *self,
                             int        spacing)
{
  g_return_if_fail (FD_IS_WRAP_BOX (self));

  if (self->row_spacing == spacing)
    return;
  self->row_spacing = spacing;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROW_SPACING]);
}
