/* fd-board-format.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-board"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-board-format.h"
#include "fd-ui-util.h"

/* Long messages (a refused move says why and what would allow it) need
 * more than the default five seconds to be read. */
#define URGENT_TOAST_SECONDS 10

const char *
fd_board_kind_icon_name (FdAssetKind kind)
{
  switch (kind)
    {
    case FD_ASSET_KIND_VIDEO:
      return "camera-video-symbolic";
    case FD_ASSET_KIND_IMAGE:
      return "image-x-generic-symbolic";
    case FD_ASSET_KIND_HEADLINE:
      return "fd-headline-symbolic";
    case FD_ASSET_KIND_PRIMARY_TEXT:
      return "text-x-generic-symbolic";
    case FD_ASSET_KIND_SCRIPT:
      return "x-office-document-symbolic";
    case FD_ASSET_KIND_NONE:
    default:
      return "fd-board-symbolic";
    }
}

static gint
local_day (gint64 when_us)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_local (when_us / G_USEC_PER_SEC);
  GDate day;

  if (date == NULL)
    return 0;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (date), g_date_time_get_month (date),
                  g_date_time_get_year (date));
  return g_date_get_julian (&day);
}

static gint
days_from_today (gint64 when_us)
{
  return local_day (when_us) - local_day (g_get_real_time ());
}

/**
 * fd_board_due_of:
 *
 * Returns: how pressing @asset's due date is, in the local calendar
 */
FdBoardDue
fd_board_due_of (FdAsset *asset)
{
  gint64 due = fd_asset_get_due (asset);
  gint days;

  if (due == 0)
    return FD_BOARD_DUE_NONE;

  switch (fd_asset_get_state (asset))
    {
    case FD_ASSET_STATE_APPROVED:
    case FD_ASSET_STATE_UPLOADED:
    case FD_ASSET_STATE_ARCHIVED:
      return FD_BOARD_DUE_DONE;
    case FD_ASSET_STATE_NONE:
    case FD_ASSET_STATE_DRAFT:
    case FD_ASSET_STATE_IN_REVIEW:
    case FD_ASSET_STATE_REVISION_REQUESTED:
    default:
      break;
    }

  days = days_from_today (due);
  if (days < 0)
    return FD_BOARD_DUE_OVERDUE;
  if (days <= 2)
    return FD_BOARD_DUE_SOON;
  return FD_BOARD_DUE_LATER;
}

/**
 * fd_board_format_date:
 *
 * Returns: (transfer full): a day, short: "4 Mar", with the year when it
 *   is not this year's
 */
char *
fd_board_format_date (gint64 when_us)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_local (when_us / G_USEC_PER_SEC);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (date == NULL)
    return g_strdup ("");

  if (g_date_time_get_year (date) == g_date_time_get_year (now))
    /* Translators: a short date (strftime format), as in "4 Mar" */
    return g_date_time_format (date, C_("short date", "%-d %b"));

  /* Translators: a short date in another year (strftime format) */
  return g_date_time_format (date, C_("short date", "%-d %b %Y"));
}

/**
 * fd_board_format_time:
 *
 * Returns: (transfer full): a moment: "4 Mar, 14:05"
 */
char *
fd_board_format_time (gint64 when_us)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_local (when_us / G_USEC_PER_SEC);
  g_autofree char *day = fd_board_format_date (when_us);
  g_autofree char *time = NULL;

  if (date == NULL)
    return g_strdup ("");

  /* Translators: a time of day (strftime format) */
  time = g_date_time_format (date, C_("time of day", "%H:%M"));
  /* Translators: a day and a time, as in "4 Mar, 14:05" */
  return g_strdup_printf (C_("day and time", "%s, %s"), day, time);
}

/**
 * fd_board_format_due:
 *
 * Returns: (transfer full) (nullable): the due date as a card says it, or
 *   %NULL when there is none
 */
char *
fd_board_format_due (FdAsset    *asset,
                     FdBoardDue  due)
{
  g_autofree char *date = NULL;
  gint days;

  if (due == FD_BOARD_DUE_NONE)
    return NULL;

  date = fd_board_format_date (fd_asset_get_due (asset));
  days = days_from_today (fd_asset_get_due (asset));

  if (due == FD_BOARD_DUE_OVERDUE)
    /* Translators: %s is a short date, as in "4 Mar" */
    return g_strdup_printf (_("Overdue since %s"), date);
  if (due == FD_BOARD_DUE_SOON && days == 0)
    return g_strdup (_("Due today"));
  if (due == FD_BOARD_DUE_SOON && days == 1)
    return g_strdup (_("Due tomorrow"));

  /* Translators: %s is a short date, as in "4 Mar" */
  return g_strdup_printf (_("Due %s"), date);
}

