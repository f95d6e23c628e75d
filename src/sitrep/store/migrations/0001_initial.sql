-- Version 1 of the event store: articles, the reports extracted from them, the fatality
-- claims of each report, and the merged events. Lists and objects are JSON text.
-- Types and syntax are those DuckDB and PostgreSQL share; backend-only statements
-- live in 0001_initial.<backend>.sql.

CREATE TABLE articles (
    article_key  TEXT PRIMARY KEY,      -- 'url:' + canonical URL, or 'text:' + text hash when there is no URL
    text_hash    TEXT NOT NULL UNIQUE,  -- sha256 of the text with runs of whitespace made one space
    url          TEXT,                  -- canonical URL
    article_id   TEXT NOT NULL,         -- the input's own id (echoed as article_id on its events)
    title        TEXT,
    outlet       TEXT,
    published    DATE,
    language     TEXT,
    source_name  TEXT,                  -- the input it was read from (file, URL, 'stdin:3')
    text         TEXT NOT NULL,         -- the evidence spans of its reports point into this
    n_reports    INTEGER NOT NULL,
    ingested_at  TIMESTAMP NOT NULL
);

-- One event record as one article reported it: the extractor's output, kept whole in
-- `record`, with the fields the merge rule reads as columns.
CREATE TABLE reports (
    report_id       TEXT PRIMARY KEY,
    article_key     TEXT NOT NULL,
    event_id        TEXT NOT NULL,      -- the merged event it belongs to
    extracted_id    TEXT NOT NULL,      -- the extractor's event_id
    position        INTEGER NOT NULL,   -- its order among the article's events
    event_date      DATE,
    time_precision  INTEGER NOT NULL,
    event_type      TEXT NOT NULL,
    sub_event_type  TEXT NOT NULL,
    actor1          TEXT,
    actor2          TEXT,
    country         TEXT,
    geonameid       BIGINT,
    latitude        FLOAT8,
    longitude       FLOAT8,
    geo_precision   INTEGER NOT NULL,
    fatalities      INTEGER NOT NULL,
    n_claims        INTEGER NOT NULL,
    confidence      FLOAT8 NOT NULL,
    evidence        TEXT NOT NULL,      -- JSON: field -> [start, end] in the article's text
    record          TEXT NOT NULL,      -- JSON: the whole extracted Event
    merge_reason    TEXT NOT NULL,      -- why it joined its event (or that it founded it)
    ingested_at     TIMESTAMP NOT NULL
);
CREATE INDEX reports_event ON reports (event_id);
CREATE INDEX reports_article ON reports (article_key);

-- Every casualty figure every report gives, with who gave it and where it was read.
CREATE TABLE claims (
    report_id    TEXT NOT NULL,
    position     INTEGER NOT NULL,
    event_id     TEXT NOT NULL,
    article_key  TEXT NOT NULL,
    outlet       TEXT,
    count        INTEGER NOT NULL,
    low          INTEGER NOT NULL,
    high         INTEGER NOT NULL,
    source       TEXT,
    quote        TEXT NOT NULL,
    PRIMARY KEY (report_id, position)
);
CREATE INDEX claims_event ON claims (event_id);

-- The merged events: one row per real-world event, its fields from the lead report,
-- its fatalities by ACLED's conservative rule over all reports, every claim and source.
CREATE TABLE events (
    event_id         TEXT PRIMARY KEY,
    event_date       DATE,
    time_precision   INTEGER NOT NULL,
    disorder_type    TEXT NOT NULL,
    event_type       TEXT NOT NULL,
    sub_event_type   TEXT NOT NULL,
    actor1           TEXT,
    actor2           TEXT,
    assoc_actor_1    TEXT NOT NULL,     -- JSON list
    assoc_actor_2    TEXT NOT NULL,     -- JSON list
    inter1           INTEGER,
    inter2           INTEGER,
    country          TEXT NOT NULL,
    iso3             TEXT NOT NULL,
    admin1           TEXT,
    admin2           TEXT,
    location         TEXT NOT NULL,
    latitude         FLOAT8,
    longitude        FLOAT8,
    geonameid        BIGINT,
    geo_precision    INTEGER NOT NULL,
    fatalities       INTEGER NOT NULL,
    fatality_claims  TEXT NOT NULL,     -- JSON list of every claim of every report
    sources          TEXT NOT NULL,     -- JSON list: every source and outlet, first report first
    notes            TEXT NOT NULL,
    confidence       FLOAT8 NOT NULL,
    evidence         TEXT NOT NULL,     -- JSON: the lead report's spans
    lead_report_id   TEXT NOT NULL,
    article_id       TEXT NOT NULL,     -- the lead report's article
    url              TEXT,
    title            TEXT,
    outlet           TEXT,
    published        DATE,
    n_reports        INTEGER NOT NULL,
    n_articles       INTEGER NOT NULL,
    article_keys     TEXT NOT NULL,     -- JSON list of the articles that report it
    created_at       TIMESTAMP NOT NULL,
    updated_at       TIMESTAMP NOT NULL
);
