"""The embedded backend: one DuckDB file, no server.

DuckDB allows one writing process per file; a second `sitrep ingest` on the same
file gets a clear error naming the file instead of waiting. Every commit goes to
DuckDB's write-ahead log before `commit()` returns, so a killed process loses
only the transaction it was in; the next open replays the log.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from sitrep.inputfiles import file_kind, open_regular, stat_reason
from sitrep.store.base import Backend, Row, StoreError

# A DuckDB database file: 8 bytes of checksum, then this magic (DuckDB's storage format).
DUCKDB_MAGIC = b"DUCK"
DUCKDB_MAGIC_AT = 8


def _refuse_what_is_not_a_store(path: Path) -> None:
    """Refuse an existing path that is not a DuckDB file: DuckDB would read some (a .jsonl, a .csv) as data
    and run in memory, so an ingest would report articles as stored and keep nothing."""
    hint = "give a new file name or an existing store"
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return  # a new store
    except OSError as exc:
        raise StoreError(f"cannot open the store {path}: {stat_reason(path, exc)}") from exc
    if stat.S_ISDIR(info.st_mode):
        raise StoreError(f"{path} is a folder; give the store a file name such as {path / 'sitrep.duckdb'}")
    if not stat.S_ISREG(info.st_mode):
        raise StoreError(f"{path} is not a sitrep store: it is {file_kind(info.st_mode)}; {hint}")
    if info.st_size == 0:
        raise StoreError(f"{path} is not a sitrep store: it is an empty file; {hint}")
    try:
        with open_regular(path) as fh:
            head = fh.read(DUCKDB_MAGIC_AT + len(DUCKDB_MAGIC))
    except OSError as exc:
        raise StoreError(f"cannot open the store {path}: {stat_reason(path, exc)}") from exc
    if head[DUCKDB_MAGIC_AT:] != DUCKDB_MAGIC:
        raise StoreError(f"{path} is not a sitrep store: it exists and is not a DuckDB database; {hint}")


class DuckDBBackend(Backend):
    dialect = "duckdb"

    def __init__(self, path: Path | str, *, read_only: bool = False) -> None:
        self.location = str(path)
        if str(path) != ":memory:":
            path = Path(path).expanduser()
            if read_only and not path.exists():
                raise StoreError(f"no store at {path} (run `sitrep ingest` first, or pass --db)")
            _refuse_what_is_not_a_store(path)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create the folder for the store {path}: {exc.strerror or exc}") from exc
            self.location = str(path)
        try:
            self.con = duckdb.connect(self.location, read_only=read_only)
        except duckdb.IOException as exc:
            message = str(exc)
            if "lock" in message.lower():
                holder = re.search(r"\(PID (\d+)\)", message)
                who = f"another process (PID {holder.group(1)})" if holder else "another process"
                if read_only:
                    raise StoreError(f"the store {self.location} is being written by {who}: a DuckDB store can be "
                                     "read only while no process writes it, so run this when the ingest has "
                                     "finished (or keep the store in PostgreSQL, where readers and a writer "
                                     "share it)") from exc
                raise StoreError(f"the store {self.location} is in use by {who} (DuckDB allows one writer at a "
                                 "time, and no reader while it writes): wait for it to finish") from exc
            raise StoreError(f"cannot open the store {self.location}: {message}") from exc
        except duckdb.Error as exc:
            raise StoreError(f"cannot open the store {self.location}: {exc}") from exc
        self._in_transaction = False
        if self.location != ":memory:":
            self._refuse_foreign_tables()

    def _refuse_foreign_tables(self) -> None:
        """A DuckDB file with tables but none of ours is someone else's database: never write into it."""
        tables = {r[0] for r in self.con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_catalog = current_database()").fetchall()}
        if tables and "schema_migrations" not in tables:
            self.con.close()
            names = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
            raise StoreError(f"{self.location} is not a sitrep store: it is a DuckDB database with other tables "
                             f"({names}); give a new file name or an existing store")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        try:
            cur = self.con.execute(sql, list(params))
            return cur.fetchall() if cur.description else []
        except duckdb.Error as exc:
            raise StoreError(f"{self.location}: {exc}") from exc

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        try:
            self.con.executemany(sql, [list(r) for r in rows])
        except duckdb.Error as exc:
            raise StoreError(f"{self.location}: {exc}") from exc

    def execute_script(self, sql: str) -> None:
        try:
            self.con.execute(sql)
        except duckdb.Error as exc:
            raise StoreError(f"{self.location}: {exc}") from exc

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._in_transaction:  # nested: part of the outer transaction
            yield
            return
        self.con.begin()
        self._in_transaction = True
        try:
            yield
        except BaseException:
            self._in_transaction = False
            self.con.rollback()
            raise
        self._in_transaction = False
        try:
            self.con.commit()
        except duckdb.Error as exc:
            raise StoreError(f"{self.location}: commit failed: {exc}") from exc

    def lock_for_write(self) -> None:
        return None  # one writing process per DuckDB file: the file lock is the write lock

    def _batches(self, sql: str, params: Sequence[Any], batch_size: int) -> Iterator[Any]:
        # DuckDB's DB-API cursor materialises a whole result before the first fetchmany; its Arrow
        # reader streams. A cursor of its own, so the caller may run other statements meanwhile.
        cur = self.con.cursor()
        try:
            relation = cur.sql(sql, params=list(params))
            # DuckDB 1.4+ calls it to_arrow_reader; older releases fetch_record_batch.
            to_reader = getattr(relation, "to_arrow_reader", None) or relation.fetch_record_batch
            yield from to_reader(batch_size)
        except duckdb.Error as exc:
            raise StoreError(f"{self.location}: {exc}") from exc
        finally:
            cur.close()

    def stream(self, sql: str, params: Sequence[Any] = (), batch_size: int = 10_000) -> Iterator[list[Row]]:
        for batch in self._batches(sql, params, batch_size):
            if batch.num_rows:
                yield list(zip(*(column.to_pylist() for column in batch.columns), strict=True))

    def stream_columns(self, sql: str, params: Sequence[Any] = (),
                       batch_size: int = 10_000) -> Iterator[dict[str, list[Any]]]:
        for batch in self._batches(sql, params, batch_size):
            if batch.num_rows:
                yield {name: column.to_pylist() for name, column in zip(batch.schema.names, batch.columns,
                                                                        strict=True)}

    def column_names(self, sql: str, params: Sequence[Any] = ()) -> list[str]:
        cur = self.con.cursor()
        try:
            result = cur.execute(f"SELECT * FROM ({sql}) AS q LIMIT 0", list(params))
            return [d[0] for d in result.description or ()]
        finally:
            cur.close()

    def close(self) -> None:
        self.con.close()
