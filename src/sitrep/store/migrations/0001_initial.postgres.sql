-- PostgreSQL only: B-tree indexes for the merge lookup and the query filters. (DuckDB
-- needs none: its column scans with zone maps are faster than index lookups for these.)
CREATE INDEX articles_url ON articles (url);
CREATE INDEX events_merge ON events (event_type, event_date);
CREATE INDEX events_date ON events (event_date);
CREATE INDEX events_country ON events (lower(country));
CREATE INDEX events_geonameid ON events (geonameid);
