"""sitrep.batch partitions and readers: deterministic cuts, every article read once, bad input named."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitrep.batch.partitions import plan
from sitrep.batch.readers import read_partition
from sitrep.records import Article, InputProblem
from sitrep.settings import Settings

TEXT = "Police fired tear gas to disperse protesters in Kisumu on Monday, witnesses said."
PAGE = ("<html><head><title>Clash in Kisumu</title></head><body><nav>Home | World</nav><article><h1>Clash in "
        "Kisumu</h1><p>{text}</p><p>Residents said the streets were calm again by the evening, and shops "
        "reopened on the main road leading to the market.</p></article></body></html>")


def jsonl_lines(n: int) -> list[str]:
    return [json.dumps({"id": f"a{i:03d}", "text": f"{TEXT} ({i})", "published": "2024-03-14"}) for i in range(n)]


def read_all(parts: list, settings: Settings) -> list[Article | InputProblem]:
    return [item for p in parts for item in read_partition(p, settings)]


def write_warc(path: Path, pages: list[tuple[str, bytes]], *, extra: bool = True) -> list[int]:
    """A WARC of HTML response records (with request and image records between); returns record offsets."""
    offsets = []
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=path.name.endswith(".gz"))
        for url, body in pages:
            if extra:
                req = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
                writer.write_record(req)
            offsets.append(fh.tell())
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=http))
            if extra:
                img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(url + ".png", "response",
                                                              payload=io.BytesIO(b"\x89PNG...."), http_headers=img))
    return offsets


@pytest.fixture(scope="module")
def settings() -> Settings:
    return Settings.load()


@pytest.mark.parametrize("suffix", [".jsonl", ".jsonl.gz"])
def test_partitions_jsonl_cut_every_n_lines_and_read_once(tmp_path: Path, settings: Settings, suffix: str) -> None:
    path = tmp_path / f"feed{suffix}"
    data = ("\n".join(jsonl_lines(10)) + "\n").encode()
    path.write_bytes(gzip.compress(data) if suffix.endswith(".gz") else data)
    parts, problems = plan([str(path)], size=3)
    assert not problems
    assert [(p.first_line, p.estimate) for p in parts] == [(1, 3), (4, 3), (7, 3), (10, 1)]
    items = read_all(parts, settings)
    assert [a.id for a in items if isinstance(a, Article)] == [f"a{i:03d}" for i in range(10)]
    assert [a.source_name for a in items][:4] == [f"{path.resolve()}:{n}" for n in (1, 2, 3, 4)]


def test_partitions_are_deterministic_and_change_with_the_file(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(jsonl_lines(7)) + "\n", encoding="utf-8")
    first, _ = plan([str(path)], size=2)
    again, _ = plan([str(path)], size=2)
    assert [p.key for p in first] == [p.key for p in again]
    assert len({p.key for p in first}) == len(first) == 4
    with path.open("a", encoding="utf-8") as fh:
        fh.write(jsonl_lines(8)[-1] + "\n")
    changed, _ = plan([str(path)], size=2)
    assert not {p.key for p in changed} & {p.key for p in first}  # a changed file is redone, never mixed


def test_partitions_jsonl_last_line_without_newline_and_blank_lines(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "feed.jsonl"
    lines = jsonl_lines(5)
    path.write_text(lines[0] + "\n\n" + "\n".join(lines[1:]), encoding="utf-8")  # 6 lines, one blank, no final \n
    parts, _ = plan([str(path)], size=2)
    assert sum(p.estimate for p in parts) == 6
    assert [a.id for a in read_all(parts, settings) if isinstance(a, Article)] == [f"a{i:03d}" for i in range(5)]


def test_partitions_jsonl_broken_line_is_named_by_its_line(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "feed.jsonl"
    lines = jsonl_lines(6)
    lines[4] = '{"id": "broken", "text": '
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    parts, _ = plan([str(path)], size=4)
    items = read_all(parts, settings)
    (problem,) = [i for i in items if isinstance(i, InputProblem)]
    assert problem.source_name == f"{path.resolve()}:5" and "invalid JSON" in problem.reason
    assert len([i for i in items if isinstance(i, Article)]) == 5


def test_partitions_damaged_gzip_reads_what_came_before(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "feed.jsonl.gz"
    whole = gzip.compress(("\n".join(jsonl_lines(3000)) + "\n").encode())
    path.write_bytes(whole[: len(whole) // 2])  # cut short, as by a failed download
    parts, problems = plan([str(path)], size=500)
    assert problems and "damaged" in problems[0].reason
    items = read_all(parts, settings)
    ids = [a.id for a in items if isinstance(a, Article)]
    assert ids and ids == [f"a{i:03d}" for i in range(len(ids))]


def test_partitions_parquet_row_ranges_over_row_groups(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "articles.parquet"
    table = pa.table({"id": list(range(7)), "text": [f"{TEXT} ({i})" if i != 5 else "  " for i in range(7)],
                      "published": pa.array([None] * 6 + [pa.scalar(0, pa.date32()).as_py()], pa.date32())})
    pq.write_table(table, path, row_group_size=2)
    parts, problems = plan([str(path)], size=3)
    assert not problems
    assert [(p.start, p.stop) for p in parts] == [(0, 3), (3, 6), (6, 7)]
    items = read_all(parts, settings)
    assert [a.id for a in items if isinstance(a, Article)] == ["0", "1", "2", "3", "4", "6"]
    (problem,) = [i for i in items if isinstance(i, InputProblem)]
    assert problem.source_name.endswith("articles.parquet:row 6") and "'text' is empty" in problem.reason
    assert [a for a in items if isinstance(a, Article)][-1].published.isoformat() == "1970-01-01"


def test_partitions_parquet_without_text_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.parquet"
    pq.write_table(pa.table({"body": ["x"]}), path)
    parts, problems = plan([str(path)])
    assert not parts and "no 'text' or 'html' column" in problems[0].reason


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_partitions_warc_article_records_only(tmp_path: Path, settings: Settings, name: str) -> None:
    path = tmp_path / name
    pages = [(f"https://news.example/{i}", PAGE.format(text=f"{TEXT} ({i})").encode()) for i in range(5)]
    write_warc(path, pages)
    parts, problems = plan([str(path)], size=2)
    assert not problems and [p.estimate for p in parts] == [2, 2, 1]
    items = read_all(parts, settings)
    assert all(isinstance(i, Article) for i in items)
    assert [a.url for a in items] == [u for u, _ in pages]  # type: ignore[union-attr]
    assert all("Kisumu" in a.text and "Home | World" not in a.text for a in items)  # type: ignore[union-attr]


def test_partitions_warc_damaged_record_is_reported_and_the_rest_read(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "crawl.warc.gz"
    pages = [(f"https://news.example/{i}", PAGE.format(text=f"{TEXT} ({i})").encode()) for i in range(4)]
    offsets = write_warc(path, pages, extra=False)
    data = bytearray(path.read_bytes())
    hit = offsets[1] + 40  # inside the second record's compressed body
    data[hit : hit + 30] = b"\x00" * 30
    path.write_bytes(bytes(data))
    parts, plan_problems = plan([str(path)], size=10)
    items = read_all(parts, settings)
    assert [a.url for a in items if isinstance(a, Article)] == [pages[i][0] for i in (0, 2, 3)]
    damaged = [i for i in items if isinstance(i, InputProblem)]
    assert len(damaged) == 1 and damaged[0].source_name == f"{path.resolve()}@{offsets[1]}"
    assert "unreadable WARC record" in damaged[0].reason
    assert [p.source_name for p in plan_problems] == [damaged[0].source_name]


def test_partitions_folder_groups_loose_files_and_names_bad_ones(tmp_path: Path, settings: Settings) -> None:
    for i in range(5):
        (tmp_path / f"story{i}.txt").write_text(f"{TEXT} ({i})", encoding="utf-8")
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(64))
    (tmp_path / "notes.docx").write_bytes(b"ignored in a folder, as by sitrep extract")
    parts, problems = plan([str(tmp_path), str(tmp_path / "notes.docx"), "https://example.org/x",
                            str(tmp_path / "missing.jsonl")], size=4)
    assert [p.estimate for p in parts] == [4, 2]
    reasons = {Path(p.source_name).name: p.reason for p in problems}
    assert "unknown file type" in reasons["notes.docx"]
    assert "no such file" in reasons["missing.jsonl"]
    assert "use `sitrep extract`" in reasons["x"]
    items = read_all(parts, settings)
    (binary,) = [i for i in items if isinstance(i, InputProblem)]
    assert binary.source_name.endswith("photo.txt") and "binary" in binary.reason
    assert len([i for i in items if isinstance(i, Article)]) == 5


def test_partitions_empty_folder_is_a_problem(tmp_path: Path) -> None:
    parts, problems = plan([str(tmp_path)])
    assert not parts and "no article files" in problems[0].reason
