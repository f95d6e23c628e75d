"""The analysts' page of `sitrep serve` in a real headless browser (Debian's chromium through Playwright),
against the real server on 127.0.0.1 over a real store filled by the real pipeline."""

from __future__ import annotations

import json
import os
import shutil
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from serve_helpers import call, extracted, fill, get_json, server
from sitrep.settings import Settings

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
WAIT_MS = 20_000


def _chromium() -> str:
    if not Path(CHROMIUM).exists() or shutil.which("chromium") is None:
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: .ci/run must install Debian's chromium")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    return CHROMIUM


@pytest.fixture(scope="module")
def site(extractor: Any, settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    tmp = tmp_path_factory.mktemp("page")
    where = str(tmp / "page.duckdb")
    token = fill(where, extracted(extractor, settings), settings)
    with server(where, tmp) as base:
        yield {"base": base, "token": token}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    playwright_api = pytest.importorskip("playwright.sync_api")
    executable = _chromium()
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, site: dict[str, Any]) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    # the page needs nothing from the internet: any request off the server would fail the test
    outside: list[str] = []
    tab.route("**/*", lambda route: (outside.append(route.request.url), route.abort())
              if not route.request.url.startswith(site["base"]) else route.continue_())
    tab.goto(site["base"] + "/")
    _map_ready(tab)
    yield tab
    assert errors == [] and outside == []
    context.close()


def _map_ready(tab: Any) -> None:
    tab.wait_for_function("document.body.dataset.mapReady === '1' && document.body.dataset.busy === '0'",
                          timeout=WAIT_MS)


def _api_events(site: dict[str, Any], **params: Any) -> list[dict[str, Any]]:
    query = urllib.parse.urlencode({"limit": 1000, **params})
    return get_json(f"{site['base']}/events?{query}")["events"]


def _on_map(tab: Any) -> int:
    """Events drawn: the numbers on the cluster icons plus the single markers."""
    clusters = sum(int(x) for x in tab.locator(".sitrep-cluster span").all_inner_texts())
    singles = tab.locator(".leaflet-overlay-pane path.leaflet-interactive").count()
    return clusters + singles


def test_page_map_shows_the_stored_events(page: Any, site: dict[str, Any]) -> None:
    events = [e for e in _api_events(site) if e["latitude"] is not None]
    assert int(page.locator("#map-count").get_attribute("data-count")) == len(events) > 20
    assert _on_map(page) == len(events)
    assert page.locator(".leaflet-overlay-pane canvas, .leaflet-overlay-pane svg").count() >= 1  # world boundaries
    assert page.evaluate("window.sitrep.mapDrawnMs") is not None


def test_page_filter_changes_map_and_table(page: Any, site: dict[str, Any]) -> None:
    kenya = _api_events(site, country="Kenya")
    page.fill("#filters input[name=country]", "Kenya")
    page.click("#apply")
    page.wait_for_function(f"document.querySelector('#map-count').dataset.count === '{len(kenya)}'", timeout=WAIT_MS)
    _map_ready(page)
    assert _on_map(page) == len(kenya)
    page.click("button[data-view=table]")
    rows = page.locator("#events-table tbody tr")
    assert rows.count() == len(kenya)
    assert [r.get_attribute("data-event-id") for r in rows.all()] == [e["event_id"] for e in kenya]
    assert set(page.locator("#events-table tbody tr td:nth-child(6)").all_inner_texts()) == {"Kenya"}
    page.select_option("#filters select[name=event_type]", "Protests")
    page.click("#apply")
    protests = _api_events(site, country="Kenya", event_type="Protests")
    page.wait_for_function(f"document.querySelectorAll('#events-table tbody tr').length === {len(protests)}",
                           timeout=WAIT_MS)
    assert 0 < len(protests) < len(kenya)


def test_page_timeline_brush_filters_the_map(page: Any, site: dict[str, Any]) -> None:
    box = page.locator("#timeline").bounding_box()
    weeks = page.evaluate("window.sitrep.weeks.length")
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.5 / weeks, y)  # the first week ...
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 2.5 / weeks, y, steps=5)  # ... to the third
    page.mouse.up()
    page.wait_for_function("document.querySelector('#filters input[name=from]').value !== ''", timeout=WAIT_MS)
    _map_ready(page)
    start = page.input_value("#filters input[name=from]")
    end = page.input_value("#filters input[name=to]")
    chosen = [e for e in _api_events(site, **{"from": start, "to": end}) if e["latitude"] is not None]
    assert 0 < len(chosen) < len(_api_events(site))
    page.wait_for_function(f"document.querySelector('#map-count').dataset.count === '{len(chosen)}'",
                           timeout=WAIT_MS)
    assert page.locator("#timeline rect.bar.out").count() == weeks - 3


