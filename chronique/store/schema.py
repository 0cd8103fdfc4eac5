"""The database schema, versioned: each migration moves a database one version up, in a transaction.

Later stages add tables by appending a migration; a database made by an older Chronique is upgraded
on open, one made by a newer one is refused with a clear message.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    Column,
    Connection,
    Float,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    inspect,
    select,
    text,
)

metadata = MetaData()

meta = Table(
    "meta", metadata, Column("key", String(64), primary_key=True), Column("value", Text, nullable=False)
)

articles = Table(
    "articles",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),  # ingest order
    Column("id", String(32), nullable=False, unique=True),
    Column("file", Text),
    Column("url", Text),
    Column("title", Text),
    Column("source", Text),
    Column("language", String(16), nullable=False),
    Column("external_id", Text),
    Column("encoding", String(32)),
    Column("raw_text", Text, nullable=False),
    Column("original", Text),  # the HTML a text was extracted from
    Column("text", Text, nullable=False),
    Column("removed", Text, nullable=False),  # JSON
    Column("segments", Text, nullable=False),  # JSON
    Column("metadata", Text, nullable=False),  # JSON
    Column("declared_published", Text),
    Column("published_value", String(32)),
    Column("published_granularity", String(16), nullable=False),
    Column("published_evidence", Text, nullable=False),
    Column("published_confidence", Float, nullable=False),
    Column("published_method", String(32), nullable=False),
    Column("published_partial", String(32)),
    Column("ingested_at", String(32), nullable=False),
)
Index("ix_articles_published", articles.c.published_value)
Index("ix_articles_source", articles.c.source)

line_stats = Table(
    "line_stats",
    metadata,
    Column("source", Text, nullable=False),
    Column("line_key", String(32), nullable=False),
    Column("n", Integer, nullable=False),
    PrimaryKeyConstraint("source", "line_key"),
)
source_stats = Table(
    "source_stats", metadata, Column("source", Text, primary_key=True), Column("n", Integer, nullable=False)
)

# Serialised state of a stage that keeps its own index (the reuse detector): one blob per name.
stage_state = Table(
    "stage_state",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("data", LargeBinary, nullable=False),
    Column("articles", Integer, nullable=False),  # how many articles the state covers
)

# Who said what (schema 3). Entities are corpus-wide; mentions and quotes point into an article's text.
entities = Table(
    "entities",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(8), nullable=False),
    Column("labels", Text, nullable=False),  # JSON {label: mentions}: the type is the majority
    Column("aliases", Text, nullable=False),  # JSON list of surface forms, in order of first use
    Column("forms", Text, nullable=False),  # JSON {name form: mentions}: the name is the fullest, most used
    Column("mentions", Integer, nullable=False),
    Column("quotes", Integer, nullable=False),
)
# Lookup keys of an entity: "full:vladimir putin", "sur:putin" (its surname), "role:conseiller du kremlin".
entity_keys = Table(
    "entity_keys",
    metadata,
    Column("key", Text, nullable=False),
    Column("entity_id", String(32), nullable=False),
    Column("n", Integer, nullable=False),
    PrimaryKeyConstraint("key", "entity_id"),
)
mentions = Table(
    "mentions",
    metadata,
    Column("article_id", String(32), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("label", String(8), nullable=False),
    Column("kind", String(8), nullable=False),  # name | role
    Column("entity_id", String(32)),
    Column("role_key", Text),
    Column("evidence", String(32), nullable=False),
)
Index("ix_mentions_article", mentions.c.article_id)
Index("ix_mentions_entity", mentions.c.entity_id)
quotes = Table(
    "quotes",
    metadata,
    Column("article_id", String(32), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("kind", String(8), nullable=False),
    Column("cue", Text, nullable=False),
    Column("speaker_id", String(32)),
    Column("speaker_text", Text),
    Column("confidence", Float, nullable=False),
    Column("evidence", String(32), nullable=False),
    Column("inherited_from", String(32)),  # the article whose attribution this quote took
    PrimaryKeyConstraint("article_id", "idx"),
)
Index("ix_quotes_speaker", quotes.c.speaker_id)
# Normalised sentences of quotations: the same words in two articles share a speaker.
quote_keys = Table(
    "quote_keys",
    metadata,
    Column("key", String(40), nullable=False),
    Column("article_id", String(32), nullable=False),
    Column("idx", Integer, nullable=False),
)
Index("ix_quote_keys_key", quote_keys.c.key)

# Stories and events (schema 4): online clusters with their centroids, and an index of their features.
clusters = Table(
    "clusters",
    metadata,
    Column("level", String(8), nullable=False),  # story | event
    Column("id", String(32), nullable=False),
    Column("parent", String(32)),  # an event's story
    Column("centroid", Text, nullable=False),  # JSON {feature: weight}
    Column("n", Integer, nullable=False),
    Column("first_day", Integer),  # proleptic ordinals of the dated articles' range
    Column("last_day", Integer),
    Column("mean_day", Float),  # and their mean (schema 6)
    Column("dated", Integer, nullable=False, server_default="0"),  # how many are dated (schema 6)
    PrimaryKeyConstraint("level", "id"),
)
Index("ix_clusters_parent", clusters.c.parent)
# A story's most recent events, read without sorting all of them (schema 6).
ix_clusters_recent = Index("ix_clusters_recent", clusters.c.level, clusters.c.parent, clusters.c.last_day)
cluster_terms = Table(
    "cluster_terms",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),  # later postings are of fresher clusters
    Column("level", String(8), nullable=False),
    Column("term", Text, nullable=False),
    Column("cluster_id", String(32), nullable=False),
)
Index("ix_cluster_terms_term", cluster_terms.c.level, cluster_terms.c.term, cluster_terms.c.seq)
Index("ix_cluster_terms_cluster", cluster_terms.c.level, cluster_terms.c.cluster_id)
cluster_members = Table(
    "cluster_members",
    metadata,
    Column("article_id", String(32), primary_key=True),
    Column("story_id", String(32), nullable=False),
    Column("event_id", String(32), nullable=False),
    Column("similarity", Float, nullable=False),
)
Index("ix_cluster_members_story", cluster_members.c.story_id)
Index("ix_cluster_members_event", cluster_members.c.event_id)
# Clusters merged into others (schema 6): a merged story's or event's id still finds what it became.
cluster_aliases = Table(
    "cluster_aliases",
    metadata,
    Column("level", String(8), nullable=False),
    Column("id", String(32), nullable=False),
    Column("merged_into", String(32), nullable=False),
    PrimaryKeyConstraint("level", "id"),
)
Index("ix_cluster_aliases_into", cluster_aliases.c.level, cluster_aliases.c.merged_into)

# Each article's sentences with the date they report (schema 5): timelines read them instead of
# dating every sentence of a story at query time. Refreshed when an article is redated.
sentence_dates = Table(
    "sentence_dates",
    metadata,
    Column("article_id", String(32), primary_key=True),
    Column("data", Text, nullable=False),  # JSON [[start, end, value, confidence, evidence], …]
)

SCHEMA_VERSION = 8


# PostgreSQL's full-text configuration: French stemming, accents ignored when the unaccent
# extension can be created (it ships with PostgreSQL; creating it needs the right to do so).
PG_TEXT_SEARCH = "chronique_fr"
PG_DOCUMENT = "fts"  # a stored generated column: ranking reads it instead of parsing every match again
_PG_VECTOR = "to_tsvector('chronique_fr', coalesce(title, '') || ' ' || text)"


def _v1(conn: Connection) -> None:
    metadata.create_all(conn, tables=[meta, articles, line_stats, source_stats])
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(
            "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
            "article_id UNINDEXED, title, text, tokenize='unicode61 remove_diacritics 2')"
        )
    elif conn.dialect.name == "postgresql":
        _pg_text_search(conn)


def _pg_text_search(conn: Connection) -> None:
    exists = conn.exec_driver_sql(f"SELECT 1 FROM pg_ts_config WHERE cfgname = '{PG_TEXT_SEARCH}'").first()
    if not exists:
        conn.exec_driver_sql(f"CREATE TEXT SEARCH CONFIGURATION {PG_TEXT_SEARCH} (COPY = french)")
        try:
            with conn.begin_nested():
                conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS unaccent")
            conn.exec_driver_sql(
                f"ALTER TEXT SEARCH CONFIGURATION {PG_TEXT_SEARCH} ALTER MAPPING FOR "
                "hword, hword_part, word WITH unaccent, french_stem"
            )
        except Exception:  # no unaccent: French stemming, accents kept
            pass
    conn.exec_driver_sql(
        f"ALTER TABLE articles ADD COLUMN IF NOT EXISTS {PG_DOCUMENT} tsvector "
        f"GENERATED ALWAYS AS ({_PG_VECTOR}) STORED"
    )
    conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS ix_articles_fts ON articles USING gin ({PG_DOCUMENT})")


def _v2(conn: Connection) -> None:
    metadata.create_all(conn, tables=[stage_state])


def _v3(conn: Connection) -> None:
    metadata.create_all(conn, tables=[entities, entity_keys, mentions, quotes, quote_keys])


def _v4(conn: Connection) -> None:
    metadata.create_all(conn, tables=[clusters, cluster_terms, cluster_members])


def _v5(conn: Connection) -> None:
    metadata.create_all(conn, tables=[sentence_dates])


def _v6(conn: Connection) -> None:
    metadata.create_all(conn, tables=[cluster_aliases])
    have = {c["name"] for c in inspect(conn).get_columns("clusters")}
    if "mean_day" not in have:  # a table schema 4 created before these columns existed
        conn.exec_driver_sql("ALTER TABLE clusters ADD COLUMN mean_day FLOAT")
        conn.exec_driver_sql("ALTER TABLE clusters ADD COLUMN dated INTEGER NOT NULL DEFAULT 0")
    ix_clusters_recent.create(conn, checkfirst=True)


def _v7(conn: Connection) -> None:
    """Name keys follow the spelling rules of this version ("Belhadj" is "Belhaj", "Alliance
    atlantique" is "OTAN"): stored keys are re-keyed, so a name written again finds its entity."""
    _rekey(conn)


def _rekey(conn: Connection) -> None:
    """Stored name keys under the current spelling rules (``names.rekey``)."""
    from chronique.lang import get_language
    from chronique.nlp.names import rekey

    lang = get_language("fr")  # the only language whose entities a store keeps
    rows = conn.execute(select(entity_keys.c.key, entity_keys.c.entity_id, entity_keys.c.n)).all()
    moved: dict[tuple[str, str], int] = {}
    for key, eid, n in rows:
        new = rekey(key, lang)
        if new != key:
            conn.execute(entity_keys.delete().where(entity_keys.c.key == key, entity_keys.c.entity_id == eid))
            moved[(new, eid)] = moved.get((new, eid), 0) + n
    _insert_keys(conn, moved, "DO UPDATE SET n = entity_keys.n + :n")


def _insert_keys(conn: Connection, counts: dict[tuple[str, str], int], on_conflict: str) -> None:
    """Insert entity keys ``(key, entity id) → n`` in one statement; ``on_conflict`` says what a key the
    entity already has becomes."""
    if counts:
        conn.execute(
            text(
                "INSERT INTO entity_keys (key, entity_id, n) VALUES (:key, :eid, :n) "
                f"ON CONFLICT (key, entity_id) {on_conflict}"
            ),
            [{"key": key, "eid": eid, "n": n} for (key, eid), n in counts.items()],
        )


def _v8(conn: Connection) -> None:
    """A person's full name is also found under its loose key (``names.loose_key``: "Moamer" meets
    "Mouammar Kadhafi"): stored persons get theirs. And keys lose a leading "The" ("The Daily
    Telegraph" is "Daily Telegraph")."""
    from chronique.nlp.names import loose_key

    _rekey(conn)
    conn.execute(entity_keys.delete().where(entity_keys.c.key.like("loose:%")))  # any of an earlier rule
    rows = conn.execute(
        select(entity_keys.c.key, entity_keys.c.entity_id, entity_keys.c.n)
        .join(entities, entities.c.id == entity_keys.c.entity_id)
        .where(entities.c.type == "PER", entity_keys.c.key.like("full:% %"))
    ).all()
    added: dict[tuple[str, str], int] = {}
    for key, eid, n in rows:
        loose = loose_key(tuple(key.removeprefix("full:").split()))
        if loose is not None:
            at = (f"loose:{' '.join(loose)}", eid)
            added[at] = added.get(at, 0) + n
    _insert_keys(conn, added, "DO NOTHING")


# MIGRATIONS[n] brings a database from version n to n + 1.
MIGRATIONS: dict[int, Callable[[Connection], None]] = {
    0: _v1, 1: _v2, 2: _v3, 3: _v4, 4: _v5, 5: _v6, 6: _v7, 7: _v8,
}  # fmt: skip
