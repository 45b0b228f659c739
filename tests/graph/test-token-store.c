/* test-token-store.c: tokens in the keyring, or in a private file where no
 * keyring runs — never in a workspace
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libsecret/secret.h>
#include <sys/stat.h>

#include "fd-test-util.h"
#include "fd-token-store.h"
#include "graph-test-util.h"

static guint
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static void
test_file_store (void)
{
  g_autoptr(FdTokenStore) tokens = fd_token_store_new_full (FD_TOKEN_STORE_MODE_FILE, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_dir = g_build_filename (g_get_user_data_dir (), "flightdeck", "tokens", NULL);
  g_autofree char *found = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  FdTokenStoreKind used = FD_TOKEN_STORE_NONE;
  FdTokenStoreKind where = FD_TOKEN_STORE_NONE;
  guint files = 0;

  g_assert_cmpstr (fd_token_store_get_file_dir (tokens), ==, expected_dir);

  /* Nothing stored yet: no token, no error. */
  found = fd_token_store_lookup (tokens, FD_SECRET_TOKEN, "act_1", "https://graph.facebook.com", &where, &error);
  g_assert_no_error (error);
  g_assert_null (found);
  g_assert_cmpint (where, ==, FD_TOKEN_STORE_NONE);

  g_assert_true (fd_token_store_save (tokens, FD_SECRET_TOKEN, "act_1", "https://graph.facebook.com",
                                      "EAAFirst", &used, &error));
  g_assert_no_error (error);
  g_assert_cmpint (used, ==, FD_TOKEN_STORE_FILE);
  g_assert_true (fd_token_store_save (tokens, FD_SECRET_TOKEN, "act_1", "http://127.0.0.1:1",
                                      "EAAOtherHost", NULL, &error));
  g_assert_true (fd_token_store_save (tokens, FD_SECRET_APP_SECRET, "act_1", "https://graph.facebook.com",
                                      "appsecret", NULL, &error));
  /* Replacing keeps one file. */
  g_assert_true (fd_token_store_save (tokens, FD_SECRET_TOKEN, "act_1", "https://graph.facebook.com",
                                      "EAASecond", NULL, &error));
  g_assert_no_error (error);

  found = fd_token_store_lookup (tokens, FD_SECRET_TOKEN, "act_1", "https://graph.facebook.com", &where, &error);
  g_assert_cmpstr (found, ==, "EAASecond");
  g_assert_cmpint (where, ==, FD_TOKEN_STORE_FILE);
  g_clear_pointer (&found, g_free);
  found = fd_token_store_lookup (tokens, FD_SECRET_TOKEN, "act_1", "http://127.0.0.1:1", NULL, &error);
  g_assert_cmpstr (found, ==, "EAAOtherHost");
  g_clear_pointer (&found, g_free);

  /* Only the user can read them. */
  g_assert_cmpuint (mode_of (expected_dir), ==, 0700);
  dir = g_dir_open (expected_dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (expected_dir, name, NULL);

      g_assert_cmpuint (mode_of (path), ==, 0600);
      files++;
    }
  g_assert_cmpuint (files, ==, 3);

  g_assert_true (fd_token_store_delete (tokens, FD_SECRET_TOKEN, "act_1", "https://graph.facebook.com", &error));
  g_assert_no_error (error);
  found = fd_token_store_lookup (tokens, FD_SECRET_TOKEN, "act_1", "https://graph.facebook.com", NULL, &error);
  g_assert_null (found);
  g_assert_no_error (error);
}

static void
test_file_store_tightens (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "loose", NULL);
  g_autoptr(FdTokenStore) tokens = fd_token_store_new_full (FD_TOKEN_STORE_MODE_FILE, dir);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_assert_true (fd_token_store_save (tokens, FD_SECRET_TOKEN, "act_2", "x", "EAA", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mode_of (dir), ==, 0700);
}

/* Where no Secret Service answers, the automatic mode says so by using the
 * file. */
