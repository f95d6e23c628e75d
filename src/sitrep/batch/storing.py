"""`sitrep batch --store DB`: a finished partition's articles and events into the event store.

The workers write Parquet only: an event store has one writer (a DuckDB file is
locked by its process, and merging needs the store's write lock anyway), so the
client stores each partition as it finishes, while the workers go on with the next:

    OUT/events/<key>.parquet (the events, in order)  +  the partition's articles, read again
        --> Store.add(article, its events), one transaction per article
        --> OUT/stored/<store id>/<key>   (the mark, written last)

The articles are read again from the inputs with the reader the worker used (the
store keeps their text; the Parquet file does not), and the articles whose
extraction failed are left out, as `sitrep ingest` leaves them out. Storing is
idempotent: an article already in the store is recognised by its text and skipped,
so a run killed half-way through a partition's storing stores the rest of it on the
rerun and duplicates nothing. A partition finished by an earlier run without
`--store`, or for another store, is stored by the next run that names this store.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict

from sitrep.batch.partitions import Partition
from sitrep.batch.readers import read_partition
from sitrep.batch.results import Output, read_events
from sitrep.records import Event, InputProblem
from sitrep.settings import Settings
from sitrep.store.core import IngestReport, Store


def store_id(store: Store) -> str:
    """A short stable name for a store (its location, password-free), for the marks in OUT/stored/."""
    return hashlib.sha1(store.location.encode("utf-8")).hexdigest()[:12]


def store_partition(store: Store, output: Output, part: Partition, settings: Settings,
                    published: dt.date | None, report: IngestReport) -> None:
    """Store one finished partition's articles with their events, then mark it stored."""
    events: dict[str, list[Event]] = defaultdict(list)
    for source, event in read_events(output.events_path(part.key)):
        events[source].append(event)  # by the input it came from: unique, where article ids may repeat
    failed = {p["source"] for p in output.entry(part.key)["problems"]}
    for item in read_partition(part, settings, published):
        if isinstance(item, InputProblem) or item.source_name in failed:
            continue  # reported by the worker already, in the manifest
        report.count(store.add(item, events.get(item.source_name, [])))
    output.mark_stored(part.key, store_id(store), store.location)
