/* fd-media-store.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-media-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "fd-core-error.h"
#include "fd-media-store.h"

/* Content-addressed files: media/ab/abcdef… where the name is the SHA-256 of
 * the bytes. A file is written to media/.incoming first, hashed as it is
 * copied, flushed, and then renamed into place, so a crash never leaves a
 * half-written file under a hash name. Stored files are made read-only; they
 * are never modified, and approval binds to their hash.
 *
 * The object holds only its root path and may be used from any thread. */

#define CHUNK_SIZE (1024 * 1024)

struct _FdMediaStore
{
  GObject  parent_instance;

  char    *root;
};

G_DEFINE_FINAL_TYPE (FdMediaStore, fd_media_store, G_TYPE_OBJECT)

static void
fd_media_store_finalize (GObject *object)
{
  FdMediaStore *self = (FdMediaStore *)object;

  g_free (self->root);

  G_OBJECT_CLASS (fd_media_store_parent_class)->finalize (object);
}

static void
fd_media_store_class_init (FdMediaStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fd_media_store_finalize;
}

static void
fd_media_store_init (FdMediaStore *self)
{
}

FdMediaStore *
fd_media_store_new (const char *root)
{
  FdMediaStore *self;

  g_return_val_if_fail (root != NULL, NULL);

  self = g_object_new (FD_TYPE_MEDIA_STORE, NULL);
  self->root = g_strdup (root);

  return self;
}

const char *
fd_media_store_get_root (FdMediaStore *self)
{
  g_return_val_if_fail (FD_IS_MEDIA_STORE (self), NULL);

  return self->root;
}

gboolean
fd_media_store_is_hash (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;

  for (const char *p = text; *p; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;

  return TRUE;
}

/**
 * fd_media_store_get_path:
 *
 * Returns: (transfer full): where the file with @sha256 lives (it may not
 *   exist)
 */
char *
fd_media_store_get_path (FdMediaStore *self,
                         const char   *sha256)
{
  char prefix[3];

  g_return_val_if_fail (FD_IS_MEDIA_STORE (self), NULL);
  g_return_val_if_fail (fd_media_store_is_hash (sha256), NULL);

  prefix[0] = sha256[0];
  prefix[1] = sha256[1];
  prefix[2] = '\0';

  return g_build_filename (self->root, prefix, sha256, NULL);
}

gboolean
fd_media_store_contains (FdMediaStore *self,
                         const char   *sha256)
{
  g_autofree char *path = fd_media_store_get_path (self, sha256);

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static void
set_io_error (GError     **error,
              int          errsv,
              const char  *path)
{
  if (errsv == ENOSPC || errsv == EDQUOT)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NO_SPACE,
                   _("The disk holding the workspace is full. Free some space "
                     "and try again; nothing was imported."));
      return;
    }

  g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_IO,
               _("Could not write “%s” in the workspace’s media folder: %s"),
               path, g_strerror (errsv));
}

static gboolean
write_all (int          fd,
           const void  *data,
           gsize        len,
           const char  *path,
           GError     **error)
{
  const guint8 *p = data;

  while (len > 0)
    {
      gssize n = write (fd, p, len);

      if (n < 0)
        {
          int errsv = errno;

          if (errsv == EINTR)
            continue;
          set_io_error (error, errsv, path);
          return FALSE;
        }
      p += n;
      len -= n;
    }

  return TRUE;
}

struct _FdMediaStaged
{
  char   *dir;
  char   *path;
  char   *name;
  char   *sha256;
  gint64  size;
};

/* Moves the finished temporary file to its hash name, or drops it when the
 * store already has those bytes. */
static char *
commit_incoming (FdMediaStore  *self,
                 const char    *tmp_path,
                 const char    *sha256,
                 gboolean      *was_new,
                 GError       **error)
{
  g_autofree char *sha = g_strdup (sha256);
  g_autofree char *final_path = fd_media_store_get_path (self, sha);
  g_autofree char *dir = g_path_get_dirname (final_path);

  if (g_file_test (final_path, G_FILE_TEST_IS_REGULAR))
    {
      g_unlink (tmp_path);
      if (was_new)
        *was_new = FALSE;
      return g_steal_pointer (&sha);
    }

  if (g_mkdir_with_parents (dir, 0755) != 0 ||
      g_chmod (tmp_path, 0444) != 0 ||
      g_rename (tmp_path, final_path) != 0)
    {
      int errsv = errno;

      g_unlink (tmp_path);
      set_io_error (error, errsv, final_path);
      return NULL;
    }

  if (was_new)
    *was_new = TRUE;
  return g_steal_pointer (&sha);
}

