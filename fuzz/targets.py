"""Fuzz targets: each takes bytes and checks Chronique's promises on them.

- Only :class:`chronique.errors.InputError` may escape the readers, and it names the input.
- Offsets always lie inside the text they point into, and the text at them is the text reported.

Used by the coverage-guided fuzzer (``fuzz/run.py``, atheris) and, on the saved corpus and every
crasher ever found, by the tests (``tests/test_fuzz.py``).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable

from chronique.clean import clean
from chronique.dates.calendar import PartialDate
from chronique.dates.events import date_sentences
from chronique.dates.timex import find_timexes, resolve
from chronique.errors import InputError
from chronique.ingest.feeds import read_feed
from chronique.ingest.readers import document_from_json_line, read_jsonl, read_text
from chronique.lang import get_language
from chronique.model import Document
from chronique.nlp.mentions import find_mentions
from chronique.nlp.quotes import find_quotes
from chronique.pipeline import analyse

FR = get_language("fr")
ORIGIN = "fuzz-input.bin"
_CAPITALISED = re.compile(r"[A-ZÀ-Ý][\w'-]+(?: [A-ZÀ-Ý][\w'-]+)*")


def _text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def read(data: bytes) -> None:
    """Bytes as a file (text or HTML, any encoding), then as JSON lines."""
    for kind in ("auto", "html", "text"):
        try:
            doc = read_text(data, ORIGIN, ORIGIN, kind)
        except InputError as exc:
            assert ORIGIN in str(exc), exc
            continue
        assert isinstance(doc.raw_text, str)
    for item in read_jsonl(io.BytesIO(data), ORIGIN, max_line_bytes=4096):
        if isinstance(item, InputError):
            assert ORIGIN in item.origin
    try:
        document_from_json_line(data, ORIGIN)
    except InputError as exc:
        assert ORIGIN in str(exc)


def feed(data: bytes) -> None:
    """Bytes as an RSS/Atom feed file (nothing is fetched)."""
    for item in read_feed(data, ORIGIN):
        if isinstance(item, InputError):
            assert item.origin.startswith(ORIGIN)
        else:
            assert item.raw_text.strip() and "\x00" not in item.raw_text


def cleaning(data: bytes) -> None:
    raw = _text(data)
    cleaned = clean(raw, FR)
    for r in cleaned.removed:
        assert 0 <= r.start < r.end <= len(raw) and raw[r.start : r.end] == r.text
    for s in cleaned.segments:
        piece = cleaned.text[s.text_start : s.text_start + s.length]
        assert piece == raw[s.raw_start : s.raw_start + s.length]


def dates(data: bytes) -> None:
    text = _text(data)
    for m in find_timexes(text, FR, durations=True):
        assert 0 <= m.start < m.end <= len(text) and text[m.start : m.end] == m.text
        for anchor in (PartialDate(2018, 7, 24), PartialDate(2018), PartialDate()):
            resolve(m, anchor)
    for sentence in date_sentences(text, PartialDate(2018, 7, 24), FR):
        assert 0 <= sentence.start <= sentence.end <= len(text)


def quotes(data: bytes) -> None:
    """The quotation rules over any text, with capitalised runs standing in for the model's names."""
    text = _text(data)
    ents = [
        (m.start(), m.end(), ("PER", "LOC", "ORG")[i % 3]) for i, m in enumerate(_CAPITALISED.finditer(text))
    ]
    found = find_mentions(text, ents, FR, "2018-07-24")
    for mention in found.mentions:
        assert (
            0 <= mention.start < mention.end <= len(text)
            and text[mention.start : mention.end] == mention.text
        )
    for q in find_quotes(text, found, FR):
        assert 0 <= q.start < q.end <= len(text) and text[q.start : q.end] == q.text


def article(data: bytes) -> None:
    """The whole per-article analysis (clean, date) of a document made of the bytes."""
    try:
        doc = read_text(data, ORIGIN, ORIGIN)
    except InputError:
        doc = Document(raw_text=_text(data), origin=ORIGIN)
    a = analyse(doc)
    for r in a.removed:
        assert a.raw_text[r.start : r.end] == r.text


TARGETS: dict[str, Callable[[bytes], None]] = {
    "read": read,
    "feed": feed,
    "clean": cleaning,
    "dates": dates,
    "quotes": quotes,
    "article": article,
}


def dispatch(data: bytes) -> None:
    """One input for every target: the first byte picks the target, the rest is its input."""
    if not data:
        return
    names = sorted(TARGETS)
    TARGETS[names[data[0] % len(names)]](data[1:])