static void
test_no_keyring_falls_back (void)
{
  g_autofree char *bus = g_strdup (g_getenv ("DBUS_SESSION_BUS_ADDRESS"));
  g_autoptr(FdTokenStore) tokens = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;
  FdTokenStoreKind used = FD_TOKEN_STORE_NONE;

  if (g_test_subprocess ())
    {
      g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/flightdeck-test-bus", TRUE);
      tokens = fd_token_store_new_full (FD_TOKEN_STORE_MODE_AUTO, NULL);
      g_assert_true (fd_token_store_save (tokens, FD_SECRET_TOKEN, "act_3", "x", "EAAFallback", &used, &error));
      g_assert_no_error (error);
      g_assert_cmpint (used, ==, FD_TOKEN_STORE_FILE);
      found = fd_token_store_lookup (tokens, FD_SECRET_TOKEN, "act_3", "x", NULL, &error);
      g_assert_cmpstr (found, ==, "EAAFallback");
      return;
    }

  g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/*
 * The desktop keyring: a private session bus and its own
 * gnome-keyring-daemon, unlocked with a password on standard input.
 */

static gboolean
secrets_on_bus (gpointer data)
{
  GDBusConnection *bus = data;
  g_autoptr(GVariant) reply = NULL;
  gboolean has = FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", "org.freedesktop.secrets"),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, 1000, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &has);

  return has;
}

static void
test_keyring (void)
{
  g_autoptr(GSubprocess) dbus = NULL;
  g_autoptr(GSubprocess) daemon = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(FdTokenStore) tokens = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *daemon_path = g_find_program_in_path ("gnome-keyring-daemon");
  g_autofree char *runtime = g_build_filename (g_get_user_runtime_dir (), "keyring-test", NULL);
  g_autofree char *data_home = g_build_filename (g_get_user_data_dir (), "keyring-home", NULL);
  g_autofree char *found = NULL;
  g_autoptr(GDir) dir = NULL;
  FdTokenStoreKind used = FD_TOKEN_STORE_NONE;
  FdTokenStoreKind where = FD_TOKEN_STORE_NONE;
  gint64 deadline;

  if (!g_test_subprocess ())
    {
      g_autofree char *dbus_daemon = g_find_program_in_path ("dbus-daemon");

      if (daemon_path == NULL || dbus_daemon == NULL)
        {
          g_test_skip ("gnome-keyring-daemon or dbus-daemon is not installed");
          return;
        }
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  /* A private bus: the test run's shared one must not get a keyring
   * daemon that writes into anyone's home. */
  dbus = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                           "dbus-daemon", "--session", "--nofork", "--print-address", NULL);
  g_assert_no_error (error);
  {
    g_autoptr(GDataInputStream) lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (dbus));
    g_autofree char *address = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (address);
    g_setenv ("DBUS_SESSION_BUS_ADDRESS", address, TRUE);
  }

  g_mkdir_with_parents (runtime, 0700);
  g_mkdir_with_parents (data_home, 0700);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", runtime, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS", g_getenv ("DBUS_SESSION_BUS_ADDRESS"), TRUE);
  daemon = g_subprocess_launcher_spawn (launcher, &error, daemon_path, "--foreground", "--unlock",
                                        "--components=secrets", NULL);
  g_assert_no_error (error);
  g_output_stream_write_all (g_subprocess_get_stdin_pipe (daemon), "test-password", 13, NULL, NULL, &error);
  g_output_stream_close (g_subprocess_get_stdin_pipe (daemon), NULL, NULL);
  g_assert_no_error (error);

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!secrets_on_bus (bus))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (50000);
    }

  tokens = fd_token_store_new_full (FD_TOKEN_STORE_MODE_AUTO, NULL);
  g_assert_true (fd_token_store_save (tokens, FD_SECRET_TOKEN, "act_9", "https://graph.facebook.com",
                                      "EAAKeyringToken", &used, &error));
  g_assert_no_error (error);
  g_assert_cmpint (used, ==, FD_TOKEN_STORE_KEYRING);

  found = fd_token_store_lookup (tokens, FD_SECRET_TOKEN, "act_9", "https://graph.facebook.com", &where, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, "EAAKeyringToken");
  g_assert_cmpint (where, ==, FD_TOKEN_STORE_KEYRING);

  /* Nothing on disk in Flightdeck's own folder. */
  dir = g_dir_open (fd_token_store_get_file_dir (tokens), 0, NULL);
  g_assert_true (dir == NULL || g_dir_read_name (dir) == NULL);

  g_assert_true (fd_token_store_delete (tokens, FD_SECRET_TOKEN, "act_9", "https://graph.facebook.com", &error));
  g_assert_no_error (error);
  g_clear_pointer (&found, g_free);
  found = fd_token_store_lookup (tokens, FD_SECRET_TOKEN, "act_9", "https://graph.facebook.com", NULL, &error);
  g_assert_null (found);

  g_clear_object (&tokens);
  secret_service_disconnect ();
  g_subprocess_force_exit (daemon);
  g_subprocess_wait (daemon, NULL, NULL);
  g_subprocess_force_exit (dbus);
  g_subprocess_wait (dbus, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  graph_test_init (&argc, &argv);

  g_test_add_func ("/token-store/file", test_file_store);
  g_test_add_func ("/token-store/file-tightens", test_file_store_tightens);
  g_test_add_func ("/token-store/no-keyring-falls-back", test_no_keyring_falls_back);
  g_test_add_func ("/token-store/keyring", test_keyring);

  return g_test_run ();
}
