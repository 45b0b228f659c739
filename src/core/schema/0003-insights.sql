-- Schema 3: ad accounts, the Meta objects (campaigns, ad sets, ads), their
-- insights by day and by hour, and the sync bookkeeping.
--
-- This is the contract between insights sync (src/graph) and the rule
-- engine (src/core): columns may be added, never renamed or removed.
--
-- Ids of Meta objects are TEXT (they exceed 2^53). Money is INTEGER in the
-- minor unit of the account's currency (JPY, KRW … have none: offset 1).
-- Days and hours are buckets in the ad account's time zone; start_us is the
-- bucket's start as UTC microseconds, so windows ending "now" are ranges.

CREATE TABLE ad_account (
  id           TEXT PRIMARY KEY CHECK (id LIKE 'act\_%' ESCAPE '\'),
  name         TEXT,
  currency     TEXT NOT NULL DEFAULT 'USD',
  timezone     TEXT NOT NULL DEFAULT 'UTC',   -- IANA name, e.g. Europe/Berlin
  graph_url    TEXT NOT NULL DEFAULT 'https://graph.facebook.com',
  api_version  TEXT NOT NULL DEFAULT 'v25.0',
  created_us   INTEGER NOT NULL
);

CREATE TABLE meta_object (
  id                TEXT PRIMARY KEY,
  account_id        TEXT NOT NULL REFERENCES ad_account (id),
  level             TEXT NOT NULL CHECK (level IN ('campaign', 'adset', 'ad')),
  campaign_id       TEXT,                 -- set for ad sets and ads
  adset_id          TEXT,                 -- set for ads
  name              TEXT,
  status            TEXT,                 -- ACTIVE, PAUSED, … as configured
  effective_status  TEXT,
  objective         TEXT,
  daily_budget      INTEGER,              -- minor units; NULL when unset
  lifetime_budget   INTEGER,              -- minor units; NULL when unset
  bid_strategy      TEXT,
  created_time_us   INTEGER,
  seen_us           INTEGER NOT NULL      -- when sync last read it
);

CREATE INDEX meta_object_by_level ON meta_object (account_id, level);
CREATE INDEX meta_object_by_adset ON meta_object (adset_id);
CREATE INDEX meta_object_by_campaign ON meta_object (campaign_id);

-- Targets are set in Flightdeck, not read from Meta: workflow data,
-- audited as entity "target". An ad set without its own target uses its
-- campaign's.
CREATE TABLE object_target (
  object_id    TEXT PRIMARY KEY,
  target_cpa   INTEGER,                   -- minor units of the account currency
  target_roas  REAL
);

-- One row per object and day. Metrics Meta omits (zero) are stored as 0.
CREATE TABLE insight_daily (
  object_id       TEXT NOT NULL,
  day             TEXT NOT NULL,          -- YYYY-MM-DD, account time zone
  start_us        INTEGER NOT NULL,
  impressions     INTEGER NOT NULL DEFAULT 0,
  reach           INTEGER NOT NULL DEFAULT 0,
  frequency       REAL NOT NULL DEFAULT 0,
  spend           INTEGER NOT NULL DEFAULT 0,   -- minor units
  clicks          INTEGER NOT NULL DEFAULT 0,
  link_clicks     INTEGER NOT NULL DEFAULT 0,   -- inline_link_clicks
  purchases       INTEGER NOT NULL DEFAULT 0,
  purchase_value  INTEGER NOT NULL DEFAULT 0,   -- minor units
  video_plays     INTEGER NOT NULL DEFAULT 0,
  video_p25       INTEGER NOT NULL DEFAULT 0,
  video_p50       INTEGER NOT NULL DEFAULT 0,
  video_p75       INTEGER NOT NULL DEFAULT 0,
  video_p100      INTEGER NOT NULL DEFAULT 0,
  thruplays       INTEGER NOT NULL DEFAULT 0,
  synced_us       INTEGER NOT NULL,
  PRIMARY KEY (object_id, day)
) WITHOUT ROWID;

-- One row per object and hour (hourly breakdown in the advertiser's time
-- zone). Meta does not report reach by hour.
CREATE TABLE insight_hourly (
  object_id       TEXT NOT NULL,
  day             TEXT NOT NULL,
  hour            INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
  start_us        INTEGER NOT NULL,
  impressions     INTEGER NOT NULL DEFAULT 0,
  spend           INTEGER NOT NULL DEFAULT 0,
  clicks          INTEGER NOT NULL DEFAULT 0,
  link_clicks     INTEGER NOT NULL DEFAULT 0,
  purchases       INTEGER NOT NULL DEFAULT 0,
  purchase_value  INTEGER NOT NULL DEFAULT 0,
  video_plays     INTEGER NOT NULL DEFAULT 0,
  thruplays       INTEGER NOT NULL DEFAULT 0,
  synced_us       INTEGER NOT NULL,
  PRIMARY KEY (object_id, day, hour)
) WITHOUT ROWID;

-- Reach does not add up across days (the same person counts once), so the
-- deduplicated reach of trailing windows is read from Meta separately and
-- kept here: frequency(7d) = impressions / reach of the 7 days to until_day.
CREATE TABLE insight_reach (
  object_id    TEXT NOT NULL,
  until_day    TEXT NOT NULL,
  days         INTEGER NOT NULL CHECK (days > 0),
  reach        INTEGER NOT NULL,
  impressions  INTEGER NOT NULL,
  synced_us    INTEGER NOT NULL,
  PRIMARY KEY (object_id, until_day, days)
) WITHOUT ROWID;

-- Where an interrupted sync resumes: committed in the same transaction as
-- the page of rows it follows.
CREATE TABLE sync_cursor (
  account_id   TEXT NOT NULL,
  job          TEXT NOT NULL,     -- what is being read, e.g. "daily:ad:2026-08-27:2026-11-24"
  after        TEXT,              -- the paging cursor of the next page
  rows_done    INTEGER NOT NULL DEFAULT 0,
  started_us   INTEGER NOT NULL,
  PRIMARY KEY (account_id, job)
);

-- One row per sync attempt, for "last synced" and "last sync failed".
CREATE TABLE sync_run (
  id           INTEGER PRIMARY KEY,
  account_id   TEXT NOT NULL,
  started_us   INTEGER NOT NULL,
  finished_us  INTEGER,
  ok           INTEGER,           -- NULL while running
  rows         INTEGER NOT NULL DEFAULT 0,
  message      TEXT               -- what failed, in words a person can act on
);

CREATE INDEX sync_run_by_account ON sync_run (account_id, started_us);

-- Which creative version each ad shows: written when an ad is launched
-- (stage 3) or linked by hand, read by triage to queue replacements.
CREATE TABLE ad_creative_link (
  ad_id       TEXT NOT NULL,
  version_id  INTEGER NOT NULL,
  PRIMARY KEY (ad_id, version_id)
) WITHOUT ROWID;
