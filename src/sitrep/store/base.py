"""The backend interface: what the store needs from a database, and nothing more.

The store's SQL is written once, with `?` placeholders and types both databases
accept (TEXT, INTEGER, BIGINT, FLOAT8, DATE, TIMESTAMP). A backend runs it:
it opens the connection, holds transactions, streams results in batches, and
translates the few things that differ (placeholders, write locks, bulk loads).
"""

from __future__ import annotations

import abc
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any

from sitrep.errors import SitrepError

Row = tuple[Any, ...]


class StoreError(SitrepError):
    """The event store could not be opened, migrated, read or written."""


class Backend(abc.ABC):
    """One open connection to a store database."""

    #: "duckdb" or "postgres": picks dialect-specific migration files.
    dialect: str
    #: Where the store is, for messages (a path, or a DSN without its password).
    location: str

    @abc.abstractmethod
    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """Run one statement and return all its rows (empty for statements without rows)."""

    @abc.abstractmethod
    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Run one statement once per parameter row."""

    @abc.abstractmethod
    def execute_script(self, sql: str) -> None:
        """Run several `;`-separated statements (a migration file)."""

    @abc.abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """A transaction: committed when the block ends, rolled back if it raises."""

    @abc.abstractmethod
    def lock_for_write(self) -> None:
        """Inside a transaction: wait until no other writer is merging (a no-op for one-writer DuckDB)."""

    @abc.abstractmethod
    def stream(self, sql: str, params: Sequence[Any] = (), batch_size: int = 10_000) -> Iterator[list[Row]]:
        """Rows of a query in batches, without holding the whole result in memory."""

    def stream_columns(self, sql: str, params: Sequence[Any] = (),
                       batch_size: int = 10_000) -> Iterator[dict[str, list[Any]]]:
        """Like `stream`, but each batch as column name -> values (what columnar writers want)."""
        names = self.column_names(sql, params)
        for rows in self.stream(sql, params, batch_size):
            yield {name: list(values) for name, values in zip(names, zip(*rows, strict=True), strict=True)}

    @abc.abstractmethod
    def column_names(self, sql: str, params: Sequence[Any] = ()) -> list[str]:
        """The column names a query returns."""

    @abc.abstractmethod
    def close(self) -> None:
        """Close the connection (committed work is already durable)."""
