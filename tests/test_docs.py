"""Docs that cannot drift: the README's commands and worked example, and the CLI reference."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_docs_readme_names_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci


def test_docs_worked_example_and_cli_reference_are_current() -> None:
    """README's worked example is the real output of its command; docs/cli.md is the CLI's own help."""
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "update_docs.py"), "--check"],
                          capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr
