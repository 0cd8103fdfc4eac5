"""Timelines: a story (or any set of articles) told as dated entries, oldest first.

The date-wise method of timeline summarisation (Gholipour Ghalandari & Ifrim, 2020): first choose
the dates that matter — those the articles themselves refer to, weighted by how many articles do —
then, for each date, the sentences that say best what happened on it. A sentence is dated by its own
temporal expression ("Jeudi dernier", "le 16 juillet"), resolved against its article's publication
date, not by the publication date; the lead of an article without one stands for its publication day.
Sentences repeated across outlets (wire copy) count once, with all their articles as sources.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from chronique.cluster.describe import granularity
from chronique.cluster.vectors import Vector, article_vector, cosine, normalise
from chronique.dates.calendar import calendar_value
from chronique.dates.events import CONFIDENCE_BACKGROUND, DatedSentence, date_sentences
from chronique.dates.publication import partial_of
from chronique.lang import get_language
from chronique.model import Article
from chronique.nlp.names import fold
from chronique.nlp.quotes import LIVE_STAMP

OWN_DATE_WEIGHT = 1.0  # an article that dates a sentence to the day with its own expression
LEAD_WEIGHT = 0.5  # an article whose lead reports its publication day
LEAD_SENTENCES = 2
REDUNDANT = 0.6  # a sentence this similar to one already chosen for the date says the same thing
MIN_WORDS = 6  # shorter sentences are headlines or fragments
MAX_QUOTES = 3  # key quotes per entry
DEFAULT_MAX_DATES = 12

_NON_WORD = re.compile(r"[^\w]+")
# A live blog's time stamp or a list's bullet before a sentence ("21h01 : La France a annoncé …").
_LEAD_STAMP = re.compile(rf"^(?:{LIVE_STAMP.pattern}|\d{{1,2}}\s?h\s?\d{{0,2}}\s*-\s*|[-–—•*]\s+)")


@dataclass
class Entry:
    date: str
    summary: str
    sentences: list[str]
    article_ids: list[str]
    quotes: list[dict[str, Any]] = field(default_factory=list)
    score: float = 0.0

    @property
    def granularity(self) -> str:
        return granularity(self.date)

    def as_dict(self) -> dict[str, Any]:
        return {
            "date": {"value": self.date, "granularity": self.granularity},
            "summary": self.summary,
            "sentences": self.sentences,
            "article_ids": self.article_ids,
            "quotes": self.quotes,
        }


@dataclass
class _Candidate:
    date: str
    text: str
    article_id: str
    start: int
    end: int
    own: bool  # dated by its own expression
    language: str
    sources: set[str] = field(default_factory=set)
    _vector: Vector | None = None

    @property
    def vector(self) -> Vector:
        """Its words' vector, computed the first time a chosen date needs it (most dates are not chosen)."""
        if self._vector is None:
            self._vector = article_vector(self.text, (), get_language(self.language))
        return self._vector


def _key(text: str) -> str:
    return " ".join(_NON_WORD.sub(" ", fold(text)).split())


def candidates(
    articles: Iterable[Article], stored: Mapping[str, list[DatedSentence]] | None = None
) -> list[_Candidate]:
    """Every sentence dated to a day or a month, with the article it comes from; ``stored`` holds
    the dated sentences the store kept at ingest (the others are dated now)."""
    out: dict[tuple[str, str], _Candidate] = {}
    for a in articles:
        lang = get_language(a.language)
        dated = (stored or {}).get(a.id)
        if dated is None:
            dated = date_sentences(a.text, partial_of(a.published), lang)
        for i, s in enumerate(dated):
            value = calendar_value(s.value)
            own = s.confidence >= CONFIDENCE_BACKGROUND  # background has its place in a timeline
            if value is None or (not own and i >= LEAD_SENTENCES):
                continue
            if len(s.text.split()) < MIN_WORDS:
                continue
            words = s.text.strip()
            if words.startswith("(") and words.endswith(")"):
                continue  # a photo's caption
            stamp = _LEAD_STAMP.match(words)
            text = words[stamp.end() :] if stamp else words
            key = (value, _key(text))
            if key in out:  # the same words in another article: one sentence, several sources
                out[key].sources.add(a.id)
                out[key].own = out[key].own or own
                continue
            out[key] = _Candidate(
                date=value,
                text=text,
                article_id=a.id,
                start=s.start,
                end=s.end,
                own=own,
                language=a.language,
                sources={a.id},
            )
    return list(out.values())


