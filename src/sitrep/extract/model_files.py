"""Which trained model each setting names: `auto` (the local one the user trained, else the shipped
one), `shipped`, `none`, or a path; the event-type, frame, keep, report and date models, and the toll model (a path
only)."""

from __future__ import annotations

from pathlib import Path

from sitrep.errors import SitrepError
from sitrep.extract import classifier, eventdates, frames, keep, reports
from sitrep.settings import Settings


def type_model(settings: Settings) -> classifier.TypeModel | None:
    choice = settings.event_model.strip()
    if choice == "none":
        return None
    if choice == "auto":
        return classifier.load_model(settings.data_dir)
    path = classifier.shipped_path() if choice == "shipped" else Path(choice).expanduser()
    if not path.is_file():
        raise SitrepError(f"event model {choice!r}: no model file at {path}")
    return classifier.TypeModel.load(path)


def keep_model(settings: Settings) -> frames.FrameModel | None:
    if settings.frame_model.strip() == "none":
        return None  # trained on what the frame model proposes: without it, the rules decide
    return _linear_model(settings.keep_model, keep.local_path(settings.data_dir), keep.shipped_path(), "keep")


def report_model(settings: Settings) -> frames.FrameModel | None:
    if settings.frame_model.strip() == "none" or settings.keep_model.strip() == "none":
        return None  # trained on the keep model's scores of the frame model's proposals
    return _linear_model(settings.report_model, reports.local_path(settings.data_dir), reports.shipped_path(),
                         "report")


def toll_model(settings: Settings) -> frames.FrameModel | None:
    """The toll model a path names, or None when the rules decide (`rules`, `sentence`)."""
    choice = settings.toll_model.strip()
    if choice in ("rules", "sentence"):
        return None
    path = Path(choice).expanduser()
    if not path.is_file():
        raise SitrepError(f"toll model {choice!r}: no model file at {path} (use rules, sentence or a path)")
    return frames.FrameModel.load(path, "toll")


def frame_model(settings: Settings) -> frames.FrameModel | None:
    return _linear_model(settings.frame_model, frames.local_path(settings.data_dir), frames.shipped_path(), "frame")


def date_model(settings: Settings) -> frames.FrameModel | None:
    return _linear_model(settings.date_model, eventdates.local_path(settings.data_dir), eventdates.shipped_path(),
                         "date")


def _linear_model(setting: str, local: Path, shipped: Path, what: str) -> frames.FrameModel | None:
    """A named-feature linear model (`frames.FrameModel`): none, auto (the local one when there is one),
    shipped (None when no model was trained yet: the rules decide), or a path."""
    choice = setting.strip()
    if choice == "none":
        return None
    if choice == "auto":
        choice = str(local) if local.is_file() else "shipped"
    path = shipped if choice == "shipped" else Path(choice).expanduser()
    if not path.is_file():
        if choice == "shipped":
            return None
        raise SitrepError(f"{what} model {choice!r}: no model file at {path}")
    return frames.FrameModel.load(path, what)
