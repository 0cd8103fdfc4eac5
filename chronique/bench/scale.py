"""Scaling: the Dask batch path (1 and 2 local workers) against the single-process ingest, and the
PostgreSQL store against SQLite.

One synthetic JSONL corpus (``build_corpus``) goes through:

1. ``ingest`` in this process into a fresh SQLite store — the reference;
2. ``analyse_to_shards`` on a local Dask cluster of 1, then 2 worker processes, then ``load_shards``
   into a fresh SQLite store; each run's articles/s (analysis step, and analysis + load) against the
   reference, the scaling efficiency (speedup / workers) and the peak RSS of each worker process;
3. each Dask run's export (``json.dumps(Chronique(db).export(), sort_keys=True)``) against the
   reference's, with the first difference when there is one;
4. with ``postgres``, ``ingest`` into a throwaway PostgreSQL server (a new cluster in a temporary
   folder, on a free local port), then query rates on both stores: full-text searches, date-range
   article lists and single-article reads.

Every run has the NLP model on (default settings) and the same ``today``, so exports compare.
Memory is sampled with psutil every ``SAMPLE_SECONDS`` (this process, and during the Dask runs its
worker processes), so a spike shorter than that can be missed. The process's figures include what
earlier phases left loaded (the spaCy model after the first ingest, for instance).

The corpus: each synthetic story takes one RPM2 topic and period (file names ``Tnn_Cm_kk``: topic
``nn``, period ``m``), a start date between 2019 and 2025 and a few weeks of articles. An article
starts from one RPM2 article of that topic and period (its title and paragraphs), drops some
paragraphs and swaps others for paragraphs of sibling articles, so articles share passages (reuse)
and vocabulary (clustering) while no two texts are the same. Sources are a handful of outlets, most
of whose articles end with the outlet's footer line (learned boilerplate). Seeded: the same ``n``
and ``seed`` give the same file.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import json
import logging
import os
import random
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chronique.bench.postgres import new_database, throwaway_server
from chronique.model import content_id
from chronique.settings import Settings

log = logging.getLogger("chronique.bench.scale")

TODAY = dt.date(2026, 11, 23)
SAMPLE_SECONDS = 0.2
QUERIES = 200
ARTICLES_PER_STORY = (8, 40)  # a synthetic story's size, drawn uniformly
STORY_DAYS = 30
FIRST_DAY = dt.date(2019, 1, 1)
LAST_DAY = dt.date(2025, 12, 31)
SOURCES = {
    "lemonde.fr": "Le Monde avec AFP – Tous droits réservés",
    "liberation.fr": "Libération – Abonnez-vous pour lire la suite de nos articles",
    "lefigaro.fr": "Le Figaro – Retrouvez toute l'actualité sur lefigaro.fr",
    "ouest-france.fr": "Ouest-France – Toute l'actualité en continu",
    "francetvinfo.fr": "franceinfo – Recevez l'essentiel de l'actualité chaque matin",
    "20minutes.fr": "20 Minutes – Partagez cet article",
}
FOOTER_SHARE = 0.7
SEARCH_WORDS = (
    "gouvernement", "président", "ministre", "France", "police", "justice", "accord", "pays",
    "élection", "enquête", "guerre", "économie", "crise", "tribunal", "manifestation", "otages",
    "Paris", "européenne", "grève", "réforme",
)  # fmt: skip


# -- the corpus ---------------------------------------------------------------------------------


def _rpm2_folder() -> Path:
    return Path(__file__).resolve().parents[2] / "data" / "rpm2" / "documents"


def _rpm2(folder: Path) -> dict[str, list[tuple[str, list[str]]]]:
    """RPM2 articles by topic and period (``T01_C1``): each its title and paragraphs."""
    groups: dict[str, list[tuple[str, list[str]]]] = {}
    for path in sorted(folder.glob("T*.txt")):
        text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
        lines = [line.strip() for line in text.split("\n") if line.strip()]
        if len(lines) < 3:
            continue
        groups.setdefault(path.name[:6], []).append((lines[0], lines[1:]))
    if not groups:
        raise FileNotFoundError(f"no RPM2 articles (T*.txt) in {folder}")
    return groups


def _article_text(rng: random.Random, siblings: list[tuple[str, list[str]]]) -> tuple[str, list[str]]:
    title, paragraphs = rng.choice(siblings)
    others = [p for _, ps in siblings for p in ps]
    body = [paragraphs[0]]  # the lede stays
    for p in paragraphs[1:]:
        roll = rng.random()
        if roll < 0.15:
            continue  # dropped
        body.append(rng.choice(others) if roll < 0.5 else p)  # swapped for a sibling's paragraph
    if rng.random() < 0.5:
        body.append(rng.choice(others))
    return title, body


def build_corpus(path: str | Path, n: int, seed: int = 0) -> int:
    """Write ``n`` synthetic articles (JSONL: id, url, title, text, source, published) built from
    RPM2 to ``path``; returns the number of words of their texts."""
    rng = random.Random(seed)
    groups = _rpm2(_rpm2_folder())
    keys = sorted(groups)
    sources = sorted(SOURCES)
    span = (LAST_DAY - FIRST_DAY).days - STORY_DAYS
    seen: set[str] = set()
    words = 0
    written = 0
    story = 0
    with open(path, "w", encoding="utf-8") as out:
        while written < n:
            key = rng.choice(keys)
            start = FIRST_DAY + dt.timedelta(days=rng.randrange(span))
            size = rng.randint(*ARTICLES_PER_STORY)
            for _ in range(min(size, n - written)):
                for _attempt in range(20):
                    title, body = _article_text(rng, groups[key])
                    source = rng.choice(sources)
                    if rng.random() < FOOTER_SHARE:
                        body = [*body, SOURCES[source]]
                    text = "\n\n".join(body)
                    cid = content_id(text)
                    if cid not in seen:
                        break
                else:
                    text += f"\n\n(Mise à jour {written}.)"
                    cid = content_id(text)
                seen.add(cid)
                day = start + dt.timedelta(days=rng.randrange(STORY_DAYS))
                stamp = dt.datetime.combine(day, dt.time(rng.randrange(6, 23), rng.randrange(60)))
                slug = "-".join(title.lower().split()[:6])
                record = {
                    "id": f"syn-{written:06d}",
                    "url": f"https://www.{source}/{day:%Y/%m/%d}/{slug}_{written}",
                    "title": title,
                    "text": text,
                    "source": source,
                    "published": stamp.isoformat(timespec="minutes") + "+01:00",
                    "story": f"s{story:05d}-{key}",
                }
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                words += len(text.split())
                written += 1
            story += 1
    return words


# -- memory -------------------------------------------------------------------------------------


class _Sampler:
    """Peak RSS of this process and, with ``children``, of each child process (Dask's workers: the
    multiprocessing helpers are left out), polled every ``SAMPLE_SECONDS`` in a thread."""

    def __init__(self, children: bool = False) -> None:
        self.children = children
        self.main_peak = 0
        self.child_peaks: dict[int, int] = {}
        import psutil  # type: ignore[import-untyped]  # comes with distributed

        self._psutil_error: type[Exception] = psutil.Error
        self._me = psutil.Process()
        self._helpers: set[int] = set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)

    def __enter__(self) -> _Sampler:
        self._sample()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    def _run(self) -> None:
        while not self._stop.wait(SAMPLE_SECONDS):
            self._sample()

    def _sample(self) -> None:
        self.main_peak = max(self.main_peak, self._me.memory_info().rss)
        if not self.children:
            return
        for child in self._me.children(recursive=True):
            if child.pid in self._helpers:
                continue
            try:
                if child.pid not in self.child_peaks:
                    cmdline = " ".join(child.cmdline())
                    if "resource_tracker" in cmdline or "forkserver" in cmdline:
                        self._helpers.add(child.pid)
                        continue
                rss = child.memory_info().rss
            except self._psutil_error:  # gone meanwhile
                continue
            self.child_peaks[child.pid] = max(self.child_peaks.get(child.pid, 0), rss)

    @property
    def worker_peaks(self) -> list[int]:
        return sorted(self.child_peaks.values(), reverse=True)


# -- exports ------------------------------------------------------------------------------------


@dataclass
class _Digest:
    """An export as ``json.dumps(export, sort_keys=True)`` would write it, hashed: the whole, each
    top-level section and each article record (so a difference can be located without keeping two
    exports in memory)."""

    whole: str
    sections: dict[str, str]
    articles: list[tuple[str, str]]  # (id, hash of the record)


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _digest(export: dict[str, Any]) -> _Digest:
    whole = hashlib.sha256()
    sections: dict[str, str] = {}
    articles: list[tuple[str, str]] = []
    whole.update(b"{")
    for i, key in enumerate(sorted(export)):
        whole.update(((", " if i else "") + json.dumps(key) + ": ").encode("utf-8"))
        value = export[key]
        if key == "articles" and isinstance(value, list):
            part = hashlib.sha256()
            for j, record in enumerate(value):
                chunk = json.dumps(record, sort_keys=True)
                articles.append((str(record.get("id")), _sha(chunk)))
                piece = ("[" if j == 0 else ", ") + chunk
                part.update(piece.encode("utf-8"))
                whole.update(piece.encode("utf-8"))
            tail = "]" if value else "[]"
            part.update(tail.encode("utf-8"))
            whole.update(tail.encode("utf-8"))
            sections[key] = part.hexdigest()
        else:
            chunk = json.dumps(value, sort_keys=True)
            sections[key] = _sha(chunk)
            whole.update(chunk.encode("utf-8"))
    whole.update(b"}")
    return _Digest(whole.hexdigest(), sections, articles)


def _compare(reference: _Digest, other: _Digest) -> str | None:
    """None when the exports are the same; else the sections that differ and the first article."""
    if reference.whole == other.whole:
        return None
    keys = sorted(set(reference.sections) | set(other.sections))
    differing = [k for k in keys if reference.sections.get(k) != other.sections.get(k)]
    detail = f"sections {', '.join(differing)}"
    if "articles" in differing:
        for i, ((id_a, h_a), (id_b, h_b)) in enumerate(zip(reference.articles, other.articles, strict=False)):
            if id_a != id_b:
                detail += f"; article #{i}: {id_a} here, {id_b} there (order)"
                break
            if h_a != h_b:
                detail += f"; first differing article #{i}: {id_a}"
                break
        else:
            detail += f"; {len(reference.articles)} vs {len(other.articles)} articles"
    return detail


def _export(db: str, settings: Settings, keep: Path | None) -> tuple[_Digest, float]:
    from chronique.api import Chronique

    started = time.perf_counter()
    chq = Chronique(db, settings)
    try:
        export = chq.export()
    finally:
        chq.close()
    digest = _digest(export)
    if keep is not None:
        keep.write_text(json.dumps(export, sort_keys=True), encoding="utf-8")
    del export
    gc.collect()
    return digest, time.perf_counter() - started


# -- PostgreSQL ---------------------------------------------------------------------------------


@contextmanager
def _postgres() -> Iterator[str]:
    """A new empty database on a throwaway PostgreSQL server (``chronique.bench.postgres``)."""
    with throwaway_server() as base:
        yield new_database(base, "chronique_scale")


# -- results ------------------------------------------------------------------------------------


@dataclass
class Run:
    """One way through the corpus: the single-process ingest or a Dask batch, into one backend."""

    name: str
    backend: str
    workers: int  # 0: the single-process path
    articles: int
    seconds: float  # wall time of the whole run (analysis + load for Dask)
    analysis_seconds: float | None = None  # Dask: analyse_to_shards (cluster start and model loads included)
    load_seconds: float | None = None  # Dask: load_shards
    first_shard_seconds: float | None = None  # Dask: until the first shard was written
    main_peak_rss: int = 0  # this process (the client, and the load step for Dask)
    worker_peak_rss: list[int] = field(default_factory=list)
    export: str | None = None  # "reference", "IDENTICAL", "DIFFERENT", None when not compared
    difference: str | None = None
    export_seconds: float | None = None

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds > 0 else 0.0

    @property
    def analysis_per_s(self) -> float | None:
        if not self.analysis_seconds:
            return None
        return self.articles / self.analysis_seconds

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "backend": self.backend,
            "workers": self.workers,
            "articles": self.articles,
            "seconds": round(self.seconds, 2),
            "articles_per_s": round(self.articles_per_s, 2),
            "analysis_seconds": None if self.analysis_seconds is None else round(self.analysis_seconds, 2),
            "analysis_articles_per_s": None if self.analysis_per_s is None else round(self.analysis_per_s, 2),
            "load_seconds": None if self.load_seconds is None else round(self.load_seconds, 2),
            "first_shard_seconds": None
            if self.first_shard_seconds is None
            else round(self.first_shard_seconds, 2),
            "main_peak_rss_bytes": self.main_peak_rss,
            "worker_peak_rss_bytes": self.worker_peak_rss,
            "export": self.export,
            "difference": self.difference,
            "export_seconds": None if self.export_seconds is None else round(self.export_seconds, 2),
        }


@dataclass
class QueryRate:
    backend: str
    kind: str
    queries: int
    seconds: float
    rows: int = 0  # results over all queries (ids, articles or hits)

    @property
    def per_s(self) -> float:
        return self.queries / self.seconds if self.seconds > 0 else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "backend": self.backend,
            "kind": self.kind,
            "queries": self.queries,
            "seconds": round(self.seconds, 4),
            "queries_per_s": round(self.per_s, 1),
            "rows": self.rows,
        }


@dataclass
class ScaleResult:
    articles: int
    words: int
    cpus: int
    runs: list[Run] = field(default_factory=list)
    queries: list[QueryRate] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def reference(self) -> Run | None:
        return next((r for r in self.runs if r.workers == 0 and r.backend == "SQLite"), None)

    def speedup(self, run: Run, analysis_only: bool = False) -> float | None:
        ref = self.reference
        took = run.analysis_seconds if analysis_only else run.seconds
        if ref is None or not took:
            return None
        return ref.seconds / took

    def efficiency(self, run: Run, analysis_only: bool = False) -> float | None:
        s = self.speedup(run, analysis_only)
        return None if s is None or run.workers == 0 else s / run.workers

    def worker_scaling(self) -> float | None:
        """Analysis step, 2 workers against 1: speedup / 2 (Dask's own scaling, Amdahl aside)."""
        by_workers = {r.workers: r for r in self.runs if r.workers > 0}
        one, more = by_workers.get(1), max((w for w in by_workers if w > 1), default=None)
        if one is None or more is None or not one.analysis_seconds:
            return None
        took = by_workers[more].analysis_seconds
        return None if not took else (one.analysis_seconds / took) / more

    def as_dict(self) -> dict[str, Any]:
        def rounded(x: float | None) -> float | None:
            return None if x is None else round(x, 3)

        return {
            "articles": self.articles,
            "words": self.words,
            "cpus": self.cpus,
            "runs": [
                {
                    **r.as_dict(),
                    "speedup": rounded(self.speedup(r)),
                    "efficiency": rounded(self.efficiency(r)),
                    "analysis_speedup": rounded(self.speedup(r, True)),
                    "analysis_efficiency": rounded(self.efficiency(r, True)),
                }
                for r in self.runs
            ],
            "worker_scaling": rounded(self.worker_scaling()),
            "queries": [q.as_dict() for q in self.queries],
            "notes": self.notes,
            "seconds": round(self.seconds, 1),
        }

    def format(self) -> str:
        lines = [
            f"Scale: {self.articles:,} synthetic articles from RPM2 ({self.words:,} words), NLP on, "
            f"{self.cpus} CPUs",
            "",
            f"  {'run':<22} {'art/s':>7} {'wall s':>8} {'analysis':>9} {'load s':>7} {'speedup':>8} "
            f"{'effic.':>7} {'main RSS':>9} {'worker RSS':>11}  export",
        ]
        for r in self.runs:
            speedup, eff = self.speedup(r), self.efficiency(r)
            ana = r.analysis_per_s
            workers = _mb(max(r.worker_peak_rss)) if r.worker_peak_rss else "–"
            export = r.export or "–"
            if r.export_seconds is not None:
                export += f" ({r.export_seconds:.0f} s)"
            lines.append(
                f"  {r.name:<22} {r.articles_per_s:>7.1f} {r.seconds:>8.1f} "
                f"{'–' if ana is None else f'{ana:.1f}/s':>9} "
                f"{'–' if r.load_seconds is None else f'{r.load_seconds:.1f}':>7} "
                f"{'–' if speedup is None else f'{speedup:.2f}×':>8} "
                f"{'–' if eff is None else f'{eff:.0%}':>7} {_mb(r.main_peak_rss):>9} {workers:>11}  {export}"
            )
        for r in self.runs:
            if r.difference:
                lines.append(f"  {r.name}: export DIFFERENT — {r.difference}")
        dask = [r for r in self.runs if r.workers > 0]
        if dask:
            lines.append("")
            for r in dask:
                s = self.speedup(r, True)
                share = (r.load_seconds or 0) / r.seconds if r.seconds else 0.0
                lines.append(
                    f"  {r.name}: analysis step {r.analysis_per_s or 0:.1f} art/s ({s or 0:.2f}× the single "
                    f"process end to end); load step {share:.0%} of the run; first shard after "
                    f"{r.first_shard_seconds or 0:.1f} s (cluster start, model load, one batch)"
                )
            scaling = self.worker_scaling()
            if scaling is not None:
                lines.append(f"  analysis step, most workers vs 1: scaling efficiency {scaling:.0%}")
        if self.queries:
            lines += [
                "",
                f"  {'queries (rows per query)':<34} {'SQLite q/s':>16} {'PostgreSQL q/s':>16} {'ratio':>7}",
            ]
            kinds = list(dict.fromkeys(q.kind for q in self.queries))
            for kind in kinds:
                by = {q.backend: q for q in self.queries if q.kind == kind}
                lite, pg = by.get("SQLite"), by.get("PostgreSQL")
                ratio = f"{pg.per_s / lite.per_s:.2f}×" if lite and pg and lite.per_s else "–"
                lines.append(f"  {kind:<34} {_rate(lite):>16} {_rate(pg):>16} {ratio:>7}")
        for note in self.notes:
            lines.append(f"  note: {note}")
        lines.append(
            "  speedup: single-process wall / run wall; effic.: speedup / workers; RSS: sampled peaks"
        )
        lines.append(f"  {self.seconds:.0f} s in all")
        return "\n".join(lines)


def _rate(q: QueryRate | None) -> str:
    return "–" if q is None else f"{q.per_s:.1f} ({q.rows / max(1, q.queries):.0f})"


def _mb(n: int) -> str:
    return f"{n / 2**20:,.0f} MB"


# -- the benchmark ------------------------------------------------------------------------------


def _fresh(path: Path) -> Path:
    """``path`` without what an earlier run left there (a SQLite file and its WAL, or a folder)."""
    if path.is_dir():
        shutil.rmtree(path)
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)
    return path


