/* fd-test-util.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fd-test-util.h"

char *
fd_test_tmpdir_new (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("flightdeck-test-XXXXXX", &error);

  g_assert_no_error (error);
  return path;
}

gboolean
fd_test_delete_recursively (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      dir = g_dir_open (path, 0, NULL);
      while (dir && (name = g_dir_read_name (dir)))
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          fd_test_delete_recursively (child);
        }
      return g_rmdir (path) == 0;
    }

  return g_unlink (path) == 0;
}

void
fd_test_tmpdir_free (char *path)
{
  if (path == NULL)
    return;

  fd_test_delete_recursively (path);
  g_free (path);
}

/**
 * fd_test_spin:
 * @ms: how long
 *
 * Runs the default main context for @ms milliseconds, without blocking
 * in it (players and paintables deliver through it).
 */
void
fd_test_spin (int ms)
{
  gint64 end = g_get_monotonic_time () + (gint64)ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/**
 * fd_test_run_cli:
 * @workspace: (nullable): passed as --workspace
 * @exit_status: (out): the exit status
 * @err: (inout) (optional): what it wrote on stderr; a string left there
 *   by an earlier call is freed, so one variable can serve many calls
 * @...: the arguments, %NULL-terminated
 *
 * Runs flightdeck-cli (from $FLIGHTDECK_CLI) and waits for it.
 *
 * Returns: (transfer full): what it wrote on stdout
 */
char *
fd_test_run_cli (const char  *workspace,
                 int         *exit_status,
                 char       **err,
                 ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *errout = NULL;
  const char *cli = g_getenv ("FLIGHTDECK_CLI");
  const char *arg;
  va_list args;

  g_assert_nonnull (cli);

  g_ptr_array_add (argv, (char *)cli);
  if (workspace != NULL)
    {
      g_ptr_array_add (argv, (char *)"--workspace");
      g_ptr_array_add (argv, (char *)workspace);
    }

  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *)argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &errout, &error);
  g_assert_no_error (error);

  *exit_status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  if (err)
    {
      g_free (*err);
      *err = g_steal_pointer (&errout);
    }

  return g_steal_pointer (&out);
}
