"""Exact passage alignment between two texts, tolerant of small edits.

1. Both texts are cut into words (``shingles.words``: offsets kept, case, accents, punctuation and quote
   marks ignored) and word ``ngram``-shingles.
2. Every maximal run of shingles shared on one diagonal (source shingle ``i + k`` = target shingle
   ``j + k``) is a *piece*: an exact common stretch of at least ``ngram`` words.
3. Pieces are taken longest first; each target word belongs to one piece at most (a piece overlapping
   taken ones keeps its longest free stretch, if it is still ``ngram`` words long). A target that repeats
   a source sentence twice gets two passages; the source side may repeat.
4. Pieces consecutive in the target are merged when both gaps are at most ``max_gap`` words (a word
   substituted, inserted or deleted, a changed number) and the source goes forward. A passage of
   ``min_words`` is then grown over edits at its edges: after at most ``max_gap`` words skipped on
   either side, two or more words matching again (too few to make a shingle) join it.
5. A passage is kept when its pieces match at least ``min_words`` words. Its offsets snap to word
   boundaries (first word's start, last word's end) on both sides; its ``text`` is the source side.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from chronique.reuse.shingles import MAX_NGRAM, Words, shingle_hashes, words


@dataclass(frozen=True)
class AlignParams:
    """How passages are found: shingle size, shortest passage, largest edit bridged inside a passage."""

    ngram: int = 5
    min_words: int = 10
    max_gap: int = 4

    def __post_init__(self) -> None:
        for name, value, low, high, advice in (
            ("ngram", self.ngram, 1, MAX_NGRAM, "words per shingle; 4 or 5 suit news"),
            ("min_words", self.min_words, self.ngram, 10_000, f"at least ngram ({self.ngram}) words"),
            ("max_gap", self.max_gap, 0, 1_000, "words of edit bridged inside a passage; 0 disables it"),
        ):
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                raise ValueError(f"{name} must be an int from {low} to {high}, got {value!r}: {advice}")


@dataclass(frozen=True, slots=True)
class Passage:
    """A passage of the source found again in the target: ``[start, end)`` offsets on both sides."""

    source_start: int
    source_end: int
    target_start: int
    target_end: int
    text: str  # the source side, ``source_text[source_start:source_end]``
    words: int  # words matched exactly (the passage's span may hold a few edited words more)

    def as_dict(self) -> dict[str, Any]:
        """The passage object of the public JSON export."""
        return {
            "source_start": self.source_start,
            "source_end": self.source_end,
            "target_start": self.target_start,
            "target_end": self.target_end,
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Passage:
        return cls(
            int(d["source_start"]),
            int(d["source_end"]),
            int(d["target_start"]),
            int(d["target_end"]),
            str(d["text"]),
            int(d.get("words", 0)),
        )


@dataclass(frozen=True, slots=True)
class Alignment:
    """The passages shared by two texts and how much of each text they cover (in words)."""

    passages: tuple[Passage, ...]
    source_words: int
    target_words: int
    source_covered: int  # source words inside some passage
    target_covered: int  # target words inside some passage

    @property
    def source_share(self) -> float:
        return self.source_covered / self.source_words if self.source_words else 0.0

    @property
    def target_share(self) -> float:
        return self.target_covered / self.target_words if self.target_words else 0.0

    @property
    def similarity(self) -> float:
        """Containment of the shorter text: the larger of the two covered shares."""
        return max(self.source_share, self.target_share)


def _pieces(sw: Words, tw: Words, n: int) -> list[tuple[int, int, int]]:
    """Maximal diagonal runs of shared shingles as ``(source_word, target_word, words)``, longest first."""
    source = shingle_hashes(sw.hashes, n).tolist()
    target = shingle_hashes(tw.hashes, n).tolist()
    where: dict[int, list[int]] = {}
    for i, h in enumerate(source):
        at = where.get(h)
        if at is None:
            where[h] = [i]
        else:
            at.append(i)
    runs: list[list[int]] = []  # [source shingle, target shingle, shingles]
    open_on: dict[int, int] = {}  # diagonal → the run last extended on it
    for j, h in enumerate(target):
        at = where.get(h)
        if at is None:
            continue
        for i in at:
            r = open_on.get(i - j)
            if r is not None and runs[r][1] + runs[r][2] == j:
                runs[r][2] += 1
            else:
                open_on[i - j] = len(runs)
                runs.append([i, j, 1])
    pieces = [(i, j, length + n - 1) for i, j, length in runs]
    pieces.sort(key=lambda p: (-p[2], p[1], p[0]))
    return pieces


def _merge(pieces: list[list[int]], max_gap: int) -> list[list[int]]:
    """Merge ``[t0, t1, s0, s1, matched]`` pieces (target order) separated by small gaps on both sides."""
    merged: list[list[int]] = []
    for piece in pieces:
        if merged:
            last = merged[-1]
            t_gap, s_gap = piece[0] - last[1], piece[2] - last[3]
            if t_gap <= max_gap and -max_gap <= s_gap <= max_gap and piece[2] > last[2]:
                last[1] = max(last[1], piece[1])
                last[3] = max(last[3], piece[3])
                last[4] += piece[4]
                continue
        merged.append(list(piece))
    return merged


_MIN_EXTENSION = 2  # words that must match again after an edit at a passage's edge


def _extend(m: list[int], sh: list[int], th: list[int], t_low: int, t_high: int, max_gap: int) -> None:
    """Grow a passage over edits at its edges: after at most ``max_gap`` words skipped on each side,
    at least two words must match again (too few for a shingle, so the pieces missed them)."""
    while True:  # backwards
        best = (0, 0, 0)  # (matched, skip source, skip target)
        for gs in range(max_gap + 1):
            for gt in range(max_gap + 1):
                i, j, k = m[2] - 1 - gs, m[0] - 1 - gt, 0
                while i - k >= 0 and j - k >= t_low and sh[i - k] == th[j - k]:
                    k += 1
                if k > best[0] or (k == best[0] and k and gs + gt < best[1] + best[2]):
                    best = (k, gs, gt)
        k, gs, gt = best
        if k < _MIN_EXTENSION:
            break
        m[2] -= gs + k
        m[0] -= gt + k
        m[4] += k
    while True:  # forwards
        best = (0, 0, 0)
        for gs in range(max_gap + 1):
            for gt in range(max_gap + 1):
                i, j, k = m[3] + gs, m[1] + gt, 0
                while i + k < len(sh) and j + k < t_high and sh[i + k] == th[j + k]:
                    k += 1
                if k > best[0] or (k == best[0] and k and gs + gt < best[1] + best[2]):
                    best = (k, gs, gt)
        k, gs, gt = best
        if k < _MIN_EXTENSION:
            break
        m[3] += gs + k
        m[1] += gt + k
        m[4] += k


def align_words(source_text: str, sw: Words, tw: Words, params: AlignParams | None = None) -> Alignment:
    """``align`` for texts cut into words already (``source_text`` gives the passages' text)."""
    p = params or AlignParams()
    n = p.ngram
    taken = bytearray(len(tw))
    chosen: list[tuple[int, int, int]] = []  # (target word, source word, words)
    for s0, t0, length in _pieces(sw, tw, n):
        best_start, best_len, run_start = 0, 0, -1
        for t in range(t0, t0 + length + 1):
            free = t < t0 + length and not taken[t]
            if free and run_start < 0:
                run_start = t
            elif not free and run_start >= 0:
                if t - run_start > best_len:
                    best_start, best_len = run_start, t - run_start
                run_start = -1
        if best_len < n:
            continue
        taken[best_start : best_start + best_len] = b"\x01" * best_len
        chosen.append((best_start, s0 + best_start - t0, best_len))
    chosen.sort()
    merged = _merge([[t0, t0 + length, s0, s0 + length, length] for t0, s0, length in chosen], p.max_gap)
    if p.max_gap:
        sh, th = sw.hashes.tolist(), tw.hashes.tolist()
        for k, m in enumerate(merged):
            if m[4] >= p.min_words:
                t_low = merged[k - 1][1] if k else 0
                t_high = merged[k + 1][0] if k + 1 < len(merged) else len(th)
                _extend(m, sh, th, t_low, t_high, p.max_gap)
        merged = _merge(merged, p.max_gap)
    passages: list[Passage] = []
    source_taken = bytearray(len(sw))
    target_covered = 0
    for t0, t1, s0, s1, matched in merged:
        if matched < p.min_words:
            continue
        start, end = sw.starts[s0], sw.ends[s1 - 1]
        passages.append(Passage(start, end, tw.starts[t0], tw.ends[t1 - 1], source_text[start:end], matched))
        source_taken[s0:s1] = b"\x01" * (s1 - s0)
        target_covered += t1 - t0
    return Alignment(tuple(passages), len(sw), len(tw), source_taken.count(1), target_covered)


def align(source: str, target: str, params: AlignParams | None = None) -> Alignment:
    """The passages of ``source`` found again in ``target`` (offsets into both, text from the source)."""
    if not isinstance(source, str) or not isinstance(target, str):
        raise TypeError("align() takes two str texts (the source first)")
    return align_words(source, words(source), words(target), params)
