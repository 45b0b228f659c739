/* fd-placement-gate.c
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-placement-gate"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "fd-asset-private.h"
#include "fd-brief.h"
#include "fd-core-error.h"
#include "fd-media-info.h"
#include "fd-placement-gate.h"

/* The placement gate.
 *
 * Which placements gate an asset: those its brief requires
 * (fd_brief_requires_placement()). Assets without a brief, briefs that
 * require none, and text kinds are not gated.
 *
 * What blocks: a required placement whose check (fd_placement_check() on
 * the version's stored probe data) FAILs, with no override. Warnings never
 * block; they are shown.
 *
 * Where it acts: in the state machine. Recording an approval of the
 * version under review (by any reviewer of the round) is refused while the
 * version is blocked, and the move In Review → Approved checks it again
 * (fd-asset-rules.c), so the board, the CLI and every other caller meet
 * the same rule.
 *
 * Overrides: only a required reviewer of the round under way, only while
 * the asset is In Review, only on the version under review, only for a
 * placement the brief requires and the version fails, with a written
 * reason; one per (version, placement). An override names the version's
 * SHA-256 and counts only for those bytes: a new version is checked anew
 * and needs its own. */

typedef struct
{
  char        *sha256;
  FdMediaInfo *info;
} MediaFacts;

static void
media_facts_clear (MediaFacts *facts)
{
  g_clear_pointer (&facts->sha256, g_free);
  g_clear_pointer (&facts->info, fd_media_info_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MediaFacts, media_facts_clear)

static gboolean
load_media (FdStore           *store,
            const FdAssetRow  *row,
            gint64             version,
            MediaFacts        *facts,
            GError           **error)
{
  g_auto(FdStmt) stmt = NULL;
  g_autoptr(JsonNode) node = NULL;
  gboolean has_row;
  const char *probe;

  stmt = fd_store_stmt (store,
                        "SELECT sha256, probe_json FROM asset_version WHERE asset_id = ? AND number = ?",
                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, row->id);
  sqlite3_bind_int64 (stmt, 2, version);
  if (!fd_store_step (store, stmt, &has_row, error))
    return FALSE;

  if (!has_row)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_NOT_FOUND,
                   _("“%s” has no version %lld."), row->name, (long long)version);
      return FALSE;
    }

  if ((probe = fd_stmt_column_text (stmt, 1)) == NULL)
    {
      g_set_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID,
                   _("Version %lld of “%s” has no probe data to check against placements."),
                   (long long)version, row->name);
      return FALSE;
    }

  facts->sha256 = fd_stmt_dup_text (stmt, 0);
  return (node = json_from_string (probe, error)) != NULL &&
         (facts->info = fd_media_info_from_json (node, error)) != NULL;
}

