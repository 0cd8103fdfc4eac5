"""The databases of the tests. By default a test's store is a SQLite file in its temporary folder;
with ``CHRONIQUE_TEST_DB=postgresql`` every such store is a new database on the tests' PostgreSQL
server instead, so the whole suite runs on either backend (CI runs it on both). Tests about one
backend's own behaviour (a SQLite file scribbled over, PostgreSQL's search configuration) name their
backend explicitly and run in both modes."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from .postgres import new_database, server_url

BACKEND = os.environ.get("CHRONIQUE_TEST_DB", "sqlite").strip().lower() or "sqlite"
if BACKEND not in ("sqlite", "postgresql"):
    raise RuntimeError(f"CHRONIQUE_TEST_DB={BACKEND!r}: expected sqlite or postgresql")


def fresh_db(directory: Path, name: str = "test") -> str:
    """A new empty database: ``directory/name.db``, or a new PostgreSQL database."""
    if BACKEND == "postgresql":
        return new_database(server_url())
    return str(directory / f"{name}.db")


def copy_db(source: str, directory: Path, name: str = "copy") -> str:
    """A copy of the database ``source`` (nobody may be writing to it), on the same backend."""
    if source.startswith("postgresql"):
        base, _, database = source.rpartition("/")
        return new_database(base, template=database)
    target = directory / f"{name}.db"
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return str(target)
