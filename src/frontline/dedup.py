"""Copy detection: which article repeats a story another article already told.

Kinds of copy and the signal that catches each (``Match.method``):

``minhash``      the same text give or take boilerplate, a PDF's hard wrapping or hyphenation (the cleaner has
                 already unwrapped it): Jaccard similarity of 5-word shingles, estimated by MinHash, >= 0.7.
``containment``  a teaser (the first paragraphs only): the two leads (first 60 words) are near-identical and most
                 of the shorter text's shingles are in the longer one; or a short article wrapped in a page with
                 much boilerplate: nearly all its shingles are in the longer one (containment estimated from
                 the MinHash Jaccard and the two set sizes).
``embedding``    a rewrite (synonyms swapped, sentences reordered): shingles no longer match, so the mean
                 sentence embedding must be close *and* the names and numbers (people, places, figures) must
                 largely be the same. Two different stories about one town on one day share the town and the
                 topic but not their figures and people, which is what keeps them apart.

Candidate search is sub-quadratic: every fingerprint yields integer LSH keys (``Fingerprint.keys``) and only
articles sharing a key are compared. MinHash bands (datasketch's MinHash, banded here so the keys can live in
an indexed SQLite table) catch near-copies, teasers (by the lead's signature) and rewrites (by the signature of
the names-and-numbers set); random-hyperplane LSH over the article vectors (numpy: no extra dependency, keys
computable one article at a time and storable, unlike a tree or graph index that must be rebuilt) catches
rewrites whose names were changed too. ``CopyIndex`` holds keys in memory (one ``extract`` run); the store keeps
the same keys and fingerprints, so an ingest compares a new article with stored ones without recomputing them.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

import numpy as np
from datasketch import MinHash

from .embed import DIMENSIONS, Embedder

__all__ = ["Fingerprint", "Match", "CopyIndex", "CopyDetector", "fingerprint", "compare", "CopyMethod"]

CopyMethod = Literal["minhash", "containment", "embedding"]

NUM_PERM = 128
_SHINGLE = 5
_LEAD_WORDS = 60
_BANDS, _ROWS = 16, 8                 # 16 x 8 = 128: candidates from Jaccard ~0.7 up
_LEAD_BANDS, _LEAD_ROWS = 8, 8        # the first 64 permutations of the lead's: from Jaccard ~0.77 up
_FACT_BANDS, _FACT_ROWS = 32, 4       # names and numbers: candidates from Jaccard ~0.4 up
_PLANES, _PLANE_BITS = 16, 16         # hyperplane LSH: cosine 0.95 a candidate with p ~0.96, unrelated 1 in 4,000
_SEED = 20221

NEAR_COPY = 0.7
TEASER_LEAD = 0.8
TEASER_CONTAINMENT = 0.6
WRAPPED_CONTAINMENT = 0.9
# Measured on tests/data/copies (bench/dedup.py): spun rewrites score cosine >= 0.947 and names-and-numbers
# Jaccard >= 0.59 against their originals; different stories, also on one town and day, score <= 0.863 and <= 0.49.
REWRITE_COSINE = 0.92
REWRITE_FACTS = 0.5
_MAX_SENTENCES = 20

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NAME = re.compile(r"(?<![.!?\n]\s)(?<!^)\b[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*")
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
# Capitalised words that start quotes, days and months: they say nothing about which story this is.
_NOT_NAMES = frozenset("""the a an and but or in on at of for to with by from as it he she they we i this that these
those there his her their our its monday tuesday wednesday thursday friday saturday sunday january february march
april may june july august september october november december mr mrs ms""".split())


@dataclass(frozen=True, slots=True, eq=False)
class Fingerprint:
    """What copy detection keeps of one article: MinHash signatures, sizes, names and numbers, vector."""

    article_id: str
    minhash: np.ndarray                 # uint64[NUM_PERM] over word 5-shingles of the whole text
    lead: np.ndarray                    # uint64[NUM_PERM] over the shingles of the first 60 words
    facts_minhash: np.ndarray           # uint64[NUM_PERM] over the names-and-numbers set
    size: int                           # number of distinct shingles
    facts: frozenset[str]
    vector: np.ndarray | None = None    # float32[384] unit vector, None until embedded

    def keys(self) -> list[int]:
        """The LSH bucket keys of this article (signed 64-bit integers, ready for SQLite)."""
        keys = _band_keys("m", self.minhash, _BANDS, _ROWS)
        keys += _band_keys("l", self.lead[:_LEAD_BANDS * _LEAD_ROWS], _LEAD_BANDS, _LEAD_ROWS)
        if self.facts:
            keys += _band_keys("f", self.facts_minhash, _FACT_BANDS, _FACT_ROWS)
        if self.vector is not None:
            keys += _plane_keys(self.vector)
        return keys


@dataclass(frozen=True, slots=True)
class Match:
    """``article_id`` copies ``original_id``: how (``method``) and how closely (``score`` in 0..1)."""

    article_id: str
    original_id: str
    method: CopyMethod
    score: float


def _key(*parts: bytes) -> int:
    digest = hashlib.blake2b(b"\x1f".join(parts), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def _band_keys(kind: str, signature: np.ndarray, bands: int, rows: int) -> list[int]:
    sig = np.ascontiguousarray(signature, dtype=np.uint64)
    return [_key(kind.encode(), bytes([b]), sig[b * rows:(b + 1) * rows].tobytes()) for b in range(bands)]


@functools.cache
def _planes() -> np.ndarray:
    # Fixed seed: the keys of stored articles must be computed with the same planes forever.
    return np.random.default_rng(_SEED).standard_normal((_PLANES * _PLANE_BITS, DIMENSIONS)).astype(np.float32)


def _plane_keys(vector: np.ndarray) -> list[int]:
    bits = (_planes() @ vector > 0).reshape(_PLANES, _PLANE_BITS)
    return [_key(b"v", bytes([t]), np.packbits(bits[t]).tobytes()) for t in range(_PLANES)]


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def _minhash(tokens: Iterable[str]) -> MinHash:
    m = MinHash(num_perm=NUM_PERM, seed=_SEED)
    m.update_batch([t.encode("utf-8") for t in tokens])
    return m


def _shingles(words: Sequence[str]) -> set[str]:
    if len(words) < _SHINGLE:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)}


def facts(text: str) -> frozenset[str]:
    """The names (capitalised words not starting a sentence) and numbers of a text, lower-cased."""
    numbers = {n.replace(",", "") for n in _NUMBER.findall(text)}
    names = set()
    for m in _NAME.finditer(text):
        for word in m.group().split():
            w = word.lower().strip("’'-").removesuffix("’s").removesuffix("'s")
            if w not in _NOT_NAMES and len(w) > 2:
                names.add(w)
    return frozenset(numbers | names)


def sentences(text: str) -> list[str]:
    """The text's first 20 sentences (what an article vector is the mean of)."""
    return [s for s in (p.strip() for p in _SENTENCE.split(text)) if len(s) > 20][:_MAX_SENTENCES]


