"""`sitrep batch` on a real Dask LocalCluster: bad inputs named, results complete, resume after a kill."""

from __future__ import annotations

import gzip
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from sitrep.batch.results import EVENT_SCHEMA, event_row
from sitrep.cli import main
from sitrep.records import Event
from test_batch_partitions import TEXT, write_warc

from conftest import ROOT, SAMPLES


def events_of(out: Path) -> list[dict]:  # type: ignore[type-arg]
    files = sorted((out / "events").glob("*.parquet"))
    return [row for f in files for row in pq.read_table(f).to_pylist()]


def manifests(out: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in (out / "manifest").glob("*.json")}


def test_batch_bad_inputs_reported_and_the_rest_processed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    lines = [json.dumps({"id": f"j{i}", "text": f"{TEXT} ({i})", "published": "2024-03-14"}) for i in range(3)]
    lines.insert(1, '{"id": "j-broken", "text": "Gunmen')  # a line cut short
    (corpus / "feed.jsonl.gz").write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))
    (corpus / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))  # a binary file
    (corpus / "kenya_clash.txt").write_bytes((SAMPLES / "kenya_clash.txt").read_bytes())
    pages = [(f"https://news.example/{name}", (SAMPLES / f"{name}.html").read_bytes())
             for name in ("kenya_protest_dispersed", "sudan_ceasefire", "burkina_attack_civilians")]
    offsets = write_warc(corpus / "crawl.warc.gz", pages, extra=False)
    data = bytearray((corpus / "crawl.warc.gz").read_bytes())
    data[offsets[1] + 40 : offsets[1] + 70] = b"\x00" * 30  # an unreadable WARC record
    (corpus / "crawl.warc.gz").write_bytes(bytes(data))
    pq.write_table(pa.table({"id": ["p1", "p2"], "text": [TEXT, "  "]}), corpus / "table.parquet")
    out = tmp_path / "out"

    code = main(["batch", str(corpus), "--out", str(out), "--workers", "1", "--partition-size", "2"])
    err = capsys.readouterr().err

    assert code == 1
    problems = [json.loads(line) for line in (out / "problems.jsonl").read_text(encoding="utf-8").splitlines()]
    by_source = {Path(p["source"]).name: p["reason"] for p in problems}
    assert "invalid JSON" in by_source["feed.jsonl.gz:2"]
    assert "binary file" in by_source["photo.txt"]
    assert "unreadable WARC record" in by_source[f"crawl.warc.gz@{offsets[1]}"]
    assert "'text' is empty" in by_source["table.parquet:row 2"]
    for name in ("feed.jsonl.gz:2", "photo.txt", "table.parquet:row 2"):
        assert name in err  # the summary on standard error names each one
    events = events_of(out)
    got = {e["article_id"] for e in events}
    assert {"j0", "j1", "j2", "p1"} <= got  # the good lines and rows around the bad ones
    assert {e["url"] for e in events} >= {pages[0][0], pages[2][0]}  # the WARC records around the damaged one
    assert any(e["source"].endswith("kenya_clash.txt") for e in events)
    assert len({e["event_id"] for e in events}) == len(events)
    entries = manifests(out)
    assert len(entries) == len(list((out / "events").glob("*.parquet")))
    assert sum(e["articles"] for e in entries.values()) == 7  # 3 lines, 1 txt, 2 WARC records, 1 row


def test_batch_event_rows_keep_every_field() -> None:
    event = Event(event_id="e", article_id="a", event_date="2024-03-11", time_precision=1,
                  disorder_type="Demonstrations", event_type="Protests", sub_event_type="Peaceful protest",
                  actor1="Protesters (Kenya)", actor2=None, assoc_actor_1=[], assoc_actor_2=[], inter1=6, inter2=None,
                  country="Kenya", iso3="KEN", admin1="Kisumu", admin2=None, location="Kisumu", latitude=-0.1,
                  longitude=34.7, geonameid=191245, geo_precision=1, fatalities=0,
                  fatality_claims=[{"count": 1, "low": 1, "high": 1, "source": None, "quote": "q"}], sources=["x"],
                  notes="n", confidence=0.5, evidence={"event": (1, 2), "actor2": None}, extra={"k": 1})
    table = pa.Table.from_pylist([event_row(event, "f.jsonl:1")], schema=EVENT_SCHEMA)
    row = table.to_pylist()[0]
    assert row["evidence"] == [("event", [1, 2]), ("actor2", None)] and row["source"] == "f.jsonl:1"
    # every field of the record is a column, or (a field added since the schema was written) kept in `extra`
    extra = json.loads(row["extra"])
    assert extra["k"] == 1
    for name, value in event.to_dict().items():
        if name not in ("extra", "evidence"):
            assert (row[name] if name in EVENT_SCHEMA.names else extra[name]) == value, name