static gboolean
add_overrides (FdStore           *store,
               const FdAssetRow  *row,
               gint64             version,
               const char        *sha256,
               GPtrArray         *statuses,
               GError           **error)
{
  g_auto(FdStmt) stmt = NULL;
  gboolean has_row;

  stmt = fd_store_stmt (store,
                        "SELECT o.placement, o.person_id, p.name, o.reason, o.at_us "
                        "FROM placement_override o JOIN person p ON p.id = o.person_id "
                        "WHERE o.asset_id = ? AND o.version = ? AND o.sha256 = ?",
                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, row->id);
  sqlite3_bind_int64 (stmt, 2, version);
  fd_stmt_bind_text (stmt, 3, sha256);

  for (;;)
    {
      FdPlacement placement;

      if (!fd_store_step (store, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        return TRUE;

      if (fd_placement_from_id (fd_stmt_column_text (stmt, 0), &placement))
        fd_placement_status_set_override (g_ptr_array_index (statuses, placement),
                                          sqlite3_column_int64 (stmt, 1),
                                          fd_stmt_column_text (stmt, 2),
                                          fd_stmt_column_text (stmt, 3),
                                          sqlite3_column_int64 (stmt, 4));
    }
}

/* One status per placement, in FdPlacement order; empty for text kinds. */
GPtrArray *
_fd_placement_evaluate (FdStore           *store,
                        const FdAssetRow  *row,
                        gint64             version,
                        GError           **error)
{
  g_autoptr(GPtrArray) statuses = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(FdBrief) brief = NULL;
  g_auto(MediaFacts) facts = { 0 };

  if (!fd_asset_kind_is_media (row->kind))
    return g_steal_pointer (&statuses);

  if (!load_media (store, row, version, &facts, error) ||
      (row->brief_id != 0 && !(brief = fd_brief_get (store, row->brief_id, error))))
    return NULL;

  checks = fd_placement_check_all (facts.info);
  for (guint i = 0; i < checks->len; i++)
    {
      const FdPlacementCheck *check = g_ptr_array_index (checks, i);
      gboolean required = brief && fd_brief_requires_placement (brief, fd_placement_get_id (check->placement));

      g_ptr_array_add (statuses, fd_placement_status_new (check, required));
    }

  if (!add_overrides (store, row, version, facts.sha256, statuses, error))
    return NULL;

  return g_steal_pointer (&statuses);
}

/* Whether the version under review may be approved. @person (nullable) is
 * who asks: a required reviewer is told they may override. */
gboolean
_fd_asset_check_placements (FdStore           *store,
                            const FdAssetRow  *row,
                            FdPerson          *person,
                            GError           **error)
{
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GPtrArray) reviewers = NULL;
  g_autoptr(GString) failures = g_string_new (NULL);
  g_autoptr(GString) titles = g_string_new (NULL);
  g_autofree char *required = NULL;
  FdAssetReviewer *reviewer = NULL;

  if (!fd_asset_kind_is_media (row->kind) || row->brief_id == 0 || row->review_version == 0)
    return TRUE;

  if (!(statuses = _fd_placement_evaluate (store, row, row->review_version, error)))
    return FALSE;

  for (guint i = 0; i < statuses->len; i++)
    {
      FdPlacementStatus *status = g_ptr_array_index (statuses, i);
      g_autofree char *reasons = NULL;
      const char *title;

      if (!fd_placement_status_get_blocking (status))
        continue;

      title = fd_placement_get_title (fd_placement_status_get_placement (status));
      reasons = g_strjoinv ("; ", (char **)fd_placement_status_get_reasons (status));
      g_string_append_printf (failures, "%s%s: %s", failures->len ? "; " : "", title, reasons);
      g_string_append_printf (titles, "%s%s", titles->len ? ", " : "", title);
    }

  if (failures->len == 0)
    return TRUE;

  if (!(reviewers = _fd_asset_load_reviewers (store, row, error)))
    return FALSE;

  required = _fd_asset_join_names (reviewers, FD_ASSET_NAMES_REQUIRED);
  if (person != NULL)
    reviewer = _fd_asset_find_reviewer (reviewers, fd_person_get_id (person));

  if (reviewer != NULL && fd_asset_reviewer_get_required (reviewer))
    return _fd_asset_refuse (error, _("“%s” cannot be approved: v%lld fails what its brief requires "
                                      "(%s). As a required reviewer you may override %s with a "
                                      "written reason, or ask for a version that fits."),
                             row->name, (long long)row->review_version, failures->str, titles->str);

  return _fd_asset_refuse (error, _("“%s” cannot be approved: v%lld fails what its brief requires "
                                    "(%s). Ask a required reviewer (%s) to override %s with a "
                                    "written reason, or add a version that fits."),
                           row->name, (long long)row->review_version, failures->str, required,
                           titles->str);
}

/**
 * fd_asset_get_placement_status:
 * @version: the version's number, or 0 for the current version
 *
 * How a version fares on each placement, for the asset page: the check's
 * result and reasons, whether the brief requires the placement, whether
 * it blocks the approval, and the override if one was recorded for these
 * bytes.
 *
 * Returns: (transfer full) (element-type FdPlacementStatus): one status
 *   per placement (Feed, Stories, Reels), or none for a text asset; %NULL
 *   with @error set
 */
GPtrArray *
fd_asset_get_placement_status (FdStore  *store,
                               gint64    asset_id,
                               gint64    version,
                               GError  **error)
{
  g_auto(FdAssetRow) row = { 0 };

  g_return_val_if_fail (FD_IS_STORE (store), NULL);

  if (!_fd_asset_row_load (store, asset_id, &row, error))
    return NULL;

  if (version == 0 && fd_asset_kind_is_media (row.kind))
    version = row.current_version;

  return _fd_placement_evaluate (store, &row, version, error);
}

static gboolean
check_override (FdStore           *store,
                const FdAssetRow  *row,
                FdPerson          *person,
                gint64             version,
                FdPlacement        placement,
                const char        *reason,
                GError           **error)
{
  const char *title = fd_placement_get_title (placement);
  g_autoptr(GPtrArray) reviewers = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(FdBrief) brief = NULL;
  g_autofree char *required = NULL;
  FdAssetReviewer *reviewer;
  FdPlacementStatus *status;

  if (!fd_asset_kind_is_media (row->kind))
    return _fd_asset_refuse (error, _("“%s” is text; placements are checked on videos and images "
                                      "only."),
                             row->name);

  if (row->state != FD_ASSET_STATE_IN_REVIEW)
    return _fd_asset_refuse (error, _("Overrides are recorded during review, and “%s” is %s."),
                             row->name, fd_asset_state_get_display_name (row->state));

  if (version != row->review_version)
    return _fd_asset_refuse (error, _("v%lld is not the version under review (v%lld): an override is "
                                      "recorded on the version being reviewed."),
                             (long long)version, (long long)row->review_version);

  if (!(reviewers = _fd_asset_load_reviewers (store, row, error)))
    return FALSE;

  required = _fd_asset_join_names (reviewers, FD_ASSET_NAMES_REQUIRED);
  reviewer = _fd_asset_find_reviewer (reviewers, fd_person_get_id (person));
  if (reviewer == NULL || !fd_asset_reviewer_get_required (reviewer))
    return _fd_asset_refuse (error, _("Only a required reviewer of “%s” (%s) may override a "
                                      "placement check; %s is not one in this round."),
                             row->name, required, fd_person_get_name (person));

  if (reason == NULL || *reason == '\0')
    return _fd_asset_refuse (error, _("An override needs a written reason: say why v%lld may run "
                                      "in %s although it fails the check."),
                             (long long)version, title);

  if (row->brief_id == 0)
    return _fd_asset_refuse (error, _("“%s” has no brief, so no placement is required of it; there is "
                                      "nothing to override."),
                             row->name);

  if (!(brief = fd_brief_get (store, row->brief_id, error)))
    return FALSE;

  if (!fd_brief_requires_placement (brief, fd_placement_get_id (placement)))
    return _fd_asset_refuse (error, _("The brief “%s” does not require %s; there is nothing to "
                                      "override."),
                             fd_brief_get_title (brief), title);

  if (!(statuses = _fd_placement_evaluate (store, row, version, error)))
    return FALSE;

  status = g_ptr_array_index (statuses, placement);
  if (fd_placement_status_get_overridden (status))
    return _fd_asset_refuse (error, _("%s on v%lld was overridden already, by %s: “%s”."),
                             title, (long long)version, fd_placement_status_get_override_by (status),
                             fd_placement_status_get_override_reason (status));

  if (fd_placement_status_get_result (status) != FD_PLACEMENT_FAIL)
    return _fd_asset_refuse (error, _("v%lld does not fail %s (%s); only a failed check needs an "
                                      "override."),
                             (long long)version, title,
                             fd_placement_result_get_title (fd_placement_status_get_result (status)));

  return TRUE;
}

static gint64
insert_override (FdMutation        *mutation,
                 const FdAssetRow  *row,
                 gint64             person_id,
                 gint64             version,
                 FdPlacement        placement,
                 const char        *reason,
                 GError           **error)
{
  FdStore *store = fd_mutation_get_store (mutation);
  g_auto(FdStmt) stmt = NULL;
  g_autofree char *after = NULL;
  g_autofree char *id_text = NULL;
  gint64 id;

  stmt = fd_store_stmt (store,
                        "INSERT INTO placement_override (asset_id, version, sha256, placement, round, "
                        "person_id, reason, at_us) SELECT ?1, ?2, sha256, ?3, ?4, ?5, ?6, ?7 "
                        "FROM asset_version WHERE asset_id = ?1 AND number = ?2",
                        error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, row->id);
  sqlite3_bind_int64 (stmt, 2, version);
  fd_stmt_bind_text (stmt, 3, fd_placement_get_id (placement));
  sqlite3_bind_int64 (stmt, 4, row->review_round);
  sqlite3_bind_int64 (stmt, 5, person_id);
  fd_stmt_bind_text (stmt, 6, reason);
  sqlite3_bind_int64 (stmt, 7, fd_mutation_get_time (mutation));
  if (!fd_store_run (store, stmt, error))
    return 0;

  id = fd_store_get_last_insert_id (store);
  after = fd_store_query_text (store, FD_PLACEMENT_OVERRIDE_SNAPSHOT_SQL, id, error);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  if (after == NULL ||
      !fd_mutation_record (mutation, "placement_override", id_text, "create", NULL, after, error))
    return 0;

  return id;
}

/**
 * fd_asset_override_placement:
 * @person_id: a required reviewer of the round under way
 * @version: the version under review's number (0 for it): naming it
 *   guards against overriding a version added meanwhile
 * @placement: a placement the brief requires and the version fails
 * @reason: why the version may be approved anyway (required)
 *
 * Records that a failed placement check may be ignored for this version's
 * bytes. Refusals are %FD_CORE_ERROR_NOT_ALLOWED and say why.
 *
 * Returns: %TRUE on success
 */
gboolean
fd_asset_override_placement (FdStore      *store,
                             gint64        person_id,
                             gint64        asset_id,
                             gint64        version,
                             FdPlacement   placement,
                             const char   *reason,
                             GError      **error)
{
  g_autoptr(FdPerson) person = NULL;
  g_autoptr(FdMutation) mutation = NULL;
  g_autofree char *actor = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (reason ? reason : ""));
  g_auto(FdAssetRow) row = { 0 };

  g_return_val_if_fail (FD_IS_STORE (store), FALSE);
  g_return_val_if_fail (placement < FD_N_PLACEMENTS, FALSE);

  if (!(person = _fd_asset_require_actor (store, person_id, error)))
    return FALSE;

  actor = fd_person_dup_actor (person);
  if (!(mutation = fd_mutation_begin (store, actor, error)) ||
      !_fd_asset_row_load (store, asset_id, &row, error))
    return FALSE;

  if (version == 0)
    version = row.review_version;

  return check_override (store, &row, person, version, placement, clean, error) &&
         insert_override (mutation, &row, person_id, version, placement, clean, error) &&
         fd_mutation_commit (mutation, error);
}

