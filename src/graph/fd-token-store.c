/* fd-token-store.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-token-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libsecret/secret.h>
#include <sys/stat.h>

#include "fd-core-error.h"
#include "fd-token-store.h"

/* Secrets (access tokens, app secrets) per ad account and Graph host.
 *
 * The desktop keyring comes first. Where none runs — a server, CI, a
 * session without a Secret Service — a file readable only by the user
 * under $XDG_DATA_HOME/flightdeck/tokens/ takes its place, and callers are
 * told which store was used so they can say so. $FLIGHTDECK_TOKEN_STORE
 * ("keyring" or "file") forces one.
 *
 * Keyring calls may block on an unlock prompt nobody can answer (a
 * headless session); each runs under a time limit and counts as
 * unavailable when it passes. */

#define KEYRING_TIMEOUT_US (8 * G_USEC_PER_SEC)

struct _FdTokenStore
{
  GObject           parent_instance;

  FdTokenStoreMode  mode;
  char             *file_dir;
  gint              keyring_broken;  /* atomic: the keyring failed once */
};

G_DEFINE_FINAL_TYPE (FdTokenStore, fd_token_store, G_TYPE_OBJECT)

static const SecretSchema secret_schema = {
  "io.github.flightdeck.Flightdeck.Secret", SECRET_SCHEMA_NONE,
  {
    { "kind", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "account", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "graph-url", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
  0, NULL, NULL, NULL, NULL, NULL, NULL, NULL
};

static void
fd_token_store_finalize (GObject *object)
{
  FdTokenStore *self = (FdTokenStore *)object;

  g_free (self->file_dir);

  G_OBJECT_CLASS (fd_token_store_parent_class)->finalize (object);
}

static void
fd_token_store_class_init (FdTokenStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fd_token_store_finalize;
}

static void
fd_token_store_init (FdTokenStore *self)
{
}

/**
 * fd_token_store_new_full:
 * @file_dir: (nullable): where files go instead of the default
 *   $XDG_DATA_HOME/flightdeck/tokens
 *
 * Returns: (transfer full): a token store
 */
FdTokenStore *
fd_token_store_new_full (FdTokenStoreMode  mode,
                         const char       *file_dir)
{
  FdTokenStore *self = g_object_new (FD_TYPE_TOKEN_STORE, NULL);

  self->mode = mode;
  self->file_dir = file_dir ? g_strdup (file_dir)
                            : g_build_filename (g_get_user_data_dir (), "flightdeck", "tokens", NULL);

  return self;
}

/**
 * fd_token_store_new:
 *
 * Returns: (transfer full): the store chosen by $FLIGHTDECK_TOKEN_STORE
 *   ("keyring", "file"), by default the keyring with the file as fallback
 */
FdTokenStore *
fd_token_store_new (void)
{
  const char *forced = g_getenv ("FLIGHTDECK_TOKEN_STORE");
  FdTokenStoreMode mode = FD_TOKEN_STORE_MODE_AUTO;

  if (g_strcmp0 (forced, "keyring") == 0)
    mode = FD_TOKEN_STORE_MODE_KEYRING;
  else if (g_strcmp0 (forced, "file") == 0)
    mode = FD_TOKEN_STORE_MODE_FILE;

  return fd_token_store_new_full (mode, NULL);
}

const char *
fd_token_store_get_file_dir (FdTokenStore *self)
{
  g_return_val_if_fail (FD_IS_TOKEN_STORE (self), NULL);
  return self->file_dir;
}

/**
 * fd_token_store_kind_describe:
 *
 * Returns: where a secret is, in words: "the desktop keyring" …
 */
const char *
fd_token_store_kind_describe (FdTokenStoreKind kind)
{
  switch (kind)
    {
    case FD_TOKEN_STORE_KEYRING:
      return _("the desktop keyring");
    case FD_TOKEN_STORE_FILE:
      return _("a file only you can read");
    case FD_TOKEN_STORE_NONE:
    default:
      return _("nowhere");
    }
}

/*
 * The keyring, with a time limit
 */

typedef struct
{
  GCancellable *cancellable;
  GMutex        mutex;
  GCond         cond;
  gboolean      finished;
  GThread      *thread;
} Deadline;

static gpointer
deadline_thread (gpointer data)
{
  Deadline *deadline = data;
  gint64 end = g_get_monotonic_time () + KEYRING_TIMEOUT_US;

  g_mutex_lock (&deadline->mutex);
  while (!deadline->finished && g_cond_wait_until (&deadline->cond, &deadline->mutex, end))
    ;
  if (!deadline->finished)
    g_cancellable_cancel (deadline->cancellable);
  g_mutex_unlock (&deadline->mutex);

  return NULL;
}

static void
deadline_start (Deadline *deadline)
{
  deadline->cancellable = g_cancellable_new ();
  g_mutex_init (&deadline->mutex);
  g_cond_init (&deadline->cond);
  deadline->finished = FALSE;
  deadline->thread = g_thread_new ("fd-keyring-deadline", deadline_thread, deadline);
}

static void
deadline_stop (Deadline *deadline)
{
  g_mutex_lock (&deadline->mutex);
  deadline->finished = TRUE;
  g_cond_signal (&deadline->cond);
  g_mutex_unlock (&deadline->mutex);

  g_thread_join (deadline->thread);
  g_clear_object (&deadline->cancellable);
  g_mutex_clear (&deadline->mutex);
  g_cond_clear (&deadline->cond);
}

static gboolean
keyring_usable (FdTokenStore *self)
{
  return self->mode != FD_TOKEN_STORE_MODE_FILE && !g_atomic_int_get (&self->keyring_broken);
}

static void
keyring_failed (FdTokenStore *self,
                GError       *error)
{
  /* One failure (no Secret Service, a prompt that timed out) and the rest
   * of this process uses the file; asking again would stall every call. */
  g_debug ("The keyring is not usable: %s", error ? error->message : "unknown");
  if (self->mode == FD_TOKEN_STORE_MODE_AUTO)
    g_atomic_int_set (&self->keyring_broken, TRUE);
}

static GHashTable *
attributes (const char *kind,
            const char *account_id,
            const char *graph_url)
{
  GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (table, (char *)"kind", (char *)kind);
  g_hash_table_insert (table, (char *)"account", (char *)account_id);
  g_hash_table_insert (table, (char *)"graph-url", (char *)graph_url);

  return table;
}

/* Whether the default collection exists and is unlocked, found out without
 * prompting. A keyring that would have to ask for a password first (a fresh
 * or locked one, as in a session without a login keyring) is treated like
 * a missing one: a command line must not wait on a dialog nobody sees. */
static gboolean
keyring_ready (GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(SecretService) service = NULL;
  g_autoptr(SecretCollection) collection = NULL;

  service = secret_service_get_sync (SECRET_SERVICE_LOAD_COLLECTIONS, cancellable, error);
  if (service == NULL)
    return FALSE;

  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                 SECRET_COLLECTION_NONE, cancellable, error);
  if (collection == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_IO,
                     _("The desktop keyring has no default collection yet."));
      return FALSE;
    }

  if (secret_collection_get_locked (collection))
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_IO,
                   _("The desktop keyring is locked."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
keyring_save (const char  *kind,
              const char  *account_id,
              const char  *graph_url,
              const char  *secret,
              GError     **error)
{
  g_autoptr(GHashTable) attrs = attributes (kind, account_id, graph_url);
  g_autofree char *label = g_strdup_printf (_("Flightdeck %s for %s (%s)"), kind, account_id, graph_url);
  Deadline deadline;
  gboolean ok;

  deadline_start (&deadline);
  ok = keyring_ready (deadline.cancellable, error) &&
       secret_password_storev_sync (&secret_schema, attrs, SECRET_COLLECTION_DEFAULT, label,
                                    secret, deadline.cancellable, error);
  deadline_stop (&deadline);

  return ok;
}

static char *
keyring_lookup (const char  *kind,
                const char  *account_id,
                const char  *graph_url,
                GError     **error)
{
  g_autoptr(GHashTable) attrs = attributes (kind, account_id, graph_url);
  Deadline deadline;
  char *secret;
  char *copy;

  deadline_start (&deadline);
  secret = secret_password_lookupv_sync (&secret_schema, attrs, deadline.cancellable, error);
  deadline_stop (&deadline);

  copy = g_strdup (secret);
  secret_password_free (secret);
  return copy;
}

static gboolean
keyring_delete (const char  *kind,
                const char  *account_id,
                const char  *graph_url,
                GError     **error)
{
  g_autoptr(GHashTable) attrs = attributes (kind, account_id, graph_url);
  g_autoptr(GError) local_error = NULL;
  Deadline deadline;

  deadline_start (&deadline);
  secret_password_clearv_sync (&secret_schema, attrs, deadline.cancellable, &local_error);
  deadline_stop (&deadline);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/*
 * The file
 */

static char *
file_path (FdTokenStore *self,
           const char   *kind,
           const char   *account_id,
           const char   *graph_url)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, graph_url, -1);
  g_autofree char *name = NULL;

  hash[12] = '\0';
  name = g_strdup_printf ("%s-%s-%s", kind, account_id, hash);
  g_strcanon (name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-", '_');

  return g_build_filename (self->file_dir, name, NULL);
}

static gboolean
ensure_private_dir (const char  *dir,
                    GError     **error)
{
  GStatBuf st;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_IO,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (errno));
      return FALSE;
    }

  /* An existing folder others can read is tightened, not trusted. */
  if (g_stat (dir, &st) == 0 && (st.st_mode & 0077) != 0 && g_chmod (dir, 0700) != 0)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_IO,
                   _("The folder “%s” can be read by others and could not be made private: %s"),
                   dir, g_strerror (errno));
      return FALSE;
    }

  return TRUE;
}

