"""Shared fixtures: the real pipeline (spaCy model and gazetteer), loaded once per test session."""

from __future__ import annotations

import contextlib
import datetime as dt
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitrep.api import get_extractor
from sitrep.extract.pipeline import Extractor
from sitrep.records import Article, Event, content_id
from sitrep.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
DEV = ROOT.parent / "shared" / "data" / "dev"


@contextlib.contextmanager
def loopback_server(handler: type[http.server.BaseHTTPRequestHandler]) -> Iterator[str]:
    """A real HTTP server on 127.0.0.1 (a free port) answering with `handler`; yields its base URL."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings.load()


@pytest.fixture(scope="session")
def extractor(settings: Settings) -> Extractor:
    return get_extractor(settings)


@pytest.fixture(scope="session")
def extract(extractor: Extractor):  # type: ignore[no-untyped-def]
    """extract(text, published='2024-03-14') -> list[Event]"""

    def run(text: str, published: str = "2024-03-14") -> list[Event]:
        article = Article(id=content_id(text), text=text, published=dt.date.fromisoformat(published))
        (item,) = list(extractor.extract([article]))
        assert not isinstance(item, Exception)
        return item[1]  # type: ignore[index]

    return run


def dev_file(name: str) -> Path:
    path = DEV / name
    if not path.is_file():
        pytest.skip(f"development data {path} is absent (it lives in ../shared/data/dev)")
    return path


@pytest.fixture(scope="session")
def nlp(extractor: Extractor):  # type: ignore[no-untyped-def]
    """The loaded spaCy pipeline (the extractor's own)."""
    return extractor.nlp
