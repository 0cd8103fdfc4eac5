"""Text reuse: near-duplicate articles and passages copied from an earlier article.

One algorithm per module, as datasketch does: ``shingles`` (normalised words, shingles, winnowed
fingerprints, stable hashes), ``index`` (an incremental fingerprint index with a document-frequency
cap), ``align`` (exact passage alignment tolerant of small edits), ``detect`` (the incremental
detector: direction, near-duplicates, originality).

>>> from chronique.reuse import ReuseDetector
>>> det = ReuseDetector()
>>> det.add("a", "Washington a inculpé vendredi douze agents du renseignement russe soupçonnés.", "2018-07-13")
[]
>>> pair, = det.add("b", "« WASHINGTON a inculpé vendredi douze agents du renseignement russe soupçonnés »")
>>> pair.source_id, pair.target_id, pair.passages[0].text, pair.near_duplicate
('a', 'b', 'Washington a inculpé vendredi douze agents du renseignement russe soupçonnés', True)
"""

from chronique.reuse.align import Alignment, AlignParams, Passage, align, align_words
from chronique.reuse.detect import (
    ArticleLike,
    ReuseDetector,
    ReusePair,
    ReuseParams,
    find_reuse,
    is_earlier,
    iter_reuse,
    publication_value,
)
from chronique.reuse.index import Candidate, IndexParams, ShingleIndex
from chronique.reuse.shingles import (
    Words,
    fingerprints,
    normalise_word,
    shingle_hashes,
    winnow,
    word_hash,
    word_hashes,
    words,
)

__all__ = [
    "AlignParams",
    "Alignment",
    "ArticleLike",
    "Candidate",
    "IndexParams",
    "Passage",
    "ReuseDetector",
    "ReusePair",
    "ReuseParams",
    "ShingleIndex",
    "Words",
    "align",
    "align_words",
    "find_reuse",
    "fingerprints",
    "is_earlier",
    "iter_reuse",
    "normalise_word",
    "publication_value",
    "shingle_hashes",
    "winnow",
    "word_hash",
    "word_hashes",
    "words",
]
