-- Schema 2: creative assets, their immutable versions, reviewer policies and
-- the approval workflow.
--
-- An asset moves through six states (fd-asset-workflow.c enforces the
-- transitions; the CHECKs below only keep the values sane). A version is
-- immutable: its bytes live content-addressed in media/ (media kinds) or its
-- text lives here (text kinds); either way sha256 names exactly what was
-- reviewed, and approval binds to (asset, version).
--
-- Review rounds: every time an asset enters In Review a new round starts and
-- its reviewer list is frozen from the policy of its kind (asset_reviewer).
-- review_version is the version under review in the current round; while
-- the asset is Revision Requested, a version newer than review_version is
-- what allows it back to In Review.
--
-- Thumbnails are derived data, cached in cache/thumbnails/<sha256>.png, never
-- stored here.

-- Components of a dynamic creative: each headline, each image of the group
-- is its own asset, approved on its own.
CREATE TABLE asset_group (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
  brief_id    INTEGER REFERENCES brief (id),
  created_us  INTEGER NOT NULL,
  created_by  TEXT NOT NULL
);

CREATE TABLE asset (
  id               INTEGER PRIMARY KEY,
  kind             TEXT NOT NULL
                   CHECK (kind IN ('video', 'image', 'headline', 'primary-text', 'script')),
  name             TEXT NOT NULL CHECK (length(trim(name)) > 0),
  brief_id         INTEGER REFERENCES brief (id),
  group_id         INTEGER REFERENCES asset_group (id),
  -- A planning label. Once ads link to versions (ad_creative_link, schema 3
  -- on main), the campaigns an asset runs in are joined from there.
  campaign         TEXT,
  state            TEXT NOT NULL DEFAULT 'draft'
                   CHECK (state IN ('draft', 'in-review', 'revision-requested',
                                    'approved', 'uploaded', 'archived')),
  current_version  INTEGER NOT NULL DEFAULT 0 CHECK (current_version >= 0),
  review_round     INTEGER NOT NULL DEFAULT 0 CHECK (review_round >= 0),
  review_version   INTEGER NOT NULL DEFAULT 0 CHECK (review_version >= 0),
  -- The feedback or reason given with the last transition (the archive
  -- reason, the changes requested), so that the audited snapshot of the
  -- asset carries it.
  state_note       TEXT,
  state_since_us   INTEGER NOT NULL,
  due_us           INTEGER,
  created_us       INTEGER NOT NULL,
  created_by       TEXT NOT NULL,
  CHECK (review_version <= current_version),
  CHECK (state <> 'archived' OR length(trim(state_note)) > 0)
);

CREATE INDEX asset_by_brief ON asset (brief_id);
CREATE INDEX asset_by_group ON asset (group_id);

CREATE TABLE asset_version (
  id           INTEGER PRIMARY KEY,
  asset_id     INTEGER NOT NULL REFERENCES asset (id),
  number       INTEGER NOT NULL CHECK (number >= 1),
  -- Media: the SHA-256 of the stored file. Text: the SHA-256 of the UTF-8
  -- text below.
  sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
  text         TEXT,
  probe_json   TEXT,               -- FdMediaInfo as JSON (media kinds)
  size_bytes   INTEGER NOT NULL CHECK (size_bytes >= 0),
  filename     TEXT,               -- the imported file's name (media kinds)
  note         TEXT,
  created_us   INTEGER NOT NULL,
  created_by   TEXT NOT NULL,
  UNIQUE (asset_id, number),
  CHECK ((text IS NULL) <> (probe_json IS NULL))
);

CREATE INDEX asset_version_by_sha ON asset_version (sha256);

-- Who reviews each kind of asset.
CREATE TABLE reviewer_policy (
  kind       TEXT NOT NULL
             CHECK (kind IN ('video', 'image', 'headline', 'primary-text', 'script')),
  person_id  INTEGER NOT NULL REFERENCES person (id),
  required   INTEGER NOT NULL CHECK (required IN (0, 1)),
  PRIMARY KEY (kind, person_id)
) WITHOUT ROWID;

-- The reviewer list of each round, frozen when the round began.
CREATE TABLE asset_reviewer (
  asset_id   INTEGER NOT NULL REFERENCES asset (id),
  round      INTEGER NOT NULL CHECK (round >= 1),
  person_id  INTEGER NOT NULL REFERENCES person (id),
  required   INTEGER NOT NULL CHECK (required IN (0, 1)),
  PRIMARY KEY (asset_id, round, person_id)
) WITHOUT ROWID;

-- Decisions and comments, append-only. A person's latest decision on a
-- version is the one that counts; comments are not decisions.
CREATE TABLE review_decision (
  id         INTEGER PRIMARY KEY,
  asset_id   INTEGER NOT NULL REFERENCES asset (id),
  version    INTEGER NOT NULL CHECK (version >= 1),
  round      INTEGER NOT NULL CHECK (round >= 0),
  person_id  INTEGER NOT NULL REFERENCES person (id),
  decision   TEXT NOT NULL CHECK (decision IN ('approved', 'changes-requested', 'comment')),
  feedback   TEXT,
  at_us      INTEGER NOT NULL,
  CHECK (decision <> 'changes-requested' OR length(trim(feedback)) > 0),
  FOREIGN KEY (asset_id, version) REFERENCES asset_version (asset_id, number)
);

CREATE INDEX review_decision_by_version ON review_decision (asset_id, version, person_id, id);

-- What was reviewed, and who decided, is never rewritten.
CREATE TRIGGER asset_no_delete BEFORE DELETE ON asset
BEGIN
  SELECT RAISE (ABORT, 'assets are archived, never deleted');
END;

CREATE TRIGGER asset_version_no_update BEFORE UPDATE ON asset_version
BEGIN
  SELECT RAISE (ABORT, 'asset versions are immutable');
END;

CREATE TRIGGER asset_version_no_delete BEFORE DELETE ON asset_version
BEGIN
  SELECT RAISE (ABORT, 'asset versions are immutable');
END;

CREATE TRIGGER asset_reviewer_no_update BEFORE UPDATE ON asset_reviewer
BEGIN
  SELECT RAISE (ABORT, 'a round''s reviewer list is frozen');
END;

CREATE TRIGGER asset_reviewer_no_delete BEFORE DELETE ON asset_reviewer
BEGIN
  SELECT RAISE (ABORT, 'a round''s reviewer list is frozen');
END;

CREATE TRIGGER review_decision_no_update BEFORE UPDATE ON review_decision
BEGIN
  SELECT RAISE (ABORT, 'review decisions are append-only');
END;

CREATE TRIGGER review_decision_no_delete BEFORE DELETE ON review_decision
BEGIN
  SELECT RAISE (ABORT, 'review decisions are append-only');
END;
