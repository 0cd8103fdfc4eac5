"""The same code path on SQLite and PostgreSQL: identical exports, concurrent writers, the API."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from fastapi.testclient import TestClient

from chronique.api import Chronique
from chronique.store import Store
from chronique.web import create_app

from .conftest import ROOT, SAMPLES, TODAY
from .postgres import new_database


def test_export_is_identical_on_both_backends(postgres: str, tmp_path: Path) -> None:
    exports = []
    for db in (str(tmp_path / "a.db"), new_database(postgres)):
        with Chronique(db) as chq:
            chq.ingest([SAMPLES], today=TODAY)
            exports.append(json.dumps(chq.export(), sort_keys=True, ensure_ascii=False))
    assert exports[0] == exports[1]


def test_search_and_api_on_postgresql(postgres: str) -> None:
    with Chronique(new_database(postgres)) as chq:
        chq.ingest([SAMPLES], today=TODAY)
        assert [a.file for a in chq.store.search("sotchi POMPEO")] == ["003_9e0f405ca55fa043.txt"]
        assert chq.store.search("ingérences")  # French stemming: the plural finds the singular
        with TestClient(create_app(chq, token="")) as client:
            assert client.get("/api/articles", params={"q": "Helsinki"}).json()["total"] >= 1
            story = client.get("/api/stories").json()["items"][0]
            assert len(client.get("/api/timeline", params={"story": story["id"]}).json()) >= 5
            assert client.get("/api/quotes", params={"speaker": "Poutine"}).json()["total"] > 3


def test_two_writers_at_once_store_each_article_once(db_url: str, tmp_path: Path) -> None:
    docs = sorted((ROOT / "data" / "rpm2" / "documents").glob("*.txt"))[:90]
    halves = [docs[:60], docs[30:]]  # 30 articles in both
    procs = []
    for n, half in enumerate(halves):
        path = tmp_path / f"half{n}.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for doc in half:
                f.write(json.dumps({"file": doc.name, "text": doc.read_text(encoding="utf-8-sig")}) + "\n")
        cmd = [sys.executable, "-m", "chronique.cli", "ingest", str(path), "--db", db_url]
        env = {**os.environ, "CHRONIQUE_BATCH_SIZE": "5", "CHRONIQUE_NLP": "false"}
        procs.append(
            subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        )
    for p in procs:
        _out, err = p.communicate(timeout=600)
        assert p.returncode == 0, err
    store = Store(db_url)
    try:
        ids = store.ids()
        assert len(ids) == len(set(ids)) == len(docs) and store.integrity_ok()
        assert {a.file for a in store.articles()} == {d.name for d in docs}
    finally:
        store.close()
