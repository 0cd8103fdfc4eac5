"""An incremental, compact inverted index of winnowed shingle fingerprints: fingerprint → earlier documents.

Adding a document looks up its fingerprints, returns the earlier documents sharing at least
``min_shared`` of them (the candidates a verifier aligns), then posts them. The cost of one ``add`` does
not grow with the number of stored documents beyond a logarithmic number of binary searches:

- postings live in a small dict (the *buffer*, ``buffer`` postings at most) and in a few immutable
  *runs*: parallel numpy arrays ``keys`` (uint64, sorted) and ``docs`` (uint32), 12 bytes a posting.
  When the buffer is full it is frozen into a run; runs are merged (a linear merge of two sorted arrays)
  when an older run is less than ``merge_factor`` times the size of the newer one, so there are about
  ``log_merge_factor(postings / buffer)`` runs, each looked up with one vectorised ``searchsorted``;
- a document-frequency cap: a fingerprint keeps its first ``df_cap`` postings and no more. A
  fingerprint at the cap is *saturated* (boilerplate, a stock phrase, or a dispatch already copied
  ``df_cap`` times): it votes for its earliest document only, so candidate lists stay short and a
  widely copied text still finds its first publisher.

Every shared passage of ``min_words`` words yields ``min_shared`` shared fingerprints (winnowing's
guarantee, with the window derived from both), so the candidates include every earlier document sharing
such a passage, unless the passage's fingerprints are saturated. ``add_many`` does the same for a batch,
vectorised (same results as ``add`` one by one, several times faster). The index is deterministic (stable hashes, insertion order) and
serialisable: ``save``/``load`` (one ``.npz`` file, no pickle), or rows for a database table with
``rows_for``/``postings`` and ``from_postings``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any, cast

import numpy as np
import numpy.typing as npt

from chronique.reuse.shingles import MASK63, MAX_NGRAM, Hashes, batch_fingerprints, fingerprints

FORMAT = "chronique-reuse-index/1"
_EMPTY_KEYS: Hashes = np.zeros(0, dtype=np.uint64)
_EMPTY_DOCS: npt.NDArray[np.uint32] = np.zeros(0, dtype=np.uint32)


def _int_param(name: str, value: Any, low: int, high: int, advice: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValueError(f"{name} must be an int from {low} to {high}, got {value!r}: {advice}")


@dataclass(frozen=True)
class IndexParams:
    """What the index stores and when it calls an earlier document a candidate.

    ``window`` is derived: ``(min_words - ngram + 1) // min_shared`` shingles, the largest winnowing
    window that still guarantees ``min_shared`` shared fingerprints for every passage of ``min_words``
    words that two texts share (a passage of ``min_words`` words holds ``min_words - ngram + 1``
    shingles, that is ``min_shared`` disjoint windows). The defaults suit news: 5-word shingles, passages
    from 10 words, two shared fingerprints to be a candidate (one alone is mostly a stock phrase), a
    window of 3 shingles (about half of them stored).
    """

    ngram: int = 5  # words per shingle
    min_words: int = 10  # shortest shared passage that is guaranteed to be found
    df_cap: int = 64  # postings kept per fingerprint; at the cap it only votes for its first document
    min_shared: int = 2  # shared fingerprints that make an earlier document a candidate
    buffer: int = 1 << 17  # postings held in the mutable buffer before it is frozen into a run
    merge_factor: int = 4  # runs merge while the older is under merge_factor × the newer

    def __post_init__(self) -> None:
        _int_param("ngram", self.ngram, 1, MAX_NGRAM, "words per shingle; 4 or 5 suit news")
        _int_param(
            "min_words",
            self.min_words,
            self.ngram,
            10_000,
            f"the shortest passage to find must be at least one shingle long (ngram={self.ngram}): "
            "raise min_words or lower ngram",
        )
        _int_param("df_cap", self.df_cap, 2, 1 << 20, "postings kept per fingerprint; 32 to 256 suit news")
        _int_param(
            "min_shared",
            self.min_shared,
            1,
            self.min_words - self.ngram + 1,
            f"a passage of min_words={self.min_words} words holds {self.min_words - self.ngram + 1} shingles "
            f"(ngram={self.ngram}), so at most that many shared fingerprints can be required: lower "
            "min_shared or raise min_words",
        )
        _int_param("buffer", self.buffer, 1, 1 << 30, "postings buffered before freezing; 2**17 by default")
        _int_param("merge_factor", self.merge_factor, 2, 64, "2 to 8; 4 by default")

    @property
    def window(self) -> int:
        return (self.min_words - self.ngram + 1) // self.min_shared

    def as_dict(self) -> dict[str, int]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> IndexParams:
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"unknown index parameters {unknown}: expected some of {sorted(known)}")
        return cls(**data)


@dataclass(frozen=True, slots=True)
class Candidate:
    """An earlier document sharing ``shared`` fingerprints with the one added or queried."""

    doc_id: str
    shared: int


_FENCE_STEP = 64  # a run of more than _FENCE_MIN keys keeps every 64th key: a small array searched first
_FENCE_MIN = 1 << 23  # measured: below, numpy's searchsorted is as fast


class _Run:
    __slots__ = ("docs", "fence", "keys")

    def __init__(self, keys: Hashes, docs: npt.NDArray[np.uint32]) -> None:
        self.keys = keys
        self.docs = docs
        self.fence = keys[::_FENCE_STEP].copy() if len(keys) > _FENCE_MIN else None

    def __len__(self) -> int:
        return len(self.keys)

    def lower_bound(self, queries: Hashes) -> npt.NDArray[np.intp]:
        """``keys.searchsorted(queries, "left")``; on a large run, through the fence (fewer cache misses:
        the fence fits the CPU cache, then 6 vectorised halvings inside a block of 64 keys)."""
        keys, fence = self.keys, self.fence
        if fence is None:
            return keys.searchsorted(queries, "left")
        n = len(keys)
        block = fence.searchsorted(queries, "left")  # the answer is in ((block - 1) * 64, block * 64]
        lo = np.maximum(block - 1, 0) * _FENCE_STEP
        hi = np.minimum(block * _FENCE_STEP, n)
        while True:
            open_ = lo < hi
            if not open_.any():
                return lo
            mid = (lo + hi) >> 1
            below = open_ & (keys[np.minimum(mid, n - 1)] < queries)
            lo = np.where(below, mid + 1, lo)
            hi = np.where(open_ & ~below, mid, hi)

    def find(self, queries: Hashes) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
        """``[lo, hi)`` of each query's postings: one binary search a query, a second for hits only."""
        keys = self.keys
        lo = self.lower_bound(queries)
        hi = lo.copy()
        if len(keys):
            hit = np.flatnonzero(keys[np.minimum(lo, len(keys) - 1)] == queries)
            if len(hit):
                hi[hit] = keys.searchsorted(queries[hit], "right")
        return lo, hi


