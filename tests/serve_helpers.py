"""Helpers of the `sitrep serve` tests: a real store filled by the real pipeline, and the real server
(`sitrep serve`, uvicorn) started on 127.0.0.1 on a free port in a process of its own."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sitrep import ingest
from sitrep.records import Article, Event, InputProblem
from sitrep.settings import Settings
from sitrep.store import open_store, review

ROOT = Path(__file__).resolve().parents[1]
INPUTS = [str(ROOT / "samples"), str(ROOT / "tests" / "fixtures" / "merge")]
STARTUP_SECONDS = 60


def extracted(extractor: Any, settings: Settings) -> list[tuple[Article, list[Event]]]:
    """The samples and the merge fixtures (46 articles telling 30-odd events), extracted once."""
    items = extractor.extract(ingest.iter_articles(INPUTS, settings))
    return [item for item in items if not isinstance(item, InputProblem)]


def fill(where: str, results: list[tuple[Article, list[Event]]], settings: Settings) -> str:
    """Store the extracted articles at `where`; add the user 'amina' and return her API token."""
    with open_store(where, settings) as store:
        for article, events in results:
            store.add(article, events)
        return review.add_user(store, "amina")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def server(where: str, data_dir: Path, env: dict[str, str] | None = None) -> Iterator[str]:
    """`sitrep serve --db WHERE` on 127.0.0.1 and a free port; yields its base URL, stops it on exit."""
    port = free_port()
    environment = {**os.environ, "SITREP_DATA_DIR": str(data_dir), **(env or {})}
    log = (data_dir / f"serve-{port}.log").open("w")
    proc = subprocess.Popen([sys.executable, "-m", "sitrep.cli", "serve", "--db", where, "--port", str(port)],
                            env=environment, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"sitrep serve exited with {proc.returncode}: "
                                   + (data_dir / f"serve-{port}.log").read_text())
            try:
                urllib.request.urlopen(base + "/config", timeout=2).close()
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if time.monotonic() > deadline:
                    raise RuntimeError("sitrep serve did not answer in time") from None
                time.sleep(0.2)
        yield base
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def call(method: str, url: str, body: Any = None, token: str | None = None,
         headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    """One HTTP request; (status, headers, body) whatever the status."""
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def get_json(url: str, token: str | None = None) -> Any:
    status, _, body = call("GET", url, token=token)
    assert status == 200, body
    return json.loads(body)
