"""Take docs/serve.png: the page of `sitrep serve` over the samples and the merge fixtures, an event open.

    .venv/bin/python scripts/serve_screenshot.py [docs/serve.png]

Needs Debian's chromium (/usr/bin/chromium) and playwright (the `test` extra).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from serve_helpers import INPUTS, get_json, server  # noqa: E402
from sitrep.settings import Settings  # noqa: E402
from sitrep.store import ingest  # noqa: E402

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def main() -> None:
    from playwright.sync_api import sync_playwright

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "serve.png"
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "events.duckdb")
        ingest(INPUTS, Settings.load(), db=db)
        with server(db, Path(tmp)) as base, sync_playwright() as p:
            events = get_json(base + "/events?limit=1000")["events"]
            event = max(events, key=lambda e: (e["extra"]["n_reports"], e["fatalities"]))
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 1500, "height": 900})
            page.goto(base + "/")
            page.wait_for_function("document.body.dataset.mapReady === '1'")
            page.click("button[data-view=table]")
            page.click(f"#events-table tbody tr[data-event-id='{event['event_id']}']")
            page.wait_for_selector("#panel-body mark.ev")
            page.locator("#panel-body .article").first.scroll_into_view_if_needed()
            page.click("button[data-view=map]")
            page.wait_for_timeout(800)
            page.screenshot(path=str(out))
            browser.close()
    print(f"wrote {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
