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
  seen_us           INTEGER NOT NULL,     -- when sync last read it
  -- Added by the sync (issue 5): what the objects aim at and how.
  optimization_goal TEXT,                 -- ad sets: OFFSITE_CONVERSIONS, LINK_CLICKS …
  promoted_event    TEXT,                 -- ad sets: promoted_object.custom_event_type
  bid_amount        INTEGER,              -- minor units; NULL when unset
  targeting         TEXT,                 -- ad sets: Meta's targeting spec, JSON
  creative_id       TEXT,                 -- ads
  start_time_us     INTEGER,
  stop_time_us      INTEGER,
  updated_time_us   INTEGER
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
  seq          INTEGER NOT NULL DEFAULT 0,  -- order of the job in its sync
  report_run_id TEXT,             -- the async report run being read, if any
  PRIMARY KEY (account_id, job)
);

-- How far each kind of job has been read ("daily:ad" …): the day that was
-- "today" in the account's time zone when it last completed. Days more
-- than 28 days before it are final and are not read again.
CREATE TABLE sync_watermark (
  account_id   TEXT NOT NULL,
  kind         TEXT NOT NULL,
  until_day    TEXT NOT NULL,
  synced_us    INTEGER NOT NULL,
  PRIMARY KEY (account_id, kind)
) WITHOUT ROWID;

-- One row per sync attempt, for "last synced" and "last sync failed".
CREATE TABLE sync_run (
  id           INTEGER PRIMARY KEY,
  account_id   TEXT NOT NULL,
  started_us   INTEGER NOT NULL,
  finished_us  INTEGER,
  ok           INTEGER,           -- NULL while running
  rows         INTEGER NOT NULL DEFAULT 0,
  message      TEXT,              -- what failed, in words a person can act on
  error_kind   TEXT               -- failures only: "reconnect", "permission",
                                  -- "throttled", "network", "malformed", "failed"
);

CREATE INDEX sync_run_by_account ON sync_run (account_id, started_us);

-- Which creative version each ad shows: written when an ad is launched
-- (stage 3) or linked by hand, read by triage to queue replacements.
CREATE TABLE ad_creative_link (
  ad_id       TEXT NOT NULL,
  version_id  INTEGER NOT NULL,
  PRIMARY KEY (ad_id, version_id)
) WITHOUT ROWID;

-- Ad Library (ads_archive) results, for competitive research. One row per
-- ad, refreshed by each search that finds it. ad_snapshot_url is stored
-- without the access_token Meta puts in it. Days are the dates Meta gives.
CREATE TABLE library_ad (
  id                 TEXT PRIMARY KEY,
  page_id            TEXT,
  page_name          TEXT,
  created_day        TEXT,              -- ad_creation_time, YYYY-MM-DD
  start_day          TEXT,              -- ad_delivery_start_time
  stop_day           TEXT,              -- ad_delivery_stop_time; NULL while running
  bodies             TEXT,              -- JSON array of strings
  link_titles        TEXT,              -- JSON array of strings
  link_captions      TEXT,              -- JSON array of strings
  link_descriptions  TEXT,              -- JSON array of strings
  snapshot_url       TEXT,              -- without access_token
  platforms          TEXT,              -- JSON array
  languages          TEXT,              -- JSON array
  currency           TEXT,
  impressions_lower  INTEGER,           -- ranges: political and issue ads only
  impressions_upper  INTEGER,
  spend_lower        INTEGER,           -- major units, as Meta gives them
  spend_upper        INTEGER,
  eu_total_reach     INTEGER,
  first_seen_us      INTEGER NOT NULL,
  last_seen_us       INTEGER NOT NULL
);

CREATE INDEX library_ad_by_page ON library_ad (page_id);

-- A search as it was run, and which ads it found.
CREATE TABLE library_search (
  id           INTEGER PRIMARY KEY,
  terms        TEXT,
  page_ids     TEXT,                   -- JSON array
  countries    TEXT NOT NULL,          -- JSON array
  active_status TEXT NOT NULL,
  run_us       INTEGER NOT NULL,
  n_ads        INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE library_hit (
  search_id    INTEGER NOT NULL REFERENCES library_search (id) ON DELETE CASCADE,
  ad_id        TEXT NOT NULL REFERENCES library_ad (id),
  PRIMARY KEY (search_id, ad_id)
) WITHOUT ROWID;
