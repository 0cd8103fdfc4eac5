"""The store: articles and what stages learn about them, in SQLite (default) or any SQLAlchemy URL.

SQLite is opened in WAL mode (readers never block the writer); writes go through one transaction
per batch with ``BEGIN IMMEDIATE``, so a crash leaves every committed batch intact and a rerun,
which skips the ids already stored, completes the rest exactly once.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, func, select, text
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from chronique.clean.learned import LineStats
from chronique.cluster import online
from chronique.cluster.vectors import Vector
from chronique.dates.events import DatedSentence
from chronique.errors import StoreError
from chronique.model import Article, PublicationDate, RemovedSpan, Segment
from chronique.nlp.analysis import Annotations
from chronique.store import people, schema
from chronique.store.schema import articles as t_articles

WRITE_LOCK = 7_462_001  # the advisory lock id of Chronique's writers on PostgreSQL


def redact(text: str) -> str:
    """``text`` with the password of any database URL in it replaced by ``***``: safe to print or log."""
    return re.sub(r"(\b[a-z][a-z0-9+]*://[^:/@\s]*:)[^@\s]*@", r"\1***@", text)


def database_url(db: str) -> str:
    """A file path or a URL → a SQLAlchemy URL."""
    if re.match(r"^(postgres|postgresql)://", db):  # the driver Chronique ships with: psycopg 3
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    if re.match(r"^[a-z][a-z0-9+]*://", db):
        return db
    return f"sqlite:///{Path(db).expanduser()}"


def _scrub(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd") if "\x00" in value else value
    if isinstance(value, dict):
        return {k: _scrub(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_scrub(v) for v in value)
    return value


def _without_nul(
    conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool
) -> tuple[str, Any]:
    """PostgreSQL text cannot hold NUL: a parameter's NULs become U+FFFD, as stored texts' NULs do
    on reading, so a lookup with a NUL finds nothing instead of failing."""
    return statement, _scrub(parameters)


OPEN_ATTEMPTS = 6  # tries to open a SQLite database another process is creating (3 s of waits in all)


class Store:
    """Articles and corpus statistics; one instance per database, safe to share within a process."""

    def __init__(self, db: str) -> None:
        self.url = database_url(db)
        try:
            self.engine: Engine = create_engine(self.url, future=True)
        except (SQLAlchemyError, ImportError) as exc:
            raise StoreError(f"cannot open database {redact(db)!r}: {redact(str(exc))}") from exc
        self.sqlite = self.engine.dialect.name == "sqlite"
        if self.sqlite:
            event.listen(self.engine, "connect", _sqlite_pragmas)
        elif self.engine.dialect.name == "postgresql":
            event.listen(self.engine, "before_cursor_execute", _without_nul, retval=True)
        for attempt in range(OPEN_ATTEMPTS):
            try:
                self._migrate()
                break
            except DBAPIError as exc:
                # Two processes creating one SQLite database at once: turning it to WAL may report
                # "locked" without waiting for the busy timeout. The other one is done in a moment.
                if self.sqlite and "locked" in str(exc.orig) and attempt + 1 < OPEN_ATTEMPTS:
                    self.engine.dispose()
                    time.sleep(0.2 * 2**attempt)
                    continue
                raise StoreError(f"cannot use database {redact(db)!r}: {redact(str(exc.orig))}") from exc

    # -- schema -------------------------------------------------------------------------------
    def _migrate(self) -> None:
        with self.write() as conn:
            version = self._version(conn)
            if version > schema.SCHEMA_VERSION:
                raise StoreError(
                    f"the database has schema version {version}, newer than this Chronique's "
                    f"({schema.SCHEMA_VERSION}): upgrade Chronique"
                )
            while version < schema.SCHEMA_VERSION:
                schema.MIGRATIONS[version](conn)
                version += 1
                self._set_meta(conn, "schema_version", str(version))

    def _version(self, conn: Connection) -> int:
        if not self.engine.dialect.has_table(conn, "meta"):
            return 0
        value = conn.execute(
            select(schema.meta.c.value).where(schema.meta.c.key == "schema_version")
        ).scalar()
        return int(value or 0)

    def _set_meta(self, conn: Connection, key: str, value: str) -> None:
        conn.execute(schema.meta.delete().where(schema.meta.c.key == key))
        conn.execute(schema.meta.insert().values(key=key, value=value))

    @property
    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            return self._version(conn)

    # -- transactions -------------------------------------------------------------------------
    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One write transaction; SQLite takes its write lock up front so writers queue, not deadlock."""
        with self.engine.connect() as conn:
            if self.sqlite:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
                try:
                    yield conn
                except BaseException:
                    conn.exec_driver_sql("ROLLBACK")
                    raise
                conn.exec_driver_sql("COMMIT")
            else:
                with conn.begin():
                    if self.engine.dialect.name == "postgresql":
                        # One writer at a time, as on SQLite: clustering and entity linking read
                        # what the previous writer left. Released at commit or rollback.
                        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")
                    yield conn

    # -- articles -----------------------------------------------------------------------------
    def existing(self, ids: Sequence[str]) -> set[str]:
        found: set[str] = set()
        with self.engine.connect() as conn:
            for i in range(0, len(ids), 500):
                chunk = list(ids[i : i + 500])
                found.update(
                    conn.execute(select(t_articles.c.id).where(t_articles.c.id.in_(chunk))).scalars()
                )
        return found

    def add(
        self,
        batch: Sequence[Article],
        stats: LineStats | None = None,
        annotations: Mapping[str, Annotations] | None = None,
        vectors: Mapping[str, Vector] | None = None,
        dated: Mapping[str, Sequence[DatedSentence]] | None = None,
    ) -> int:
        """Store the new articles of ``batch``, their entities and quotations (``annotations`` by
        article id) and the line counts learned from them, in one transaction.

        Articles already stored are skipped (ingest is idempotent); returns how many were added.
        """
        if not batch:
            return 0
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self.write() as conn:
            present = set(
                conn.execute(
                    select(t_articles.c.id).where(t_articles.c.id.in_([a.id for a in batch]))
                ).scalars()
            )
            added = 0
            for article in batch:
                if article.id in present:
                    continue
                present.add(article.id)
                result = conn.execute(t_articles.insert().values(**_row(article), ingested_at=now))
                article.seq = int(result.inserted_primary_key[0]) if result.inserted_primary_key else None
                if self.sqlite:
                    conn.execute(
                        text("INSERT INTO articles_fts(article_id, title, text) VALUES (:id, :title, :text)"),
                        {"id": article.id, "title": article.title or "", "text": article.text},
                    )
                if annotations is not None and article.id in annotations:
                    people.save_annotations(conn, article.id, annotations[article.id])
                    if article.seq is not None:
                        self._set_meta(conn, "people_through", str(article.seq))
                if dated is not None and article.id in dated:
                    self._save_dated(conn, article.id, dated[article.id], replace=False)
                if vectors is not None and article.id in vectors:
                    online.assign(
                        conn,
                        article.id,
                        vectors[article.id],
                        article.published.value,
                        article.published.partial,
                    )
                    if article.seq is not None:
                        self._set_meta(conn, "clustered_through", str(article.seq))
                added += 1
            if stats is not None:
                self._save_stats(conn, stats)
        return added

    # -- who said what --------------------------------------------------------------------------
    def _mark(self, key: str) -> int:
        with self.engine.connect() as conn:
            value = conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == key)).scalar()
        return int(value or 0)

    def annotated_through(self) -> int:
        """The ingest position (``seq``) up to which articles have their entities and quotations."""
        return self._mark("people_through")

    def clustered_through(self) -> int:
        """The ingest position (``seq``) up to which articles are in stories and events."""
        return self._mark("clustered_through")

    def save_clusters(self, batch: Sequence[Article], vectors: Mapping[str, Vector]) -> None:
        """Put already stored articles (in ingest order) into stories and events, and move the mark."""
        with self.write() as conn:
            for article in batch:
                conn.execute(
                    schema.cluster_members.delete().where(schema.cluster_members.c.article_id == article.id)
                )
                online.assign(
                    conn, article.id, vectors[article.id], article.published.value, article.published.partial
                )
            self._set_meta(conn, "clustered_through", str(max(a.seq or 0 for a in batch)))

    def entity_names_of(self, article_id: str, type: str | None = None) -> list[str]:
        """The canonical names of the entities an article mentions (of one ``type``), once per mention."""
        m, e = schema.mentions, schema.entities
        stmt = select(e.c.name).join(m, m.c.entity_id == e.c.id).where(m.c.article_id == article_id)
        if type is not None:
            stmt = stmt.where(e.c.type == type)
        with self.engine.connect() as conn:
            return list(conn.execute(stmt).scalars())

    def entity_names_by_article(
        self, article_ids: Sequence[str], type: str | None = None
    ) -> dict[str, list[str]]:
        """:meth:`entity_names_of` for many articles at once (a few queries, not one per article)."""
        m, e = schema.mentions, schema.entities
        out: dict[str, list[str]] = {a: [] for a in article_ids}
        ids = list(article_ids)
        with self.engine.connect() as conn:
            for i in range(0, len(ids), 500):
                stmt = (
                    select(m.c.article_id, e.c.name)
                    .join(m, m.c.entity_id == e.c.id)
                    .where(m.c.article_id.in_(ids[i : i + 500]))
                    .order_by(m.c.article_id, m.c.start, m.c.end)
                )
                if type is not None:
                    stmt = stmt.where(e.c.type == type)
                for article_id, name in conn.execute(stmt):
                    out[article_id].append(name)
        return out

    def _save_dated(
        self, conn: Connection, article_id: str, dated: Sequence[DatedSentence], replace: bool = True
    ) -> None:
        data = json.dumps(
            [[d.start, d.end, d.value, d.confidence, d.evidence] for d in dated], ensure_ascii=False
        )
        if replace:  # a new article has none to replace
            conn.execute(
                schema.sentence_dates.delete().where(schema.sentence_dates.c.article_id == article_id)
            )
        conn.execute(schema.sentence_dates.insert().values(article_id=article_id, data=data))

    def save_sentence_dates(self, dated: Mapping[str, Sequence[DatedSentence]]) -> None:
        """Replace the dated sentences of some articles (after they were redated)."""
        if not dated:
            return
        with self.write() as conn:
            for article_id, sentences in dated.items():
                self._save_dated(conn, article_id, sentences)

    def sentence_dates(self, articles: Sequence[Article]) -> dict[str, list[DatedSentence]]:
        """The stored dated sentences of ``articles`` (those that have them)."""
        t = schema.sentence_dates
        by_id = {a.id: a for a in articles}
        out: dict[str, list[DatedSentence]] = {}
        with self.engine.connect() as conn:
            ids = list(by_id)
            for i in range(0, len(ids), 500):
                for article_id, data in conn.execute(
                    select(t.c.article_id, t.c.data).where(t.c.article_id.in_(ids[i : i + 500]))
                ):
                    text_ = by_id[article_id].text
                    out[article_id] = [
                        DatedSentence(start, end, text_[start:end], value, confidence, evidence)
                        for start, end, value, confidence, evidence in json.loads(data)
                    ]
        return out

    def story_ids(self, prefix: str = "") -> list[str]:
        """Ids of the stories whose id starts with ``prefix``, largest first (when none does, those that
        stories of such ids were merged into)."""
        m = schema.cluster_members
        with self.engine.connect() as conn:
            if prefix and conn.execute(select(m.c.story_id).where(m.c.story_id == prefix).limit(1)).first():
                return [prefix]  # a whole id: found through the index, without scanning every member
            ids = list(
                conn.execute(
                    select(m.c.story_id)
                    .where(m.c.story_id.like(f"{prefix}%"))
                    .group_by(m.c.story_id)
                    .order_by(func.count().desc(), m.c.story_id)
                ).scalars()
            )
        return ids if ids or not prefix else self.merged_into("story", prefix)

    def merged_into(self, level: str, prefix: str) -> list[str]:
        """The clusters (``level`` "story" or "event") that clusters whose id starts with ``prefix`` were
        merged into."""
        a = schema.cluster_aliases
        with self.engine.connect() as conn:
            return list(
                conn.execute(
                    select(a.c.merged_into)
                    .where(a.c.level == level, a.c.id.like(f"{prefix}%"))
                    .distinct()
                    .order_by(a.c.merged_into)
                ).scalars()
            )

    def story_article_ids(self, story_id: str, limit: int | None = None) -> list[str]:
        """The articles of one story, in ingest order — at most ``limit`` of them: then every event
        gives its most central article (the most similar to the event when it joined), then its next
        one, and so on, so that every event, small or large, is read."""
        return online.to_read(self.members(story_id=story_id), limit)

    def members(
        self, article_ids: Sequence[str] | None = None, *, story_id: str | None = None
    ) -> list[online.Member]:
        """The story, event and similarity to its event of every article, of ``article_ids`` or of
        one story's, in ingest order."""
        with self.engine.connect() as conn:
            return online.ranked_members(conn, article_ids, story_id)

    def memberships(self, article_ids: Sequence[str] | None = None) -> dict[str, tuple[str, str]]:
        """article id → (story id, event id), of every article or of ``article_ids``."""
        with self.engine.connect() as conn:
            return online.members(conn, article_ids)

    def published_values(self) -> dict[str, str | None]:
        """article id → publication date value, of every article (what a cached description depends on)."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(t_articles.c.id, t_articles.c.published_value))
            return {row[0]: row[1] for row in rows}

    def save_people(self, annotations: Mapping[str, Annotations], through: int) -> None:
        """Store the annotations of already stored articles (replacing any), and move the mark."""
        with self.write() as conn:
            for article_id, ann in annotations.items():
                conn.execute(schema.mentions.delete().where(schema.mentions.c.article_id == article_id))
                conn.execute(schema.quote_keys.delete().where(schema.quote_keys.c.article_id == article_id))
                conn.execute(schema.quotes.delete().where(schema.quotes.c.article_id == article_id))
                people.save_annotations(conn, article_id, ann)
            self._set_meta(conn, "people_through", str(through))

    def entities(
        self,
        *,
        type: str | None = None,
        query: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Entities, most mentioned first; ``query`` keeps those a name or alias of which contains it."""
        e = schema.entities
        stmt = select(e).where(*self._entity_conditions(type, query)).order_by(e.c.mentions.desc(), e.c.id)
        stmt = stmt.offset(offset)
        if limit:
            stmt = stmt.limit(limit)
        with self.engine.connect() as conn:
            return [people.entity_record(r) for r in conn.execute(stmt).mappings()]

    def count_entities(self, *, type: str | None = None, query: str | None = None) -> int:
        e = schema.entities
        stmt = select(func.count()).select_from(e).where(*self._entity_conditions(type, query))
        with self.engine.connect() as conn:
            return int(conn.execute(stmt).scalar() or 0)

    def _entity_conditions(self, type: str | None, query: str | None) -> list[Any]:
        e = schema.entities
        conds: list[Any] = []
        if type:
            conds.append(e.c.type == type.upper())
        if query:
            with self.engine.connect() as conn:
                conds.append(e.c.id.in_(people.matching_entities(conn, query, every=True)))
        return conds

    def entity(self, name: str) -> dict[str, Any] | None:
        """The entity ``name`` designates (an id, a name or an alias), with its articles."""
        with self.engine.connect() as conn:
            ids = people.matching_entities(conn, name)
            if not ids:
                return None
            row = conn.execute(select(schema.entities).where(schema.entities.c.id == ids[0])).mappings().one()
            record = people.entity_record(row)
            m = schema.mentions
            record["article_ids"] = list(
                conn.execute(
                    select(m.c.article_id)
                    .join(t_articles, t_articles.c.id == m.c.article_id)
                    .where(m.c.entity_id == ids[0])
                    .group_by(m.c.article_id)
                    .order_by(func.min(t_articles.c.seq))
                ).scalars()
            )
        return record

    def quotes(
        self,
        *,
        speaker: str | None = None,
        about: str | None = None,
        article_id: str | None = None,
        limit: int | None = None,
        article_ids: Sequence[str] | None = None,
        contains: str | None = None,
        offset: int = 0,
        min_confidence: float | None = None,
        attributed: bool = False,
    ) -> list[dict[str, Any]]:
        """Quotations in ingest order: by a speaker, mentioning an entity, of one article or of some,
        containing some words (case ignored), attributed with at least ``min_confidence``, or (with
        ``attributed``) only those whose speaker is known."""
        q = schema.quotes
        with self.engine.connect() as conn:
            conds = self._quote_conditions(
                conn, speaker, about, article_id, article_ids, contains, min_confidence, attributed
            )
            stmt = (
                select(q)
                .join(t_articles, t_articles.c.id == q.c.article_id)
                .where(*conds)
                .order_by(t_articles.c.seq, q.c.idx)
                .offset(offset)
            )
            if limit:
                stmt = stmt.limit(limit)
            rows = conn.execute(stmt).mappings().all()
            wanted = {r["speaker_id"] for r in rows if r["speaker_id"]}
            e = schema.entities
            names = dict(conn.execute(select(e.c.id, e.c.name).where(e.c.id.in_(wanted))).all())
        return [people.quote_record(r, names) for r in rows]

    def count_quotes(
        self,
        *,
        speaker: str | None = None,
        about: str | None = None,
        article_id: str | None = None,
        contains: str | None = None,
        min_confidence: float | None = None,
        attributed: bool = False,
    ) -> int:
        """How many quotations :meth:`quotes` gives for these filters, without a limit."""
        with self.engine.connect() as conn:
            conds = self._quote_conditions(
                conn, speaker, about, article_id, None, contains, min_confidence, attributed
            )
            stmt = select(func.count()).select_from(schema.quotes).where(*conds)
            return int(conn.execute(stmt).scalar() or 0)

    def _quote_conditions(
        self,
        conn: Connection,
        speaker: str | None,
        about: str | None,
        article_id: str | None,
        article_ids: Sequence[str] | None,
        contains: str | None,
        min_confidence: float | None = None,
        attributed: bool = False,
    ) -> list[Any]:
        q = schema.quotes
        conds: list[Any] = []
        if min_confidence is not None:
            conds.append(q.c.confidence >= min_confidence)
        if attributed:
            conds.append(q.c.speaker_id.is_not(None))
        if speaker is not None:
            conds.append(q.c.speaker_id.in_(people.matching_entities(conn, speaker)))
        if about is not None:
            ids = people.matching_entities(conn, about)
            m = schema.mentions
            conds.append(
                select(m.c.article_id)
                .where(
                    m.c.entity_id.in_(ids),
                    m.c.article_id == q.c.article_id,
                    m.c.start >= q.c.start,
                    m.c.end <= q.c.end,
                )
                .exists()
            )
        if article_id is not None:
            conds.append(q.c.article_id == article_id)
        if article_ids is not None:
            conds.append(q.c.article_id.in_(list(article_ids)))
        for word in (contains or "").split():
            conds.append(q.c.text.ilike(f"%{word}%"))
        return conds

    def mentions(self, article_id: str) -> list[dict[str, Any]]:
        m = schema.mentions
        with self.engine.connect() as conn:
            rows = conn.execute(select(m).where(m.c.article_id == article_id).order_by(m.c.start, m.c.end))
            return [people.mention_record(r) for r in rows.mappings()]

    def update_published(self, updates: dict[str, PublicationDate]) -> None:
        with self.write() as conn:
            for article_id, pub in updates.items():
                conn.execute(
                    t_articles.update().where(t_articles.c.id == article_id).values(**_published_row(pub))
                )

    def get(self, article_id: str) -> Article | None:
        """An article by id, or by a unique prefix of its id, or by its file name, the id it was given
        (a JSONL ``id``) or its URL, when one article alone has it."""
        with self.engine.connect() as conn:
            row = conn.execute(select(t_articles).where(t_articles.c.id == article_id)).mappings().first()
            tries = [t_articles.c.file == article_id, t_articles.c.external_id == article_id]
            tries.append(t_articles.c.url == article_id)
            if len(article_id) >= 4 and re.fullmatch(r"[0-9a-f]+", article_id):
                tries.insert(0, t_articles.c.id.like(f"{article_id}%"))
            for condition in tries:
                if row is not None:
                    break
                rows = conn.execute(select(t_articles).where(condition).limit(2)).mappings().all()
                row = rows[0] if len(rows) == 1 else None
            return _article(row) if row is not None else None

    def count(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(t_articles)).scalar() or 0)

    def articles(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        source: str | None = None,
        query: str | None = None,
        ids: Sequence[str] | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Article]:
        """Articles in ingest order, filtered by publication date range, source, full-text query or ids."""
        stmt = select(t_articles).where(*self._article_conditions(since, until, source, query, ids))
        stmt = stmt.order_by(t_articles.c.seq).offset(offset)
        if limit is not None:
            stmt = stmt.limit(limit)
        with self.engine.connect() as conn:
            return [_article(row) for row in conn.execute(stmt).mappings()]

    def article_ids(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        source: str | None = None,
        query: str | None = None,
        ids: Sequence[str] | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[str]:
        """The ids :meth:`articles` gives, without reading the articles."""
        stmt = select(t_articles.c.id).where(*self._article_conditions(since, until, source, query, ids))
        stmt = stmt.order_by(t_articles.c.seq).offset(offset)
        if limit is not None:
            stmt = stmt.limit(limit)
        with self.engine.connect() as conn:
            return list(conn.execute(stmt).scalars())

    def briefs(self, ids: Sequence[str]) -> list[dict[str, Any]]:
        """What a list shows of each article (no text): id, file, url, title, source, language,
        published, story_id, event_id — in the order of ``ids``."""
        a = t_articles
        cols = [a.c.id, a.c.file, a.c.url, a.c.title, a.c.source, a.c.language]
        cols += [a.c[name] for name in _published_row(PublicationDate.unknown())]
        found: dict[str, dict[str, Any]] = {}
        with self.engine.connect() as conn:
            for i in range(0, len(ids), 500):
                for row in conn.execute(select(*cols).where(a.c.id.in_(list(ids[i : i + 500])))).mappings():
                    pub = _publication(row)
                    found[row["id"]] = {
                        "id": row["id"],
                        "file": row["file"],
                        "url": row["url"],
                        "title": row["title"],
                        "source": row["source"],
                        "language": row["language"],
                        "published": pub.as_dict(),
                    }
        memberships = self.memberships([i for i in ids if i in found])
        out = []
        for article_id in ids:
            if article_id in found:
                brief = found[article_id]
                brief["story_id"], brief["event_id"] = memberships.get(article_id, (None, None))
                out.append(brief)
        return out

    def count_articles(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        source: str | None = None,
        query: str | None = None,
        ids: Sequence[str] | None = None,
    ) -> int:
        """How many articles :meth:`articles` gives for these filters, without a limit."""
        conds = self._article_conditions(since, until, source, query, ids)
        stmt = select(func.count()).select_from(t_articles).where(*conds)
        with self.engine.connect() as conn:
            return int(conn.execute(stmt).scalar() or 0)

    def _article_conditions(
        self,
        since: str | None,
        until: str | None,
        source: str | None,
        query: str | None,
        ids: Sequence[str] | None,
    ) -> list[Any]:
        conds: list[Any] = []
        if since:
            conds.append(t_articles.c.published_value >= since)
        if until:
            # "2018-07" as an upper bound includes every day of July.
            conds.append(t_articles.c.published_value <= until + "\uffff")
        if source:
            conds.append(func.lower(t_articles.c.source) == source.lower())
        if ids is not None:
            conds.append(t_articles.c.id.in_(list(ids)))
        if query:
            conds.append(t_articles.c.id.in_(self._search_ids(query)))
        return conds

    def iter_articles(self, chunk: int = 500, after: int = 0) -> Iterator[Article]:
        """Every article (stored after ingest position ``after``), in ingest order, without holding
        them all in memory."""
        last = after
        while True:
            with self.engine.connect() as conn:
                rows = (
                    conn.execute(
                        select(t_articles)
                        .where(t_articles.c.seq > last)
                        .order_by(t_articles.c.seq)
                        .limit(chunk)
                    )
                    .mappings()
                    .all()
                )
            if not rows:
                return
            for row in rows:
                yield _article(row)
            last = rows[-1]["seq"]

    def _search_ids(self, query: str, limit: int | None = None) -> list[str]:
        with self.engine.connect() as conn:
            if self.sqlite:
                fts = _fts_query(query)
                if not fts:
                    return []
                sql = "SELECT article_id FROM articles_fts WHERE articles_fts MATCH :q ORDER BY rank"
                rows = conn.execute(text(sql + (" LIMIT :n" if limit else "")), {"q": fts, "n": limit})
                return [r[0] for r in rows]
            if self.engine.dialect.name == "postgresql":
                stmt_pg = text(
                    f"SELECT id FROM articles WHERE {schema.PG_DOCUMENT} @@ websearch_to_tsquery('{schema.PG_TEXT_SEARCH}', :q) "
                    f"ORDER BY ts_rank({schema.PG_DOCUMENT}, websearch_to_tsquery('{schema.PG_TEXT_SEARCH}', :q)) DESC, seq"
                    + (" LIMIT :n" if limit else "")
                )
                return [r[0] for r in conn.execute(stmt_pg, {"q": _websearch_query(query), "n": limit})]
            like = f"%{query}%"
            stmt = select(t_articles.c.id).where(
                t_articles.c.text.ilike(like) | t_articles.c.title.ilike(like)
            )
            rows = conn.execute(stmt.limit(limit) if limit else stmt)
            return [r[0] for r in rows]

    def search_ids(self, query: str, limit: int = 20) -> list[str]:
        """Ids of the best full-text matches, best first."""
        return self._search_ids(query, limit)

    def search(self, query: str, limit: int = 20) -> list[Article]:
        """Full-text search, best match first (diacritics and case ignored)."""
        ids = self._search_ids(query, limit)
        by_id = {a.id: a for a in self.articles(ids=ids)}
        return [by_id[i] for i in ids if i in by_id]

    # -- learned boilerplate ------------------------------------------------------------------
    def line_stats(self, min_articles: int, min_share: float) -> LineStats:
        stats = LineStats(min_articles, min_share)
        with self.engine.connect() as conn:
            for source, n in conn.execute(select(schema.source_stats.c.source, schema.source_stats.c.n)):
                stats.articles[source] = n
            for source, key, n in conn.execute(
                select(schema.line_stats.c.source, schema.line_stats.c.line_key, schema.line_stats.c.n)
            ):
                stats.lines[(source, key)] = n
        return stats

    def _save_stats(self, conn: Connection, stats: LineStats) -> None:
        """Add the increments of ``stats`` to the stored counts (an upsert: cost grows with the batch only)."""
        if stats.new_articles:
            rows = [{"source": s, "n": n} for s, n in stats.new_articles.items()]
            self._upsert_add(conn, schema.source_stats, rows, ["source"])
        if stats.new_lines:
            rows = [{"source": s, "line_key": k, "n": n} for (s, k), n in stats.new_lines.items()]
            self._upsert_add(conn, schema.line_stats, rows, ["source", "line_key"])
        stats.saved()

    def _upsert_add(self, conn: Connection, table: Any, rows: list[dict[str, Any]], keys: list[str]) -> None:
        if self.sqlite:
            from sqlalchemy.dialects.sqlite import insert
        else:
            from sqlalchemy.dialects.postgresql import insert  # type: ignore[assignment]
        stmt = insert(table)
        stmt = stmt.on_conflict_do_update(index_elements=keys, set_={"n": table.c.n + stmt.excluded.n})
        for i in range(0, len(rows), 1000):
            conn.execute(stmt, rows[i : i + 1000])

    # -- stage state --------------------------------------------------------------------------
    # A state larger than STATE_PART bytes is kept in parts, each its own row (SQLite refuses values
    # over 1 GB and PostgreSQL's bytea over 1 GB; a reuse index over a large archive passes that).
    STATE_PART = 128 * 1024 * 1024
    _PARTS = b"chronique-state-parts:"

    def load_state(self, name: str) -> tuple[bytes, int] | None:
        """A stage's saved state and the number of articles it covered, or None."""
        st = schema.stage_state
        with self.engine.connect() as conn:
            row = conn.execute(select(st.c.data, st.c.articles).where(st.c.name == name)).first()
            if row is None:
                return None
            data, articles = bytes(row[0]), int(row[1])
            if not data.startswith(self._PARTS):
                return data, articles
            count = int(data[len(self._PARTS) :])
            parts = []
            for i in range(count):
                part = conn.execute(select(st.c.data).where(st.c.name == _part_name(name, i))).scalar()
                if part is None:
                    return None  # a part is missing: no usable state (the stage rebuilds it)
                parts.append(bytes(part))
        return b"".join(parts), articles

    def save_state(self, name: str, data: bytes, articles: int) -> None:
        st = schema.stage_state
        size = self.STATE_PART
        with self.write() as conn:
            conn.execute(st.delete().where((st.c.name == name) | st.c.name.like(_part_name(name, None))))
            if len(data) <= size:
                conn.execute(st.insert().values(name=name, data=data, articles=articles))
                return
            count = (len(data) + size - 1) // size
            for i in range(count):
                part = data[i * size : (i + 1) * size]
                conn.execute(st.insert().values(name=_part_name(name, i), data=part, articles=articles))
            header = self._PARTS + str(count).encode()
            conn.execute(st.insert().values(name=name, data=header, articles=articles))

    def texts(self) -> StoredTexts:
        """A read-only mapping article id → cleaned text, read from the database on demand."""
        return StoredTexts(self)

    def text_of(self, article_id: str) -> str | None:
        with self.engine.connect() as conn:
            value = conn.execute(select(t_articles.c.text).where(t_articles.c.id == article_id)).scalar()
        return None if value is None else str(value)

    def ids(self) -> list[str]:
        """Every article id, in ingest order."""
        with self.engine.connect() as conn:
            return list(conn.execute(select(t_articles.c.id).order_by(t_articles.c.seq)).scalars())

    def integrity_ok(self) -> bool:
        if not self.sqlite:
            return True
        with self.engine.connect() as conn:
            return conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"

    def close(self) -> None:
        self.engine.dispose()


def _part_name(name: str, index: int | None) -> str:
    """The row of one part of a large stage state (``None``: a LIKE pattern for all of them)."""
    return f"{name}/part-" + ("%" if index is None else f"{index:05d}")


class StoredTexts(Mapping[str, str]):
    """Cleaned texts of stored articles, fetched one at a time (a stage's index needs only a few)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def __getitem__(self, article_id: str) -> str:
        text = self._store.text_of(article_id)
        if text is None:
            raise KeyError(article_id)
        return text

    def __iter__(self) -> Iterator[str]:
        return iter(self._store.ids())

    def __len__(self) -> int:
        return self._store.count()


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # transactions are begun explicitly (see Store.write)
    cursor = dbapi_connection.cursor()
    # First the wait for a lock: turning a new database to WAL takes one, and another process may be
    # creating the same database's schema right then.
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(
        "PRAGMA cache_size=-65536"
    )  # 64 MB of pages: index lookups stay in memory as the store grows
    cursor.close()


def _fts_query(query: str) -> str:
    """User words → an FTS5 query of quoted terms (no FTS syntax from users reaches the engine).

    Words are all required, except around an upper-case ``OR``, which is kept.
    """
    parts = []
    for token in re.findall(r"\w+", query):
        parts.append("OR" if token == "OR" else f'"{token}"')
    while parts and parts[0] == "OR":
        parts.pop(0)
    while parts and parts[-1] == "OR":
        parts.pop()
    return " ".join(parts)


def _websearch_query(query: str) -> str:
    """User words → the same query as ``_fts_query``, for PostgreSQL's ``websearch_to_tsquery``: words
    all required except around an upper-case ``OR`` (no phrases, no negation: only words pass)."""
    tokens = [t for t in re.findall(r"\w+", query) if t == "OR" or t.lower() != "or"]
    return _fts_query(" ".join(tokens)).replace('"', "")


def _published_row(pub: PublicationDate) -> dict[str, Any]:
    return {
        "published_value": pub.value,
        "published_granularity": pub.granularity,
        "published_evidence": pub.evidence,
        "published_confidence": pub.confidence,
        "published_method": pub.method,
        "published_partial": pub.partial,
    }


def _publication(row: Any) -> PublicationDate:
    return PublicationDate(
        row["published_value"],
        row["published_granularity"],
        row["published_evidence"],
        row["published_confidence"],
        row["published_method"],
        row["published_partial"],
    )


def _row(a: Article) -> dict[str, Any]:
    return {
        "id": a.id,
        "file": a.file,
        "url": a.url,
        "title": a.title,
        "source": a.source,
        "language": a.language,
        "external_id": a.external_id,
        "encoding": a.encoding,
        "raw_text": a.raw_text,
        "original": a.original,
        "text": a.text,
        "removed": json.dumps([r.as_dict() for r in a.removed], ensure_ascii=False),
        "segments": json.dumps([[s.text_start, s.raw_start, s.length] for s in a.segments]),
        "metadata": json.dumps(a.metadata, ensure_ascii=False),
        "declared_published": a.declared_published,
        **_published_row(a.published),
    }


def _article(row: Any) -> Article:
    return Article(
        id=row["id"],
        raw_text=row["raw_text"],
        text=row["text"],
        file=row["file"],
        url=row["url"],
        title=row["title"],
        source=row["source"],
        language=row["language"],
        removed=[RemovedSpan.from_dict(d) for d in json.loads(row["removed"])],
        segments=[Segment(*s) for s in json.loads(row["segments"])],
        metadata=json.loads(row["metadata"]),
        published=_publication(row),
        external_id=row["external_id"],
        encoding=row["encoding"] or "utf-8",
        original=row["original"],
        declared_published=row["declared_published"],
        seq=row["seq"],
    )
