/* fd-asset-page-rows.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-asset-page"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-asset-page-private.h"
#include "fd-board-format.h"

/* The rows of the asset page's lists. Row titles and subtitles are markup,
 * so everything that comes from people (names, notes, feedback) is
 * escaped. */

#define SHORT_SHA 12
#define EXCERPT_CHARS 90

static char *
escape (const char *text)
{
  return g_markup_escape_text (text ? text : "", -1);
}

/* A person's words, in quotes unless they brought their own. */
static char *
quote (const char *text)
{
  g_autofree char *escaped = escape (text);

  if (g_str_has_prefix (text, "“") || g_str_has_prefix (text, "\"") || g_str_has_prefix (text, "«"))
    return g_steal_pointer (&escaped);

  /* Translators: someone's words, quoted */
  return g_strdup_printf (_("“%s”"), escaped);
}

static GtkWidget *
tag (const char *text,
     const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "tag");
  gtk_widget_add_css_class (label, "caption-heading");
  if (style != NULL)
    gtk_widget_add_css_class (label, style);

  return label;
}

static char *
excerpt (const char *text)
{
  g_autofree char *flat = g_strdup (text ? text : "");
  glong length;

  g_strdelimit (flat, "\n\r\t", ' ');
  length = g_utf8_strlen (flat, -1);
  if (length <= EXCERPT_CHARS)
    return g_steal_pointer (&flat);

  *g_utf8_offset_to_pointer (flat, EXCERPT_CHARS) = '\0';
  return g_strconcat (g_strchomp (flat), "…", NULL);
}

static char *
describe_content (FdAssetVersion *version)
{
  const FdMediaInfo *info = fd_asset_version_get_media_info (version);
  const char *text = fd_asset_version_get_text (version);

  if (info != NULL)
    return fd_media_info_describe (info);

  if (text != NULL)
    {
      g_autofree char *quoted = excerpt (text);
      glong n = g_utf8_strlen (text, -1);

      /* Translators: a text version: its opening words, then its length */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "“%s” · %ld character",
                                           "“%s” · %ld characters", n),
                              quoted, n);
    }

  return g_strdup ("");
}

static void
add_version_tags (AdwActionRow   *row,
                  FdAssetVersion *version,
                  FdAsset        *asset)
{
  gint64 number = fd_asset_version_get_number (version);
  FdAssetState state = fd_asset_get_state (asset);

  if (number == fd_asset_get_review_version (asset))
    {
      if (state == FD_ASSET_STATE_APPROVED || state == FD_ASSET_STATE_UPLOADED)
        adw_action_row_add_suffix (row, tag (state == FD_ASSET_STATE_UPLOADED ? _("Uploaded")
                                                                              : _("Approved"),
                                             "success"));
      else if (state == FD_ASSET_STATE_IN_REVIEW)
        adw_action_row_add_suffix (row, tag (_("In review"), "accent"));
      else if (state == FD_ASSET_STATE_REVISION_REQUESTED)
        adw_action_row_add_suffix (row, tag (_("Changes requested"), "warning"));
    }

  if (number == fd_asset_get_version (asset))
    adw_action_row_add_suffix (row, tag (_("Current"), NULL));
}

/**
 * _fd_asset_page_version_row:
 * @compare_with: the version shown in the preview
 *
 * Returns: (transfer floating): the row of one version
 */
GtkWidget *
_fd_asset_page_version_row (FdAssetVersion *version,
                            FdAsset        *asset,
                            gboolean        can_compare,
                            gint64          compare_with)
{
  gint64 number = fd_asset_version_get_number (version);
  const char *sha = fd_asset_version_get_sha256 (version);
  const char *note = fd_asset_version_get_note (version);
  g_autofree char *title = NULL;
  g_autofree char *by = escape (fd_asset_version_get_created_by_name (version));
  g_autofree char *when = fd_board_format_time (fd_asset_version_get_created_us (version));
  g_autofree char *content = describe_content (version);
  g_autofree char *content_escaped = escape (content);
  g_autofree char *note_quoted = note ? quote (note) : NULL;
  g_autofree char *short_sha = g_strndup (sha ? sha : "", SHORT_SHA);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sha_label;
  GtkWidget *copy;

  /* Translators: a row of the version list, as in "Version 3" */
  title = g_strdup_printf (_("Version %lld"), (long long)number);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

  /* Translators: who added a version, and when */
  g_string_append_printf (subtitle, _("%s · %s"), by, when);
  if (note != NULL && *note != '\0')
    g_string_append_printf (subtitle, "\n%s", note_quoted);
  if (*content != '\0')
    g_string_append_printf (subtitle, "\n%s", content_escaped);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);

  add_version_tags (ADW_ACTION_ROW (row), version, asset);

  sha_label = gtk_label_new (short_sha);
  gtk_widget_add_css_class (sha_label, "monospace");
  gtk_widget_add_css_class (sha_label, "caption");
  gtk_widget_add_css_class (sha_label, "dim-label");
  gtk_widget_set_valign (sha_label, GTK_ALIGN_CENTER);
  /* Translators: the tooltip of a version's hash */
  gtk_widget_set_tooltip_text (sha_label, sha);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sha_label);

  copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (copy, "flat");
  gtk_widget_set_tooltip_text (copy, _("Copy SHA-256"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (copy), "page.copy-sha");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (copy), "s", sha ? sha : "");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), copy);

  if (can_compare && number != compare_with && compare_with > 0)
    {
      g_autofree char *label = NULL;
      GtkWidget *compare;

      /* Translators: compares this version with another, as in "Compare with v3" */
      label = g_strdup_printf (_("Compare with v%lld"), (long long)compare_with);
      compare = gtk_button_new_with_label (label);
      gtk_widget_set_valign (compare, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (compare), "page.compare");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (compare), "x", number);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), compare);
    }

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "fd-version", GINT_TO_POINTER ((int)number));

  return row;
}

