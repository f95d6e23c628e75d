-- PostgreSQL only: the lookups of `sitrep watch` (DuckDB scans its columns instead).
CREATE INDEX feed_items_state ON feed_items (state);
CREATE INDEX feed_items_feed ON feed_items (feed_url);
CREATE INDEX sketch_bands_bucket ON sketch_bands (band, bucket);
