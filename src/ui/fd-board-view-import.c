/* fd-board-view-import.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-board-view"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-asset-importer.h"
#include "fd-board-format.h"
#include "fd-board-view-private.h"
#include "fd-brief.h"
#include "fd-text-asset-dialog.h"
#include "fd-ui-util.h"

/* New assets and versions.
 *
 * Files come from the file chooser, from the file manager dropped on the
 * board (new assets: the brief is asked once for the whole batch, and the
 * last one chosen is offered next time) or dropped on a card (a new
 * version of that asset). They are imported one after the other by the
 * media layer, each on its own thread and connection: probed, decoded,
 * thumbnailed, then stored and recorded in one transaction. A bar above
 * the columns says which file is being read and how many are left, and
 * can stop the rest. A file that is not media, or is damaged, is refused
 * with the media layer's message in a toast, and leaves nothing behind.
 *
 * Texts (headlines, primary texts, scripts) are written in
 * FdTextAssetDialog, which saves through the core itself. */

typedef struct
{
  GFile  *file;
  gint64  asset_id;
  gint64  brief_id;
  gint64  person_id;
  guint   serial;
} ImportJob;

typedef struct
{
  GWeakRef board;
  guint    serial;
} ImportReply;

struct _FdBoardImport
{
  GQueue        queue;        /* ImportJob */
  ImportJob    *running;
  GCancellable *cancellable;
  guint         n_total;
  guint         n_done;
  guint         n_imported;
  gint64        last_asset_id;
  gint64        last_version;
  gboolean      last_new;
  guint         serial;
};

static void start_next (FdBoardView *self);

static void
import_job_free (ImportJob *job)
{
  g_clear_object (&job->file);
  g_free (job);
}

void
_fd_board_view_import_init (FdBoardView *self)
{
  self->import = g_new0 (FdBoardImport, 1);
  g_queue_init (&self->import->queue);
}

void
_fd_board_view_import_clear (FdBoardView *self)
{
  if (self->import == NULL)
    return;

  _fd_board_view_cancel_imports (self);
  g_clear_pointer (&self->import, g_free);
}

static char *
display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename ? basename : "");
}

/*
 * The queue
 */

static void
update_bar (FdBoardView *self)
{
  FdBoardImport *import = self->import;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  gtk_revealer_set_reveal_child (self->import_revealer, import->running != NULL);
  if (import->running == NULL)
    return;

  name = display_name (import->running->file);
  /* Translators: a file name, then how far along a batch of files is */
  text = g_strdup_printf (_("Importing “%s” (%u of %u)…"), name, import->n_done + 1, import->n_total);
  gtk_label_set_label (self->import_label, text);
  gtk_progress_bar_set_fraction (self->import_progress,
                                 import->n_total ? (double)import->n_done / import->n_total : 0);
}

static void
report_batch (FdBoardView *self)
{
  FdBoardImport *import = self->import;
  g_autofree char *text = NULL;
  FdAsset *asset;

  if (import->n_imported == 0)
    return;

  asset = _fd_board_view_find_asset (self, import->last_asset_id);
  if (import->n_imported > 1)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file was imported.",
                                         "%u files were imported.", import->n_imported),
                            import->n_imported);
  else if (import->last_new)
    /* Translators: %s is the new asset's name */
    text = g_strdup_printf (_("“%s” was imported as a new draft."),
                            asset ? fd_asset_get_name (asset) : "");
  else
    /* Translators: a version number, then an asset's name */
    text = g_strdup_printf (_("Version %lld of “%s” was added."), (long long)import->last_version,
                            asset ? fd_asset_get_name (asset) : "");

  fd_board_toast (GTK_WIDGET (self), text, FALSE);
}

static void
finish_batch (FdBoardView *self)
{
  FdBoardImport *import = self->import;

  report_batch (self);
  import->n_total = 0;
  import->n_done = 0;
  import->n_imported = 0;
  update_bar (self);
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ImportReply *reply = user_data;
  g_autoptr(FdBoardView) self = g_weak_ref_get (&reply->board);
  guint serial = reply->serial;
  g_autoptr(GError) error = NULL;
  g_autofree FdAssetImportResult *imported = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  FdBoardImport *import;

  g_weak_ref_clear (&reply->board);
  g_free (reply);

  imported = fd_asset_import_file_finish (FD_WORKSPACE (source), result, &error);
  if (self == NULL)
    return;

  _fd_board_view_pending_changed (self, -1);
  import = self->import;
  /* Stopped meanwhile: what it said no longer matters. */
  if (import == NULL || import->running == NULL || import->running->serial != serial)
    return;

  name = display_name (import->running->file);
  g_clear_pointer (&import->running, import_job_free);
  import->n_done++;

  if (imported != NULL)
    {
      import->n_imported++;
      import->last_asset_id = imported->asset_id;
      import->last_version = imported->version;
      import->last_new = imported->new_asset;
    }
  else
    {
      /* Translators: a file name, then why it was refused */
      message = g_strdup_printf (_("“%s” was not imported: %s"), name, error->message);
      fd_board_toast (GTK_WIDGET (self), message, TRUE);
    }

  start_next (self);
}

