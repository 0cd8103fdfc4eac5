"""The public JSON export (DESIGN.md, "Contracts"): one object with articles, entities, events,
stories and reuse. Fields are only ever added; scripts outside the project read this shape."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from chronique.cluster import online
from chronique.cluster.describe import Event, Story, describe
from chronique.cluster.online import Member
from chronique.model import Article
from chronique.pipeline import timexes
from chronique.reuse import ReuseDetector
from chronique.reuse.persist import load_reuse
from chronique.store import Store

EXPORT_VERSION = 1


def article_record(article: Article, store: Store | None = None) -> dict[str, Any]:
    """The contract object of one article; its mentions and quotations come from ``store``."""
    record = article.to_contract()
    record["timexes"] = [t.as_dict() for t in timexes(article)]
    if store is not None:
        record["quotes"] = store.quotes(article_id=article.id)
        record["mentions"] = store.mentions(article.id)
    return record


def stories_of(
    store: Store,
    articles: Iterable[Article] | None = None,
    members: Sequence[Member] | None = None,
    limit: int | None = None,
) -> tuple[list[Story], list[Event]]:
    """The stories and events of ``articles`` (default: of ``members``, else of every stored article),
    each story read through at most ``limit`` of its articles beyond one per event (the most central
    of each event first, see :func:`chronique.cluster.online.to_read`). ``members`` are the articles'
    stories and events when they were read before (a writer may have merged a story since)."""
    given = None if articles is None else list(articles)
    if members is None:
        members = store.members(None if given is None else [a.id for a in given])
    wanted = online.to_read(members, limit, every_event=True)
    if given is None:
        read = [a for i in range(0, len(wanted), 500) for a in store.articles(ids=wanted[i : i + 500])]
    else:
        keep = set(wanted)
        read = [a for a in given if a.id in keep]
    ids = [a.id for a in read]
    return describe(
        read,
        {m.article_id: (m.story_id, m.event_id) for m in members},
        store.entity_names_by_article(ids),
        store.entity_names_by_article(ids, "PER"),
        store.sentence_dates(read),
    )


def detect_reuse(store: Store) -> ReuseDetector:
    """Reuse among every stored article (the store's saved detector)."""
    return load_reuse(store)


def export_articles(
    articles: Iterable[Article],
    detector: ReuseDetector | None = None,
    store: Store | None = None,
    limit: int | None = None,
) -> dict[str, Any]:
    """The export of ``articles``; reuse among them is computed unless a ``detector`` that has them
    is given; entities, mentions, quotations, events and stories come from ``store`` when given, a
    story described through at most ``limit`` of its articles beyond one per event."""
    articles = list(articles)
    if detector is None:
        detector = ReuseDetector()
        detector.add_many(articles)
    records = []
    for a in articles:
        record = article_record(a, store)
        record["originality"] = round(detector.originality(a.id), 4)
        records.append(record)
    entities: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    stories: list[dict[str, Any]] = []
    if store is not None:
        wanted = {m["entity_id"] for r in records for m in r["mentions"]}
        wanted |= {q["speaker"]["entity_id"] for r in records for q in r["quotes"] if q["speaker"]}
        entities = [e for e in store.entities() if e["id"] in wanted]
        members = store.members([a.id for a in articles])  # read once: for the stories and the records
        found_stories, found_events = stories_of(store, articles, members, limit)
        stories = [s.as_dict() for s in found_stories]
        events = [e.as_dict() for e in found_events]
        membership = {m.article_id: (m.story_id, m.event_id) for m in members}
        for record in records:
            record["story_id"], record["event_id"] = membership.get(record["id"], (None, None))
    return {
        "version": EXPORT_VERSION,
        "articles": records,
        "entities": entities,
        "events": events,
        "stories": stories,
        "reuse": [pair.as_dict() for pair in detector.pairs()],
    }


def export_store(store: Store, limit: int | None = None) -> dict[str, Any]:
    """Everything in the store, in ingest order (a story described through at most ``limit`` of its
    articles beyond one per event)."""
    return export_articles(store.iter_articles(), load_reuse(store), store, limit)