def build(
    articles: Sequence[Article],
    quotes: Sequence[Mapping[str, Any]] = (),
    *,
    max_dates: int | None = DEFAULT_MAX_DATES,
    sentences_per_date: int = 1,
    since: str | None = None,
    until: str | None = None,
    stored: Mapping[str, list[DatedSentence]] | None = None,
) -> list[Entry]:
    """The timeline of ``articles``: at most ``max_dates`` entries, ``sentences_per_date`` sentences
    each, between ``since`` and ``until`` (ISO prefixes, inclusive), oldest first."""
    found = [
        c
        for c in candidates(articles, stored)
        if (since is None or c.date[: len(since)] >= since)
        and (until is None or c.date[: len(until)] <= until)
    ]
    by_date: dict[str, list[_Candidate]] = defaultdict(list)
    for c in found:
        by_date[c.date].append(c)
    scores: dict[str, tuple[float, int]] = {}  # weight, then how many articles tell the date
    for date, group in by_date.items():
        own_sources = {s for c in group if c.own for s in c.sources}
        lead_sources = {s for c in group if not c.own for s in c.sources} - own_sources
        weight = OWN_DATE_WEIGHT * len(own_sources) + LEAD_WEIGHT * len(lead_sources)
        scores[date] = (weight, len(own_sources) + len(lead_sources))
    chosen = _select(scores, max_dates)
    entries = []
    for date in sorted(chosen):
        picked = _pick(by_date[date], sentences_per_date)
        sources = sorted({s for c in by_date[date] for s in c.sources})
        entries.append(
            Entry(
                date=date,
                summary=picked[0].text,
                sentences=[c.text for c in picked],
                article_ids=sources,
                quotes=_quotes_for(by_date[date], quotes),
                score=scores[date][0],
            )
        )
    return entries


def _select(scores: Mapping[str, tuple[float, int]], max_dates: int | None) -> list[str]:
    """The ``max_dates`` dates most referred to (by weight, then by how many articles tell them, then
    the earliest). A month is not one of them when a chosen day lies in it: "en mars" says less than
    the March days already told, and the place goes to the next date."""
    ranked = sorted(scores, key=lambda d: (-scores[d][0], -scores[d][1], d))
    if max_dates is None:
        return ranked
    chosen: list[str] = []
    for date in ranked:
        if len(chosen) >= max_dates:
            break
        chosen.append(date)
    while True:
        told = {d[:7] for d in chosen if len(d) == 10}
        if not any(len(d) == 7 and d in told for d in chosen):
            return chosen
        chosen = [d for d in chosen if not (len(d) == 7 and d in told)]
        for date in ranked:
            if len(chosen) >= max_dates:
                break
            if date not in chosen and not (len(date) == 7 and date in told):
                chosen.append(date)


def _pick(group: list[_Candidate], k: int) -> list[_Candidate]:
    """The ``k`` most central sentences of a date, none repeating another."""
    mean: dict[str, float] = {}
    for c in group:
        for t, x in c.vector.items():
            mean[t] = mean.get(t, 0.0) + x * len(c.sources)
    centre = normalise(mean)
    ranked = sorted(
        group,
        key=lambda c: (
            -(cosine(c.vector, centre) + (0.3 if c.own else 0.0) + 0.1 * (len(c.sources) - 1)),
            c.text,
        ),
    )
    picked: list[_Candidate] = []
    for c in ranked:
        if all(cosine(c.vector, p.vector) < REDUNDANT for p in picked):
            picked.append(c)
        if len(picked) >= k:
            break
    return picked


def _quotes_for(group: list[_Candidate], quotes: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Quotations said in the sentences dated to this date by someone known, most confident first (words
    no one is found to have said are no key quote: often not speech at all)."""
    spans = defaultdict(list)
    for c in group:
        spans[c.article_id].append((c.start, c.end))
    found = []
    for q in quotes:
        if not q.get("speaker"):
            continue
        for start, end in spans.get(str(q.get("article_id")), []):
            if int(q["start"]) < end and start < int(q["end"]):
                found.append(q)
                break
    found.sort(key=lambda q: (-float(q.get("confidence") or 0), str(q.get("text"))))
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for q in found:
        key = _key(str(q.get("text")))
        if any(key in other or other in key for other in seen):
            continue  # the same words quoted by another outlet, or a part of them
        seen.add(key)
        speaker = q.get("speaker")
        out.append(
            {
                "text": q.get("text"),
                "speaker": speaker["name"] if isinstance(speaker, Mapping) else None,
                "speaker_id": speaker["entity_id"] if isinstance(speaker, Mapping) else None,
                "kind": q.get("kind"),
                "article_id": q.get("article_id"),
            }
        )
        if len(out) >= MAX_QUOTES:
            break
    return out


__all__ = ["Entry", "build", "candidates"]
