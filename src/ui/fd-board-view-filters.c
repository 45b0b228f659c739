/* fd-board-view-filters.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-board-view"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-board-view-private.h"
#include "fd-brief.h"
#include "fd-person.h"

/* The filter bar: a text search, and a brief, a planned campaign, a kind
 * and a person (assets they made or review; optionally only those waiting
 * for their decision). Every choice sets the board's one FdAssetFilter,
 * whose ::changed reaches every column with how strict the change is, so
 * a narrower filter only looks at what still shows.
 *
 * The drop-downs list plain strings; the ids behind them are kept in
 * arrays of the same order, rebuilt when the briefs, the team or the
 * campaigns change, and the choice is kept by id across a rebuild. */

/* Campaign names are gathered from every asset; after a change, once. */
#define CAMPAIGNS_DELAY_MS 300

/*
 * Drop-downs of strings that fit in the toolbar
 */

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_label (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (string));
}

static void
setup_dropdown (GtkDropDown *dropdown)
{
  g_autoptr(GtkListItemFactory) button = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list = gtk_signal_list_item_factory_new ();

  g_signal_connect (button, "setup", G_CALLBACK (setup_label), GINT_TO_POINTER (TRUE));
  g_signal_connect (button, "bind", G_CALLBACK (bind_label), NULL);
  g_signal_connect (list, "setup", G_CALLBACK (setup_label), GINT_TO_POINTER (FALSE));
  g_signal_connect (list, "bind", G_CALLBACK (bind_label), NULL);
  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, list);
}

static void
set_strings (FdBoardView *self,
             GtkDropDown *dropdown,
             GPtrArray   *strings,
             guint        selected)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new ((const char * const *)strings->pdata);

  self->syncing_filters++;
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (dropdown, selected);
  self->syncing_filters--;
}

/*
 * Filling them
 */

static void
fill_briefs (FdBoardView *self)
{
  GListModel *briefs = G_LIST_MODEL (self->briefs);
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  gint64 wanted = fd_asset_filter_get_brief_id (self->filter);
  guint selected = 0;
  gint64 none = 0;

  g_array_set_size (self->brief_ids, 0);
  g_array_append_val (self->brief_ids, none);
  g_ptr_array_add (titles, _("All Briefs"));

  for (guint i = 0; i < g_list_model_get_n_items (briefs); i++)
    {
      g_autoptr(FdBrief) brief = g_list_model_get_item (briefs, i);
      gint64 id = fd_brief_get_id (brief);

      if (id == wanted)
        selected = self->brief_ids->len;
      g_array_append_val (self->brief_ids, id);
      /* The string list copies them right away. */
      g_ptr_array_add (titles, (char *)fd_brief_get_title (brief));
    }
  g_ptr_array_add (titles, NULL);

  set_strings (self, self->brief_dropdown, titles, selected);
  if (selected == 0 && wanted != 0 && fd_query_model_get_loaded (self->briefs))
    fd_asset_filter_set_brief_id (self->filter, 0);
}

static void
fill_people (FdBoardView *self)
{
  GListModel *people = G_LIST_MODEL (self->people);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  gint64 wanted = fd_asset_filter_get_person_id (self->filter);
  guint selected = 0;
  gint64 none = 0;

  g_array_set_size (self->person_ids, 0);
  g_array_append_val (self->person_ids, none);
  g_ptr_array_add (names, _("Anyone"));

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(FdPerson) person = g_list_model_get_item (people, i);
      gint64 id = fd_person_get_id (person);

      if (id == wanted)
        selected = self->person_ids->len;
      g_array_append_val (self->person_ids, id);
      g_ptr_array_add (names, (char *)fd_person_get_name (person));
    }
  g_ptr_array_add (names, NULL);

  set_strings (self, self->person_dropdown, names, selected);
  if (selected == 0 && wanted != 0 && fd_query_model_get_loaded (self->people))
    fd_asset_filter_set_person_id (self->filter, 0);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char **)a, *(const char **)b);
}

