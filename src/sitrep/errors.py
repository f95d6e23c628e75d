"""The project's own exception types: each says what went wrong and why."""


class SitrepError(Exception):
    """Base class for every error sitrep raises on purpose."""


class InputError(SitrepError):
    """An input (file, URL, JSONL line) could not be read as an article."""

    def __init__(self, source_name: str, reason: str) -> None:
        super().__init__(f"{source_name}: {reason}")
        self.source_name = source_name
        self.reason = reason


class GazetteerError(SitrepError):
    """The gazetteer could not be built, opened or imported."""


class EvaluationError(SitrepError):
    """An evaluation file could not be read."""
