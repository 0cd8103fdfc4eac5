"""Publication date of one article, from the best evidence it carries.

Best first: a declared date (JSONL ``published``, HTML metadata), a date header or an update line,
then the dates the text reports. A day and month without a year ("le 15/05", "samedi 11 novembre")
get their year from weekday consistency checked against the years the text mentions. Years inside
rights notices ("© 2024", the year the page was rendered) are never evidence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from chronique.dates.calendar import (
    PartialDate,
    iso_week,
    parse_iso,
    safe_date,
    weekday_on_or_before,
    years_with_weekday,
)
from chronique.dates.timex import TimexMatch, find_timexes
from chronique.lang import LanguageData
from chronique.model import PublicationDate

EARLIEST_YEAR = 1980
WINDOW_DAYS = 14  # a news article is published within two weeks of the latest event it dates


@dataclass(frozen=True)
class DateEvidence:
    """What one article says about dates: its metadata and the expressions of its text."""

    declared: str | None
    header: str | None  # "date 2018-07"
    updated: str | None  # "à 08h36 le 15/05": the publication stamp, else the last update's
    matches: tuple[TimexMatch, ...]  # in the cleaned text
    extra_years: tuple[int, ...]  # years in removed non-copyright spans (an embed's "11 novembre 2017")


def collect_evidence(
    text: str,
    metadata: dict[str, object],
    removed_texts: Iterable[str],
    lang: LanguageData,
    declared: str | None = None,
) -> DateEvidence:
    extra: list[int] = []
    for chunk in removed_texts:
        extra.extend(m.year for m in find_timexes(chunk, lang) if m.year is not None)
    return DateEvidence(
        declared=declared,
        header=_first(metadata.get("date")),
        updated=_first(metadata.get("published")) or _first(metadata.get("updated")),
        matches=tuple(p for m in find_timexes(text, lang) for p in m.points()),  # intervals: both ends
        extra_years=tuple(extra),
    )


def _first(value: object) -> str | None:
    if isinstance(value, list):
        return str(value[0]) if value else None
    return str(value) if value else None


def date_article(
    ev: DateEvidence, lang: LanguageData, today: dt.date, year_hint: int | None = None
) -> PublicationDate:
    """The publication date ``ev`` supports; ``year_hint`` is a year other articles suggest."""
    if ev.declared:
        declared = parse_iso(ev.declared) or _parse_words(ev.declared, lang)
        if declared is not None and declared.year is not None:
            return _pub(declared, f"declared date {ev.declared!r}", 1.0, "declared")
        other = date_article(replace(ev, declared=None), lang, today, year_hint)
        return replace(other, evidence=f"declared date {ev.declared!r} is no date; {other.evidence}")
    header = (parse_iso(ev.header) or _parse_words(ev.header, lang)) if ev.header else None
    updated = _parse_words(ev.updated, lang) if ev.updated else None
    if updated is not None and updated.month is not None:
        evidence = f"date line {ev.updated!r}"  # "Publié le …", else "Mis à jour …"
        same_month = header is not None and header.month in (None, updated.month)
        if updated.year is None and header is not None and header.year is not None and same_month:
            updated = updated.with_year(header.year)
            evidence += f" with the year of the date header {ev.header!r}"
        if updated.year is None:
            year, why = infer_year(updated, ev, today, year_hint)
            if year is not None:
                updated, evidence = updated.with_year(year), f"{evidence}; year {year} {why}"
        if updated.year is not None:
            return _pub(updated, evidence, 0.9, "update-line")
        header_or_none = header
        if header_or_none is None:
            return PublicationDate.unknown(f"{evidence}, year unknown", partial=updated.pattern())
    if header is not None and header.year is not None:
        if header.granularity == "day":
            return _pub(header, f"date header {ev.header!r}", 0.95, "header")
        refined = infer_from_text(ev, today, header.year, within=header)
        if refined is not None:
            return refined
        return _pub(header, f"date header {ev.header!r}", 0.9, "header")
    found = infer_from_text(ev, today, year_hint)
    if found is not None:
        return found
    return PublicationDate.unknown()


def _pub(p: PartialDate, evidence: str, confidence: float, method: str) -> PublicationDate:
    return PublicationDate(p.value(), p.granularity, evidence, confidence, method)


def _parse_words(value: str, lang: LanguageData) -> PartialDate | None:
    for m in find_timexes(value, lang):
        if m.kind == "date":
            return m.partial
    return None


def mentioned_years(ev: DateEvidence, today: dt.date) -> set[int]:
    """Years the text reports in the past tense (and those of embeds), never later than today; not
    those of a pluperfect's background ("En 2003, il avait alerté…")."""
    years = {m.year for m in ev.matches if m.year is not None and m.direction < 0 and not m.anterior}
    years.update(ev.extra_years)
    return {y for y in years if EARLIEST_YEAR <= y <= today.year}


def earliest_year(ev: DateEvidence, today: dt.date) -> int | None:
    """The earliest year the article can be from: that of the latest past it reports, the year after
    a pluperfect's background (news writes a year beside the day of another year's event)."""
    floors = [m.year + m.anterior for m in ev.matches if m.year is not None and m.direction < 0]
    floors = [y for y in floors if EARLIEST_YEAR <= y <= today.year]
    return max(floors) if floors else None


