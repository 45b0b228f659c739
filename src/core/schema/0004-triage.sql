-- Schema 4: triage. Rules (text, versioned), the decisions they make and
-- what those lead to: replacement requests on the board, retirement
-- records, notifications. All of it is workflow data, written through
-- FdMutation with audit events (entities "rule", "rule-version",
-- "decision", "replacement", "retirement", "notification", and "target"
-- for object_target of schema 3); triage_run and triage_notice are
-- bookkeeping derived from each run.

-- A rule's current state. Its text lives in rule_version; the parsed form
-- is never stored (the text is parsed again when needed).
CREATE TABLE rule (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
  level       TEXT NOT NULL CHECK (level IN ('campaign', 'adset', 'ad')),
  enabled     INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
  version     INTEGER NOT NULL,         -- the current version
  created_us  INTEGER NOT NULL,
  updated_us  INTEGER NOT NULL
);

-- Every text a rule ever had; decisions name the version that made them.
CREATE TABLE rule_version (
  rule_id     INTEGER NOT NULL REFERENCES rule (id),
  version     INTEGER NOT NULL CHECK (version > 0),
  text        TEXT NOT NULL,
  created_us  INTEGER NOT NULL,
  created_by  TEXT NOT NULL,            -- actor
  PRIMARY KEY (rule_id, version)
) WITHOUT ROWID;

-- One row per firing of a rule on an object.
CREATE TABLE triage_decision (
  id            INTEGER PRIMARY KEY,
  rule_id       INTEGER NOT NULL,
  rule_version  INTEGER NOT NULL,
  object_id     TEXT NOT NULL,
  level         TEXT NOT NULL CHECK (level IN ('campaign', 'adset', 'ad')),
  account_id    TEXT,
  evaluated_us  INTEGER NOT NULL,       -- the evaluation time the numbers are for
  created_us    INTEGER NOT NULL,
  metrics       TEXT NOT NULL,          -- JSON object: "roas(3d)" → 1.21 (money in major units)
  estimates     TEXT,                   -- JSON array: the metrics that are estimates
  explanation   TEXT NOT NULL,          -- why it fired, in words
  actions       TEXT NOT NULL,          -- JSON array: "pause", "budget -30% min 20" …
  state         TEXT NOT NULL CHECK (state IN ('proposed', 'awaiting_approval', 'executing',
                                               'executed', 'failed', 'dismissed')),
  approver      TEXT,                   -- who must approve, as the rule names them
  stake         INTEGER,                -- minor units: the daily spend at stake
  decided_by    TEXT,                   -- actor who approved or dismissed
  decided_us    INTEGER,
  executed_us   INTEGER,
  results       TEXT,                   -- JSON array: per action {action, ok, message}
  intent        TEXT,                   -- JSON object: what is being written to Meta
                                        -- ({"status": "PAUSED"}, {"daily_budget": 7000, "from": 10000}),
                                        -- recorded (state executing) before the first call, so that
                                        -- carrying it out again never applies a change twice
  error         TEXT,                   -- what failed, for a person
  note          TEXT,                   -- why it was dismissed, or anything said on approval
  FOREIGN KEY (rule_id, rule_version) REFERENCES rule_version (rule_id, version)
);

CREATE INDEX triage_decision_by_rule_object ON triage_decision (rule_id, object_id, evaluated_us);
CREATE INDEX triage_decision_by_state ON triage_decision (state, evaluated_us);
CREATE INDEX triage_decision_by_object ON triage_decision (object_id, evaluated_us);

-- A request for a new creative, shown on the board: queued by a rule (or a
-- person) for an ad, with the asset versions the ad shows now.
CREATE TABLE replacement_request (
  id           INTEGER PRIMARY KEY,
  ad_id        TEXT NOT NULL,
  decision_id  INTEGER REFERENCES triage_decision (id),
  version_ids  TEXT NOT NULL DEFAULT '[]',  -- JSON array of asset version ids
  state        TEXT NOT NULL DEFAULT 'open'
               CHECK (state IN ('open', 'in_progress', 'done', 'cancelled')),
  note         TEXT,
  created_us   INTEGER NOT NULL,
  created_by   TEXT NOT NULL
);

CREATE INDEX replacement_request_by_ad ON replacement_request (ad_id, state);

-- Why an object stopped running. A pause executed by a rule writes one.
CREATE TABLE retirement (
  id            INTEGER PRIMARY KEY,
  object_id     TEXT NOT NULL,
  level         TEXT NOT NULL CHECK (level IN ('campaign', 'adset', 'ad')),
  reason        TEXT NOT NULL CHECK (reason IN ('budget-decision', 'creative-fatigue',
                                                'seasonal-end', 'test-loss', 'compliance')),
  rule_id       INTEGER,
  rule_version  INTEGER,
  decision_id   INTEGER REFERENCES triage_decision (id),
  metrics       TEXT,                   -- JSON: the numbers behind it
  note          TEXT,
  retired_by    TEXT NOT NULL,          -- actor
  retired_us    INTEGER NOT NULL
);

CREATE INDEX retirement_by_object ON retirement (object_id, retired_us);

-- Messages to people: notify, escalate, and requests to approve.
CREATE TABLE triage_notification (
  id           INTEGER PRIMARY KEY,
  decision_id  INTEGER REFERENCES triage_decision (id),
  kind         TEXT NOT NULL CHECK (kind IN ('notify', 'escalate', 'approval')),
  recipient    TEXT NOT NULL,           -- as the rule names them: "account lead"
  person_id    INTEGER NOT NULL REFERENCES person (id),
  message      TEXT NOT NULL,
  created_us   INTEGER NOT NULL,
  read_us      INTEGER
);

CREATE INDEX triage_notification_by_person ON triage_notification (person_id, read_us);

-- What the last run could not judge (a rule that needs a target the object
-- lacks …). Replaced by every run; shown by the dashboard.
CREATE TABLE triage_notice (
  rule_id    INTEGER NOT NULL,
  object_id  TEXT NOT NULL,
  kind       TEXT NOT NULL,
  message    TEXT NOT NULL,
  at_us      INTEGER NOT NULL,
  PRIMARY KEY (rule_id, object_id, kind)
) WITHOUT ROWID;

-- One row per triage run (dry runs write nothing).
CREATE TABLE triage_run (
  id           INTEGER PRIMARY KEY,
  at_us        INTEGER NOT NULL,
  started_us   INTEGER NOT NULL,
  finished_us  INTEGER,
  trigger      TEXT NOT NULL,           -- schedule, sync, manual
  rules        INTEGER NOT NULL DEFAULT 0,
  objects      INTEGER NOT NULL DEFAULT 0,
  decisions    INTEGER NOT NULL DEFAULT 0,
  ok           INTEGER,
  message      TEXT
);
