/* test-asset-workflow.c: the six-state machine, reviewer policies, decisions
 * bound to versions, hash binding of text, and the audit trail
 *
 * Copyright 2026 The Flightdeck authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "asset-fixture.h"
#include "fd-ownership.h"
#include "fd-roster.h"
#include "fd-test-util.h"

#define D  FD_ASSET_STATE_DRAFT
#define IR FD_ASSET_STATE_IN_REVIEW
#define RR FD_ASSET_STATE_REVISION_REQUESTED
#define A  FD_ASSET_STATE_APPROVED
#define U  FD_ASSET_STATE_UPLOADED
#define X  FD_ASSET_STATE_ARCHIVED

/* How a move happens when its conditions are met. */
typedef enum
{
  NEVER,              /* no path leads there */
  BY_MAKER,           /* the maker asks */
  BY_REVIEWER,        /* a required reviewer asks, with feedback */
  AFTER_NEW_VERSION,  /* the maker adds a version, then asks */
  WITH_REASON,        /* anyone asks, with a reason */
  VIA_REVIEWS,        /* every required reviewer approves */
  VIA_NEW_VERSION,    /* a version is added */
  VIA_UPLOAD,         /* the upload step */
} Path;

typedef struct
{
  FdAssetState  from;
  FdAssetState  to;
  const char   *bare;  /* the refusal of a bare request by an uninvolved person */
  Path          path;
} Move;

/* Every (from, to) pair of the six states. */
static const Move moves[] = {
  { D,  D,  "is already Draft", NEVER },
  { D,  IR, "Only the people who made “Tagline” (Jonah Weiss) or the owner of “Creative "
            "approval: headline” (Priya Nair) may submit it for review.", BY_MAKER },
  { D,  RR, "is a draft: changes are requested during review", NEVER },
  { D,  A,  "cannot go to Approved by hand: it must be submitted for review", NEVER },
  { D,  U,  "is a draft, and only an approved version can be uploaded", NEVER },
  { D,  X,  "Archiving “Tagline” needs a reason", WITH_REASON },

  { IR, D,  "cannot go back to Draft", NEVER },
  { IR, IR, "is already In Review", NEVER },
  { IR, RR, "Only a required reviewer of “Tagline” (Grace Okafor, Priya Nair) can request "
            "changes", BY_REVIEWER },
  { IR, A,  "“Tagline” cannot go to Approved by hand: it is approved when every required "
            "reviewer (Grace Okafor, Priya Nair) has approved version 1. Waiting for: Grace "
            "Okafor, Priya Nair.", VIA_REVIEWS },
  { IR, U,  "is not approved yet, and only an approved version can be uploaded", NEVER },
  { IR, X,  "needs a reason", WITH_REASON },

  { RR, D,  "cannot go back to Draft", NEVER },
  { RR, IR, "cannot go back to In Review yet: Grace Okafor requested changes on version 1 "
            "(“Say wet granite.”). Add a new version first", AFTER_NEW_VERSION },
  { RR, RR, "is already Revision Requested", NEVER },
  { RR, A,  "cannot go to Approved: changes were requested on version 1", NEVER },
  { RR, U,  "is not approved: changes were requested on version 1", NEVER },
  { RR, X,  "needs a reason", WITH_REASON },

  { A,  D,  "cannot go back to Draft", NEVER },
  { A,  IR, "it goes back to In Review when a new version is added, not by hand", VIA_NEW_VERSION },
  { A,  RR, "changes can no longer be requested", NEVER },
  { A,  A,  "is already Approved", NEVER },
  { A,  U,  "is uploaded only through the upload step", VIA_UPLOAD },
  { A,  X,  "needs a reason", WITH_REASON },

  { U,  D,  "cannot go back to Draft", NEVER },
  { U,  IR, "was uploaded and stays Uploaded", NEVER },
  { U,  RR, "was uploaded; changes can no longer be requested", NEVER },
  { U,  A,  "was uploaded, which is past approval", NEVER },
  { U,  U,  "is already Uploaded", NEVER },
  { U,  X,  "needs a reason", WITH_REASON },

  { X,  D,  "Archived is final: it cannot move to Draft", NEVER },
  { X,  IR, "Archived is final: it cannot move to In Review", NEVER },
  { X,  RR, "Archived is final: it cannot move to Revision Requested", NEVER },
  { X,  A,  "Archived is final: it cannot move to Approved", NEVER },
  { X,  U,  "Archived is final: it cannot move to Uploaded", NEVER },
  { X,  X,  "is already Archived", NEVER },
};

