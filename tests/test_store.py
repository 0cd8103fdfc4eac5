"""The store: schema versions, transactions, search and filters."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from chronique.errors import StoreError
from chronique.model import Document
from chronique.pipeline import analyse, ingest
from chronique.settings import Settings
from chronique.store import Store
from chronique.store.schema import SCHEMA_VERSION

from .conftest import ROOT, SAMPLES, TODAY
from .databases import fresh_db


def article(text: str):  # type: ignore[no-untyped-def]
    return analyse(Document(raw_text=text, origin="t"), today=TODAY)


def test_new_database_has_the_current_schema(store: Store) -> None:
    assert store.schema_version == SCHEMA_VERSION
    assert store.integrity_ok()


def test_a_newer_schema_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    s = Store(str(tmp_path / "db.sqlite"))
    with s.write() as conn:
        conn.execute(text("UPDATE meta SET value = '999' WHERE key = 'schema_version'"))
    s.close()
    with pytest.raises(StoreError, match=r"newer than this Chronique"):
        Store(str(tmp_path / "db.sqlite"))


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_text("these are my notes, not a database" * 100)
    with pytest.raises(StoreError, match=r"notes\.db"):
        Store(str(bad))


def test_a_failing_batch_leaves_nothing_half_written(store: Store) -> None:
    good = article("Le conseil a voté le budget lundi soir après un long débat sur les écoles.")
    store.add([good])
    with pytest.raises(RuntimeError), store.write() as conn:
        conn.execute(text("DELETE FROM articles"))
        raise RuntimeError("crash mid-batch")
    assert store.count() == 1 and store.get(good.id) is not None


def test_round_trip_keeps_every_field(store: Store) -> None:
    a = article(
        "Un titre\n\nTous droits réservés\n\nLe conseil a voté le budget lundi soir, selon la mairie."
    )
    store.add([a])
    b = store.get(a.id)
    assert b is not None
    assert (b.raw_text, b.text, b.title, b.removed, b.segments, b.published) == (
        a.raw_text, a.text, a.title, a.removed, a.segments, a.published,
    )  # fmt: skip
    assert store.get(a.id[:6]) is not None  # a unique prefix works too


def test_full_text_search_ignores_accents_and_case(store: Store, settings: Settings) -> None:
    ingest([str(SAMPLES)], store, settings, today=TODAY)
    assert [a.file for a in store.search("sotchi POMPEO")] == ["003_9e0f405ca55fa043.txt"]
    assert {a.file for a in store.search("ingerence")} >= {
        "000_f5d20291b2664ef1.txt",
        "002_d9a4874ec2c03304.txt",
    }
    assert store.search('" OR ( NEAR') == []  # FTS syntax from users is neutralised
    either = {a.file for a in store.search("Sotchi OR Helsinki")}  # an upper-case OR: either word
    assert "003_9e0f405ca55fa043.txt" in either and "000_f5d20291b2664ef1.txt" in either
    assert store.search("Sotchi Helsinki -Pompeo") == store.search("Sotchi Helsinki Pompeo")


def test_date_filters(store: Store, settings: Settings) -> None:
    ingest([str(SAMPLES)], store, settings, today=TODAY)
    july = {a.file for a in store.articles(since="2018-07", until="2018-07")}
    assert july == {"000_f5d20291b2664ef1.txt", "001_df1ec82066df3df1.txt", "004_8502c02b9a8c0c2d.txt"}
    assert [a.file for a in store.articles(until="2017")] == ["002_d9a4874ec2c03304.txt"]
    assert len(store.articles(limit=2, offset=1)) == 2


def test_learned_line_counts_persist(tmp_path: Path, settings: Settings) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    footer = "Retrouvez chaque matin les nouvelles du quartier dans notre application"
    import json

    lines = [json.dumps({"text": f"Le maire de la ville {i} a inauguré lundi la nouvelle médiathèque du quartier.\n"
                                 f"{footer}", "source": "Le Journal"}) for i in range(4)]  # fmt: skip
    (folder / "a.jsonl").write_text("\n".join(lines[:3]) + "\n", encoding="utf-8")
    (folder / "b.jsonl").write_text(lines[3] + "\n", encoding="utf-8")
    db = fresh_db(tmp_path, "learn")
    s = Store(db)
    ingest([str(folder / "a.jsonl")], s, settings, today=TODAY)
    s.close()
    s = Store(db)  # a new process: the counts come from the database
    result = ingest([str(folder / "b.jsonl")], s, settings, today=TODAY)
    [new] = result.articles
    assert [r.reason for r in new.removed] == ["learned"] and footer not in new.text


def test_reuse_state_is_kept_and_grown_run_by_run(tmp_path: Path, settings: Settings) -> None:
    from chronique.reuse import find_reuse
    from chronique.reuse.persist import REUSE_STATE, load_reuse

    s = Store(fresh_db(tmp_path, "reuse"))
    ingest([str(SAMPLES / "000_f5d20291b2664ef1.txt")], s, settings, today=TODAY)
    assert s.load_state(REUSE_STATE) is not None and s.load_state(REUSE_STATE)[1] == 1  # type: ignore[index]
    result = ingest([str(SAMPLES / "004_8502c02b9a8c0c2d.txt")], s, settings, today=TODAY)
    assert result.reuse_pairs == 1
    [pair] = load_reuse(s).pairs()
    a000, a004 = s.get("000_f5d20291b2664ef1.txt"), s.get("004_8502c02b9a8c0c2d.txt")
    assert a000 is not None and a004 is not None
    assert (pair.source_id, pair.target_id) == (a000.id, a004.id)
    ingest([str(SAMPLES)], s, settings, today=TODAY)  # the rest, incrementally
    assert [p.as_dict() for p in load_reuse(s).pairs()] == [p.as_dict() for p in find_reuse(s.articles())]


def test_an_older_database_is_migrated_and_its_reuse_rebuilt(tmp_path: Path, settings: Settings) -> None:
    from chronique.reuse.persist import REUSE_STATE, load_reuse

    db = str(tmp_path / "old.db")
    s = Store(db)
    ingest([str(SAMPLES)], s, settings, today=TODAY)
    with s.write() as conn:  # make it a version-1 database: no stage state table
        conn.execute(text("DROP TABLE stage_state"))
        conn.execute(text("UPDATE meta SET value = '1' WHERE key = 'schema_version'"))
    s.close()
    s = Store(db)
    assert s.schema_version == SCHEMA_VERSION and s.load_state(REUSE_STATE) is None
    assert len(load_reuse(s).pairs()) == 1 and s.count() == 5


def test_a_database_from_before_cluster_merges_keeps_its_stories_and_clusters_on(
    tmp_path: Path, settings: Settings
) -> None:
    s = Store(fresh_db(tmp_path, "v5"))
    ingest([str(SAMPLES)], s, settings, today=TODAY)
    before = s.memberships()
    with s.write() as conn:  # make it a version-5 database: no aliases, no mean day of a cluster
        conn.execute(text("DROP TABLE cluster_aliases"))
        conn.execute(text("ALTER TABLE clusters DROP COLUMN mean_day"))
        conn.execute(text("ALTER TABLE clusters DROP COLUMN dated"))
        conn.execute(text("UPDATE meta SET value = '5' WHERE key = 'schema_version'"))
    s.close()
    s = Store(s.url)
    try:
        assert s.schema_version == SCHEMA_VERSION and s.memberships() == before
        more = tmp_path / "more"
        more.mkdir()
        for path in sorted((ROOT / "data" / "rpm2" / "documents").glob("T06_C1_0[1-5].txt")):
            (more / path.name).write_bytes(path.read_bytes())
        assert ingest([str(more)], s, settings, today=TODAY).added == 5
        after = s.memberships()
        assert len(after) == 10 and all(after[a] == m for a, m in before.items())
    finally:
        s.close()


def test_a_database_from_before_entities_gets_them_on_the_next_ingest(
    tmp_path: Path, settings: Settings
) -> None:
    db = str(tmp_path / "v2.db")
    s = Store(db)
    ingest([str(SAMPLES)], s, settings, today=TODAY)
    expected = sorted((q["article_id"], q["text"]) for q in s.quotes())
    with s.write() as conn:  # make it a version-2 database: no entities, mentions or quotations
        for table in ("entities", "entity_keys", "mentions", "quotes", "quote_keys"):
            conn.execute(text(f"DROP TABLE {table}"))
        conn.execute(text("DELETE FROM meta WHERE key = 'people_through'"))
        conn.execute(text("UPDATE meta SET value = '2' WHERE key = 'schema_version'"))
    s.close()
    s = Store(db)
    try:
        assert s.schema_version == SCHEMA_VERSION and s.quotes() == [] and s.entities() == []
        result = ingest([str(SAMPLES)], s, settings, today=TODAY)  # nothing new to add
        assert result.added == 0
        assert sorted((q["article_id"], q["text"]) for q in s.quotes()) == expected
        ingest([str(SAMPLES)], s, settings, today=TODAY)  # and only once
        assert len(s.quotes()) == len(expected)
        assert s.annotated_through() == max(a.seq or 0 for a in s.articles())
    finally:
        s.close()


def test_a_large_stage_state_is_kept_in_parts(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Store, "STATE_PART", 1000)  # parts of 1,000 bytes stand for parts of 128 MB
    data = bytes(range(256)) * 40  # 10,240 bytes: 11 parts
    store.save_state("reuse", data, 7)
    assert store.load_state("reuse") == (data, 7)
    store.save_state("other", b"small", 1)
    store.save_state("reuse", b"smaller now", 8)  # the parts go with the state they belonged to
    assert store.load_state("reuse") == (b"smaller now", 8)
    assert store.load_state("other") == (b"small", 1)
    with store.engine.connect() as conn:
        names = [r[0] for r in conn.execute(text("SELECT name FROM stage_state ORDER BY name"))]
    assert names == ["other", "reuse"]
    store.save_state("reuse", data, 9)
    with store.write() as conn:  # a part lost: no usable state, the stage rebuilds it
        conn.execute(text("DELETE FROM stage_state WHERE name = 'reuse/part-00004'"))
    assert store.load_state("reuse") is None


def test_a_sqlite_database_another_process_is_creating_is_waited_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Turning a new SQLite database to WAL can report "locked" at once while another process creates
    it: opening tries again a few times instead of failing."""
    import sqlite3

    from sqlalchemy.exc import OperationalError

    migrate = Store._migrate
    calls: list[int] = []

    def locked_twice(self: Store) -> None:
        calls.append(1)
        if len(calls) <= 2:
            raise OperationalError(
                "PRAGMA journal_mode=WAL", {}, sqlite3.OperationalError("database is locked")
            )
        migrate(self)

    monkeypatch.setattr(Store, "_migrate", locked_twice)
    monkeypatch.setattr("chronique.store.store.time.sleep", lambda s: None)
    store = Store(str(tmp_path / "new.db"))
    assert len(calls) == 3 and store.count() == 0
    store.close()
    calls.clear()
    monkeypatch.setattr("chronique.store.store.OPEN_ATTEMPTS", 2)
    with pytest.raises(StoreError, match="database is locked"):
        Store(str(tmp_path / "other.db"))


