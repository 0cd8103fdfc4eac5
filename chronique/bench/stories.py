"""Stories at scale: the cost of adding one article as the store grows, and timeline latency.

A synthetic corpus is built from the RPM2 sentences: story ``s`` draws its articles' sentences from
RPM2 story ``s mod 20``, carries two names of its own (so stories built from one RPM2 pool stay
distinct, as real stories have their own people and places) and spreads its articles over two months
at a random point of ten years. Articles go through ``Store.add`` in batches — the store path of
ingest, with its full-text index and the online clustering, without the NLP model (whose cost per
article does not depend on the store's size) — and the time per article is taken over the last
``window`` articles before each checkpoint. Then timelines of random stories are built through the
Python API, as ``chronique timeline --story`` does, and the same stories described, as ``chronique
story ID`` does.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chronique.cluster import vector_of
from chronique.dates.events import sentences
from chronique.model import Article, PublicationDate, content_id
from chronique.pipeline import dated_sentences

ARTICLES_PER_STORY = 20
SENTENCES_PER_ARTICLE = 8
BATCH = 200


@dataclass
class StoriesBenchResult:
    checkpoints: list[dict[str, Any]] = field(default_factory=list)  # size, ms per article
    timeline_ms: list[float] = field(default_factory=list)
    story_ms: list[float] = field(default_factory=list)  # describing one story, as `chronique story ID`
    stories: int = 0
    seconds: float = 0.0

    @property
    def growth(self) -> float | None:
        """Time per article at the largest checkpoint over that at the smallest."""
        if len(self.checkpoints) < 2 or self.checkpoints[0]["ms_per_article"] <= 0:
            return None
        return float(self.checkpoints[-1]["ms_per_article"] / self.checkpoints[0]["ms_per_article"])

    def as_dict(self) -> dict[str, Any]:
        p95 = _percentile(self.timeline_ms, 95)
        return {
            "checkpoints": self.checkpoints,
            "growth": None if self.growth is None else round(self.growth, 3),
            "stories": self.stories,
            "timeline_p50_ms": round(_percentile(self.timeline_ms, 50), 1),
            "timeline_p95_ms": round(p95, 1),
            "story_p50_ms": round(_percentile(self.story_ms, 50), 1),
            "story_p95_ms": round(_percentile(self.story_ms, 95), 1),
            "seconds": round(self.seconds, 1),
        }

    def format(self) -> str:
        lines = ["Stories at scale (synthetic articles from RPM2 sentences, through Store.add)", ""]
        lines.append(f"  {'stored':>9} {'ms/article':>11}")
        for c in self.checkpoints:
            lines.append(f"  {c['size']:>9,} {c['ms_per_article']:>11.2f}")
        if self.growth is not None:
            lines.append(f"  per-article time, largest / smallest store: {self.growth:.2f}× (target ≤ 2×)")
        if self.timeline_ms:
            lines.append(
                f"  timeline of a story ({len(self.timeline_ms)} queries): p50 "
                f"{_percentile(self.timeline_ms, 50):.1f} ms, p95 {_percentile(self.timeline_ms, 95):.1f} ms"
                " (target p95 ≤ 200 ms)"
            )
        if self.story_ms:
            lines.append(
                f"  one story described ({len(self.story_ms)} queries): p50 "
                f"{_percentile(self.story_ms, 50):.1f} ms, p95 {_percentile(self.story_ms, 95):.1f} ms"
            )
        lines.append(f"  {self.stories:,} stories found; {self.seconds:.0f} s in all")
        return "\n".join(lines)


def _percentile(values: list[float], q: int) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[k]


def _pools(rpm2: Path) -> list[list[str]]:
    by_story: dict[str, list[str]] = {}
    for path in sorted(rpm2.glob("T*.txt")):
        text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
        body = text.split("\n", 1)[-1]
        found = [body[s:e] for s, e in sentences(body) if len(body[s:e].split()) >= 6]
        by_story.setdefault(path.name[:3], []).extend(found)
    return [pool for _, pool in sorted(by_story.items())]


def synthetic(n: int, rpm2: Path, seed: int = 7) -> list[tuple[Article, list[str]]]:
    """``n`` articles in stories of ``ARTICLES_PER_STORY``, with their entity names."""
    rng = random.Random(seed)
    pools = _pools(rpm2)
    start = dt.date(2010, 1, 1).toordinal()
    out = []
    story_day: dict[int, int] = {}
    for i in range(n):
        s = i // ARTICLES_PER_STORY
        if s not in story_day:
            story_day[s] = start + rng.randrange(3650)
        pool = pools[s % len(pools)]
        text = " ".join(rng.sample(pool, min(SENTENCES_PER_ARTICLE, len(pool)))) + f" (Dépêche {i}.)"
        day = dt.date.fromordinal(story_day[s] + rng.randrange(60)).isoformat()
        article = Article(
            id=content_id(text),
            raw_text=text,
            text=text,
            published=PublicationDate(day, "day", "synthetic", 1.0, "declared"),
        )
        out.append((article, [f"Personne Numéro{s}", f"Ville Numéro{s}"]))
    return out


def run_stories_bench(
    sizes: tuple[int, ...] = (1_000, 10_000, 100_000),
    *,
    rpm2: Path | None = None,
    window: int = 500,
    timeline_queries: int = 30,
    seed: int = 7,
) -> StoriesBenchResult:
    """Per-article cost of ``Store.add`` (with clustering) at each size, then timeline latency."""
    from chronique.api import Chronique
    from chronique.settings import Settings

    started = time.perf_counter()
    rpm2 = rpm2 or Path(__file__).resolve().parents[2] / "data" / "rpm2" / "documents"
    sizes = tuple(sorted(sizes))
    corpus = synthetic(sizes[-1], rpm2, seed)
    vectors = {a.id: vector_of(a.text, None, names) for a, names in corpus}
    dated = {a.id: dated_sentences(a) for a, _ in corpus}  # ingest computes them too, at constant cost
    result = StoriesBenchResult()
    with tempfile.TemporaryDirectory(prefix="chronique-stories-") as tmp:
        chq = Chronique(settings=Settings(db=str(Path(tmp) / "s.db"), nlp=False))
        try:
            timings: list[float] = []
            for i in range(0, len(corpus), BATCH):
                batch = [a for a, _ in corpus[i : i + BATCH]]
                t0 = time.perf_counter()
                chq.store.add(batch, None, None, vectors, dated)
                timings.append((time.perf_counter() - t0) / len(batch))
                done = i + len(batch)
                for size in sizes:
                    if done == size:
                        last = timings[-max(1, window // BATCH) :]
                        result.checkpoints.append(
                            {"size": size, "ms_per_article": round(1000 * statistics.mean(last), 3)}
                        )
            ids = chq.store.story_ids()
            result.stories = len(ids)
            rng = random.Random(seed)
            for sid in rng.sample(ids, min(timeline_queries, len(ids))):
                t0 = time.perf_counter()
                chq.timeline(story=sid)
                result.timeline_ms.append(1000 * (time.perf_counter() - t0))
                t0 = time.perf_counter()
                chq.story(sid)
                result.story_ms.append(1000 * (time.perf_counter() - t0))
        finally:
            chq.close()
    result.seconds = time.perf_counter() - started
    return result