G_STATIC_ASSERT (G_N_ELEMENTS (moves) == FD_ASSET_N_STATES * FD_ASSET_N_STATES);

static void
ok (gboolean  result,
    GError   *error)
{
  g_assert_no_error (error);
  g_assert_true (result);
}

static void
review (AssetFixture     *f,
        gint64            person,
        gint64            asset,
        FdReviewDecision  decision,
        const char       *feedback)
{
  g_autoptr(GError) error = NULL;

  ok (fd_asset_review (f->store, person, asset, decision, feedback, NULL, &error), error);
}

static void
move (AssetFixture *f,
      gint64        person,
      gint64        asset,
      FdAssetState  target,
      const char   *text)
{
  g_autoptr(GError) error = NULL;

  ok (fd_asset_transition (f->store, person, asset, target, text, &error), error);
}

static void
add_version (AssetFixture *f,
             gint64        asset,
             const char   *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (fd_asset_add_text_version (f->store, f->jonah, asset, text, NULL, &error), >, 0);
  g_assert_no_error (error);
}

static void
upload (AssetFixture *f,
        gint64        asset)
{
  g_autoptr(GError) error = NULL;

  ok (fd_asset_mark_uploaded (f->store, fd_workspace_get_media_store (f->ws), f->dana, asset,
                              NULL, &error), error);
}

/* A headline taken to @state the way people would. */
static gint64
make_in_state (AssetFixture *f,
               FdAssetState  state)
{
  gint64 id = asset_fixture_headline (f, "Tagline", "Grip that holds on wet rock");

  if (state == X)
    move (f, f->dana, id, X, "Off-brief");
  if (state == D || state == X)
    return id;

  move (f, f->jonah, id, IR, NULL);
  if (state == RR)
    review (f, f->grace, id, FD_REVIEW_DECISION_CHANGES_REQUESTED, "Say wet granite.");
  if (state == A || state == U)
    {
      review (f, f->priya, id, FD_REVIEW_DECISION_APPROVED, NULL);
      review (f, f->grace, id, FD_REVIEW_DECISION_APPROVED, NULL);
    }
  if (state == U)
    upload (f, id);

  g_assert_cmpint (asset_fixture_state (f, id), ==, state);
  return id;
}

/* The newest event about the asset is its transition from @from to @to. */
static void
assert_transition_event (AssetFixture *f,
                         gint64        asset,
                         FdAssetState  from,
                         FdAssetState  to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, asset);
  g_autoptr(GPtrArray) events = fd_audit_log_list (f->store, "asset", id, 0, -1, &error);
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  FdAuditEvent *last;

  g_assert_no_error (error);
  g_assert_cmpuint (events->len, >, 0);
  last = g_ptr_array_index (events, events->len - 1);

  g_assert_cmpstr (fd_audit_event_get_action (last), ==, "transition");
  g_assert_true (g_str_has_prefix (fd_audit_event_get_actor (last), "person:"));
  before = json_from_string (fd_audit_event_get_before_json (last), NULL);
  after = json_from_string (fd_audit_event_get_after_json (last), NULL);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (before), "state"), ==,
                   fd_asset_state_to_string (from));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (after), "state"), ==,
                   fd_asset_state_to_string (to));
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (after), "review_version"), >=, 0);
}

