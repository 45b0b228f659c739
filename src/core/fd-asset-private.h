/* fd-asset-private.h
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-asset.h"
#include "fd-mutation.h"
#include "fd-person.h"
#include "fd-replacement-request.h"
#include "fd-store.h"

G_BEGIN_DECLS

/* Shared by fd-asset.c and fd-asset-search.c. */
struct _FdAsset
{
  GObject       parent_instance;

  gint64        id;
  FdAssetKind   kind;
  FdAssetState  state;
  char         *name;
  gint64        version;
  char         *sha256;
  char         *preview;
  GRefString   *thumbnail_dir;
  gint64        due_us;
  gboolean      due_from_brief;
  gint64        brief_id;
  GRefString   *brief_title;
  GRefString   *campaign;
  gint64        group_id;
  GRefString   *group_name;
  gint64        created_by;
  gint64        created_us;
  gint64        state_since_us;
  char         *state_note;
  gint64        review_round;
  gint64        review_version;
  GPtrArray    *reviewers;
  guint         n_replacements;
  char         *replacement;

  char         *search_key;  /* built on first search */
};

/* What a card shows, in one row per asset. The columns are read by
 * _fd_asset_new_from_row(); add to both together. */
#define FD_ASSET_CARD_SELECT \
  "SELECT a.id, a.kind, a.state, a.name, a.current_version, v.sha256, " \
  "substr (v.text, 1, 240), coalesce (a.due_us, b.due_us), " \
  "a.due_us IS NULL AND b.due_us IS NOT NULL, a.brief_id, b.title, a.campaign, " \
  "a.group_id, g.name, a.created_by, a.created_us, a.state_since_us, a.state_note, " \
  "a.review_round, a.review_version, coalesce (rr.n, 0), ru.name, coalesce (mo.name, rq.ad_id) " \
  "FROM asset a " \
  "LEFT JOIN asset_version v ON v.asset_id = a.id AND v.number = a.current_version " \
  "LEFT JOIN brief b ON b.id = a.brief_id " \
  "LEFT JOIN asset_group g ON g.id = a.group_id " \
  "LEFT JOIN (SELECT v.asset_id AS asset_id, count (DISTINCT r.id) AS n, min (r.id) AS first_id " \
  "  " FD_REPLACEMENT_OPEN_VERSIONS_FROM "GROUP BY v.asset_id) rr ON rr.asset_id = a.id " \
  "LEFT JOIN replacement_request rq ON rq.id = rr.first_id " \
  "LEFT JOIN triage_decision td ON td.id = rq.decision_id " \
  "LEFT JOIN rule ru ON ru.id = td.rule_id " \
  "LEFT JOIN meta_object mo ON mo.id = rq.ad_id "

/* The reviewers of each asset's current round with their latest decision on
 * the version under review, ordered by asset. */
#define FD_ASSET_REVIEWERS_SELECT \
  "SELECT a.id, r.person_id, p.name, r.required, d.decision, d.feedback, d.at_us " \
  "FROM asset a " \
  "JOIN asset_reviewer r ON r.asset_id = a.id AND r.round = a.review_round " \
  "JOIN person p ON p.id = r.person_id " \
  "LEFT JOIN review_decision d ON d.id = (SELECT max (x.id) FROM review_decision x " \
  "  WHERE x.asset_id = a.id AND x.version = a.review_version " \
  "  AND x.person_id = r.person_id AND x.decision <> 'comment') "

#define FD_ASSET_REVIEWERS_ORDER " ORDER BY a.id, r.required DESC, p.name COLLATE NOCASE, p.id"

/* Strings many cards share (brief titles, campaigns, group names) are held
 * once: @strings maps text to a GRefString. */
FdAsset  *_fd_asset_new_from_row     (sqlite3_stmt  *stmt,
                                      GRefString    *thumbnail_dir,
                                      GHashTable    *strings);
void      _fd_asset_take_reviewers   (FdAsset       *self,
                                      GPtrArray     *reviewers);  /* transfer full */
gboolean  _fd_asset_update_from      (FdAsset       *self,
                                      FdAsset       *fresh);
void      _fd_asset_build_search_key (FdAsset       *self);
GHashTable *_fd_asset_new_string_table (void);
char     *_fd_asset_ids_to_json      (GArray        *ids);
gint64    _fd_actor_get_person_id    (const char    *actor);

/* The columns of an asset row that the workflow checks. */
typedef struct
{
  gint64        id;
  FdAssetKind   kind;
  FdAssetState  state;
  char         *name;
  gint64        current_version;
  gint64        review_round;
  gint64        review_version;
  char         *created_by;
  char         *current_sha256;
  gint64        brief_id;
} FdAssetRow;