static void
start_next (FdBoardView *self)
{
  FdBoardImport *import = self->import;
  g_autoptr(FdAssetImportRequest) request = NULL;
  g_autofree char *path = NULL;
  ImportReply *reply;
  ImportJob *job;

  if (import->running != NULL)
    return;

  if ((job = g_queue_pop_head (&import->queue)) == NULL)
    {
      finish_batch (self);
      return;
    }

  import->running = job;
  update_bar (self);

  path = g_file_get_path (job->file);
  if (path == NULL || self->workspace == NULL)
    {
      g_autofree char *name = display_name (job->file);
      /* Translators: %s is a file name */
      g_autofree char *message = g_strdup_printf (_("“%s” was not imported: it is not a file on this "
                                                    "computer."), name);

      fd_board_toast (GTK_WIDGET (self), message, TRUE);
      g_clear_pointer (&import->running, import_job_free);
      import->n_done++;
      start_next (self);
      return;
    }

  request = fd_asset_import_request_new ();
  request->person_id = job->person_id;
  request->asset_id = job->asset_id;
  request->kind = FD_ASSET_KIND_NONE;
  request->brief_id = job->brief_id;

  if (import->cancellable == NULL)
    import->cancellable = g_cancellable_new ();

  reply = g_new0 (ImportReply, 1);
  g_weak_ref_init (&reply->board, self);
  reply->serial = job->serial = ++import->serial;

  _fd_board_view_pending_changed (self, 1);
  fd_asset_import_file_async (self->workspace, request, path, import->cancellable,
                              on_imported, reply);
}

/**
 * fd_board_view_import_files:
 * @files: (array length=n_files): the files
 * @asset_id: the asset they become versions of, or 0 for new assets
 * @brief_id: for new assets: their brief, or 0
 *
 * Imports @files one after the other, behind any import under way.
 */
void
fd_board_view_import_files (FdBoardView   *self,
                            GFile * const *files,
                            guint          n_files,
                            gint64         asset_id,
                            gint64         brief_id)
{
  g_return_if_fail (FD_IS_BOARD_VIEW (self));
  g_return_if_fail (files != NULL || n_files == 0);

  if (self->workspace == NULL)
    return;

  for (guint i = 0; i < n_files; i++)
    {
      ImportJob *job = g_new0 (ImportJob, 1);

      job->file = g_object_ref (files[i]);
      job->asset_id = asset_id;
      job->brief_id = brief_id;
      job->person_id = self->person_id;
      g_queue_push_tail (&self->import->queue, job);
      self->import->n_total++;
    }

  if (self->import->running != NULL)
    update_bar (self);
  else
    start_next (self);
}

void
_fd_board_view_cancel_imports (FdBoardView *self)
{
  FdBoardImport *import = self->import;

  if (import == NULL)
    return;

  g_queue_clear_full (&import->queue, (GDestroyNotify)import_job_free);
  if (import->cancellable != NULL)
    {
      g_cancellable_cancel (import->cancellable);
      g_clear_object (&import->cancellable);
    }
  g_clear_pointer (&import->running, import_job_free);
  finish_batch (self);
}

/*
 * Which brief new assets belong to
 */

typedef struct
{
  GWeakRef   board;
  GPtrArray *files;
  GArray    *brief_ids;
} BriefChoice;

static void
brief_choice_free (BriefChoice *choice)
{
  g_weak_ref_clear (&choice->board);
  g_ptr_array_unref (choice->files);
  g_array_unref (choice->brief_ids);
  g_free (choice);
}

static void
on_brief_chosen (AdwMessageDialog *dialog,
                 const char       *response,
                 GtkDropDown      *dropdown)
{
  BriefChoice *choice = g_object_get_data (G_OBJECT (dialog), "fd-choice");
  g_autoptr(FdBoardView) self = g_weak_ref_get (&choice->board);
  guint selected = gtk_drop_down_get_selected (dropdown);
  gint64 brief_id = 0;

  if (self == NULL || g_strcmp0 (response, "import") != 0)
    return;

  if (selected < choice->brief_ids->len)
    brief_id = g_array_index (choice->brief_ids, gint64, selected);
  self->last_brief_id = brief_id;

  fd_board_view_import_files (self, (GFile * const *)choice->files->pdata, choice->files->len,
                              0, brief_id);
}

