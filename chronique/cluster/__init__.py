"""What happened: articles grouped into events and events into stories (``online``), from vectors of
their words and entities (``vectors``)."""

from __future__ import annotations

from collections.abc import Iterable

from chronique.cluster.vectors import Vector, article_vector
from chronique.lang import get_language
from chronique.nlp.names import name_key

TITLE_WEIGHT = 2  # a title's words count this many times: it says what the article is about


def vector_of(text: str, title: str | None, entity_names: Iterable[str], language: str = "fr") -> Vector:
    """The clustering vector of an article: its words (title weighted) and the names of its entities,
    one per mention."""
    lang = get_language(language)
    keys = [" ".join(k) for k in (name_key(n, lang) for n in entity_names) if k]
    body = "\n".join([title or ""] * TITLE_WEIGHT + [text])
    return article_vector(body, keys, lang)


__all__ = ["Vector", "vector_of"]
