"""Reuse detection over a growing collection: candidates from the index, passages from the aligner.

``ReuseDetector.add(id, text, published, seq)`` indexes one article, aligns it with every earlier
article the index proposes, and returns the pairs found. Direction: the source is the earlier article,
by publication date when both are known and differ (compared at their common precision: ``2018-07`` and
``2018-07-16`` do not differ), else by ingest order (``seq``, or the order of ``add`` calls). An article
added late but published earlier becomes the source of a pair with an article stored before it.

A pair is a *near-duplicate* when its passages cover at least ``near_duplicate`` of the shorter text
(containment, in words, edits bridged by the aligner). ``duplicate_groups`` collapses near-duplicates
into groups, earliest first; ``originality`` is the share of an article's word characters not covered
by passages where it is the target.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import json
import re
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, cast

import numpy as np

from chronique.reuse.align import AlignParams, Passage, align_words
from chronique.reuse.index import Candidate, IndexParams, ShingleIndex
from chronique.reuse.shingles import Words, words

FORMAT = "chronique-reuse-detector/1"
_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
WORDS_CACHE = 1024  # articles whose words are kept between pairs (about 40 kB each)


@dataclass(frozen=True)
class ReuseParams:
    """Everything the detector needs; the index and aligner parameters are derived from it.

    - ``min_words``: the shortest passage reported; the index's winnowing window is derived from it
      (``min_words - ngram + 1``) so that every shared passage of that length is found;
    - ``near_duplicate``: the containment (of the shorter text) from which a pair is a near-duplicate;
    - ``max_gap``: the longest edit (in words) bridged inside one passage;
    - ``df_cap``, ``min_shared``: see ``IndexParams``.
    """

    ngram: int = 5
    min_words: int = 10
    max_gap: int = 4
    near_duplicate: float = 0.8
    df_cap: int = 64
    min_shared: int = 2

    def __post_init__(self) -> None:
        self.index_params()  # validates ngram, min_words, df_cap, min_shared
        self.align_params()  # validates max_gap
        t = self.near_duplicate
        if isinstance(t, bool) or not isinstance(t, int | float) or not 0.0 < t <= 1.0:
            raise ValueError(
                f"near_duplicate must be a number in (0, 1], got {t!r}: the share of the shorter text "
                "its passages must cover; 0.8 suits news"
            )

    def index_params(self) -> IndexParams:
        return IndexParams(
            ngram=self.ngram, min_words=self.min_words, df_cap=self.df_cap, min_shared=self.min_shared
        )

    def align_params(self) -> AlignParams:
        return AlignParams(ngram=self.ngram, min_words=self.min_words, max_gap=self.max_gap)

    def as_dict(self) -> dict[str, Any]:
        return {
            "ngram": self.ngram,
            "min_words": self.min_words,
            "max_gap": self.max_gap,
            "near_duplicate": self.near_duplicate,
            "df_cap": self.df_cap,
            "min_shared": self.min_shared,
        }


@dataclass(frozen=True, slots=True)
class ReusePair:
    """Passages of ``source_id`` (the earlier article) found again in ``target_id``."""

    source_id: str
    target_id: str
    passages: tuple[Passage, ...]
    similarity: float  # containment of the shorter text, in words
    near_duplicate: bool

    def as_dict(self) -> dict[str, Any]:
        """The reuse object of the public JSON export (plus ``similarity`` and ``near_duplicate``)."""
        return {
            "source_id": self.source_id,
            "target_id": self.target_id,
            "passages": [p.as_dict() for p in self.passages],
            "similarity": round(self.similarity, 4),
            "near_duplicate": self.near_duplicate,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ReusePair:
        return cls(
            str(d["source_id"]),
            str(d["target_id"]),
            tuple(Passage.from_dict(p) for p in d["passages"]),
            float(d.get("similarity", 0.0)),
            bool(d.get("near_duplicate", False)),
        )


class ArticleLike(Protocol):
    """What ``find_reuse`` reads of an article (``chronique.model.Article`` fits)."""

    @property
    def id(self) -> str: ...

    @property
    def text(self) -> str: ...


def publication_value(published: object) -> str | None:
    """An ISO date, month or year from ``None``, a string, a ``date``, or an object with ``.value``."""
    value = getattr(published, "value", published)
    if value is None:
        return None
    if hasattr(value, "isoformat") and not isinstance(value, str):
        value = value.isoformat()[:10]
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise ValueError(
            f"published must be None or an ISO date, month or year ('2018-07-16', '2018-07', '2018'), "
            f"got {published!r}"
        )
    return value


def is_earlier(a_date: str | None, a_seq: int, b_date: str | None, b_seq: int) -> bool:
    """Whether article a comes before article b: by date when both are known and differ, else by seq."""
    if a_date is not None and b_date is not None:
        common = min(len(a_date), len(b_date))
        if a_date[:common] != b_date[:common]:
            return a_date[:common] < b_date[:common]
    return a_seq < b_seq


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector during a bulk add: the detector makes no reference cycles
    (refcounting frees everything), and collections would walk the caller's whole heap again and
    again (measured: 8 % of the time at 100,000 documents)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class ReuseDetector:
    """Incremental reuse detection: ``add`` articles one by one, read pairs, originality, duplicates.

    Texts of earlier articles are needed to align passages: by default the detector keeps a reference
    to each text it is given; pass ``texts`` (any mapping id → cleaned text, e.g. backed by the store)
    to keep them elsewhere.
    """

    def __init__(
        self,
        params: ReuseParams | None = None,
        *,
        texts: Mapping[str, str] | None = None,
        index: ShingleIndex | None = None,
    ) -> None:
        if params is not None and not isinstance(params, ReuseParams):
            raise TypeError(f"params must be a ReuseParams, got {type(params).__name__}")
        self.params = params or ReuseParams()
        if index is not None and index.params != self.params.index_params():
            raise ValueError(
                "the index was built with other parameters than these ReuseParams: "
                f"{index.params} vs {self.params.index_params()}; rebuild it or pass matching params"
            )
        if index is not None and len(index.ids) and texts is None:
            raise ValueError("an index of earlier articles needs their texts: pass texts=")
        self.index = index or ShingleIndex(self.params.index_params())
        self._align = self.params.align_params()
        self._external = texts
        self._texts: list[str] = []  # by index position, when the detector keeps the texts
        self._dates: list[str | None] = []  # by index position
        self._seqs = array("q")  # by index position
        self._next_seq = 0
        self._pairs: list[ReusePair] = []
        self._of: dict[str, list[int]] = {}  # article → its pairs (as source or target)
        # The words of recent candidates: a new article's candidates are mostly the same few recent
        # articles, whose texts would otherwise be read and cut into words again for every pair.
        self._words: OrderedDict[str, tuple[str, Words]] = OrderedDict()
        if index is not None:  # articles indexed before: ingest order, no dates known
            for i in range(index.added):
                self._dates.append(None)
                self._seqs.append(i)
            self._next_seq = index.added

    # --- adding -----------------------------------------------------------------------------------

    def add(
        self, article_id: str, text: str, published: object = None, seq: int | None = None
    ) -> list[ReusePair]:
        """Index an article and return the reuse pairs it forms with earlier-added articles."""
        date, seq = self._check(text, published, seq)
        candidates = self.index.add(article_id, text)  # validates the id, refuses a second add
        self._note(text, date, seq)
        return self._verify(article_id, text, date, seq, candidates)

    def add_many(self, articles: Iterable[ArticleLike], batch: int = 2048) -> list[ReusePair]:
        """``add`` for many articles (``id``, ``text``, optional ``published`` and ``seq``), in order.

        The same pairs as ``add`` one by one, with the index lookups vectorised ``batch`` at a time.
        """
        with _gc_paused():
            return self._add_many(articles, batch)

    def _add_many(self, articles: Iterable[ArticleLike], batch: int) -> list[ReusePair]:
        found: list[ReusePair] = []
        chunk: list[tuple[str, str, str | None, int]] = []
        for article in articles:
            date, seq = self._check(
                article.text, getattr(article, "published", None), getattr(article, "seq", None)
            )
            self._next_seq = max(self._next_seq, seq + 1)
            chunk.append((article.id, article.text, date, seq))
            if len(chunk) == batch:
                found += self._add_chunk(chunk)
                chunk = []
        if chunk:
            found += self._add_chunk(chunk)
        return found

    def _add_chunk(self, chunk: list[tuple[str, str, str | None, int]]) -> list[ReusePair]:
        results = self.index.add_many(((a, t) for a, t, _, _ in chunk), batch=len(chunk))
        for _, text, date, seq in chunk:
            self._note(text, date, seq)
        found: list[ReusePair] = []
        for (article_id, text, date, seq), candidates in zip(chunk, results, strict=True):
            if candidates:
                found += self._verify(article_id, text, date, seq, candidates)
        return found

    def _check(self, text: object, published: object, seq: object) -> tuple[str | None, int]:
        if not isinstance(text, str):
            raise TypeError(f"text must be a str, got {type(text).__name__}")
        date = publication_value(published)
        if seq is None:
            return date, self._next_seq
        if isinstance(seq, bool) or not isinstance(seq, int):
            raise ValueError(f"seq must be an int (ingest order) or None, got {seq!r}")
        return date, seq

    def _note(self, text: str, date: str | None, seq: int) -> None:
        self._next_seq = max(self._next_seq, seq + 1)
        if self._external is None:
            self._texts.append(text)
        self._dates.append(date)
        self._seqs.append(seq)

    def _verify(
        self, article_id: str, text: str, date: str | None, seq: int, candidates: list[Candidate]
    ) -> list[ReusePair]:
        found: list[ReusePair] = []
        mine: Words | None = None
        for cand in candidates:
            pos = self.index.position(cand.doc_id)
            assert pos is not None
            other, theirs = self._words_at(pos, cand.doc_id)
            if mine is None:
                mine = words(text)
            if is_earlier(self._dates[pos], self._seqs[pos], date, seq):
                pair = self._pair(cand.doc_id, other, theirs, article_id, mine)
            else:
                pair = self._pair(article_id, text, mine, cand.doc_id, theirs)
            if pair is not None:
                self._record(pair)
                found.append(pair)
        return found

    def _words_at(self, pos: int, doc_id: str) -> tuple[str, Words]:
        found = self._words.get(doc_id)
        if found is not None:
            self._words.move_to_end(doc_id)
            return found
        text = self._text_at(pos, doc_id)
        found = (text, words(text))
        self._words[doc_id] = found
        if len(self._words) > WORDS_CACHE:
            self._words.popitem(last=False)
        return found

    def _text_at(self, pos: int, doc_id: str) -> str:
        if self._external is None:
            return self._texts[pos]
        try:
            return self._external[doc_id]
        except KeyError:
            raise KeyError(f"no text for article {doc_id!r} in the texts mapping given") from None

    def _pair(self, source_id: str, source: str, sw: Words, target_id: str, tw: Words) -> ReusePair | None:
        alignment = align_words(source, sw, tw, self._align)
        if not alignment.passages:
            return None
        sim = alignment.similarity
        return ReusePair(source_id, target_id, alignment.passages, sim, sim >= self.params.near_duplicate)

    def _record(self, pair: ReusePair) -> None:
        n = len(self._pairs)
        self._pairs.append(pair)
        self._of.setdefault(pair.source_id, []).append(n)
        self._of.setdefault(pair.target_id, []).append(n)

    def redate(self, article_id: str, published: object, seq: int | None = None) -> list[ReusePair]:
        """Change what is known of an added article's date (cross-article dating does) or order.

        Pairs whose direction flips are turned round (offsets swapped, ``text`` taken from the new
        source); they are returned, in their new form. Restoring a detector from a store: build it
        with ``index=`` and ``texts=``, then ``redate`` each stored article and ``restore`` its pairs.
        """
        pos = self.index.position(article_id)
        if pos is None:
            raise KeyError(f"article {article_id!r} was never added")
        self._dates[pos] = publication_value(published)
        if seq is not None:
            if isinstance(seq, bool) or not isinstance(seq, int):
                raise ValueError(f"seq must be an int (ingest order) or None, got {seq!r}")
            self._seqs[pos] = seq
            self._next_seq = max(self._next_seq, seq + 1)
        flipped: list[ReusePair] = []
        for i in self._of.get(article_id, []):
            pair = self._pairs[i]
            s, t = self.index.position(pair.source_id), self.index.position(pair.target_id)
            assert s is not None and t is not None
            if is_earlier(self._dates[s], self._seqs[s], self._dates[t], self._seqs[t]):
                continue
            text = self._text_at(t, pair.target_id)
            passages = tuple(
                Passage(
                    p.target_start,
                    p.target_end,
                    p.source_start,
                    p.source_end,
                    text[p.target_start : p.target_end],
                    p.words,
                )
                for p in pair.passages
            )
            self._pairs[i] = ReusePair(
                pair.target_id, pair.source_id, passages, pair.similarity, pair.near_duplicate
            )
            flipped.append(self._pairs[i])
        return flipped

    def restore(self, pairs: Iterable[ReusePair]) -> None:
        """Take back pairs found before (read from a store) without aligning anything again."""
        for pair in pairs:
            if pair.source_id not in self.index or pair.target_id not in self.index:
                raise KeyError(f"pair {pair.source_id!r} → {pair.target_id!r}: add both articles first")
            self._record(pair)

    # --- reading ----------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.index)

    def pairs(self) -> list[ReusePair]:
        """Every pair found so far, in the order found."""
        return list(self._pairs)

    def pairs_for(self, article_id: str) -> list[ReusePair]:
        """The pairs an article is part of, as source or target."""
        return [self._pairs[i] for i in self._of.get(article_id, [])]

    def originality(self, article_id: str) -> float:
        """Share of the article's word characters not covered by passages where it is the target."""
        pos = self.index.position(article_id)
        if pos is None:
            raise KeyError(f"article {article_id!r} was never added")
        spans = sorted(
            (p.target_start, p.target_end)
            for pair in self.pairs_for(article_id)
            if pair.target_id == article_id
            for p in pair.passages
        )
        ws = words(self._text_at(pos, article_id))
        total = sum(e - s for s, e in zip(ws.starts, ws.ends, strict=True))
        if not total:
            return 1.0
        covered = 0
        k = 0
        for s, e in zip(ws.starts, ws.ends, strict=True):
            while k < len(spans) and spans[k][1] <= s:
                k += 1
            if k < len(spans) and spans[k][0] <= s:  # passages snap to words: a word is in or out
                covered += e - s
        return 1.0 - covered / total

    def _order_key(self) -> Callable[[str], Any]:
        def cmp(a: str, b: str) -> int:
            pa, pb = self.index.position(a), self.index.position(b)
            assert pa is not None and pb is not None
            if a == b:
                return 0
            return -1 if is_earlier(self._dates[pa], self._seqs[pa], self._dates[pb], self._seqs[pb]) else 1

        return functools.cmp_to_key(cmp)

    def duplicate_groups(self) -> list[list[str]]:
        """Near-duplicates collapsed: groups of two or more articles, each earliest first."""
        parent: dict[str, str] = {}

        def root(x: str) -> str:
            while parent.get(x, x) != x:
                parent[x] = parent.get(parent[x], parent[x])
                x = parent[x]
            return x

        for pair in self._pairs:
            if pair.near_duplicate:
                a, b = root(pair.source_id), root(pair.target_id)
                if a != b:
                    parent[max(a, b)] = min(a, b)
        groups: dict[str, list[str]] = {}
        for x in list(parent):
            groups.setdefault(root(x), []).append(x)
        for r in list(groups):
            if r not in groups[r]:
                groups[r].append(r)
        key = self._order_key()
        ordered = [sorted(g, key=key) for g in groups.values()]
        return sorted(ordered, key=lambda g: key(g[0]))

    def canonical(self, article_id: str) -> str:
        """The earliest article of its near-duplicate group (itself when it has none)."""
        for group in self.duplicate_groups():
            if article_id in group:
                return group[0]
        return article_id

    # --- files ------------------------------------------------------------------------------------

    def save(self, path: str | Path) -> None:
        """Write the detector (index, dates, order, pairs, and the texts it keeps) to one ``.npz`` file."""
        meta = {
            "format": FORMAT,
            "params": self.params.as_dict(),
            "dates": self._dates,
            "seqs": list(self._seqs),
            "next_seq": self._next_seq,
            "pairs": [
                {
                    **p.as_dict(),
                    "similarity": p.similarity,  # unrounded: a loaded detector compares equal
                    "passages": [{**q.as_dict(), "words": q.words} for q in p.passages],
                }
                for p in self._pairs
            ],
            "texts": self._texts if self._external is None else None,
        }
        arrays = {f"index_{k}": v for k, v in self.index.to_arrays().items()}
        arrays["detector"] = np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8)
        with open(path, "wb") as fh:
            np.savez(fh, **cast(dict[str, Any], arrays))

    @classmethod
    def load(cls, path: str | Path, texts: Mapping[str, str] | None = None) -> ReuseDetector:
        """Read a detector written by ``save``; pass ``texts`` when it was saved without its texts."""
        with np.load(path, allow_pickle=False) as data:
            if "detector" not in data.files:
                raise ValueError(f"{path}: not a reuse detector file (written by ReuseDetector.save?)")
            meta = json.loads(bytes(data["detector"]).decode("utf-8"))
            index = ShingleIndex.from_arrays({k[6:]: data[k] for k in data.files if k.startswith("index_")})
        if meta.get("format") != FORMAT:
            raise ValueError(f"{path}: detector format {meta.get('format')!r}, expected {FORMAT!r}")
        kept = meta.get("texts")
        if texts is None and kept is None:
            raise ValueError(f"{path} was saved without texts: pass texts= (id → cleaned text)")
        params = ReuseParams(**meta["params"])
        det = cls(params, texts=texts if kept is None else {}, index=index)
        det._external = texts if kept is None else None
        det._texts = list(kept) if kept is not None else []
        det._dates = list(meta["dates"])
        det._seqs = array("q", meta["seqs"])
        det._next_seq = int(meta["next_seq"])
        for p in meta["pairs"]:
            det._record(ReusePair.from_dict(p))
        return det


def find_reuse(articles: Iterable[ArticleLike], params: ReuseParams | None = None) -> list[ReusePair]:
    """Every reuse pair among ``articles``, added in the order given.

    Each article's ``published`` (a ``PublicationDate``, an ISO string or None) and ``seq`` are used
    when it has them; without ``seq`` the position in ``articles`` is the ingest order.
    """
    detector = ReuseDetector(params)
    detector.add_many(articles)
    return detector.pairs()


def iter_reuse(detector: ReuseDetector, articles: Iterable[ArticleLike]) -> Iterator[ReusePair]:
    """Add articles to a detector one by one, yielding each pair as soon as it is found."""
    for article in articles:
        yield from detector.add(
            article.id, article.text, getattr(article, "published", None), getattr(article, "seq", None)
        )