def test_page_event_opens_with_its_evidence_highlighted(page: Any, site: dict[str, Any]) -> None:
    event = max(_api_events(site), key=lambda e: e["extra"]["n_reports"])
    detail = get_json(f"{site['base']}/events/{event['event_id']}")
    page.click("button[data-view=table]")
    page.click(f"#events-table tbody tr[data-event-id='{event['event_id']}']")
    page.wait_for_selector("#panel-body .article mark.ev")
    assert page.locator("#panel-body .article").count() == len(detail["reports"]) >= 2
    for report in detail["reports"]:
        article = page.locator(f"#panel-body .article[data-report='{report['report_id']}']")
        marks = article.locator("mark.ev")
        shown: dict[str, str] = {}
        for i in range(marks.count()):
            for name in marks.nth(i).get_attribute("data-fields").split():
                shown[name] = shown.get(name, "") + marks.nth(i).inner_text()
        # each field's highlighted text is its evidence span (pieces of overlapping spans joined)
        for span in report["evidence"]:
            assert " ".join(shown[span["field"]].split()) == " ".join(span["text"].split())
    assert page.locator("#panel-body table.fields tr[data-field=location] td").inner_text() == event["location"]


def _open_first_event(page: Any) -> str:
    page.click("button[data-view=table]")
    row = page.locator("#events-table tbody tr").first
    event_id = row.get_attribute("data-event-id")
    row.click()
    page.wait_for_selector("#correct-form")
    return str(event_id)


def test_page_write_without_a_token_is_refused(page: Any, site: dict[str, Any]) -> None:
    event_id = _open_first_event(page)
    page.fill("#correct-form input[name=value]", "99")
    page.fill("#correct-form input[name=reason]", "no sign-in")
    page.click("#correct-form button")
    page.wait_for_function("document.querySelector('#review-error').textContent !== ''", timeout=WAIT_MS)
    assert "API token" in page.inner_text("#review-error")
    assert get_json(f"{site['base']}/events/{event_id}")["audit"] == []
    page.fill("#token", "sitrep_wrong")
    page.click("#signin-button")
    page.wait_for_function("document.querySelector('#status').textContent.includes('not known')", timeout=WAIT_MS)


def test_page_correction_shows_in_the_api_and_exports(page: Any, site: dict[str, Any]) -> None:
    page.fill("#token", site["token"])
    page.click("#signin-button")
    page.wait_for_function("document.querySelector('#who').textContent.includes('amina')", timeout=WAIT_MS)
    event_id = _open_first_event(page)
    before = get_json(f"{site['base']}/events/{event_id}")["event"]
    page.select_option("#correct-form select[name=field]", "fatalities")
    page.fill("#correct-form input[name=value]", str(before["fatalities"] + 12))
    page.fill("#correct-form input[name=reason]", "the hospital's count")
    page.click("#correct-form button")
    page.wait_for_selector("#panel-body tr.corrected[data-field=fatalities]", timeout=WAIT_MS)
    assert "amina" in page.inner_text("#panel-body .audit") and "the hospital's count" in page.inner_text(
        "#panel-body .audit")
    after = get_json(f"{site['base']}/events/{event_id}")
    assert after["event"]["fatalities"] == before["fatalities"] + 12
    assert after["audit"][0]["user"] == "amina" and after["audit"][0]["reason"] == "the hospital's count"
    status, _, body = call("GET", f"{site['base']}/events?format=csv&limit=1000")
    rows = [line for line in body.decode().splitlines() if line.startswith(event_id)]
    assert status == 200 and len(rows) == 1 and f",{before['fatalities'] + 12}," in rows[0]
    geojson = json.loads(call("GET", f"{site['base']}/events?format=geojson&limit=1000")[2])
    feature = next(f for f in geojson["features"] if f["id"] == event_id)
    assert feature["properties"]["fatalities"] == before["fatalities"] + 12
    assert feature["properties"]["extra"]["review"] == "corrected"
    # the table shows it too, once the page has refreshed
    page.wait_for_selector(f"#events-table tbody tr[data-event-id='{event_id}'] .badge", timeout=WAIT_MS)


def test_page_not_an_event_leaves_the_map_and_comes_back(page: Any, site: dict[str, Any]) -> None:
    page.fill("#token", site["token"])
    page.click("#signin-button")
    page.wait_for_function("document.querySelector('#who').textContent.includes('amina')", timeout=WAIT_MS)
    before = int(page.locator("#map-count").get_attribute("data-count"))
    page.click("button[data-view=table]")
    row = page.locator("#events-table tbody tr").last
    event_id = row.get_attribute("data-event-id")
    row.click()
    page.wait_for_selector("#reject-form")
    page.fill("#reject-form input[name=reason]", "a warning of a protest, not one")
    page.click("#reject-form button")
    page.wait_for_selector("#review-state.not_event", timeout=WAIT_MS)
    page.wait_for_function(f"document.querySelector('#map-count').dataset.count === '{before - 1}'", timeout=WAIT_MS)
    assert event_id not in [e["event_id"] for e in _api_events(site)]
    page.fill("#reject-form input[name=reason]", "it did happen after all")
    page.click("#reject-form button")
    page.wait_for_function("!document.querySelector('#review-state')", timeout=WAIT_MS)
    page.wait_for_function(f"document.querySelector('#map-count').dataset.count === '{before}'", timeout=WAIT_MS)
    audit = get_json(f"{site['base']}/events/{event_id}")["audit"]
    assert [(c["action"], c["user"]) for c in audit] == [("not_event", "amina"), ("restore", "amina")]
