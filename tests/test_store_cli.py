"""The store's commands on the bundled samples: ingest, query, export, stats, explain (both backends)."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from sitrep.cli import main
from test_store_helpers import BACKENDS, store_location

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@pytest.mark.parametrize("backend", BACKENDS)
def test_store_cli_ingest_query_stats_explain_export(backend: str, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    with store_location(backend, tmp_path) as db:
        assert main(["ingest", str(SAMPLES), "--db", db]) == 0
        err = capsys.readouterr().err
        assert "sitrep: stored " in err and "12 articles (12 stored, 0 replaced, 0 already stored)" in err

        assert main(["ingest", str(SAMPLES), "--db", db]) == 0  # idempotent
        assert "12 already stored), 0 reports, 0 new events" in capsys.readouterr().err

        assert main(["query", "--db", db, "--country", "Syria", "--min-fatalities", "1", "--format", "table"]) == 0
        table = capsys.readouterr().out
        assert table.count("Air/drone strike") == 3

        assert main(["query", "--db", db, "--event-type", "battles", "--count"]) == 0
        assert int(capsys.readouterr().out) == 3

        assert main(["query", "--db", db, "--bbox", "40,34,41.5,36", "--format", "jsonl"]) == 0
        lines = capsys.readouterr().out.splitlines()
        assert {json.loads(line)["country"] for line in lines} == {"Syria"}

        out = tmp_path / "events.parquet"
        assert main(["export", str(out), "--db", db, "--from", "2024-03-01", "--to", "2024-06-30"]) == 0
        assert pq.read_table(out).num_rows == 6
        assert "wrote 6 events" in capsys.readouterr().err

        assert main(["stats", "--db", db]) == 0
        stats = capsys.readouterr().out
        assert "week of" in stats and "event type" in stats and "█" in stats and "57 killed" in stats

        event_id = json.loads(lines[0])["event_id"]
        assert main(["explain", event_id, "--db", db]) == 0
        assert "first report: founded the event" in capsys.readouterr().out


def test_store_cli_errors_are_clear_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "no store at" in capsys.readouterr().err
    assert main(["ingest", "--db", str(tmp_path / "s.duckdb"), str(SAMPLES / "kenya_clash.txt")]) == 0
    capsys.readouterr()
    assert main(["query", "--db", str(tmp_path / "s.duckdb"), "--event-type", "Skirmish"]) == 2
    assert "unknown event type" in capsys.readouterr().err
    assert main(["explain", "nope", "--db", str(tmp_path / "s.duckdb")]) == 2
    assert "no event 'nope'" in capsys.readouterr().err
    assert main(["query", "--db", str(tmp_path / "s.duckdb"), "--format", "parquet"]) == 2
    assert "binary format" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["query", "--bbox", "1,2,3"])
    assert "min_lon,min_lat,max_lon,max_lat" in capsys.readouterr().err


def test_store_cli_ingest_reports_a_bad_input_and_keeps_the_rest(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("   ", encoding="utf-8")
    db = str(tmp_path / "s.duckdb")
    assert main(["ingest", str(empty), str(SAMPLES / "kenya_clash.txt"), "--db", db]) == 1
    err = capsys.readouterr().err
    assert f"skipped {empty}" in err and "1 article (1 stored" in err