static gboolean
take_path (AssetFixture *f,
           gint64        id,
           const Move   *m,
           GError      **error)
{
  switch (m->path)
    {
    case BY_MAKER:
      return fd_asset_transition (f->store, f->jonah, id, m->to, NULL, error);
    case BY_REVIEWER:
      return fd_asset_transition (f->store, f->grace, id, m->to, "Say wet granite.", error);
    case AFTER_NEW_VERSION:
      add_version (f, id, "Wet granite. Full grip.");
      return fd_asset_transition (f->store, f->jonah, id, m->to, NULL, error);
    case WITH_REASON:
      return fd_asset_transition (f->store, f->dana, id, m->to, "Replaced by the spring line", error);
    case VIA_REVIEWS:
      return fd_asset_review (f->store, f->priya, id, FD_REVIEW_DECISION_APPROVED, NULL, NULL, error) &&
             fd_asset_review (f->store, f->grace, id, FD_REVIEW_DECISION_APPROVED, NULL, NULL, error);
    case VIA_NEW_VERSION:
      return fd_asset_add_text_version (f->store, f->jonah, id, "Wet granite. Full grip.",
                                        NULL, error) > 0;
    case VIA_UPLOAD:
      return fd_asset_mark_uploaded (f->store, fd_workspace_get_media_store (f->ws), f->dana, id,
                                     NULL, error);
    case NEVER:
    default:
      /* Everything the other paths have: the owner of the kind's approval,
       * who reviews it, with a text. */
      return fd_asset_transition (f->store, f->priya, id, m->to, "Because I say so", error);
    }
}

static void
test_every_pair (AssetFixture  *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* Priya owns headline approval: the strongest actor short of the rules. */
  ok (fd_ownership_set (f->store, "system", "creative.approve.headline", f->priya, 0, &error), error);

  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      const Move *m = &moves[i];
      gint64 id = make_in_state (f, m->from);
      gint64 seq = asset_fixture_head_seq (f);
      gboolean moved;

      g_test_message ("%s → %s", fd_asset_state_to_string (m->from), fd_asset_state_to_string (m->to));

      /* Without the conditions: refused, nothing written. */
      g_assert_false (fd_asset_transition (f->store, f->dana, id, m->to, NULL, &error));
      asset_assert_refused (error, m->bare);
      g_clear_error (&error);
      g_assert_cmpint (asset_fixture_state (f, id), ==, m->from);
      g_assert_cmpint (asset_fixture_head_seq (f), ==, seq);

      /* With them: the move happens, by its one path, and is audited. */
      moved = take_path (f, id, m, &error);
      if (m->path == NEVER)
        {
          g_assert_false (moved);
          asset_assert_refused (error, NULL);
          g_clear_error (&error);
          g_assert_cmpint (asset_fixture_state (f, id), ==, m->from);
          g_assert_cmpint (asset_fixture_head_seq (f), ==, seq);
          continue;
        }

      ok (moved, error);
      g_assert_cmpint (asset_fixture_state (f, id), ==, m->to);
      assert_transition_event (f, id, m->from, m->to);
    }
}

