"""The command line: formats, exit status, and bad input that loses nothing."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from sitrep.cli import main
from sitrep.output import ACLED_COLUMNS, validate_event, validate_place

from conftest import SAMPLES

GOOD = "Police fired tear gas to disperse protesters in Kisumu on Monday, witnesses said.\n"


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_extract_jsonl_validates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    code, out, err = _run(["extract", str(tmp_path / "a.txt"), "--published", "2024-03-14"], capsys)
    assert code == 0, err
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["sub_event_type"] for r in records] == ["Protest with intervention"]
    assert records[0]["event_date"] == "2024-03-11"
    for r in records:
        validate_event(r)


def test_cli_every_format_of_every_sample(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outs = [tmp_path / n for n in ("e.jsonl", "e.csv", "e.geojson")]
    code, _, err = _run(["extract", str(SAMPLES), *sum((["-o", str(p)] for p in outs), [])], capsys)
    assert code == 0, err
    records = [json.loads(line) for line in outs[0].read_text(encoding="utf-8").splitlines()]
    assert len(records) >= 10
    for r in records:
        validate_event(r)
        assert r["evidence"]["event"] is not None
    rows = list(csv.DictReader(io.StringIO(outs[1].read_text(encoding="utf-8"))))
    assert len(rows) == len(records)
    geo = json.loads(outs[2].read_text(encoding="utf-8"))
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == len(records)


def test_cli_acled_csv_has_acled_columns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    code, out, _ = _run(["extract", str(tmp_path / "a.txt"), "--format", "acled-csv"], capsys)
    assert code == 0
    assert next(csv.reader(io.StringIO(out))) == list(ACLED_COLUMNS)


def test_cli_bad_inputs_are_reported_and_the_rest_processed(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 100)
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    with (tmp_path / "huge.html").open("wb") as fh:  # 50 MB, sparse
        fh.seek(50 * 1024 * 1024)
        fh.write(b"</html>")
    (tmp_path / "batch.jsonl").write_text(
        json.dumps({"id": "ok", "text": GOOD, "published": "2024-03-14"}) + "\n{broken json\n", encoding="utf-8")
    inputs = [str(tmp_path / n) for n in ("binary.txt", "good.txt", "empty.txt", "huge.html", "batch.jsonl")]
    code, out, err = _run(["extract", *inputs, "--published", "2024-03-14"], capsys)
    assert code == 1
    assert len(out.splitlines()) == 2  # good.txt and the good JSONL line
    for name in ("binary.txt", "empty.txt", "huge.html", "batch.jsonl:2"):
        assert f"skipped {tmp_path / name}" in err, err
    assert "binary" in err and "empty" in err and "limit" in err


def test_cli_geoparse_place_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    code, out, _ = _run(["geoparse", str(tmp_path / "a.txt")], capsys)
    assert code == 0
    (place,) = [json.loads(line) for line in out.splitlines()]
    validate_place(place)
    assert place["name"] == "Kisumu" and place["is_event_location"] is True


def test_cli_geoparse_gold_spans(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "Officials in Nakuru and Eldoret met."
    line = {"id": "g1", "text": text, "toponyms": [[13, 19]]}
    (tmp_path / "a.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    code, out, _ = _run(["geoparse", str(tmp_path / "a.jsonl")], capsys)
    assert code == 0
    assert [json.loads(x)["text"] for x in out.splitlines()] == ["Nakuru"]


def test_cli_reads_standard_input() -> None:
    proc = subprocess.run([sys.executable, "-m", "sitrep.cli", "extract", "-", "--published", "2024-03-14"],
                          input=GOOD.encode(), capture_output=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(proc.stdout.decode().splitlines()[0])["location"] == "Kisumu"


def test_cli_commands_that_need_no_pipeline_do_not_load_spacy() -> None:
    # `sitrep query`, `stats`, `export` and --help answer in a quarter of a second, not a second
    code = ("import sys; import sitrep.cli; sitrep.cli.build_parser(); "
            "print(sorted(m for m in ('spacy', 'thinc', 'sklearn') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