@pytest.mark.slow
def test_batch_two_workers_give_the_events_of_extract(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(SAMPLES), "-o", str(tmp_path / "e.jsonl")]) == 0
    expected = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()]
    assert main(["batch", str(SAMPLES), "--out", str(tmp_path / "out"), "--workers", "2",
                 "--partition-size", "3"]) == 0
    got = events_of(tmp_path / "out")
    assert sorted(e["event_id"] for e in got) == sorted(e["event_id"] for e in expected)
    by_id = {e["event_id"]: e for e in got}
    for e in expected:
        assert by_id[e["event_id"]]["notes"] == e["notes"] and by_id[e["event_id"]]["fatalities"] == e["fatalities"]


def _corpus_for_resume(path: Path, n: int) -> None:
    texts = [(SAMPLES / f"{name}.txt").read_text(encoding="utf-8") for name in
              ("kenya_clash", "nigeria_abduction", "somalia_ied", "kenya_protest_peaceful")]
    # each sample on its own publication day: an event dated months before the day given is background
    days = [re.search(r"^Published: (\S+)$", t, re.M).group(1) for t in texts]  # type: ignore[union-attr]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"r{i:03d}", "text": texts[i % len(texts)], "published": days[i % len(texts)]})
                     + "\n")


@pytest.mark.slow
def test_batch_resume_after_kill_redoes_no_finished_partition(tmp_path: Path) -> None:
    corpus, out = tmp_path / "corpus.jsonl", tmp_path / "out"
    _corpus_for_resume(corpus, 60)
    cmd = [sys.executable, "-m", "sitrep.cli", "batch", str(corpus), "--out", str(out), "--workers", "1",
           "--partition-size", "5", "--no-progress"]
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    # its own session, so that we can tell when every process of the job is gone
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 120
    while not list((out / "manifest").glob("*.json")) if (out / "manifest").is_dir() else True:
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
        assert time.monotonic() < deadline, "no partition finished in time"
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)  # the client only, as `kill -9 PID` would
    proc.wait()
    deadline = time.monotonic() + 60
    while True:  # the Dask worker processes follow their dead parent
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            break
        assert time.monotonic() < deadline, "worker processes outlived the killed client"
        time.sleep(0.1)
    before = {p.name: (p.stat().st_mtime_ns, p.stat().st_ino) for d in ("manifest", "events")
              for p in (out / d).glob("*") if TMP_MARK not in p.name}
    finished = {p.stem for p in (out / "manifest").glob("*.json")}
    assert 1 <= len(finished) < 12, "the kill should land mid-run"

    rerun = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)

    assert rerun.returncode == 0, rerun.stderr
    assert f"12 partitions planned ({len(finished)} already finished)" in rerun.stderr
    assert f"{12 - len(finished)} partitions done now" in rerun.stderr
    after = {p.name: (p.stat().st_mtime_ns, p.stat().st_ino) for d in ("manifest", "events")
             for p in (out / d).glob("*")}
    for name, stamp in before.items():
        assert after[name] == stamp, f"{name} was redone"
    assert not [n for n in after if TMP_MARK in n]  # a killed run's half-written files are cleaned up
    entries = manifests(out)
    assert len(entries) == 12 and sum(e["articles"] for e in entries.values()) == 60
    events = events_of(out)
    assert {e["article_id"] for e in events} == {f"r{i:03d}" for i in range(60)}
    assert len({e["event_id"] for e in events}) == len(events)  # nothing written twice


TMP_MARK = ".tmp-"


