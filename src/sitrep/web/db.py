"""The server's connections to the store: one per request, safe across the server's threads.

DuckDB: the store is opened once (created and migrated as `open_store` does); each request
gets a cursor of that connection, which DuckDB makes a connection of its own to the same
database, usable from the request's thread. PostgreSQL: a small pool of connections.
Writes take one lock, so two corrections never race on the embedded DuckDB file.
"""

from __future__ import annotations

import contextlib
import copy
import threading
from collections.abc import Iterator

from sitrep.settings import Settings
from sitrep.store.base import StoreError
from sitrep.store.core import Store, is_postgres, open_backend, open_store

LATE_MATERIALIZATION_ROWS = 5_001  # a batch of `sitrep.web.pages.BATCH_ROWS` and one more
DUCKDB_THREADS = 1


class StorePool:
    """Stores for the server's requests, from one store address."""

    def __init__(self, db: str, settings: Settings) -> None:
        self.db = db
        self.postgres = is_postgres(db)
        self.base = open_store(db, settings)  # creates and migrates it, once
        if not self.postgres:
            # A page of events is a top-N query: DuckDB reads the other columns only for the rows kept when
            # the page is within this many rows (its default, 50, is below a page; measured 24 -> 15 ms for
            # three filters over a million events). Older DuckDB releases do not have the setting.
            with contextlib.suppress(StoreError):
                self.base.backend.execute(f"SET GLOBAL late_materialization_max_rows = {LATE_MATERIALIZATION_ROWS}")
            # The server's parallelism is its concurrent requests: one DuckDB thread a query costs less
            # (a page of three filters: 11 -> 9.6 ms of CPU, 18-26 -> 13 ms of wall time, measured).
            self.base.backend.execute(f"SET GLOBAL threads = {DUCKDB_THREADS}")
        self.location = self.base.location
        self.write_lock = threading.Lock()
        self._idle: list[Store] = []
        self._idle_lock = threading.Lock()

    @contextlib.contextmanager
    def store(self) -> Iterator[Store]:
        """A store for one request (give it back by leaving the block)."""
        if not self.postgres:
            backend = copy.copy(self.base.backend)
            backend.con = self.base.backend.con.cursor()  # type: ignore[attr-defined]
            backend._in_transaction = False  # type: ignore[attr-defined]  # noqa: SLF001
            try:
                yield Store(backend)
            finally:
                backend.con.close()  # type: ignore[attr-defined]
            return
        with self._idle_lock:
            store = self._idle.pop() if self._idle else None
        if store is None:
            store = Store(open_backend(self.db))
        healthy = False
        try:
            yield store
            healthy = True
        finally:
            if healthy and not store.backend.conn.closed:  # type: ignore[attr-defined]
                with self._idle_lock:
                    self._idle.append(store)
            else:
                store.close()

    def close(self) -> None:
        with self._idle_lock:
            for store in self._idle:
                store.close()
            self._idle.clear()
        self.base.close()
