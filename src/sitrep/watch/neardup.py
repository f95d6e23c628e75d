"""Near-duplicate texts: one wire story syndicated on several sites is one article with several sources.

MinHash over word shingles, with locality-sensitive banding for the lookup:

* a text's **shingles** are its runs of `SHINGLE_WORDS` words (lower case, letters and digits);
* its **signature** is, for each of `PERMUTATIONS` seeded hash functions, the least hash of its
  shingles: two signatures agree on a position with probability equal to the Jaccard similarity
  of the two shingle sets;
* the signature is cut into `BANDS` bands of `ROWS` values; texts sharing a band are candidates
  (kept in the store's `sketch_bands`), compared on their whole signatures, and a candidate whose
  estimated similarity reaches `NEAR_DUPLICATE_JACCARD` is the same story.

Why MinHash and not SimHash: the edits syndication makes (another headline, a line added, a
paragraph cut, a word changed) remove a share of the shingles; MinHash estimates that share
directly, so the threshold reads as "this much of the text is shared", and it separates copies
from different stories with a wide margin. SimHash's Hamming distance grows with such edits
unevenly: on our seeded set it needed a distance of 14-18 bits of 64 to find 94-99 % of the
copies, where false positives begin, against MinHash's 100 % with none (docs/benchmarks.md,
`benchmarks/watch_bench.py dedup`).
"""

from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass

import numpy as np

# Words per shingle: 5 keeps phrases distinctive (two reports of one event in their own words share
# few 5-word runs), while one changed word only touches 5 shingles.
SHINGLE_WORDS = 5
# 128 hash functions: the similarity estimate's standard error is at most 0.044 (sqrt(0.25/128)).
PERMUTATIONS = 128
# 32 bands of 4: a pair is a candidate with probability 1-(1-J^4)^32: 0.99 at J=0.5, 0.12 at J=0.2
# (the S-curve's midpoint is near (1/32)^(1/4) = 0.42, below the threshold, so copies are not missed).
BANDS = 32
ROWS = PERMUTATIONS // BANDS
# Estimated Jaccard similarity of shingle sets from which two texts are one story: on our seeded set the
# edited copies' exact Jaccard is 0.66 and up, different stories (built from shared sentence templates,
# so closer than real ones) at most 0.39; 0.5 sits between, with recall 1.0 and no false positive there
# (docs/benchmarks.md).
NEAR_DUPLICATE_JACCARD = 0.5
# Texts with fewer words than this are not sketched: a few lines are too short to tell a copy by.
MIN_WORDS = 40

_PRIME = np.uint64(4294967311)  # the first prime above 2**32: (a*x + b) mod p over 32-bit shingle hashes
_rng = np.random.default_rng(20261207)
_A = _rng.integers(1, 2**31, size=PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, 2**31, size=PERMUTATIONS, dtype=np.uint64)
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Sketch:
    signature: np.ndarray  # PERMUTATIONS uint64 values

    def bands(self) -> list[int]:
        """One bucket id (a signed 64-bit integer) per band."""
        out = []
        for band in range(BANDS):
            chunk = self.signature[band * ROWS:(band + 1) * ROWS].tobytes()
            out.append(int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "big", signed=True))
        return out

    def similarity(self, other: Sketch) -> float:
        return float(np.mean(self.signature == other.signature))

    def hex(self) -> str:
        return self.signature.astype(">u8").tobytes().hex()

    @classmethod
    def from_hex(cls, value: str) -> Sketch:
        return cls(np.frombuffer(bytes.fromhex(value), dtype=">u8").astype(np.uint64))


def sketch(text: str) -> Sketch | None:
    """The MinHash sketch of a text, or None when it is too short to tell copies by."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < MIN_WORDS:
        return None
    shingles = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}
    hashes = np.fromiter((zlib.crc32(s.encode("utf-8")) for s in shingles), dtype=np.uint64, count=len(shingles))
    values = (np.outer(hashes, _A) + _B) % _PRIME  # shingles x permutations, each below 2**63
    return Sketch(values.min(axis=0))


def jaccard(a: str, b: str) -> float:
    """The exact Jaccard similarity of two texts' shingle sets (for measuring the estimate)."""
    def shingles(text: str) -> set[str]:
        words = [w.lower() for w in _WORD.findall(text)]
        return {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}

    x, y = shingles(a), shingles(b)
    return len(x & y) / len(x | y) if x | y else 1.0


class SketchIndex:
    """Sketches of stored articles, in the store (`sketch_bands`, `article_sketches`)."""

    def __init__(self, backend: object) -> None:
        from sitrep.store.base import Backend

        assert isinstance(backend, Backend)
        self.b = backend

    def add(self, article_key: str, sk: Sketch) -> None:
        """Index a stored article's sketch (inside the caller's transaction)."""
        self.b.execute("INSERT INTO article_sketches (article_key, signature) VALUES (?, ?) "
                       "ON CONFLICT (article_key) DO UPDATE SET signature = excluded.signature",
                       [article_key, sk.hex()])
        self.b.execute("DELETE FROM sketch_bands WHERE article_key = ?", [article_key])
        self.b.executemany("INSERT INTO sketch_bands (band, bucket, article_key) VALUES (?, ?, ?)",
                           [(band, bucket, article_key) for band, bucket in enumerate(sk.bands())])

    def backfill(self, batch: int = 500) -> int:
        """Sketch the stored articles that have none (stored by `sitrep ingest`, or before this version), so
        that copies of them are recognised too; returns how many were sketched."""
        keys = [r[0] for r in self.b.execute("SELECT a.article_key FROM articles a LEFT JOIN article_sketches s "
                                             "ON s.article_key = a.article_key WHERE s.article_key IS NULL")]
        done = 0
        for start in range(0, len(keys), batch):  # the texts a batch at a time: flat memory on a large store
            chunk = keys[start:start + batch]
            rows = self.b.execute(f"SELECT article_key, text FROM articles WHERE article_key IN "
                                  f"({', '.join('?' * len(chunk))})", chunk)
            with self.b.transaction():
                for key, text in rows:
                    sk = sketch(text)
                    # a text too short to sketch gets an empty signature: looked at once, never matched
                    if sk is None:
                        self.b.execute("INSERT INTO article_sketches (article_key, signature) VALUES (?, '')", [key])
                    else:
                        self.add(key, sk)
                    done += 1
        return done

    def nearest(self, sk: Sketch) -> tuple[str, float] | None:
        """The stored article most like `sk` at or above `NEAR_DUPLICATE_JACCARD`, with its similarity."""
        buckets = sk.bands()
        rows = self.b.execute(
            f"SELECT DISTINCT b.article_key, b.band, b.bucket, s.signature FROM sketch_bands b "
            f"JOIN article_sketches s ON s.article_key = b.article_key "
            f"WHERE b.bucket IN ({', '.join('?' * len(buckets))})", buckets)
        best: tuple[str, float] | None = None
        seen: set[str] = set()
        for key, band, bucket, signature in sorted(rows):
            if key in seen or buckets[band] != bucket or not signature:
                continue
            seen.add(key)
            score = sk.similarity(Sketch.from_hex(signature))
            if score >= NEAR_DUPLICATE_JACCARD and (best is None or score > best[1]):
                best = (key, score)
        return best
