"""Events and stories as a reader sees them: a date, a title, a one-sentence summary, their articles.

An event's date is when it happened, not when it was reported: each article's lead is dated by its
own temporal expression where it has one ("samedi 11 novembre"), else by its publication date; the
event takes the date most of its articles give (the earliest on a tie). Its title and summary come from
its most central article (the one closest to the event's centroid): the title, and the lead sentence.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from chronique.cluster import vector_of
from chronique.cluster.vectors import Vector, cosine, normalise
from chronique.dates.events import CONFIDENCE_OWN, DatedSentence, date_sentences
from chronique.dates.publication import partial_of
from chronique.lang import get_language
from chronique.model import Article

LEAD_SENTENCES = 3  # an article's lead: where its own date of the happening is looked for


@dataclass
class Event:
    id: str
    story_id: str
    article_ids: list[str]
    date: str | None
    title: str
    summary: str

    @property
    def granularity(self) -> str:
        return granularity(self.date)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": {"value": self.date, "granularity": self.granularity},
            "title": self.title,
            "summary": self.summary,
            "article_ids": self.article_ids,
            "story_id": self.story_id,
        }


@dataclass
class Story:
    id: str
    title: str
    event_ids: list[str]
    article_ids: list[str]
    first_date: str | None
    last_date: str | None
    people: list[str] = field(default_factory=list)  # the most mentioned people

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "event_ids": self.event_ids,
            "first_date": self.first_date,
            "last_date": self.last_date,
            "article_ids": self.article_ids,
            "people": self.people,
        }


def granularity(value: str | None) -> str:
    if not value:
        return "unknown"
    return {10: "day", 7: "month", 4: "year"}.get(len(value), "unknown")


def lead_date(article: Article, dated: list[DatedSentence] | None = None) -> str | None:
    """When what the article reports happened: its lead's own date, else its publication date."""
    if dated is None:
        lang = get_language(article.language)
        dated = date_sentences(article.text, partial_of(article.published), lang)
    for s in dated[:LEAD_SENTENCES]:
        if s.confidence >= CONFIDENCE_OWN and s.value and len(s.value) >= 7 and s.value[:4].isdigit():
            return s.value[:10]
    return article.published.value


def lead_sentence(article: Article) -> str:
    text = article.text.strip()
    for line in text.split("\n"):
        line = line.strip()
        if len(line.split()) >= 5:
            end = _sentence_end(line)
            return line[:end].strip()
    return text[:200]


def _sentence_end(line: str) -> int:
    for i, ch in enumerate(line):
        if ch in ".!?" and i > 40 and (i + 1 == len(line) or line[i + 1] == " "):
            return i + 1
    return len(line)


def describe(
    articles: Iterable[Article],
    memberships: Mapping[str, tuple[str, str]],
    names: Mapping[str, list[str]] | None = None,
    people: Mapping[str, list[str]] | None = None,
    dated: Mapping[str, list[DatedSentence]] | None = None,
) -> tuple[list[Story], list[Event]]:
    """Stories and events of ``articles`` (those in ``memberships``), in date order; ``dated`` are
    the articles' stored dated sentences (those missing are computed)."""
    by_event: dict[str, list[Article]] = defaultdict(list)
    story_of: dict[str, str] = {}
    for a in articles:
        if a.id in memberships:
            story, event = memberships[a.id]
            by_event[event].append(a)
            story_of[event] = story
    vectors: dict[str, Vector] = {
        a.id: vector_of(a.text, a.title, (names or {}).get(a.id, []), a.language)
        for group in by_event.values()
        for a in group
    }
    events: list[Event] = []
    for eid, group in by_event.items():
        group.sort(key=lambda a: a.seq or 0)
        dates = Counter(d for d in (lead_date(a, (dated or {}).get(a.id)) for a in group) if d)
        date = min(dates, key=lambda d: (-dates[d], d)) if dates else None
        central = _central(group, vectors)
        events.append(
            Event(
                id=eid,
                story_id=story_of[eid],
                article_ids=[a.id for a in group],
                date=date,
                title=central.title or lead_sentence(central)[:120],
                summary=lead_sentence(central),
            )
        )
    events.sort(key=lambda e: (e.date or "9999", e.id))
    by_story: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        by_story[e.story_id].append(e)
    stories: list[Story] = []
    for sid, evs in by_story.items():
        arts = [a for e in evs for a in by_event[e.id]]
        central = _central(arts, vectors)
        days = [e.date for e in evs if e.date]
        persons = Counter(n for a in arts for n in (people or {}).get(a.id, []))
        stories.append(
            Story(
                id=sid,
                title=central.title or lead_sentence(central)[:120],
                event_ids=[e.id for e in evs],
                article_ids=[a.id for a in sorted(arts, key=lambda a: a.seq or 0)],
                first_date=min(days) if days else None,
                last_date=max(days) if days else None,
                people=[n for n, _ in sorted(persons.items(), key=lambda kv: (-kv[1], kv[0]))[:5]],
            )
        )
    stories.sort(key=lambda s: (-len(s.article_ids), s.first_date or "9999", s.id))
    return stories, events


def _central(group: list[Article], vectors: Mapping[str, Vector]) -> Article:
    """The article closest to the group's mean vector (the earliest on a tie)."""
    if len(group) <= 2:
        return group[0]
    mean: dict[str, float] = {}
    for a in group:
        for k, x in vectors[a.id].items():
            mean[k] = mean.get(k, 0.0) + x
    centre = normalise(mean)
    return max(group, key=lambda a: (cosine(vectors[a.id], centre), -(a.seq or 0)))