static gboolean
fill_campaigns (gpointer user_data)
{
  FdBoardView *self = user_data;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  const char *wanted = fd_asset_filter_get_campaign (self->filter);
  guint n = self->assets ? g_list_model_get_n_items (G_LIST_MODEL (self->assets)) : 0;
  guint selected = 0;

  self->campaigns_source = 0;
  g_ptr_array_set_size (self->campaigns, 0);

  for (guint i = 0; i < n; i++)
    {
      FdAsset *asset = g_list_model_get_item (G_LIST_MODEL (self->assets), i);
      const char *campaign = fd_asset_get_campaign (asset);

      if (campaign != NULL && g_hash_table_add (seen, (char *)campaign))
        g_ptr_array_add (self->campaigns, g_strdup (campaign));
      g_object_unref (asset);
    }
  g_ptr_array_sort (self->campaigns, compare_names);

  g_ptr_array_add (labels, _("All Campaigns"));
  for (guint i = 0; i < self->campaigns->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (self->campaigns, i), wanted) == 0)
        selected = i + 1;
      g_ptr_array_add (labels, g_ptr_array_index (self->campaigns, i));
    }
  g_ptr_array_add (labels, NULL);

  set_strings (self, self->campaign_dropdown, labels, selected);
  gtk_widget_set_visible (GTK_WIDGET (self->campaign_dropdown), self->campaigns->len > 0 || wanted);

  return G_SOURCE_REMOVE;
}

static void
queue_campaigns (FdBoardView *self)
{
  if (self->campaigns_source == 0)
    self->campaigns_source = g_timeout_add_full (G_PRIORITY_LOW, CAMPAIGNS_DELAY_MS,
                                                 fill_campaigns, self, NULL);
}

static void
fill_kinds (FdBoardView *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  g_ptr_array_add (labels, _("All Kinds"));
  for (FdAssetKind kind = FD_ASSET_KIND_VIDEO; kind <= FD_ASSET_KIND_SCRIPT; kind++)
    g_ptr_array_add (labels, (char *)fd_asset_kind_get_plural_name (kind));
  g_ptr_array_add (labels, NULL);

  set_strings (self, self->kind_dropdown, labels, fd_asset_filter_get_kind (self->filter));
}

/*
 * Choices
 */

static void
on_search_changed (FdBoardView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  fd_asset_filter_set_text (self->filter, *text ? text : NULL);
}

static void
on_stop_search (FdBoardView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_brief_selected (FdBoardView *self)
{
  guint selected = gtk_drop_down_get_selected (self->brief_dropdown);

  if (self->syncing_filters == 0 && selected < self->brief_ids->len)
    fd_asset_filter_set_brief_id (self->filter, g_array_index (self->brief_ids, gint64, selected));
}

static void
on_campaign_selected (FdBoardView *self)
{
  guint selected = gtk_drop_down_get_selected (self->campaign_dropdown);

  if (self->syncing_filters > 0 || selected == GTK_INVALID_LIST_POSITION)
    return;

  fd_asset_filter_set_campaign (self->filter,
                                selected == 0 || selected > self->campaigns->len
                                ? NULL : g_ptr_array_index (self->campaigns, selected - 1));
}

static void
on_kind_selected (FdBoardView *self)
{
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);

  if (self->syncing_filters == 0 && selected <= FD_ASSET_KIND_SCRIPT)
    fd_asset_filter_set_kind (self->filter, selected);
}

static void
on_person_selected (FdBoardView *self)
{
  guint selected = gtk_drop_down_get_selected (self->person_dropdown);

  if (self->syncing_filters == 0 && selected < self->person_ids->len)
    fd_asset_filter_set_person_id (self->filter, g_array_index (self->person_ids, gint64, selected));
}

static void
on_waiting_toggled (FdBoardView *self)
{
  if (self->syncing_filters == 0)
    fd_asset_filter_set_waiting (self->filter, gtk_toggle_button_get_active (self->waiting_button));
}

/* Shows the filter in the bar, whoever changed it. */
static void
on_filter_changed (FdBoardView   *self,
                   int            change)
{
  gboolean active = !fd_asset_filter_is_empty (self->filter);
  gboolean has_person = fd_asset_filter_get_person_id (self->filter) != 0;

  for (guint i = 0; i < FD_ASSET_N_STATES; i++)
    fd_board_column_refilter (self->columns[i], (GtkFilterChange)change);

  self->syncing_filters++;
  gtk_widget_set_visible (GTK_WIDGET (self->waiting_button), has_person);
  gtk_toggle_button_set_active (self->waiting_button, fd_asset_filter_get_waiting (self->filter));
  gtk_drop_down_set_selected (self->kind_dropdown, fd_asset_filter_get_kind (self->filter));
  self->syncing_filters--;

  gtk_widget_set_visible (self->clear_filters_button, active);
  if (active)
    gtk_widget_add_css_class (GTK_WIDGET (self->filters_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filters_button), "accent");
}

