-- Schema 5: review — timecoded comments with marks, and the audited
-- overrides of the placement approval gate.
--
-- A comment belongs to one version of an asset (asset_id, version). On a
-- media version it may point at a frame or an inclusive range of frames
-- (frame numbers from 0: exact, unlike times; the times a player seeks to
-- are computed from the version's probed frame rate) and carry a mark drawn
-- on the frame (FdMarkupShape JSON, coordinates normalised 0–1). On a text
-- version it may point at a range of characters instead: [text_start,
-- text_end), counted in Unicode characters from 0. A reply names its
-- thread's first comment (parent_id) and points at nothing of its own; a
-- thread is resolved and reopened as a whole, on its first comment.
--
-- Every change is an audited mutation (entity "comment"); an edit keeps the
-- earlier text in the audit log's "before". Comments are never deleted.
--
-- review_id: comments made before schema 5 were rows of review_decision
-- (decision 'comment'). The upgrade copies each into this table, linked
-- here, so that every comment is one kind of thing; the old row stays as
-- it was (append-only) and the history keeps telling it at its own time.

CREATE TABLE comment (
  id           INTEGER PRIMARY KEY,
  asset_id     INTEGER NOT NULL REFERENCES asset (id),
  version      INTEGER NOT NULL CHECK (version >= 1),
  parent_id    INTEGER REFERENCES comment (id),
  person_id    INTEGER NOT NULL REFERENCES person (id),
  body         TEXT NOT NULL CHECK (length(trim(body)) > 0),
  frame_start  INTEGER CHECK (frame_start >= 0),
  frame_end    INTEGER,
  text_start   INTEGER CHECK (text_start >= 0),
  text_end     INTEGER,
  mark_json    TEXT CHECK (mark_json IS NULL OR json_valid(mark_json)),
  created_us   INTEGER NOT NULL,
  edited_us    INTEGER,
  resolved_by  INTEGER REFERENCES person (id),
  resolved_us  INTEGER,
  review_id    INTEGER UNIQUE REFERENCES review_decision (id),
  FOREIGN KEY (asset_id, version) REFERENCES asset_version (asset_id, number),
  CHECK ((frame_start IS NULL) = (frame_end IS NULL) AND frame_end >= frame_start),
  CHECK ((text_start IS NULL) = (text_end IS NULL) AND text_end > text_start),
  CHECK (frame_start IS NULL OR text_start IS NULL),
  CHECK (mark_json IS NULL OR frame_start IS NOT NULL),
  CHECK ((resolved_by IS NULL) = (resolved_us IS NULL)),
  CHECK (parent_id IS NULL OR (frame_start IS NULL AND text_start IS NULL AND
                               resolved_by IS NULL))
);

CREATE INDEX comment_by_version ON comment (asset_id, version, parent_id);
CREATE INDEX comment_by_parent ON comment (parent_id);

-- What was said, where and by whom is fixed; only the text (by its author)
-- and the resolution change.
CREATE TRIGGER comment_fixed_columns
BEFORE UPDATE OF id, asset_id, version, parent_id, person_id, frame_start, frame_end,
                 text_start, text_end, mark_json, created_us, review_id ON comment
BEGIN
  SELECT RAISE (ABORT, 'a comment''s place, author and time are fixed');
END;

CREATE TRIGGER comment_no_delete BEFORE DELETE ON comment
BEGIN
  SELECT RAISE (ABORT, 'comments are resolved, never deleted');
END;

-- The placement gate: a version of a media asset that fails a placement its
-- brief requires cannot be approved, unless a required reviewer of the
-- round under way records why it may (entity "placement_override"). The
-- override binds to the version's bytes (sha256): a new version needs its
-- own. Append-only.
CREATE TABLE placement_override (
  id          INTEGER PRIMARY KEY,
  asset_id    INTEGER NOT NULL REFERENCES asset (id),
  version     INTEGER NOT NULL CHECK (version >= 1),
  sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
  placement   TEXT NOT NULL CHECK (placement IN ('feed', 'stories', 'reels')),
  round       INTEGER NOT NULL CHECK (round >= 1),
  person_id   INTEGER NOT NULL REFERENCES person (id),
  reason      TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  at_us       INTEGER NOT NULL,
  FOREIGN KEY (asset_id, version) REFERENCES asset_version (asset_id, number),
  UNIQUE (asset_id, version, placement)
);

CREATE TRIGGER placement_override_no_update BEFORE UPDATE ON placement_override
BEGIN
  SELECT RAISE (ABORT, 'placement overrides are append-only');
END;

CREATE TRIGGER placement_override_no_delete BEFORE DELETE ON placement_override
BEGIN
  SELECT RAISE (ABORT, 'placement overrides are append-only');
END;
