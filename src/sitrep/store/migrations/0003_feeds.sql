-- `sitrep watch`: the feeds it follows, every item it has seen and what became of it, the
-- other sources of syndicated copies, the text sketches near-duplicates are found by, and
-- the alerts it has raised. Everything `watch` needs to resume after a crash is here.

CREATE TABLE feeds (
    url            TEXT PRIMARY KEY,     -- as given to `sitrep feeds add`
    name           TEXT NOT NULL,
    country        TEXT,                 -- ISO 3166 alpha-2: the prior for its articles' places
    every_seconds  INTEGER NOT NULL,     -- how often it is polled
    added_at       TIMESTAMP NOT NULL,
    etag           TEXT,                 -- for the next conditional GET
    last_modified  TEXT,
    last_poll_at   TIMESTAMP,
    next_poll_at   TIMESTAMP NOT NULL,   -- when it is due again (later after an error: back-off)
    last_status    TEXT,                 -- what the last poll did ("ok: 3 new items", "not modified", an error)
    polls          INTEGER NOT NULL,
    poll_errors    INTEGER NOT NULL,
    failures_in_row INTEGER NOT NULL     -- consecutive failed polls: the back-off grows with it
);

-- One row per article address any feed listed; the state machine of `watch`:
-- 'pending' (listed, not yet fetched), 'stored', 'duplicate', 'near-duplicate', 'failed'.
CREATE TABLE feed_items (
    item_url       TEXT PRIMARY KEY,     -- canonical URL of the item's link
    link           TEXT NOT NULL,        -- the link as the feed gave it (absolute)
    feed_url       TEXT NOT NULL,        -- the feed that listed it first
    guid           TEXT,
    title          TEXT,
    published      DATE,                 -- the feed's date for it: the article's when the page has none
    first_seen     TIMESTAMP NOT NULL,
    state          TEXT NOT NULL,
    outcome        TEXT,                 -- a line: what was stored, or why it was not
    article_key    TEXT,                 -- the stored article (its own, or the one it duplicates)
    n_events       INTEGER NOT NULL,
    attempts       INTEGER NOT NULL,
    retry_at       TIMESTAMP,            -- a failed fetch that may be tried again (429, 5xx, timeout)
    updated_at     TIMESTAMP NOT NULL
);

-- A syndicated copy of a stored article (same wire story on another site): one article, several sources.
CREATE TABLE article_sources (
    article_key    TEXT NOT NULL,        -- the stored article
    url            TEXT NOT NULL,        -- the copy's canonical URL
    outlet         TEXT,
    similarity     FLOAT8 NOT NULL,      -- estimated Jaccard similarity of the two texts' shingles
    added_at       TIMESTAMP NOT NULL,
    PRIMARY KEY (article_key, url)
);

-- MinHash locality-sensitive bands of each stored article's text: two texts that share a band are
-- candidates, compared on their whole signatures (kept in `article_sketches`).
CREATE TABLE sketch_bands (
    band           INTEGER NOT NULL,
    bucket         BIGINT NOT NULL,
    article_key    TEXT NOT NULL
);
CREATE TABLE article_sketches (
    article_key    TEXT PRIMARY KEY,
    signature      TEXT NOT NULL         -- the MinHash signature, hex
);

-- Alerts raised: one per rule and event, and one more each time a merge raises the event's toll.
CREATE TABLE alerts (
    rule           TEXT NOT NULL,
    event_id       TEXT NOT NULL,
    fatalities     INTEGER NOT NULL,
    reason         TEXT NOT NULL,        -- 'new event' or 'toll raised from N'
    payload        TEXT NOT NULL,        -- JSON sent
    raised_at      TIMESTAMP NOT NULL,
    delivered_at   TIMESTAMP,            -- NULL until the command ran or the POST was answered
    attempts       INTEGER NOT NULL,     -- deliveries tried (given up after a few, the error kept)
    delivery_error TEXT,
    PRIMARY KEY (rule, event_id, fatalities)
);
