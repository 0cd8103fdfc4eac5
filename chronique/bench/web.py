"""The HTTP server under load: requests/s and latency of the article list and of a story's timeline.

A store of synthetic articles is built as the stories benchmark builds it (RPM2 sentences through
``Store.add`` with vectors and dated sentences, without the NLP model; see ``chronique.bench.stories``),
in a temporary directory or in ``db`` (reused when it already holds enough articles). The application
of ``chronique serve`` is then run by uvicorn on 127.0.0.1, on a free port, in a background thread of
this process, and each endpoint gets a bounded loop: for ``seconds`` seconds, ``concurrency`` asyncio
tasks sharing one ``httpx.AsyncClient`` send requests back to back. Latency is taken on the client,
from sending the request to reading the whole body; any answer other than 200 (or a transport error)
counts as an error. The endpoints:

* ``/api/articles?limit=50&offset=N`` at random offsets; one request in four adds a ``since``/``until``
  window (a random year or month of the corpus) with an offset within that window's articles;
* ``/api/timeline?story=ID`` for random stories among those of ``/api/stories?limit=500``.

Client and server share one interpreter (and its GIL), so the figures are a floor for a server with a
process to itself; the random choices are seeded (``random.Random(0)``).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import random
import socket
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import uvicorn

from chronique.bench.stories import BATCH, _percentile, synthetic
from chronique.cluster import vector_of
from chronique.pipeline import dated_sentences
from chronique.store import Store

PAGE = 50
FILTERED_SHARE = 0.25  # share of article-list requests with a since/until window
STORIES_PAGE = 500
STARTUP_TIMEOUT = 30.0  # seconds to wait for /api/health
REQUEST_TIMEOUT = 60.0
WARMUP_TIMEOUT = 900.0  # the first /api/stories builds every story's description

Sampler = Callable[[random.Random], tuple[str, str]]  # rng -> (label, path with query)


@dataclass
class EndpointStats:
    """One bounded loop (``name``), or the share of its requests of one kind (a ``sub`` row)."""

    name: str
    seconds: float = 0.0
    requests: int = 0
    errors: int = 0
    latencies_ms: list[float] = field(default_factory=list)
    sub: bool = False

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds > 0 else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "seconds": round(self.seconds, 2),
            "requests": self.requests,
            "errors": self.errors,
            "requests_per_s": round(self.rps, 1),
            "p50_ms": round(_percentile(self.latencies_ms, 50), 1),
            "p95_ms": round(_percentile(self.latencies_ms, 95), 1),
            "max_ms": round(max(self.latencies_ms, default=0.0), 1),
        }


@dataclass
class WebBenchResult:
    articles: int = 0  # stored when the server started
    stories: int = 0  # in the store (GET /api/stories total)
    seconds: float = 0.0  # per endpoint, as asked
    concurrency: int = 0
    build_seconds: float = 0.0  # building (or completing) the store; 0 when reused as it was
    stories_cold_s: float = 0.0  # the first GET /api/stories, which builds the server's stories cache
    endpoints: list[EndpointStats] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "stories": self.stories,
            "seconds_per_endpoint": self.seconds,
            "concurrency": self.concurrency,
            "build_seconds": round(self.build_seconds, 1),
            "stories_cold_s": round(self.stories_cold_s, 2),
            "endpoints": [e.as_dict() for e in self.endpoints],
        }

    def format(self) -> str:
        lines = [
            "HTTP server under load (uvicorn on 127.0.0.1, httpx.AsyncClient in the same process)",
            "",
            f"  {self.articles:,} stored articles, {self.stories:,} stories; {self.concurrency} concurrent "
            f"clients, {self.seconds:g} s per endpoint",
            "",
            f"  {'endpoint':<24} {'requests':>9} {'errors':>7} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} "
            f"{'max ms':>8}",
        ]
        for e in self.endpoints:
            name = ("  " + e.name) if e.sub else e.name
            lines.append(
                f"  {name:<24} {e.requests:>9,} {e.errors:>7,} {e.rps:>8.1f} "
                f"{_percentile(e.latencies_ms, 50):>8.1f} {_percentile(e.latencies_ms, 95):>8.1f} "
                f"{max(e.latencies_ms, default=0.0):>8.1f}"
            )
        lines.append(
            f"  first GET /api/stories (builds the stories cache, not in the loops): {self.stories_cold_s:.1f} s"
        )
        if self.build_seconds:
            lines.append(f"  store built in {self.build_seconds:.0f} s")
        return "\n".join(lines)


def build_store(db: str, articles: int, rpm2: Path, seed: int = 7) -> float:
    """Fill ``db`` up to ``articles`` synthetic articles (those already stored are kept); the seconds
    it took, 0 when nothing was missing."""
    store = Store(db)
    try:
        if store.count() >= articles:
            return 0.0
        started = time.perf_counter()
        corpus = synthetic(articles, rpm2, seed)
        names = {a.id: n for a, n in corpus}
        present = store.existing([a.id for a, _ in corpus])
        missing = [a for a, _ in corpus if a.id not in present]
        for i in range(0, len(missing), BATCH):
            batch = missing[i : i + BATCH]
            vectors = {a.id: vector_of(a.text, None, names[a.id]) for a in batch}
            dated = {a.id: dated_sentences(a) for a in batch}
            store.add(batch, None, None, vectors, dated)
        return time.perf_counter() - started
    finally:
        store.close()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class _Server:
    """uvicorn serving ``app`` on 127.0.0.1 in a background thread, until :meth:`stop`."""

    def __init__(self, app: Any) -> None:
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, name="chronique-bench-web", daemon=True)

    def start(self) -> None:
        self.thread.start()
        deadline = time.monotonic() + STARTUP_TIMEOUT
        with httpx.Client(base_url=self.base, timeout=5.0) as client:
            while True:
                try:
                    if client.get("/api/health").status_code == 200:
                        return
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline or not self.thread.is_alive():
                    self.stop()
                    raise RuntimeError(
                        f"the server did not answer on {self.base} within {STARTUP_TIMEOUT:g} s"
                    )
                time.sleep(0.05)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join()


async def _bounded_loop(
    base: str, name: str, sample: Sampler, seconds: float, concurrency: int, rng: random.Random
) -> list[EndpointStats]:
    """``concurrency`` tasks sending requests back to back for ``seconds``: the whole loop first, then
    one row per kind of request when the sampler has several."""
    by_label: dict[str, EndpointStats] = {}
    total = EndpointStats(name)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=REQUEST_TIMEOUT, limits=limits) as client:
        deadline = time.perf_counter() + seconds

        async def worker() -> None:
            while time.perf_counter() < deadline:
                label, path = sample(rng)
                row = by_label.setdefault(label, EndpointStats(label, sub=True))
                t0 = time.perf_counter()
                try:
                    response = await client.get(path)
                    ok = response.status_code == 200
                except httpx.HTTPError:
                    ok = False
                else:
                    ms = 1000 * (time.perf_counter() - t0)
                    total.latencies_ms.append(ms)
                    row.latencies_ms.append(ms)
                for r in (total, row):
                    r.requests += 1
                    r.errors += 0 if ok else 1

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started  # the deadline plus the last requests in flight
    total.seconds = elapsed
    rows = [total]
    if len(by_label) > 1:
        for label in sorted(by_label):
            by_label[label].seconds = elapsed
            rows.append(by_label[label])
    return rows


def _windows(store: Store) -> list[tuple[str, str, int]]:
    """Every year and month holding articles, as (since, until, how many articles)."""
    out = []
    for year in range(2005, dt.date.today().year + 1):
        n = store.count_articles(since=str(year), until=str(year))
        if not n:
            continue
        out.append((str(year), str(year), n))
        for month in range(1, 13):
            ym = f"{year}-{month:02d}"
            m = store.count_articles(since=ym, until=ym)
            if m:
                out.append((ym, ym, m))
    return out


def run_web_bench(
    articles: int = 10_000, seconds: float = 30.0, concurrency: int = 8, db: str | None = None
) -> WebBenchResult:
    """Requests/s and latency of ``/api/articles`` and ``/api/timeline`` served by uvicorn, over a store
    of ``articles`` synthetic articles (in ``db`` when given, built there unless it holds enough)."""
    from chronique.api import Chronique
    from chronique.web import create_app

    rpm2 = Path(__file__).resolve().parents[2] / "data" / "rpm2" / "documents"
    result = WebBenchResult(seconds=seconds, concurrency=concurrency)
    with tempfile.TemporaryDirectory(prefix="chronique-web-") as tmp:
        path = db or str(Path(tmp) / "web.db")
        result.build_seconds = build_store(path, articles, rpm2)
        chq = Chronique(path)
        try:
            stored = chq.store.count()
            windows = _windows(chq.store)
            server = _Server(create_app(chq))
            server.start()
            try:
                with httpx.Client(base_url=server.base, timeout=WARMUP_TIMEOUT) as client:
                    result.articles = int(client.get("/api/health").json()["articles"])
                    t0 = time.perf_counter()
                    listed = client.get("/api/stories", params={"limit": STORIES_PAGE}).json()
                    result.stories_cold_s = time.perf_counter() - t0
                story_ids = [s["id"] for s in listed["items"]]
                result.stories = int(listed["total"])
                rng = random.Random(0)

                def article_page(r: random.Random) -> tuple[str, str]:
                    if windows and r.random() < FILTERED_SHARE:
                        since, until, n = r.choice(windows)
                        offset = r.randrange(max(1, n - PAGE + 1))
                        return (
                            "since/until",
                            f"/api/articles?limit={PAGE}&offset={offset}&since={since}&until={until}",
                        )
                    offset = r.randrange(max(1, stored - PAGE + 1))
                    return "offset only", f"/api/articles?limit={PAGE}&offset={offset}"

                def timeline(r: random.Random) -> tuple[str, str]:
                    return "timeline", f"/api/timeline?story={r.choice(story_ids)}"

                loops: list[tuple[str, Sampler]] = [("articles", article_page)]
                if story_ids:
                    loops.append(("timeline", timeline))
                for name, sample in loops:
                    result.endpoints += asyncio.run(
                        _bounded_loop(server.base, name, sample, seconds, concurrency, rng)
                    )
            finally:
                server.stop()
        finally:
            chq.close()
    return result