static void
test_submission_conditions (AssetFixture  *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 empty, script, owned;

  /* No version yet. */
  empty = fd_asset_create (f->store, f->jonah, FD_ASSET_KIND_HEADLINE, "Empty", 0, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (fd_asset_transition (f->store, f->jonah, empty, IR, NULL, &error));
  asset_assert_refused (error, "“Empty” needs a version before it can be submitted for review: "
                               "write its text first.");
  g_clear_error (&error);

  /* No required reviewer for the kind. */
  ok (fd_reviewer_policy_set (f->store, f->priya, FD_ASSET_KIND_SCRIPT, NULL, 0, NULL, 0, &error), error);
  script = fd_asset_create (f->store, f->jonah, FD_ASSET_KIND_SCRIPT, "VO", 0, 0, "Rain.", &error);
  g_assert_no_error (error);
  g_assert_false (fd_asset_transition (f->store, f->jonah, script, IR, NULL, &error));
  asset_assert_refused (error, "Nobody is listed as a required reviewer for scripts");
  g_clear_error (&error);

  /* The owner of the kind's approval may submit someone else's asset. */
  ok (fd_ownership_set (f->store, "system", "creative.approve.headline", f->priya, f->maya, &error), error);
  owned = asset_fixture_headline (f, "Owned", "Text");
  move (f, f->maya, owned, IR, NULL);
  g_assert_cmpint (asset_fixture_state (f, owned), ==, IR);

  /* A person who left cannot act. */
  ok (fd_roster_set_active (f->store, "system", f->jonah, FALSE, &error), error);
  g_assert_false (fd_asset_transition (f->store, f->jonah, empty, X, "Old", &error));
  asset_assert_refused (error, "Jonah Weiss is no longer active");
}

static FdAssetReviewer *
reviewer_of (FdAsset *asset,
             gint64   person)
{
  GPtrArray *reviewers = fd_asset_get_reviewers (asset);

  for (guint i = 0; i < reviewers->len; i++)
    if (fd_asset_reviewer_get_person_id (g_ptr_array_index (reviewers, i)) == person)
      return g_ptr_array_index (reviewers, i);

  return NULL;
}

static void
test_policy_rules (AssetFixture  *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdAsset) asset = NULL;
  gint64 id = make_in_state (f, IR);
  FdAssetState state = FD_ASSET_STATE_NONE;

  /* Frozen list: Priya and Grace required, Maya optional. */
  asset = fd_asset_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fd_asset_get_reviewers (asset)->len, ==, 3);
  g_assert_true (fd_asset_reviewer_get_required (reviewer_of (asset, f->priya)));
  g_assert_true (fd_asset_reviewer_get_required (reviewer_of (asset, f->grace)));
  g_assert_false (fd_asset_reviewer_get_required (reviewer_of (asset, f->maya)));
  g_assert_cmpuint (fd_asset_get_n_required (asset), ==, 2);
  g_assert_true (fd_asset_is_waiting_for (asset, f->priya));
  g_assert_false (fd_asset_is_waiting_for (asset, f->maya));

  /* Someone not listed decides nothing, but may comment. */
  g_assert_false (fd_asset_review (f->store, f->tomas, id, FD_REVIEW_DECISION_APPROVED, NULL, NULL, &error));
  asset_assert_refused (error, "Tomás Reyes is not a reviewer of “Tagline”: only its listed "
                               "reviewers (Grace Okafor, Priya Nair, Maya Lindqvist) can approve "
                               "or request changes. Anyone may comment.");
  g_clear_error (&error);
  review (f, f->tomas, id, FD_REVIEW_DECISION_COMMENT, "Love it");

  /* An optional reviewer's request is recorded and moves nothing. */
  ok (fd_asset_review (f->store, f->maya, id, FD_REVIEW_DECISION_CHANGES_REQUESTED,
                       "Shorter?", &state, &error), error);
  g_assert_cmpint (state, ==, IR);
  g_assert_false (fd_asset_transition (f->store, f->maya, id, RR, "Shorter?", &error));
  asset_assert_refused (error, "Maya Lindqvist is an optional reviewer of “Tagline”");
  g_clear_error (&error);

  /* Requesting changes needs feedback; a comment needs text. */
  g_assert_false (fd_asset_review (f->store, f->grace, id, FD_REVIEW_DECISION_CHANGES_REQUESTED,
                                   "  ", NULL, &error));
  asset_assert_refused (error, "Requesting changes needs feedback");
  g_clear_error (&error);
  g_assert_false (fd_asset_review (f->store, f->grace, id, FD_REVIEW_DECISION_COMMENT, NULL, NULL, &error));
  g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID);
  g_clear_error (&error);

  /* The required approvals make it Approved, the optional one is not needed. */
  review (f, f->priya, id, FD_REVIEW_DECISION_APPROVED, NULL);
  g_assert_cmpint (asset_fixture_state (f, id), ==, IR);
  ok (fd_asset_review (f->store, f->grace, id, FD_REVIEW_DECISION_APPROVED, NULL, &state, &error), error);
  g_assert_cmpint (state, ==, A);

  /* Decisions are taken in review only. */
  g_assert_false (fd_asset_review (f->store, f->grace, id, FD_REVIEW_DECISION_CHANGES_REQUESTED,
                                   "Too late", NULL, &error));
  asset_assert_refused (error, "is Approved, not In Review");
  g_clear_error (&error);
  review (f, f->dana, id, FD_REVIEW_DECISION_COMMENT, "Shipping Monday");
}

