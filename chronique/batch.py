"""``chronique batch``: the per-article stages on a Dask cluster, then one ordered load into the store.

Step 1 (``analyse_to_shards``). The client streams the inputs (folders, JSONL, WARC, feeds) and cuts
them into the batches ``ingest`` would make, with the same de-duplication and the same learned
boilerplate counts, so each batch is analysed exactly as ``ingest`` would analyse it. Each batch goes
to a worker with the counts it needs (those of its own articles' lines, not the whole table); the
worker cleans, dates and annotates it (one spaCy model per worker process, loaded on first use) and
writes one Parquet shard. At most a few batches per worker are in flight, so the corpus is never
held in memory.

Step 2 (``load_shards``). The shards are written into the store in batch order — entities linked
across the corpus, online clustering, learned-line counts — then publication dates are refined across
articles and the reuse index is updated: the order-dependent stages run once, in order, as in
``ingest``. The store then holds what ``ingest`` of the same inputs would have stored.

A shard is a Parquet table, one row per article: readable columns (``id``, ``file``, ``url``,
``title``, ``source``, ``published``, ``quotes``, ``mentions``) and ``payload``, the pickled
analysis the load step needs (article, date evidence, annotations, vector, dated sentences). Shards
are an intermediate product: load them with the Chronique version that wrote them.
"""

from __future__ import annotations

import datetime as dt
import logging
import pickle
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chronique.clean.learned import LineStats, article_line_keys, source_key
from chronique.errors import ChroniqueError
from chronique.ingest import read_inputs
from chronique.model import Article, Document
from chronique.pipeline import (
    Analysed,
    RunResult,
    Skipped,
    analyse_batch,
    finish_run,
    plan_batches,
    prepare_store,
    record_batch,
)
from chronique.settings import Settings
from chronique.store import Store

SHARD = "shard-{:06d}.parquet"
IN_FLIGHT_PER_WORKER = 2


@dataclass
class BatchResult:
    shards: int = 0
    documents: int = 0
    already_stored: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    workers: int = 0
    seconds: float = 0.0


def _stats_for(stats: LineStats, docs: Iterable[Document]) -> LineStats:
    """The counts the cleaner consults for ``docs`` (their sources and their own lines), and the
    increments the store must add, as they stand now."""
    part = LineStats(stats.min_articles, stats.min_share)
    for doc in docs:
        s = source_key(doc.source)
        part.articles[s] = stats.articles[s]
        for key in article_line_keys(doc.raw_text):
            part.lines[(s, key)] = stats.lines[(s, key)]
    part.new_articles.update(stats.new_articles)
    part.new_lines.update(stats.new_lines)
    return part


