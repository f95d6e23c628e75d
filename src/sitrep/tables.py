"""The project's own data: tables (`src/sitrep/data/*.tsv`: one row a line, columns split by tabs,
blank lines and lines opening with '#' left out) and language data (`*.toml`: word lists and
patterns, one concept a file)."""

from __future__ import annotations

import importlib.resources
import tomllib
from typing import Any


def rows(name: str) -> list[list[str]]:
    """The rows of `data/<name>`, each a list of its tab-separated columns."""
    text = importlib.resources.files("sitrep").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def language_data(name: str) -> dict[str, Any]:
    """`data/<name>`, a TOML file of word lists and patterns."""
    text = importlib.resources.files("sitrep").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return tomllib.loads(text)


def pattern(text: str, **fragments: str) -> str:
    """A pattern written over several lines: the lines joined, their leading spaces removed, and
    `{name}` replaced by the fragment of that name."""
    joined = "".join(line.lstrip() for line in text.splitlines())
    for name, fragment in fragments.items():
        joined = joined.replace("{" + name + "}", fragment)
    return joined