def infer_year(
    p: PartialDate, ev: DateEvidence, today: dt.date, hint: int | None, *, publication: bool = True
) -> tuple[int | None, str]:
    """The year of a day-and-month: weekday-dated mentions checked against mentioned years (or the
    year after the latest one), else the hint; never before a year the text reports as past.
    ``publication``: ``p`` is the day of publication, after every mention (else one of them)."""
    years = mentioned_years(ev, today)
    floor = earliest_year(ev, today)
    candidates: set[int] | None = None
    later = False  # a weekday-dated mention in a later month than ``p``
    background = True  # every weekday-dated mention is a pluperfect's
    for m in ev.matches:
        if m.kind == "date" and m.weekday is not None and m.year is None and m.month and m.day:
            fits = set(years_with_weekday(m.month, m.day, m.weekday, range(EARLIEST_YEAR, today.year + 1)))
            candidates = fits if candidates is None else candidates & fits
            later = later or (publication and p.month is not None and m.month > p.month)
            background = background and m.anterior
    if candidates is not None:
        # A year fits when the text mentions it (the mentions' own year; the background's years for
        # a background's mentions), when it is the year after the latest the text reports, or when it
        # puts ``p`` in the hinted year. The mentions lie before publication: one in a later month
        # than ``p`` puts ``p`` in the year after theirs.
        if background:
            years |= {m.year for m in ev.matches if m.anterior and m.year is not None}
        shift = 1 if later else 0
        confirmed = sorted(
            y + shift
            for y in candidates
            if (floor is None or y + shift >= floor)
            and (y in years or (years and y == max(years) + 1) or (hint is not None and y + shift == hint))
        )
        if confirmed:
            return confirmed[-1], "(weekday of a dated mention, and a year the text mentions)"
    if hint is not None and (floor is None or hint >= floor):
        return hint, "(the year of articles on the same events)"
    return None, ""


def infer_from_text(
    ev: DateEvidence, today: dt.date, year_hint: int | None, within: PartialDate | None = None
) -> PublicationDate | None:
    """A publication day from the dates the text reports: not before the latest of them, and where the
    relative expressions ("mardi", "la semaine dernière") fit best. ``within`` bounds it (a header month)."""
    dated: list[tuple[dt.date, TimexMatch]] = []
    year_note = ""
    for m in ev.matches:
        if m.kind != "date" or m.direction > 0 or m.anterior or m.month is None or m.day is None:
            continue  # what is to come, and a pluperfect's background, are not the time of writing
        if (
            m.year is not None
            and within is None
            and any(x.kind == "date" and x.year is None and x.month and x.day for x in ev.matches)
        ):
            # News writes the day and month of this year's events and adds the year for other years'
            # ("le 15 juin 1962, la Cour attribuait…"): beside year-less dates, a dated year is history,
            # not the time of writing.
            continue
        year = m.year
        if year is None:
            if within is not None and within.year is not None:
                year = within.year
            else:
                # Another mention: "le 24 janvier" beside "vendredi 14 mars" is of the same year.
                year, why = infer_year(
                    PartialDate(None, m.month, m.day), ev, today, year_hint, publication=False
                )
                if year is not None:
                    year_note = f"; year {year} {why}"
        if year is None:
            continue
        d = safe_date(year, m.month, m.day)
        if d is not None and d <= today and _inside(d, within):
            dated.append((d, m))
    if not dated:
        return None
    latest, latest_m = max(dated, key=lambda x: x[0])
    days = [latest + dt.timedelta(days=i) for i in range(WINDOW_DAYS)]
    days = [d for d in days if d <= today and _inside(d, within)]
    scored = [(score_day(d, ev.matches, [x for x, _ in dated]), -i, d) for i, d in enumerate(days)]
    best_score, _, best = max(scored)
    if best_score <= 0:
        return PublicationDate(
            latest.isoformat(), "day",
            f"not before the latest date the text reports ({latest_m.text!r}){year_note}", 0.4, "text",
        )  # fmt: skip
    return PublicationDate(
        best.isoformat(), "day",
        f"after the latest date the text reports ({latest_m.text!r} = {latest.isoformat()}), where its relative"
        f" dates fit{year_note}", min(0.8, 0.5 + 0.15 * best_score), "text",
    )  # fmt: skip


def _inside(d: dt.date, within: PartialDate | None) -> bool:
    if within is None or within.year is None:
        return True
    if d.year != within.year:
        return False
    return within.month is None or d.month == within.month


def score_day(day: dt.date, matches: Sequence[TimexMatch], dated: Sequence[dt.date]) -> float:
    """How well a candidate publication ``day`` fits the relative expressions of the text."""
    return float(sum(_supports(m, day, dated) for m in matches))


def _supports(m: TimexMatch, day: dt.date, dated: Sequence[dt.date]) -> bool:
    if m.kind == "weekday" and m.weekday is not None and m.shift == 0 and m.direction < 0:
        # "a déclaré mardi": news reports the day's or the previous day's events.
        return (day - weekday_on_or_before(day, m.weekday)).days <= 1
    if m.kind == "week" and m.shift == -1:  # "la semaine dernière" of a dated event
        return any(iso_week(x) == iso_week(day, -1) for x in dated)
    if m.kind == "relative-day" and m.shift == -1:  # "hier" of a dated event
        return any((day - x).days == 1 for x in dated)
    return False


def partial_of(pub: PublicationDate) -> PartialDate:
    if pub.value:
        return parse_iso(pub.value) or PartialDate()
    if pub.partial:
        y, m, d = [*pub.partial.split("-"), "XX", "XX"][:3]
        return PartialDate(
            None if y.startswith("X") else int(y),
            None if m.startswith("X") else int(m),
            None if d.startswith("X") else int(d),
        )
    return PartialDate()