def analyse_shard(
    index: int, docs: list[Document], stats: LineStats, settings: Settings, today: dt.date, folder: str
) -> int:
    """On a worker: analyse one batch and write its shard; returns the number of articles in it."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    done = analyse_batch(docs, stats, settings, today)
    rows: dict[str, list[Any]] = {
        "id": [], "file": [], "url": [], "title": [], "source": [], "published": [],
        "quotes": [], "mentions": [], "payload": [],
    }  # fmt: skip
    for a in done.articles:
        ann = done.annotations.get(a.id) if done.annotations else None
        rows["id"].append(a.id)
        rows["file"].append(a.file)
        rows["url"].append(a.url)
        rows["title"].append(a.title)
        rows["source"].append(a.source)
        rows["published"].append(a.published.value)
        rows["quotes"].append(len(ann.quotes) if ann else 0)
        rows["mentions"].append(len(ann.entities.mentions) if ann else 0)
        payload = (a, done.known.get(a.id), ann, done.vectors[a.id], done.dated[a.id])
        rows["payload"].append(pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL))
    table = pa.table(rows)
    meta = {
        b"chronique.skipped": pickle.dumps(done.skipped),
        b"chronique.stats": pickle.dumps((dict(stats.new_articles), dict(stats.new_lines))),
    }
    table = table.replace_schema_metadata(meta)
    tmp = Path(folder) / (SHARD.format(index) + ".tmp")
    pq.write_table(table, tmp)
    tmp.rename(Path(folder) / SHARD.format(index))  # a shard exists whole or not at all
    return len(done.articles)


def analyse_to_shards(
    inputs: Iterable[str],
    settings: Settings,
    folder: str | Path,
    *,
    scheduler: str = "local",
    workers: int = 2,
    store: Store | None = None,
    today: dt.date | None = None,
    on_shard: Callable[[int, int], None] | None = None,
) -> BatchResult:
    """Step 1: the per-article stages of ``inputs`` on Dask (``scheduler``: ``local`` for a
    ``LocalCluster`` of ``workers`` processes, or a scheduler address), one shard per batch in
    ``folder``. With ``store``, articles it already holds are left out."""
    from distributed import Client, LocalCluster

    started = time.perf_counter()
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if any(folder.glob("shard-*.parquet")):
        raise ChroniqueError(f"{folder} already holds shards: load them or choose an empty folder")
    today = today or dt.date.today()
    result = BatchResult()
    run = RunResult()
    scratch = None
    if store is None:  # nothing stored yet: plan against an empty scratch store
        scratch = tempfile.TemporaryDirectory(prefix="chronique-batch-")
    plan_store = store if store is not None else Store(str(Path(scratch.name) / "plan.db"))  # type: ignore[union-attr]
    _quiet_dask()
    cluster = (
        LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, silence_logs=logging.ERROR)  # type: ignore[no-untyped-call]
        if scheduler == "local"
        else None
    )
    try:
        with Client(cluster if cluster is not None else scheduler) as client:  # type: ignore[no-untyped-call]
            result.workers = len(client.scheduler_info().get("workers", {})) or workers
            pending: deque[Any] = deque()
            limit = max(1, result.workers * IN_FLIGHT_PER_WORKER)
            for index, (docs, stats) in enumerate(
                plan_batches(
                    read_inputs(inputs, settings.max_file_bytes, settings.max_line_bytes),
                    plan_store,
                    settings,
                    run,
                )
            ):
                part = _stats_for(stats, docs)
                stats.saved()  # the increments travel with this batch's shard
                future = client.submit(
                    analyse_shard, index, docs, part, settings, today, str(folder), pure=False
                )
                pending.append((index, future))
                result.shards += 1
                result.documents += len(docs)
                while len(pending) >= limit:
                    _collect(pending.popleft(), on_shard)
            while pending:
                _collect(pending.popleft(), on_shard)
    finally:
        if cluster is not None:
            cluster.close()
        if scratch is not None:
            plan_store.close()
            scratch.cleanup()
    result.already_stored = run.already_stored
    result.skipped = run.skipped
    result.seconds = time.perf_counter() - started
    return result


def _quiet_dask() -> None:
    """Dask's loggers speak at INFO by default; Chronique's log level rules (warnings at least)."""
    level = max(logging.WARNING, logging.getLogger().level)
    for name in list(logging.root.manager.loggerDict):
        if name.startswith("distributed"):
            logging.getLogger(name).setLevel(level)


def _collect(item: tuple[int, Any], on_shard: Callable[[int, int], None] | None) -> None:
    index, future = item
    articles = future.result()
    if on_shard is not None:
        on_shard(index, articles)


def load_shards(
    folder: str | Path, store: Store, settings: Settings, *, today: dt.date | None = None
) -> RunResult:
    """Step 2: write the shards into ``store`` in batch order, then refine dates across articles and
    update the reuse index, as ``ingest`` does after its last batch."""
    import pyarrow.parquet as pq

    started = time.perf_counter()
    today = today or dt.date.today()
    result = RunResult()
    prepare_store(store, settings)
    stats = store.line_stats(settings.learned_min_articles, settings.learned_min_share)
    known: dict[str, Any] = {}
    new_articles: list[Article] = []
    shards = sorted(Path(folder).glob("shard-*.parquet"))
    if not shards:
        raise ChroniqueError(f"no shards in {folder}")
    for path in shards:
        table = pq.read_table(path)
        meta = table.schema.metadata or {}
        payloads = [pickle.loads(p) for p in table.column("payload").to_pylist()]
        new_articles_counts, new_lines_counts = pickle.loads(meta[b"chronique.stats"])
        stats.new_articles.update(new_articles_counts)
        stats.new_lines.update(new_lines_counts)
        done = Analysed(
            articles=[p[0] for p in payloads],
            known={p[0].id: p[1] for p in payloads if p[1] is not None},
            annotations={p[0].id: p[2] for p in payloads if p[2] is not None} if settings.nlp else None,
            vectors={p[0].id: p[3] for p in payloads},
            dated={p[0].id: p[4] for p in payloads},
            skipped=pickle.loads(meta[b"chronique.skipped"]),
        )
        existing = store.existing([a.id for a in done.articles])
        if existing:  # loaded before (a rerun of the load step): keep what is stored
            result.already_stored += len(existing)
            done.articles = [a for a in done.articles if a.id not in existing]
        result.added += store.add(done.articles, stats, done.annotations, done.vectors, done.dated)
        record_batch(done, result, known, new_articles)
    finish_run(store, today, result, known, new_articles)
    result.seconds = time.perf_counter() - started
    return result