static char *
make_incoming_dir (FdMediaStore  *self,
                   GError       **error)
{
  g_autofree char *parent = g_build_filename (self->root, ".incoming", NULL);
  g_autofree char *dir = NULL;

  if (g_mkdir_with_parents (parent, 0755) != 0)
    {
      set_io_error (error, errno, parent);
      return NULL;
    }

  dir = g_build_filename (parent, "stage-XXXXXX", NULL);
  if (g_mkdtemp (dir) == NULL)
    {
      set_io_error (error, errno, parent);
      return NULL;
    }

  return g_steal_pointer (&dir);
}

static int
open_incoming (FdMediaStore  *self,
               char         **tmp_path,
               GError       **error)
{
  g_autofree char *dir = g_build_filename (self->root, ".incoming", NULL);
  int fd;

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      set_io_error (error, errno, dir);
      return -1;
    }

  *tmp_path = g_build_filename (dir, "import-XXXXXX", NULL);
  fd = g_mkstemp_full (*tmp_path, O_WRONLY, 0644);
  if (fd < 0)
    set_io_error (error, errno, dir);

  return fd;
}

/* Copies @input to @fd, hashing it on the way, and flushes it: the bytes
 * must be on disk before a name says they are there. */
static gboolean
copy_and_hash (GInputStream  *input,
               int            fd,
               const char    *tmp_path,
               GChecksum     *checksum,
               gint64        *size,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autofree guint8 *buffer = g_malloc (CHUNK_SIZE);
  gint64 total = 0;

  for (;;)
    {
      gssize n = g_input_stream_read (input, buffer, CHUNK_SIZE, cancellable, error);

      if (n < 0 || (n > 0 && !write_all (fd, buffer, n, tmp_path, error)))
        return FALSE;
      if (n == 0)
        break;

      g_checksum_update (checksum, buffer, n);
      total += n;
    }

  if (fsync (fd) != 0)
    {
      set_io_error (error, errno, tmp_path);
      return FALSE;
    }

  *size = total;
  return TRUE;
}

void
fd_media_staged_free (FdMediaStaged *staged)
{
  if (staged == NULL)
    return;

  if (staged->path != NULL)
    g_unlink (staged->path);
  if (staged->dir != NULL)
    g_rmdir (staged->dir);

  g_free (staged->dir);
  g_free (staged->path);
  g_free (staged->name);
  g_free (staged->sha256);
  g_free (staged);
}

/**
 * fd_media_store_stage_file:
 * @path: the file to import
 *
 * Copies @path into the store's incoming folder and hashes it, without
 * storing it yet. Check the copy (fd_media_staged_get_path()), then either
 * commit it with fd_media_store_commit_staged() or free it.
 *
 * Returns: (transfer full): the staged copy, or %NULL with @error set
 */