def test_a_database_from_before_the_new_spelling_rules_is_re_keyed(
    tmp_path: Path, settings: Settings
) -> None:
    s = Store(fresh_db(tmp_path, "v6"))
    ingest([str(SAMPLES)], s, settings, today=TODAY)
    with s.write() as conn:  # keys as version 6 wrote them ("dj" kept, no synonyms)
        conn.execute(
            text("INSERT INTO entity_keys (key, entity_id, n) VALUES ('full:abdel hakim belhadj', 'EX', 2)")
        )
        conn.execute(
            text("INSERT INTO entity_keys (key, entity_id, n) VALUES ('full:alianc atlantiku', 'EY', 1)")
        )
        conn.execute(
            text("INSERT INTO entity_keys (key, entity_id, n) VALUES ('full:the daili telegraf', 'EZ', 1)")
        )
        conn.execute(text("UPDATE meta SET value = '6' WHERE key = 'schema_version'"))
        before = conn.execute(text("SELECT count(*) FROM entity_keys")).scalar()
    s.close()
    s = Store(s.url)
    try:
        assert s.schema_version == SCHEMA_VERSION
        with s.engine.connect() as conn:
            keys = dict(
                conn.execute(
                    text("SELECT key, entity_id FROM entity_keys WHERE entity_id IN ('EX', 'EY', 'EZ')")
                ).all()
            )
            assert keys == {"full:abdel hakim belhaj": "EX", "full:otan": "EY", "full:daili telegraf": "EZ"}
            assert conn.execute(text("SELECT count(*) FROM entity_keys")).scalar() == before
    finally:
        s.close()


