/* fd-asset-filter.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-asset-filter"

#include "config.h"

#include "fd-asset-filter.h"

/* The board's filters without GTK: brief, campaign, kind, state, person
 * (who created or reviews an asset, or only what waits for their
 * decision) and a text search, all of which must match. The board wraps
 * fd_asset_filter_match() in a GtkCustomFilter and passes ::changed on to
 * gtk_filter_changed(); the same object then filters every column. */

struct _FdAssetFilter
{
  GObject        parent_instance;

  char          *text;
  char         **words;     /* folded */
  FdAssetKind    kind;
  FdAssetState   state;
  gint64         brief_id;
  char          *campaign;
  gint64         person_id;
  gboolean       waiting;
};

G_DEFINE_FINAL_TYPE (FdAssetFilter, fd_asset_filter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_KIND,
  PROP_STATE,
  PROP_BRIEF_ID,
  PROP_CAMPAIGN,
  PROP_PERSON_ID,
  PROP_WAITING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
emit_changed (FdAssetFilter       *self,
              guint                prop,
              FdAssetFilterChange  change)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  g_signal_emit (self, signals[CHANGED], 0, change);
}

/* For a criterion that is either off (0) or one value. */
static FdAssetFilterChange
change_of (gint64 old_value,
           gint64 new_value)
{
  if (old_value == 0)
    return FD_ASSET_FILTER_CHANGE_MORE_STRICT;
  if (new_value == 0)
    return FD_ASSET_FILTER_CHANGE_LESS_STRICT;
  return FD_ASSET_FILTER_CHANGE_DIFFERENT;
}

static void
fd_asset_filter_finalize (GObject *object)
{
  FdAssetFilter *self = (FdAssetFilter *)object;

  g_free (self->text);
  g_strfreev (self->words);
  g_free (self->campaign);

  G_OBJECT_CLASS (fd_asset_filter_parent_class)->finalize (object);
}

