"""`sitrep batch` on WARC and Parquet inputs with broken records (issue 16): every broken record is
reported with its place and reason, and every good record around it is read, in any partition size."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitrep.batch.partitions import plan
from sitrep.batch.readers import read_partition
from sitrep.cli import main
from sitrep.records import Article, InputProblem
from sitrep.settings import Settings
from test_batch_partitions import PAGE, TEXT, write_warc

PAGES = [(f"https://news.example/{i}", PAGE.format(text=f"{TEXT} ({i})").encode()) for i in range(5)]


def read(path: Path, size: int) -> tuple[list[Article | InputProblem], list[InputProblem]]:
    parts, planned = plan([str(path)], size)
    return [item for part in parts for item in read_partition(part, Settings())], planned


def urls(items: list[Article | InputProblem]) -> list[str]:
    return [item.url or "" for item in items if isinstance(item, Article)]


def problems(items: list[Article | InputProblem]) -> list[InputProblem]:
    return [item for item in items if isinstance(item, InputProblem)]


def _cut_gz(path: Path) -> str:
    offsets = write_warc(path, PAGES, extra=False)
    path.write_bytes(path.read_bytes()[: offsets[4] + 100])  # the last record cut short
    return "4"


def _cut_plain(path: Path) -> str:
    offsets = write_warc(path, PAGES, extra=False)
    path.write_bytes(path.read_bytes()[: offsets[4] + 300])  # the file ends inside the last record
    return "4"


def _garbage_between(path: Path) -> str:
    offsets = write_warc(path, PAGES, extra=False)
    data = bytearray(path.read_bytes())
    data[offsets[2]:offsets[2]] = b"GARBAGE\x00\xff" * 50  # junk that runs straight into record 2
    path.write_bytes(bytes(data))
    return ""


def _garbled_headers(path: Path) -> str:
    offsets = write_warc(path, PAGES, extra=False)
    data = bytearray(path.read_bytes())
    data[offsets[2] + 20:offsets[2] + 80] = b"\xff" * 60  # record 2's WARC-Type destroyed
    path.write_bytes(bytes(data))
    return "2"


@pytest.mark.parametrize(("name", "damage"), [("cut.warc.gz", _cut_gz), ("cut.warc", _cut_plain),
                                              ("garbage.warc", _garbage_between),
                                              ("garbled.warc", _garbled_headers)])
@pytest.mark.parametrize("size", [2, 100])
def test_warc_broken_records_are_reported_and_the_others_read(name: str, damage: object, size: int,
                                                              tmp_path: Path) -> None:
    path = tmp_path / name
    lost = damage(path)  # type: ignore[operator]
    items, planned = read(path, size)  # before the fix: a crash (AttributeError), or records lost unsaid
    want = [url for url, _ in PAGES if not url.endswith("/" + lost)] if lost else [url for url, _ in PAGES]
    assert urls(items) == want
    found = problems(items)
    assert found and all("unreadable WARC record" in p.reason and f"{path}@" in p.source_name for p in found)
    assert all(p.source_name.startswith(str(path)) for p in planned)


def test_warc_records_that_are_not_articles_inside_are_named(tmp_path: Path) -> None:
    path = tmp_path / "mixed.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        bodies = [PAGES[0], ("https://x/bin", b"\x89PNG\r\n\x1a\n" + bytes(range(256))), ("https://x/empty", b""),
                  ("https://x/nul", b"<p>a\x00b</p>"), PAGES[1]]
        for url, body in bodies:
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))
    items, _ = read(path, 2)
    assert urls(items) == [PAGES[0][0], PAGES[1][0]]
    reasons = [p.reason for p in problems(items)]
    assert len(reasons) == 3 and "binary file (PNG image)" in reasons[0] and "empty response" in reasons[1]


def _parquet_with_a_damaged_row_group(path: Path) -> None:
    texts = [f"{TEXT} ({i})" for i in range(9)]
    pq.write_table(pa.table({"id": [f"p{i}" for i in range(9)], "text": texts}), path, row_group_size=3,
                   compression="none")
    data = bytearray(path.read_bytes())
    offset = pq.ParquetFile(path).metadata.row_group(1).column(1).data_page_offset
    data[offset:offset + 8] = b"\xff" * 8  # the page header of rows 4-6's text
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("size", [2, 4, 100])
def test_parquet_damaged_row_group_is_reported_and_the_other_groups_read(size: int, tmp_path: Path) -> None:
    path = tmp_path / "t.parquet"
    _parquet_with_a_damaged_row_group(path)
    items, _ = read(path, size)  # before the fix: all nine rows lost, as one 'could not read'
    ids = [item.id for item in items if isinstance(item, Article)]
    assert ids == ["p0", "p1", "p2", "p6", "p7", "p8"]
    found = problems(items)
    assert found and all("damaged Parquet data" in p.reason and ":row" in p.source_name for p in found)
    named = " ".join(p.source_name for p in found)
    assert all(f"row {n}" in named or f"rows {n}" in named or f"-{n}" in named for n in (4, 6))


def test_parquet_rows_of_the_wrong_type_or_empty_are_each_reported(tmp_path: Path) -> None:
    path = tmp_path / "rows.parquet"
    pq.write_table(pa.table({"id": ["a", "b", "c", "d"], "text": [TEXT, None, " ", TEXT],
                             "published": ["2024-03-14", "x", "2024-02-30", "2024-03-14"],
                             "title": ["t", "t", "t", "t"]}), path)
    items, _ = read(path, 3)
    assert [i.id for i in items if isinstance(i, Article)] == ["a", "d"]
    assert [p.source_name.rsplit(":", 1)[1] for p in problems(items)] == ["row 2", "row 3"]


def test_batch_with_broken_warc_and_parquet_inputs_names_each_and_extracts_the_rest(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _cut_gz(corpus / "cut.warc.gz")
    _garbled_headers(corpus / "garbled.warc")
    _parquet_with_a_damaged_row_group(corpus / "t.parquet")
    out = tmp_path / "out"
    code = main(["batch", str(corpus), "--out", str(out), "--workers", "1", "--partition-size", "4",
                 "--no-progress"])
    err = capsys.readouterr().err
    assert code == 1, err
    assert "Traceback" not in err
    reported = [json.loads(line) for line in (out / "problems.jsonl").read_text(encoding="utf-8").splitlines()]
    sources = " ".join(p["source"] for p in reported)
    assert "cut.warc.gz@" in sources and "garbled.warc@" in sources and "t.parquet:row" in sources
    entries = [json.loads(p.read_text(encoding="utf-8")) for p in (out / "manifest").glob("*.json")]
    assert sum(e["articles"] for e in entries) == 4 + 4 + 6  # every good record around the broken ones
