"""Crash safety: `sitrep ingest` killed with SIGKILL half-way loses nothing it reported as stored,
and running the same ingest again completes it with no duplicate (on both backends)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sitrep.settings import Settings
from sitrep.store import open_store
from test_store_helpers import BACKENDS, store_location

TOWNS = ("Kisumu", "Nakuru", "Eldoret", "Mombasa", "Nyeri", "Machakos", "Kitui", "Garissa", "Thika", "Kakamega")
OUTLETS = ("Lakeside Post", "Rift Valley Tribune", "Coastal Herald", "Highland Courier", "Savannah Wire",
           "Kenya Morning Star", "Eastern Echo", "Capital Bulletin", "Western Ledger", "Northern Dispatch",
           "Daily Lantern", "Valley Voice")
KILL_AFTER = 12  # stored lines seen before the SIGKILL; the run has 120 articles in all
SRC = Path(__file__).resolve().parents[1] / "src"


def _write_articles(folder: Path) -> int:
    n = 0
    for t, town in enumerate(TOWNS):
        for o, outlet in enumerate(OUTLETS):
            day = 3 + t
            text = (f"Protest in {town}\nPublished: 2024-06-{day + 1:02d}\nOutlet: {outlet}\n\n"
                    f"Police fired tear gas to disperse hundreds of traders who marched in {town} on "
                    f"{'Monday' if o % 2 else 'Monday morning'} against new market fees, {outlet} reports. "
                    f"Witness number {o + 1} said the crowd of {50 + 10 * o} people was peaceful.\n")
            (folder / f"{town.lower()}_{o:02d}.txt").write_text(text, encoding="utf-8")
            n += 1
    return n


def _ingest(folder: Path, db: str, data_dir: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
           "SITREP_DATA_DIR": str(Settings.load().data_dir)}
    # --batch-size 2: articles are parsed two at a time, so commits come steadily, not in bursts of 32
    return subprocess.Popen([sys.executable, "-m", "sitrep.cli", "ingest", str(folder), "--db", db,
                             "--batch-size", "2"], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
                            env=env, cwd=data_dir)


def _stored_sources(db: str) -> list[str]:
    with open_store(db, Settings.load()) as store:
        return [r[0] for r in store.backend.execute("SELECT source_name FROM articles")]


def _shape(db: str) -> tuple[dict[str, int], list[tuple[object, ...]]]:
    with open_store(db, Settings.load()) as store:
        events = store.backend.execute(
            "SELECT location, event_date, sub_event_type, n_reports FROM events ORDER BY location, event_date")
        return store.counts(), events


@pytest.mark.slow
@pytest.mark.parametrize("backend", BACKENDS)
def test_store_sigkill_mid_ingest_loses_nothing_reported_and_rerun_completes(backend: str, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    total = _write_articles(folder)
    with store_location(backend, tmp_path) as db, store_location(backend, tmp_path / "clean") as clean_db:
        proc = _ingest(folder, db, tmp_path)
        assert proc.stderr is not None
        reported: list[str] = []
        deadline = time.monotonic() + 300
        for line in proc.stderr:
            if line.startswith("sitrep: stored "):
                reported.append(line.removeprefix("sitrep: stored ").split(": ")[0])
            if len(reported) >= KILL_AFTER or time.monotonic() > deadline:
                break
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        assert proc.returncode == -signal.SIGKILL
        assert len(reported) >= KILL_AFTER, "the ingest never reported enough stored articles to kill it mid-way"

        stored = _stored_sources(db)
        assert set(reported) <= set(stored), "an article reported as stored was lost"
        assert len(stored) < total, "the ingest finished before it was killed: nothing was tested"

        rerun = _ingest(folder, db, tmp_path)
        _, err = rerun.communicate(timeout=600)
        assert rerun.returncode == 0, err
        assert err.count("sitrep: already stored ") == len(stored)

        after = _stored_sources(db)
        assert len(after) == len(set(after)) == total  # each article exactly once

        # and the store is the one an uninterrupted run makes: same events, same reports per event
        clean = _ingest(folder, clean_db, tmp_path)
        _, err = clean.communicate(timeout=600)
        assert clean.returncode == 0, err
        assert _shape(db) == _shape(clean_db)


def _batch(corpus: Path, out: Path, db: str, data_dir: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
           "SITREP_DATA_DIR": str(Settings.load().data_dir)}
    # its own session, so that we can tell when every process of the job (the Dask workers too) is gone
    return subprocess.Popen([sys.executable, "-m", "sitrep.cli", "batch", str(corpus), "--out", str(out),
                             "--workers", "1", "--partition-size", "4", "--no-progress", "--store", db],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env, cwd=data_dir,
                            start_new_session=True)


@pytest.mark.slow
@pytest.mark.parametrize("backend", BACKENDS)
def test_batch_store_sigkill_mid_run_loses_nothing_and_rerun_stores_each_article_once(backend: str,
                                                                                      tmp_path: Path) -> None:
    """`sitrep batch --store` killed with SIGKILL after some partitions were stored: the rerun finishes the
    rest, and the store equals the one `sitrep ingest` of the same inputs makes (issue 16, both backends)."""
    folder = tmp_path / "articles"
    folder.mkdir()
    _write_articles(folder)
    corpus = tmp_path / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as fh:
        for i, path in enumerate(sorted(folder.glob("*.txt"))[:40]):
            fh.write(json.dumps({"id": f"a{i:03d}", "text": path.read_text(encoding="utf-8"),
                                 "published": "2024-06-10"}) + "\n")
    total = 40
    out = tmp_path / "out"
    with store_location(backend, tmp_path) as db, store_location(backend, tmp_path / "clean") as clean_db:
        proc = _batch(corpus, out, db, tmp_path)
        deadline = time.monotonic() + 300
        while not list((out / "stored").glob("*/*")) if (out / "stored").is_dir() else True:
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            assert time.monotonic() < deadline, "no partition was stored in time"
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)  # the client, which is the store's one writer
        proc.wait(timeout=60)
        deadline = time.monotonic() + 60
        while True:  # the Dask workers follow their dead parent
            try:
                os.killpg(proc.pid, 0)
            except ProcessLookupError:
                break
            assert time.monotonic() < deadline, "worker processes outlived the killed client"
            time.sleep(0.1)
        stored = _stored_sources(db)
        assert 1 <= len(stored) < total, "the kill should land mid-run"

        rerun = _batch(corpus, out, db, tmp_path)
        _, err = rerun.communicate(timeout=600)
        assert rerun.returncode == 0, err
        after = _stored_sources(db)
        assert len(after) == len(set(after)) == total  # each article exactly once

        clean = _ingest(corpus, clean_db, tmp_path)
        _, err = clean.communicate(timeout=600)
        assert clean.returncode == 0, err
        assert _shape(db) == _shape(clean_db)
