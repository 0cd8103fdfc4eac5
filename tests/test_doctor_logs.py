"""`chronique doctor` says what is wrong and how to fix it; logs carry the stage and the article."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from chronique.api import Chronique
from chronique.cli import app
from chronique.doctor import FAIL, OK, database_checks
from chronique.settings import Settings
from chronique.store.store import database_url

from .conftest import SAMPLES, TODAY
from .databases import fresh_db
from .postgres import new_database

runner = CliRunner()


def statuses(db: str) -> dict[str, str]:
    return {c.name: c.status for c in database_checks(db)}


def test_doctor_passes_on_a_good_store(samples_db: str) -> None:
    result = runner.invoke(app, ["doctor", "--db", samples_db, "--json"])
    assert result.exit_code == 0, result.output
    checks = {c["name"]: c for c in json.loads(result.stdout)}
    assert {"python", "settings", "model", "database", "schema", "integrity"} <= set(checks)
    assert all(c["status"] == OK for c in checks.values())
    assert "5 articles" in checks["database"]["finding"]


def _sqlite_samples(samples_db: str, tmp_path: Path) -> str:
    """The sample store as a SQLite file: itself, or (when the suite runs on PostgreSQL) the samples
    ingested into one without the model."""
    if not samples_db.startswith("postgresql"):
        return samples_db
    db = str(tmp_path / "samples.db")
    with Chronique(settings=Settings(db=db, nlp=False)) as chq:
        chq.ingest([SAMPLES], today=TODAY)
    return db


def test_doctor_says_the_sqlite_journal_mode(samples_db: str, tmp_path: Path) -> None:
    journal = {c.name: c for c in database_checks(_sqlite_samples(samples_db, tmp_path))}["journal"]
    assert journal.status == OK and "wal" in journal.finding


def test_doctor_finds_damage_and_says_what_to_do(samples_db: str, tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    assert statuses(str(junk))["database"] == FAIL

    damaged = tmp_path / "damaged.db"
    with sqlite3.connect(_sqlite_samples(samples_db, tmp_path)) as src, sqlite3.connect(damaged) as dst:
        src.backup(dst)
    data = bytearray(damaged.read_bytes())
    page = 4096
    for n in range(3, len(data) // page - 1, 2):  # scribble over every other page after the schema
        data[n * page + 100 : n * page + 400] = b"\xff" * 300
    damaged.write_bytes(bytes(data))
    found = database_checks(str(damaged))
    assert any(c.status == FAIL and c.fix for c in found), found

    newer = tmp_path / "newer.db"
    with sqlite3.connect(_sqlite_samples(samples_db, tmp_path)) as src, sqlite3.connect(newer) as dst:
        src.backup(dst)
        dst.execute("UPDATE meta SET value='999' WHERE key='schema_version'")
    assert statuses(str(newer))["schema"] == FAIL
    result = runner.invoke(app, ["doctor", "--db", str(newer)])
    assert result.exit_code == 1 and "upgrade Chronique" in result.output


def test_doctor_on_a_new_database_path(tmp_path: Path) -> None:
    assert statuses(str(tmp_path / "new.db")) == {"database": OK}
    assert statuses(str(tmp_path / "missing" / "dir" / "x.db")) == {"database": FAIL}


def test_json_logs_name_the_stage_and_the_input(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "ok1", "text": "Le maire a parlé lundi."}\n{"id": "tronq\n', encoding="utf-8")
    result = runner.invoke(
        app,
        [
            "--log-format",
            "json",
            "--log-level",
            "warning",
            "ingest",
            str(bad),
            "--db",
            fresh_db(tmp_path, "l"),
        ],
    )
    assert result.exit_code == 3, result.output
    lines = [json.loads(line) for line in capfd.readouterr().err.splitlines() if line.startswith("{")]
    lines += [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    skipped = [entry for entry in lines if entry.get("stage") == "read"]
    assert skipped and skipped[0]["origin"].endswith("bad.jsonl:2") and skipped[0]["level"] == "warning"
    # stderr is for log collectors: every line one JSON object, each skip said once.
    err = [line for line in capfd.readouterr().err.splitlines() + result.stderr.splitlines() if line]
    assert all(line.startswith("{") for line in err), err
    assert len([e for e in lines if "bad.jsonl:2" in e["message"]]) == 1


def test_a_failing_article_is_logged_with_its_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    import chronique.pipeline as pipeline

    real = pipeline._analyse

    def flaky(doc, *args, **kwargs):  # type: ignore[no-untyped-def]
        if "explose" in doc.raw_text:
            raise RuntimeError("boom")
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(pipeline, "_analyse", flaky)
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "a", "text": "Le conseil a voté lundi un budget."})
        + "\n"
        + json.dumps({"id": "b", "text": "Cet article explose à l'analyse."})
        + "\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["--log-format", "json", "ingest", str(src), "--db", fresh_db(tmp_path, "f")])
    assert result.exit_code == 3, result.output
    err = capfd.readouterr().err + (result.stderr or "")
    entries = [json.loads(line) for line in err.splitlines() if line.startswith("{")]
    failed = [e for e in entries if e.get("stage") == "analyse"]
    assert failed and failed[0]["article_id"] and "RuntimeError: boom" in failed[0]["error"]
    assert failed[0]["origin"].endswith("in.jsonl:2")


def test_bad_log_options_are_usage_errors() -> None:
    assert runner.invoke(app, ["--log-format", "xml", "doctor"]).exit_code == 2


def test_database_passwords_are_never_printed(tmp_path: Path) -> None:
    from chronique.store.store import redact

    url = "postgresql://chronique:topsecret@127.0.0.1:1/news"
    assert redact(url) == "postgresql://chronique:***@127.0.0.1:1/news"
    result = runner.invoke(app, ["doctor", "--db", url])
    assert result.exit_code == 1 and "topsecret" not in result.output and "127.0.0.1:1/news" in result.output
    failed = runner.invoke(app, ["articles", "--db", url])
    assert failed.exit_code != 0 and "topsecret" not in failed.output


def test_doctor_on_postgresql(postgres: str) -> None:
    url = new_database(postgres)
    assert statuses(url) == {"database": OK}  # empty: created on first ingest
    with Chronique(settings=Settings(db=url, nlp=False)) as chq:
        chq.ingest([SAMPLES], today=TODAY)
    found = {c.name: c for c in database_checks(url)}
    assert {n: c.status for n, c in found.items()} == {"database": OK, "schema": OK, "integrity": OK}
    assert "5 articles" in found["database"].finding
    engine = create_engine(database_url(url))
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE quotes"))
    assert statuses(url)["integrity"] == FAIL
    with engine.begin() as conn:
        conn.execute(text("UPDATE meta SET value='999' WHERE key='schema_version'"))
    engine.dispose()
    assert statuses(url)["schema"] == FAIL
    refused = database_checks(postgres.rsplit(":", 1)[0] + ":1/none")
    assert [c.status for c in refused] == [FAIL] and "cannot connect" in refused[0].finding
