/* fd-placement-panel.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-placement-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-asset-reviewer.h"
#include "fd-placement-gate.h"
#include "fd-placement-status.h"
#include "fd-placement-panel.h"
#include "fd-review-ask.h"
#include "fd-ui-util.h"

/* How the selected version fares on Feed, Stories and Reels: a row per
 * placement with pass, warn or fail and the reasons, saying which ones the
 * brief requires. A failed required placement blocks the approval; a
 * required reviewer of the round may override it with a written reason
 * ("Override…"), recorded through the audited core call, after which the
 * row says who overrode it and why, and the approval goes through.
 *
 * The statuses are read on the reader queue, and again whenever an
 * override, an asset or a brief changes. */

struct _FdPlacementPanel
{
  AdwPreferencesGroup  parent_instance;

  FdWorkspace         *workspace;
  GSignalGroup        *workspace_signals;
  FdAsset             *asset;
  gint64               version;
  gint64               person_id;
  GListStore          *statuses;
  GPtrArray           *rows;
  GtkWidget           *buttons[FD_N_PLACEMENTS];
  GCancellable        *load;
  gboolean             loaded;
};

G_DEFINE_FINAL_TYPE (FdPlacementPanel, fd_placement_panel, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (FdPlacementPanel *self);

/*
 * Rows
 */

static const char *
result_style (FdPlacementResult result)
{
  switch (result)
    {
    case FD_PLACEMENT_PASS:
      return "success";
    case FD_PLACEMENT_WARN:
      return "warning";
    case FD_PLACEMENT_FAIL:
    default:
      return "error";
    }
}

static char *
describe_reasons (FdPlacementStatus *status)
{
  const char * const *reasons = fd_placement_status_get_reasons (status);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; reasons != NULL && reasons[i] != NULL; i++)
    {
      if (text->len > 0)
        g_string_append (text, "\n");
      g_string_append (text, reasons[i]);
    }

  if (fd_placement_status_get_overridden (status))
    {
      if (text->len > 0)
        g_string_append (text, "\n");
      /* Translators: who overrode a failed placement check, then why */
      g_string_append_printf (text, _("Overridden by %s: “%s”"),
                              fd_placement_status_get_override_by (status),
                              fd_placement_status_get_override_reason (status));
    }

  if (text->len == 0)
    g_string_append (text, _("Fits this placement."));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Why the person may not override, or NULL when they may. */
static char *
check_override (FdPlacementPanel *self)
{
  GPtrArray *reviewers = fd_asset_get_reviewers (self->asset);

  if (fd_asset_get_state (self->asset) != FD_ASSET_STATE_IN_REVIEW)
    return g_strdup (_("Overrides are recorded while the asset is in review."));

  if (self->version != fd_asset_get_review_version (self->asset))
    /* Translators: %lld is the number of the version under review */
    return g_strdup_printf (_("Overrides are recorded on the version under review, v%lld."),
                            (long long)fd_asset_get_review_version (self->asset));

  for (guint i = 0; reviewers != NULL && i < reviewers->len; i++)
    {
      FdAssetReviewer *reviewer = g_ptr_array_index (reviewers, i);

      if (fd_asset_reviewer_get_person_id (reviewer) == self->person_id &&
          fd_asset_reviewer_get_required (reviewer))
        return NULL;
    }

  return g_strdup (_("Only a required reviewer of this round may override a placement check."));
}

static void
on_override_clicked (GtkButton        *button,
                     FdPlacementPanel *self)
{
  int placement = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "fd-placement"));

  gtk_widget_activate_action (GTK_WIDGET (self), "placement.override", "i", placement);
}

static GtkWidget *
status_row (FdPlacementPanel  *self,
            FdPlacementStatus *status)
{
  FdPlacement placement = fd_placement_status_get_placement (status);
  FdPlacementResult result = fd_placement_status_get_result (status);
  g_autofree char *reasons = describe_reasons (status);
  g_autofree char *refusal = NULL;
  g_autofree char *title = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *badge;

  if (fd_placement_status_get_required (status))
    /* Translators: a placement the brief requires, as in "Stories · required by the brief" */
    title = g_strdup_printf (_("%s · required by the brief"), fd_placement_get_title (placement));
  else
    title = g_strdup (fd_placement_get_title (placement));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), reasons);

  badge = gtk_label_new (fd_placement_status_get_overridden (status)
                         ? _("Overridden") : fd_placement_result_get_title (result));
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "fd-placement-result");
  gtk_widget_add_css_class (badge, "caption-heading");
  gtk_widget_add_css_class (badge, fd_placement_status_get_overridden (status)
                                   ? "accent" : result_style (result));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);

  self->buttons[placement] = NULL;
  if (fd_placement_status_get_blocking (status))
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Override…"));

      refusal = check_override (self);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (button, refusal == NULL);
      gtk_widget_set_tooltip_text (button, refusal ? refusal
                                   : _("Let the approval go through although this check fails, "
                                       "with a written reason"));
      /* A plain button, not an actionable one: the action would decide its
       * sensitivity, and here the person using the page does. */
      g_object_set_data (G_OBJECT (button), "fd-placement", GINT_TO_POINTER (placement));
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_override_clicked), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      self->buttons[placement] = button;
    }

  return row;
}

