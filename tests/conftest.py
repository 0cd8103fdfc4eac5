from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from chronique.settings import Settings
from chronique.store import Store

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLD = ROOT / "tests" / "data" / "gold" / "seeds-dev.json"
TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(str(tmp_path / "test.db"))
    yield s
    s.close()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(db=str(tmp_path / "test.db"), report_path=str(tmp_path / "report.html"))


@pytest.fixture(scope="session")
def samples_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store with the five samples ingested (the real model); tests must not write to it."""
    from chronique.api import Chronique

    db = str(tmp_path_factory.mktemp("samples") / "samples.db")
    with Chronique(db) as chq:
        chq.ingest([SAMPLES], today=TODAY)
    return db
