"""What a run found, as data: counts by source, by date granularity, by removal reason."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from chronique.pipeline import RunResult


@dataclass(frozen=True)
class RunSummary:
    articles: int
    added: int
    already_stored: int
    skipped: int
    skipped_by_reason: dict[str, int]
    redated: int
    reuse_pairs: int
    sources: dict[str, int]
    dated: dict[str, int]  # granularity → articles
    removed: dict[str, int]  # reason → spans
    removed_chars: int
    seconds: float

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def summarise(result: RunResult) -> RunSummary:
    removed: Counter[str] = Counter()
    chars = 0
    for a in result.articles:
        for r in a.removed:
            removed[r.reason.split(":")[0] if r.reason.startswith("metadata") else r.reason] += 1
            chars += r.end - r.start
    return RunSummary(
        articles=len(result.articles),
        added=result.added,
        already_stored=result.already_stored,
        skipped=len(result.skipped),
        skipped_by_reason=dict(result.skipped_by_reason),
        redated=result.redated,
        reuse_pairs=result.reuse_pairs,
        sources=dict(Counter(a.source or "(unknown)" for a in result.articles).most_common()),
        dated=dict(Counter(a.published.granularity for a in result.articles)),
        removed=dict(removed.most_common()),
        removed_chars=chars,
        seconds=round(result.seconds, 3),
    )
