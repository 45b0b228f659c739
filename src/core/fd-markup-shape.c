/* fd-markup-shape.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-markup-shape"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-core-error.h"
#include "fd-markup-shape.h"

/* A mark a reviewer draws on a frame: a rectangle or a freehand stroke.
 * Coordinates are normalised to the picture (0,0 top left, 1,1 bottom
 * right), so a mark stays on its spot whatever size the frame is shown
 * at, and a comment can store it as JSON. */

struct _FdMarkupShape
{
  GObject       parent_instance;

  FdMarkupKind  kind;
  char         *color;
  GArray       *points; /* pairs of doubles */
};

G_DEFINE_FINAL_TYPE (FdMarkupShape, fd_markup_shape, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_COLOR,
  PROP_N_POINTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fd_markup_shape_finalize (GObject *object)
{
  FdMarkupShape *self = (FdMarkupShape *)object;

  g_free (self->color);
  g_array_unref (self->points);

  G_OBJECT_CLASS (fd_markup_shape_parent_class)->finalize (object);
}

static void
fd_markup_shape_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  FdMarkupShape *self = FD_MARKUP_SHAPE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    case PROP_N_POINTS:
      g_value_set_uint (value, fd_markup_shape_get_n_points (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_markup_shape_class_init (FdMarkupShapeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fd_markup_shape_finalize;
  object_class->get_property = fd_markup_shape_get_property;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, FD_MARKUP_RECTANGLE, FD_MARKUP_FREEHAND,
                      FD_MARKUP_RECTANGLE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_POINTS] =
    g_param_spec_uint ("n-points", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_markup_shape_init (FdMarkupShape *self)
{
  self->points = g_array_new (FALSE, FALSE, sizeof (double));
}

/**
 * fd_markup_shape_new:
 * @color: a CSS colour ("#e01b24")
 */
FdMarkupShape *
fd_markup_shape_new (FdMarkupKind  kind,
                     const char   *color)
{
  FdMarkupShape *self = g_object_new (FD_TYPE_MARKUP_SHAPE, NULL);

  self->kind = kind;
  self->color = g_strdup (color ? color : "#e01b24");

  return self;
}

FdMarkupKind
fd_markup_shape_get_kind (FdMarkupShape *self)
{
  g_return_val_if_fail (FD_IS_MARKUP_SHAPE (self), FD_MARKUP_RECTANGLE);
  return self->kind;
}

const char *
fd_markup_shape_get_color (FdMarkupShape *self)
{
  g_return_val_if_fail (FD_IS_MARKUP_SHAPE (self), NULL);
  return self->color;
}

/**
 * fd_markup_shape_add_point:
 * @x: 0 (left) to 1 (right); clamped
 * @y: 0 (top) to 1 (bottom); clamped
 *
 * A rectangle keeps two points: a third replaces the second corner.
 */
void
fd_markup_shape_add_point (FdMarkupShape *self,
                           double         x,
                           double         y)
{
  double pair[2] = { CLAMP (x, 0.0, 1.0), CLAMP (y, 0.0, 1.0) };

  g_return_if_fail (FD_IS_MARKUP_SHAPE (self));

  if (self->kind == FD_MARKUP_RECTANGLE && self->points->len >= 4)
    g_array_set_size (self->points, 2);

  g_array_append_vals (self->points, pair, 2);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_POINTS]);
}

guint
fd_markup_shape_get_n_points (FdMarkupShape *self)
{
  g_return_val_if_fail (FD_IS_MARKUP_SHAPE (self), 0);
  return self->points->len / 2;
}

void
fd_markup_shape_get_point (FdMarkupShape *self,
                           guint          index,
                           double        *x,
                           double        *y)
{
  g_return_if_fail (FD_IS_MARKUP_SHAPE (self));
  g_return_if_fail (index < self->points->len / 2);

  *x = g_array_index (self->points, double, index * 2);
  *y = g_array_index (self->points, double, index * 2 + 1);
}

/**
 * fd_markup_shape_to_json:
 *
 * Returns: (transfer full): {"kind": "rectangle"|"freehand", "color":
 *   "#…", "points": [[x, y], …]}
 */
JsonNode *
fd_markup_shape_to_json (FdMarkupShape *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, self->kind == FD_MARKUP_RECTANGLE ? "rectangle" : "freehand");
  json_builder_set_member_name (builder, "color");
  json_builder_add_string_value (builder, self->color);
  json_builder_set_member_name (builder, "points");
  json_builder_begin_array (builder);
  for (guint i = 0; i + 1 < self->points->len; i += 2)
    {
      json_builder_begin_array (builder);
      json_builder_add_double_value (builder, g_array_index (self->points, double, i));
      json_builder_add_double_value (builder, g_array_index (self->points, double, i + 1));
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gpointer
invalid (GError **error)
{
  g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
               _("The stored drawing on this frame is not valid."));
  return NULL;
}

/**
 * fd_markup_shape_new_from_json:
 *
 * Reads what fd_markup_shape_to_json() wrote.
 *
 * Returns: (transfer full): the shape, or %NULL with @error set
 */
FdMarkupShape *
fd_markup_shape_new_from_json (JsonNode  *node,
                               GError   **error)
{
  g_autoptr(FdMarkupShape) self = NULL;
  JsonObject *object;
  JsonArray *points;
  const char *kind;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error);

  object = json_node_get_object (node);
  kind = json_object_get_string_member_with_default (object, "kind", "");
  if (!g_str_equal (kind, "rectangle") && !g_str_equal (kind, "freehand"))
    return invalid (error);
  if (!json_object_has_member (object, "points") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "points")))
    return invalid (error);

  self = fd_markup_shape_new (g_str_equal (kind, "rectangle") ? FD_MARKUP_RECTANGLE : FD_MARKUP_FREEHAND,
                              json_object_get_string_member_with_default (object, "color", NULL));
  points = json_object_get_array_member (object, "points");
  for (guint i = 0; i < json_array_get_length (points); i++)
    {
      JsonNode *pair = json_array_get_element (points, i);
      JsonArray *xy;

      if (!JSON_NODE_HOLDS_ARRAY (pair) || json_array_get_length (xy = json_node_get_array (pair)) != 2)
        return invalid (error);
      fd_markup_shape_add_point (self, json_array_get_double_element (xy, 0),
                                 json_array_get_double_element (xy, 1));
    }

  return g_steal_pointer (&self);
}
