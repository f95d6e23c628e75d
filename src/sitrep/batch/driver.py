"""The Dask driver: partitions out to the workers, a finished Parquet file back per partition.

    plan (here) --> partitions not yet finished --> Dask workers, each with one Extractor
        (loaded once, by a worker plugin) --> OUT/events/<key>.parquet + OUT/manifest/<key>.json

The client plans, submits at most `IN_FLIGHT_PER_THREAD` partitions per worker
thread at a time (so a plan of 100,000 partitions costs the scheduler no memory),
shows progress, and sums up. Workers read their partition themselves and write
their own results: no article text and no event passes through the client, and a
worker's finished partition is recorded even if the client dies. On a multi-machine
cluster the inputs and OUT must therefore be on a filesystem every worker sees at the
same path.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import socket
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import dask
from distributed import WorkerPlugin

from sitrep import __version__
from sitrep.batch.partitions import DEFAULT_PARTITION_SIZE, Partition, plan
from sitrep.batch.readers import read_partition
from sitrep.batch.results import Output
from sitrep.errors import SitrepError
from sitrep.parallel import extract_isolated
from sitrep.records import Article, InputProblem
from sitrep.settings import Settings
from sitrep.store.core import IngestReport, Store, open_store

PROGRESS_TOPIC = "sitrep-batch-progress"
# Partitions submitted per worker thread ahead of the one it is working on: enough that
# a worker never waits for the client, few enough that the scheduler's queue stays small.
IN_FLIGHT_PER_THREAD = 2
# Dask's own sampling profiler, off on the local cluster's workers (see ExtractorPlugin.setup).
PROFILE_OFF = {"distributed.worker.profile.enabled": False}
# Dask's nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536, so that glibc hands freed
# memory back to the OS at once; with spaCy's many short-lived arrays that is a system call
# storm: +3.2 s of system time on 300 articles (~14%, docs/benchmarks.md). Our workers' memory
# is flat, so the local cluster's workers start without it.
NO_MALLOC_TRIM = "MALLOC_TRIM_THRESHOLD_"


def _worker_config() -> dict[str, Any]:
    environ = dict(dask.config.get("distributed.nanny.pre-spawn-environ", default={}) or {})
    environ.pop(NO_MALLOC_TRIM, None)
    return {**PROFILE_OFF, "distributed.nanny.pre-spawn-environ": environ}
# Seconds to wait for the scheduler of a --cluster tcp://... address.
CONNECT_TIMEOUT = 30

log = logging.getLogger(__name__)


@dataclass(slots=True)
class BatchReport:
    """What a batch run planned, ran, skipped and wrote."""

    partitions: int = 0  # in the plan
    done_before: int = 0  # finished by an earlier run, skipped now
    ran: int = 0  # finished by this run
    failed: list[tuple[str, str]] = field(default_factory=list)  # (partition label, reason)
    articles: int = 0  # articles read, over every finished partition
    events: int = 0
    problems: list[InputProblem] = field(default_factory=list)  # skipped inputs, with reasons
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (input, warning): read, but noticed
    articles_now: int = 0  # articles extracted by this run
    seconds: float = 0.0  # wall time of this run's extraction (workers ready to last result)
    startup_seconds: float = 0.0  # cluster start and model load
    store: str | None = None  # with --store: where the events went
    stored: IngestReport | None = None  # with --store: what storing this run's partitions did

    @property
    def rate(self) -> float:
        return self.articles_now / self.seconds if self.seconds else 0.0


# ---- the worker side -------------------------------------------------------------------------


class ExtractorPlugin(WorkerPlugin):
    """A Dask worker plugin that loads the Extractor once, when the worker starts."""

    name = "sitrep-extractor"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def setup(self, worker: Any) -> None:
        from sitrep.api import get_extractor

        get_extractor(self.settings)
        # Dask samples the stack of the running task every 10 ms for its dashboard's profile
        # page; on our CPU-bound tasks that costs ~15% of a worker (docs/benchmarks.md). A
        # local cluster starts with it off (PROFILE_OFF); on a worker of an existing cluster
        # the task sampler is stopped here (set the same option on the workers to stop the rest).
        for name in ("profile", "profile-cycle"):
            callback = getattr(worker, "periodic_callbacks", {}).get(name)
            if callback is not None:
                callback.stop()


def run_partition(part: Partition, out: str, settings: Settings, published: dt.date | None = None) -> dict[str, Any]:
    """Extract one partition and write its Parquet file and manifest entry; return the entry.

    Runs on a Dask worker (or anywhere: without a worker it just reports no progress).
    """
    from sitrep.api import get_extractor

    extractor = get_extractor(settings)  # loaded by the plugin; cached per process
    writer = Output(Path(out)).writer(part.key)
    started = time.perf_counter()
    articles = events = handled = 0
    problems: list[InputProblem] = []
    warnings: list[dict[str, str]] = []
    chunk: list[Article] = []

    def flush() -> None:
        nonlocal articles, events, handled
        for article, result in zip(chunk, extract_isolated(extractor, chunk), strict=True):
            handled += 1
            if isinstance(result, InputProblem):
                problems.append(result)
                continue
            articles += 1
            warnings.extend({"source": article.source_name, "warning": w} for w in article.warnings)
            for event in result:
                writer.add(event, article.source_name)
                events += 1
        chunk.clear()
        _report_progress(part.key, handled)

    try:
        for item in read_partition(part, settings, published):
            if isinstance(item, InputProblem):
                problems.append(item)
                handled += 1
                continue
            chunk.append(item)
            if len(chunk) >= settings.batch_size:
                flush()
        flush()
        entry = {
            "key": part.key,
            "partition": part.to_dict(),
            "label": part.label,
            "articles": articles,
            "events": events,
            "problems": [{"source": p.source_name, "reason": p.reason} for p in problems],
            "warnings": warnings,
            "seconds": round(time.perf_counter() - started, 3),
            "host": socket.gethostname(),
            "pid": os.getpid(),
            "finished": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "sitrep_version": __version__,
        }
        writer.commit(entry)
    except BaseException:
        writer.abort()
        raise
    return entry


def _report_progress(key: str, handled: int) -> None:
    try:
        from distributed import get_worker

        worker = get_worker()
    except ValueError:  # not on a Dask worker (a direct call, a test)
        return
    worker.log_event(PROGRESS_TOPIC, {"key": key, "handled": handled})


# ---- the client side -------------------------------------------------------------------------


def run_batch(
    inputs: list[str], out: Path, settings: Settings, *, cluster: str = "local", workers: int = 2,
    partition_size: int = DEFAULT_PARTITION_SIZE, published: dt.date | None = None,
    progress: bool | None = None, log_line: Callable[[str], None] | None = None, store: str | None = None,
) -> BatchReport:
    """Plan `inputs`, extract every partition not finished yet on a Dask cluster, and sum up.

    `cluster` is "local" (a `LocalCluster` of `workers` processes, one thread each) or
    the address of a running scheduler ("tcp://HOST:8786"). `progress`: show a progress
    bar (None: only on a terminal). `store`: also put every finished partition into this
    event store (a DuckDB path or a postgresql:// DSN; "" for the default store).
    """
    say = log_line or (lambda _line: None)
    report = BatchReport()
    parts, plan_problems = plan(inputs, partition_size)
    output = Output(out)
    output.create()
    output.clean_temporaries()
    todo = [p for p in parts if not output.is_done(p.key)]
    report.partitions, report.done_before = len(parts), len(parts) - len(todo)
    say(f"{len(parts)} partitions planned ({report.done_before} already finished), "
        f"~{sum(p.estimate for p in todo):,} articles to do")
    with contextlib.ExitStack() as stack:
        keep: Callable[[list[Partition]], None] | None = None
        if store is not None:  # opened (and migrated) first: a store that cannot be reached stops the run at once
            db = stack.enter_context(open_store(store or None, settings))
            stored = report.stored = IngestReport()
            report.store = db.location
            say(f"storing events into {db.location}")

            def keep(finished: list[Partition]) -> None:
                _store_finished(db, output, finished, settings, published, stored)

        if todo:
            _run(todo, output, settings, cluster, workers, published, progress, report, say, keep)
        if keep is not None:  # partitions finished before, or half-stored by a kill
            keep(parts)
    # sum up over every finished partition of the plan, this run's and earlier runs'
    problems = list(plan_problems)
    for p in parts:
        if output.is_done(p.key):
            entry = output.entry(p.key)
            report.articles += entry["articles"]
            report.events += entry["events"]
            problems.extend(InputProblem(x["source"], x["reason"]) for x in entry["problems"])
            report.warnings.extend((x["source"], x["warning"]) for x in entry.get("warnings", ()))
    report.problems = problems
    output.write_problems(problems)
    return report


def _store_finished(db: Store, output: Output, parts: list[Partition], settings: Settings,
                    published: dt.date | None, stored: IngestReport) -> None:
    from sitrep.batch.storing import store_id, store_partition

    name = store_id(db)
    for part in parts:
        if output.is_done(part.key) and not output.is_stored(part.key, name):
            store_partition(db, output, part, settings, published, stored)


def _run(todo: list[Partition], output: Output, settings: Settings, cluster: str, workers: int,
         published: dt.date | None, progress: bool | None, report: BatchReport, say: Callable[[str], None],
         keep: Callable[[list[Partition]], None] | None = None) -> None:
    """Extract `todo` on the cluster; `keep`, when given, stores each partition as it finishes."""
    from distributed import as_completed
    from tqdm import tqdm

    started = time.perf_counter()
    with _client(cluster, workers, settings) as client:
        _load_workers(client, settings)
        threads = sum(client.nthreads().values()) or 1
        report.startup_seconds = time.perf_counter() - started
        say(f"{len(client.nthreads())} workers ready ({threads} threads) in {report.startup_seconds:.1f} s")
        bar = tqdm(total=sum(p.estimate for p in todo), unit=" articles", unit_scale=False, dynamic_ncols=True,
                   disable=(not progress) if progress is not None else None, smoothing=0.1)
        seen: dict[str, int] = {}

        def on_progress(event: tuple[float, dict[str, Any]]) -> None:
            msg = event[1]
            before = seen.get(msg["key"], 0)
            if msg["handled"] > before:
                seen[msg["key"]] = msg["handled"]
                bar.update(msg["handled"] - before)

        client.subscribe_topic(PROGRESS_TOPIC, on_progress)
        t0 = time.perf_counter()
        pending = iter(todo)
        running: dict[Any, Partition] = {}
        done = as_completed()
        out = str(output.root.resolve())

        def submit_next() -> None:
            part = next(pending, None)
            if part is not None:
                future = client.submit(run_partition, part, out, settings, published, key=f"sitrep-{part.key}",
                                       pure=False, retries=0)
                running[future] = part
                done.add(future)

        try:
            for _ in range(threads * IN_FLIGHT_PER_THREAD):
                submit_next()
            for future in done:
                part = running.pop(future)
                try:
                    entry = future.result()
                except Exception as exc:  # a partition that failed is reported; the others go on
                    report.failed.append((part.label, f"{type(exc).__name__}: {exc}"))
                    bar.update(max(0, part.estimate - seen.pop(part.key, 0)))
                else:
                    report.ran += 1
                    report.articles_now += entry["articles"]
                    handled = entry["articles"] + len(entry["problems"])
                    bar.update(max(0, handled - seen.pop(part.key, 0)))
                submit_next()  # the workers go on while this process stores the partition
                if keep is not None:  # (a failed partition is not finished: nothing to store)
                    keep([part])
        finally:
            report.seconds = time.perf_counter() - t0
            client.unsubscribe_topic(PROGRESS_TOPIC)
            bar.close()
            for future in running:
                future.cancel()


@contextlib.contextmanager
def _client(cluster: str, workers: int, settings: Settings) -> Iterator[Any]:
    from distributed import Client, LocalCluster

    if cluster == "local":
        from sitrep.parallel import prepare_shared_files

        prepare_shared_files(settings)  # the gazetteer, built once here rather than by each worker
        with dask.config.set(_worker_config()), LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                silence_logs=logging.ERROR) as local, Client(local) as client:
            yield client
        return
    if not cluster.startswith(("tcp://", "tls://")):
        raise SitrepError(f"--cluster is 'local' or a scheduler address such as tcp://HOST:8786, not {cluster!r}")
    try:
        client = Client(cluster, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as exc:
        raise SitrepError(f"could not reach the Dask scheduler at {cluster}: {exc}") from exc
    with client:
        yield client


def _load_workers(client: Any, settings: Settings) -> None:
    """Register the plugin that loads the Extractor once on every worker (and on any that joins later)."""
    client.wait_for_workers(1)
    try:
        client.register_plugin(ExtractorPlugin(settings))
    except SitrepError:
        raise
    except Exception as exc:  # the worker's own error, e.g. a missing spaCy model
        raise SitrepError(f"the workers could not load the extractor: {type(exc).__name__}: {exc}") from exc
