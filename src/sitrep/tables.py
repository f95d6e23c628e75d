"""The project's own data tables (`src/sitrep/data/*.tsv`): one row a line, columns split by tabs,
blank lines and lines opening with '#' left out."""

from __future__ import annotations

import importlib.resources


def rows(name: str) -> list[list[str]]:
    """The rows of `data/<name>`, each a list of its tab-separated columns."""
    text = importlib.resources.files("sitrep").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
