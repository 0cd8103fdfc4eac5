"""Temporal expressions of French news text: found by patterns built from the language data, then
resolved against an anchor (the publication date) with the direction the sentence's tense gives.

This is the part of the temporal tagger that publication dating needs; resolution of every kind of
expression for timelines builds on the same :class:`TimexMatch`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from chronique.dates.calendar import (
    PartialDate,
    iso_week,
    safe_date,
    weekday_on_or_after,
    weekday_on_or_before,
)
from chronique.lang import LanguageData


@dataclass(frozen=True, slots=True)
class TimexMatch:
    """What the text says about a time, before it is anchored."""

    start: int
    end: int
    text: str
    kind: str  # date | month | year | weekday | relative-day | week | season
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    shift: int = 0  # -1 "dernier", +1 "prochain", 0 "ce"/none; days for relative-day
    explicit_shift: bool = False  # the text says which way ("dernier", "prochain", "hier")
    direction: int = -1  # tense of the clause: -1 past, +1 future
    season: str | None = None
    in_copyright: bool = False

    @property
    def partial(self) -> PartialDate:
        return PartialDate(self.year, self.month, self.day)


@dataclass(frozen=True, slots=True)
class Timex:
    """A resolved temporal expression (export contract: start, end, text, type, value)."""

    start: int
    end: int
    text: str
    type: str
    value: str | None

    def as_dict(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
        }


@dataclass(frozen=True)
class _Patterns:
    date: re.Pattern[str]
    numeric: re.Pattern[str]
    month: re.Pattern[str]
    year: re.Pattern[str]
    weekday: re.Pattern[str]
    relative_day: re.Pattern[str]
    week: re.Pattern[str]
    season: re.Pattern[str]


def _alternation(words: object) -> str:
    names = sorted(words, key=len, reverse=True)  # type: ignore[call-overload]
    return "|".join(re.escape(w) for w in names)


@cache
def _patterns(lang: LanguageData) -> _Patterns:
    month = _alternation(lang.months)
    weekday = _alternation(lang.weekdays)
    season = _alternation(lang.seasons)
    rel = _alternation(lang.relative_words)
    i = re.IGNORECASE
    return _Patterns(
        date=re.compile(
            rf"\b(?:(?P<wd>{weekday})\s+)?(?P<day>1er|\d{{1,2}})\s+(?P<month>{month})\.?(?:\s+(?P<year>\d{{4}}))?(?!\d)",
            i,
        ),
        numeric=re.compile(
            r"(?<![\d/.])(?P<day>\d{1,2})/(?P<month>\d{1,2})(?:/(?P<year>\d{4}|\d{2}))?(?![\d/])"
        ),
        # A month on its own is only taken after a word that makes it a date ("en mai", "fin novembre").
        month=re.compile(
            rf"\b(?:(?:en|au mois d[e']|mois d[e']|début|fin|mi-|depuis|dès|pour|jusqu'en|d'ici)\s*)"
            rf"(?P<month>{month})(?:\s+(?P<year>\d{{4}}))?\b|\b(?P<month2>{month})\s+(?P<year2>\d{{4}})\b",
        ),
        year=re.compile(
            r"\b(?:en|de|depuis|dès|jusqu'en|avant|après|d'ici|fin|début|mi-|année|l'année|printemps|été|automne|hiver)"
            r"\s+(?P<year>1[89]\d\d|20\d\d)\b"
        ),
        weekday=re.compile(
            rf"\b(?:(?P<this>ce|cette)\s+)?(?P<wd>{weekday})(?:\s+(?P<rel>dernier|prochain|passé))?\b(?!\s+\d)",
            i,
        ),
        relative_day=re.compile(rf"\b(?P<rel>{rel})\b", i),
        week=re.compile(
            r"\b(?P<det>la|cette|ce|l')\s*(?P<unit>semaine|mois|année|an)(?:\s+(?P<rel>dernière|dernier|prochaine|prochain|passée|passé))?\b",
            i,
        ),
        season=re.compile(
            rf"\b(?P<det>à l'|au|en|cet|cette|l')\s*(?P<season>{season})(?:\s+(?P<rel>dernier|prochain))?\b",
            i,
        ),
    )


def _window(text: str, start: int, end: int, stops: str) -> str:
    left = max(text.rfind(c, 0, start) for c in stops) + 1
    rights = [p for p in (text.find(c, end) for c in stops) if p != -1]
    return text[left : min(rights) if rights else len(text)]


_PAST_VERB = re.compile(
    r"\b(?:a|ont|avait|avaient|était|étaient|s'est|se sont) (?:\w+ )?\w+(?:é|ée|és|ées|i|is|it|u|us|dit|fait|pris)\b"
)


def _direction(text: str, start: int, end: int, lang: LanguageData) -> int:
    """-1 for a past-tense clause, +1 for a future one. News narrates the past: past is the default.

    The comma-delimited segment around the expression decides first ("…, qui aura lieu fin novembre, a
    ajouté M. X" is future), the whole clause next.
    """
    for stops in (",.;\n", ".;\n"):
        segment = _window(text, start, end, stops)
        future = bool(lang.future_cues.search(segment))
        past = bool(_PAST_VERB.search(segment) or lang.past_cues.search(segment))
        if future != past:
            return 1 if future else -1
    return -1


def find_timexes(text: str, lang: LanguageData) -> list[TimexMatch]:
    """Every temporal expression of ``text`` that a pattern recognises, non-overlapping, in order."""
    p = _patterns(lang)
    taken: list[tuple[int, int]] = []
    found: list[TimexMatch] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    def add(m: re.Match[str], **kw: object) -> None:
        s, e = m.span()
        if text[e - 1] == "." and len(m.group(0)) > 1 and not re.search(r"\b\w{3,4}\.$", m.group(0)):
            e -= 1  # the full stop after "11 novembre." ends the sentence; "nov." keeps its own
        if not free(s, e):
            return
        taken.append((s, e))
        found.append(TimexMatch(s, e, text[s:e], direction=_direction(text, s, e, lang), **kw))  # type: ignore[arg-type]

    for m in p.date.finditer(text):
        day = 1 if m["day"].lower() == "1er" else int(m["day"])
        month = lang.months[m["month"].lower().rstrip(".")]
        year = int(m["year"]) if m["year"] else None
        if safe_date(year or 2000, month, day) is None:
            continue
        wd = lang.weekdays[m["wd"].lower()] if m["wd"] else None
        add(m, kind="date", year=year, month=month, day=day, weekday=wd)
    for m in p.numeric.finditer(text):
        day, month = int(m["day"]), int(m["month"])
        year = _year(m["year"])
        if not 1 <= month <= 12 or safe_date(year or 2000, month, day) is None:
            continue
        add(m, kind="date", year=year, month=month, day=day)
    for m in p.month.finditer(text):
        name = (m["month"] or m["month2"]).lower()
        year_s = m["year"] or m["year2"]
        add(m, kind="month", month=lang.months[name], year=int(year_s) if year_s else None)
    for m in p.season.finditer(text):
        shift = {"dernier": -1, "prochain": 1}.get((m["rel"] or "").lower(), 0)
        add(
            m,
            kind="season",
            season=lang.seasons[m["season"].lower()],
            shift=shift,
            explicit_shift=bool(m["rel"]),
        )
    for m in p.week.finditer(text):
        rel = (m["rel"] or "").lower()
        det = m["det"].lower()
        if not rel and det not in {"cette", "ce"}:
            continue  # "la semaine" alone is no date
        shift = -1 if rel.startswith(("dern", "pass")) else (1 if rel.startswith("proch") else 0)
        unit = m["unit"].lower()
        add(m, kind={"semaine": "week", "mois": "month-rel", "année": "year-rel", "an": "year-rel"}[unit], shift=shift,
            explicit_shift=True)  # fmt: skip
    for m in p.weekday.finditer(text):
        rel = (m["rel"] or "").lower()
        shift = -1 if rel in {"dernier", "passé"} else (1 if rel == "prochain" else 0)
        add(m, kind="weekday", weekday=lang.weekdays[m["wd"].lower()], shift=shift, explicit_shift=bool(rel))
    for m in p.relative_day.finditer(text):
        days = _duration_days(lang.relative_words[m["rel"].lower()])
        add(m, kind="relative-day", shift=days, explicit_shift=True)
    for m in p.year.finditer(text):
        s, e = m.span("year")
        if free(s, e):
            taken.append((s, e))
            found.append(
                TimexMatch(
                    s, e, m["year"], "year", year=int(m["year"]), direction=_direction(text, s, e, lang)
                )
            )
    found.sort(key=lambda t: t.start)
    return found


def _year(s: str | None) -> int | None:
    if not s:
        return None
    y = int(s)
    return y + (2000 if y < 70 else 1900) if len(s) == 2 else y


def _duration_days(value: str) -> int:
    sign = -1 if value.startswith("-") else 1
    return sign * int(value.strip("-P").rstrip("D") or 0)


def resolve(m: TimexMatch, anchor: PartialDate) -> Timex:
    """Anchor ``m`` on the publication date; the value is None when the anchor is too coarse."""
    return Timex(m.start, m.end, m.text, "DATE", resolve_value(m, anchor))


def resolve_value(m: TimexMatch, anchor: PartialDate) -> str | None:
    day = anchor.to_date()
    if m.kind == "date":
        if m.year is not None:
            return PartialDate(m.year, m.month, m.day).value()
        if anchor.year is None or m.month is None:
            return None
        year = anchor.year
        if anchor.month is not None:
            # "le 28 décembre" in a January article is last year's; "le 3 janvier" in December's, next year's.
            if m.direction < 0 and m.month - anchor.month > 6:
                year -= 1
            elif m.direction > 0 and anchor.month - m.month > 6:
                year += 1
        return PartialDate(year, m.month, m.day).value()
    if m.kind == "month":
        if m.year is not None:
            return PartialDate(m.year, m.month).value()
        if anchor.year is None or m.month is None:
            return None
        year = anchor.year
        if anchor.month is not None:
            if m.direction > 0 and m.month < anchor.month:
                year += 1
            elif m.direction < 0 and m.month > anchor.month:
                year -= 1
        return PartialDate(year, m.month).value()
    if m.kind == "year":
        return f"{m.year:04d}"
    if m.kind == "season":
        if anchor.year is None:
            return None
        return f"{anchor.year + m.shift:04d}-{m.season}"
    if m.kind == "year-rel":
        return f"{anchor.year + m.shift:04d}" if anchor.year is not None else None
    if m.kind == "month-rel":
        if anchor.year is None or anchor.month is None:
            return None
        index = anchor.year * 12 + anchor.month - 1 + m.shift
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    if day is None:
        return None
    if m.kind == "week":
        return iso_week(day, m.shift)
    if m.kind == "relative-day":
        return (day + dt.timedelta(days=m.shift)).isoformat()
    if m.kind == "weekday" and m.weekday is not None:
        return weekday_date(m, day).isoformat()
    return None


def weekday_date(m: TimexMatch, anchor: dt.date) -> dt.date:
    """The day a weekday expression names, seen from ``anchor``."""
    assert m.weekday is not None
    if m.shift < 0:
        return weekday_on_or_before(anchor, m.weekday, strictly=True)
    if m.shift > 0:
        return weekday_on_or_after(anchor, m.weekday, strictly=True)
    if m.direction > 0:
        return weekday_on_or_after(anchor, m.weekday)
    return weekday_on_or_before(anchor, m.weekday)
