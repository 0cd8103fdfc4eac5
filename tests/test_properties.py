"""Properties that hold for any input: no exception escapes, offsets stay inside their text."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chronique.clean import clean
from chronique.dates.calendar import PartialDate
from chronique.dates.timex import find_timexes, resolve
from chronique.errors import InputError
from chronique.ingest.readers import read_text
from chronique.lang import get_language
from chronique.model import Document
from chronique.pipeline import analyse

FR = get_language("fr")
# Text made of news-like pieces mixed with hostile characters.
pieces = st.sampled_from([
    "Partager cet article", "Tous droits réservés", "© 2024", "Par AFP", "date 2018-07", "mardi",
    "samedi 11 novembre", "le 15/05", "« ", " »", '"', "\n", "\n\n", "\r\n", "\xa0", "\u200b", "\u202e",
    "é", "\u0301", "\x00", "Dernière mise à jour à 08h36 le 15/05", "À découvrir également", "(@x) 3 mai 2019",
    "Le président a déclaré jeudi dernier que", "la semaine dernière", " ", ".", "pic.twitter.com/x",
])  # fmt: skip
texts = st.one_of(st.text(max_size=400), st.lists(pieces, max_size=60).map("".join))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_clean_offsets_are_consistent(raw: str) -> None:
    cleaned = clean(raw, FR)
    for r in cleaned.removed:
        assert 0 <= r.start < r.end <= len(raw) and raw[r.start : r.end] == r.text
    for s in cleaned.segments:
        assert (
            cleaned.text[s.text_start : s.text_start + s.length] == raw[s.raw_start : s.raw_start + s.length]
        )
    spans = sorted((r.start, r.end) for r in cleaned.removed)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))  # no overlap


@settings(max_examples=300, deadline=None)
@given(texts)
def test_timexes_stay_inside_the_text(text: str) -> None:
    for m in find_timexes(text, FR):
        assert text[m.start : m.end] == m.text
        resolve(m, PartialDate(2018, 7, 24))
        resolve(m, PartialDate(2018))
        resolve(m, PartialDate())


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=600))
def test_any_bytes_give_a_document_or_an_input_error(data: bytes) -> None:
    try:
        doc = read_text(data, "fuzz.txt", "fuzz.txt")
    except InputError as exc:
        assert "fuzz.txt" in str(exc)
        return
    analyse(doc)


@settings(max_examples=100, deadline=None)
@given(texts)
def test_analyse_never_raises(raw: str) -> None:
    article = analyse(Document(raw_text=raw, origin="fuzz"))
    assert article.published.granularity in {"day", "month", "year", "unknown"}
