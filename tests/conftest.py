from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from chronique.settings import Settings
from chronique.store import Store

from .databases import fresh_db

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLD = ROOT / "tests" / "data" / "gold" / "seeds-dev.json"
TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="session")
def postgres() -> str:
    """The base URL of a throwaway PostgreSQL server (see tests/postgres.py)."""
    from .postgres import server_url

    return server_url()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    from .postgres import stop

    stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new empty database on each backend: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "test.db")
    from .postgres import new_database

    return new_database(request.getfixturevalue("postgres"))


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = Store(db_url)
    yield s
    s.close()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(db=fresh_db(tmp_path), report_path=str(tmp_path / "report.html"))


@pytest.fixture(scope="session")
def samples_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store with the five samples ingested (the real model); tests must not write to it."""
    from chronique.api import Chronique

    db = fresh_db(tmp_path_factory.mktemp("samples"), "samples")
    with Chronique(db) as chq:
        chq.ingest([SAMPLES], today=TODAY)
    return db