static void
test_policy_edits (AssetFixture  *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) policy = NULL;
  g_autoptr(FdAsset) asset = NULL;
  gint64 only_maya[] = { f->maya };
  gint64 twice[] = { f->maya, f->maya };
  gint64 id = make_in_state (f, IR);
  g_autofree char *dana_actor = g_strdup_printf ("person:%" G_GINT64_FORMAT, f->dana);
  JsonNode *after;

  /* Every edit is audited with the lists before and after. */
  ok (fd_reviewer_policy_set (f->store, f->dana, FD_ASSET_KIND_HEADLINE, only_maya, 1, NULL, 0, &error), error);
  events = fd_audit_log_list (f->store, "policy", "headline", 0, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 2);
  after = json_from_string (fd_audit_event_get_after_json (g_ptr_array_index (events, 1)), NULL);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (json_node_get_object (after), "required")), ==, 1);
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (json_node_get_object (after), "required"), 0), ==, f->maya);
  json_node_unref (after);
  g_assert_cmpstr (fd_audit_event_get_actor (g_ptr_array_index (events, 1)), ==, dana_actor);

  policy = fd_reviewer_policy_get (f->store, FD_ASSET_KIND_HEADLINE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (policy->len, ==, 1);

  /* An asset already in review keeps the list it was submitted with. */
  asset = fd_asset_get (f->store, id, &error);
  g_assert_nonnull (reviewer_of (asset, f->priya));
  g_assert_nonnull (reviewer_of (asset, f->grace));
  review (f, f->maya, id, FD_REVIEW_DECISION_APPROVED, NULL);
  g_assert_cmpint (asset_fixture_state (f, id), ==, IR);
  review (f, f->priya, id, FD_REVIEW_DECISION_APPROVED, NULL);
  review (f, f->grace, id, FD_REVIEW_DECISION_APPROVED, NULL);
  g_assert_cmpint (asset_fixture_state (f, id), ==, A);

  /* The next round takes the new policy. */
  add_version (f, id, "New line");
  g_clear_object (&asset);
  asset = fd_asset_get (f->store, id, &error);
  g_assert_cmpint (fd_asset_get_state (asset), ==, IR);
  g_assert_cmpint (fd_asset_get_review_round (asset), ==, 2);
  g_assert_cmpuint (fd_asset_get_reviewers (asset)->len, ==, 1);
  g_assert_nonnull (reviewer_of (asset, f->maya));

  /* Bad lists change nothing. */
  g_assert_false (fd_reviewer_policy_set (f->store, f->maya, FD_ASSET_KIND_HEADLINE, twice, 2, NULL, 0, &error));
  g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Once someone owns the kind's approval, only they (or the backup) edit. */
  ok (fd_ownership_set (f->store, "system", "creative.approve.headline", f->priya, 0, &error), error);
  g_assert_false (fd_reviewer_policy_set (f->store, f->dana, FD_ASSET_KIND_HEADLINE, only_maya, 1, NULL, 0, &error));
  asset_assert_refused (error, "Only Priya Nair, who owns “Creative approval: headline”, may do this.");
  g_clear_error (&error);
  ok (fd_reviewer_policy_set (f->store, f->priya, FD_ASSET_KIND_HEADLINE, only_maya, 1, NULL, 0, &error), error);
}

