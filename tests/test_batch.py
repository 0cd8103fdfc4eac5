"""`chronique batch`: the per-article stages on a Dask LocalCluster, shards loaded in order — the
store ends exactly as `chronique ingest` of the same inputs leaves it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronique.api import Chronique
from chronique.batch import analyse_to_shards, load_shards
from chronique.errors import ChroniqueError
from chronique.settings import Settings

from .conftest import ROOT, SAMPLES, TODAY
from .databases import fresh_db


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    docs = sorted((ROOT / "data" / "rpm2" / "documents").glob("*.txt"))[:60]
    with (folder / "rpm2.jsonl").open("w", encoding="utf-8") as f:
        for n, doc in enumerate(docs):
            f.write(json.dumps({"file": doc.name, "text": doc.read_text(encoding="utf-8-sig")}) + "\n")
            if n == 10:
                f.write('{"file": "cut.txt", "text": "tronqu\n')  # a bad line: reported, the rest goes on
    for path in SAMPLES.glob("*.txt"):
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    return folder


def export(db: str) -> str:
    with Chronique(db) as chq:
        return json.dumps(chq.export(), sort_keys=True, ensure_ascii=False)


def test_batch_on_two_workers_stores_what_ingest_stores(corpus: Path, tmp_path: Path) -> None:
    settings = Settings(batch_size=12)
    single = fresh_db(tmp_path, "single")
    with Chronique(single, settings) as chq:
        reference = chq.ingest([str(corpus)], today=TODAY)
    distributed = fresh_db(tmp_path, "dask")
    with Chronique(distributed, settings) as chq:
        done = analyse_to_shards(
            [str(corpus)], chq.settings, tmp_path / "shards", workers=2, store=chq.store, today=TODAY
        )
        loaded = load_shards(tmp_path / "shards", chq.store, chq.settings, today=TODAY)
    assert done.shards == len(list((tmp_path / "shards").glob("shard-*.parquet"))) >= 5
    assert loaded.added == reference.added == 65
    assert sorted(str(s) for s in done.skipped + loaded.skipped) == sorted(str(s) for s in reference.skipped)
    assert export(distributed) == export(single)


def test_shards_load_once_and_a_used_folder_is_refused(corpus: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    from chronique.cli import app

    db, shards = fresh_db(tmp_path, "b"), tmp_path / "shards"
    first = runner.invoke(app, ["batch", str(SAMPLES), "--shards", str(shards), "--no-load", "--db", db])
    assert first.exit_code == 0, first.output
    assert "5 articles analysed" in first.output
    assert runner.invoke(app, ["load-shards", str(shards), "--db", db]).output.startswith("loaded: 5 new")
    again = runner.invoke(app, ["load-shards", str(shards), "--db", db])
    assert "loaded: 0 new, 5 already stored" in again.output
    with pytest.raises(ChroniqueError, match="already holds shards"):
        analyse_to_shards([str(SAMPLES)], Settings(), shards)
