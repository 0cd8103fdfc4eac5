"""Events and stories as a reader sees them: a date, a title, a one-sentence summary, their articles.

An event's date is when it happened, not when it was reported: each article's lead is dated by its
own temporal expression where it has one ("samedi 11 novembre"), else by its publication date; the
event takes the date most of its articles give (the earliest on a tie). Its title comes from its most
central article (the one closest to the event's centroid); a story's from the most central article
with a title of its largest events, its main happenings (so describing a story never compares all its
articles).

Summaries are extractive, in the articles' own language, and never tell one fact twice: an event's is
the lead sentences of its most central articles, a story's the summaries of its largest events in date
order, each skipping a sentence too similar to one already chosen (the same fact from two outlets, or
the same wire copy).
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from chronique.cluster import vector_of
from chronique.cluster.vectors import Vector, article_vector, cosine, normalise
from chronique.dates.calendar import calendar_value
from chronique.dates.events import CONFIDENCE_OWN, DatedSentence, date_sentences, sentences
from chronique.dates.publication import partial_of
from chronique.lang import get_language
from chronique.model import Article

LEAD_SENTENCES = 3  # an article's lead: where its own date of the happening is looked for
EVENT_SUMMARY = 3  # sentences in an event's summary at most
STORY_SUMMARY = 5  # in a story's
LEAD_WINDOW = 2000  # characters of a paragraph searched for its first sentence
TITLE_CHARS = 120  # a title made from a lead sentence is cut at a word before this
REDUNDANT = 0.5  # two sentences this similar (cosine of their word vectors) tell the same fact


@dataclass
class Event:
    id: str
    story_id: str
    article_ids: list[str]
    date: str | None
    title: str
    summary: str  # the lead sentence of its most central article
    summary_sentences: list[str] = field(default_factory=list)  # its extractive summary

    @property
    def granularity(self) -> str:
        return granularity(self.date)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": {"value": self.date, "granularity": self.granularity},
            "title": self.title,
            "summary": self.summary,
            "summary_sentences": self.summary_sentences,
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
    summary_sentences: list[str] = field(default_factory=list)  # its extractive summary, in date order

    @property
    def summary(self) -> str:
        return " ".join(self.summary_sentences)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "summary": self.summary,
            "summary_sentences": self.summary_sentences,
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
    """When what the article reports happened: its lead's own date (not a background's: "retenue
    depuis le 23 février 2002" is not what happened), else its publication date."""
    if dated is None:
        lang = get_language(article.language)
        dated = date_sentences(article.text, partial_of(article.published), lang)
    for s in dated[:LEAD_SENTENCES]:
        value = calendar_value(s.value)
        if s.confidence >= CONFIDENCE_OWN and value:
            return value
    return article.published.value