def _merge(older: _Run, newer: _Run) -> _Run:
    """Merge two sorted runs in linear time; equal keys keep the older run's documents first."""
    n_old, n_new = len(older), len(newer)
    at = older.keys.searchsorted(newer.keys, "right")  # where each newer posting lands...
    at += np.arange(n_new)  # ...shifted by the newer postings before it
    keys = np.empty(n_old + n_new, dtype=np.uint64)
    docs = np.empty(n_old + n_new, dtype=np.uint32)
    rest = np.ones(n_old + n_new, dtype=bool)
    rest[at] = False
    keys[at] = newer.keys
    docs[at] = newer.docs
    keys[rest] = older.keys
    docs[rest] = older.docs
    return _Run(keys, docs)


class ShingleIndex:
    """Incremental fingerprint index with a document-frequency cap (see the module docstring)."""

    def __init__(self, params: IndexParams | None = None) -> None:
        if params is not None and not isinstance(params, IndexParams):
            raise TypeError(f"params must be an IndexParams, got {type(params).__name__}")
        self.params = params or IndexParams()
        self._ids: list[str] = []
        self._idx: dict[str, int] = {}
        self._removed: set[int] = set()
        self._runs: list[_Run] = []
        self._buf: dict[int, list[int]] = {}
        self._buffered = 0
        self._recent: dict[int, list[int]] = {}  # doc → fingerprints it posted, while in the buffer

    # --- documents ------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._ids) - len(self._removed)

    def __contains__(self, doc_id: object) -> bool:
        idx = self._idx.get(doc_id) if isinstance(doc_id, str) else None
        return idx is not None and idx not in self._removed

    @property
    def added(self) -> int:
        """How many documents were ever added (removed ones included): the next position."""
        return len(self._ids)

    @property
    def ids(self) -> list[str]:
        """The documents indexed, in the order they were added (removed ones left out)."""
        return [d for i, d in enumerate(self._ids) if i not in self._removed]

    def position(self, doc_id: str) -> int | None:
        """The document's insertion number (0 for the first added), or None when it was never added."""
        return self._idx.get(doc_id)

    def fingerprint(self, text: str) -> Hashes:
        """The distinct fingerprints this index would store for ``text`` (sorted)."""
        return fingerprints(text, self.params.ngram, self.params.window)

    def add(self, doc_id: str, text: str) -> list[Candidate]:
        """Index a document; return the earlier documents sharing at least ``min_shared`` fingerprints."""
        return self._add(doc_id, self.fingerprint(text))

    def add_fingerprints(self, doc_id: str, prints: Iterable[int] | Hashes) -> list[Candidate]:
        """``add`` for fingerprints computed already (by ``fingerprint``, or read back from rows)."""
        values = np.unique(np.fromiter((int(p) & MASK63 for p in prints), dtype=np.uint64))
        return self._add(doc_id, values)

    def _add(self, doc_id: str, prints: Hashes) -> list[Candidate]:
        if not isinstance(doc_id, str) or not doc_id:
            raise ValueError(f"doc_id must be a non-empty str, got {doc_id!r}")
        if doc_id in self._idx:
            raise ValueError(f"document {doc_id!r} is indexed already: remove() it first to re-index it")
        idx = len(self._ids)
        candidates = self._lookup(prints, idx)
        self._ids.append(doc_id)
        self._idx[doc_id] = idx
        if self._buffered >= self.params.buffer:
            self._freeze()
        return candidates

    def add_many(self, docs: Iterable[tuple[str, str]], batch: int = 2048) -> list[list[Candidate]]:
        """``add`` for many ``(doc_id, text)``, in order, vectorised ``batch`` documents at a time.

        Returns each document's candidates, exactly as ``add`` called document by document would (a
        document's candidates include the earlier documents of its own batch).
        """
        _int_param("batch", batch, 1, 1 << 24, "documents fingerprinted and looked up together")
        out: list[list[Candidate]] = []
        ids: list[str] = []
        texts: list[str] = []
        for doc_id, text in docs:
            ids.append(doc_id)
            texts.append(text)
            if len(ids) == batch:
                out.extend(self._add_batch(ids, texts))
                ids, texts = [], []
        if ids:
            out.extend(self._add_batch(ids, texts))
        return out

    def _add_batch(self, ids: list[str], texts: list[str]) -> list[list[Candidate]]:
        fresh: set[str] = set()
        for doc_id, text in zip(ids, texts, strict=True):
            if not isinstance(doc_id, str) or not doc_id:
                raise ValueError(f"doc_id must be a non-empty str, got {doc_id!r}")
            if doc_id in self._idx or doc_id in fresh:
                raise ValueError(f"document {doc_id!r} is indexed already: remove() it first to re-index it")
            if not isinstance(text, str):
                raise TypeError(f"text of {doc_id!r} must be a str, got {type(text).__name__}")
            fresh.add(doc_id)
        v, d = batch_fingerprints(texts, self.params.ngram, self.params.window, by_value=True)
        self._freeze()  # every earlier posting in a run: one vectorised lookup per run
        base = len(self._ids)
        cap = self.params.df_cap
        n = len(v)
        before = np.zeros(n, dtype=np.int64)  # postings stored before each one, when it is added
        looked: list[tuple[_Run, npt.NDArray[np.intp], npt.NDArray[np.intp]]] = []
        for run in self._runs:
            lo, hi = run.find(v)  # v is sorted: the binary searches walk the keys in order
            before += hi - lo
            looked.append((run, lo, hi))
        head = np.ones(n, dtype=bool)
        head[1:] = v[1:] != v[:-1]
        start = np.maximum.accumulate(np.where(head, np.arange(n), 0)) if n else np.zeros(0, dtype=np.int64)
        before += np.arange(n) - start  # earlier documents of this batch with the same fingerprint
        votes: dict[int, dict[int, int]] = {}
        voters = np.flatnonzero(before > 0)
        if len(voters):
            docs_l = d.tolist()
            ranges = [(r.docs, lo[voters].tolist(), hi[voters].tolist()) for r, lo, hi in looked]
            starts_l = start[voters].tolist()
            for q, (p, b) in enumerate(zip(voters.tolist(), before[voters].tolist(), strict=True)):
                mine = votes.setdefault(docs_l[p], {})
                g = starts_l[q]
                if b >= cap:  # saturated: a vote for its first document only
                    first = next((int(rd[rl[q]]) for rd, rl, rh in ranges if rh[q] > rl[q]), base + docs_l[g])
                    mine[first] = mine.get(first, 0) + 1
                    continue
                for rd, rl, rh in ranges:
                    if rh[q] > rl[q]:
                        for x in rd[rl[q] : rh[q]].tolist():
                            mine[x] = mine.get(x, 0) + 1
                for x in docs_l[g:p]:
                    mine[base + x] = mine.get(base + x, 0) + 1
        keep = before < cap
        if keep.any():
            self._runs.append(_Run(v[keep], (d[keep] + base).astype(np.uint32)))
            self._merge_runs()
        for doc_id in ids:
            self._idx[doc_id] = len(self._ids)
            self._ids.append(doc_id)
        k = self.params.min_shared
        removed = self._removed
        out: list[list[Candidate]] = []
        for i in range(len(ids)):
            got = votes.get(i)
            if not got:
                out.append([])
                continue
            hits = sorted((-c, x) for x, c in got.items() if c >= k and x not in removed)
            out.append([Candidate(self._ids[x], -c) for c, x in hits])
        return out

    def query(self, text: str) -> list[Candidate]:
        """The documents that ``add`` would return for ``text``, without indexing it."""
        return self._lookup(self.fingerprint(text), None)

    def remove(self, doc_id: str) -> None:
        """Forget a document: it is never a candidate again (its postings still count towards the cap)."""
        idx = self._idx.get(doc_id)
        if idx is None or idx in self._removed:
            raise KeyError(f"document {doc_id!r} is not in the index")
        self._removed.add(idx)

    # --- lookup and posting -----------------------------------------------------------------------

    def _lookup(self, prints: Hashes, insert_as: int | None) -> list[Candidate]:
        prints = np.asarray(prints, dtype=np.uint64)
        if len(prints) == 0:
            return []
        cap = self.params.df_cap
        from_runs: dict[int, list[int]] = {}
        for run in self._runs:  # oldest first, so postings are gathered in document order
            lo, hi = run.find(prints)
            found = np.flatnonzero(hi > lo)
            if len(found):
                docs = run.docs
                for i in found.tolist():
                    got = docs[lo[i] : hi[i]].tolist()
                    prior = from_runs.get(i)
                    if prior is None:
                        from_runs[i] = got
                    else:
                        prior.extend(got)
        votes: dict[int, int] = {}
        buf = self._buf
        posted: list[int] = []
        for i, fp in enumerate(prints.tolist()):
            in_buf = buf.get(fp)
            in_runs = from_runs.get(i) if from_runs else None
            if in_runs is None and in_buf is None:
                if insert_as is not None:
                    buf[fp] = [insert_as]
                    posted.append(fp)
                continue
            postings = in_runs + in_buf if in_runs and in_buf else in_runs or in_buf or []
            if len(postings) >= cap:  # saturated: a vote for its first document only
                first = postings[0]
                votes[first] = votes.get(first, 0) + 1
                continue
            for d in postings:
                votes[d] = votes.get(d, 0) + 1
            if insert_as is not None:
                if in_buf is None:
                    buf[fp] = [insert_as]
                else:
                    in_buf.append(insert_as)
                posted.append(fp)
        if insert_as is not None:
            self._buffered += len(posted)
            self._recent[insert_as] = posted
        k = self.params.min_shared
        removed = self._removed
        hits = sorted(((-n, d) for d, n in votes.items() if n >= k and d not in removed))
        ids = self._ids
        return [Candidate(ids[d], -n) for n, d in hits]

    def _freeze(self) -> None:
        """Turn the buffer into a sorted run; merge runs to keep their number logarithmic."""
        if not self._buf:
            return
        keys: list[int] = []
        docs: list[int] = []
        for fp, ds in self._buf.items():
            keys.extend([fp] * len(ds))
            docs.extend(ds)
        k = np.array(keys, dtype=np.uint64)
        order = np.argsort(k, kind="stable")
        self._runs.append(_Run(k[order], np.array(docs, dtype=np.uint32)[order]))
        self._buf = {}
        self._buffered = 0
        self._recent = {}
        self._merge_runs()

    def _merge_runs(self) -> None:
        factor = self.params.merge_factor
        while len(self._runs) >= 2 and len(self._runs[-2]) < factor * len(self._runs[-1]):
            newer = self._runs.pop()
            self._runs[-1] = _merge(self._runs[-1], newer)

    def _compact(self) -> _Run:
        """Every posting in one run (buffer included), in (fingerprint, document) order."""
        self._freeze()
        while len(self._runs) >= 2:
            newer = self._runs.pop()
            self._runs[-1] = _merge(self._runs[-1], newer)
        return self._runs[0] if self._runs else _Run(_EMPTY_KEYS, _EMPTY_DOCS)

    # --- rows for a database ----------------------------------------------------------------------

    def rows_for(self, doc_id: str) -> list[tuple[int, str]]:
        """The ``(fingerprint, doc_id)`` rows posted for a document (fingerprints fit a signed INTEGER).

        Cheap right after ``add`` (the document is still in the buffer); otherwise a vectorised scan of
        the runs. Saturated fingerprints post no row, so these are exactly the rows to persist.
        """
        idx = self._idx.get(doc_id)
        if idx is None:
            raise KeyError(f"document {doc_id!r} is not in the index")
        recent = self._recent.get(idx)
        if recent is not None:
            return [(fp, doc_id) for fp in sorted(recent)]
        found: list[int] = []
        for run in self._runs:
            found.extend(run.keys[run.docs == idx].tolist())
        found.extend(fp for fp, ds in self._buf.items() if idx in ds)
        return [(fp, doc_id) for fp in sorted(found)]

    def rows_since(self, position: int) -> list[tuple[int, str]]:
        """The rows of every document added at ``position`` or later (see ``position``), by document.

        One vectorised scan of the runs: what a store persists after an ``add_many`` batch.
        """
        keys: list[int] = []
        docs: list[int] = []
        for run in self._runs:
            mask = run.docs >= position
            keys.extend(run.keys[mask].tolist())
            docs.extend(run.docs[mask].tolist())
        for fp, ds in self._buf.items():
            for x in ds:
                if x >= position:
                    keys.append(fp)
                    docs.append(x)
        ids = self._ids
        return [(fp, ids[x]) for x, fp in sorted(zip(docs, keys, strict=True))]

    def postings(self) -> Iterator[tuple[int, str]]:
        """Every ``(fingerprint, doc_id)`` row, by document in insertion order, then by fingerprint."""
        run = self._compact()
        order = np.argsort(run.docs, kind="stable")
        ids = self._ids
        for fp, d in zip(run.keys[order].tolist(), run.docs[order].tolist(), strict=True):
            yield fp, ids[d]

    @classmethod
    def from_postings(
        cls,
        rows: Iterable[tuple[int, str]],
        params: IndexParams | None = None,
        doc_ids: Iterable[str] | None = None,
    ) -> ShingleIndex:
        """Rebuild an index from its rows. ``doc_ids`` gives the insertion order (documents that posted
        no row included); without it the order is that of each document's first row."""
        index = cls(params)
        if doc_ids is not None:
            for given in doc_ids:
                if not isinstance(given, str) or not given or given in index._idx:
                    raise ValueError(
                        f"doc_ids must be distinct non-empty str, got {given!r} (twice or empty)"
                    )
                index._idx[given] = len(index._ids)
                index._ids.append(given)
        keys: list[int] = []
        docs: list[int] = []
        for fp, doc_id in rows:
            idx = index._idx.get(doc_id)
            if idx is None:
                if doc_ids is not None:
                    raise ValueError(f"row for {doc_id!r}, which is not in doc_ids: pass every document id")
                idx = index._idx[doc_id] = len(index._ids)
                index._ids.append(doc_id)
            keys.append(int(fp) & MASK63)
            docs.append(idx)
        if keys:
            k = np.array(keys, dtype=np.uint64)
            d = np.array(docs, dtype=np.uint32)
            order = np.lexsort((d, k))
            index._runs = [_Run(k[order], d[order])]
        return index

    # --- files ------------------------------------------------------------------------------------

    def to_arrays(self) -> dict[str, npt.NDArray[Any]]:
        """The whole index as named arrays (what ``save`` writes; no pickled objects)."""
        run = self._compact()
        meta = {
            "format": FORMAT,
            "params": self.params.as_dict(),
            "ids": self._ids,
            "removed": sorted(self._removed),
        }
        return {
            "keys": run.keys,
            "docs": run.docs,
            "meta": np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8),
        }

    @classmethod
    def from_arrays(cls, arrays: Any) -> ShingleIndex:
        try:
            meta = json.loads(bytes(np.asarray(arrays["meta"], dtype=np.uint8)).decode("utf-8"))
            keys = np.asarray(arrays["keys"], dtype=np.uint64)
            docs = np.asarray(arrays["docs"], dtype=np.uint32)
        except (KeyError, ValueError, UnicodeDecodeError) as exc:
            raise ValueError(
                f"not a Chronique reuse index ({exc}): was it written by ShingleIndex.save?"
            ) from exc
        if meta.get("format") != FORMAT:
            raise ValueError(f"index format {meta.get('format')!r}, expected {FORMAT!r}: rebuild the index")
        index = cls(IndexParams.from_dict(meta["params"]))
        index._ids = list(meta["ids"])
        index._idx = {d: i for i, d in enumerate(index._ids)}
        index._removed = set(meta["removed"])
        if len(keys) != len(docs) or (len(docs) and int(docs.max()) >= len(index._ids)):
            raise ValueError("index arrays are inconsistent (keys/docs lengths or document numbers)")
        if len(keys):
            index._runs = [_Run(keys, docs)]
        return index

    def save(self, path: str | Path) -> None:
        """Write the index to one ``.npz`` file (uncompressed: fingerprints do not compress)."""
        with open(path, "wb") as fh:
            np.savez(fh, **cast(dict[str, Any], self.to_arrays()))

    @classmethod
    def load(cls, path: str | Path) -> ShingleIndex:
        with np.load(path, allow_pickle=False) as data:
            return cls.from_arrays({k: data[k] for k in data.files})

    # --- figures ----------------------------------------------------------------------------------

    def stats(self) -> dict[str, int]:
        postings = sum(len(r) for r in self._runs) + self._buffered
        return {
            "documents": len(self),
            "postings": postings,
            "runs": len(self._runs),
            "buffered": self._buffered,
            "run_bytes": sum(r.keys.nbytes + r.docs.nbytes for r in self._runs),
        }
