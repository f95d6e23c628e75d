"""What a reader notices about an article it reads anyway: too long, or not in English.

`screen(article)` runs on every article `sitrep.ingest` reads (so in `extract`, `ingest`,
`geoparse` and inside `batch`'s workers) and says what it noticed in `Article.warnings`:

* **The work per article is capped.** A text longer than `MAX_ARTICLE_CHARS` characters
  (about 30,000 words: a book, not an article) is cut at the last paragraph or sentence
  end before the cap, and only that part is read. Every stage (the parse, the date and
  trigger scans) then works on at most that much, so one 1,000,000-word "article" takes
  seconds, not minutes. Spans stay true: the kept text is a prefix of the original.
* **Languages other than English are named.** sitrep's parser, triggers and gazetteer
  matching are English; an Arabic or French article gives no events. The language is
  detected with py3langid (a small, maintained fork of langid.py: a naive Bayes model over
  byte n-grams, 97 languages, ~0.1 ms a piece) on the first `LANGUAGE_SAMPLE_CHARS`
  characters, read in pieces of `LANGUAGE_CHUNK_CHARS`; a language is reported only when
  more than half of the pieces are confidently (`LANGUAGE_CONFIDENCE`) in it and the text
  has at least `LANGUAGE_MIN_WORDS` words, so a short English note full of place names, or
  an English report quoting a paragraph in Russian, is not flagged. The article is still
  processed.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import Any

from sitrep.records import Article

# Characters of an article's text that are read; the rest is cut (see the module docstring).
MAX_ARTICLE_CHARS = 200_000
# How far back from the cap a paragraph or sentence end is looked for.
CUT_SEARCH_CHARS = 20_000
LANGUAGE_SAMPLE_CHARS = 8_000
LANGUAGE_CHUNK_CHARS = 1_000
LANGUAGE_MIN_WORDS = 20
LANGUAGE_CONFIDENCE = 0.9
SUPPORTED_LANGUAGES = frozenset({"en"})
LANGUAGE_NAMES = {
    "ar": "Arabic", "fr": "French", "es": "Spanish", "pt": "Portuguese", "ru": "Russian", "uk": "Ukrainian",
    "de": "German", "it": "Italian", "tr": "Turkish", "fa": "Persian", "ur": "Urdu", "hi": "Hindi",
    "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "sw": "Swahili", "so": "Somali", "am": "Amharic",
    "ha": "Hausa", "id": "Indonesian", "ms": "Malay", "nl": "Dutch", "pl": "Polish", "he": "Hebrew",
    "ku": "Kurdish", "ps": "Pashto", "bn": "Bengali", "my": "Burmese", "th": "Thai", "vi": "Vietnamese",
}
_WORD = re.compile(r"\w{2,}")
_LANGUAGE_WARNING = "the text looks like"


def screen(article: Article) -> Article:
    """Cap the article's text and name its language when it is not one sitrep reads (in `warnings`)."""
    cap(article)
    language = detect_language(article.text)
    if language is not None and language not in SUPPORTED_LANGUAGES \
            and not any(w.startswith(_LANGUAGE_WARNING) for w in article.warnings):
        name = LANGUAGE_NAMES.get(language, f"language '{language}'")
        article.warnings.append(f"{_LANGUAGE_WARNING} {name} ({language}), not English: sitrep reads English "
                                "only so far, so events in it are likely missed")
    return article


def cap(article: Article) -> Article:
    """Cut a text over `MAX_ARTICLE_CHARS` at the last paragraph or sentence end before the cap."""
    text = article.text
    if len(text) <= MAX_ARTICLE_CHARS:
        return article
    floor = MAX_ARTICLE_CHARS - CUT_SEARCH_CHARS
    cut = text.rfind("\n", floor, MAX_ARTICLE_CHARS)
    if cut < 0:
        cut = text.rfind(". ", floor, MAX_ARTICLE_CHARS - 1)
        cut = cut + 1 if cut >= 0 else MAX_ARTICLE_CHARS
    words = sum(1 for _ in _WORD.finditer(text))
    article.text = text[:cut].rstrip()
    article.warnings.append(f"text is {len(text):,} characters (about {words:,} words): only the first "
                            f"{len(article.text):,} are read (sitrep caps the work per article at "
                            f"{MAX_ARTICLE_CHARS:,} characters)")
    return article


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the language most of the text is in, when py3langid is sure of it, else None.

    The text's start is read in pieces of `LANGUAGE_CHUNK_CHARS`: an English report that quotes a
    paragraph in Russian is English, so the answer is the language of more than half of the pieces.
    """
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    if sum(1 for _ in _WORD.finditer(sample)) < LANGUAGE_MIN_WORDS:
        return None
    votes: Counter[str] = Counter()
    pieces = 0
    for start in range(0, len(sample), LANGUAGE_CHUNK_CHARS):
        piece = sample[start:start + LANGUAGE_CHUNK_CHARS]
        if sum(1 for _ in _WORD.finditer(piece)) < LANGUAGE_MIN_WORDS // 2 and pieces:
            continue  # a short last piece says little
        pieces += 1
        code, confidence = _identifier().classify(piece)
        if float(confidence) >= LANGUAGE_CONFIDENCE:
            votes[str(code)] += 1
    if not votes:
        return None
    code, count = votes.most_common(1)[0]
    return code if count * 2 > pieces else None


@functools.cache
def _identifier() -> Any:
    """py3langid's model with probabilities normalised to 0..1, loaded once per process (~0.5 s)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped]

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
