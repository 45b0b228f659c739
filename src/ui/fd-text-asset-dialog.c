/* fd-text-asset-dialog.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-text-asset-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-asset-catalog.h"
#include "fd-asset-query.h"
#include "fd-brief.h"
#include "fd-text-asset-dialog.h"
#include "fd-ui-util.h"

/* Writing a headline, a primary text or a script: a new asset with its
 * first version, or the next version of one. The dialog saves through the
 * core on the writer queue; if the core refuses (an empty name, the same
 * text as an earlier version, an archived asset …) its message shows in
 * the dialog, which stays open with everything typed. ::saved says what
 * was written once it is. */

struct _FdTextAssetDialog
{
  AdwWindow       parent_instance;

  FdWorkspace    *workspace;
  gint64          person_id;
  FdAssetKind     kind;
  gint64          asset_id;      /* 0 while creating */
  gint64          version;       /* the version being edited */
  GListModel     *briefs;
  GArray         *brief_ids;
  GCancellable   *cancellable;
  gboolean        loading;
  gboolean        saving;
  char           *error;

  AdwWindowTitle *window_title;
  GtkButton      *save_button;
  GtkLabel       *error_label;
  GtkWidget      *details_group;
  AdwEntryRow    *name_row;
  AdwComboRow    *brief_row;
  AdwPreferencesGroup *text_group;
  GtkTextView    *text_view;
  GtkLabel       *count_label;
  GtkWidget      *note_group;
  AdwEntryRow    *note_row;
};

G_DEFINE_FINAL_TYPE (FdTextAssetDialog, fd_text_asset_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_READY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What Meta's ads guide suggests before feeds cut a text short. */
static guint
suggested_length (FdAssetKind kind)
{
  switch (kind)
    {
    case FD_ASSET_KIND_HEADLINE:
      return 40;
    case FD_ASSET_KIND_PRIMARY_TEXT:
      return 125;
    case FD_ASSET_KIND_NONE:
    case FD_ASSET_KIND_VIDEO:
    case FD_ASSET_KIND_IMAGE:
    case FD_ASSET_KIND_SCRIPT:
    default:
      return 0;
    }
}

static void
update_state (FdTextAssetDialog *self)
{
  gboolean ready = !self->loading && !self->saving;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "text.save", ready);
  gtk_widget_set_sensitive (GTK_WIDGET (self->text_view), !self->loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
}

static void
show_error (FdTextAssetDialog *self,
            const char        *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
update_count (FdTextAssetDialog *self)
{
  g_autofree char *text = fd_text_asset_dialog_dup_text (self);
  glong n = g_utf8_strlen (text, -1);
  guint limit = suggested_length (self->kind);
  g_autofree char *label = NULL;

  if (limit > 0)
    /* Translators: characters typed, then how many Meta suggests at most */
    label = g_strdup_printf (_("%ld of %u characters Meta suggests"), n, limit);
  else
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%ld character", "%ld characters", n), n);

  gtk_label_set_label (self->count_label, label);
  if (limit > 0 && (guint)n > limit)
    gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->count_label), "warning");
}

/*
 * Loading the text of the version being edited
 */

typedef struct
{
  gint64 asset_id;
  gint64 version;
} VersionRef;

static gpointer
load_version (FdStore       *store,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  VersionRef *ref = data;

  return fd_asset_find_version (store, ref->asset_id, ref->version, error);
}

static void
on_version_loaded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(FdTextAssetDialog) self = fd_ui_weak_ref_steal (user_data);
  g_autoptr(FdAssetVersion) version = NULL;
  g_autoptr(GError) error = NULL;

  version = fd_workspace_run_finish (FD_WORKSPACE (source), result, &error);
  if (self == NULL || fd_ui_error_is_cancelled (error))
    return;

  self->loading = FALSE;
  if (version == NULL)
    show_error (self, error->message);
  else
    fd_text_asset_dialog_set_text (self, fd_asset_version_get_text (version));
  update_state (self);
}

/*
 * Saving
 */

typedef struct
{
  gint64       person_id;
  FdAssetKind  kind;
  gint64       asset_id;
  gint64       brief_id;
  char        *name;
  char        *text;
  char        *note;
} SaveJob;

typedef struct
{
  gint64 asset_id;
  gint64 version;
} Saved;

static void
save_job_free (SaveJob *job)
{
  g_free (job->name);
  g_free (job->text);
  g_free (job->note);
  g_free (job);
}

