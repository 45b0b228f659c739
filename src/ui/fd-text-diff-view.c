/* fd-text-diff-view.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-text-diff-view"

#include "config.h"

#include <adwaita.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "fd-text-diff.h"
#include "fd-text-diff-view.h"

/* Two versions of a headline, primary text or script, shown as one text
 * with the removed words struck through on red and the added words
 * underlined on green (FdTextDiff). Colour is never the only cue: the
 * strike-through and underline survive a colour-blind reader and a
 * monochrome print. The tints are translucent so the text keeps the
 * theme's colour, readable in light and dark. */

struct _FdTextDiffView
{
  GtkWidget      parent_instance;

  GtkWidget     *summary;
  GtkWidget     *text_view;
  GtkTextTag    *deleted_tag;
  GtkTextTag    *inserted_tag;
};

G_DEFINE_FINAL_TYPE (FdTextDiffView, fd_text_diff_view, GTK_TYPE_WIDGET)

static void
update_tag_colors (FdTextDiffView *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA red = { 0.88, 0.11, 0.14, dark ? 0.35 : 0.18 };
  GdkRGBA green = { 0.15, 0.64, 0.41, dark ? 0.35 : 0.22 };

  g_object_set (self->deleted_tag, "background-rgba", &red, NULL);
  g_object_set (self->inserted_tag, "background-rgba", &green, NULL);
}

static void
fd_text_diff_view_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), FD_TYPE_TEXT_DIFF_VIEW);
  /* GTK 4.8 unparents only the children bound by name. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (fd_text_diff_view_parent_class)->dispose (object);
}

static void
fd_text_diff_view_class_init (FdTextDiffViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_text_diff_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/flightdeck/Flightdeck/media/fd-text-diff-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FdTextDiffView, summary);
  gtk_widget_class_bind_template_child (widget_class, FdTextDiffView, text_view);
  gtk_widget_class_set_css_name (widget_class, "fd-text-diff-view");
}

static void
fd_text_diff_view_init (FdTextDiffView *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  self->deleted_tag = gtk_text_buffer_create_tag (buffer, "deleted", "strikethrough", TRUE, NULL);
  self->inserted_tag = gtk_text_buffer_create_tag (buffer, "inserted",
                                                   "underline", PANGO_UNDERLINE_SINGLE, NULL);
  update_tag_colors (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_tag_colors), self, G_CONNECT_SWAPPED);
}

GtkWidget *
fd_text_diff_view_new (void)
{
  return g_object_new (FD_TYPE_TEXT_DIFF_VIEW, NULL);
}

/**
 * fd_text_diff_view_set_texts:
 * @old_text: (nullable): the earlier version
 * @new_text: (nullable): the later version
 */
void
fd_text_diff_view_set_texts (FdTextDiffView *self,
                             const char     *old_text,
                             const char     *new_text)
{
  g_autoptr(FdTextDiff) diff = NULL;
  g_autofree char *summary = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter end;

  g_return_if_fail (FD_IS_TEXT_DIFF_VIEW (self));

  diff = fd_text_diff_compute (old_text, new_text);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  gtk_text_buffer_set_text (buffer, "", 0);

  for (guint i = 0; i < diff->spans->len; i++)
    {
      const FdTextDiffSpan *span = g_ptr_array_index (diff->spans, i);

      gtk_text_buffer_get_end_iter (buffer, &end);
      /* A replaced word and its replacement would read as one word
       * ("rockWet"): a plain space keeps them apart. */
      if (span->kind == FD_TEXT_DIFF_INSERT && i > 0 && !g_ascii_isspace (span->text[0]))
        {
          const FdTextDiffSpan *before = g_ptr_array_index (diff->spans, i - 1);
          gsize len = strlen (before->text);

          if (before->kind == FD_TEXT_DIFF_DELETE && len > 0 && !g_ascii_isspace (before->text[len - 1]))
            {
              gtk_text_buffer_insert (buffer, &end, " ", 1);
              gtk_text_buffer_get_end_iter (buffer, &end);
            }
        }
      if (span->kind == FD_TEXT_DIFF_EQUAL)
        gtk_text_buffer_insert (buffer, &end, span->text, -1);
      else
        gtk_text_buffer_insert_with_tags (buffer, &end, span->text, -1,
                                          span->kind == FD_TEXT_DIFF_DELETE ? self->deleted_tag
                                                                            : self->inserted_tag,
                                          NULL);
    }

  summary = fd_text_diff_summarize (diff);
  gtk_label_set_label (GTK_LABEL (self->summary), summary);
}

/**
 * fd_text_diff_view_get_buffer:
 *
 * Returns: (transfer none): the buffer, with "deleted" and "inserted" tags
 */
GtkTextBuffer *
fd_text_diff_view_get_buffer (FdTextDiffView *self)
{
  g_return_val_if_fail (FD_IS_TEXT_DIFF_VIEW (self), NULL);
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
}

const char *
fd_text_diff_view_get_summary (FdTextDiffView *self)
{
  g_return_val_if_fail (FD_IS_TEXT_DIFF_VIEW (self), NULL);
  return gtk_label_get_label (GTK_LABEL (self->summary));
}
