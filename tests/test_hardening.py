"""Issue 16: no input, option or output path may crash a run, hang it, or lose data.

Each test here reproduces one failure a hostile user found (the issue's numbered items) and
holds its fix. Everything is real: real files, FIFOs, symlinks, device nodes, a slow HTTP
server on 127.0.0.1, real stores. docs/reliability.md maps each probe to its test.

Exit codes: a usage or environment problem is one line on standard error and exit 2; a bad
input is reported by name and skipped, the rest processed, and the exit status is 1.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any, TypeVar

import pytest

import sitrep
from sitrep.cli import main

from conftest import SAMPLES, loopback_server

GOOD = "Police fired tear gas to disperse protesters in Kisumu on Monday, witnesses said."
SRC = Path(sitrep.__file__).resolve().parents[1]  # the sources under test, for the child processes
T = TypeVar("T")


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def sitrep(*args: str, stdin: bytes | None = None, stdout: int | None = subprocess.PIPE,
           timeout: float = 300, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    """The real command in a child process (for what only a process shows: its stdout, exit, tracebacks)."""
    full_env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
                **(env or {})}
    full_env.pop("SITREP_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "sitrep.cli", *args], input=stdin, stdout=stdout,
                          stderr=subprocess.PIPE, timeout=timeout, check=False, env=full_env)


def within(seconds: float, work: Callable[[], T]) -> T:
    """`work()`, failing the test if it takes longer than `seconds` (it is left behind in a daemon thread)."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = work()
        except BaseException as exc:  # noqa: BLE001 -- handed to the test
            box["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        pytest.fail(f"still running after {seconds} s: a hang")
    if "error" in box:
        raise box["error"]
    return box["value"]  # type: ignore[no-any-return]


def one_line_error(err: str) -> str:
    """The message of a usage or environment error: exactly one line, no traceback."""
    assert "Traceback" not in err, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    return lines[0]


def feed(path: Path, *texts: str) -> Path:
    path.write_text("".join(json.dumps({"id": f"a{i}", "text": t, "published": "2024-03-14"}) + "\n"
                            for i, t in enumerate(texts)), encoding="utf-8")
    return path


@pytest.fixture()
def full_device(tmp_path: Path) -> Path:
    """A device that answers every write with ENOSPC: our own node of /dev/full when root (so a bug that
    replaces the output cannot harm the machine's), else /dev/full itself (which we cannot replace)."""
    if os.geteuid() == 0:
        node = tmp_path / "full"
        try:
            os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
            return node
        except OSError:
            pytest.skip("cannot make a device node here")
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    return Path("/dev/full")


# -- 7. numeric options are validated at the command line --------------------------------------


@pytest.mark.parametrize(("option", "value"), [
    ("--batch-size", "0"), ("--batch-size", "-1"), ("--batch-size", "abc"), ("--batch-size", "1.5"),
    ("--max-input-bytes", "-1"), ("--max-input-bytes", "0"), ("--max-input-bytes", "many"),
    ("--fetch-timeout", "0"), ("--fetch-timeout", "-3"), ("--fetch-timeout", "nan"), ("--fetch-timeout", "inf"),
    ("--fetch-timeout", "soon"), ("--workers", "0"), ("--workers", "-2"),
])
def test_numeric_options_are_refused_with_one_line_and_exit_2(option: str, value: str, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["extract", str(SAMPLES / "kenya_clash.txt"), f"{option}={value}"])
    assert exc.value.code == 2
    line = one_line_error(capsys.readouterr().err)
    assert option in line and repr(value) in line


def test_batch_size_zero_with_workers_is_refused_not_a_stop_iteration(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["extract", str(SAMPLES / "kenya_clash.txt"), "--workers", "2", "--batch-size", "0"])
    assert exc.value.code == 2
    assert "--batch-size" in one_line_error(capsys.readouterr().err)


@pytest.mark.parametrize(("args", "option"), [
    (["batch", "x", "--out", "o", "--partition-size", "0"], "--partition-size"),
    (["batch", "x", "--out", "o", "--batch-size", "-1"], "--batch-size"),
    (["ingest", "x", "--max-input-bytes", "-1"], "--max-input-bytes"),
    (["query", "--limit", "0"], "--limit"),
    (["query", "--min-fatalities", "-1"], "--min-fatalities"),
    (["evaluate", "acled", "x.csv", "--sample", "-5"], "--sample"),
    (["evaluate", "geo", "x.xml", "--limit", "0"], "--limit"),
    (["train", "--holdout", "1.5"], "--holdout"),
    (["train", "--holdout", "nan"], "--holdout"),
])
def test_every_command_validates_its_numbers(args: list[str], option: str, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)  # were a number let through, nothing would land in the work tree
    with pytest.raises(SystemExit) as exc:
        main(args)
    assert exc.value.code == 2
    assert option in one_line_error(capsys.readouterr().err)


@pytest.mark.parametrize(("variable", "value"), [
    ("SITREP_BATCH_SIZE", "0"), ("SITREP_MAX_INPUT_BYTES", "-1"), ("SITREP_FETCH_TIMEOUT", "nan"),
    ("SITREP_BATCH_SIZE", "lots"),
])
def test_bad_settings_from_the_environment_are_a_one_line_error(variable: str, value: str,
                                                                 monkeypatch: pytest.MonkeyPatch,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv(variable, value)
    assert main(["extract", str(SAMPLES / "kenya_clash.txt")]) == 2
    line = one_line_error(capsys.readouterr().err)
    assert variable in line and repr(value) in line


@pytest.mark.parametrize(("toml", "says"), [
    ('[sitrep]\nbatch_size = "zero"\n', "batch_size: not a positive whole number"),
    ("[sitrep]\nfetch_timeout = -1\n", "fetch_timeout: not a positive, finite number"),
    ("sitrep = 3\n", "'sitrep' must be a table"),
    ("garbage = = 1\n", "is not valid TOML"),
])
def test_a_bad_settings_file_is_a_one_line_error(toml: str, says: str, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "sitrep.toml"
    config.write_text(toml, encoding="utf-8")
    monkeypatch.setenv("SITREP_CONFIG", str(config))
    assert main(["extract", str(SAMPLES / "kenya_clash.txt")]) == 2
    line = one_line_error(capsys.readouterr().err)
    assert str(config) in line and says in line


# -- 8. environment problems are one line and exit 2, never a traceback ------------------------


def test_output_to_a_full_disk_on_standard_output_is_one_line_and_exit_2(full_device: Path) -> None:
    with full_device.open("wb") as full:
        proc = sitrep("extract", str(SAMPLES / "kenya_clash.txt"), stdout=full.fileno())
    assert proc.returncode == 2
    line = one_line_error(proc.stderr.decode())
    assert "No space left on device" in line and "standard output" in line


def test_output_into_a_missing_folder_is_refused_before_any_work(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "no" / "such" / "events.jsonl"
    code, _, err = _run(["extract", str(SAMPLES / "kenya_clash.txt"), "-o", str(tmp_path / "a.jsonl"),
                         "-o", str(target)], capsys)
    assert code == 2
    line = one_line_error(err)
    assert str(target) in line and "no such folder" in line
    assert not (tmp_path / "a.jsonl").exists()  # refused before extracting, not after


def test_data_dir_that_cannot_be_created_is_one_line_and_exit_2(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    for command in (["extract", str(SAMPLES / "kenya_clash.txt")], ["ingest", str(SAMPLES / "kenya_clash.txt")],
                    ["gazetteer", "build"]):
        proc = sitrep(*command, "--data-dir", str(blocker / "data"))
        assert proc.returncode == 2, proc.stderr
        line = one_line_error(proc.stderr.decode())
        assert str(blocker / "data") in line and "data folder" in line


def test_a_reader_that_goes_away_is_not_a_traceback() -> None:
    """`sitrep extract ... | head -1`: the pipe closes early; no traceback, no 'Exception ignored'."""
    proc = subprocess.Popen([sys.executable, "-m", "sitrep.cli", "extract", str(SAMPLES)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": str(SRC)})
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=300)
    assert "Traceback" not in err and "Exception ignored" not in err, err


# -- 1. a lone surrogate in one JSONL line skips that line, not the run ------------------------

SURROGATE = "Gunmen killed five villagers in Mandera \ud800 on Monday, police said."


def test_lone_surrogate_in_one_jsonl_line_skips_only_that_line_in_extract(tmp_path: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = feed(tmp_path / "feed.jsonl", GOOD, SURROGATE, GOOD + " Two were hurt.")
    code, out, err = _run(["extract", str(path)], capsys)
    assert code == 1, err
    assert "Traceback" not in err
    assert [json.loads(line)["article_id"] for line in out.splitlines()] == ["a0", "a2"]
    assert f"skipped {path}:2: " in err and "surrogate" in err


def test_lone_surrogate_in_one_jsonl_line_skips_only_that_line_in_ingest(tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    path = feed(tmp_path / "feed.jsonl", GOOD, SURROGATE, GOOD + " Two were hurt.")
    code, _, err = _run(["ingest", str(path), "--db", str(tmp_path / "s.duckdb")], capsys)
    assert code == 1, err
    assert f"skipped {path}:2: " in err and "2 articles (2 stored" in err


@pytest.mark.parametrize("field", ["title", "outlet", "url", "id"])
def test_lone_surrogate_in_any_field_is_that_lines_problem(field: str, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "feed.jsonl"
    bad = {"id": "b", "text": GOOD, field: "Daily \ud83d Star"}
    path.write_text(json.dumps({"id": "a", "text": GOOD}) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    out_file = tmp_path / "events.csv"
    code, _, err = _run(["extract", str(path), "-o", str(out_file)], capsys)
    assert code == 1, err
    assert f"skipped {path}:2: '{field}'" in err and "surrogate" in err
    assert out_file.read_text(encoding="utf-8").count("Kisumu") >= 1


def test_the_default_path_isolates_an_article_that_breaks_the_parser_like_the_parallel_one(settings) -> None:
    """An article that breaks spaCy inside a parse batch is that article's problem; the batch goes on."""
    import datetime as dt

    from sitrep.api import get_extractor
    from sitrep.records import Article, InputProblem

    day = dt.date(2024, 3, 14)
    items = [Article(id="a0", text=GOOD, published=day, source_name="f:1"),
             Article(id="a1", text=SURROGATE, published=day, source_name="f:2"),
             Article(id="a2", text=GOOD, published=day, source_name="f:3")]
    out = list(get_extractor(settings).extract(items))
    assert [type(x).__name__ for x in out] == ["tuple", "InputProblem", "tuple"]
    problem = out[1]
    assert isinstance(problem, InputProblem) and problem.source_name == "f:2"
    assert "extraction failed" in problem.reason and "UnicodeEncodeError" in problem.reason
    assert all(len(x[1]) == 1 for x in out if isinstance(x, tuple))


# -- 2. a FIFO, a device or a symlink loop in the inputs is skipped with its reason, never a hang --


def _folder_with_traps(root: Path) -> Path:
    """A folder of two good articles around a FIFO, a symlink loop, a dangling link and a device."""
    folder = root / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD + "\n", encoding="utf-8")
    os.mkfifo(folder / "b-pipe.txt")
    os.symlink("c-loop2.txt", folder / "c-loop1.txt")
    os.symlink("c-loop1.txt", folder / "c-loop2.txt")
    os.symlink("gone.txt", folder / "d-dangling.txt")
    os.symlink("/dev/zero", folder / "e-device.jsonl")
    feed(folder / "f.jsonl", GOOD + " Two were hurt.")
    return folder


def test_a_fifo_and_links_in_an_input_folder_are_skipped_with_their_reason_in_extract(tmp_path: Path) -> None:
    folder = _folder_with_traps(tmp_path)
    proc = sitrep("extract", str(folder), timeout=120)  # before the fix: a hang for ever on the FIFO
    err = proc.stderr.decode()
    assert proc.returncode == 1, err
    assert len(proc.stdout.decode().splitlines()) == 2  # a.txt and f.jsonl, around the traps
    assert f"skipped {folder / 'b-pipe.txt'}: not a regular file (a FIFO)" in err
    assert f"skipped {folder / 'c-loop1.txt'}: symbolic link loop" in err
    assert f"skipped {folder / 'd-dangling.txt'}: broken symbolic link" in err
    assert f"skipped {folder / 'e-device.jsonl'}: not a regular file (a device)" in err
    assert "Traceback" not in err


def test_a_named_fifo_or_loop_is_refused_not_read(tmp_path: Path) -> None:
    folder = _folder_with_traps(tmp_path)
    proc = sitrep("ingest", str(folder / "b-pipe.txt"), str(folder / "c-loop1.txt"), str(folder / "a.txt"),
                  "--db", str(tmp_path / "s.duckdb"), timeout=120)
    err = proc.stderr.decode()
    assert proc.returncode == 1, err
    assert "not a regular file (a FIFO)" in err and "symbolic link loop" in err
    assert "1 article (1 stored" in err


def test_a_fifo_and_links_in_a_batch_folder_are_skipped_with_their_reason(tmp_path: Path) -> None:
    from sitrep.batch.partitions import plan

    folder = _folder_with_traps(tmp_path)
    os.mkfifo(folder / "g-pipe.jsonl")
    # before the fix: a hang on g-pipe.jsonl, a crash on the loop
    parts, problems = within(30, lambda: plan([str(folder)], 10))
    reasons = {Path(p.source_name).name: p.reason for p in problems}
    assert reasons["b-pipe.txt"] == reasons["g-pipe.jsonl"] == "not a regular file (a FIFO)"
    assert reasons["c-loop1.txt"].startswith("symbolic link loop")
    assert reasons["d-dangling.txt"].startswith("broken symbolic link")
    assert {p.kind for p in parts} == {"files", "jsonl"}


# -- 3. --fetch-timeout bounds the whole fetch; a bad timeout is a usage error ---------------------


class _Trickle(BaseHTTPRequestHandler):
    """A server that answers one byte every half second: in the body, or already in the headers."""

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        body = b"<html><body><p>" + b"x" * 200 + b"</p></body></html>"
        try:
            if self.path == "/headers":
                self.wfile.write(b"HTTP/1.1 200 OK\r\n")
                for byte in b"Content-Type: text/html\r\nX-Slow: " + b"y" * 200 + b"\r\n":
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(0.5)
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            for byte in body:  # 235 bytes: two minutes in all
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.5)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up, as it should
            return

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (signature of the base)
        return


@pytest.mark.parametrize("path", ["/body", "/headers"])
def test_fetch_timeout_is_an_upper_bound_on_the_whole_fetch(path: str) -> None:
    from sitrep.ingest import iter_articles
    from sitrep.records import InputProblem
    from sitrep.settings import Settings

    with loopback_server(_Trickle) as base:
        started = time.monotonic()
        results = within(30, lambda: list(iter_articles([base + path], Settings(allow_private=True,
                                                                                fetch_timeout=2.0))))
        took = time.monotonic() - started
    assert took < 4.0, f"a 2 s fetch_timeout took {took:.1f} s"
    (problem,) = results
    assert isinstance(problem, InputProblem) and "fetch_timeout" in problem.reason


# -- 4. --db that exists but is not a sitrep store is refused, never a store in memory -------------


def _not_stores(root: Path) -> dict[str, Path]:
    import duckdb

    jsonl = feed(root / "notes.jsonl", GOOD)
    csv = root / "events.csv"
    csv.write_text("a,b\n1,2\n", encoding="utf-8")
    empty = root / "empty.duckdb"
    empty.write_bytes(b"")
    foreign = root / "foreign.duckdb"
    con = duckdb.connect(str(foreign))
    con.execute("CREATE TABLE budget (item TEXT, amount INTEGER)")
    con.execute("INSERT INTO budget VALUES ('fuel', 12)")
    con.close()
    fifo = root / "pipe.duckdb"
    os.mkfifo(fifo)
    return {"jsonl": jsonl, "csv": csv, "empty": empty, "foreign": foreign, "fifo": fifo}


@pytest.mark.parametrize("kind", ["jsonl", "csv", "empty", "foreign", "fifo"])
def test_db_that_exists_but_is_not_a_store_is_refused_by_every_command(kind: str, tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    db = _not_stores(tmp_path)[kind]
    before = db.read_bytes() if kind != "fifo" else b""
    article = tmp_path / "a.txt"
    article.write_text(GOOD + "\n", encoding="utf-8")
    for command in (["ingest", str(article)], ["query", "--count"], ["export", str(tmp_path / "o.jsonl")],
                    ["stats"]):
        code = within(60, lambda command=command: main([*command, "--db", str(db)]))  # a FIFO must not block
        _, err = capsys.readouterr()
        assert code == 2, (command, err)
        line = one_line_error(err)
        assert str(db) in line and "not a sitrep store" in line, line
    if kind != "fifo":
        assert db.read_bytes() == before  # untouched
        assert not Path(str(db) + ".wal").exists()
    assert not (tmp_path / "o.jsonl").exists()


def test_db_new_file_and_our_own_store_still_open(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text(GOOD + "\n", encoding="utf-8")
    db = tmp_path / "new" / "events.jsonl.duckdb"
    assert main(["ingest", str(article), "--db", str(db)]) == 0
    assert main(["query", "--count", "--db", str(db)]) == 0
    assert capsys.readouterr().out.strip() == "1"


# -- 5. an output that is one of the inputs is refused; the input is kept ---------------------------


@pytest.mark.parametrize("how", ["same", "symlink", "hardlink", "in-folder"])
def test_an_output_that_is_one_of_the_inputs_is_refused_and_the_input_kept(how: str, tmp_path: Path,
                                                                           capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    source = feed(folder / "x.jsonl", GOOD, GOOD + " Two were hurt.")
    before = source.read_bytes()
    out = {"same": source, "symlink": tmp_path / "link.jsonl", "hardlink": tmp_path / "hard.jsonl",
           "in-folder": source}[how]
    if how == "symlink":
        out.symlink_to(source)
    elif how == "hardlink":
        os.link(source, out)
    given = str(folder) if how == "in-folder" else str(source)
    for command in (["extract", given, "-o", str(out)], ["extract", given, "-o", str(tmp_path / "ok.csv"),
                                                         "-o", str(out)], ["geoparse", given, "-o", str(out)]):
        code, _, err = _run(command, capsys)
        assert code == 2, (command, err)
        line = one_line_error(err)
        assert "is the input" in line or "is one of the inputs" in line, line
        assert source.read_bytes() == before  # both articles still there
    assert not (tmp_path / "ok.csv").exists()


def test_standard_output_redirected_onto_an_input_is_refused(tmp_path: Path) -> None:
    """`sitrep extract x.jsonl >> x.jsonl` would read its own events back; `extract folder/ > folder/out.jsonl`
    too: standard output that is one of the inputs is refused like -o."""
    folder = tmp_path / "in"
    folder.mkdir()
    source = feed(folder / "x.jsonl", GOOD)
    before = source.read_bytes()
    with source.open("ab") as same:
        proc = sitrep("extract", str(source), stdout=same.fileno())
    assert proc.returncode == 2 and "is the input" in one_line_error(proc.stderr.decode())
    assert source.read_bytes() == before
    with (folder / "out.jsonl").open("wb") as inside:
        proc = sitrep("extract", str(folder), stdout=inside.fileno())
    assert proc.returncode == 2 and "is one of the inputs" in one_line_error(proc.stderr.decode())


def test_a_file_name_that_is_not_utf8_is_read_and_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file named with bytes that are not UTF-8 came through as surrogate escapes: the store refused the
    whole ingest (exit 2) and batch failed the partition with its good neighbour."""
    folder = tmp_path / "in"
    folder.mkdir()
    (Path(os.fsdecode(bytes(folder))) / os.fsdecode(b"bad\xffname.txt")).write_text(GOOD + "\n", encoding="utf-8")
    (folder / "good.txt").write_text("Gunmen killed five villagers in Mandera on Tuesday, police said.\n",
                                     encoding="utf-8")
    os.mkfifo(Path(os.fsdecode(bytes(folder))) / os.fsdecode(b"pipe\xfe.txt"))
    code, out, err = _run(["extract", str(folder)], capsys)
    assert code == 1 and len(out.splitlines()) == 2, err
    assert "pipe\ufffd.txt: not a regular file" in err
    code, _, err = _run(["ingest", str(folder), "--db", str(tmp_path / "s.duckdb")], capsys)
    assert code == 1 and "2 articles (2 stored" in err, err
    code, _, err = _run(["batch", str(folder), "--out", str(tmp_path / "out"), "--workers", "1", "--no-progress"],
                        capsys)
    assert code == 1 and "0 failed; 2 articles" in err, err
    problems = (tmp_path / "out" / "problems.jsonl").read_text(encoding="utf-8")
    assert "pipe\ufffd.txt" in problems


def test_an_export_over_the_store_itself_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text(GOOD + "\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert main(["ingest", str(article), "--db", str(db)]) == 0
    (tmp_path / "s-link.jsonl").symlink_to(db)
    for out in (db, tmp_path / "s-link.jsonl"):
        capsys.readouterr()
        assert main(["export", str(out), "--db", str(db)]) == 2
        assert "is the input" in one_line_error(capsys.readouterr().err)
    assert main(["query", "--count", "--db", str(db)]) == 0
    assert capsys.readouterr().out.strip() == "1"


# -- 6. devices and links are written through, regular files replaced whole; a full disk is an error --


@pytest.mark.parametrize("command", ["extract", "export", "query"])
def test_output_to_a_full_device_is_an_error_and_the_device_stays(command: str, full_device: Path, tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text(GOOD + "\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    if command != "extract":
        assert main(["ingest", str(article), "--db", str(db)]) == 0
    args = {"extract": ["extract", str(article), "-o", str(full_device)],
            "export": ["export", str(full_device), "--db", str(db), "--format", "jsonl"],
            "query": ["query", "-o", str(full_device), "--db", str(db)]}[command]
    capsys.readouterr()
    assert main(args) == 2
    line = one_line_error(capsys.readouterr().err)
    assert "No space left on device" in line and str(full_device) in line
    assert stat.S_ISCHR(os.stat(full_device).st_mode)  # still the device, not a regular file in its place
    assert not list(full_device.parent.glob("*.partial"))


def _stored(tmp_path: Path) -> tuple[Path, Path]:
    article = tmp_path / "a.txt"
    article.write_text(GOOD + "\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert main(["ingest", str(article), "--db", str(db)]) == 0
    return article, db


@pytest.mark.parametrize("command", ["extract", "export", "query"])
def test_output_through_a_symlink_writes_its_target_and_keeps_the_link(command: str, tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    article, db = _stored(tmp_path)
    target = tmp_path / "data" / "events.csv"
    target.parent.mkdir()
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    args = {"extract": ["extract", str(article), "-o", str(link)],
            "export": ["export", str(link), "--db", str(db)],
            "query": ["query", "-o", str(link), "--db", str(db)]}[command]
    code, _, err = _run(args, capsys)
    assert code == 0, err
    assert link.is_symlink() and os.readlink(link) == str(target)
    text = target.read_text(encoding="utf-8")
    assert text != "old\n" and "Kisumu" in text
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # the replaced file keeps its permissions
    assert sorted(p.name for p in target.parent.iterdir()) == ["events.csv"]  # no temporary left
    assert sorted(p.name for p in tmp_path.glob("*.partial")) == []


@pytest.mark.parametrize("command", ["extract", "export"])
def test_output_to_a_fifo_is_written_through(command: str, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    article, db = _stored(tmp_path)
    fifo = tmp_path / "events.jsonl"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    args = {"extract": ["extract", str(article), "-o", str(fifo)], "export": ["export", str(fifo), "--db", str(db)]}
    code = within(120, lambda: main(args[command]))
    reader.join(30)
    assert code == 0
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert json.loads(got[0].decode().splitlines()[0])["location"] == "Kisumu"


def test_a_failed_run_leaves_the_old_output_whole(tmp_path: Path, full_device: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """The first output fails (a full disk): the run stops with exit 2, and an old file it would have
    written next stays as it was."""
    article = tmp_path / "a.txt"
    article.write_text(GOOD + "\n", encoding="utf-8")
    old = tmp_path / "events.geojson"
    old.write_text('{"old": true}\n', encoding="utf-8")
    code, _, err = _run(["extract", str(article), "-o", str(full_device), "-o", str(old)], capsys)
    assert code == 2, err
    assert old.read_text(encoding="utf-8") == '{"old": true}\n'


# -- 9. smaller ones -----------------------------------------------------------------------------


@pytest.mark.parametrize("mark", ["\u200d", "\u200b", "\u00ad", "\u2060"])
def test_a_zero_width_character_inside_a_place_name_still_places_the_event(mark: str, tmp_path: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    text = f"Police fired tear gas to disperse protesters in Kis{mark}umu on Monday, witnesses said.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    code, out, err = _run(["extract", str(tmp_path / "a.txt"), "--published", "2024-03-14"], capsys)
    assert code == 0, err
    (event,) = [json.loads(line) for line in out.splitlines()]
    assert (event["location"], event["country"]) == ("Kisumu", "Kenya")
    start, end = event["evidence"]["location"]
    assert text[start:end] == f"Kis{mark}umu"  # the span is true to the original text
    start, end = event["evidence"]["event"]
    assert text[start:end].startswith("tear gas")


def test_invalid_utf8_is_read_as_utf8_and_said_in_the_inputs_warnings(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("Protesters marched in Medellín and Bogotá on Monday; police fired tear gas in "
                     "Bogotá, witnesses said.".encode() + b" \xff\xfe.\n")
    code, out, err = _run(["extract", str(path), "--published", "2024-03-14"], capsys)
    assert code == 0, err
    assert f"sitrep: warning: {path}: 2 byte sequences not valid UTF-8" in err
    assert all("Bogotá" in json.loads(line)["notes"] or "Medellín" in json.loads(line)["notes"]
               for line in out.splitlines())  # no mojibake ('BogotĂˇ') in what was read
    assert "Ă" not in out


def test_query_while_an_ingest_writes_says_why_in_one_line_as_the_docs_say(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    article = tmp_path / "a.txt"
    article.write_text(GOOD + "\n", encoding="utf-8")
    assert main(["ingest", str(article), "--db", str(db)]) == 0
    writer = subprocess.Popen([sys.executable, "-c", "import sys, time\nfrom sitrep.store import open_store\n"
                               f"s = open_store({str(db)!r})\nprint('open', flush=True)\ntime.sleep(60)"],
                              stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(SRC)})
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "open"
        proc = sitrep("query", "--count", "--db", str(db), timeout=60)
    finally:
        writer.kill()
        writer.wait()
    assert proc.returncode == 2
    line = one_line_error(proc.stderr.decode())
    assert "being written by another process" in line and "when the ingest has finished" in line
    store_doc = (SAMPLES.parent / "docs" / "store.md").read_text(encoding="utf-8")
    assert "not while a process writes it" in store_doc


@pytest.mark.parametrize(("language", "text"), [
    ("Arabic", "قُتل أربعة مدنيين وأصيب أحد عشر آخرون في قصف مدفعي استهدف حياً سكنياً في مدينة حلب صباح الأربعاء، "
               "بحسب ما أفاد المرصد السوري لحقوق الإنسان. وقال المرصد إن القصف طال أيضاً أطراف المدينة."),
    ("French", "Des affrontements ont éclaté à Gao mercredi entre l'armée malienne et des hommes armés ; selon un élu "
               "local, trois civils ont été tués et plusieurs blessés près du marché central de la ville."),
])
def test_an_article_in_another_language_is_named_not_silently_empty(language: str, text: str, tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    feed(tmp_path / "f.jsonl", text, GOOD)
    code, out, err = _run(["extract", str(tmp_path / "f.jsonl")], capsys)
    assert code == 0, err
    assert f"sitrep: warning: {tmp_path / 'f.jsonl'}:1: the text looks like {language}" in err
    assert "not English" in err and f"{tmp_path / 'f.jsonl'}:2: the text" not in err  # English is not flagged
    assert len(out.splitlines()) == 1


def test_a_million_word_article_is_capped_with_a_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sentences = [line.strip() for name in ("kenya_clash", "nigeria_abduction", "somalia_ied")
                 for line in (SAMPLES / f"{name}.txt").read_text(encoding="utf-8").splitlines() if len(line) > 40]
    words: list[str] = []
    i = 0
    while len(words) < 1_000_000:
        words.extend(sentences[i % len(sentences)].split())
        words.append("\n" if i % 7 == 6 else "")
        i += 1
    path = tmp_path / "book.txt"
    path.write_text(" ".join(words), encoding="utf-8")
    code, out, err = _run(["extract", str(path), "--published", "2024-08-20"], capsys)
    assert code == 0, err
    # the cap, not a clock, is what is checked (speed is measured by benchmarks/, never by a unit test)
    assert "only the first" in err and "caps the work per article" in err
    for line in out.splitlines():
        event = json.loads(line)
        start, end = event["evidence"]["event"]
        assert end <= 200_000