def _single(name: str, backend: str, corpus: Path, db: str, settings: Settings) -> Run:
    from chronique.pipeline import ingest
    from chronique.store import Store

    log.info("%s: ingest", name)
    store = Store(db)
    try:
        with _Sampler() as mem:
            result = ingest([str(corpus)], store, settings.with_overrides(db=db), today=TODAY)
    finally:
        store.close()
    log.info("%s: %d articles in %.1f s, peak RSS %s", name, result.added, result.seconds, _mb(mem.main_peak))
    return Run(name, backend, 0, result.added, result.seconds, main_peak_rss=mem.main_peak)


def _dask(workers: int, corpus: Path, db: str, shards: Path, settings: Settings) -> Run:
    from chronique.batch import analyse_to_shards, load_shards
    from chronique.store import Store

    name = f"Dask, {workers} worker{'s' if workers > 1 else ''}"
    log.info("%s: analyse_to_shards", name)
    store = Store(db)
    settings = settings.with_overrides(db=db)
    first: list[float] = []
    try:
        started = time.perf_counter()

        def on_shard(index: int, articles: int) -> None:
            if not first:
                first.append(time.perf_counter() - started)
            if index % 10 == 0:
                log.info("%s: shard %d (%d articles) after %.0f s", name, index, articles, first[0])

        with _Sampler(children=True) as mem:
            batch = analyse_to_shards(
                [str(corpus)], settings, shards, workers=workers, store=store, today=TODAY, on_shard=on_shard
            )
            log.info("%s: %d documents analysed in %.1f s; load_shards", name, batch.documents, batch.seconds)
            loaded = load_shards(shards, store, settings, today=TODAY)
        log.info(
            "%s: %d articles loaded in %.1f s; peak RSS %s here, workers %s",
            name,
            loaded.added,
            loaded.seconds,
            _mb(mem.main_peak),
            ", ".join(_mb(b) for b in mem.worker_peaks),
        )
    finally:
        store.close()
    return Run(
        name,
        "SQLite",
        workers,
        loaded.added,
        batch.seconds + loaded.seconds,
        analysis_seconds=batch.seconds,
        load_seconds=loaded.seconds,
        first_shard_seconds=first[0] if first else None,
        main_peak_rss=mem.main_peak,
        worker_peak_rss=mem.worker_peaks,
    )