static void
test_worst_decision_wins (AssetFixture  *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdAsset) asset = NULL;
  gint64 one = make_in_state (f, IR);
  gint64 two = make_in_state (f, IR);

  /* One approval and one request: Revision Requested. */
  review (f, f->priya, one, FD_REVIEW_DECISION_APPROVED, NULL);
  review (f, f->grace, one, FD_REVIEW_DECISION_CHANGES_REQUESTED, "Say wet granite.");
  asset = fd_asset_get (f->store, one, &error);
  g_assert_cmpint (fd_asset_get_state (asset), ==, RR);
  g_assert_cmpstr (fd_asset_get_state_note (asset), ==, "Say wet granite.");

  /* A reviewer who changes their mind: the latest decision counts. */
  review (f, f->priya, two, FD_REVIEW_DECISION_APPROVED, NULL);
  review (f, f->priya, two, FD_REVIEW_DECISION_CHANGES_REQUESTED, "Actually, no.");
  g_assert_cmpint (asset_fixture_state (f, two), ==, RR);
}

static void
test_decisions_bind_to_versions (AssetFixture  *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdAsset) asset = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  gint64 id = make_in_state (f, IR);
  guint approvals_on_2 = 0;

  /* A version added in review resets the decisions. */
  review (f, f->priya, id, FD_REVIEW_DECISION_APPROVED, NULL);
  add_version (f, id, "Version two");
  asset = fd_asset_get (f->store, id, &error);
  g_assert_cmpint (fd_asset_get_state (asset), ==, IR);
  g_assert_cmpint (fd_asset_get_review_version (asset), ==, 2);
  g_assert_cmpint (fd_asset_reviewer_get_decision (reviewer_of (asset, f->priya)), ==, FD_REVIEW_DECISION_NONE);
  g_clear_object (&asset);

  review (f, f->grace, id, FD_REVIEW_DECISION_APPROVED, NULL);
  g_assert_cmpint (asset_fixture_state (f, id), ==, IR);
  review (f, f->priya, id, FD_REVIEW_DECISION_APPROVED, NULL);
  g_assert_cmpint (asset_fixture_state (f, id), ==, A);

  /* A new version of the approved asset sends it back; the approval stays
   * with version 2. */
  add_version (f, id, "Version three");
  asset = fd_asset_get (f->store, id, &error);
  g_assert_cmpint (fd_asset_get_state (asset), ==, IR);
  g_assert_cmpint (fd_asset_get_version (asset), ==, 3);
  g_assert_cmpint (fd_asset_get_review_round (asset), ==, 2);
  g_assert_cmpuint (fd_asset_get_n_approved (asset), ==, 0);

  reviews = fd_asset_list_reviews (f->store, id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < reviews->len; i++)
    {
      FdAssetReview *r = g_ptr_array_index (reviews, i);

      if (fd_asset_review_get_decision (r) == FD_REVIEW_DECISION_APPROVED)
        g_assert_cmpint (fd_asset_review_get_version (r), <=, 2);
      if (fd_asset_review_get_version (r) == 2 && fd_asset_review_get_decision (r) == FD_REVIEW_DECISION_APPROVED)
        approvals_on_2++;
    }
  g_assert_cmpuint (approvals_on_2, ==, 2);

  /* Revision Requested waits for a new version, and only then goes back. */
  review (f, f->grace, id, FD_REVIEW_DECISION_CHANGES_REQUESTED, "No");
  g_assert_false (fd_asset_transition (f->store, f->jonah, id, IR, NULL, &error));
  asset_assert_refused (error, "Add a new version first");
  g_clear_error (&error);
  add_version (f, id, "Version four");
  g_assert_cmpint (asset_fixture_state (f, id), ==, RR);
  move (f, f->jonah, id, IR, NULL);
}