static gpointer
save (FdStore       *store,
      gpointer       data,
      GCancellable  *cancellable,
      GError       **error)
{
  SaveJob *job = data;
  Saved *saved = g_new0 (Saved, 1);

  if (job->asset_id == 0)
    {
      saved->asset_id = fd_asset_create (store, job->person_id, job->kind, job->name,
                                         job->brief_id, 0, job->text, error);
      saved->version = 1;
    }
  else
    {
      saved->asset_id = job->asset_id;
      saved->version = fd_asset_add_text_version (store, job->person_id, job->asset_id,
                                                  job->text, job->note, error);
    }

  if (saved->asset_id == 0 || saved->version == 0)
    g_clear_pointer (&saved, g_free);

  return saved;
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(FdTextAssetDialog) self = fd_ui_weak_ref_steal (user_data);
  g_autoptr(GError) error = NULL;
  g_autofree Saved *saved = NULL;

  saved = fd_workspace_run_finish (FD_WORKSPACE (source), result, &error);
  if (self == NULL || fd_ui_error_is_cancelled (error))
    return;

  self->saving = FALSE;
  update_state (self);

  if (saved == NULL)
    {
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, saved->asset_id, saved->version);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FdTextAssetDialog *self = FD_TEXT_ASSET_DIALOG (widget);
  guint brief = adw_combo_row_get_selected (self->brief_row);
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->note_row));
  SaveJob *job = g_new0 (SaveJob, 1);

  job->person_id = self->person_id;
  job->kind = self->kind;
  job->asset_id = self->asset_id;
  job->name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  job->text = fd_text_asset_dialog_dup_text (self);
  job->note = *note ? g_strdup (note) : NULL;
  if (self->brief_ids != NULL && brief < self->brief_ids->len)
    job->brief_id = g_array_index (self->brief_ids, gint64, brief);

  show_error (self, NULL);
  self->saving = TRUE;
  update_state (self);

  fd_workspace_run_async (self->workspace, TRUE, save, job, (GDestroyNotify)save_job_free, g_free,
                          self->cancellable, on_saved, fd_ui_weak_ref_new (self));
}

/*
 * GObject
 */

static void
fd_text_asset_dialog_dispose (GObject *object)
{
  FdTextAssetDialog *self = (FdTextAssetDialog *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_TEXT_ASSET_DIALOG);
  g_clear_object (&self->workspace);
  g_clear_object (&self->briefs);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->brief_ids, g_array_unref);

  G_OBJECT_CLASS (fd_text_asset_dialog_parent_class)->dispose (object);
}

static void
fd_text_asset_dialog_finalize (GObject *object)
{
  FdTextAssetDialog *self = (FdTextAssetDialog *)object;

  g_free (self->error);

  G_OBJECT_CLASS (fd_text_asset_dialog_parent_class)->finalize (object);
}