FdMediaStaged *
fd_media_store_stage_file (FdMediaStore  *self,
                           const char    *path,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(FdMediaStaged) staged = g_new0 (FdMediaStaged, 1);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) input = NULL;
  int fd;

  g_return_val_if_fail (FD_IS_MEDIA_STORE (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  if (!(input = g_file_read (file, cancellable, error)))
    return NULL;

  if (!(staged->dir = make_incoming_dir (self, error)))
    return NULL;

  staged->name = g_path_get_basename (path);
  staged->path = g_build_filename (staged->dir, staged->name, NULL);

  fd = g_open (staged->path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      set_io_error (error, errno, staged->path);
      return NULL;
    }

  if (!copy_and_hash (G_INPUT_STREAM (input), fd, staged->path, checksum,
                      &staged->size, cancellable, error))
    {
      close (fd);
      return NULL;
    }
  close (fd);

  staged->sha256 = g_strdup (g_checksum_get_string (checksum));
  return g_steal_pointer (&staged);
}

const char *
fd_media_staged_get_path (FdMediaStaged *staged)
{
  return staged->path;
}

/**
 * fd_media_staged_get_name:
 *
 * Returns: the name of the file that was staged ("hero-v3.mp4")
 */
const char *
fd_media_staged_get_name (FdMediaStaged *staged)
{
  return staged->name;
}

const char *
fd_media_staged_get_sha256 (FdMediaStaged *staged)
{
  return staged->sha256;
}

gint64
fd_media_staged_get_size (FdMediaStaged *staged)
{
  return staged->size;
}

/**
 * fd_media_store_commit_staged:
 * @was_new: (out) (optional): %FALSE when the same bytes were stored already
 *
 * Stores the staged copy under its hash (or drops it when those bytes are
 * stored already). The stage is used up either way; free it afterwards.
 *
 * Returns: (transfer full): the SHA-256, or %NULL with @error set
 */
char *
fd_media_store_commit_staged (FdMediaStore   *self,
                              FdMediaStaged  *staged,
                              gboolean       *was_new,
                              GError        **error)
{
  g_autofree char *tmp_path = NULL;

  g_return_val_if_fail (FD_IS_MEDIA_STORE (self), NULL);
  g_return_val_if_fail (staged != NULL && staged->path != NULL, NULL);

  tmp_path = g_steal_pointer (&staged->path);
  return commit_incoming (self, tmp_path, staged->sha256, was_new, error);
}

/**
 * fd_media_store_discard:
 *
 * Removes a stored file again. Only for undoing a commit whose database
 * record could not be written: stored files are otherwise never removed.
 */
void
fd_media_store_discard (FdMediaStore *self,
                        const char   *sha256)
{
  g_autofree char *path = fd_media_store_get_path (self, sha256);

  if (path != NULL)
    g_unlink (path);
}

/**
 * fd_media_store_import_file:
 * @path: the file to import
 * @size: (out) (optional): its size in bytes
 * @was_new: (out) (optional): %FALSE when the same bytes were stored already
 *
 * Copies @path into the store. Importing the same bytes twice stores them
 * once.
 *
 * Returns: (transfer full): the SHA-256 of the file, or %NULL with @error set
 */
char *
fd_media_store_import_file (FdMediaStore  *self,
                            const char    *path,
                            gint64        *size,
                            gboolean      *was_new,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(FdMediaStaged) staged = fd_media_store_stage_file (self, path, cancellable, error);

  if (staged == NULL)
    return NULL;

  if (size)
    *size = staged->size;

  return fd_media_store_commit_staged (self, staged, was_new, error);
}

/**
 * fd_media_store_import_bytes:
 *
 * Like fd_media_store_import_file() for bytes in memory.
 *
 * Returns: (transfer full): the SHA-256, or %NULL with @error set
 */
char *
fd_media_store_import_bytes (FdMediaStore  *self,
                             GBytes        *bytes,
                             gboolean      *was_new,
                             GError       **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *tmp_path = NULL;
  gconstpointer data;
  gsize len;
  int fd;

  g_return_val_if_fail (FD_IS_MEDIA_STORE (self), NULL);

  data = g_bytes_get_data (bytes, &len);
  g_checksum_update (checksum, data, len);

  if ((fd = open_incoming (self, &tmp_path, error)) < 0)
    return NULL;

  if (!write_all (fd, data, len, tmp_path, error) || fsync (fd) != 0)
    {
      if (error && *error == NULL)
        set_io_error (error, errno, tmp_path);
      close (fd);
      g_unlink (tmp_path);
      return NULL;
    }
  close (fd);

  return commit_incoming (self, tmp_path, g_checksum_get_string (checksum), was_new, error);
}

/**
 * fd_media_store_hash_file:
 * @size: (out) (optional): the size in bytes
 *
 * Returns: (transfer full): the lowercase hex SHA-256 of the file at @path
 */
char *
fd_media_store_hash_file (const char    *path,
                          gint64        *size,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) input = NULL;
  g_autofree guint8 *buffer = NULL;
  gint64 total = 0;

  if (!(input = g_file_read (file, cancellable, error)))
    return NULL;

  buffer = g_malloc (CHUNK_SIZE);

  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (input), buffer, CHUNK_SIZE,
                                      cancellable, error);
      if (n < 0)
        return NULL;
      if (n == 0)
        break;

      g_checksum_update (checksum, buffer, n);
      total += n;
    }

  if (size)
    *size = total;

  return g_strdup (g_checksum_get_string (checksum));
}

/**
 * fd_media_store_verify:
 *
 * Re-reads the stored file and checks that its bytes still hash to
 * @sha256. This is what binds an approval to exactly the approved bytes.
 *
 * Returns: %TRUE if the file is intact; otherwise %FALSE with
 *   %FD_CORE_ERROR_HASH_MISMATCH or %FD_CORE_ERROR_NOT_FOUND
 */
gboolean
fd_media_store_verify (FdMediaStore  *self,
                       const char    *sha256,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autofree char *path = NULL;
  g_autofree char *actual = NULL;

  g_return_val_if_fail (FD_IS_MEDIA_STORE (self), FALSE);

  if (!fd_media_store_is_hash (sha256))
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   _("“%s” is not a SHA-256 hash."), sha256 ? sha256 : "");
      return FALSE;
    }

  path = fd_media_store_get_path (self, sha256);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND,
                   _("The stored file %.12s… is missing from the workspace’s "
                     "media folder."),
                   sha256);
      return FALSE;
    }

  if (!(actual = fd_media_store_hash_file (path, NULL, cancellable, error)))
    return FALSE;

  if (!g_str_equal (actual, sha256))
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_HASH_MISMATCH,
                   _("The stored file %.12s… was changed on disk after it was "
                     "imported (it now hashes to %.12s…). It is not the "
                     "version that was approved."),
                   sha256, actual);
      return FALSE;
    }

  return TRUE;
}
