/* fd-review-ask.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/**
 * FdReviewAskFunc:
 * @text: what was written, trimmed and never empty
 *
 * Called once the person accepts the dialog.
 */
typedef void (*FdReviewAskFunc) (const char *text,
                                 gpointer    user_data);

void fd_review_ask_text (GtkWidget       *widget,
                         const char      *heading,
                         const char      *body,
                         const char      *accept,
                         const char      *label,
                         FdReviewAskFunc  func,
                         gpointer         user_data,
                         GDestroyNotify   destroy);

G_END_DECLS
