"""sitrep.ingest: every input becomes Articles or a named InputProblem, never an exception."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gzip
import io
import ipaddress
import json
import os
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from sitrep import fetching, ingest
from sitrep.ingest import iter_articles
from sitrep.records import Article, InputProblem, content_id
from sitrep.settings import Settings

from conftest import loopback_server

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"

ARABIC = (
    "قُتل أربعة مدنيين وأصيب أحد عشر آخرون في قصف مدفعي استهدف حياً سكنياً في مدينة حلب "
    "صباح الأربعاء، بحسب ما أفاد المرصد السوري لحقوق الإنسان."
)
FRENCH = (
    "Des affrontements ont éclaté à Gao mercredi entre l'armée malienne et des hommes armés ; "
    "selon un élu local, trois civils ont été tués et « plusieurs » blessés près du marché."
)
ARTICLE_PAGE = (FIXTURES / "page.html").read_bytes()


Result = Article | InputProblem
FALLBACK = dt.date(1999, 9, 9)
JAN_2 = dt.date(2024, 1, 2)


def run(inputs: list[str], settings: Settings | None = None, **kwargs: object) -> list[Result]:
    return list(iter_articles(inputs, settings or Settings(), **kwargs))  # type: ignore[arg-type]


def only_article(results: list[Result]) -> Article:
    assert len(results) == 1, results
    assert isinstance(results[0], Article), results[0]
    return results[0]


def only_problem(results: list[Result]) -> InputProblem:
    assert len(results) == 1, results
    assert isinstance(results[0], InputProblem), results[0]
    return results[0]


# -- plain text ---------------------------------------------------------------------------------


def test_ingest_txt_header_gives_title_date_outlet() -> None:
    path = FIXTURES / "with_header.txt"
    article = only_article(run([str(path)], published=dt.date(2000, 1, 1)))
    assert article.title == "Protesters block main road in Nairobi over fuel prices"
    assert article.published == dt.date(2024, 7, 2)  # the file's own date beats the fallback
    assert article.outlet == "Daily Meridian"
    assert article.text.startswith("Protesters block main road in Nairobi over fuel prices\n\nHundreds")
    assert "Published:" not in article.text and "Outlet:" not in article.text
    assert article.id == content_id(article.text)
    assert article.source_name == str(path)


@pytest.mark.parametrize(
    ("content", "title", "published", "outlet", "text"),
    [
        (
            "Headline\nPublished: 2024-01-02\n\nBody.",
            "Headline",
            dt.date(2024, 1, 2),
            None,
            "Headline\n\nBody.",
        ),
        ("Headline\nOutlet: Wire\nBody.", "Headline", FALLBACK, "Wire", "Headline\n\nBody."),
        ("Published: 2024-01-02T10:00:00Z\n\nBody.", None, JAN_2, None, "Body."),
        ("Just a body.\nSecond line.", None, FALLBACK, None, "Just a body.\nSecond line."),
        ("\r\n  Windows line ends.\r\nSecond.\r\n", None, FALLBACK, None, "Windows line ends.\nSecond."),
    ],
)
def test_ingest_txt_header_variants(
    tmp_path: Path, content: str, title: str | None, published: dt.date, outlet: str | None, text: str
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(content, encoding="utf-8", newline="")
    article = only_article(run([str(path)], published=FALLBACK))
    got = (article.title, article.published, article.outlet, article.text)
    assert got == (title, published, outlet, text)


def test_ingest_txt_bad_header_date_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Headline\nPublished: last Tuesday\n\nBody.", encoding="utf-8")
    problem = only_problem(run([str(path)]))
    assert problem.source_name == str(path)
    assert "Published:" in problem.reason and "'last Tuesday'" in problem.reason


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (ARABIC, "cp1256"),
        (FRENCH, "latin-1"),
        (FRENCH, "utf-8"),
        (ARABIC, "utf-8-sig"),
        (ARABIC, "utf-16"),
    ],
)
def test_ingest_txt_encodings_decode_without_mojibake(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode(encoding))
    assert only_article(run([str(path)])).text == text


# -- HTML -----------------------------------------------------------------------------------------


def test_ingest_html_strips_boilerplate_and_reads_metadata() -> None:
    article = only_article(run([str(FIXTURES / "page.html")]))
    assert "Artillery shells struck a residential district" in article.text
    assert "Russian officials did not comment on the attack." in article.text
    for boilerplate in ("Skip to main content", "cookies", "Subscribe", "Most read", "Privacy policy", "©"):
        assert boilerplate not in article.text
    assert article.title == "Shelling kills four in Kharkiv suburb"
    assert article.published == dt.date(2024, 3, 6)
    assert article.outlet == "Northern Ledger"
    assert article.language == "en"


def test_ingest_html_respects_meta_charset(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="windows-1252"><title>Gao</title></head><body><article>'
        f"<p>{FRENCH}</p><p>{FRENCH}</p></article></body></html>"
    )
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode("cp1252"))
    assert FRENCH in only_article(run([str(path)])).text


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><nav><a href='/'>Home</a></nav><footer></footer></body></html>",
        "<html><head><title>Nothing here</title></head><body></body></html>",
    ],
)
def test_ingest_html_without_text_is_reported(tmp_path: Path, page: str) -> None:
    path = tmp_path / "empty.html"
    path.write_text(page, encoding="utf-8")
    assert "no article text" in only_problem(run([str(path)])).reason


# -- JSONL ----------------------------------------------------------------------------------------


def test_ingest_jsonl_broken_line_reported_others_kept() -> None:
    path = FIXTURES / "batch.jsonl"
    results = run([str(path)], published=dt.date(2024, 5, 20))
    articles = [r for r in results if isinstance(r, Article)]
    problems = [r for r in results if isinstance(r, InputProblem)]
    assert [a.id for a in articles] == ["a1", "a2", "a4"]
    assert [a.source_name for a in articles] == [f"{path}:1", f"{path}:2", f"{path}:5"]
    assert articles[0].toponyms == [(19, 22)] and articles[0].outlet == "Sahel Wire"
    assert articles[1].published == dt.date(2024, 5, 14) and articles[1].url == "https://example.org/a2"
    assert articles[2].published == dt.date(2024, 5, 20)  # html line: no date of its own
    assert "Authorities declared a curfew in Kirkuk" in articles[2].text
    assert "Home | World" not in articles[2].text and articles[2].language == "en"
    assert len(problems) == 1
    assert problems[0].source_name == f"{path}:3" and "invalid JSON" in problems[0].reason


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"id": "x"}', "no 'text' or 'html'"),
        ('["not", "an", "object"]', "expected a JSON object, got a list"),
        ('{"text": 42}', "'text' must be a string, got a number"),
        ('{"text": "Body.", "id": 7}', "'id' must be a string"),
        ('{"text": "   "}', "'text' is empty"),
        ('{"text": "Body.", "published": "06/03/2024"}', "not a YYYY-MM-DD date"),
        ('{"text": "Body.", "toponyms": [[0, 99]]}', "is not a span of the 5-character text"),
        ('{"text": "Body.", "toponyms": [[0, "4"]]}', "must be [start, end] integers"),
        ('{"text": "Body.", "toponyms": {"0": 4}}', "must be a list of [start, end]"),
    ],
)
def test_ingest_jsonl_bad_line_reasons(tmp_path: Path, line: str, reason: str) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text('{"text": "Good one."}\n' + line + "\n", encoding="utf-8")
    results = run([str(path)])
    assert isinstance(results[0], Article) and results[0].text == "Good one."
    assert results[0].id == content_id("Good one.")
    problem = results[1]
    assert isinstance(problem, InputProblem) and problem.source_name == f"{path}:2"
    assert reason in problem.reason


def test_ingest_jsonl_line_over_limit_and_invalid_utf8(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    long_line = json.dumps({"text": "x" * 500})
    path.write_bytes(b'{"text": "a"}\n' + long_line.encode() + b'\n\xff\xfe{"text"}\n{"text": "b"}\n')
    results = run([str(path)], Settings(max_input_bytes=100))
    assert [type(r).__name__ for r in results] == ["Article", "InputProblem", "InputProblem", "Article"]
    assert "over the 100-byte limit" in results[1].reason  # type: ignore[union-attr]
    assert "not UTF-8" in results[2].reason  # type: ignore[union-attr]
    assert results[3].source_name == f"{path}:4"


def test_ingest_jsonl_gz(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write('{"id": "g1", "text": "One."}\n{"id": "g2", "text": "Two."}\n')
    assert [r.id for r in run([str(path)]) if isinstance(r, Article)] == ["g1", "g2"]


def test_ingest_jsonl_gz_damaged_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00garbage")
    problem = only_problem(run([str(path)]))
    assert problem.source_name == str(path)


# -- folders and files that are not articles --------------------------------------------------------


def test_ingest_directory_recursion_sorted_and_unknown_skipped(tmp_path: Path) -> None:
    (tmp_path / "b" / "deeper").mkdir(parents=True)
    (tmp_path / "a.txt").write_text("First article.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article type", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("editor leftovers", encoding="utf-8")
    (tmp_path / "b" / "c.htm").write_bytes(ARTICLE_PAGE)
    (tmp_path / "b" / "deeper" / "d.jsonl").write_text('{"id": "d", "text": "Deep one."}\n', encoding="utf-8")
    (tmp_path / "b" / "deeper" / "e.TXT").write_text("Upper-case suffix.", encoding="utf-8")
    results = run([str(tmp_path)])
    assert all(isinstance(r, Article) for r in results), results
    assert [Path(r.source_name).relative_to(tmp_path).as_posix() for r in results] == [
        "a.txt",
        "b/c.htm",
        "b/deeper/d.jsonl:1",
        "b/deeper/e.TXT",
    ]


def test_ingest_directory_without_articles_is_reported(tmp_path: Path) -> None:
    (tmp_path / "readme.md").write_text("nothing", encoding="utf-8")
    assert "no article files" in only_problem(run([str(tmp_path)])).reason


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("nul.txt", b"Some text\x00\x01\x02 more", "binary file (contains NUL bytes), not an article"),
        ("pic.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(1, 200)), "binary file (PNG image), not an article"),
        ("doc.html", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary file (PDF document), not an article"),
        ("empty.txt", b"", "empty file (no text)"),
        ("blank.txt", b"  \n\t\r\n ", "empty file (whitespace only)"),
        ("bom-only.txt", b"\xef\xbb\xbf\n", "empty file (whitespace only)"),
        ("empty.html", b"", "empty file (no text)"),
        ("report.pdf", b"%PDF-1.7", "unknown file type '.pdf'"),
    ],
)
def test_ingest_not_an_article_is_reported(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    problem = only_problem(run([str(path)]))
    assert problem.source_name == str(path)
    assert reason in problem.reason


def test_ingest_huge_html_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    with path.open("wb") as fh:  # sparse: 50 MB on paper, nothing on disk
        fh.truncate(50 * 1024 * 1024)
    started = time.monotonic()
    problem = only_problem(run([str(path)]))
    assert time.monotonic() - started < 1.0
    assert problem.reason == "file is 52,428,800 bytes, over the 20,000,000-byte limit (max_input_bytes)"


def test_ingest_missing_file_does_not_stop_the_batch(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Still here.", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    results = run([str(missing), str(good)])
    assert results[0] == InputProblem(str(missing), "no such file or directory")
    assert isinstance(results[1], Article) and results[1].text == "Still here."


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_ingest_unreadable_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("No entry.", encoding="utf-8")
    path.chmod(0)
    assert only_problem(run([str(path)])).reason == "permission denied"


# -- standard input -------------------------------------------------------------------------------


@pytest.mark.parametrize("inputs", [[], ["-"]])
@pytest.mark.parametrize(
    ("data", "expected_text", "source"),
    [
        (FRENCH.encode("utf-8"), FRENCH, "stdin"),
        (ARABIC.encode("cp1256"), ARABIC, "stdin"),
        (b'\n{"id": "s1", "text": "From a pipe."}\n', "From a pipe.", "stdin:2"),
        (ARTICLE_PAGE, "Artillery shells struck", "stdin"),
    ],
)
def test_ingest_stdin(inputs: list[str], data: bytes, expected_text: str, source: str) -> None:
    article = only_article(run(inputs, stdin=io.BytesIO(data), published=dt.date(2024, 3, 7)))
    assert expected_text in article.text
    assert article.source_name == source
    assert article.published is not None


def test_ingest_stdin_empty_is_reported() -> None:
    assert only_problem(run(["-"], stdin=io.BytesIO(b""))) == InputProblem("stdin", "empty input (no text)")


# -- URLs ----------------------------------------------------------------------------------------------

PLAIN_ARABIC = ARABIC.encode("cp1256")
BIG_BODY = b"<html><body><p>" + b"x" * 5000 + b"</p></body></html>"


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        port = self.headers["Host"].rsplit(":", 1)[-1]
        routes: dict[str, tuple[int, dict[str, str], bytes]] = {
            "/article.html": (200, {"Content-Type": "text/html; charset=utf-8"}, ARTICLE_PAGE),
            "/plain.txt": (200, {"Content-Type": "text/plain; charset=windows-1256"}, PLAIN_ARABIC),
            "/image.png": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n"),
            "/big-declared": (200, {"Content-Type": "text/html"}, BIG_BODY),
            "/big-streamed": (200, {"Content-Type": "text/html", "Content-Length": ""}, BIG_BODY),
            "/redirect": (302, {"Location": "/article.html"}, b""),
            "/redirect-elsewhere": (302, {"Location": f"http://127.0.0.2:{port}/article.html"}, b""),
            "/redirect-file": (302, {"Location": "file:///etc/passwd"}, b""),
            "/loop": (302, {"Location": "/loop"}, b""),
        }
        status, headers, body = routes.get(self.path, (404, {"Content-Type": "text/plain"}, b"not found"))
        self.send_response(status)
        for key, value in headers.items():
            if value:
                self.send_header(key, value)
        if "Content-Length" not in headers:  # an empty value: stream without announcing a size
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (signature of the base)
        return


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with loopback_server(_Handler) as url:
        yield url


LOCAL = Settings(allow_private=True, fetch_timeout=5.0)


@pytest.mark.parametrize("path", ["/article.html", "/redirect"])
def test_ingest_url_fetched_when_private_allowed(server: str, path: str) -> None:
    article = only_article(run([server + path], LOCAL))
    assert article.url == server + "/article.html"
    assert article.source_name == server + path
    assert article.title == "Shelling kills four in Kharkiv suburb"
    assert article.outlet == "Northern Ledger" and article.published == dt.date(2024, 3, 6)
    assert "Skip to main content" not in article.text and "Artillery shells struck" in article.text


def test_ingest_url_plain_text_uses_declared_charset(server: str) -> None:
    assert only_article(run([server + "/plain.txt"], LOCAL)).text == ARABIC


def test_ingest_url_loopback_refused_by_default(server: str) -> None:
    problem = only_problem(run([server + "/article.html"], Settings(fetch_timeout=5.0)))
    assert problem.source_name == server + "/article.html"
    assert "refused: 127.0.0.1 resolves to 127.0.0.1, a loopback address" in problem.reason
    assert "allow_private" in problem.reason


def test_ingest_url_redirect_hop_is_rechecked(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    real = fetching.address_refusal

    def only_first_hop_allowed(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
        return None if str(address) == "127.0.0.1" else real(address)

    monkeypatch.setattr(fetching, "address_refusal", only_first_hop_allowed)
    problem = only_problem(run([server + "/redirect-elsewhere"], Settings(fetch_timeout=5.0)))
    assert "127.0.0.2, a loopback address" in problem.reason


def test_ingest_url_connected_address_is_rechecked(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """DNS rebinding: the name looked public when checked, the connection went to loopback."""
    monkeypatch.setattr(fetching, "_resolve", lambda *_: [ipaddress.ip_address("93.184.215.14")])
    problem = only_problem(run([server + "/article.html"], Settings(fetch_timeout=5.0)))
    assert "127.0.0.1 connected to 127.0.0.1, a loopback address" in problem.reason


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/missing", "HTTP 404 Not Found"),
        ("/big-declared", f"response is {len(BIG_BODY):,} bytes, over the 1,000-byte limit"),
        ("/big-streamed", "response is over the 1,000-byte limit (max_input_bytes)"),
        ("/image.png", "unsupported content type 'image/png'"),
        ("/redirect-file", "only http and https URLs are fetched"),
        ("/loop", "more than 5 redirects"),
    ],
)
def test_ingest_url_problems(server: str, path: str, reason: str) -> None:
    settings = dataclasses.replace(LOCAL, max_input_bytes=1000)
    problem = only_problem(run([server + path], settings))
    assert problem.source_name == server + path
    assert reason in problem.reason


def test_ingest_url_connection_refused_is_reported() -> None:
    problem = only_problem(run(["http://127.0.0.1:9/"], LOCAL))
    assert problem.reason.startswith("fetch failed")


@pytest.mark.parametrize(
    ("address", "refused"),
    [
        ("127.0.0.1", True),
        ("10.1.2.3", True),
        ("192.168.0.1", True),
        ("169.254.169.254", True),
        ("0.0.0.0", True),
        ("224.0.0.1", True),
        ("100.64.0.1", True),
        ("::1", True),
        ("fe80::1", True),
        ("::ffff:127.0.0.1", True),
        ("93.184.215.14", False),
        ("2606:4700:4700::1111", False),
    ],
)
def test_ingest_address_refusal(address: str, refused: bool) -> None:
    assert (ingest.address_refusal(ipaddress.ip_address(address)) is not None) is refused


# -- robustness ------------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".txt", ".html", ".jsonl"])
def test_ingest_arbitrary_bytes_never_raise(tmp_path_factory: pytest.TempPathFactory, suffix: str) -> None:
    path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"

    @hypothesis_settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.binary(max_size=2000))
    def check(data: bytes) -> None:
        path.write_bytes(data)
        results = run([str(path)])
        assert results and all(isinstance(r, Article | InputProblem) for r in results)
        for result in results:
            if isinstance(result, Article):
                assert result.text.strip()

    check()
