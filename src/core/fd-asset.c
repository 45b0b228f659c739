/* fd-asset.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-asset"

#include "config.h"

#include "fd-asset-private.h"

/* FdAsset is what a board card shows: one asset as it stands now, with the
 * reviewers of its current round and their decisions on the version under
 * review. Objects are made by the loader (often on a worker thread) and
 * then belong to the main thread; FdAssetList refreshes them in place, so
 * an asset page holding one sees its properties change. */


G_DEFINE_FINAL_TYPE (FdAsset, fd_asset, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_STATE,
  PROP_NAME,
  PROP_VERSION,
  PROP_SHA256,
  PROP_PREVIEW,
  PROP_THUMBNAIL_PATH,
  PROP_DUE,
  PROP_DUE_FROM_BRIEF,
  PROP_BRIEF_ID,
  PROP_BRIEF_TITLE,
  PROP_CAMPAIGN,
  PROP_GROUP_ID,
  PROP_GROUP_NAME,
  PROP_CREATED_BY,
  PROP_CREATED,
  PROP_STATE_SINCE,
  PROP_STATE_NOTE,
  PROP_REVIEW_ROUND,
  PROP_REVIEW_VERSION,
  PROP_REVIEWERS,
  PROP_N_REQUIRED,
  PROP_N_APPROVED,
  PROP_N_REPLACEMENTS,
  PROP_REPLACEMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fd_asset_finalize (GObject *object)
{
  FdAsset *self = (FdAsset *)object;

  g_free (self->name);
  g_free (self->sha256);
  g_free (self->preview);
  g_clear_pointer (&self->thumbnail_dir, g_ref_string_release);
  g_clear_pointer (&self->brief_title, g_ref_string_release);
  g_clear_pointer (&self->campaign, g_ref_string_release);
  g_clear_pointer (&self->group_name, g_ref_string_release);
  g_free (self->state_note);
  g_free (self->replacement);
  g_clear_pointer (&self->reviewers, g_ptr_array_unref);
  g_free (self->search_key);

  G_OBJECT_CLASS (fd_asset_parent_class)->finalize (object);
}

static void
fd_asset_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  FdAsset *self = FD_ASSET (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;
    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;
    case PROP_PREVIEW:
      g_value_set_string (value, self->preview);
      break;
    case PROP_THUMBNAIL_PATH:
      g_value_take_string (value, fd_asset_dup_thumbnail_path (self));
      break;
    case PROP_DUE:
      g_value_set_int64 (value, self->due_us);
      break;
    case PROP_DUE_FROM_BRIEF:
      g_value_set_boolean (value, self->due_from_brief);
      break;
    case PROP_BRIEF_ID:
      g_value_set_int64 (value, self->brief_id);
      break;
    case PROP_BRIEF_TITLE:
      g_value_set_string (value, self->brief_title);
      break;
    case PROP_CAMPAIGN:
      g_value_set_string (value, self->campaign);
      break;
    case PROP_GROUP_ID:
      g_value_set_int64 (value, self->group_id);
      break;
    case PROP_GROUP_NAME:
      g_value_set_string (value, self->group_name);
      break;
    case PROP_CREATED_BY:
      g_value_set_int64 (value, self->created_by);
      break;
    case PROP_CREATED:
      g_value_set_int64 (value, self->created_us);
      break;
    case PROP_STATE_SINCE:
      g_value_set_int64 (value, self->state_since_us);
      break;
    case PROP_STATE_NOTE:
      g_value_set_string (value, self->state_note);
      break;
    case PROP_REVIEW_ROUND:
      g_value_set_int64 (value, self->review_round);
      break;
    case PROP_REVIEW_VERSION:
      g_value_set_int64 (value, self->review_version);
      break;
    case PROP_REVIEWERS:
      g_value_set_boxed (value, self->reviewers);
      break;
    case PROP_N_REQUIRED:
      g_value_set_uint (value, fd_asset_get_n_required (self));
      break;
    case PROP_N_APPROVED:
      g_value_set_uint (value, fd_asset_get_n_approved (self));
      break;
    case PROP_N_REPLACEMENTS:
      g_value_set_uint (value, self->n_replacements);
      break;
    case PROP_REPLACEMENT:
      g_value_set_string (value, self->replacement);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
int64_property (const char *name)
{
  return g_param_spec_int64 (name, NULL, NULL, 0, G_MAXINT64, 0,
                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
fd_asset_class_init (FdAssetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fd_asset_finalize;
  object_class->get_property = fd_asset_get_property;

  properties[PROP_ID] = int64_property ("id");
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, FD_TYPE_ASSET_KIND, FD_ASSET_KIND_NONE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, FD_TYPE_ASSET_STATE, FD_ASSET_STATE_NONE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = string_property ("name");
  /* The current version's number, 0 before the first version. */
  properties[PROP_VERSION] = int64_property ("version");
  properties[PROP_SHA256] = string_property ("sha256");
  /* Text kinds: the start of the current version's text. */
  properties[PROP_PREVIEW] = string_property ("preview");
  /* Media kinds: where the current version's thumbnail is cached (the file
   * may be missing: the cache can be deleted at any time). */
  properties[PROP_THUMBNAIL_PATH] = string_property ("thumbnail-path");
  /* The asset's own due date, or its brief's; 0 for none. */
  properties[PROP_DUE] = int64_property ("due");
  properties[PROP_DUE_FROM_BRIEF] =
    g_param_spec_boolean ("due-from-brief", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BRIEF_ID] = int64_property ("brief-id");
  properties[PROP_BRIEF_TITLE] = string_property ("brief-title");
  properties[PROP_CAMPAIGN] = string_property ("campaign");
  properties[PROP_GROUP_ID] = int64_property ("group-id");
  properties[PROP_GROUP_NAME] = string_property ("group-name");
  /* The person who created it, 0 when it was not a person. */
  properties[PROP_CREATED_BY] = int64_property ("created-by");
  properties[PROP_CREATED] = int64_property ("created");
  properties[PROP_STATE_SINCE] = int64_property ("state-since");
  /* The reason or feedback given with the last transition. */
  properties[PROP_STATE_NOTE] = string_property ("state-note");
  properties[PROP_REVIEW_ROUND] = int64_property ("review-round");
  properties[PROP_REVIEW_VERSION] = int64_property ("review-version");
  /* (element-type FdAssetReviewer): required reviewers first. */
  properties[PROP_REVIEWERS] =
    g_param_spec_boxed ("reviewers", NULL, NULL, G_TYPE_PTR_ARRAY,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_REQUIRED] =
    g_param_spec_uint ("n-required", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_APPROVED] =
    g_param_spec_uint ("n-approved", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* Open and in-progress replacement requests naming one of its versions
   * (triage's queue_replacement). */
  properties[PROP_N_REPLACEMENTS] =
    g_param_spec_uint ("n-replacements", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* The oldest of them in a sentence: which rule asked, for which ad. */
  properties[PROP_REPLACEMENT] = string_property ("replacement");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_asset_init (FdAsset *self)
{
  self->reviewers = g_ptr_array_new_with_free_func (g_object_unref);
}

/*
 * Loading
 */

GHashTable *
_fd_asset_new_string_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                (GDestroyNotify)g_ref_string_release);
}

static GRefString *
share_string (GHashTable *strings,
              const char *text)
{
  GRefString *shared;

  if (text == NULL)
    return NULL;

  shared = g_hash_table_lookup (strings, text);
  if (shared == NULL)
    {
      shared = g_ref_string_new (text);
      g_hash_table_insert (strings, shared, shared);
    }

  return g_ref_string_acquire (shared);
}

/**
 * _fd_actor_get_person_id:
 *
 * Returns: the person of an actor string "person:ID", or 0
 */
gint64
_fd_actor_get_person_id (const char *actor)
{
  if (actor == NULL || !g_str_has_prefix (actor, "person:"))
    return 0;

  return g_ascii_strtoll (actor + strlen ("person:"), NULL, 10);
}

FdAsset *
_fd_asset_new_from_row (sqlite3_stmt *stmt,
                        GRefString   *thumbnail_dir,
                        GHashTable   *strings)
{
  FdAsset *self = g_object_new (FD_TYPE_ASSET, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->kind = fd_asset_kind_from_string (fd_stmt_column_text (stmt, 1));
  self->state = fd_asset_state_from_string (fd_stmt_column_text (stmt, 2));
  self->name = fd_stmt_dup_text (stmt, 3);
  self->version = sqlite3_column_int64 (stmt, 4);
  self->sha256 = fd_stmt_dup_text (stmt, 5);
  self->preview = fd_stmt_dup_text (stmt, 6);
  self->due_us = sqlite3_column_int64 (stmt, 7);
  self->due_from_brief = sqlite3_column_int (stmt, 8) != 0;
  self->brief_id = sqlite3_column_int64 (stmt, 9);
  self->brief_title = share_string (strings, fd_stmt_column_text (stmt, 10));
  self->campaign = share_string (strings, fd_stmt_column_text (stmt, 11));
  self->group_id = sqlite3_column_int64 (stmt, 12);
  self->group_name = share_string (strings, fd_stmt_column_text (stmt, 13));
  self->created_by = _fd_actor_get_person_id (fd_stmt_column_text (stmt, 14));
  self->created_us = sqlite3_column_int64 (stmt, 15);
  self->state_since_us = sqlite3_column_int64 (stmt, 16);
  self->state_note = fd_stmt_dup_text (stmt, 17);
  self->review_round = sqlite3_column_int64 (stmt, 18);
  self->review_version = sqlite3_column_int64 (stmt, 19);
  self->n_replacements = (guint)sqlite3_column_int64 (stmt, 20);
  if (self->n_replacements > 0)
    self->replacement = fd_replacement_request_format (fd_stmt_column_text (stmt, 21),
                                                       fd_stmt_column_text (stmt, 22));

  if (thumbnail_dir != NULL && fd_asset_kind_is_media (self->kind))
    self->thumbnail_dir = g_ref_string_acquire (thumbnail_dir);

  return self;
}

/* Takes @reviewers. */
void
_fd_asset_take_reviewers (FdAsset   *self,
                          GPtrArray *reviewers)
{
  g_ptr_array_unref (self->reviewers);
  self->reviewers = reviewers;
}

static gboolean
reviewers_equal (GPtrArray *a,
                 GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      FdAssetReviewer *x = g_ptr_array_index (a, i);
      FdAssetReviewer *y = g_ptr_array_index (b, i);

      if (fd_asset_reviewer_get_person_id (x) != fd_asset_reviewer_get_person_id (y) ||
          fd_asset_reviewer_get_required (x) != fd_asset_reviewer_get_required (y) ||
          fd_asset_reviewer_get_decision (x) != fd_asset_reviewer_get_decision (y) ||
          fd_asset_reviewer_get_decided_us (x) != fd_asset_reviewer_get_decided_us (y) ||
          g_strcmp0 (fd_asset_reviewer_get_name (x), fd_asset_reviewer_get_name (y)) != 0)
        return FALSE;
    }

  return TRUE;
}

#define UPDATE_VALUE(field, prop) \
  G_STMT_START { \
    if (self->field != fresh->field) \
      { \
        self->field = fresh->field; \
        changed[n_changed++] = properties[prop]; \
      } \
  } G_STMT_END

#define UPDATE_STRING(field, prop) \
  G_STMT_START { \
    if (g_strcmp0 (self->field, fresh->field) != 0) \
      { \
        char *tmp_ = self->field; \
        self->field = fresh->field; \
        fresh->field = tmp_; \
        changed[n_changed++] = properties[prop]; \
      } \
  } G_STMT_END

/**
 * _fd_asset_update_from:
 * @fresh: the same asset, loaded again
 *
 * Takes over what changed in @fresh (which is left with odd values) and
 * notifies those properties.
 *
 * Returns: whether anything changed
 */
gboolean
_fd_asset_update_from (FdAsset *self,
                       FdAsset *fresh)
{
  GParamSpec *changed[N_PROPS];
  guint n_changed = 0;

  g_return_val_if_fail (self->id == fresh->id, FALSE);

  UPDATE_VALUE (kind, PROP_KIND);
  UPDATE_VALUE (state, PROP_STATE);
  UPDATE_STRING (name, PROP_NAME);
  UPDATE_VALUE (version, PROP_VERSION);
  UPDATE_STRING (sha256, PROP_SHA256);
  UPDATE_STRING (preview, PROP_PREVIEW);
  UPDATE_VALUE (due_us, PROP_DUE);
  UPDATE_VALUE (due_from_brief, PROP_DUE_FROM_BRIEF);
  UPDATE_VALUE (brief_id, PROP_BRIEF_ID);
  UPDATE_STRING (brief_title, PROP_BRIEF_TITLE);
  UPDATE_STRING (campaign, PROP_CAMPAIGN);
  UPDATE_VALUE (group_id, PROP_GROUP_ID);
  UPDATE_STRING (group_name, PROP_GROUP_NAME);
  UPDATE_VALUE (created_by, PROP_CREATED_BY);
  UPDATE_VALUE (created_us, PROP_CREATED);
  UPDATE_VALUE (state_since_us, PROP_STATE_SINCE);
  UPDATE_STRING (state_note, PROP_STATE_NOTE);
  UPDATE_VALUE (review_round, PROP_REVIEW_ROUND);
  UPDATE_VALUE (review_version, PROP_REVIEW_VERSION);
  UPDATE_VALUE (n_replacements, PROP_N_REPLACEMENTS);
  UPDATE_STRING (replacement, PROP_REPLACEMENT);

  if (!reviewers_equal (self->reviewers, fresh->reviewers))
    {
      GPtrArray *tmp = self->reviewers;

      self->reviewers = fresh->reviewers;
      fresh->reviewers = tmp;
      changed[n_changed++] = properties[PROP_REVIEWERS];
      changed[n_changed++] = properties[PROP_N_REQUIRED];
      changed[n_changed++] = properties[PROP_N_APPROVED];
    }

  if (n_changed == 0)
    return FALSE;

  g_free (self->search_key);
  self->search_key = g_steal_pointer (&fresh->search_key);

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < n_changed; i++)
    {
      g_object_notify_by_pspec (G_OBJECT (self), changed[i]);
      if (changed[i] == properties[PROP_SHA256])
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THUMBNAIL_PATH]);
    }
  g_object_thaw_notify (G_OBJECT (self));

  return TRUE;
}

#undef UPDATE_VALUE
#undef UPDATE_STRING

/*
 * Public API
 */

gint64
fd_asset_get_id (FdAsset *self)
{
  g_return_val_if_fail (FD_IS_ASSET (self), 0);
  return self->id;
}

FdAssetKind
fd_asset_get_kind (FdAsset *self)
{
  g_return_val_if_fail (FD_IS_ASSET (self), FD_ASSET_KIND_NONE);
  return self->kind;
}

FdAssetState
fd_asset_get_state (FdAsset *self)
{
  g_return_val_if_fail (FD_IS_ASSET (self), FD_ASSET_STATE_NONE);
  return self->state;
}

const char *
fd_asset_get_name (FdAsset *self)
{
  g_return_val_if_fail (FD_IS_ASSET (self), NULL);
  return self->name;
}

/**
 * fd_asset_get_version:
 *
 * Returns: the number of the current version, 0 when there is none yet
 */
gint64
fd_asset_get_version (FdAsset *self)
{
  g_return_val_if_fail (FD_IS_ASSET (self), 0);
  return self->version;
}

/**
 * fd_asset_get_sha256:
 *
 * Returns: (nullable): the hash of the current version
 */
const char *
fd_asset_get_sha256 (FdAsset *self)
{
  g_return_val_if_fail (FD_IS_ASSET (self), NULL);
  return self->sha256;
}

/**
 * fd_asset_get_preview:
 *
 * Returns: (nullable): for text kinds, the start of the current text
 */
const char *
fd_asset_get_preview (FdAsset *self)
{
  g_return_val_if_fail (FD_IS_ASSET (self), NULL);
  return self->preview;
}

/**
 * fd_asset_dup_thumbnail_path:
 *
 * Returns: (transfer full) (nullable): where the thumbnail of the current
 *   version is cached, for media kinds with a version. The file may be
 *   missing (the cache is disposable); fd_asset_ensure_thumbnail() in the
 *   media layer makes it again.
 */
char *
fd_asset_dup_thumbnail_path (FdAsset *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (FD_IS_ASSET (self), NULL);

  if (self->thumbnail_dir == NULL || self->sha256 == NULL)
    return NULL;

  name = g_strconcat (self->sha256, ".png", NULL);
  return g_build_filename (self->thumbnail_dir, name, NULL);
}

/**
 * fd_asset_get_due:
 *
 * Returns: the due date (UTC microseconds): the asset's own, else its
 *   brief's; 0 when neither has one
 */
gint64
fd_asset_get_due (FdAsset *self)
{
  g_return_val_if_fail (FD_IS_ASSET (self), 0);
  return self->due_us;
}

gboolean
fd_asset_get_due_from_brief (FdAsset *self)
{
  g_return_val_if_fail (FD_IS_ASSET (self), FALSE);
  return self->due_from_brief;
}

gint64
fd_asset_get_brief_id (FdAsset *self)
{
  g_return_val_if_fail (FD_IS_ASSET (self), 0);
  return self->brief_id;
}

const char *
fd_asset_get_brief_title (FdAsset *self)
{
  g_return_val_if_fail (FD_IS_ASSET (self), NULL);
  return self->brief_title;
}

/**
 * fd_asset_get_campaign:
 *
 * Returns: (nullable): the campaign the asset is planned for
 */
const char *
fd_asset_get_campaign (FdAsset *self)
{
  g_return_val_if_fail (FD_IS_ASSET (self), NULL);
  return self->campaign;
}

gint64
fd_asset_get_group_id (FdAsset *self)
{
  g_return_val_if_fail (FD_IS_ASSET (self), 0);
  return self->group_id;
}

const char *
fd_asset_get_group_name (FdAsset *self)
{
  g_return_val_if_fail (FD_IS_ASSET (self), NULL);
  return self->group_name;
}

gint64
fd_asset_get_created_by (FdAsset *self)
{
  g_return_val_if_fail (FD_IS_ASSET (self), 0);
  return self->created_by;
}

gint64
fd_asset_get_created (FdAsset *self)
{
  g_return_val_if_fail (FD_IS_ASSET (self), 0);
  return self->created_us;
}

gint64
fd_asset_get_state_since (FdAsset *self)
{
  g_return_val_if_fail (FD_IS_ASSET (self), 0);
  return self->state_since_us;
}

const char *
fd_asset_get_state_note (FdAsset *self)
{
  g_return_val_if_fail (FD_IS_ASSET (self), NULL);
  return self->state_note;
}

gint64
fd_asset_get_review_round (FdAsset *self)
{
  g_return_val_if_fail (FD_IS_ASSET (self), 0);
  return self->review_round;
}

gint64
fd_asset_get_review_version (FdAsset *self)
{
  g_return_val_if_fail (FD_IS_ASSET (self), 0);
  return self->review_version;
}

/**
 * fd_asset_get_n_replacements:
 *
 * Returns: how many open or in-progress replacement requests name one of
 *   the asset's versions
 */
guint
fd_asset_get_n_replacements (FdAsset *self)
{
  g_return_val_if_fail (FD_IS_ASSET (self), 0);
  return self->n_replacements;
}

/**
 * fd_asset_get_replacement:
 *
 * Returns: (nullable): the oldest open replacement request in a sentence
 *   (which rule asked, for which ad), %NULL when there is none
 */
const char *
fd_asset_get_replacement (FdAsset *self)
{
  g_return_val_if_fail (FD_IS_ASSET (self), NULL);
  return self->replacement;
}

/**
 * fd_asset_get_reviewers:
 *
 * The reviewers of the current round (none before the first submission),
 * required ones first, each with their decision on the version under
 * review: the coloured dots of a card.
 *
 * Returns: (transfer none) (element-type FdAssetReviewer): the reviewers
 */
GPtrArray *
fd_asset_get_reviewers (FdAsset *self)
{
  g_return_val_if_fail (FD_IS_ASSET (self), NULL);
  return self->reviewers;
}

guint
fd_asset_get_n_required (FdAsset *self)
{
  guint n = 0;

  g_return_val_if_fail (FD_IS_ASSET (self), 0);

  for (guint i = 0; i < self->reviewers->len; i++)
    if (fd_asset_reviewer_get_required (g_ptr_array_index (self->reviewers, i)))
      n++;

  return n;
}

/**
 * fd_asset_get_n_approved:
 *
 * Returns: how many required reviewers approved the version under review
 */
guint
fd_asset_get_n_approved (FdAsset *self)
{
  guint n = 0;

  g_return_val_if_fail (FD_IS_ASSET (self), 0);

  for (guint i = 0; i < self->reviewers->len; i++)
    {
      FdAssetReviewer *reviewer = g_ptr_array_index (self->reviewers, i);

      if (fd_asset_reviewer_get_required (reviewer) &&
          fd_asset_reviewer_get_decision (reviewer) == FD_REVIEW_DECISION_APPROVED)
        n++;
    }

  return n;
}

/**
 * fd_asset_involves_person:
 *
 * Returns: whether @person_id created the asset or reviews it in the
 *   current round
 */
gboolean
fd_asset_involves_person (FdAsset *self,
                          gint64   person_id)
{
  g_return_val_if_fail (FD_IS_ASSET (self), FALSE);

  if (self->created_by == person_id)
    return TRUE;

  for (guint i = 0; i < self->reviewers->len; i++)
    if (fd_asset_reviewer_get_person_id (g_ptr_array_index (self->reviewers, i)) == person_id)
      return TRUE;

  return FALSE;
}

/**
 * fd_asset_is_waiting_for:
 *
 * Returns: whether the asset is in review and @person_id is a required
 *   reviewer who has not decided on the version under review yet
 */
gboolean
fd_asset_is_waiting_for (FdAsset *self,
                         gint64   person_id)
{
  g_return_val_if_fail (FD_IS_ASSET (self), FALSE);

  if (self->state != FD_ASSET_STATE_IN_REVIEW)
    return FALSE;

  for (guint i = 0; i < self->reviewers->len; i++)
    {
      FdAssetReviewer *reviewer = g_ptr_array_index (self->reviewers, i);

      if (fd_asset_reviewer_get_person_id (reviewer) == person_id)
        return fd_asset_reviewer_get_required (reviewer) &&
               fd_asset_reviewer_get_decision (reviewer) == FD_REVIEW_DECISION_NONE;
    }

  return FALSE;
}
