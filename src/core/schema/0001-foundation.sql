-- Schema 1: the workspace itself, its people, the ownership matrix, bare
-- briefs and the audit log.
--
-- Conventions: times are UTC microseconds (INTEGER, suffix _us); money is an
-- INTEGER in the currency's minor unit next to its currency code; rates are
-- REAL. Every change to workflow data is written together with an
-- audit_event row in one transaction (see fd-mutation.c).

CREATE TABLE meta (
  key    TEXT PRIMARY KEY,
  value  TEXT
) WITHOUT ROWID;

CREATE TABLE person (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
  email       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (instr(email, '@') > 1),
  role        TEXT NOT NULL,
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_us  INTEGER NOT NULL
);

-- Who owns each stage transition. The key names a transition (see
-- fd-ownership.h); a backup may stand in for the owner (launch sign-off).
CREATE TABLE ownership (
  transition  TEXT PRIMARY KEY,
  owner_id    INTEGER NOT NULL REFERENCES person (id),
  backup_id   INTEGER REFERENCES person (id),
  CHECK (backup_id IS NULL OR backup_id <> owner_id)
) WITHOUT ROWID;

-- A bare brief record; the briefing stage extends it.
CREATE TABLE brief (
  id          INTEGER PRIMARY KEY,
  title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
  objective   TEXT,
  segment     TEXT,
  message     TEXT,
  placements  TEXT,              -- comma list: feed,stories,reels
  owner_id    INTEGER REFERENCES person (id),
  due_us      INTEGER,
  created_us  INTEGER NOT NULL,
  created_by  TEXT NOT NULL
);

-- The audit log: append-only and hash-chained. hash = SHA-256 over the
-- event's fields and prev_hash (fd-audit-log.c), so editing or deleting a
-- row behind the app's back breaks the chain at that row.
CREATE TABLE audit_event (
  seq          INTEGER PRIMARY KEY AUTOINCREMENT,
  at_us        INTEGER NOT NULL,
  actor        TEXT NOT NULL,
  entity_type  TEXT NOT NULL,
  entity_id    TEXT NOT NULL,
  action       TEXT NOT NULL,
  before_json  TEXT,
  after_json   TEXT,
  prev_hash    TEXT NOT NULL,
  hash         TEXT NOT NULL
);

CREATE INDEX audit_event_entity ON audit_event (entity_type, entity_id, seq);

-- The newest event, kept so that deleting events at the end of the log is
-- detected too.
CREATE TABLE audit_head (
  id    INTEGER PRIMARY KEY CHECK (id = 1),
  seq   INTEGER NOT NULL,
  hash  TEXT NOT NULL
);

CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN
  SELECT RAISE (ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN
  SELECT RAISE (ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
BEGIN
  SELECT RAISE (ABORT, 'the audit log is append-only');
END;