/**
 * _fd_asset_page_row_version:
 *
 * Returns: the version number of a row made by _fd_asset_page_version_row()
 */
gint64
_fd_asset_page_row_version (GtkListBoxRow *row)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "fd-version"));
}

/**
 * _fd_asset_page_reviewer_row:
 *
 * Returns: (transfer floating): a reviewer of the round, and their decision
 */
GtkWidget *
_fd_asset_page_reviewer_row (FdAssetReviewer *reviewer,
                             gint64           version)
{
  FdReviewDecision decision = fd_asset_reviewer_get_decision (reviewer);
  const char *feedback = fd_asset_reviewer_get_feedback (reviewer);
  gint64 decided = fd_asset_reviewer_get_decided_us (reviewer);
  g_autofree char *name = escape (fd_asset_reviewer_get_name (reviewer));
  g_autofree char *when = decided ? fd_board_format_time (decided) : NULL;
  g_autofree char *feedback_quoted = feedback ? quote (feedback) : NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *dot = fd_board_decision_dot_new (decision);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);

  g_string_append (subtitle, fd_asset_reviewer_get_required (reviewer) ? _("Required") : _("Optional"));
  g_string_append (subtitle, " · ");
  switch (decision)
    {
    case FD_REVIEW_DECISION_APPROVED:
      /* Translators: a reviewer's decision on the asset page */
      g_string_append_printf (subtitle, _("approved version %lld"), (long long)version);
      break;
    case FD_REVIEW_DECISION_CHANGES_REQUESTED:
      g_string_append (subtitle, _("requested changes"));
      break;
    case FD_REVIEW_DECISION_NONE:
    case FD_REVIEW_DECISION_COMMENT:
    default:
      g_string_append (subtitle, _("no decision yet"));
      break;
    }
  if (when != NULL)
    g_string_append_printf (subtitle, " · %s", when);
  if (feedback != NULL && *feedback != '\0')
    g_string_append_printf (subtitle, "\n%s", feedback_quoted);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_image_set_pixel_size (GTK_IMAGE (dot), 16);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), dot);

  return row;
}

/**
 * _fd_asset_page_history_row:
 *
 * Returns: (transfer floating): one event of the asset's history
 */
GtkWidget *
_fd_asset_page_history_row (FdAuditEvent *event,
                            const char   *description,
                            const char   *actor)
{
  g_autofree char *title = escape (description);
  g_autofree char *who = escape (actor);
  g_autofree char *when = fd_board_format_time (fd_audit_event_get_at (event));
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  /* Translators: who did something, and when */
  subtitle = g_strdup_printf (_("%s · %s"), who, when);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

static void
add_detail (GtkListBox *list,
            const char *title,
            const char *value,
            const char *tooltip)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_tooltip_text (label, tooltip ? tooltip : value);
  gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_list_box_append (list, row);
}

/**
 * _fd_asset_page_fill_details:
 * @creator: (nullable): who created the asset, once the history says
 */
void
_fd_asset_page_fill_details (GtkListBox *list,
                             FdAsset    *asset,
                             const char *creator)
{
  g_autofree char *due = NULL;
  g_autofree char *created = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);

  if (asset == NULL)
    return;

  add_detail (list, _("Brief"), fd_asset_get_brief_title (asset)
                                ? fd_asset_get_brief_title (asset) : _("None"), NULL);

  if (fd_asset_get_due (asset) != 0)
    {
      due = fd_board_format_date (fd_asset_get_due (asset));
      add_detail (list, _("Due"), due,
                  fd_asset_get_due_from_brief (asset) ? _("The brief’s due date") : NULL);
    }

  if (fd_asset_get_campaign (asset) != NULL)
    add_detail (list, _("Planned Campaign"), fd_asset_get_campaign (asset), NULL);
  if (fd_asset_get_group_name (asset) != NULL)
    add_detail (list, _("Dynamic Creative"), fd_asset_get_group_name (asset), NULL);

  created = fd_board_format_date (fd_asset_get_created (asset));
  if (creator != NULL)
    {
      /* Translators: a date, then who created the asset */
      g_autofree char *text = g_strdup_printf (_("%s by %s"), created, creator);

      add_detail (list, _("Created"), text, NULL);
    }
  else
    add_detail (list, _("Created"), created, NULL);
}
