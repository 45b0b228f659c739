/* fd-graph-params.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fd-graph-params.h"

struct _FdGraphParams
{
  gatomicrefcount  ref_count;
  GPtrArray       *keys;
  GPtrArray       *values;
};

G_DEFINE_BOXED_TYPE (FdGraphParams, fd_graph_params, fd_graph_params_ref, fd_graph_params_unref)

FdGraphParams *
fd_graph_params_new (void)
{
  FdGraphParams *self = g_new0 (FdGraphParams, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->keys = g_ptr_array_new_with_free_func (g_free);
  self->values = g_ptr_array_new_with_free_func (g_free);

  return self;
}

FdGraphParams *
fd_graph_params_copy (const FdGraphParams *self)
{
  FdGraphParams *copy = fd_graph_params_new ();

  for (guint i = 0; i < self->keys->len; i++)
    fd_graph_params_set (copy, g_ptr_array_index (self->keys, i),
                         g_ptr_array_index (self->values, i));

  return copy;
}

FdGraphParams *
fd_graph_params_ref (FdGraphParams *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
fd_graph_params_unref (FdGraphParams *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_ptr_array_unref (self->keys);
  g_ptr_array_unref (self->values);
  g_free (self);
}

static int
find_key (const FdGraphParams *self,
          const char          *key)
{
  for (guint i = 0; i < self->keys->len; i++)
    if (g_str_equal (g_ptr_array_index (self->keys, i), key))
      return (int)i;

  return -1;
}

/**
 * fd_graph_params_set:
 * @value: (nullable): the value; %NULL removes the parameter
 *
 * Sets a parameter, replacing an earlier value of the same key in place.
 */
void
fd_graph_params_set (FdGraphParams *self,
                     const char    *key,
                     const char    *value)
{
  int index;

  g_return_if_fail (key != NULL);

  index = find_key (self, key);
  if (value == NULL)
    {
      if (index >= 0)
        fd_graph_params_remove (self, key);
      return;
    }

  if (index >= 0)
    {
      g_free (g_ptr_array_index (self->values, index));
      g_ptr_array_index (self->values, index) = g_strdup (value);
      return;
    }

  g_ptr_array_add (self->keys, g_strdup (key));
  g_ptr_array_add (self->values, g_strdup (value));
}

void
fd_graph_params_set_int (FdGraphParams *self,
                         const char    *key,
                         gint64         value)
{
  char text[32];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  fd_graph_params_set (self, key, text);
}

/**
 * fd_graph_params_set_json:
 *
 * Sets @key to @value serialized as compact JSON.
 */
void
fd_graph_params_set_json (FdGraphParams *self,
                          const char    *key,
                          JsonNode      *value)
{
  g_autofree char *text = json_to_string (value, FALSE);

  fd_graph_params_set (self, key, text);
}

void
fd_graph_params_set_strv_json (FdGraphParams      *self,
                               const char         *key,
                               const char * const *values)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);

  node = json_builder_get_root (builder);
  fd_graph_params_set_json (self, key, node);
}

/**
 * fd_graph_params_set_time_range:
 *
 * Sets time_range={"since":…,"until":…} (days YYYY-MM-DD, until inclusive).
 */
void
fd_graph_params_set_time_range (FdGraphParams *self,
                                const char    *since,
                                const char    *until)
{
  g_autofree char *text = g_strdup_printf ("{\"since\":\"%s\",\"until\":\"%s\"}", since, until);

  fd_graph_params_set (self, "time_range", text);
}

void
fd_graph_params_remove (FdGraphParams *self,
                        const char    *key)
{
  int index = find_key (self, key);

  if (index < 0)
    return;

  g_ptr_array_remove_index (self->keys, index);
  g_ptr_array_remove_index (self->values, index);
}

const char *
fd_graph_params_get (const FdGraphParams *self,
                     const char          *key)
{
  int index = find_key (self, key);

  return index >= 0 ? g_ptr_array_index (self->values, index) : NULL;
}

guint
fd_graph_params_get_size (const FdGraphParams *self)
{
  return self->keys->len;
}

/**
 * fd_graph_params_encode:
 * @out: where to append "key=value&key=value", form-urlencoded
 */
void
fd_graph_params_encode (const FdGraphParams *self,
                        GString             *out)
{
  for (guint i = 0; i < self->keys->len; i++)
    {
      if (out->len > 0 && out->str[out->len - 1] != '?')
        g_string_append_c (out, '&');
      g_string_append_uri_escaped (out, g_ptr_array_index (self->keys, i), NULL, FALSE);
      g_string_append_c (out, '=');
      g_string_append_uri_escaped (out, g_ptr_array_index (self->values, i), NULL, FALSE);
    }
}