def _query_rates(db: str, backend: str, rng: random.Random) -> list[QueryRate]:
    from chronique.store import Store

    store = Store(db)
    try:
        ids = store.ids()
        months = sorted({a.published.value[:7] for a in store.iter_articles() if a.published.value})
        searches = [SEARCH_WORDS[i % len(SEARCH_WORDS)] for i in range(QUERIES)]
        windows = []
        for _ in range(QUERIES):
            i = rng.randrange(len(months))
            windows.append((months[i], months[min(len(months) - 1, i + rng.randrange(3))]))
        picks = [rng.choice(ids) for _ in range(QUERIES)]
        store.search_ids(searches[0])  # warm the connection pool and caches
        rates = []
        t0 = time.perf_counter()
        found = sum(len(store.search_ids(w)) for w in searches)
        rates.append(QueryRate(backend, "search_ids(word)", QUERIES, time.perf_counter() - t0, found))
        t0 = time.perf_counter()
        listed = sum(len(store.articles(since=a, until=b, limit=50)) for a, b in windows)
        rates.append(
            QueryRate(backend, "articles(since, until, limit=50)", QUERIES, time.perf_counter() - t0)
        )
        t0 = time.perf_counter()
        got = sum(store.get(i) is not None for i in picks)
        rates.append(QueryRate(backend, "get(id)", QUERIES, time.perf_counter() - t0, got))
        log.info("%s queries: %d search hits, %d listed, %d got", backend, found, listed, got)
        return rates
    finally:
        store.close()