static void
rebuild_rows (FdPlacementPanel *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->statuses));
  gboolean required = FALSE;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  memset (self->buttons, 0, sizeof self->buttons);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FdPlacementStatus) status = g_list_model_get_item (G_LIST_MODEL (self->statuses), i);
      GtkWidget *row = status_row (self, status);

      required |= fd_placement_status_get_required (status);
      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
    }

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         required
                                         ? _("A version that fails a placement its brief requires "
                                             "cannot be approved unless a required reviewer overrides "
                                             "the check.")
                                         : _("The brief requires no placement, so none blocks the "
                                             "approval."));
  gtk_widget_set_visible (GTK_WIDGET (self), n > 0);
}

/*
 * Loading
 */

typedef struct
{
  GWeakRef panel;
  gint64   asset_id;
  gint64   version;
} Load;

static void
load_free (Load *load)
{
  g_weak_ref_clear (&load->panel);
  g_free (load);
}

static gpointer
load_statuses (FdStore       *store,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  Load *load = data;

  return fd_asset_get_placement_status (store, load->asset_id, load->version, error);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(FdPlacementPanel) self = g_weak_ref_get (user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) statuses = fd_workspace_run_finish (FD_WORKSPACE (source), result, &error);

  g_weak_ref_clear (user_data);
  g_free (user_data);

  if (self == NULL || fd_ui_error_is_cancelled (error))
    return;

  if (statuses == NULL)
    {
      fd_ui_toast (GTK_WIDGET (self), error->message);
      return;
    }

  g_list_store_splice (self->statuses, 0, g_list_model_get_n_items (G_LIST_MODEL (self->statuses)),
                       statuses->pdata, statuses->len);
  rebuild_rows (self);
  self->loaded = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

static void
reload (FdPlacementPanel *self)
{
  GWeakRef *ref;
  Load *load;

  g_cancellable_cancel (self->load);
  g_clear_object (&self->load);
  self->loaded = FALSE;

  if (self->workspace == NULL || self->asset == NULL || self->version <= 0 ||
      !fd_asset_kind_is_media (fd_asset_get_kind (self->asset)))
    {
      g_list_store_remove_all (self->statuses);
      rebuild_rows (self);
      return;
    }

  self->load = g_cancellable_new ();
  load = g_new0 (Load, 1);
  load->asset_id = fd_asset_get_id (self->asset);
  load->version = self->version;
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  fd_workspace_run_async (self->workspace, FALSE, load_statuses, load, (GDestroyNotify)load_free,
                          (GDestroyNotify)g_ptr_array_unref, self->load, on_loaded, ref);
}

/*
 * Overriding
 */

typedef struct
{
  GWeakRef    panel;
  FdPlacement placement;
} Override;

static void
override_free (Override *override)
{
  g_weak_ref_clear (&override->panel);
  g_free (override);
}

static void
on_overridden (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Override *override = user_data;
  g_autoptr(FdPlacementPanel) self = g_weak_ref_get (&override->panel);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean done = fd_asset_override_placement_finish (FD_WORKSPACE (source), result, &error);

  if (self != NULL && !done && !fd_ui_error_is_cancelled (error))
    fd_ui_toast (GTK_WIDGET (self), error->message);
  else if (self != NULL && done)
    {
      /* Translators: %s is a placement: Feed, Stories or Reels */
      message = g_strdup_printf (_("%s was overridden; the reason is kept in the history."),
                                 fd_placement_get_title (override->placement));
      fd_ui_toast (GTK_WIDGET (self), message);
      reload (self);
    }

  override_free (override);
}

static void
on_reason_written (const char *reason,
                   gpointer    user_data)
{
  Override *asked = user_data;
  g_autoptr(FdPlacementPanel) self = g_weak_ref_get (&asked->panel);
  Override *override;

  if (self == NULL || self->asset == NULL)
    return;

  override = g_new0 (Override, 1);
  g_weak_ref_init (&override->panel, self);
  override->placement = asked->placement;
  fd_asset_override_placement_async (self->workspace, self->person_id, fd_asset_get_id (self->asset),
                                     self->version, asked->placement, reason, NULL, on_overridden,
                                     override);
}

static void
override_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  FdPlacementPanel *self = FD_PLACEMENT_PANEL (widget);
  int placement = g_variant_get_int32 (parameter);
  g_autofree char *body = NULL;
  Override *asked;

  if (self->asset == NULL || placement < 0 || placement >= FD_N_PLACEMENTS)
    return;

  asked = g_new0 (Override, 1);
  g_weak_ref_init (&asked->panel, self);
  asked->placement = placement;
  /* Translators: a placement, a version number, then an asset's name */
  body = g_strdup_printf (_("v%lld of “%s” fails %s, which its brief requires. Say why it may be "
                            "approved anyway; your name and reason are kept in its history."),
                          (long long)self->version, fd_asset_get_name (self->asset),
                          fd_placement_get_title (placement));
  fd_review_ask_text (widget, _("Override Placement Check?"), body, _("_Override"),
                      _("Reason"), on_reason_written, asked, (GDestroyNotify)override_free);
}

