"""Which trained model each setting names: `auto` (the local one the user trained, else the shipped
one), `shipped`, `none`, or a path; the event-type, frame and keep models."""

from __future__ import annotations

from pathlib import Path

from sitrep import classifier, frames, keep
from sitrep.errors import SitrepError
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
    choice = settings.keep_model.strip()
    if choice == "none" or settings.frame_model.strip() == "none":
        return None  # trained on what the frame model proposes: without it, the rules decide
    if choice == "auto":
        local = keep.local_path(settings.data_dir)
        choice = str(local) if local.is_file() else "shipped"
    path = keep.shipped_path() if choice == "shipped" else Path(choice).expanduser()
    if not path.is_file():
        if choice == "shipped":
            return None
        raise SitrepError(f"keep model {choice!r}: no model file at {path}")
    return frames.FrameModel.load(path)


def frame_model(settings: Settings) -> frames.FrameModel | None:
    choice = settings.frame_model.strip()
    if choice == "none":
        return None
    if choice == "auto":
        local = frames.local_path(settings.data_dir)
        choice = str(local) if local.is_file() else "shipped"
    path = frames.shipped_path() if choice == "shipped" else Path(choice).expanduser()
    if not path.is_file():
        if choice == "shipped":
            return None  # no model trained yet: the sentence rules decide
        raise SitrepError(f"frame model {choice!r}: no model file at {path}")
    return frames.FrameModel.load(path)