def run_scale_bench(
    n: int = 20_000,
    workers: tuple[int, ...] = (1, 2),
    postgres: bool = True,
    compare_exports: bool = True,
    work: str | None = None,
) -> ScaleResult:
    """The single-process ingest, then Dask batches with each number of ``workers``, over ``n``
    synthetic articles; exports compared with ``compare_exports``; PostgreSQL ingest and query rates
    on both backends with ``postgres``. Files go to ``work`` (kept; default a temporary folder)."""
    started = time.perf_counter()
    scratch = None
    if work is None:
        scratch = tempfile.TemporaryDirectory(prefix="chronique-scale-")
        folder = Path(scratch.name)
    else:
        folder = Path(work)
        folder.mkdir(parents=True, exist_ok=True)
    settings = Settings()
    try:
        corpus = folder / f"corpus-{n}.jsonl"
        t0 = time.perf_counter()
        words = build_corpus(corpus, n)
        log.info("corpus: %d articles, %d words in %.1f s", n, words, time.perf_counter() - t0)
        result = ScaleResult(articles=n, words=words, cpus=os.cpu_count() or 1)
        keep = folder if work is not None else None

        lite = str(_fresh(folder / "single.db"))
        ref = _single("single process", "SQLite", corpus, lite, settings)
        result.runs.append(ref)
        reference = None
        if compare_exports:
            reference, ref.export_seconds = _export(lite, settings, None)
            ref.export = "reference"
        for w in workers:
            db = str(_fresh(folder / f"dask-{w}.db"))
            run = _dask(w, corpus, db, _fresh(folder / f"shards-{w}"), settings)
            result.runs.append(run)
            if reference is not None:
                digest, run.export_seconds = _export(db, settings, None)
                run.difference = _compare(reference, digest)
                run.export = "IDENTICAL" if run.difference is None else "DIFFERENT"
                if run.difference is not None and keep is not None:  # both, for a diff
                    _export(lite, settings, keep / "export-single.json")
                    _export(db, settings, keep / f"export-dask-{w}.json")
                log.info("%s: export %s", run.name, run.export)
            gc.collect()
        if postgres:
            try:
                with _postgres() as url:
                    pg = _single("single, PostgreSQL", "PostgreSQL", corpus, url, settings)
                    result.runs.append(pg)
                    result.queries += _query_rates(lite, "SQLite", random.Random(0))
                    result.queries += _query_rates(url, "PostgreSQL", random.Random(0))
            except (RuntimeError, OSError, subprocess.CalledProcessError) as exc:
                result.notes.append(f"PostgreSQL skipped: {exc}")
                result.queries += _query_rates(lite, "SQLite", random.Random(0))
        result.seconds = time.perf_counter() - started
        return result
    finally:
        if scratch is not None:
            scratch.cleanup()
