"""The HTTP API under concurrent reads while a batch ingest writes to the same SQLite store from
another process: no errors, no torn reads (an article is seen whole or not at all), counts never go
backwards, latency bounded. Figures go to ``test-artifacts/concurrency.txt``."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
import uvicorn

from chronique.api import Chronique
from chronique.web import create_app

from .conftest import ROOT, SAMPLES, TODAY
from .databases import BACKEND, copy_db
from .postgres import new_database
from .test_web_browser import _free_port

READERS = 4


@pytest.fixture(params=["sqlite", "postgresql"])
def live_store(request: pytest.FixtureRequest, samples_db: str, tmp_path: Path) -> str:
    """The five samples, in a SQLite file (WAL) or a PostgreSQL database."""
    if request.param == BACKEND:
        return copy_db(samples_db, tmp_path, "live")
    if request.param == "postgresql":
        url = new_database(request.getfixturevalue("postgres"))
    else:
        url = str(tmp_path / "live.db")
    with Chronique(url) as chq:
        chq.ingest([SAMPLES], today=TODAY)
    return url


def test_reads_during_a_batch_ingest(live_store: str, tmp_path: Path) -> None:
    docs = sorted((ROOT / "data" / "rpm2" / "documents").glob("*.txt"))[:120]
    corpus = tmp_path / "batch.jsonl"
    with corpus.open("w", encoding="utf-8") as f:
        for path in docs:
            f.write(json.dumps({"file": path.name, "text": path.read_text(encoding="utf-8-sig")}) + "\n")

    chq = Chronique(str(live_store))
    config = uvicorn.Config(
        create_app(chq, token=""), host="127.0.0.1", port=_free_port(), log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{config.port}"
    for _ in range(200):
        try:
            httpx.get(base + "/api/health")
            break
        except httpx.TransportError:
            time.sleep(0.05)

    env = {**os.environ, "CHRONIQUE_BATCH_SIZE": "6"}
    writer = subprocess.Popen(
        [sys.executable, "-m", "chronique.cli", "ingest", str(corpus), "--db", str(live_store)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    errors: list[str] = []
    latencies: list[float] = []
    seen_during: dict[str, tuple[int, int, str]] = {}  # id -> (quotes, mentions, text) while writing
    lock = threading.Lock()

    def read(n: int) -> None:
        rng = random.Random(n)
        last_count = 0
        with httpx.Client(base_url=base, timeout=60) as client:
            while writer.poll() is None:
                started = time.perf_counter()
                health = client.get("/api/health")
                if health.status_code != 200:
                    errors.append(f"health {health.status_code}")
                    continue
                count = health.json()["articles"]
                if count < last_count:
                    errors.append(f"count went back from {last_count} to {count}")
                last_count = count
                page = client.get(
                    "/api/articles", params={"limit": 20, "offset": rng.randrange(max(count - 20, 1))}
                )
                if page.status_code != 200:
                    errors.append(f"list {page.status_code}")
                    continue
                for item in page.json()["items"][:3]:
                    one = client.get(f"/api/articles/{item['id']}")
                    if one.status_code != 200:
                        errors.append(f"article {item['id']} {one.status_code}")
                        continue
                    record = one.json()
                    text = record["text"]
                    for q in record["quotes"]:
                        if text[q["start"] : q["end"]] != q["text"]:
                            errors.append(f"quote offsets of {item['id']}")
                    with lock:
                        seen_during[item["id"]] = (len(record["quotes"]), len(record["mentions"]), text)
                if rng.random() < 0.3:
                    stories = client.get("/api/stories", params={"limit": 5})
                    if stories.status_code != 200:
                        errors.append(f"stories {stories.status_code}")
                with lock:
                    latencies.append(time.perf_counter() - started)

    readers = [threading.Thread(target=read, args=(n,)) for n in range(READERS)]
    for r in readers:
        r.start()
    out, err = writer.communicate(timeout=600)
    for r in readers:
        r.join(timeout=120)
    try:
        assert writer.returncode == 0, err
        assert f"{len(docs)} new" in out
        assert errors == [], errors[:10]
        assert len(latencies) >= 10, "the readers should have run during the ingest"
        final = Chronique(str(live_store))
        try:
            assert final.store.count() == 5 + len(docs) and final.store.integrity_ok()
            for article_id, (quotes, mentions, text) in seen_during.items():
                whole = final.store.get(article_id)
                assert whole is not None and whole.text == text
                assert len(final.store.quotes(article_id=article_id)) == quotes, f"torn read of {article_id}"
                assert len(final.store.mentions(article_id)) == mentions, f"torn read of {article_id}"
        finally:
            final.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        chq.close()
    latencies.sort()
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    backend = "postgresql" if live_store.startswith("postgresql") else "sqlite"
    report = ROOT / "test-artifacts" / f"concurrency-{backend}.txt"
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(
        f"{backend}: {READERS} readers during an ingest of {len(docs)} articles: {len(latencies)} rounds "
        f"(health + page + 3 articles, sometimes stories), {len(seen_during)} articles checked whole, "
        f"0 errors, round p95 {p95 * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms\n",
        encoding="utf-8",
    )
    assert p95 < 10.0