def test_a_database_from_before_loose_name_keys_finds_other_transliterations(
    tmp_path: Path, settings: Settings
) -> None:
    s = Store(fresh_db(tmp_path, "v7"))
    ingest([str(SAMPLES)], s, settings, today=TODAY)
    with s.write() as conn:  # a person as version 7 stored it: full and surname keys, no loose key
        conn.execute(
            text(
                "INSERT INTO entities (id, name, type, labels, aliases, forms, mentions, quotes) "
                "VALUES ('EK', 'Mouammar Kadhafi', 'PER', '{}', '[\"Mouammar Kadhafi\"]', "
                "'{\"Mouammar Kadhafi\": 5}', 5, 0)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO entity_keys (key, entity_id, n) VALUES "
                "('full:muamar kadafi', 'EK', 5), ('sur:kadafi', 'EK', 5)"
            )
        )
        conn.execute(text("DELETE FROM entity_keys WHERE key LIKE 'loose:%'"))
        conn.execute(text("UPDATE meta SET value = '7' WHERE key = 'schema_version'"))
    s.close()
    s = Store(s.url)
    try:
        assert s.schema_version == SCHEMA_VERSION
        with s.engine.connect() as conn:
            loose = conn.execute(text("SELECT key FROM entity_keys WHERE entity_id = 'EK'")).scalars().all()
        assert "loose:mvmvr kadafi" in loose
        page = tmp_path / "page.txt"
        page.write_text(
            "Libye : le guide s'exprime\n\nMoamer Kadhafi a appelé mardi ses partisans à résister, "
            "selon la télévision d'État.\n",
            encoding="utf-8",
        )
        ingest([str(page)], s, settings, today=TODAY)
        people = {e["name"]: e for e in s.entities() if e["type"] == "PER"}
        assert people["Mouammar Kadhafi"]["id"] == "EK"
        assert "Moamer Kadhafi" in people["Mouammar Kadhafi"]["aliases"]
        assert "Moamer Kadhafi" not in people
    finally:
        s.close()