/**
 * fd_board_decision_dot_new:
 *
 * A reviewer's decision as a small mark that differs in shape as well as
 * colour: a filled check, a filled cross, an empty ring.
 *
 * Returns: (transfer floating): the mark
 */
GtkWidget *
fd_board_decision_dot_new (FdReviewDecision decision)
{
  const char *icon_name;
  const char *style;
  GtkWidget *dot;

  switch (decision)
    {
    case FD_REVIEW_DECISION_APPROVED:
      icon_name = "fd-decision-approved-symbolic";
      style = "approved";
      break;
    case FD_REVIEW_DECISION_CHANGES_REQUESTED:
      icon_name = "fd-decision-changes-symbolic";
      style = "changes-requested";
      break;
    case FD_REVIEW_DECISION_NONE:
    case FD_REVIEW_DECISION_COMMENT:
    default:
      icon_name = "fd-decision-pending-symbolic";
      style = "pending";
      break;
    }

  dot = gtk_image_new_from_icon_name (icon_name);
  gtk_widget_add_css_class (dot, "decision");
  gtk_widget_add_css_class (dot, style);
  return dot;
}

/**
 * fd_board_describe_decision:
 * @version: the version under review
 *
 * Returns: (transfer full): "Grace Okafor approved version 3", and so on
 */
char *
fd_board_describe_decision (FdAssetReviewer *reviewer,
                            gint64           version)
{
  const char *name = fd_asset_reviewer_get_name (reviewer);
  const char *feedback = fd_asset_reviewer_get_feedback (reviewer);

  switch (fd_asset_reviewer_get_decision (reviewer))
    {
    case FD_REVIEW_DECISION_APPROVED:
      /* Translators: a reviewer's decision; %s is a name */
      return g_strdup_printf (_("%s approved version %lld"), name, (long long)version);
    case FD_REVIEW_DECISION_CHANGES_REQUESTED:
      if (feedback != NULL && *feedback != '\0')
        /* Translators: a reviewer's decision; a name, then their feedback */
        return g_strdup_printf (_("%s requested changes: “%s”"), name, feedback);
      /* Translators: a reviewer's decision; %s is a name */
      return g_strdup_printf (_("%s requested changes"), name);
    case FD_REVIEW_DECISION_NONE:
    case FD_REVIEW_DECISION_COMMENT:
    default:
      if (version > 0)
        /* Translators: a reviewer who has not decided; %s is a name */
        return g_strdup_printf (_("%s has not decided on version %lld yet"), name, (long long)version);
      /* Translators: a reviewer who has not decided; %s is a name */
      return g_strdup_printf (_("%s has not decided yet"), name);
    }
}

/**
 * fd_board_move_label:
 * @approves: whether moving to Approved records the person's approval
 *
 * Returns: the label of a move in a card's menu: the column's name, with
 *   an ellipsis when a dialog comes first
 */
const char *
fd_board_move_label (FdAssetState target,
                     gboolean     approves)
{
  switch (target)
    {
    case FD_ASSET_STATE_DRAFT:
      return _("Draft");
    case FD_ASSET_STATE_IN_REVIEW:
      return _("In Review");
    case FD_ASSET_STATE_REVISION_REQUESTED:
      return _("Revision Requested…");
    case FD_ASSET_STATE_APPROVED:
      return approves ? _("Approved…") : _("Approved");
    case FD_ASSET_STATE_UPLOADED:
      return _("Uploaded");
    case FD_ASSET_STATE_ARCHIVED:
      return _("Archived…");
    case FD_ASSET_STATE_NONE:
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * fd_board_toast:
 * @message: plain text (it is escaped: a toast's title is markup)
 * @urgent: shown at once and for longer, for refusals and failures
 */
void
fd_board_toast (GtkWidget  *widget,
                const char *message,
                gboolean    urgent)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  if (urgent)
    {
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_set_timeout (toast, URGENT_TOAST_SECONDS);
    }

  fd_ui_add_toast (widget, toast);
}