static void
test_versions (AssetFixture  *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autofree char *sha = NULL;
  gint64 id = asset_fixture_headline (f, "Tagline", "  Grip that holds  ");
  gint64 uploaded = make_in_state (f, U);
  gint64 archived = make_in_state (f, X);
  gint64 seq;

  /* The text is stored trimmed, and its hash is over the UTF-8 text. */
  versions = fd_asset_list_versions (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fd_asset_version_get_text (g_ptr_array_index (versions, 0)), ==, "Grip that holds");
  sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "Grip that holds", -1);
  g_assert_cmpstr (fd_asset_version_get_sha256 (g_ptr_array_index (versions, 0)), ==, sha);

  /* The same text again is not a new version. */
  seq = asset_fixture_head_seq (f);
  g_assert_cmpint (fd_asset_add_text_version (f->store, f->jonah, id, "Grip that holds", NULL, &error), ==, 0);
  g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "same text as version 1"));
  g_clear_error (&error);
  g_assert_cmpint (asset_fixture_head_seq (f), ==, seq);

  /* Versions are immutable, even for SQL. */
  g_assert_false (fd_store_exec (f->store, "UPDATE asset_version SET note = 'x'", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (fd_store_exec (f->store, "DELETE FROM review_decision", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Uploaded and archived assets take no new version. */
  g_assert_cmpint (fd_asset_add_text_version (f->store, f->jonah, uploaded, "New", NULL, &error), ==, 0);
  asset_assert_refused (error, "takes no new versions");
  g_clear_error (&error);
  g_assert_cmpint (fd_asset_add_text_version (f->store, f->jonah, archived, "New", NULL, &error), ==, 0);
  asset_assert_refused (error, "Archived is final");
  g_clear_error (&error);

  /* Text assets are not imported, media assets are not written. */
  g_assert_cmpint (fd_asset_create (f->store, f->jonah, FD_ASSET_KIND_VIDEO, "V", 0, 0, "text", &error), ==, 0);
  g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_INVALID);
}

static void
test_upload_hash_binding (AssetFixture  *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdAssetVersion) version = NULL;
  FdMediaStore *media = fd_workspace_get_media_store (f->ws);
  gint64 id = make_in_state (f, A);
  gint64 seq;
  g_autofree char *sql = NULL;

  ok (fd_asset_verify_for_upload (f->store, media, id, &version, NULL, &error), error);
  g_assert_cmpint (fd_asset_version_get_number (version), ==, 1);

  /* The approved text changed behind Flightdeck's back: no upload. */
  sql = g_strdup_printf ("DROP TRIGGER asset_version_no_update;"
                         "UPDATE asset_version SET text = 'Grip that slips' WHERE asset_id = %"
                         G_GINT64_FORMAT, id);
  asset_fixture_tamper (f, sql);
  seq = asset_fixture_head_seq (f);
  g_assert_false (fd_asset_mark_uploaded (f->store, media, f->dana, id, NULL, &error));
  g_assert_error (error, FD_CORE_ERROR, FD_CORE_ERROR_HASH_MISMATCH);
  g_assert_nonnull (strstr (error->message, "It is not the version that was approved"));
  g_clear_error (&error);
  g_assert_cmpint (asset_fixture_state (f, id), ==, A);
  g_assert_cmpint (asset_fixture_head_seq (f), ==, seq);
}

static void
test_audit_trail (AssetFixture  *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdAuditVerification) report = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GString) story = g_string_new (NULL);
  gint64 id = make_in_state (f, RR);
  gint64 group;
  g_autofree char *sql = NULL;
  g_autofree char *entity = g_strdup_printf ("asset:%" G_GINT64_FORMAT, id);

  add_version (f, id, "Wet granite. Full grip.");
  move (f, f->jonah, id, IR, NULL);
  review (f, f->priya, id, FD_REVIEW_DECISION_APPROVED, "Good");
  review (f, f->grace, id, FD_REVIEW_DECISION_APPROVED, NULL);
  upload (f, id);
  group = fd_asset_group_create (f->store, f->jonah, "Ridgeline DCO", f->brief, &error);
  g_assert_no_error (error);
  {
    FdAssetChanges changes = { FD_ASSET_CHANGE_CAMPAIGN | FD_ASSET_CHANGE_GROUP, NULL, 0, "Spring", 0, group };

    ok (fd_asset_update (f->store, f->dana, id, &changes, &error), error);
  }

  /* Who, when, from, to, which version, what feedback. */
  history = fd_asset_get_history (f->store, id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < history->len; i++)
    {
      g_autofree char *line = fd_asset_describe_event (f->store, g_ptr_array_index (history, i));

      if (line != NULL)
        g_string_append_printf (story, "%s\n", line);
    }
  g_assert_cmpstr (story->str, ==,
                   "Jonah Weiss created it\n"
                   "Jonah Weiss added version 1\n"
                   "Jonah Weiss submitted version 1 for review\n"
                   "Grace Okafor requested changes on version 1: “Say wet granite.”\n"
                   "Revision requested on version 1\n"
                   "Jonah Weiss added version 2\n"
                   "Jonah Weiss resubmitted it with version 2\n"
                   "Priya Nair approved version 2: “Good”\n"
                   "Grace Okafor approved version 2\n"
                   "Approved: every required reviewer approved version 2\n"
                   "Dana Whitfield uploaded version 2; its hash was verified first\n"
                   "Dana Whitfield changed its details\n");

  report = fd_audit_log_verify (f->store, &error);
  g_assert_no_error (error);
  g_assert_true (report->ok);
  g_clear_pointer (&report, fd_audit_verification_free);

  /* An asset row edited behind Flightdeck's back is found. */
  sql = g_strdup_printf ("UPDATE asset SET state = 'approved' WHERE id = %" G_GINT64_FORMAT, id);
  asset_fixture_tamper (f, sql);
  report = fd_audit_log_verify (f->store, &error);
  g_assert_no_error (error);
  g_assert_false (report->ok);
  g_assert_cmpstr (report->entity, ==, entity);
}