static void
fd_asset_filter_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  FdAssetFilter *self = FD_ASSET_FILTER (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_BRIEF_ID:
      g_value_set_int64 (value, self->brief_id);
      break;
    case PROP_CAMPAIGN:
      g_value_set_string (value, self->campaign);
      break;
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    case PROP_WAITING:
      g_value_set_boolean (value, self->waiting);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_asset_filter_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  FdAssetFilter *self = FD_ASSET_FILTER (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      fd_asset_filter_set_text (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      fd_asset_filter_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_STATE:
      fd_asset_filter_set_state (self, g_value_get_enum (value));
      break;
    case PROP_BRIEF_ID:
      fd_asset_filter_set_brief_id (self, g_value_get_int64 (value));
      break;
    case PROP_CAMPAIGN:
      fd_asset_filter_set_campaign (self, g_value_get_string (value));
      break;
    case PROP_PERSON_ID:
      fd_asset_filter_set_person_id (self, g_value_get_int64 (value));
      break;
    case PROP_WAITING:
      fd_asset_filter_set_waiting (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_asset_filter_class_init (FdAssetFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = fd_asset_filter_finalize;
  object_class->get_property = fd_asset_filter_get_property;
  object_class->set_property = fd_asset_filter_set_property;

  /* Words that must all occur (case and accents do not matter). */
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, FD_TYPE_ASSET_KIND, FD_ASSET_KIND_NONE, flags);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, FD_TYPE_ASSET_STATE, FD_ASSET_STATE_NONE, flags);
  properties[PROP_BRIEF_ID] = g_param_spec_int64 ("brief-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CAMPAIGN] = g_param_spec_string ("campaign", NULL, NULL, NULL, flags);
  /* Assets this person created or reviews in the current round. */
  properties[PROP_PERSON_ID] = g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /* With a person: only assets in review waiting for their decision. */
  properties[PROP_WAITING] = g_param_spec_boolean ("waiting", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FdAssetFilter::changed:
   * @change: an #FdAssetFilterChange
   *
   * Emitted when a criterion changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
fd_asset_filter_init (FdAssetFilter *self)
{
}

FdAssetFilter *
fd_asset_filter_new (void)
{
  return g_object_new (FD_TYPE_ASSET_FILTER, NULL);
}

/**
 * fd_asset_filter_match:
 *
 * Returns: whether @asset meets every criterion
 */
gboolean
fd_asset_filter_match (FdAssetFilter *self,
                       FdAsset       *asset)
{
  g_return_val_if_fail (FD_IS_ASSET_FILTER (self), FALSE);
  g_return_val_if_fail (FD_IS_ASSET (asset), FALSE);

  if (self->state != FD_ASSET_STATE_NONE && fd_asset_get_state (asset) != self->state)
    return FALSE;
  if (self->kind != FD_ASSET_KIND_NONE && fd_asset_get_kind (asset) != self->kind)
    return FALSE;
  if (self->brief_id != 0 && fd_asset_get_brief_id (asset) != self->brief_id)
    return FALSE;
  if (self->campaign != NULL && g_strcmp0 (fd_asset_get_campaign (asset), self->campaign) != 0)
    return FALSE;
  if (self->person_id != 0 &&
      !(self->waiting ? fd_asset_is_waiting_for (asset, self->person_id)
                      : fd_asset_involves_person (asset, self->person_id)))
    return FALSE;

  return fd_asset_matches_words (asset, (const char * const *)self->words);
}

/**
 * fd_asset_filter_is_empty:
 *
 * Returns: whether the filter lets everything through
 */
gboolean
fd_asset_filter_is_empty (FdAssetFilter *self)
{
  g_return_val_if_fail (FD_IS_ASSET_FILTER (self), TRUE);

  return self->state == FD_ASSET_STATE_NONE && self->kind == FD_ASSET_KIND_NONE &&
         self->brief_id == 0 && self->campaign == NULL && self->person_id == 0 &&
         (self->words == NULL || self->words[0] == NULL);
}

const char *
fd_asset_filter_get_text (FdAssetFilter *self)
{
  g_return_val_if_fail (FD_IS_ASSET_FILTER (self), NULL);
  return self->text;
}

/* Words separated by white space; "15s" and "e-bike" stay whole. */
static char **
split_words (const char *folded)
{
  g_auto(GStrv) parts = g_strsplit_set (folded, " \t\n", -1);
  GPtrArray *words = g_ptr_array_new ();

  for (guint i = 0; parts[i]; i++)
    if (*parts[i] != '\0')
      g_ptr_array_add (words, g_strdup (parts[i]));
  g_ptr_array_add (words, NULL);

  return (char **)g_ptr_array_free (words, FALSE);
}

/**
 * fd_asset_filter_set_text:
 * @text: (nullable): words that must all occur in a card's name, kind,
 *   brief, campaign, group, text or reviewers
 */
void
fd_asset_filter_set_text (FdAssetFilter *self,
                          const char    *text)
{
  g_autofree char *old_words = NULL;
  g_autofree char *new_words = NULL;
  g_autofree char *folded = NULL;
  FdAssetFilterChange change;

  g_return_if_fail (FD_IS_ASSET_FILTER (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  old_words = self->words ? g_strjoinv (" ", self->words) : g_strdup ("");
  folded = fd_asset_fold_text (text);

  g_free (self->text);
  self->text = g_strdup (text);
  g_strfreev (self->words);
  self->words = split_words (folded);
  new_words = g_strjoinv (" ", self->words);

  /* Typing on narrows the matches; deleting widens them. */
  if (g_str_has_prefix (new_words, old_words))
    change = FD_ASSET_FILTER_CHANGE_MORE_STRICT;
  else if (g_str_has_prefix (old_words, new_words))
    change = FD_ASSET_FILTER_CHANGE_LESS_STRICT;
  else
    change = FD_ASSET_FILTER_CHANGE_DIFFERENT;

  emit_changed (self, PROP_TEXT, change);
}

FdAssetKind
fd_asset_filter_get_kind (FdAssetFilter *self)
{
  g_return_val_if_fail (FD_IS_ASSET_FILTER (self), FD_ASSET_KIND_NONE);
  return self->kind;
}

void
fd_asset_filter_set_kind (FdAssetFilter *self,
                          FdAssetKind    kind)
{
  FdAssetKind old;

  g_return_if_fail (FD_IS_ASSET_FILTER (self));

  if (self->kind == kind)
    return;

  old = self->kind;
  self->kind = kind;
  emit_changed (self, PROP_KIND, change_of (old, kind));
}

FdAssetState
fd_asset_filter_get_state (FdAssetFilter *self)
{
  g_return_val_if_fail (FD_IS_ASSET_FILTER (self), FD_ASSET_STATE_NONE);
  return self->state;
}

void
fd_asset_filter_set_state (FdAssetFilter *self,
                           FdAssetState   state)
{
  FdAssetState old;

  g_return_if_fail (FD_IS_ASSET_FILTER (self));

  if (self->state == state)
    return;

  old = self->state;
  self->state = state;
  emit_changed (self, PROP_STATE, change_of (old, state));
}

gint64
fd_asset_filter_get_brief_id (FdAssetFilter *self)
{
  g_return_val_if_fail (FD_IS_ASSET_FILTER (self), 0);
  return self->brief_id;
}

void
fd_asset_filter_set_brief_id (FdAssetFilter *self,
                              gint64         brief_id)
{
  gint64 old;

  g_return_if_fail (FD_IS_ASSET_FILTER (self));

  if (self->brief_id == brief_id)
    return;

  old = self->brief_id;
  self->brief_id = brief_id;
  emit_changed (self, PROP_BRIEF_ID, change_of (old, brief_id));
}

const char *
fd_asset_filter_get_campaign (FdAssetFilter *self)
{
  g_return_val_if_fail (FD_IS_ASSET_FILTER (self), NULL);
  return self->campaign;
}

/**
 * fd_asset_filter_set_campaign:
 * @campaign: (nullable): the campaign, or %NULL (or "") for any
 */
void
fd_asset_filter_set_campaign (FdAssetFilter *self,
                              const char    *campaign)
{
  gboolean had;

  g_return_if_fail (FD_IS_ASSET_FILTER (self));

  if (campaign != NULL && *campaign == '\0')
    campaign = NULL;
  if (g_strcmp0 (self->campaign, campaign) == 0)
    return;

  had = self->campaign != NULL;
  g_free (self->campaign);
  self->campaign = g_strdup (campaign);
  emit_changed (self, PROP_CAMPAIGN, change_of (had, campaign != NULL));
}

gint64
fd_asset_filter_get_person_id (FdAssetFilter *self)
{
  g_return_val_if_fail (FD_IS_ASSET_FILTER (self), 0);
  return self->person_id;
}

void
fd_asset_filter_set_person_id (FdAssetFilter *self,
                               gint64         person_id)
{
  gint64 old;

  g_return_if_fail (FD_IS_ASSET_FILTER (self));

  if (self->person_id == person_id)
    return;

  old = self->person_id;
  self->person_id = person_id;
  emit_changed (self, PROP_PERSON_ID, change_of (old, person_id));
}

gboolean
fd_asset_filter_get_waiting (FdAssetFilter *self)
{
  g_return_val_if_fail (FD_IS_ASSET_FILTER (self), FALSE);
  return self->waiting;
}

void
fd_asset_filter_set_waiting (FdAssetFilter *self,
                             gboolean       waiting)
{
  g_return_if_fail (FD_IS_ASSET_FILTER (self));

  waiting = !!waiting;
  if (self->waiting == waiting)
    return;

  self->waiting = waiting;
  /* Waiting narrows "involves", but only when a person is chosen. */
  emit_changed (self, PROP_WAITING,
                self->person_id == 0 ? FD_ASSET_FILTER_CHANGE_DIFFERENT
                : waiting ? FD_ASSET_FILTER_CHANGE_MORE_STRICT
                : FD_ASSET_FILTER_CHANGE_LESS_STRICT);
}