static gboolean
file_save (FdTokenStore  *self,
           const char    *path,
           const char    *secret,
           GError       **error)
{
  if (!ensure_private_dir (self->file_dir, error))
    return FALSE;

  return g_file_set_contents_full (path, secret, -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_ONLY_EXISTING,
                                   0600, error);
}

static char *
file_lookup (const char  *path,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *contents = NULL;
  GStatBuf st;

  if (!g_file_get_contents (path, &contents, NULL, &local_error))
    {
      if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (g_stat (path, &st) == 0 && (st.st_mode & 0077) != 0)
    {
      g_warning ("%s was readable by others; making it private", path);
      g_chmod (path, 0600);
    }

  return g_strstrip (contents);
}

/*
 * Public API
 */

/**
 * fd_token_store_save:
 * @kind: %FD_SECRET_TOKEN or %FD_SECRET_APP_SECRET
 * @account_id: "act_…"
 * @graph_url: the Graph host the secret is for
 * @used: (out) (optional): where the secret went
 *
 * Stores a secret, replacing the previous one. In the automatic mode a
 * keyring that fails sends the secret to the file, and the copy left in
 * the other store, if any, is removed.
 */
gboolean
fd_token_store_save (FdTokenStore      *self,
                     const char        *kind,
                     const char        *account_id,
                     const char        *graph_url,
                     const char        *secret,
                     FdTokenStoreKind  *used,
                     GError           **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) keyring_error = NULL;

  g_return_val_if_fail (FD_IS_TOKEN_STORE (self), FALSE);
  g_return_val_if_fail (kind && account_id && graph_url && secret, FALSE);

  path = file_path (self, kind, account_id, graph_url);

  if (keyring_usable (self))
    {
      if (keyring_save (kind, account_id, graph_url, secret, &keyring_error))
        {
          g_unlink (path);
          if (used)
            *used = FD_TOKEN_STORE_KEYRING;
          return TRUE;
        }

      if (self->mode == FD_TOKEN_STORE_MODE_KEYRING)
        {
          g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_IO,
                       _("The token could not be stored in the desktop keyring: %s"),
                       keyring_error->message);
          return FALSE;
        }
      keyring_failed (self, keyring_error);
    }

  if (!file_save (self, path, secret, error))
    return FALSE;

  if (used)
    *used = FD_TOKEN_STORE_FILE;
  return TRUE;
}