/*
 * GObject
 */

static void
fd_placement_panel_dispose (GObject *object)
{
  FdPlacementPanel *self = (FdPlacementPanel *)object;

  g_cancellable_cancel (self->load);
  g_clear_object (&self->load);
  g_clear_object (&self->workspace_signals);
  g_clear_object (&self->workspace);
  g_clear_object (&self->asset);
  g_clear_object (&self->statuses);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (fd_placement_panel_parent_class)->dispose (object);
}

static void
fd_placement_panel_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  FdPlacementPanel *self = FD_PLACEMENT_PANEL (object);

  switch (prop_id)
    {
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_placement_panel_class_init (FdPlacementPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_placement_panel_dispose;
  object_class->get_property = fd_placement_panel_get_property;

  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "placement.override", "i", override_action);
}

static void
fd_placement_panel_init (FdPlacementPanel *self)
{
  self->statuses = g_list_store_new (FD_TYPE_PLACEMENT_STATUS);
  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Placements"));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);

  self->workspace_signals = g_signal_group_new (FD_TYPE_WORKSPACE);
  g_signal_group_connect_swapped (self->workspace_signals, "changed::placement_override",
                                  G_CALLBACK (reload), self);
  g_signal_group_connect_swapped (self->workspace_signals, "changed::brief", G_CALLBACK (reload), self);
}

/*
 * Public API
 */

GtkWidget *
fd_placement_panel_new (void)
{
  return g_object_new (FD_TYPE_PLACEMENT_PANEL, NULL);
}

void
fd_placement_panel_set_workspace (FdPlacementPanel *self,
                                  FdWorkspace      *workspace)
{
  g_return_if_fail (FD_IS_PLACEMENT_PANEL (self));

  if (!g_set_object (&self->workspace, workspace))
    return;

  g_signal_group_set_target (self->workspace_signals, workspace);
  reload (self);
}

/**
 * fd_placement_panel_set_version:
 * @asset: (nullable): the asset, the board's object
 * @version: the number of the version shown
 *
 * Shows @version's placements; called again when the asset changes (its
 * state or reviewers decide who may override).
 */
void
fd_placement_panel_set_version (FdPlacementPanel *self,
                                FdAsset          *asset,
                                gint64            version)
{
  g_return_if_fail (FD_IS_PLACEMENT_PANEL (self));

  g_set_object (&self->asset, asset);
  self->version = version;
  reload (self);
}

void
fd_placement_panel_set_person_id (FdPlacementPanel *self,
                                  gint64            person_id)
{
  g_return_if_fail (FD_IS_PLACEMENT_PANEL (self));

  if (self->person_id == person_id)
    return;

  self->person_id = person_id;
  rebuild_rows (self);
}

/**
 * fd_placement_panel_get_statuses:
 *
 * Returns: (transfer none): the version's statuses (#FdPlacementStatus)
 */
GListModel *
fd_placement_panel_get_statuses (FdPlacementPanel *self)
{
  g_return_val_if_fail (FD_IS_PLACEMENT_PANEL (self), NULL);
  return G_LIST_MODEL (self->statuses);
}

gboolean
fd_placement_panel_get_loaded (FdPlacementPanel *self)
{
  g_return_val_if_fail (FD_IS_PLACEMENT_PANEL (self), FALSE);
  return self->loaded;
}

/**
 * fd_placement_panel_get_override_button:
 *
 * Returns: (transfer none) (nullable): the "Override…" button of
 *   @placement, shown when it blocks the approval
 */
GtkWidget *
fd_placement_panel_get_override_button (FdPlacementPanel *self,
                                        FdPlacement       placement)
{
  g_return_val_if_fail (FD_IS_PLACEMENT_PANEL (self), NULL);
  g_return_val_if_fail (placement < FD_N_PLACEMENTS, NULL);
  return self->buttons[placement];
}
