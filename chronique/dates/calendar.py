"""Calendar arithmetic on partial dates: weekdays, ISO weeks, nearest month or weekday in a direction."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from chronique.model import Granularity


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date of which some parts may be unknown (a header "2018-07", an update line "le 15/05")."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @property
    def granularity(self) -> Granularity:
        if self.year is None:
            return "unknown"
        if self.month is None:
            return "year"
        return "month" if self.day is None else "day"

    def value(self) -> str | None:
        """TIMEX3-style value of the known part, or None when the year is unknown."""
        if self.year is None:
            return None
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def pattern(self) -> str:
        """Value with unknown parts as X: "XXXX-05-15"."""
        y = f"{self.year:04d}" if self.year is not None else "XXXX"
        m = f"{self.month:02d}" if self.month is not None else "XX"
        d = f"{self.day:02d}" if self.day is not None else "XX"
        return f"{y}-{m}-{d}" if self.day is not None else (f"{y}-{m}" if self.month is not None else y)

    def with_year(self, year: int) -> PartialDate:
        return PartialDate(year, self.month, self.day)

    def to_date(self) -> dt.date | None:
        if self.year is None or self.month is None or self.day is None:
            return None
        return safe_date(self.year, self.month, self.day)


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_iso(value: str) -> PartialDate | None:
    """ "2018", "2018-07", "2018-07-24", "2018-07-24T08:36:00+02:00" → PartialDate; None if not ISO."""
    value = value.strip()
    parts = value[:10].split("-")
    try:
        if len(value) >= 10 and len(parts) == 3:
            d = safe_date(int(parts[0]), int(parts[1]), int(parts[2]))
            return PartialDate(d.year, d.month, d.day) if d else None
        if len(value) == 7 and len(parts) == 2 and 1 <= int(parts[1]) <= 12:
            return PartialDate(int(parts[0]), int(parts[1]))
        if len(value) == 4 and value.isdigit():
            return PartialDate(int(value))
    except ValueError:
        return None
    return None


# A date or its prefix as a filter's bound: a year, a month 01–12, a day 01–31 (compared as text, a
# "2018-02-30" bounds as well as any other day).
DATE_PREFIX = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"


def date_prefix(value: str | None) -> str | None:
    """``value`` when it is a date or its prefix ("2018", "2018-07", "2018-07-16"), else ValueError
    naming what is wrong ("2018-13" is no month)."""
    if value is not None and not re.match(DATE_PREFIX, value):
        raise ValueError(f"{value!r} is not a date: write 2018, 2018-07 or 2018-07-16")
    return value


def calendar_value(value: str | None) -> str | None:
    """The day or month a TIMEX3 value names ("2018-07-24", "2018-07"; a time of day dropped), else
    None: a week, a weekend, a season, a year, a date with unknown parts or a duration places nothing
    on a timeline to the day or month."""
    found = parse_iso(value[:10]) if value else None
    if found is None or found.granularity not in ("day", "month"):
        return None
    return found.value()


def weekday_on_or_before(anchor: dt.date, weekday: int, strictly: bool = False) -> dt.date:
    delta = (anchor.weekday() - weekday) % 7
    if strictly and delta == 0:
        delta = 7
    return anchor - dt.timedelta(days=delta)


def weekday_on_or_after(anchor: dt.date, weekday: int, strictly: bool = False) -> dt.date:
    delta = (weekday - anchor.weekday()) % 7
    if strictly and delta == 0:
        delta = 7
    return anchor + dt.timedelta(days=delta)


def iso_week(day: dt.date, shift: int = 0) -> str:
    year, week, _ = (day + dt.timedelta(weeks=shift)).isocalendar()
    return f"{year:04d}-W{week:02d}"


def years_with_weekday(month: int, day: int, weekday: int, years: range) -> list[int]:
    """Years in ``years`` in which day/month falls on ``weekday`` (0 = Monday)."""
    out = []
    for y in years:
        d = safe_date(y, month, day)
        if d is not None and d.weekday() == weekday:
            out.append(y)
    return out
