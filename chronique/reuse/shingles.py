"""Words, word n-gram shingles and winnowed fingerprints: normalised, offset-aware, stable hashes.

Normalisation (decided once, for index and alignment alike):

- a *word* is a run of ``\\w`` characters (letters, digits, ``_``) that an apostrophe or a hyphen may
  join to the next (``d'être``, ``aujourd’hui``, ``a-t-il``, ``Jean-Marc`` are one word each, so passage
  lengths count French words, not elision fragments), found in the original text, so its offsets point
  into that text; everything else (punctuation, quote marks of every kind, spaces, line breaks) only
  separates words and is otherwise ignored: ``« Bonjour »``, ``"Bonjour"`` and ``“Bonjour”`` give the
  same word; the apostrophes ``'``, ``’``, ``ʼ`` and the hyphens ``-``, ``‐``, ``‑`` are unified, so
  ``l'avant`` and ``l’avant`` are the same word;
- case is folded (``str.casefold``) and accents too (NFKD, combining marks dropped; ``œ`` → ``oe``,
  ``æ`` → ``ae``), because French news writes ``Etats-Unis`` and ``États-Unis``, ``oeuvre`` and ``œuvre``
  for the same text.

A word is hashed with keyed BLAKE2b (8 bytes, fixed key), so hashes are stable across runs, processes,
machines and Python versions (never ``hash()``). A shingle (``ngram`` consecutive words) is hashed from
its word hashes with fixed odd multipliers and the SplitMix64 finaliser, in numpy. Every hash is masked
to 63 bits so that it fits a signed 64-bit SQL ``INTEGER`` unchanged.

Winnowing (Schleimer, Wilkerson & Aiken 2003) keeps, of every window of ``window`` consecutive shingles,
the smallest hash: any passage of ``window + ngram - 1`` words shared by two texts yields at least one
fingerprint shared by both, so an index of fingerprints finds every shared passage of that length while
storing about ``2 / (window + 1)`` of the shingles.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Hashes = npt.NDArray[np.uint64]

HASH_KEY = b"chronique-reuse/1"  # changing it changes every hash: bump the index format version too
MASK63 = (1 << 63) - 1
WORD = re.compile(r"\w+(?:[-'’ʼ‐‑]\w+)*")  # "-" first: faster than an escaped "\-" (measured)

_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ĳ": "ij", "’": "'", "ʼ": "'", "‐": "-", "‑": "-"})
_MASK = np.uint64(MASK63)
# Multipliers of the shingle hash: fixed odd 64-bit constants (from SplitMix64's golden-ratio sequence).
_MULTIPLIERS = tuple(np.uint64((0x9E3779B97F4A7C15 * (2 * k + 1)) & (2**64 - 1) | 1) for k in range(64))
_C1 = np.uint64(0xBF58476D1CE4E5B9)
_C2 = np.uint64(0x94D049BB133111EB)
_S31, _S27, _S30 = np.uint64(31), np.uint64(27), np.uint64(30)
_CACHE_LIMIT = 1 << 20
_cache: dict[str, int] = {}
_EMPTY: Hashes = np.zeros(0, dtype=np.uint64)
MAX_NGRAM = len(_MULTIPLIERS)


def normalise_word(word: str) -> str:
    """The form a word is compared in: case and accents folded, ligatures spelt out."""
    folded = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in folded if not unicodedata.combining(c)).translate(_LIGATURES)


def _hash_new(word: str) -> int:
    digest = hashlib.blake2b(normalise_word(word).encode("utf-8"), digest_size=8, key=HASH_KEY).digest()
    value = int.from_bytes(digest, "little") & MASK63
    if len(_cache) >= _CACHE_LIMIT:  # bounded memory; results do not depend on the cache
        _cache.clear()
    _cache[word] = value
    return value


def word_hash(word: str) -> int:
    """The stable 63-bit hash of a word's normalised form."""
    value = _cache.get(word)
    return _hash_new(word) if value is None else value