static void
ask_brief_and_import (FdBoardView *self,
                      GPtrArray   *files)
{
  GListModel *briefs = G_LIST_MODEL (self->briefs);
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  g_autofree char *heading = NULL;
  BriefChoice *choice;
  AdwMessageDialog *dialog;
  GtkWidget *dropdown;
  guint selected = 0;
  gint64 none = 0;

  choice = g_new0 (BriefChoice, 1);
  g_weak_ref_init (&choice->board, self);
  choice->files = g_ptr_array_ref (files);
  choice->brief_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_string_list_append (titles, _("No Brief"));
  g_array_append_val (choice->brief_ids, none);
  for (guint i = 0; i < g_list_model_get_n_items (briefs); i++)
    {
      g_autoptr(FdBrief) brief = g_list_model_get_item (briefs, i);
      gint64 id = fd_brief_get_id (brief);

      gtk_string_list_append (titles, fd_brief_get_title (brief));
      g_array_append_val (choice->brief_ids, id);
      if (id == self->last_brief_id)
        selected = i + 1;
    }

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Import %u File?", "Import %u Files?", files->len),
                             files->len);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (_fd_board_view_get_window (self), heading,
                                                      _("Each file becomes a new draft, named after "
                                                        "the file. Which brief is it for?")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "import", _("_Import"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "import");
  adw_message_dialog_set_close_response (dialog, "cancel");

  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (titles)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Brief"), -1);
  adw_message_dialog_set_extra_child (dialog, dropdown);

  g_object_set_data_full (G_OBJECT (dialog), "fd-choice", choice, (GDestroyNotify)brief_choice_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_brief_chosen), dropdown);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * _fd_board_view_drop_files:
 * @files: (element-type GFile): dropped on the board, not on a card
 *
 * Returns: whether the drop was taken up
 */
gboolean
_fd_board_view_drop_files (FdBoardView *self,
                           GSList      *files)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->workspace == NULL || files == NULL)
    return FALSE;

  for (GSList *l = files; l != NULL; l = l->next)
    g_ptr_array_add (batch, g_object_ref (l->data));

  ask_brief_and_import (self, batch);
  return TRUE;
}

/**
 * _fd_board_view_import_uris:
 * @uris: files dropped on the card of @asset_id
 *
 * One file becomes the asset's next version. Text assets take texts.
 */
void
_fd_board_view_import_uris (FdBoardView        *self,
                            const char * const *uris,
                            gint64              asset_id)
{
  FdAsset *asset = _fd_board_view_find_asset (self, asset_id);
  g_autoptr(GFile) file = NULL;
  g_autofree char *message = NULL;

  if (asset == NULL || uris == NULL || uris[0] == NULL)
    return;

  if (!fd_asset_kind_is_media (fd_asset_get_kind (asset)))
    {
      /* Translators: an asset's name, then its kind ("Headline") */
      message = g_strdup_printf (_("“%s” is a %s: its versions are texts, not files. Use Edit Text "
                                   "in its menu."),
                                 fd_asset_get_name (asset),
                                 fd_asset_kind_get_display_name (fd_asset_get_kind (asset)));
      fd_board_toast (GTK_WIDGET (self), message, TRUE);
      return;
    }

  if (uris[1] != NULL)
    {
      fd_board_toast (GTK_WIDGET (self),
                      _("Drop one file on a card to add it as a version. Files dropped between "
                        "cards become new assets."),
                      TRUE);
      return;
    }

  file = g_file_new_for_uri (uris[0]);
  fd_board_view_import_files (self, &file, 1, asset_id, 0);
}

/*
 * Choosing files
 */

typedef struct
{
  GWeakRef board;
  gint64   asset_id;
} FileChoice;

static void
file_choice_free (FileChoice *choice)
{
  g_weak_ref_clear (&choice->board);
  g_free (choice);
}

static void
files_chosen (FileChoice *choice,
              GListModel *files)
{
  g_autoptr(FdBoardView) self = g_weak_ref_get (&choice->board);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);

  if (self == NULL || files == NULL || g_list_model_get_n_items (files) == 0)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    g_ptr_array_add (batch, g_list_model_get_item (files, i));

  if (choice->asset_id != 0)
    fd_board_view_import_files (self, (GFile * const *)batch->pdata, 1, choice->asset_id, 0);
  else
    ask_brief_and_import (self, batch);
}

static GListModel *
media_filters (void)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  GtkFileFilter *media = gtk_file_filter_new ();
  GtkFileFilter *all = gtk_file_filter_new ();

  gtk_file_filter_set_name (media, _("Videos and Images"));
  gtk_file_filter_add_mime_type (media, "video/*");
  gtk_file_filter_add_mime_type (media, "image/*");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");

  g_list_store_append (filters, media);
  g_list_store_append (filters, all);
  g_object_unref (media);
  g_object_unref (all);

  return G_LIST_MODEL (filters);
}

