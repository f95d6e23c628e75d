"""Versioned schema migrations of the event store.

Version N is the file `NNNN_name.sql` (SQL both backends run), followed by
`NNNN_name.duckdb.sql` or `NNNN_name.postgres.sql` when that backend needs more.
`migrate` applies the versions a store lacks, each in its own transaction, and
records them in `schema_migrations`; it refuses a store made by a newer sitrep.
A released migration is never edited: a change to the schema is a new version.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from importlib import resources

from sitrep.store.base import Backend, StoreError

_NAME = re.compile(r"^(\d{4})_(\w+)\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    common: str
    by_dialect: dict[str, str]

    def sql(self, dialect: str) -> str:
        return self.common + "\n" + self.by_dialect.get(dialect, "")


def migrations() -> list[Migration]:
    """Every migration shipped with this sitrep, oldest first."""
    folder = resources.files(__name__)
    found: list[Migration] = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if not match:
            continue
        stem = entry.name.removesuffix(".sql")
        extra = {}
        for dialect in ("duckdb", "postgres"):
            extension = folder.joinpath(f"{stem}.{dialect}.sql")
            if extension.is_file():
                extra[dialect] = extension.read_text(encoding="utf-8")
        found.append(Migration(int(match.group(1)), match.group(2), entry.read_text(encoding="utf-8"), extra))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise StoreError(f"store migrations are not numbered 1..n without gaps: {versions}")
    return found


LATEST = len(migrations())


def schema_version(backend: Backend) -> int:
    """The newest migration applied to this store (0 for an empty database)."""
    rows = backend.execute(
        "SELECT count(*) FROM information_schema.tables"
        " WHERE table_name = 'schema_migrations' AND table_schema = current_schema()"
    )
    if not rows or not rows[0][0]:
        return 0
    (row,) = backend.execute("SELECT max(version) FROM schema_migrations")
    return int(row[0] or 0)


def migrate(backend: Backend) -> list[int]:
    """Bring the store to the latest schema; return the versions applied now."""
    applied_now: list[int] = []
    with backend.transaction():
        backend.lock_for_write()
        backend.execute_script(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMP NOT NULL)"
        )
    current = schema_version(backend)
    if current > LATEST:
        raise StoreError(f"the store {backend.location} has schema version {current}, newer than this sitrep "
                         f"knows ({LATEST}): upgrade sitrep to use it")
    for migration in migrations():
        if migration.version <= current:
            continue
        with backend.transaction():
            backend.lock_for_write()
            if schema_version(backend) >= migration.version:  # another process got there first
                continue
            try:
                backend.execute_script(migration.sql(backend.dialect))
            except StoreError as exc:
                raise StoreError(f"migration {migration.version} ({migration.name}) failed: {exc}") from exc
            backend.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                [migration.version, migration.name, dt.datetime.now(dt.UTC).replace(tzinfo=None)],
            )
        applied_now.append(migration.version)
    return applied_now
