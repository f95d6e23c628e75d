"""sitrep: news articles in, ACLED-style conflict event records out."""

__version__ = "0.1.0"
