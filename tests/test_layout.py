"""The package's layout: modules that import each other, directly or through a function body,
make a stage impossible to read or load alone (issue 13 named two such circles)."""

from __future__ import annotations

import ast
import functools
from collections import defaultdict

import pytest

from conftest import ROOT

SRC = ROOT / "src"


@functools.cache
def _imports() -> dict[str, set[str]]:
    modules = {".".join(p.relative_to(SRC).with_suffix("").parts).removesuffix(".__init__"): p
               for p in SRC.rglob("*.py")}
    graph: dict[str, set[str]] = defaultdict(set)
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                targets = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                continue
            graph[name].update(t for t in targets if t in modules and t != name)
    return graph


@pytest.mark.parametrize("first, second", [
    ("sitrep.api", "sitrep.parallel"),
    ("sitrep.places.gazetteer", "sitrep.places.geonames_import"),
    ("sitrep.places.gazetteer", "sitrep.places.index"),
    ("sitrep.extract.pipeline", "sitrep.api"),
])
def test_layout_no_two_modules_import_each_other(first: str, second: str) -> None:
    graph = _imports()
    assert not (second in graph[first] and first in graph[second]), f"{first} and {second} import each other"


def test_layout_the_gazetteer_build_needs_no_reader() -> None:
    graph = _imports()
    assert "sitrep.places.gazetteer" not in graph["sitrep.places.index"]
    assert "sitrep.places.gazetteer" not in graph["sitrep.places.geonames_import"]


def test_layout_every_data_file_is_in_the_package() -> None:
    """An editable install reads files the wheel would leave out: every file beside the code must
    match a package-data pattern of pyproject.toml."""
    import fnmatch
    import tomllib

    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"]["sitrep"]
    package = SRC / "sitrep"
    missing = []
    for path in package.rglob("*"):
        if not path.is_file() or path.suffix in (".py", ".pyc") or "__pycache__" in path.parts:
            continue
        relative = path.relative_to(package).as_posix()
        if not any(fnmatch.fnmatchcase(relative, p) and relative.count("/") == p.count("/") for p in patterns):
            missing.append(relative)
    assert not missing, f"not in the package's data: {missing[:10]}"
