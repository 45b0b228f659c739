/* fd-media-error.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FD_MEDIA_ERROR (fd_media_error_quark ())

/**
 * FdMediaError:
 * @FD_MEDIA_ERROR_FAILED: anything not covered below
 * @FD_MEDIA_ERROR_EMPTY: the file has no bytes
 * @FD_MEDIA_ERROR_NOT_MEDIA: the file is not a video or an image
 * @FD_MEDIA_ERROR_CORRUPT: the file is damaged or cut short
 * @FD_MEDIA_ERROR_UNSUPPORTED: no decoder for its format is installed
 * @FD_MEDIA_ERROR_NO_PICTURE: the file has sound but no picture
 * @FD_MEDIA_ERROR_TIMEOUT: reading the file took too long
 *
 * Errors of the media layer; messages say what is wrong with the file.
 */
typedef enum
{
  FD_MEDIA_ERROR_FAILED,
  FD_MEDIA_ERROR_EMPTY,
  FD_MEDIA_ERROR_NOT_MEDIA,
  FD_MEDIA_ERROR_CORRUPT,
  FD_MEDIA_ERROR_UNSUPPORTED,
  FD_MEDIA_ERROR_NO_PICTURE,
  FD_MEDIA_ERROR_TIMEOUT,
} FdMediaError;

GQuark fd_media_error_quark (void);

G_END_DECLS
