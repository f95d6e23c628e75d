-- Review and corrections (issue 14): analysts' API tokens, their corrections of events,
-- the pins that keep an event's reports together through re-ingest, and the audit log.
-- Types and syntax are those DuckDB and PostgreSQL share.

-- NULL: as extracted and merged; 'corrected': some field was corrected by hand;
-- 'not_event': an analyst said it is not an event (left out of queries and exports).
ALTER TABLE events ADD COLUMN review TEXT;

-- One row per analyst: the API token is kept only as its SHA-256 (a token is 256 random bits).
CREATE TABLE review_users (
    name        TEXT PRIMARY KEY,
    token_hash  TEXT NOT NULL UNIQUE,
    created_at  TIMESTAMP NOT NULL
);

-- The corrected value of one field of one event (JSON), applied over the merged record
-- every time the event is recomputed; '_not_event' marks a rejected event.
CREATE TABLE review_overrides (
    event_id  TEXT NOT NULL,
    field     TEXT NOT NULL,
    value     TEXT NOT NULL,
    PRIMARY KEY (event_id, field)
);

-- A reviewed event's reports, by their article and the extractor's event id: when the same
-- article is stored or extracted again, its report joins this event (merge and split kept).
CREATE TABLE review_pins (
    article_key   TEXT NOT NULL,
    extracted_id  TEXT NOT NULL,
    event_id      TEXT NOT NULL,
    PRIMARY KEY (article_key, extracted_id)
);
CREATE INDEX review_pins_event ON review_pins (event_id);

-- Every change: who, when, what it was before and after (JSON), and why.
CREATE TABLE review_log (
    change_id       TEXT PRIMARY KEY,
    event_id        TEXT NOT NULL,
    action          TEXT NOT NULL,      -- correct, not_event, restore, merge, merged_into, split, split_from
    user_name       TEXT NOT NULL,
    changed_at      TIMESTAMP NOT NULL,
    field           TEXT,
    value_before    TEXT,
    value_after     TEXT,
    reason          TEXT NOT NULL,
    other_event_id  TEXT
);
CREATE INDEX review_log_event ON review_log (event_id);
