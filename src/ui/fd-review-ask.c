/* fd-review-ask.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-review-ask"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-review-ask.h"

/* The review pane asks for a few written things (a reply, the reason of
 * a placement override): a message dialog with a text area whose accept
 * button stays disabled while nothing but blanks is written, so nothing
 * unsaid reaches the audit log. */

typedef struct
{
  GtkTextBuffer   *buffer;
  FdReviewAskFunc  func;
  gpointer         user_data;
  GDestroyNotify   destroy;
} Ask;

static void
ask_free (Ask *ask)
{
  if (ask->destroy != NULL)
    ask->destroy (ask->user_data);
  g_clear_object (&ask->buffer);
  g_free (ask);
}

static char *
dup_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
on_text_changed (AdwMessageDialog *dialog)
{
  Ask *ask = g_object_get_data (G_OBJECT (dialog), "fd-review-ask");
  g_autofree char *text = dup_text (ask->buffer);

  adw_message_dialog_set_response_enabled (dialog, "ok", *text != '\0');
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response)
{
  Ask *ask = g_object_get_data (G_OBJECT (dialog), "fd-review-ask");
  g_autofree char *text = dup_text (ask->buffer);

  if (g_str_equal (response, "ok") && *text != '\0')
    ask->func (text, ask->user_data);
}

/**
 * fd_review_ask_text:
 * @widget: a widget of the window the dialog belongs to
 * @label: the accessible name of the text area
 * @func: called with the text when accepted
 *
 * Asks for a text in a modal dialog; @destroy frees @user_data once the
 * dialog is gone, accepted or not.
 */
void
fd_review_ask_text (GtkWidget       *widget,
                    const char      *heading,
                    const char      *body,
                    const char      *accept,
                    const char      *label,
                    FdReviewAskFunc  func,
                    gpointer         user_data,
                    GDestroyNotify   destroy)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  Ask *ask = g_new0 (Ask, 1);

  ask->func = func;
  ask->user_data = user_data;
  ask->destroy = destroy;
  ask->buffer = g_object_ref (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                      heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "ok", accept, NULL);
  adw_message_dialog_set_response_appearance (dialog, "ok", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "ok");
  adw_message_dialog_set_close_response (dialog, "cancel");

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 96);
  gtk_widget_add_css_class (scroller, "card");
  adw_message_dialog_set_extra_child (dialog, scroller);

  g_object_set_data_full (G_OBJECT (dialog), "fd-review-ask", ask, (GDestroyNotify)ask_free);
  g_signal_connect_object (ask->buffer, "changed", G_CALLBACK (on_text_changed), dialog,
                           G_CONNECT_SWAPPED);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), NULL);
  on_text_changed (dialog);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
}
