"""Article vectors for clustering: weighted content words and entity names, sparse, L2-normalised.

Words are weighted by tf-idf against the language's background document frequencies (news of the
same language, shipped in ``chronique/lang/<code>_df.json``), so a corpus of one article already has
sensible weights; entity names (name keys, so "M. Poutine" and "Vladimir Poutine" meet) are features
of their own, weighted by how rare their names' words are in the same background (a name every other
article mentions, "Nicolas Sarkozy", "France", tells stories apart no better than a common word; a name
the background never saw weighs like the rarest word).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping

from chronique.lang import LanguageData

Vector = dict[str, float]

_WORD = re.compile(r"[^\W\d_]{3,}")
MAX_TERMS = 150  # the strongest features kept per article (a long article's shared vocabulary too)


def name_idf(name: str, lang: LanguageData) -> float:
    """The idf of a name: that of its most common word in the background (the rarest word's when the
    background knows none of them), so an entity is as distinctive as the words that name it."""
    df, documents = lang.document_frequencies()
    words = [w for w in (m.group(0).lower() for m in _WORD.finditer(name)) if w not in lang.stopwords]
    return min(
        (math.log((documents + 1) / (df.get(w, 0) + 1)) for w in words), default=math.log(documents + 1)
    )


def article_vector(
    text: str,
    entity_keys: Iterable[str],
    lang: LanguageData,
    entity_idf: Mapping[str, float] | None = None,
) -> Vector:
    """The normalised feature vector of a text and the name keys of its entities (``entity_idf``: each
    key's idf, from :func:`name_idf`; a key without one weighs like the rarest word)."""
    df, documents = lang.document_frequencies()
    stop = lang.stopwords
    counts = Counter(w for w in (m.group(0).lower() for m in _WORD.finditer(text)) if w not in stop)
    weights: Vector = {}
    top_idf = math.log((documents + 1) / 1)
    for word, n in counts.items():
        idf = math.log((documents + 1) / (df.get(word, 0) + 1))
        weights[word] = (1 + math.log(n)) * idf
    for key, n in Counter(entity_keys).items():
        idf = entity_idf.get(key, top_idf) if entity_idf is not None else top_idf
        weights["@" + key] = (1 + math.log(n)) * idf
    return normalise(top(weights, MAX_TERMS))


def top(v: Mapping[str, float], k: int) -> Vector:
    """The ``k`` strongest features (ties broken by name: deterministic)."""
    return dict(sorted(v.items(), key=lambda kv: (-kv[1], kv[0]))[:k])


def normalise(v: Mapping[str, float]) -> Vector:
    norm = math.sqrt(sum(x * x for x in v.values()))
    return {k: x / norm for k, x in v.items()} if norm > 0 else {}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(k, 0.0) for k, x in a.items())


def add_into(
    centroid: Mapping[str, float], v: Mapping[str, float], n: int, keep: int, weight: int = 1
) -> Vector:
    """The running mean of ``n`` vectors (``centroid``) with one more — or with the mean ``v`` of
    ``weight`` more — pruned to ``keep`` features."""
    out = {k: x * n for k, x in centroid.items()}
    for k, x in v.items():
        out[k] = out.get(k, 0.0) + x * weight
    return top({k: x / (n + weight) for k, x in out.items()}, keep)