def fingerprint(article_id: str, text: str, vector: np.ndarray | None = None) -> Fingerprint:
    """The fingerprint of one cleaned text; ``vector`` is its article vector, if already computed."""
    words = _words(text)
    shingles = _shingles(words)
    found = facts(text)
    return Fingerprint(article_id=article_id, minhash=_minhash(shingles).hashvalues.astype(np.uint64),
                       lead=_minhash(_shingles(words[:_LEAD_WORDS])).hashvalues.astype(np.uint64),
                       facts_minhash=_minhash(found).hashvalues.astype(np.uint64), size=len(shingles), facts=found, vector=vector)


def article_vectors(embedder: Embedder, texts: Sequence[str]) -> np.ndarray:
    """Unit article vectors: the mean of each text's sentence embeddings, normalised (one row per text)."""
    chunks = [sentences(t) or [t] for t in texts]
    flat = embedder.encode([s for c in chunks for s in c])
    out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    i = 0
    for row, c in enumerate(chunks):
        mean = flat[i:i + len(c)].mean(axis=0)
        out[row] = mean / (np.linalg.norm(mean) or 1.0)
        i += len(c)
    return out


def _jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.mean(a == b))


def compare(new: Fingerprint, old: Fingerprint) -> tuple[CopyMethod, float] | None:
    """Whether ``new`` copies ``old``, as ``(method, score)``, or None (see the module docstring)."""
    j = _jaccard(new.minhash, old.minhash)
    if j >= NEAR_COPY:
        return "minhash", round(j, 3)
    small, large = sorted((new.size, old.size))
    if small:
        # |A ∩ B| = J (|A| + |B|) / (1 + J): the share of the shorter text found in the longer one
        containment = min(1.0, j * (small + large) / ((1 + j) * small))
        # a whole short article inside a page with more boilerplate, or the lead and first paragraphs of one
        if containment >= WRAPPED_CONTAINMENT or (
                containment >= TEASER_CONTAINMENT and _jaccard(new.lead, old.lead) >= TEASER_LEAD):
            return "containment", round(containment, 3)
    if new.vector is not None and old.vector is not None and new.facts and old.facts:
        cosine = float(new.vector @ old.vector)
        shared = len(new.facts & old.facts) / len(new.facts | old.facts)
        if cosine >= REWRITE_COSINE and shared >= REWRITE_FACTS:
            return "embedding", round(cosine, 3)
    return None


