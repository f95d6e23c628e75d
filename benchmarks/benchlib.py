"""Helpers the benchmark scripts share (imported as a sibling module: the scripts run as
`python benchmarks/NAME.py`, so this folder is on their path)."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parents[1]


def busy_seconds() -> float:
    """CPU seconds the whole machine has spent busy: with our own, tells how loaded it was by others."""
    t = psutil.cpu_times()
    return float(t.user + t.nice + t.system + getattr(t, "irq", 0) + getattr(t, "softirq", 0))


def commit() -> str:
    """The repository's short HEAD commit, or 'unknown'."""
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def round3(v: Any) -> Any:
    """A float to 3 decimals for a log line; anything else as it is."""
    return round(v, 3) if isinstance(v, float) else v
