"""A process killed mid-ingest loses nothing committed, and a rerun completes the set exactly once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from chronique.store import Store

from .conftest import ROOT
from .databases import fresh_db


def _exists(db: str) -> bool:
    return db.startswith("postgresql") or Path(db).exists()


def test_sigkill_during_ingest_then_rerun(tmp_path: Path) -> None:
    docs = sorted((ROOT / "data" / "rpm2" / "documents").glob("*.txt"))
    corpus = tmp_path / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as f:
        for path in docs:
            f.write(json.dumps({"file": path.name, "text": path.read_text(encoding="utf-8-sig")}) + "\n")
    db = fresh_db(tmp_path, "crash")
    env = {**os.environ, "CHRONIQUE_BATCH_SIZE": "10"}
    cmd = [sys.executable, "-m", "chronique.cli", "ingest", str(corpus), "--db", db]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    committed = 0
    while time.monotonic() < deadline and proc.poll() is None:  # kill once some batches are committed
        time.sleep(0.05)
        if _exists(db):
            try:
                store = Store(db)
                committed = store.count()
                store.close()
            except Exception:
                continue
            if committed >= 50:
                break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    store = Store(db)
    assert store.integrity_ok()
    survivors = {a.id: a.text for a in store.articles()}
    store.close()
    assert len(survivors) % 10 == 0  # whole batches only
    assert 0 < len(survivors) < len(docs), "the kill should land mid-ingest"
    rerun = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{len(docs) - len(survivors)} new, {len(survivors)} already stored" in rerun.stdout
    store = Store(db)
    assert store.count() == len(docs) and store.integrity_ok()
    after = {a.id: a.text for a in store.articles()}
    assert all(after[i] == text for i, text in survivors.items())
    store.close()


def test_repeated_kills_at_random_points_lose_nothing(tmp_path: Path) -> None:
    """Three SIGKILLs at seeded random moments of one ingest, each followed by checks, then a rerun."""
    import random

    docs = sorted((ROOT / "data" / "rpm2" / "documents").glob("*.txt"))[:240]
    corpus = tmp_path / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as f:
        for path in docs:
            f.write(json.dumps({"file": path.name, "text": path.read_text(encoding="utf-8-sig")}) + "\n")
    db = fresh_db(tmp_path, "kills")
    env = {**os.environ, "CHRONIQUE_BATCH_SIZE": "8"}
    cmd = [sys.executable, "-m", "chronique.cli", "ingest", str(corpus), "--db", db]
    rng = random.Random(20261123)
    seen: dict[str, str] = {}
    kills = 0
    for _ in range(3):
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(2.0, 9.0))
        if proc.poll() is not None:
            break  # it finished before this kill
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        kills += 1
        if not _exists(db):
            continue
        store = Store(db)
        assert store.integrity_ok()
        now = {a.id: a.text for a in store.articles()}
        store.close()
        assert all(now.get(i) == text for i, text in seen.items()), "a committed article changed or vanished"
        seen = now
    assert kills >= 2
    rerun = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{len(docs) - len(seen)} new, {len(seen)} already stored" in rerun.stdout
    store = Store(db)
    assert store.count() == len(docs) and store.integrity_ok()
    after = {a.id: a.text for a in store.articles()}
    assert all(after[i] == text for i, text in seen.items())
    ids = [a.id for a in store.articles()]
    assert len(ids) == len(set(ids))
    store.close()