void        _fd_asset_row_clear        (FdAssetRow    *row);
gboolean    _fd_asset_row_load         (FdStore       *store,
                                        gint64         asset_id,
                                        FdAssetRow    *row,
                                        GError       **error);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FdAssetRow, _fd_asset_row_clear)

FdPerson   *_fd_asset_require_actor    (FdStore       *store,
                                        gint64         person_id,
                                        GError       **error);
char       *_fd_asset_snapshot         (FdStore       *store,
                                        gint64         asset_id,
                                        GError       **error);
gboolean    _fd_asset_record           (FdMutation    *mutation,
                                        gint64         asset_id,
                                        const char    *action,
                                        const char    *before_json,
                                        GError       **error);
gboolean    _fd_asset_check_brief      (FdStore       *store,
                                        gint64         brief_id,
                                        GError       **error);
gboolean    _fd_asset_check_group      (FdStore       *store,
                                        gint64         group_id,
                                        GError       **error);
char       *_fd_asset_clean_name       (const char    *name,
                                        GError       **error);
gboolean    _fd_asset_check_open_for_versions (const FdAssetRow *row,
                                        GError       **error);
gboolean    _fd_asset_check_not_duplicate (FdStore    *store,
                                        const FdAssetRow *row,
                                        const char    *sha256,
                                        GError       **error);
gint64      _fd_asset_insert_asset     (FdMutation    *mutation,
                                        FdAssetKind    kind,
                                        const char    *name,
                                        gint64         brief_id,
                                        gint64         group_id,
                                        GError       **error);
gint64      _fd_asset_insert_version   (FdMutation    *mutation,
                                        gint64         asset_id,
                                        gint64         number,
                                        const char    *sha256,
                                        const char    *text,
                                        const char    *probe_json,
                                        gint64         size,
                                        const char    *filename,
                                        const char    *note,
                                        GError       **error);
gboolean    _fd_asset_finish_new_version (FdMutation  *mutation,
                                        FdAssetRow    *row,
                                        const char    *before_json,
                                        GError       **error);
gboolean    _fd_asset_reopen_for_new_version (FdMutation *mutation,
                                        FdAssetRow    *row,
                                        const char    *before_json,
                                        GError       **error);

/* The state machine's rules (fd-asset-rules.c). */
typedef enum
{
  FD_ASSET_CAUSE_BY_HAND,      /* a person asked for the move */
  FD_ASSET_CAUSE_REVIEW,       /* the decisions of the round settled it */
  FD_ASSET_CAUSE_NEW_VERSION,  /* a version was added to an approved asset */
  FD_ASSET_CAUSE_UPLOAD,       /* the upload step verified the approved file */
} FdAssetCause;

typedef enum
{
  FD_ASSET_NAMES_REQUIRED,
  FD_ASSET_NAMES_WAITING,      /* required, not approved */
  FD_ASSET_NAMES_ALL,
} FdAssetNamesFilter;

gboolean         _fd_asset_check_move      (FdStore            *store,
                                            const FdAssetRow   *row,
                                            FdPerson           *person,
                                            FdAssetState        to,
                                            const char         *text,
                                            FdAssetCause        cause,
                                            gboolean            dry_run,
                                            GError            **error);
GPtrArray       *_fd_asset_load_reviewers  (FdStore            *store,
                                            const FdAssetRow   *row,
                                            GError            **error);
FdAssetState     _fd_asset_outcome_of      (GPtrArray          *reviewers);
FdAssetReviewer *_fd_asset_find_reviewer   (GPtrArray          *reviewers,
                                            gint64              person_id);
char            *_fd_asset_join_names      (GPtrArray          *reviewers,
                                            FdAssetNamesFilter  filter);
gboolean         _fd_asset_refuse          (GError            **error,
                                            const char         *format,
                                            ...) G_GNUC_PRINTF (2, 3);

/* The placement gate (fd-placement-gate.c): one FdPlacementStatus per
 * placement for a version (none for text kinds), and the rule the state
 * machine applies before an approval. */
GPtrArray       *_fd_placement_evaluate    (FdStore            *store,
                                            const FdAssetRow   *row,
                                            gint64              version,
                                            GError            **error);
gboolean         _fd_asset_check_placements (FdStore           *store,
                                            const FdAssetRow   *row,
                                            FdPerson           *person,
                                            GError            **error);
char            *_fd_placement_override_describe (JsonObject   *after,
                                            const char         *who);

/* Reads cards: every asset (@ids %NULL) or those listed, ordered by id.
 * Runs two queries in all, whatever the number of assets. */
GPtrArray *_fd_asset_load_cards      (FdStore       *store,
                                      GArray        *ids,
                                      GRefString    *thumbnail_dir,
                                      GError       **error);

G_END_DECLS