def headline(text: str, limit: int = TITLE_CHARS) -> str:
    """``text`` on one line, cut at a word with "…" when longer than ``limit`` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + "…"


def lead_sentence(article: Article) -> str:
    """The article's first sentence (of at least 40 characters: a short one runs on into the next) in
    its first line of five words or more; never cut inside a quotation."""
    text = article.text.strip()
    for line in text.split("\n"):
        line = line.strip()
        if len(line.split()) >= 5:
            head = line[:LEAD_WINDOW]  # the first sentence ends long before: the rest need not be split
            end = next((e for _, e in sentences(head) if e > 40), len(head))
            return head[:end].strip()
    return text[:200]


def describe(
    articles: Iterable[Article],
    memberships: Mapping[str, tuple[str, str]],
    names: Mapping[str, list[str]] | None = None,
    people: Mapping[str, list[str]] | None = None,
    dated: Mapping[str, list[DatedSentence]] | None = None,
) -> tuple[list[Story], list[Event]]:
    """Stories and events, in date order, of the ``memberships`` (article id → story and event ids,
    in ingest order) described by ``articles``, those of their articles that were read: every
    event needs one; a large event is described by a share of its articles. ``dated`` are the
    articles' stored dated sentences (those missing are computed)."""
    read: dict[str, list[Article]] = defaultdict(list)
    for a in articles:
        if a.id in memberships:
            read[memberships[a.id][1]].append(a)
    members: dict[str, list[str]] = defaultdict(list)
    story_of: dict[str, str] = {}
    for article_id, (story, event) in memberships.items():
        if event in read:
            members[event].append(article_id)
            story_of[event] = story
    vectors: dict[str, Vector] = {}
    for group in read.values():
        if len(group) > 2:
            vectors.update((a.id, _vector(a, names)) for a in group)
    events: list[Event] = []
    spans: dict[str, list[str]] = {}  # an event's articles' days: the story runs from first to last
    ranked_of: dict[str, list[Article]] = {}  # an event's articles read, most central first
    for eid, group in read.items():
        group.sort(key=lambda a: a.seq or 0)
        dates = Counter(d for d in (lead_date(a, (dated or {}).get(a.id)) for a in group) if d)
        spans[eid] = list(dates)
        date = min(dates, key=lambda d: (-dates[d], d)) if dates else None
        ranked = _by_centrality(group, vectors)
        central, lead = ranked[0], lead_sentence(ranked[0])
        ranked_of[eid] = ranked
        events.append(
            Event(
                id=eid,
                story_id=story_of[eid],
                article_ids=members[eid],
                date=date,
                title=headline(central.title or lead),
                summary=lead,
                summary_sentences=_non_redundant(
                    itertools.chain([lead], (lead_sentence(a) for a in ranked[1:])),
                    EVENT_SUMMARY,
                    central.language,
                ),
            )
        )
    events.sort(key=lambda e: (e.date or "9999", e.id))
    by_story: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        by_story[e.story_id].append(e)
    order = {article_id: i for i, article_id in enumerate(memberships)}
    stories: list[Story] = []
    for sid, evs in by_story.items():
        arts = [a for e in evs for a in read[e.id]]
        largest = sorted(evs, key=lambda e: (-len(e.article_ids), e.date or "9999", e.id))
        # The story's main happening tells it best: the most central article of its largest event
        # that has a title (a wire story's first line may be a quotation), else that event's lead.
        titled = (a for e in largest for a in ranked_of[e.id] if a.title)
        central = next(titled, ranked_of[largest[0].id][0])
        told = set(_non_redundant([e.summary for e in largest], STORY_SUMMARY, central.language))
        days = [d for e in evs for d in spans[e.id]]
        persons = Counter(n for a in arts for n in (people or {}).get(a.id, []))
        stories.append(
            Story(
                id=sid,
                title=headline(central.title or largest[0].summary),  # no title: its event's lead
                event_ids=[e.id for e in evs],
                article_ids=sorted((a for e in evs for a in e.article_ids), key=order.__getitem__),
                first_date=min(days) if days else None,
                last_date=max(days) if days else None,
                people=[n for n, _ in sorted(persons.items(), key=lambda kv: (-kv[1], kv[0]))[:5]],
                summary_sentences=list(dict.fromkeys(e.summary for e in evs if e.summary in told)),
            )
        )
    stories.sort(key=lambda s: (-len(s.article_ids), s.first_date or "9999", s.id))
    return stories, events


def _vector(article: Article, names: Mapping[str, list[str]] | None) -> Vector:
    return vector_of(article.text, article.title, (names or {}).get(article.id, []), article.language)


def _by_centrality(group: list[Article], vectors: Mapping[str, Vector]) -> list[Article]:
    """The articles, closest to the group's mean vector first (the earliest on a tie; in ingest order
    when there are two or fewer, which have no centre to speak of)."""
    if len(group) <= 2:
        return list(group)
    mean: dict[str, float] = {}
    for a in group:
        for k, x in vectors[a.id].items():
            mean[k] = mean.get(k, 0.0) + x
    centre = normalise(mean)
    return sorted(group, key=lambda a: (-cosine(vectors[a.id], centre), a.seq or 0))


def _non_redundant(candidates: Iterable[str], k: int, language: str) -> list[str]:
    """The first ``k`` candidates, skipping any that tells what one already chosen tells."""
    lang = get_language(language)
    chosen: list[str] = []
    seen: list[Vector] = []  # the vectors of the chosen, computed once a second candidate comes

    def vector(sentence: str) -> Vector:
        return article_vector(sentence, [], lang)

    for sentence in candidates:
        if not sentence or sentence in chosen:
            continue
        if chosen:
            seen += [vector(s) for s in chosen[len(seen) :]]
            new = vector(sentence)
            if any(cosine(new, v) >= REDUNDANT for v in seen):
                continue
            seen.append(new)
        chosen.append(sentence)
        if len(chosen) == k:
            break
    return chosen