def _hash_list(tokens: list[str]) -> list[int]:
    values = list(map(_cache.get, tokens))
    if None in values:  # hash the new words only (the cache may be cleared meanwhile: keep them here)
        fresh = {t: word_hash(t) for t, v in zip(tokens, values, strict=True) if v is None}
        return [fresh[t] if v is None else v for t, v in zip(tokens, values, strict=True)]
    return values  # type: ignore[return-value]  # no None left


def word_hashes(text: str) -> Hashes:
    """The hashes of the words of ``text``, in order (no offsets: the fast path of indexing)."""
    tokens = WORD.findall(text)
    if not tokens:
        return _EMPTY
    return np.array(_hash_list(tokens), dtype=np.uint64)


@dataclass(frozen=True, slots=True)
class Words:
    """The words of a text: character offsets into the original text and the normalised word hashes."""

    starts: list[int]
    ends: list[int]
    hashes: Hashes

    def __len__(self) -> int:
        return len(self.starts)


def words(text: str) -> Words:
    """The words of ``text`` with their ``[start, end)`` offsets (they snap passages to word boundaries)."""
    tokens: list[str] = WORD.findall(text)
    starts: list[int] = []
    ends: list[int] = []
    at = 0
    find = text.find
    for tok in tokens:  # only non-word characters lie between matches: find() lands on each match
        at = find(tok, at)
        starts.append(at)
        at += len(tok)
        ends.append(at)
    hashes = np.array(_hash_list(tokens), dtype=np.uint64) if tokens else _EMPTY
    return Words(starts, ends, hashes)


def check_ngram(ngram: int) -> None:
    if isinstance(ngram, bool) or not isinstance(ngram, int) or not 1 <= ngram <= MAX_NGRAM:
        raise ValueError(
            f"ngram must be an int from 1 to {MAX_NGRAM} (words per shingle), got {ngram!r}: "
            "use 4 or 5 for news (the default is 5)"
        )


def shingle_hashes(hashes: Hashes, ngram: int) -> Hashes:
    """The 63-bit hashes of every run of ``ngram`` consecutive words (``len(hashes) - ngram + 1`` of them).

    Shingle ``i`` covers words ``i .. i + ngram - 1``. Order-sensitive: ``a b`` and ``b a`` differ.
    """
    check_ngram(ngram)
    m = len(hashes) - ngram + 1
    if m <= 0:
        return _EMPTY
    h = hashes[:m] * _MULTIPLIERS[0]
    for k in range(1, ngram):
        h += hashes[k : k + m] * _MULTIPLIERS[k]
    # SplitMix64 finaliser: every input bit reaches every output bit.
    h ^= h >> _S30
    h *= _C1
    h ^= h >> _S27
    h *= _C2
    h ^= h >> _S31
    h &= _MASK
    return h


def check_window(window: int) -> None:
    if isinstance(window, bool) or not isinstance(window, int) or window < 1:
        raise ValueError(
            f"window must be an int >= 1 (shingles per winnowing window), got {window!r}: "
            "it is min_words - ngram + 1; 1 keeps every shingle"
        )


def winnow(shingles: Hashes, window: int) -> Hashes:
    """The distinct fingerprints (sorted) that winnowing keeps: the minimum of every ``window`` shingles.

    A text shorter than one window keeps its single smallest shingle; ``window == 1`` keeps them all.
    """
    check_window(window)
    n = len(shingles)
    if n == 0:
        return _EMPTY
    if window == 1 or n == 1:
        return np.unique(shingles)
    if n <= window:
        return np.unique(shingles.min(keepdims=True))
    m = n - window + 1
    minima = shingles[:m].copy()
    for k in range(1, window):  # window - 1 vectorised passes beat a sliding-window view on short texts
        np.minimum(minima, shingles[k : k + m], out=minima)
    return np.unique(minima)


def fingerprints(text: str, ngram: int, window: int) -> Hashes:
    """The winnowed shingle fingerprints of a text: what the index stores and looks up."""
    return winnow(shingle_hashes(word_hashes(text), ngram), window)


