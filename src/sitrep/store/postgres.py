"""The shared backend: a PostgreSQL server, for several users or machines on one store.

Opened with a libpq URI (`postgresql://user:password@host:5432/dbname`); any libpq
option works, e.g. `?options=-csearch_path%3Dsitrep` to keep the tables in a schema.
Writers take a transaction-scoped advisory lock while they merge, so two ingests
running at once never found the same event twice.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg import conninfo

from sitrep.store.base import Backend, Row, StoreError

# pg_advisory_xact_lock key held by a writer while it merges reports into events ("sitrep" in ASCII).
WRITE_LOCK_KEY = 0x736974726570


def redact(dsn: str) -> str:
    """The DSN without its password, for messages."""
    try:
        parts = conninfo.conninfo_to_dict(dsn)
    except psycopg.ProgrammingError:
        return "postgresql://(unparsable DSN)"
    host = parts.get("host") or "localhost"
    port = parts.get("port") or "5432"
    user = parts.get("user")
    return f"postgresql://{str(user) + '@' if user else ''}{host}:{port}/{parts.get('dbname') or ''}"


@functools.lru_cache(maxsize=256)
def _pg(sql: str) -> str:
    """`?` placeholders as psycopg's `%s` (the store's SQL has no literal `?` or `%`)."""
    return sql.replace("%", "%%").replace("?", "%s")


class PostgresBackend(Backend):
    dialect = "postgres"
    _names = itertools.count()

    def __init__(self, dsn: str, *, connect_timeout: int = 10) -> None:
        self.location = redact(dsn)
        try:
            self.conn = psycopg.connect(dsn, autocommit=True, connect_timeout=connect_timeout)
        except psycopg.Error as exc:
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreError(f"cannot connect to the store {self.location}: {reason}") from exc
        self._in_transaction = False

    def _fail(self, exc: psycopg.Error) -> StoreError:
        return StoreError(f"{self.location}: {str(exc).strip()}")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        try:
            with self.conn.cursor() as cur:
                cur.execute(_pg(sql), list(params))
                return cur.fetchall() if cur.description else []
        except psycopg.Error as exc:
            raise self._fail(exc) from exc

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        try:
            with self.conn.cursor() as cur:
                cur.executemany(_pg(sql), [list(r) for r in rows])
        except psycopg.Error as exc:
            raise self._fail(exc) from exc

    def execute_script(self, sql: str) -> None:
        try:
            with self.conn.cursor() as cur:
                cur.execute(sql.encode("utf-8"))  # no parameters: several statements are allowed
        except psycopg.Error as exc:
            raise self._fail(exc) from exc

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._in_transaction:
            yield
            return
        self._in_transaction = True
        try:
            with self.conn.transaction():
                yield
        except psycopg.Error as exc:
            raise self._fail(exc) from exc
        finally:
            self._in_transaction = False

    def lock_for_write(self) -> None:
        self.execute("SELECT pg_advisory_xact_lock(?)", [WRITE_LOCK_KEY])

    def stream(self, sql: str, params: Sequence[Any] = (), batch_size: int = 10_000) -> Iterator[list[Row]]:
        # A named (server-side) cursor: the server keeps the result, we fetch a batch at a time.
        name = f"sitrep_stream_{next(self._names)}"
        try:
            with self.conn.transaction(), self.conn.cursor(name=name) as cur:
                cur.itersize = batch_size
                cur.execute(_pg(sql), list(params))
                while True:
                    rows = cur.fetchmany(batch_size)
                    if not rows:
                        break
                    yield rows
        except psycopg.Error as exc:
            raise self._fail(exc) from exc

    def column_names(self, sql: str, params: Sequence[Any] = ()) -> list[str]:
        try:
            with self.conn.cursor() as cur:
                cur.execute(_pg(f"SELECT * FROM ({sql}) AS q LIMIT 0"), list(params))
                return [d.name for d in cur.description or ()]
        except psycopg.Error as exc:
            raise self._fail(exc) from exc

    def close(self) -> None:
        self.conn.close()
