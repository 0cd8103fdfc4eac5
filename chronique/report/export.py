"""The public JSON export (DESIGN.md, "Contracts"): one object with articles, entities, events,
stories and reuse. Fields are only ever added; scripts outside the project read this shape."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from chronique.model import Article
from chronique.pipeline import timexes
from chronique.store import Store

EXPORT_VERSION = 1


def article_record(article: Article) -> dict[str, Any]:
    record = article.to_contract()
    record["timexes"] = [t.as_dict() for t in timexes(article)]
    return record


def export_articles(articles: Iterable[Article]) -> dict[str, Any]:
    return {
        "version": EXPORT_VERSION,
        "articles": [article_record(a) for a in articles],
        "entities": [],
        "events": [],
        "stories": [],
        "reuse": [],
    }


def export_store(store: Store) -> dict[str, Any]:
    """Everything in the store, in ingest order."""
    return export_articles(store.iter_articles())