/* One line of an asset's history for a "placement_override" event. */
char *
_fd_placement_override_describe (JsonObject *after,
                                 const char *who)
{
  FdPlacement placement;
  const char *reason;

  if (after == NULL ||
      !fd_placement_from_id (json_object_get_string_member_with_default (after, "placement", ""),
                             &placement))
    return NULL;

  reason = json_object_get_string_member_with_default (after, "reason", "");
  return g_strdup_printf (_("%s overrode the %s check on v%lld: “%s”"),
                          who, fd_placement_get_title (placement),
                          (long long)json_object_get_int_member_with_default (after, "version", 0),
                          reason);
}

/*
 * On the workspace's writer queue
 */

typedef struct
{
  gint64       person_id;
  gint64       asset_id;
  gint64       version;
  FdPlacement  placement;
  char        *reason;
} OverrideData;

static void
override_data_free (gpointer data)
{
  OverrideData *override = data;

  g_free (override->reason);
  g_free (override);
}

static gpointer
run_override (FdStore       *store,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  OverrideData *override = data;

  if (!fd_asset_override_placement (store, override->person_id, override->asset_id,
                                    override->version, override->placement, override->reason,
                                    error))
    return NULL;

  return GINT_TO_POINTER (TRUE);
}

/**
 * fd_asset_override_placement_async:
 *
 * Runs fd_asset_override_placement() on the workspace's writer queue.
 */
void
fd_asset_override_placement_async (FdWorkspace          *workspace,
                                   gint64                person_id,
                                   gint64                asset_id,
                                   gint64                version,
                                   FdPlacement           placement,
                                   const char           *reason,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  OverrideData *override = g_new0 (OverrideData, 1);

  override->person_id = person_id;
  override->asset_id = asset_id;
  override->version = version;
  override->placement = placement;
  override->reason = g_strdup (reason);

  fd_workspace_run_async (workspace, TRUE, run_override, override, override_data_free, NULL,
                          cancellable, callback, user_data);
}

gboolean
fd_asset_override_placement_finish (FdWorkspace   *workspace,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return fd_workspace_run_finish (workspace, result, error) != NULL;
}