static void
fd_text_asset_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  FdTextAssetDialog *self = FD_TEXT_ASSET_DIALOG (object);

  switch (prop_id)
    {
    case PROP_READY:
      g_value_set_boolean (value, fd_text_asset_dialog_get_ready (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_text_asset_dialog_class_init (FdTextAssetDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_text_asset_dialog_dispose;
  object_class->finalize = fd_text_asset_dialog_finalize;
  object_class->get_property = fd_text_asset_dialog_get_property;

  /* Whether it can be saved: the text is loaded and nothing is on its way. */
  properties[PROP_READY] =
    g_param_spec_boolean ("ready", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FdTextAssetDialog::saved:
   * @asset_id: the asset
   * @version: the number of the version written
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/flightdeck/Flightdeck/fd-text-asset-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FdTextAssetDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, FdTextAssetDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, FdTextAssetDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, FdTextAssetDialog, details_group);
  gtk_widget_class_bind_template_child (widget_class, FdTextAssetDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, FdTextAssetDialog, brief_row);
  gtk_widget_class_bind_template_child (widget_class, FdTextAssetDialog, text_group);
  gtk_widget_class_bind_template_child (widget_class, FdTextAssetDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, FdTextAssetDialog, count_label);
  gtk_widget_class_bind_template_child (widget_class, FdTextAssetDialog, note_group);
  gtk_widget_class_bind_template_child (widget_class, FdTextAssetDialog, note_row);

  gtk_widget_class_install_action (widget_class, "text.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "text.save", NULL);
}

static void
fd_text_asset_dialog_init (FdTextAssetDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
}

/*
 * Public API
 */

static FdTextAssetDialog *
dialog_new (FdWorkspace *workspace,
            gint64       person_id,
            FdAssetKind  kind)
{
  FdTextAssetDialog *self = g_object_new (FD_TYPE_TEXT_ASSET_DIALOG, NULL);

  self->workspace = g_object_ref (workspace);
  self->person_id = person_id;
  self->kind = kind;
  adw_preferences_group_set_description (self->text_group,
                                         kind == FD_ASSET_KIND_SCRIPT
                                         ? _("What is said and shown, scene by scene.")
                                         : NULL);
  update_count (self);
  return self;
}

static void
fill_briefs (FdTextAssetDialog *self,
             GListModel        *briefs,
             gint64             brief_id)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  guint selected = 0;
  gint64 none = 0;

  self->brief_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_string_list_append (titles, _("No Brief"));
  g_array_append_val (self->brief_ids, none);

  for (guint i = 0; briefs != NULL && i < g_list_model_get_n_items (briefs); i++)
    {
      g_autoptr(FdBrief) brief = g_list_model_get_item (briefs, i);
      gint64 id = fd_brief_get_id (brief);

      if (id == brief_id)
        selected = self->brief_ids->len;
      gtk_string_list_append (titles, fd_brief_get_title (brief));
      g_array_append_val (self->brief_ids, id);
    }

  adw_combo_row_set_model (self->brief_row, G_LIST_MODEL (titles));
  adw_combo_row_set_selected (self->brief_row, selected);
}

/**
 * fd_text_asset_dialog_new_for_kind:
 * @kind: a text kind
 * @briefs: (nullable): a model of #FdBrief to choose from
 * @brief_id: the brief chosen at first, or 0
 *
 * Returns: (transfer full): a dialog creating a new asset of @kind
 */
FdTextAssetDialog *
fd_text_asset_dialog_new_for_kind (FdWorkspace *workspace,
                                   gint64       person_id,
                                   FdAssetKind  kind,
                                   GListModel  *briefs,
                                   gint64       brief_id)
{
  FdTextAssetDialog *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (FD_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (fd_asset_kind_is_text (kind), NULL);

  self = dialog_new (workspace, person_id, kind);
  /* Translators: a dialog's title; %s is a kind of text, as in "Headline" */
  title = g_strdup_printf (_("New %s"), fd_asset_kind_get_display_name (kind));
  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_button_set_label (self->save_button, _("_Create"));
  gtk_widget_set_visible (self->note_group, FALSE);
  fill_briefs (self, briefs, brief_id);
  update_state (self);

  return self;
}

/**
 * fd_text_asset_dialog_new_for_asset:
 * @asset: a text asset
 *
 * Returns: (transfer full): a dialog writing the next version of @asset,
 *   starting from the current one's text
 */
FdTextAssetDialog *
fd_text_asset_dialog_new_for_asset (FdWorkspace *workspace,
                                    gint64       person_id,
                                    FdAsset     *asset)
{
  FdTextAssetDialog *self;
  VersionRef *ref;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (FD_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (FD_IS_ASSET (asset), NULL);

  self = dialog_new (workspace, person_id, fd_asset_get_kind (asset));
  self->asset_id = fd_asset_get_id (asset);
  self->version = fd_asset_get_version (asset);

  adw_window_title_set_title (self->window_title, fd_asset_get_name (asset));
  /* Translators: the version a text dialog will save, as in "Version 4" */
  subtitle = g_strdup_printf (_("Version %lld"), (long long)self->version + 1);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), fd_asset_get_name (asset));
  gtk_button_set_label (self->save_button, _("_Save Version"));
  gtk_widget_set_visible (self->details_group, FALSE);

  if (self->version > 0)
    {
      self->loading = TRUE;
      ref = g_new0 (VersionRef, 1);
      ref->asset_id = self->asset_id;
      ref->version = self->version;
      fd_workspace_run_async (workspace, FALSE, load_version, ref, g_free, g_object_unref,
                              self->cancellable, on_version_loaded, fd_ui_weak_ref_new (self));
    }
  update_state (self);

  return self;
}

const char *
fd_text_asset_dialog_get_name (FdTextAssetDialog *self)
{
  g_return_val_if_fail (FD_IS_TEXT_ASSET_DIALOG (self), NULL);

  if (self->asset_id != 0)
    return adw_window_title_get_title (self->window_title);
  return gtk_editable_get_text (GTK_EDITABLE (self->name_row));
}

void
fd_text_asset_dialog_set_name (FdTextAssetDialog *self,
                               const char        *name)
{
  g_return_if_fail (FD_IS_TEXT_ASSET_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name ? name : "");
}

/**
 * fd_text_asset_dialog_dup_text:
 *
 * Returns: (transfer full): the text as typed
 */
char *
fd_text_asset_dialog_dup_text (FdTextAssetDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;
  GtkTextIter end;

  g_return_val_if_fail (FD_IS_TEXT_ASSET_DIALOG (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
fd_text_asset_dialog_set_text (FdTextAssetDialog *self,
                               const char        *text)
{
  g_return_if_fail (FD_IS_TEXT_ASSET_DIALOG (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text ? text : "", -1);
}

void
fd_text_asset_dialog_set_note (FdTextAssetDialog *self,
                               const char        *note)
{
  g_return_if_fail (FD_IS_TEXT_ASSET_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->note_row), note ? note : "");
}

gboolean
fd_text_asset_dialog_get_ready (FdTextAssetDialog *self)
{
  g_return_val_if_fail (FD_IS_TEXT_ASSET_DIALOG (self), FALSE);
  return !self->loading && !self->saving;
}

/**
 * fd_text_asset_dialog_get_error:
 *
 * Returns: (nullable): why the last save was refused
 */
const char *
fd_text_asset_dialog_get_error (FdTextAssetDialog *self)
{
  g_return_val_if_fail (FD_IS_TEXT_ASSET_DIALOG (self), NULL);
  return self->error;
}
