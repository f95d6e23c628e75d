"""Measure the accuracy-gate figures and print them as JSON (to refresh benchmarks/baseline.json).

    python benchmarks/gate.py
"""

from __future__ import annotations

import json
from pathlib import Path

from sitrep.api import get_extractor
from sitrep.evaluate import evaluate_acled, evaluate_geo

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "data" / "dev"
baseline = json.loads((ROOT / "benchmarks" / "baseline.json").read_text(encoding="utf-8"))
extractor = get_extractor()
gate = baseline["acled"]
acled = evaluate_acled(extractor.with_country(gate["country"]), DEV / "acled_kenya.csv", sample=gate["sample"],
                       seed=gate["seed"]).as_dict()
out = {"acled": acled}
for corpus in ("lgl", "geovirus"):
    results = evaluate_geo(extractor, DEV / f"{corpus}.xml", limit=baseline[corpus]["limit"])
    out[corpus] = {r.mode: r.as_dict() for r in results}
print(json.dumps(out, indent=1))