_SEPARATOR = "__chronique_reuse_separator__"  # one word: texts are joined with it and cut at it again


def _batch_word_hashes(texts: list[str]) -> tuple[Hashes, npt.NDArray[np.int64]]:
    """The word hashes of all texts, concatenated, and each text's number of words.

    One ``findall`` over the texts joined by a separator word (faster than one call a text); the
    separator's positions cut them again. A text holding the separator itself takes the slow path.
    """
    if len(texts) > 1 and not any(_SEPARATOR in t for t in texts):
        flat = WORD.findall(f" {_SEPARATOR} ".join(texts))
        hashes = np.array(_hash_list(flat), dtype=np.uint64)
        is_sep = hashes == np.uint64(word_hash(_SEPARATOR))
        cuts = np.flatnonzero(is_sep)
        if len(cuts) == len(texts) - 1:  # else a word collided with the separator's hash: slow path
            lengths = np.diff(np.concatenate(([-1], cuts, [len(hashes)]))) - 1
            return hashes[~is_sep], lengths.astype(np.int64)
    token_lists = [WORD.findall(t) for t in texts]
    lengths = np.fromiter(map(len, token_lists), dtype=np.int64, count=len(token_lists))
    flat = [tok for toks in token_lists for tok in toks]
    return (np.array(_hash_list(flat), dtype=np.uint64) if flat else _EMPTY), lengths


def batch_fingerprints(
    texts: list[str], ngram: int, window: int, by_value: bool = False
) -> tuple[Hashes, npt.NDArray[np.int64]]:
    """``fingerprints`` of many texts at once, vectorised over the batch.

    Returns ``(values, docs)``: for each text (``docs`` = its position in ``texts``) its distinct
    fingerprints, exactly what ``fingerprints`` gives text by text; sorted by text then value, or with
    ``by_value`` by value then text (the order the index looks them up in).
    """
    check_ngram(ngram)
    check_window(window)
    hashes, lengths = _batch_word_hashes(texts)
    if len(hashes) == 0:
        return _EMPTY, np.zeros(0, dtype=np.int64)
    word_doc = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
    sh = shingle_hashes(hashes, ngram)  # across text boundaries: the invalid ones are masked below
    if len(sh) == 0:
        return _EMPTY, np.zeros(0, dtype=np.int64)
    sh_doc = word_doc[: len(sh)]
    sh_ok = sh_doc == word_doc[ngram - 1 :]
    n_sh = np.maximum(lengths - ngram + 1, 0)  # shingles of each text
    values: list[Hashes] = []
    docs: list[npt.NDArray[np.int64]] = []
    m = len(sh) - window + 1
    if m > 0:
        minima = sh[:m].copy()
        for k in range(1, window):
            np.minimum(minima, sh[k : k + m], out=minima)
        ok = sh_ok[:m] & sh_ok[window - 1 :] & (sh_doc[:m] == sh_doc[window - 1 :])
        values.append(minima[ok])
        docs.append(sh_doc[:m][ok])
    short = np.flatnonzero((n_sh >= 1) & (n_sh < window))  # shorter than a window: their minimum
    if len(short):
        first_word = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        starts = first_word[short]
        for doc, first in zip(short.tolist(), starts.tolist(), strict=True):
            values.append(sh[first : first + int(n_sh[doc])].min(keepdims=True))
            docs.append(np.array([doc], dtype=np.int64))
    v = np.concatenate(values)
    d = np.concatenate(docs)
    if len(v) > 1:  # neighbouring windows mostly share their minimum: drop those repeats before sorting
        step = np.ones(len(v), dtype=bool)
        step[1:] = (v[1:] != v[:-1]) | (d[1:] != d[:-1])
        v, d = v[step], d[step]
    order = np.lexsort((d, v) if by_value else (v, d))
    v, d = v[order], d[order]
    keep = np.ones(len(v), dtype=bool)
    keep[1:] = (v[1:] != v[:-1]) | (d[1:] != d[:-1])
    return v[keep], d[keep]