@pytest.mark.slow
def test_batch_on_a_running_scheduler_by_address(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--cluster tcp://...: a scheduler and a worker started as on a real cluster (here on loopback)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    bindir = Path(sys.executable).parent
    scheduler_file = tmp_path / "scheduler.json"
    procs = [subprocess.Popen([str(bindir / "dask"), "scheduler", "--host", "127.0.0.1", "--port", "0",
                               "--no-dashboard", "--scheduler-file", str(scheduler_file)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        deadline = time.monotonic() + 60
        while not scheduler_file.is_file():
            assert time.monotonic() < deadline, "the scheduler did not start"
            time.sleep(0.1)
        address = json.loads(scheduler_file.read_text(encoding="utf-8"))["address"]
        procs.append(subprocess.Popen([str(bindir / "dask"), "worker", address, "--nworkers", "1", "--nthreads", "1",
                                       "--no-dashboard"], env=env, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL))
        code = main(["batch", str(SAMPLES), "--out", str(tmp_path / "out"), "--cluster", address,
                     "--partition-size", "6"])
        err = capsys.readouterr().err
        assert code == 0, err
        assert "1 workers ready" in err and "12 articles" in err
        assert len(manifests(tmp_path / "out")) == 3  # 10 loose files in 2 groups, and the JSONL file
    finally:
        for proc in reversed(procs):
            proc.terminate()
            proc.wait(timeout=30)


def test_batch_event_rows_read_back_as_the_events_written(tmp_path: Path) -> None:
    from sitrep.batch.results import Output, read_events

    event = Event(event_id="e", article_id="a", event_date="2024-03-11", time_precision=1,
                  disorder_type="Political violence", event_type="Battles", sub_event_type="Armed clash",
                  actor1="Military Forces of Kenya (2022-)", actor2="Al Shabaab", assoc_actor_1=["x"], assoc_actor_2=[],
                  inter1=1, inter2=2, country="Kenya", iso3="KEN", admin1="Lamu", admin2=None, location="Lamu",
                  latitude=-2.27, longitude=40.9, geonameid=189741, geo_precision=2, fatalities=3,
                  fatality_claims=[{"count": 3, "low": 3, "high": 3, "source": "police", "quote": "q"}],
                  sources=["x"], notes="n", confidence=0.7, evidence={"event": (1, 2), "actor2": None},
                  plover_event="ASSAULT", plover_mode="beat", extra={"k": [1]})
    output = Output(tmp_path)
    output.create()
    writer = output.writer("p")
    writer.add(event, "f.jsonl:1")
    writer.commit({"key": "p"})
    assert list(read_events(tmp_path / "events" / "p.parquet")) == [("f.jsonl:1", event)]


def test_batch_clean_temporaries_sweeps_every_folder_of_the_output(tmp_path: Path) -> None:
    from sitrep.batch.results import Output

    output = Output(tmp_path)
    output.create()
    output.mark_stored("p1", "store-a", "{}")
    strays = [tmp_path / "events" / f"p2.parquet{TMP_MARK}1", tmp_path / "manifest" / f"p2.json{TMP_MARK}2",
              tmp_path / "stored" / "store-a" / f"p2{TMP_MARK}3", tmp_path / f"problems.jsonl{TMP_MARK}4"]
    for path in strays:
        path.write_text("half", encoding="utf-8")
    assert output.clean_temporaries() == 4
    assert not [p for p in tmp_path.rglob("*") if TMP_MARK in p.name]
    assert output.is_stored("p1", "store-a")  # a finished mark stays


def test_batch_store_puts_every_partition_into_the_event_store_once(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """--store: the store holds what `sitrep ingest` of the same inputs holds; a rerun stores nothing twice,
    and a partition whose storing was cut short is stored (the rest of it) by the rerun."""
    from sitrep.store import open_store

    corpus = tmp_path / "corpus.jsonl"
    _corpus_for_resume(corpus, 6)
    with corpus.open("a", encoding="utf-8") as fh:
        fh.write('{"id": "broken", "text": "cut\n')  # a bad line: reported, not stored
        fh.write(json.dumps({"id": "late", "text": (SAMPLES / "somalia_ied.txt").read_text(encoding="utf-8")
                             + "\n\nA later paragraph.", "published": "2024-08-21"}) + "\n")
    out, db, reference = tmp_path / "out", tmp_path / "batch.duckdb", tmp_path / "ingest.duckdb"
    args = ["batch", str(corpus), "--out", str(out), "--workers", "1", "--partition-size", "3", "--store", str(db)]

    assert main(args) == 1  # the broken line
    err = capsys.readouterr().err
    assert "storing events into" in err and "corpus.jsonl:7" in err
    assert main(["ingest", str(corpus), "--db", str(reference), "--quiet"]) == 1
    capsys.readouterr()
    with open_store(db) as got, open_store(reference) as want:
        assert got.counts() == want.counts()
        assert got.counts()["articles"] == 5  # 4 distinct texts (their 2 repeats known as duplicates) and "late"
        assert sorted(e["event_type"] for e in got.query()) == sorted(e["event_type"] for e in want.query())
    parquet_events = events_of(out)
    assert parquet_events and len(list((out / "stored").glob("*/*"))) == 3

    # storing cut short: one partition's mark gone, as after a kill between its articles and its mark
    mark = sorted((out / "stored").glob("*/*"))[1]
    mark.unlink()
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "3 partitions planned (3 already finished)" in err
    assert mark.is_file()
    with open_store(db) as got, open_store(reference) as want:
        assert got.counts() == want.counts()  # nothing twice