#if GTK_CHECK_VERSION (4, 10, 0)

static void
on_files_selected (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  FileChoice *choice = user_data;
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GListStore) one = NULL;

  if (choice->asset_id != 0)
    {
      file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);
      if (file != NULL)
        {
          one = g_list_store_new (G_TYPE_FILE);
          g_list_store_append (one, file);
          files_chosen (choice, G_LIST_MODEL (one));
        }
    }
  else
    {
      files = gtk_file_dialog_open_multiple_finish (GTK_FILE_DIALOG (source), result, NULL);
      files_chosen (choice, files);
    }

  file_choice_free (choice);
}

static void
choose (GtkWindow  *parent,
        const char *title,
        FileChoice *choice)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListModel) filters = media_filters ();

  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_modal (dialog, TRUE);
  gtk_file_dialog_set_filters (dialog, filters);

  if (choice->asset_id != 0)
    gtk_file_dialog_open (dialog, parent, NULL, on_files_selected, choice);
  else
    gtk_file_dialog_open_multiple (dialog, parent, NULL, on_files_selected, choice);
}

#else /* GTK 4.8: GtkFileChooserNative, which uses the portal in a sandbox */

static void
on_native_response (GtkNativeDialog *native,
                    int              response,
                    FileChoice      *choice)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));

      files_chosen (choice, files);
    }

  file_choice_free (choice);
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
choose (GtkWindow  *parent,
        const char *title,
        FileChoice *choice)
{
  g_autoptr(GListModel) filters = media_filters ();
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), choice->asset_id == 0);
  for (guint i = 0; i < g_list_model_get_n_items (filters); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    }

  g_signal_connect (native, "response", G_CALLBACK (on_native_response), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

#endif

/**
 * _fd_board_view_choose_files:
 * @asset_id: the asset that gets a new version, or 0 for new assets
 */
void
_fd_board_view_choose_files (FdBoardView *self,
                             gint64       asset_id)
{
  FileChoice *choice;
  FdAsset *asset = NULL;
  g_autofree char *title = NULL;

  if (self->workspace == NULL)
    return;

  if (asset_id != 0 && (asset = _fd_board_view_find_asset (self, asset_id)) == NULL)
    return;

  choice = g_new0 (FileChoice, 1);
  g_weak_ref_init (&choice->board, self);
  choice->asset_id = asset_id;

  if (asset != NULL)
    /* Translators: %s is an asset's name */
    title = g_strdup_printf (_("New Version of “%s”"), fd_asset_get_name (asset));
  else
    title = g_strdup (_("Import Videos and Images"));

  choose (_fd_board_view_get_window (self), title, choice);
}

/*
 * Texts
 */

static void
on_text_saved (FdTextAssetDialog *dialog,
               gint64             asset_id,
               gint64             version,
               FdBoardView       *self)
{
  FdAsset *asset = _fd_board_view_find_asset (self, asset_id);
  g_autofree char *text = NULL;
  const char *name = fd_text_asset_dialog_get_name (dialog);

  if (version <= 1)
    /* Translators: %s is the new asset's name */
    text = g_strdup_printf (_("“%s” was created as a draft."), name);
  else
    /* Translators: a version number, then an asset's name */
    text = g_strdup_printf (_("Version %lld of “%s” was saved."), (long long)version,
                            asset ? fd_asset_get_name (asset) : name);

  fd_board_toast (GTK_WIDGET (self), text, FALSE);
}

static void
present_text_dialog (FdBoardView       *self,
                     FdTextAssetDialog *dialog)
{
  gtk_window_set_transient_for (GTK_WINDOW (dialog), _fd_board_view_get_window (self));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_text_saved), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_fd_board_view_new_text (FdBoardView *self,
                         FdAssetKind  kind)
{
  if (self->workspace == NULL)
    return;

  present_text_dialog (self, fd_text_asset_dialog_new_for_kind (self->workspace, self->person_id, kind,
                                                                G_LIST_MODEL (self->briefs),
                                                                self->last_brief_id));
}

/**
 * _fd_board_view_add_version:
 *
 * A new version: a file for media, a new text for texts.
 */
void
_fd_board_view_add_version (FdBoardView *self,
                            gint64       asset_id)
{
  FdAsset *asset = _fd_board_view_find_asset (self, asset_id);

  if (asset == NULL || self->workspace == NULL)
    return;

  if (fd_asset_kind_is_media (fd_asset_get_kind (asset)))
    _fd_board_view_choose_files (self, asset_id);
  else
    present_text_dialog (self, fd_text_asset_dialog_new_for_asset (self->workspace, self->person_id,
                                                                   asset));
}