/*
 * Entry points
 */

void
_fd_board_view_filters_init (FdBoardView *self)
{
  self->brief_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->campaigns = g_ptr_array_new_with_free_func (g_free);

  setup_dropdown (self->brief_dropdown);
  setup_dropdown (self->campaign_dropdown);
  setup_dropdown (self->kind_dropdown);
  setup_dropdown (self->person_dropdown);
  fill_kinds (self);
  fill_briefs (self);
  fill_people (self);
  fill_campaigns (self);

  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (on_search_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search", G_CALLBACK (on_stop_search),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->brief_dropdown, "notify::selected", G_CALLBACK (on_brief_selected),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->campaign_dropdown, "notify::selected",
                           G_CALLBACK (on_campaign_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->kind_dropdown, "notify::selected", G_CALLBACK (on_kind_selected),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->person_dropdown, "notify::selected", G_CALLBACK (on_person_selected),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->waiting_button, "toggled", G_CALLBACK (on_waiting_toggled),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter, "changed", G_CALLBACK (on_filter_changed),
                           self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->briefs, "items-changed", G_CALLBACK (fill_briefs),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->people, "items-changed", G_CALLBACK (fill_people),
                           self, G_CONNECT_SWAPPED);

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->columns_box));
}

/**
 * _fd_board_view_filters_reset:
 *
 * Forgets every choice (another workspace has other briefs and people),
 * and follows the new workspace's assets for their campaigns.
 */
void
_fd_board_view_filters_reset (FdBoardView *self)
{
  g_clear_handle_id (&self->campaigns_source, g_source_remove);
  _fd_board_view_clear_filters (self);
  fill_campaigns (self);
}

void
_fd_board_view_clear_filters (FdBoardView *self)
{
  g_object_freeze_notify (G_OBJECT (self->filter));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  fd_asset_filter_set_text (self->filter, NULL);
  fd_asset_filter_set_kind (self->filter, FD_ASSET_KIND_NONE);
  fd_asset_filter_set_brief_id (self->filter, 0);
  fd_asset_filter_set_campaign (self->filter, NULL);
  fd_asset_filter_set_person_id (self->filter, 0);
  fd_asset_filter_set_waiting (self->filter, FALSE);
  g_object_thaw_notify (G_OBJECT (self->filter));

  self->syncing_filters++;
  gtk_drop_down_set_selected (self->brief_dropdown, 0);
  gtk_drop_down_set_selected (self->campaign_dropdown, 0);
  gtk_drop_down_set_selected (self->kind_dropdown, 0);
  gtk_drop_down_set_selected (self->person_dropdown, 0);
  self->syncing_filters--;
}

/**
 * _fd_board_view_filters_follow:
 *
 * Keeps the campaign drop-down in line with @assets.
 */
void
_fd_board_view_filters_follow (FdBoardView *self,
                               FdAssetList *assets)
{
  if (assets == NULL)
    return;

  g_signal_connect_object (assets, "items-changed", G_CALLBACK (queue_campaigns),
                           self, G_CONNECT_SWAPPED);
  queue_campaigns (self);
}

/* Narrow toolbars: the drop-downs go into the Filters popover, one under
 * the other, and come back when there is room again. While they are in
 * the toolbar they sit in a scrolled window of no minimum width, so that
 * the window can always be made narrow enough for this to happen. */
void
_fd_board_view_filters_set_compact (FdBoardView *self,
                                    gboolean     compact)
{
  GtkWidget *box = self->filters_box;
  GtkWidget *parent = gtk_widget_get_parent (box);

  if (compact == (parent == self->filters_popover_box))
    return;

  g_object_ref (box);
  if (compact)
    {
      gtk_scrolled_window_set_child (self->filters_scroller, NULL);
      gtk_orientable_set_orientation (GTK_ORIENTABLE (box), GTK_ORIENTATION_VERTICAL);
      gtk_box_append (GTK_BOX (self->filters_popover_box), box);
    }
  else
    {
      gtk_box_remove (GTK_BOX (self->filters_popover_box), box);
      gtk_orientable_set_orientation (GTK_ORIENTABLE (box), GTK_ORIENTATION_HORIZONTAL);
      gtk_scrolled_window_set_child (self->filters_scroller, box);
    }
  g_object_unref (box);

  gtk_widget_set_visible (GTK_WIDGET (self->filters_scroller), !compact);
  gtk_widget_set_visible (GTK_WIDGET (self->filters_button), compact);
}
