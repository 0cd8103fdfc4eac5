"""What happened: articles grouped into events and events into stories (``online``), from vectors of
their words and entities (``vectors``)."""

from __future__ import annotations

from collections.abc import Iterable

from chronique.cluster.vectors import Vector, article_vector, name_idf
from chronique.lang import get_language
from chronique.nlp.names import name_key

TITLE_WEIGHT = 2  # a title's words count this many times: it says what the article is about


def vector_of(text: str, title: str | None, entity_names: Iterable[str], language: str = "fr") -> Vector:
    """The clustering vector of an article: its words (title weighted) and the names of its entities,
    one per mention, each as distinctive as the words of its names."""
    lang = get_language(language)
    keys: list[str] = []
    idf: dict[str, float] = {}
    for name in entity_names:
        key = " ".join(name_key(name, lang))
        if key:
            keys.append(key)
            idf[key] = max(idf.get(key, 0.0), name_idf(name, lang))
    body = "\n".join([title or ""] * TITLE_WEIGHT + [text])
    return article_vector(body, keys, lang, idf)


__all__ = ["Vector", "vector_of"]