static void
test_audit_finds_forged_decision (AssetFixture  *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdAuditVerification) report = NULL;
  gint64 id = make_in_state (f, IR);
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("INSERT INTO review_decision (asset_id, version, round, person_id, decision, at_us) "
                         "VALUES (%" G_GINT64_FORMAT ", 1, 1, %" G_GINT64_FORMAT ", 'approved', 1)",
                         id, f->grace);
  asset_fixture_tamper (f, sql);

  report = fd_audit_log_verify (f->store, &error);
  g_assert_no_error (error);
  g_assert_false (report->ok);
  g_assert_true (g_str_has_prefix (report->entity, "review:"));
  g_assert_nonnull (strstr (report->problem, "no audit record"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ASSET_TEST ("/assets/workflow/every-pair", test_every_pair);
  ASSET_TEST ("/assets/workflow/submission-conditions", test_submission_conditions);
  ASSET_TEST ("/assets/workflow/worst-decision-wins", test_worst_decision_wins);
  ASSET_TEST ("/assets/workflow/decisions-bind-to-versions", test_decisions_bind_to_versions);
  ASSET_TEST ("/assets/workflow/versions", test_versions);
  ASSET_TEST ("/assets/workflow/upload-hash-binding", test_upload_hash_binding);
  ASSET_TEST ("/assets/policy/rules", test_policy_rules);
  ASSET_TEST ("/assets/policy/edits", test_policy_edits);
  ASSET_TEST ("/assets/audit/trail", test_audit_trail);
  ASSET_TEST ("/assets/audit/forged-decision", test_audit_finds_forged_decision);

  return g_test_run ();
}
