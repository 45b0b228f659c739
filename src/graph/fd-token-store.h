/* fd-token-store.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * FdTokenStoreKind:
 * @FD_TOKEN_STORE_NONE: nowhere (not found)
 * @FD_TOKEN_STORE_KEYRING: the desktop keyring (Secret Service, libsecret)
 * @FD_TOKEN_STORE_FILE: a file only the user can read, under
 *   $XDG_DATA_HOME/flightdeck/tokens/ — never inside a workspace folder,
 *   which people copy and share
 */
typedef enum
{
  FD_TOKEN_STORE_NONE,
  FD_TOKEN_STORE_KEYRING,
  FD_TOKEN_STORE_FILE,
} FdTokenStoreKind;

/**
 * FdTokenStoreMode:
 * @FD_TOKEN_STORE_MODE_AUTO: the keyring, or the file where no keyring runs
 * @FD_TOKEN_STORE_MODE_KEYRING: the keyring only
 * @FD_TOKEN_STORE_MODE_FILE: the file only
 */
typedef enum
{
  FD_TOKEN_STORE_MODE_AUTO,
  FD_TOKEN_STORE_MODE_KEYRING,
  FD_TOKEN_STORE_MODE_FILE,
} FdTokenStoreMode;

/* What a secret is. */
#define FD_SECRET_TOKEN      "token"
#define FD_SECRET_APP_SECRET "app-secret"

#define FD_TYPE_TOKEN_STORE (fd_token_store_get_type ())

G_DECLARE_FINAL_TYPE (FdTokenStore, fd_token_store, FD, TOKEN_STORE, GObject)

FdTokenStore     *fd_token_store_new           (void);
FdTokenStore     *fd_token_store_new_full      (FdTokenStoreMode   mode,
                                                const char        *file_dir);
const char       *fd_token_store_get_file_dir  (FdTokenStore      *self);
gboolean          fd_token_store_save          (FdTokenStore      *self,
                                                const char        *kind,
                                                const char        *account_id,
                                                const char        *graph_url,
                                                const char        *secret,
                                                FdTokenStoreKind  *used,
                                                GError           **error);
char             *fd_token_store_lookup        (FdTokenStore      *self,
                                                const char        *kind,
                                                const char        *account_id,
                                                const char        *graph_url,
                                                FdTokenStoreKind  *found_in,
                                                GError           **error);
gboolean          fd_token_store_delete        (FdTokenStore      *self,
                                                const char        *kind,
                                                const char        *account_id,
                                                const char        *graph_url,
                                                GError           **error);
const char       *fd_token_store_kind_describe (FdTokenStoreKind   kind);

G_END_DECLS
