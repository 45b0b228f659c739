/* fd-emu-state.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-graph-emulator"

#include "config.h"

#include <glib/gstdio.h>

#include "fd-core-error.h"
#include "fd-graph-emulator-private.h"

/* The state file: the accounts as added (with the day their history
 * starts) and every write, so that a later process — the app and the CLI
 * both serve the demo account — sees the same accounts changed the same
 * way. */

static gint64
file_mtime (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return 0;

  return (gint64)st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000;
}

gboolean
_fd_graph_emulator_save_state (FdGraphEmulator  *self,
                               GError          **error)
{
  g_autoptr(JsonNode) state = NULL;
  g_autofree char *text = NULL;
  g_autofree char *dir = NULL;

  if (self->state_file == NULL)
    return TRUE;

  dir = g_path_get_dirname (self->state_file);
  g_mkdir_with_parents (dir, 0700);

  state = fd_emu_model_save (self->model);
  text = json_to_string (state, TRUE);
  if (!g_file_set_contents_full (self->state_file, text, -1, G_FILE_SET_CONTENTS_CONSISTENT,
                                 0600, error))
    return FALSE;

  self->state_mtime = file_mtime (self->state_file);
  return TRUE;
}

/* Another process (the app and the CLI may both serve the demo account)
 * may have written since: take its writes. */
void
_fd_graph_emulator_reload_state (FdGraphEmulator *self)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  gint64 mtime;

  if (self->state_file == NULL)
    return;

  mtime = file_mtime (self->state_file);
  if (mtime == 0 || mtime == self->state_mtime)
    return;

  parser = json_parser_new ();
  if (!json_parser_load_from_mapped_file (parser, self->state_file, &error) ||
      !fd_emu_model_load_writes (self->model, json_parser_get_root (parser), &error))
    {
      g_warning ("Could not reload the emulator state %s: %s", self->state_file, error->message);
      return;
    }

  self->state_mtime = mtime;
}

static gboolean
load_accounts (FdGraphEmulator  *self,
               JsonObject       *root,
               GError          **error)
{
  JsonArray *accounts = json_object_has_member (root, "accounts")
                        ? json_object_get_array_member (root, "accounts") : NULL;

  for (guint i = 0; accounts != NULL && i < json_array_get_length (accounts); i++)
    {
      JsonObject *object = json_array_get_object_element (accounts, i);
      FdEmuAccountSpec spec = { 0 };
      int epoch;

      if (object == NULL)
        continue;

      spec.id = json_object_get_string_member_with_default (object, "id", NULL);
      spec.name = json_object_get_string_member_with_default (object, "name", NULL);
      spec.currency = json_object_get_string_member_with_default (object, "currency", "EUR");
      spec.timezone = json_object_get_string_member_with_default (object, "timezone", "UTC");
      spec.campaigns = (guint)json_object_get_int_member_with_default (object, "campaigns", 1);
      spec.adsets_per_campaign = (guint)json_object_get_int_member_with_default (object, "adsets_per_campaign", 1);
      spec.ads_per_adset = (guint)json_object_get_int_member_with_default (object, "ads_per_adset", 1);
      spec.launch_spread_days = (guint)json_object_get_int_member_with_default (object, "launch_spread_days", 60);
      spec.history_days = (guint)json_object_get_int_member_with_default (object, "history_days", 120);
      spec.profile = json_object_get_string_member_with_default (object, "profile", NULL);
      epoch = fd_emu_day_from_string (json_object_get_string_member_with_default (object, "epoch_day", NULL));

      if (fd_emu_model_find_account (self->model, spec.id) != NULL)
        continue;
      if (epoch == 0 || fd_emu_model_add_account (self->model, &spec, epoch, error) == NULL)
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_CORRUPT,
                         "The emulator state has an account without an epoch day");
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * fd_graph_emulator_set_state_file:
 * @path: a JSON file for the accounts and the writes
 *
 * Loads @path if it exists — its seed, accounts (with the days their
 * history starts) and writes — and saves every later write there, so a
 * later process sees the same accounts changed the same way. Call before
 * adding accounts: accounts already in the file are kept as they were.
 */
gboolean
fd_graph_emulator_set_state_file (FdGraphEmulator  *self,
                                  const char       *path,
                                  GError          **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  gboolean ok = TRUE;

  g_return_val_if_fail (FD_IS_GRAPH_EMULATOR (self), FALSE);

  g_mutex_lock (&self->lock);
  g_free (self->state_file);
  self->state_file = g_strdup (path);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!json_parser_load_from_mapped_file (parser, path, error))
        ok = FALSE;
      else if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        {
          g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_CORRUPT,
                       "%s is not an emulator state", path);
          ok = FALSE;
        }
      else
        {
          root = json_node_get_object (json_parser_get_root (parser));
          if (json_object_has_member (root, "seed") &&
              fd_emu_model_get_accounts (self->model)->len == 0)
            {
              fd_emu_model_free (self->model);
              self->model = fd_emu_model_new ((guint64)json_object_get_int_member (root, "seed"));
            }
          ok = load_accounts (self, root, error) &&
               fd_emu_model_load_writes (self->model, json_parser_get_root (parser), error);
          self->state_mtime = file_mtime (path);
        }
    }

  g_mutex_unlock (&self->lock);
  return ok;
}