class FingerprintSource(Protocol):
    """Where earlier fingerprints live: ``CopyIndex`` in memory, or the store."""

    def candidates(self, keys: Sequence[int]) -> list[str]: ...
    def fingerprint(self, article_id: str) -> Fingerprint | None: ...
    def original_of(self, article_id: str) -> str | None: ...


@dataclass
class CopyIndex:
    """In-memory LSH buckets and fingerprints, in the order articles were added."""

    _buckets: dict[int, list[str]] = field(default_factory=dict)
    _prints: dict[str, Fingerprint] = field(default_factory=dict)
    _originals: dict[str, str] = field(default_factory=dict)
    _seq: dict[str, int] = field(default_factory=dict)

    def add(self, fp: Fingerprint, original_id: str | None = None) -> None:
        """Index a fingerprint; ``original_id`` when the article is itself a copy."""
        if fp.article_id in self._prints:
            return
        self._prints[fp.article_id] = fp
        self._seq[fp.article_id] = len(self._seq)
        if original_id:
            self._originals[fp.article_id] = original_id
        for k in fp.keys():
            self._buckets.setdefault(k, []).append(fp.article_id)

    def candidates(self, keys: Sequence[int]) -> list[str]:
        """Ids sharing at least one key, first-added first."""
        found = {aid for k in keys for aid in self._buckets.get(k, ())}
        return sorted(found, key=self._seq.__getitem__)

    def fingerprint(self, article_id: str) -> Fingerprint | None:
        return self._prints.get(article_id)

    def original_of(self, article_id: str) -> str | None:
        return self._originals.get(article_id)


@dataclass
class CopyDetector:
    """Finds, for each new article, the first-seen article it copies.

    Args:
        embedder: encodes article vectors; its model loads only when ``embed`` is called with texts.
    """

    embedder: Embedder = field(default_factory=Embedder)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Article vectors for ``texts`` (loads the model on first use)."""
        return article_vectors(self.embedder, texts)

    def find(self, fp: Fingerprint, source: FingerprintSource) -> Match | None:
        """The best match of ``fp`` among earlier articles, pointing at the first-seen original, or None."""
        best: Match | None = None
        strength = {"minhash": 2, "containment": 1, "embedding": 0}
        for aid in source.candidates(fp.keys()):          # first seen first
            old = source.fingerprint(aid) if aid != fp.article_id else None
            found = compare(fp, old) if old is not None else None
            # a near-copy beats a teaser beats a rewrite; among equals the first seen wins
            if found is not None and (best is None or strength[found[0]] > strength[best.method]):
                best = Match(fp.article_id, source.original_of(aid) or aid, found[0], found[1])
        return best