/**
 * fd_token_store_lookup:
 * @found_in: (out) (optional): where the secret was found
 *
 * Returns: (transfer full) (nullable): the secret; %NULL with @error unset
 *   when none is stored
 */
char *
fd_token_store_lookup (FdTokenStore      *self,
                       const char        *kind,
                       const char        *account_id,
                       const char        *graph_url,
                       FdTokenStoreKind  *found_in,
                       GError           **error)
{
  g_autofree char *path = NULL;
  char *secret = NULL;

  g_return_val_if_fail (FD_IS_TOKEN_STORE (self), NULL);

  if (found_in)
    *found_in = FD_TOKEN_STORE_NONE;

  if (keyring_usable (self))
    {
      g_autoptr(GError) keyring_error = NULL;

      secret = keyring_lookup (kind, account_id, graph_url, &keyring_error);
      if (secret != NULL)
        {
          if (found_in)
            *found_in = FD_TOKEN_STORE_KEYRING;
          return secret;
        }

      if (keyring_error != NULL)
        {
          if (self->mode == FD_TOKEN_STORE_MODE_KEYRING)
            {
              g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_IO,
                           _("The desktop keyring could not be read: %s"), keyring_error->message);
              return NULL;
            }
          keyring_failed (self, keyring_error);
        }
    }

  if (self->mode == FD_TOKEN_STORE_MODE_KEYRING)
    return NULL;

  path = file_path (self, kind, account_id, graph_url);
  secret = file_lookup (path, error);
  if (secret != NULL && found_in)
    *found_in = FD_TOKEN_STORE_FILE;

  return secret;
}

/**
 * fd_token_store_delete:
 *
 * Removes the secret from both stores.
 */
gboolean
fd_token_store_delete (FdTokenStore  *self,
                       const char    *kind,
                       const char    *account_id,
                       const char    *graph_url,
                       GError       **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (FD_IS_TOKEN_STORE (self), FALSE);

  if (keyring_usable (self))
    {
      g_autoptr(GError) keyring_error = NULL;

      if (!keyring_delete (kind, account_id, graph_url, &keyring_error))
        {
          if (self->mode == FD_TOKEN_STORE_MODE_KEYRING)
            {
              g_propagate_error (error, g_steal_pointer (&keyring_error));
              return FALSE;
            }
          keyring_failed (self, keyring_error);
        }
    }

  path = file_path (self, kind, account_id, graph_url);
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_IO,
                   _("Could not remove “%s”: %s"), path, g_strerror (errno));
      return FALSE;
    }

  return TRUE;
}
