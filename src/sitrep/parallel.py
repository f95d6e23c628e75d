"""Local worker processes for `sitrep extract --workers N`, with output in input order.

    articles --chunks of CHUNK_ARTICLES--> pool of N processes (each loads the Extractor once)
             --results, in the order the chunks were cut--> (Article, [Event]) | InputProblem

The parent reads the inputs (ingest) and writes the output; the workers parse and
extract. Articles go to the workers, only their events come back. At most
`WINDOW_PER_WORKER` chunks per worker are in flight, so memory stays flat however
long the input stream is. An `InputProblem` never leaves the parent: it is held in
its place between the articles around it and released in order.

`extract_isolated` is shared with `sitrep.batch`: it runs the extractor over a chunk
and, when the chunk fails, finds the article that broke it and reports that one
article as an `InputProblem` ("extraction failed: ..."), so one bad article never
stops a batch.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from sitrep.errors import SitrepError
from sitrep.extract.pipeline import Extractor, get_extractor
from sitrep.records import Article, Event, InputProblem
from sitrep.settings import Settings

Result = tuple[Article, list[Event]] | InputProblem

# Articles per task. Large enough that pickling and queueing cost little next to the
# parse (a 600-word article takes ~0.1 s), small enough that two workers stay busy
# on short inputs and that a failing chunk is cheap to redo article by article.
CHUNK_ARTICLES = 16
# Chunks in flight per worker: one being worked on, one queued behind it.
WINDOW_PER_WORKER = 2

_WORKER_EXTRACTOR: Extractor | None = None
_WORKER_ERROR: str | None = None


def extract(
    items: Iterable[Article | InputProblem], settings: Settings, workers: int, *,
    chunk_articles: int = CHUNK_ARTICLES,
) -> Iterator[Result]:
    """Events for each article, computed by `workers` processes, yielded in input order."""
    if workers < 1:
        raise SitrepError(f"workers must be at least 1, got {workers}")
    prepare_shared_files(settings)
    # spawn, not fork: a forked child inherits the parent's threads' locks (httpx, spaCy's
    # thread pools) in whatever state they were; a fresh interpreter is safe on every platform.
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_init_worker, initargs=(settings,))
    window: deque[tuple[list[Article | InputProblem], Future[list[list[Event] | InputProblem]]]] = deque()
    try:
        chunk: list[Article | InputProblem] = []
        n_articles = 0
        for item in items:
            chunk.append(item)
            if isinstance(item, Article):
                n_articles += 1
            if n_articles >= chunk_articles:
                window.append((chunk, _submit(pool, chunk)))
                chunk, n_articles = [], 0
                while len(window) >= workers * WINDOW_PER_WORKER:
                    yield from _release(*window.popleft())
        if chunk:
            window.append((chunk, _submit(pool, chunk)))
        while window:
            yield from _release(*window.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def extract_isolated(extractor: Extractor, articles: list[Article]) -> list[list[Event] | InputProblem]:
    """Events per article of a chunk; an article whose extraction raises becomes an `InputProblem`."""
    try:
        out: list[list[Event] | InputProblem] = []
        for item in extractor.extract(articles):
            assert not isinstance(item, InputProblem)  # only articles went in
            out.append(item[1])
        return out
    except Exception:  # a bug met on one article: redo the chunk one by one to name it
        results: list[list[Event] | InputProblem] = []
        for article in articles:
            try:
                (item,) = list(extractor.extract([article]))
                assert not isinstance(item, InputProblem)
                results.append(item[1])
            except Exception as exc:  # reported with its type and message, never silent
                results.append(InputProblem(article.source_name or article.id,
                                            f"extraction failed: {type(exc).__name__}: {exc}"))
        return results


def prepare_shared_files(settings: Settings) -> None:
    """Build the gazetteer index once, here, before N workers would race to build it."""
    from sitrep.places.gazetteer import Gazetteer

    Gazetteer.open(settings.gazetteer_path)


def _submit(pool: ProcessPoolExecutor, chunk: list[Article | InputProblem]
            ) -> Future[list[list[Event] | InputProblem]]:
    return pool.submit(_work, [a for a in chunk if isinstance(a, Article)])


def _release(chunk: list[Article | InputProblem], future: Future[list[list[Event] | InputProblem]]
             ) -> Iterator[Result]:
    try:
        results = iter(future.result())
    except BrokenProcessPool as exc:
        raise SitrepError(f"a worker process died (out of memory, or killed): {exc}") from exc
    for item in chunk:
        if isinstance(item, InputProblem):
            yield item
            continue
        got = next(results)
        yield got if isinstance(got, InputProblem) else (item, got)


def _init_worker(settings: Settings) -> None:
    """Load the extractor once per worker process."""
    global _WORKER_EXTRACTOR, _WORKER_ERROR
    try:
        _WORKER_EXTRACTOR = get_extractor(settings)
    except SitrepError as exc:  # e.g. the spaCy model is not installed: said by the first task
        _WORKER_ERROR = str(exc)


def _work(articles: list[Article]) -> list[list[Event] | InputProblem]:
    if _WORKER_EXTRACTOR is None:
        raise SitrepError(_WORKER_ERROR or "worker has no extractor")
    return extract_isolated(_WORKER_EXTRACTOR, articles)
