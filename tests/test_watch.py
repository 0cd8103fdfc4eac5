"""`chronique watch`: new files and feed entries are ingested once; a restart ingests nothing twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from chronique.settings import Settings
from chronique.store import Store
from chronique.watch import WatchState, poll

from .conftest import TODAY
from .databases import fresh_db
from .test_intake import site  # noqa: F401  (the fixture)

NEWS = [
    "Le conseil municipal de Lyon a adopté lundi soir un budget en hausse pour les écoles de la ville.",
    "La préfecture du Rhône a annoncé mardi de nouvelles restrictions d'eau pour tout le département.",
    "Le tribunal de Nantes a condamné jeudi un ancien élu pour détournement de fonds publics.",
]


def test_poll_reads_each_file_once_and_again_when_it_changes(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(NEWS[0], encoding="utf-8")
    state = WatchState.load(store)
    assert poll([str(inbox)], store, settings, state, today=TODAY).added == 1
    second = poll([str(inbox)], store, settings, state, today=TODAY)
    assert (second.added, second.already_stored) == (0, 0)  # not even read again
    (inbox / "b.txt").write_text(NEWS[1], encoding="utf-8")
    (inbox / "a.txt").write_text(NEWS[0] + " Le vote a eu lieu à main levée.", encoding="utf-8")
    third = poll([str(inbox)], store, settings, state, today=TODAY)
    assert third.added == 2 and store.count() == 3
    reloaded = WatchState.load(store)  # the state lives in the database
    assert reloaded.files == state.files and len(reloaded.files) == 2


def test_a_polled_feed_fetches_only_new_entries(site: str, store: Store, settings: Settings) -> None:  # noqa: F811
    state = WatchState.load(store)
    first = poll([f"{site}/feed.xml"], store, settings, state, today=TODAY)
    assert first.added == 5 and len(first.skipped) == 1
    again = poll([f"{site}/feed.xml"], store, settings, WatchState.load(store), today=TODAY)
    assert (again.added, again.already_stored, again.skipped) == (0, 0, [])


def _count(db: str) -> int:
    if not db.startswith("postgresql") and not Path(db).exists():
        return 0
    store = Store(db)
    try:
        return store.count()
    finally:
        store.close()


def test_watch_picks_up_a_dropped_file_and_a_restart_adds_nothing(tmp_path: Path) -> None:
    inbox, db = tmp_path / "inbox", fresh_db(tmp_path, "watch")
    inbox.mkdir()
    cmd = [sys.executable, "-m", "chronique.cli", "watch", str(inbox), "--db", db]
    env = {**os.environ, "CHRONIQUE_NLP": "false"}
    proc = subprocess.Popen([*cmd, "--interval", "0.3"], env=env, stdout=subprocess.PIPE, text=True)
    try:
        time.sleep(1.0)
        (inbox / "dropped.txt").write_text(NEWS[0], encoding="utf-8")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and _count(db) != 1:
            time.sleep(0.2)
        assert _count(db) == 1
    finally:
        proc.send_signal(signal.SIGTERM)
        out, _ = proc.communicate(timeout=30)
    assert proc.returncode == 0 and "1 new" in out
    restart = subprocess.run([*cmd, "--once"], env=env, capture_output=True, text=True, check=True)
    assert "0 new, 0 already stored" in restart.stdout and _count(db) == 1
    (inbox / "later.txt").write_text(NEWS[2], encoding="utf-8")
    later = subprocess.run([*cmd, "--once"], env=env, capture_output=True, text=True, check=True)
    assert "1 new, 0 already stored" in later.stdout and _count(db) == 2


def test_watch_once_on_a_missing_folder_names_it_and_exits_3(tmp_path: Path) -> None:
    missing = tmp_path / "not-yet"
    cmd = [
        sys.executable,
        "-m",
        "chronique.cli",
        "watch",
        str(missing),
        "--db",
        fresh_db(tmp_path, "w"),
        "--once",
    ]
    done = subprocess.run(cmd, env={**os.environ, "CHRONIQUE_NLP": "false"}, capture_output=True, text=True)
    assert done.returncode == 3, done.stderr
    assert "not-yet" in done.stderr and "no such file" in done.stderr
