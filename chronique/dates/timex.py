"""Temporal expressions of French news text: found by patterns built from the language data, then
resolved against an anchor (the publication date) with the direction the sentence gives.

Four TIMEX3 types: DATE ("le 16 juillet", "la semaine dernière", "fin novembre-début décembre"), TIME
("mardi à 14h", "ce matin"), DURATION ("depuis 18 mois", only when asked: they say how long, not when) and
SET ("chaque mardi", "deux fois par semaine"). Values follow TIMEX3 at the granularity the text supports:
"fin novembre" is ``2018-11`` (mod END), never a day.

Each kind of expression has its family of patterns, tried in a fixed order (intervals and the longest
forms first); a span taken by one family is not read again by the next. A clock time or a part of the day
next to a day ("mardi à 14h", "hier soir") joins it afterwards.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from chronique.dates.calendar import (
    PartialDate,
    iso_week,
    parse_iso,
    safe_date,
    weekday_on_or_after,
    weekday_on_or_before,
)
from chronique.lang import LanguageData

TYPES = ("DATE", "TIME", "DURATION", "SET")
DAY_KINDS = frozenset({"date", "weekday", "relative-day"})  # kinds that name one day
# A day the text told before, taken up ("la veille", "le même jour", "dans la soirée"): resolved against
# the last day it named (see :func:`resolve_all`); "la veille du sommet" is an event's: no value.
TOLD_DAY, EVENT_DAY = "told-day", "event-day"
SEASON_ORDER = ("SP", "SU", "FA", "WI")  # TIMEX3 season codes, in the order of the year
# "il y a trois jours", "dans deux semaines": the kind a unit gives, and the shift one unit is in it.
_AGO_KINDS = {
    "D": ("relative-day", 1), "W": ("week", 1), "M": ("month-rel", 1), "Y": ("year-rel", 1),
    "DE": ("year-rel", 10), "CE": ("year-rel", 100),
}  # fmt: skip
_PERIOD_KINDS = {"week": "week", "month": "month-rel", "year": "year-rel", "weekend": "weekend"}


@dataclass(frozen=True, slots=True)
class TimexMatch:
    """What the text says about a time, before it is anchored.

    Kinds: date | month | year | weekday | relative-day | week | season | month-rel | year-rel, and
    weekend | decade | time (a clock time without its day) | duration | set | ref (PAST_REF…), and
    told-day (shifted from the day the text last told) | event-day (an event's eve or morrow).
    ``shift`` counts units: days for relative-day ("il y a trois jours" = -3), weeks for week, months for
    month-rel, years for year-rel, -1/+1 for weekday, weekend and season ("dernier"/"prochain").
    """

    start: int
    end: int
    text: str
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    shift: int = 0
    explicit_shift: bool = False  # the text says which way ("dernier", "prochain", "hier", "il y a")
    direction: int = -1  # -1 past, +1 future: the expression's own ("hier") or else its clause's tense
    # Background, before the time the article narrates: in a pluperfect clause, or a state's start
    # with its year ("depuis le 23 février 2002").
    anterior: bool = False
    season: str | None = None
    in_copyright: bool = False
    since: bool = False  # after "depuis": the start of a state that holds ("depuis le 22 mars")
    type: str = "DATE"  # TIMEX3 type: DATE | TIME | DURATION | SET
    hour: int | None = None
    minute: int | None = None
    part: str | None = None  # part of the day: MO | AF | EV | NI
    mod: str | None = None  # TIMEX3 mod: START | MID | END | APPROX | BEFORE | AFTER | MORE_THAN…
    fixed_value: str | None = None  # a value no anchor changes: "P18M", "XXXX-WXX-2", "PAST_REF", "199"
    freq: str | None = None  # of a set: "2X" in "deux fois par semaine"
    until: TimexMatch | None = None  # the other end of an interval ("début décembre")

    @property
    def partial(self) -> PartialDate:
        return PartialDate(self.year, self.month, self.day)

    def points(self) -> tuple[TimexMatch, ...]:
        """The expression, then the other end of an interval as an expression of its own (with this
        one's direction): "entre le 1er août 2005 et le 23 janvier 2008" reports both days."""
        if self.until is None:
            return (self,)
        return (self, replace(self.until, direction=self.direction))


@dataclass(frozen=True, slots=True)
class Timex:
    """A resolved temporal expression (export contract: start, end, text, type, value; mod, end_value
    and freq are added only when the expression has them)."""

    start: int
    end: int
    text: str
    type: str
    value: str | None
    mod: str | None = None
    end_value: str | None = None  # the value of an interval's other end
    freq: str | None = None

    def as_dict(self) -> dict[str, object]:
        d: dict[str, object] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
        }
        for key, value in (("mod", self.mod), ("end_value", self.end_value), ("freq", self.freq)):
            if value is not None:
                d[key] = value
        return d


# --- patterns ------------------------------------------------------------------------------------------


def _words(words: Iterable[str]) -> str:
    """Alternation of ``words``, longest first; a space matches any spaces, an apostrophe either one."""
    names = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") for w in names)


def _key(s: str) -> str:
    """A matched word as the language data spells it."""
    return " ".join(s.lower().replace("’", "'").split())


def _trie(words: Iterable[str]) -> str:
    """An alternation of ``words`` as a trie ("ma(?:i|r(?:di|s))"): the engine tests a few branches at
    each position instead of every word."""
    root: dict[str, Any] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alts = [
            (r"\s+" if ch == " " else "['’]" if ch == "'" else re.escape(ch)) + build(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" not in node:
            return body
        return f"(?:{body})?" if len(alts) == 1 and len(body) > 1 else body + "?"

    return build(root)


def _cased(words: Iterable[str]) -> set[str]:
    return {v for w in words for v in (w, w[:1].upper() + w[1:], w.upper())}


REACH = 80  # characters a match may extend before or after the keyword that triggers its family
AHEAD_MONTHS = 3  # an untensed month this close after the anchor is the coming one ("livrable en avril")
# Triggers that are digits, not words: the name of their group in ``_Patterns.digits``.
DIGIT_TRIGGERS = ("year", "hour", "slash", "colon")
_SPACE = re.compile(r"\s")
_LAST_WORD = re.compile(r"([^\W\d_]+)$")
_OTHER_NUMBER = re.compile(r"\s+([^\W\d_]+)\s+(\d[\d\s.,]*?)(?=\s|$)")
_FIRST_WORD = re.compile(r"\s*([^\W\d_]+|[€$£%])")
# Endings of a participle or an adjective agreeing with the noun before a year, not a counted noun
# ("prévues", "réprimées"; not "2000 blessés", counted), and of adverbs ("puis").
_AGREEMENTS = ("ées", "ues", "uis")
_UNITS = frozenset({"€", "$", "£", "%", "km", "m", "kg", "t", "ha", "h"})  # after an amount


@dataclass(frozen=True)
class _Patterns:
    """Each family's pattern (case-insensitive, with its cue words), and the keywords that trigger it.

    Every match of a family contains one of its keywords (a month name, a unit, a weekday, a year's
    digits). One scan finds them all (``keywords``: a case-sensitive trie, which the regex engine runs
    at memchr-like speed; ``digits``), and a family's pattern is then searched only within ``REACH``
    characters of its keywords: the same matches as over the whole text, at a fraction of the cost.
    """

    families: dict[str, re.Pattern[str]]
    keywords: re.Pattern[str]
    digits: re.Pattern[str]
    triggers: dict[str, tuple[str, ...]]  # keyword (as _key spells it) or digit group → families
    gap: re.Pattern[str]  # between a day and its time: "mardi à 14h", "à 08h36 le 15/05"
    generic: re.Pattern[str]  # before "le lendemain" in its sentence, no day at all: "du jour au"


def _modifier(lang: LanguageData, name: str) -> str:
    """ "fin", "à la mi-", "au début de l'", "en fin d'": a part of the period that follows."""
    return (
        rf"(?:\b(?:{_words(lang.modifier_leadins)})\s+)?\b(?P<{name}>{_words(lang.modifiers)})"
        rf"(?:\s*-\s*|\s+(?:(?:{_words(lang.modifier_links)})\s*)?)"
    )


@cache
def _patterns(lang: LanguageData) -> _Patterns:
    # Abbreviations ("sept", "nov") are prefixes of a full name of the same month.
    months = list(lang.months)
    full = frozenset(
        k
        for k in months
        if not any(o != k and o.startswith(k) and lang.months[o] == lang.months[k] for o in months)
    )
    abbr = _words(set(lang.months) - full)
    full_words = _words(full)
    # An abbreviation takes its full stop, and is never followed by a word ("sept ans" is seven years).
    month = rf"(?:(?:{full_words})\b|(?:{abbr})(?:\.|(?!\s*[^\W\d_])))"
    month_cs = rf"(?-i:(?:{full_words})\b)"  # alone, a month is lower case: "Mars" is the planet
    month_abbr_cs = rf"(?-i:(?:{abbr})\.)"
    weekday = _words(lang.weekdays)
    day = rf"(?:{_words(lang.first_day_words)}|\d{{1,2}})"
    year4 = r"(?:1[89]\d\d|20\d\d)"
    shift = _words(lang.shift_words)
    this = _words(lang.this_words)
    opens, closes = _words(lang.interval_links), _words(lang.interval_links.values())
    small = [w for w, v in lang.numbers.items() if v < 20]
    tens = [w for w, v in lang.numbers.items() if 20 <= v < 100]
    number = (
        rf"(?:(?:{_words(tens)})(?:{_words(lang.number_links)})(?:{_words(small)})|{_words(lang.numbers)})"
    )
    amount = rf"(?:\d+(?:[.,]\d+)?|{number}|{_words(lang.vague_numbers)})"
    units_re = _words(lang.duration_units)
    parts = _words(lang.day_parts)
    named = _words(lang.named_times)
    hour_words = _words(lang.hour_words)
    time_cues = _words(lang.time_cues)
    approx = _words(k for k, v in lang.duration_cues.items() if v)
    part_leadins = _words(lang.part_leadins)
    half = _words(lang.half_words)
    # "mardi 4 au mercredi 5 novembre 2008", "3 au 5 mai": two days, the month and year written once.
    day_pair = (
        rf"(?:(?P<wd1>{weekday})\s+)?(?P<d1>{day})(?:\s+(?P<m1>{month}))?(?:\s+(?P<y1>\d{{4}}))?\s+"
        rf"(?P<close>{closes})\s+(?:(?P<wd2>{weekday})\s+)?(?P<d2>{day})\s+(?P<m2>{month})(?:\s+(?P<y2>\d{{4}}))?(?!\d)"
    )
    # "au début du mois de mai": a named month, not the current one ("cette semaine de mars" stays a week).
    month_units = [u for u, kind in lang.period_units.items() if kind == "month"]
    after_month_unit = "|".join(rf"(?<={re.escape(u)})" for u in month_units) or r"(?!)"
    month_of = rf"(?:{after_month_unit})\s*(?:{_words(lang.modifier_links)})\s*{month}"
    # After "fin", "début": only the cues that name the month's noun ("fin du mois de mai", not "fin en juin").
    noun_cues = _words(c for c in lang.month_cues if any(u in c.split() for u in month_units)) or r"(?!)"
    families: dict[str, re.Pattern[str]] = {}
    triggers: dict[str, set[str]] = {}

    def family(name: str, keywords: Iterable[str], pattern: str) -> None:
        """``keywords``: words of the language data, or names of DIGIT_TRIGGERS."""
        families[name] = re.compile(pattern, re.IGNORECASE)
        for word in keywords:
            triggers.setdefault(word if word in DIGIT_TRIGGERS else _key(word), set()).add(name)

    years, units = ["year"], list(lang.duration_units)
    on_parts = [*lang.day_parts, *lang.named_times]
    family(
        "part_of_weekday", on_parts,  # "dans la nuit de mardi à mercredi"
        rf"\b(?:(?:{part_leadins})\s+)?(?P<part>{parts})\s+(?:{opens})\s+(?P<wd>{weekday})\b"
        rf"(?:\s+(?:{closes})\s+(?:{weekday})\b)?(?!\s+\d)",
    )  # fmt: skip
    family(
        "part_of_date", on_parts,  # "dans la nuit du mardi 4 au mercredi 5 novembre"
        rf"\b(?:(?:{part_leadins})\s+)?(?P<part>{parts})\s+(?:{opens})\s+{day_pair}",
    )  # fmt: skip
    family(
        "day_range", months,  # "du 3 au 5 mai", "entre le 1er août 2005 et le 23 janvier 2008"
        rf"\b(?P<open>{opens})\s+{day_pair}(?:\s+(?P<rel>{shift})\b)?",
    )  # fmt: skip
    family(
        "month_range", months,  # "fin novembre-début décembre", "de janvier à mars"
        rf"(?:\b(?P<open>{opens})\s+)?(?:{_modifier(lang, 'mod1')})?\b(?P<m1>{month_cs})(?:\s+(?P<y1>{year4}))?"
        rf"(?:\s*[-–]\s*|\s+(?P<close>{closes})\s+)(?:{_modifier(lang, 'mod2')})?\b(?P<m2>{month_cs})"
        rf"(?:\s+(?P<y2>{year4}))?(?!\d)",
    )  # fmt: skip
    family(
        "year_range", years,  # "entre 2015 et 2017"
        rf"\b(?P<open>{opens})\s+(?P<y1>{year4})\s+(?P<close>{closes})\s+(?P<y2>{year4})\b(?!\s*%)",
    )  # fmt: skip
    family(
        "date", months,  # "samedi 11 novembre", "1er janvier 2020", "le 3 mai dernier"
        rf"\b(?:(?P<wd>{weekday})\s+)?(?P<day>{day})\s+(?P<month>{month})(?:\s+(?P<year>\d{{4}}))?(?!\d)"
        rf"(?:\s+(?P<rel>{shift})\b)?",
    )  # fmt: skip
    family(
        "numeric", ["slash"],  # "15/05", "15/05/2019"; with dashes or dots only with the year: "20-2-2011"
        r"(?<![\d/.])(?P<day>\d{1,2})/(?P<month>\d{1,2})(?:/(?P<year>\d{4}|\d{2}))?(?![\d/])"
        r"|(?<![\d/.-])(?P<dday>\d{1,2})(?P<sep>[.-])(?P<dmonth>\d{1,2})(?P=sep)(?P<dyear>(?:1[89]|20)\d\d)(?![\d.-]\d)",
    )  # fmt: skip
    family(
        "ago", [*lang.ago_words, *lang.ahead_words],  # "il y a trois jours", "dans deux semaines"
        rf"\b(?P<dir>{_words((*lang.ago_words, *lang.ahead_words))})\s+(?:(?P<cue>{approx})\s*)?"
        rf"(?P<n>{amount})\s+(?P<unit>{units_re})\b",
    )  # fmt: skip
    family(
        "every", lang.set_words,  # "chaque mardi", "tous les deux ans"
        rf"\b(?:{_words(lang.set_words)})\s+(?:(?P<n>{amount})\s+)?(?:(?P<wd>{weekday})s?|(?P<part>{parts})s?"
        rf"|(?P<season>{_words(lang.seasons)})|(?P<day>{day})\s+(?P<month>{month})|(?P<unit>{units_re}))\b",
    )  # fmt: skip
    family(
        "times_per", lang.times_per,  # "deux fois par semaine"
        rf"\b(?P<n>{amount})\s+(?:{_words(lang.times_per)})\s+(?P<unit>{units_re})\b",
    )  # fmt: skip
    family("reference", lang.references, rf"\b(?P<ref>{_words(lang.references)})\b")  # "ces derniers jours"
    family(
        "period", lang.period_units,  # "la semaine dernière", "à la fin de l'année", "ce mois-ci"
        rf"(?:{_modifier(lang, 'mod')})?(?:\b(?P<det>{this}|{_words(lang.the_words)})\s*)?"
        rf"\b(?P<unit>{_words(lang.period_units)})\b(?!\s*\d)(?!{month_of})"
        rf"(?P<here>{_words([lang.period_here])})?"
        rf"(?:\s+(?P<rel>{shift})\b)?",
    )  # fmt: skip
    family(
        "season", lang.seasons,  # "à l'automne", "l'été dernier", "au printemps 2016"
        rf"(?:{_modifier(lang, 'mod')})?(?:\b(?P<det>{_words(lang.season_determiners)})\s*)?"
        rf"\b(?P<season>{_words(lang.seasons)})\b(?:\s+(?P<year>{year4})\b|\s+(?P<rel>{shift})\b)?",
    )  # fmt: skip
    family(
        "month", months,  # "en mai", "fin novembre", "mi-mai", "juin 2018", "en mai dernier"
        rf"(?:{_modifier(lang, 'mod')}(?:(?:{noun_cues})\s*)?|\b(?P<cue>{_words(lang.month_cues)})\s*)?\b"
        rf"(?P<month>{month_cs}|{month_abbr_cs})(?:\s+(?P<year>\d{{4}})(?!\d))?(?:\s+(?P<rel>{shift})\b)?",
    )  # fmt: skip
    family(
        "clock_hours", ["hour", *(w for w in lang.hour_words if len(w) > 1)],  # "14h30", "vers 14 heures"
        rf"(?:\b(?P<cue>{_words((*lang.time_cues, *lang.duration_cues))})\s*)?\b(?P<h>\d{{1,2}}|{number})"
        rf"\s*(?P<hw>{hour_words})(?:\s*(?P<min>[0-5]\d)(?!\d)|\s+(?P<half>{half}))?"
        rf"(?:\s+(?P<suffix>{_words(lang.hour_suffixes)}))?(?!\w)",
    )  # fmt: skip
    family(
        "clock_colon", ["colon"],  # "à 14:30"
        rf"\b(?P<cue>{time_cues})\s+(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d)(?![\d:])",
    )  # fmt: skip
    family(
        "clock_named", lang.named_times,  # "à midi"
        rf"(?:\b(?P<cue>{time_cues})\s+)?(?<![\w-])(?P<named>(?-i:{named}))\b",  # not "après-midi"
    )  # fmt: skip
    family(
        "part", on_parts,  # "ce matin", "la nuit dernière", "dans la soirée", and "soir" of "dimanche soir"
        rf"(?<![\w'’-])(?:(?P<this>{this})\s+|(?P<lead>{part_leadins})(?:(?<=['’])\s*|\s+))?"
        rf"(?P<part>{parts}|(?<![\w-])(?-i:{named}))(?![\w-])"
        rf"(?:\s+(?P<rel>{shift})\b)?(?P<of>\s+(?:{_words(lang.anaphoric_links)})(?:(?<=['’])|(?!\w)))?",
    )  # fmt: skip
    family(
        "anaphoric_day", lang.anaphoric_days,  # "la veille", "le lendemain", "ce jour-là"
        rf"(?<![\w'’-])(?P<ana>{_words(lang.anaphoric_days)})(?![\w-])"
        rf"(?P<of>\s+(?:{_words(lang.anaphoric_links)})(?:(?<=['’])|(?!\w)))?",
    )  # fmt: skip
    family(
        "weekday", lang.weekdays,  # "mardi", "jeudi dernier", "ce dimanche"; "samedi 11" is left to dates
        rf"\b(?:(?P<this>{this})\s+)?(?P<wd>{weekday})\b(?:\s+(?P<rel>{shift})\b)?"
        rf"(?!\s+\d{{1,2}}(?!\d|\s*(?:{hour_words})(?!\w)))",
    )  # fmt: skip
    family("relative_day", lang.relative_words, rf"\b(?P<rel>{_words(lang.relative_words)})\b")  # "hier"
    family(
        "duration", units,  # "18 mois", "environ deux heures", "les 12 derniers mois"
        rf"(?:\b(?P<cue>{_words(lang.duration_cues)})\s*)?\b(?P<n>{amount})\s+(?:(?P<rel>{shift})\s+)?"
        rf"(?P<unit>{units_re})\b(?:\s+(?P<half>{half})\b)?",
    )  # fmt: skip
    family(
        "year", years,  # "en 2016" (the span is the year), "fin 2018"
        rf"(?:{_modifier(lang, 'mod')}(?:(?:{_words(lang.year_cues)})\s+)?|\b(?:{_words(lang.year_cues)})\s+)"
        rf"(?P<year>{year4})\b",
    )  # fmt: skip
    family(
        "bare_year", years,  # "le Tour de France 2009,", "(1999 à 2005)": a year no cue introduces
        rf"(?<![\w.,/'’°©-])(?<!\d\s)(?P<year>{year4})(?![\w/'’-]|[.,]\d|\s*%)",
    )  # fmt: skip
    family(
        "decade", lang.decade_cues,  # "les années 1990"
        rf"\b(?:{_words(lang.decade_cues)})\s+(?P<decade>(?:1[89]|20)?\d0)\b",
    )  # fmt: skip
    words = [w for w in triggers if w not in DIGIT_TRIGGERS]
    return _Patterns(
        families=families,
        keywords=re.compile(rf"(?<!\w)(?:{_trie(_cased(words))})(?!\w)"),
        digits=re.compile(
            r"(?<!\w)(?:(?P<year>(?:1[89]|20)\d\d(?!\d))|(?P<hour>\d{1,2}\s*[hH](?![^\W\d_]))"
            r"|(?P<slash>\d{1,2}/\d|\d{1,2}[.-]\d{1,2}[.-](?:1[89]|20)\d\d)|(?P<colon>\d{1,2}:[0-5]\d))"
        ),
        triggers={k: tuple(sorted(v)) for k, v in triggers.items()},
        gap=re.compile(rf"\s*,?\s*(?:(?:{time_cues}|{_words(lang.time_date_links)})\s+)?", re.IGNORECASE),
        generic=re.compile(rf"(?<![\w'’])(?:{_words(lang.anaphoric_generic) or '(?!)'})(?![\w'’])"),
    )


# --- finding -------------------------------------------------------------------------------------------


def _window(text: str, start: int, end: int, stops: str) -> str:
    left = max(text.rfind(c, 0, start) for c in stops) + 1
    rights = [p for p in (text.find(c, end) for c in stops) if p != -1]
    return text[left : min(rights) if rights else len(text)]


_PARTICIPLE = r" (?:\w+ )?\w+(?:é|ée|és|ées|i|is|it|u|us|dit|fait|pris)\b"  # "a dit", "a aussi déclaré"
_PAST_VERB = re.compile(r"\b(?:a|ont|avait|avaient|était|étaient|s'est|se sont)" + _PARTICIPLE)


def _after_since(text: str, start: int, lang: LanguageData) -> bool:
    """Whether "depuis" (or "depuis le") comes just before ``start``."""
    before = text[max(0, start - 16) : start].lower().split()[-2:]
    return any(w in lang.since_words for w in before)


def _opens_sentence(text: str, start: int) -> bool:
    """Whether ``start`` begins a sentence or a line (past an opening quotation mark)."""
    before = text[max(0, start - 4) : start].rstrip(' «"“\u00a0')
    return not before or before[-1] in ".!?\n:"


def _direction(text: str, start: int, end: int, lang: LanguageData, default: int = -1) -> int:
    """-1 for a past-tense clause, +1 for a future one. News narrates the past: past is the default.

    The comma-delimited segment around the expression decides first ("…, qui aura lieu fin novembre, a
    ajouté M. X" is future), the whole clause next.
    """
    if _after_since(text, start, lang):
        return -1  # "se préparent à un assaut depuis samedi"
    for stops in (",.;\n", ".;\n"):
        segment = _window(text, start, end, stops)
        future = bool(lang.future_cues.search(segment))
        past = bool(_PAST_VERB.search(segment) or lang.past_cues.search(segment))
        if future != past:
            return 1 if future else -1
    return default


_PERFECT = re.compile(r"\b(?:a|ont|s'est|se sont)" + _PARTICIPLE)


def _anterior(text: str, start: int, end: int, lang: LanguageData) -> bool:
    """Whether the expression belongs to a pluperfect ("Le 23 août 2005, L'Equipe avait révélé…"):
    the verb nearest to it in its comma-delimited segment decides, else (a date set apart by commas)
    the nearest in its clause ("a déclaré mardi que la loi avait été adoptée le 5 mars": "mardi" is
    the statement's, "le 5 mars" the background's)."""
    if lang.anterior_cues is None:
        return False
    for stops in (",.;\n", ".;\n"):
        left = max(text.rfind(c, 0, start) for c in stops) + 1
        rights = [p for p in (text.find(c, end) for c in stops) if p != -1]
        segment = text[left : min(rights) if rights else len(text)]
        verbs = [(m.start(), m.end(), True) for m in lang.anterior_cues.finditer(segment)]
        verbs += [(m.start(), m.end(), False) for m in _PERFECT.finditer(segment)]
        verbs += [(m.start(), m.end(), False) for m in lang.future_cues.finditer(segment)]
        if verbs:
            s, e = start - left, end - left
            return min(verbs, key=lambda v: max(v[0] - e, s - v[1], 0))[2]
    return False


def find_timexes(text: str, lang: LanguageData, *, durations: bool = False) -> list[TimexMatch]:
    """Every temporal expression of ``text`` that a pattern recognises, non-overlapping, in order.

    Durations ("depuis 18 mois", "deux heures") only with ``durations=True``: they say how long, not
    when, and publication dating reads the rest.
    """
    return _Finder(text, lang, durations).run()


class _Finder:
    def __init__(self, text: str, lang: LanguageData, durations: bool) -> None:
        self.text = text
        self.lang = lang
        self.p = _patterns(lang)
        self.durations = durations
        self.taken: list[tuple[int, int]] = []
        self.found: list[TimexMatch] = []
        # Where each family's keywords are: one scan for all of them.
        self.hits: dict[str, list[tuple[int, int]]] = {}
        for k in self.p.keywords.finditer(text):
            for name in self.p.triggers.get(_key(k[0]), ()):
                self.hits.setdefault(name, []).append(k.span())
        for k in self.p.digits.finditer(text):
            for name in self.p.triggers.get(k.lastgroup or "", ()):
                self.hits.setdefault(name, []).append(k.span())

    def run(self) -> list[TimexMatch]:
        families: tuple[Callable[[], None], ...] = (
            self.parts_of, self.day_ranges, self.month_ranges, self.year_ranges, self.sets, self.dates,
            self.numeric, self.ago, self.references, self.periods, self.seasons, self.months, self.clocks,
            self.parts, self.weekdays, self.anaphoric_days, self.relative_days, self.duration_family, self.years,
            self.decades, self.bare_years,
        )  # fmt: skip
        for family in families:
            family()
        return _attach_times(sorted(self.found, key=lambda m: m.start), self.text, self.p.gap)

    def scan(self, name: str) -> Iterator[re.Match[str]]:
        """The matches of family ``name``, searched only within REACH of its keywords (windows that
        overlap are merged, and never end inside a word, which a pattern would take for its end)."""
        pattern, text, n = self.p.families[name], self.text, len(self.text)
        last, lo, hi = 0, -1, -1
        for s, e in [*sorted(self.hits.get(name, ())), (n + 2 * REACH + 1, n)]:
            if s - REACH <= hi:
                hi = max(hi, e + REACH)
                continue
            if hi >= 0:
                space = _SPACE.search(text, min(hi, n))
                for m in pattern.finditer(text, max(lo, last), space.start() if space else n):
                    last = m.end()
                    yield m
            lo, hi = max(0, s - REACH), e + REACH

    def free(self, s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in self.taken)

    def add(self, s: int, e: int, kind: str, **fields: Any) -> None:
        """Record a match over text[s:e] unless an earlier family took part of it. Its direction is the
        one its own words give (a signed ``shift`` with ``explicit_shift``), else its clause's tense."""
        if s >= e or not self.free(s, e):
            return
        if "direction" not in fields:
            signed = fields.get("shift", 0) if fields.get("explicit_shift") else 0
            fields["direction"] = (
                (1 if signed > 0 else -1) if signed else _direction(self.text, s, e, self.lang)
            )
        fields.setdefault("since", self.since(s))
        fields.setdefault(
            "anterior",
            fields["direction"] < 0
            and (_anterior(self.text, s, e, self.lang) or (fields.get("year") is not None and self.since(s))),
        )
        self.taken.append((s, e))
        self.found.append(TimexMatch(s, e, self.text[s:e], kind, **fields))

    def since(self, start: int) -> bool:
        """Whether "depuis" (or "depuis le") comes just before ``start``: with a year, the start of a
        state that still holds ("retenue depuis le 23 février 2002") is history, not news."""
        return _after_since(self.text, start, self.lang)

    def shift_of(self, word: str | None) -> int:
        return self.lang.shift_words.get(_key(word), 0) if word else 0

    def shifted(self, m: re.Match[str]) -> dict[str, Any]:
        """The shift a "dernier"/"prochain" after the expression gives it ("le 3 mai dernier")."""
        rel = self.shift_of(m["rel"])
        return {"shift": rel, "explicit_shift": bool(rel)}

    def mod_of(self, word: str | None) -> str | None:
        return self.lang.modifiers[_key(word)] if word else None

    def month_of(self, word: str) -> int:
        return self.lang.months[_key(word).rstrip(".")]

    def day_of(self, word: str) -> int:
        return 1 if _key(word) in self.lang.first_day_words else int(word)

    # DATE: "dans la nuit de mardi à mercredi" (TIME), "du 3 au 5 mai", "fin novembre-début décembre",
    # "entre 2015 et 2017", "samedi 11 novembre", "15/05/2019".

    def parts_of(self) -> None:
        for m in self.scan("part_of_weekday"):
            part = self.lang.day_parts[_key(m["part"])]
            wd = self.lang.weekdays[_key(m["wd"])]
            self.add(*m.span(), "weekday", weekday=wd, part=part, type="TIME")
        for m in self.scan("part_of_date"):
            days = self.day_pair(m)
            if days is not None:  # the night of the first day, until the second
                first, until = days
                part = self.lang.day_parts[_key(m["part"])]
                self.add(*m.span(), "date", year=first.year, month=first.month, day=first.day,
                         weekday=first.weekday, part=part, type="TIME", until=until)  # fmt: skip

    def day_pair(self, m: re.Match[str]) -> tuple[TimexMatch, TimexMatch] | None:
        """The two days of "du mardi 4 au mercredi 5 novembre": the first takes the month and year of
        the second when it has none ("du 28 décembre au 3 janvier 2019": 2018)."""
        m2 = self.month_of(m["m2"])
        m1 = self.month_of(m["m1"]) if m["m1"] else m2
        d1, d2 = self.day_of(m["d1"]), self.day_of(m["d2"])
        y1, y2 = (int(m[g]) if m[g] else None for g in ("y1", "y2"))
        if y1 is None and y2 is not None:
            y1 = y2 - ((m1, d1) > (m2, d2))
        elif y2 is None and y1 is not None:
            y2 = y1 + ((m1, d1) > (m2, d2))
        if safe_date(y1 or 2000, m1, d1) is None or safe_date(y2 or 2000, m2, d2) is None:
            return None
        wd1 = self.lang.weekdays[_key(m["wd1"])] if m["wd1"] else None
        wd2 = self.lang.weekdays[_key(m["wd2"])] if m["wd2"] else None
        s1, s2 = (
            m.start("wd1") if wd1 is not None else m.start("d1"),
            m.start("wd2") if wd2 is not None else m.start("d2"),
        )
        e1, e2 = m.start("close"), m.end("y2") if y2 is not None else m.end("m2")
        return (
            TimexMatch(s1, e1, self.text[s1:e1].rstrip(), "date", y1, m1, d1, wd1),
            TimexMatch(s2, e2, self.text[s2:e2], "date", y2, m2, d2, wd2),
        )

    def linked(self, m: re.Match[str]) -> bool:
        """Whether the interval's words pair up: "du … au", "entre … et", "de … à"."""
        return m["open"] is not None and self.lang.interval_links.get(_key(m["open"])) == _key(m["close"])

    def day_ranges(self) -> None:
        for m in self.scan("day_range"):
            days = self.day_pair(m) if self.linked(m) else None
            if days is None:
                continue
            first, until = days
            shift = self.shifted(m)  # "du 10 au 12 octobre dernier"
            self.add(*m.span(), "date", year=first.year, month=first.month, day=first.day,
                     weekday=first.weekday, until=replace(until, **shift), **shift)  # fmt: skip

    def month_ranges(self) -> None:
        for m in self.scan("month_range"):
            if m["close"] is not None and not self.linked(m):
                continue
            if m["open"] is not None and m["close"] is None:
                continue  # "de novembre-décembre"
            m1, m2 = self.month_of(m["m1"]), self.month_of(m["m2"])
            y1, y2 = (int(m[g]) if m[g] else None for g in ("y1", "y2"))
            if y1 is None and y2 is not None:
                y1 = y2 - (m1 > m2)
            elif y2 is None and y1 is not None:
                y2 = y1 + (m1 > m2)
            s2 = m.start("mod2") if m["mod2"] else m.start("m2")
            until = TimexMatch(
                s2, m.end(), self.text[s2 : m.end()], "month", y2, m2, mod=self.mod_of(m["mod2"])
            )
            self.add(*m.span(), "month", year=y1, month=m1, mod=self.mod_of(m["mod1"]), until=until)

    def year_ranges(self) -> None:
        for m in self.scan("year_range"):
            y1, y2 = int(m["y1"]), int(m["y2"])
            if not self.linked(m) or y1 >= y2:
                continue
            until = TimexMatch(m.start("y2"), m.end("y2"), m["y2"], "year", year=y2)
            self.add(*m.span(), "year", year=y1, until=until)

    def dates(self) -> None:
        for m in self.scan("date"):
            day, month = self.day_of(m["day"]), self.month_of(m["month"])
            year = int(m["year"]) if m["year"] else None
            if safe_date(year or 2000, month, day) is None:
                continue
            wd = self.lang.weekdays[_key(m["wd"])] if m["wd"] else None
            self.add(*m.span(), "date", year=year, month=month, day=day, weekday=wd, **self.shifted(m))

    def numeric(self) -> None:
        for m in self.scan("numeric"):
            day, month = int(m["day"] or m["dday"]), int(m["month"] or m["dmonth"])
            year = _year(m["year"] or m["dyear"])
            if not 1 <= month <= 12 or safe_date(year or 2000, month, day) is None:
                continue
            self.add(*m.span(), "date", year=year, month=month, day=day)

    # DATE relative to the anchor: "il y a trois jours", "dans deux semaines", "la semaine dernière",
    # "à la fin de l'année", "ce week-end", "l'été dernier", "fin novembre", "en mai".

    def ago(self) -> None:
        for m in self.scan("ago"):
            sign = -1 if _key(m["dir"]) in self.lang.ago_words else 1
            amount = _amount(m["n"], self.lang)
            factor, unit = _unit(self.lang.duration_units[_key(m["unit"])])
            mod = self.lang.duration_cues.get(_key(m["cue"])) if m["cue"] else None
            if unit.startswith("T"):
                continue  # "il y a deux heures": a time the anchor day cannot give
            if amount is None or amount != int(amount):
                self.add(
                    *m.span(), "ref", fixed_value="PAST_REF" if sign < 0 else "FUTURE_REF", direction=sign
                )
                continue
            kind, per_unit = _AGO_KINDS[unit]
            self.add(
                *m.span(), kind, shift=sign * int(amount) * factor * per_unit, explicit_shift=True, mod=mod
            )

    def sets(self) -> None:
        for m in self.scan("every"):
            amount = _amount(m["n"], self.lang) if m["n"] else 1
            if m["wd"]:
                value = f"XXXX-WXX-{self.lang.weekdays[_key(m['wd'])] + 1}"
            elif m["part"]:
                value = f"XXXX-XX-XXT{self.lang.day_parts[_key(m['part'])]}"
            elif m["season"]:
                value = f"XXXX-{self.lang.seasons[_key(m['season'])]}"
            elif m["day"]:
                value = f"XXXX-{self.month_of(m['month']):02d}-{self.day_of(m['day']):02d}"
            else:
                value = _period(amount, self.lang.duration_units[_key(m["unit"])])
            self.add(*m.span(), "set", type="SET", fixed_value=value)
        for m in self.scan("times_per"):
            amount = _amount(m["n"], self.lang)
            freq = "X" if amount is None else _number(amount)
            value = _period(1, self.lang.duration_units[_key(m["unit"])])
            self.add(*m.span(), "set", type="SET", fixed_value=value, freq=f"{freq}X")

    def references(self) -> None:
        for m in self.scan("reference"):
            value = self.lang.references[_key(m["ref"])]
            direction = {"PAST_REF": -1, "FUTURE_REF": 1}.get(value)
            extra: dict[str, Any] = {"direction": direction} if direction else {}
            self.add(*m.span(), "ref", fixed_value=value, **extra)

    def periods(self) -> None:
        for m in self.scan("period"):
            det = _key(m["det"]) if m["det"] else None
            rel = self.shift_of(m["rel"])
            if not (m["mod"] or rel or det in self.lang.this_words):
                continue  # "la semaine" alone is no date
            if not m["mod"] and det is None:
                continue
            kind = _PERIOD_KINDS[self.lang.period_units[_key(m["unit"])]]
            extra: dict[str, Any] = {}
            if kind == "weekend" and not rel:
                # "ce week-end" on a weekday is the coming one unless the clause tells of the past.
                extra["direction"] = _direction(self.text, *m.span(), self.lang, default=1)
            self.add(*m.span(), kind, shift=rel, explicit_shift=True, mod=self.mod_of(m["mod"]), **extra)

    def seasons(self) -> None:
        for m in self.scan("season"):
            det = _key(m["det"]) if m["det"] else None
            if det is None and not m["mod"]:
                continue  # "a été" is no summer
            if det in self.lang.the_words and det != "l'" and not (m["rel"] or m["year"]):
                continue  # "le printemps arabe"
            year = int(m["year"]) if m["year"] else None
            season = self.lang.seasons[_key(m["season"])]
            self.add(
                *m.span(), "season", season=season, year=year, mod=self.mod_of(m["mod"]), **self.shifted(m)
            )

    def months(self) -> None:
        for m in self.scan("month"):
            if not (m["mod"] or m["cue"] or m["year"] or m["rel"]):
                continue  # a month alone is no date: "mai" may be a name
            year = int(m["year"]) if m["year"] else None
            month = self.month_of(m["month"])
            fields = self.shifted(m)
            if year is None and not fields["shift"] and not _opens_sentence(self.text, m.start()):
                # A clause whose tense points neither way ("est livrable en avril"): 0, resolved to the
                # month past unless it comes within AHEAD_MONTHS. Not a month that opens its sentence
                # ("En janvier, Ben Ali fuit la Tunisie"): a narrative's scene, in the past.
                fields["direction"] = _direction(self.text, *m.span(), self.lang, default=0)
            self.add(*m.span(), "month", month=month, year=year, mod=self.mod_of(m["mod"]), **fields)

    # TIME: "à 08h36", "vers 14 heures", "à midi", "ce matin", and bare parts of the day ("soir") that
    # only count next to a day ("dimanche soir").

    def clocks(self) -> None:
        lang = self.lang
        for m in self.scan("clock_hours"):
            cue = _key(m["cue"]) if m["cue"] else None
            amount = _amount(m["h"], lang)
            if amount is None:
                continue
            h = int(amount)
            minute = 30 if m["half"] else int(m["min"]) if m["min"] else None
            if self.reads_as_clock(m, cue, h, minute):
                h += lang.hour_suffixes.get(_key(m["suffix"]), 0) if m["suffix"] and h < 12 else 0
                mod = lang.time_cues.get(cue) if cue else None
                s = m.start() if mod else m.start("h")
                self.add(s, m.end(), "time", type="TIME", hour=h, minute=minute or 0, mod=mod)
            elif self.durations:
                mod = lang.duration_cues.get(cue) if cue else None
                s = m.start() if mod else m.start("h")
                value = f"PT{_number(amount)}H" + (f"{minute}M" if minute else "")
                self.add(s, m.end(), "duration", type="DURATION", fixed_value=value, mod=mod, direction=-1)
        for m in self.scan("clock_colon"):
            mod = lang.time_cues.get(_key(m["cue"]))
            s = m.start() if mod else m.start("h")
            self.add(s, m.end(), "time", type="TIME", hour=int(m["h"]), minute=int(m["min"]), mod=mod)
        for m in self.scan("clock_named"):
            h, minute = (int(x) for x in lang.named_times[m["named"]].split(":"))
            mod = lang.time_cues.get(_key(m["cue"])) if m["cue"] else None
            s = m.start() if mod else m.start("named")
            # Without a cue ("dimanche midi") it only counts next to a day.
            self.add(s, m.end(), "time" if m["cue"] else "part", type="TIME", hour=h, minute=minute, mod=mod)

    def reads_as_clock(self, m: re.Match[str], cue: str | None, h: int, minute: int | None) -> bool:
        """Whether hours are a time of day ("à 14 heures", "14h30", "depuis 8 heures du soir") rather
        than an amount of time ("pendant deux heures", "48h", "à 2 heures de Paris")."""
        at, lasting = cue in self.lang.time_cues, cue in self.lang.duration_cues
        if h > 24 or (lasting and not at):
            return False
        if minute is not None or m["suffix"] is not None:
            return True
        if at and not lasting:  # "à", "vers"
            return not self.distance_follows(m.end())
        short = _key(m["hw"]) == min(self.lang.hour_words, key=len)  # "14h", not "14 heures"
        return short and m["h"].isdigit() and h <= 23  # no cue, or "depuis"

    def distance_follows(self, end: int) -> bool:
        """ "à 2 heures de Paris": hours of travel, not a clock time."""
        after = self.text[end : end + 40].lstrip().lower().replace("’", "'")
        return any(after.startswith(w if w.endswith("'") else w + " ") for w in self.lang.distance_links)

    def parts(self) -> None:
        for m in self.scan("part"):
            word = _key(m["part"])
            part = self.lang.day_parts.get(word)
            clock = self.lang.named_times.get(word)
            h, minute = (int(x) for x in clock.split(":")) if clock else (None, None)
            rel = self.shift_of(m["rel"])
            lead = _key(m["lead"]) if m["lead"] else None
            if m["this"] or rel:  # "ce matin", "la nuit dernière": a day of their own
                self.add(m.start(), m.end("rel") if rel else m.end("part"), "relative-day", shift=rel,
                         explicit_shift=bool(rel), part=part, hour=h, minute=minute, type="TIME")  # fmt: skip
            elif (
                lead is not None
                and m["part"].islower()  # not "l'Aube", a French département
                and (lead in self.lang.told_day_leadins or word in self.lang.told_day_parts)
                and not m["of"]  # "l'aube de la révolution", "la matinée de mardi"
            ):  # "Dans la soirée, …", "la matinée": in the day the text last told
                self.add(m.start(), m.end("part"), TOLD_DAY, part=part, hour=h, minute=minute, type="TIME")
            else:  # "soir" in "dimanche soir": only next to a day
                self.add(m.start(), m.end("part"), "part", part=part, hour=h, minute=minute, type="TIME")

    # DATE: "mardi", "lundi dernier", "ce dimanche", "hier".

    def weekdays(self) -> None:
        for m in self.scan("weekday"):
            self.add(*m.span(), "weekday", weekday=self.lang.weekdays[_key(m["wd"])], **self.shifted(m))

    def anaphoric_days(self) -> None:
        for m in self.scan("anaphoric_day"):
            shift = self.lang.anaphoric_days[_key(m["ana"])]
            sentence = self.text[max(0, m.start() - REACH) : m.start()]
            sentence = sentence[max(sentence.rfind(". "), sentence.rfind("\n")) + 1 :].lower()
            said = " ".join(f"{sentence} {_key(m['ana'])}".split())
            if self.p.generic.search(said):
                continue  # "du jour au lendemain", "un jour libéré, le lendemain reperdu": any day
            # "la veille du sommet": the eve of an event, whose day the text may never give
            # ("le même jour d'un de ses fils": the same day as the one told, whatever follows)
            self.add(m.start(), m.end("ana"), EVENT_DAY if m["of"] and shift else TOLD_DAY, shift=shift)

    def relative_days(self) -> None:
        for m in self.scan("relative_day"):
            days = _duration_days(self.lang.relative_words[_key(m["rel"])])
            self.add(*m.span(), "relative-day", shift=days, explicit_shift=True)

    # DURATION: "18 mois", "environ deux heures", "quelques jours", "les 12 derniers mois".

    def duration_family(self) -> None:
        if not self.durations:
            return
        for m in self.scan("duration"):
            cue = _key(m["cue"]) if m["cue"] else None
            if cue is None and f"{_key(m['n'])} {_key(m['unit'])}" in self.lang.durations_needing_a_cue:
                continue
            amount = _amount(m["n"], self.lang)
            if amount is not None and m["half"]:
                amount += 0.5
            mod = self.lang.duration_cues.get(cue) if cue else None
            s = m.start() if mod else m.start("n")
            value = _period(amount, self.lang.duration_units[_key(m["unit"])])
            self.add(s, m.end(), "duration", type="DURATION", fixed_value=value, mod=mod, direction=-1)

    # DATE: "en 2016", "fin 2018" (the year alone is the span unless a modifier comes with it), "les
    # années 1990".

    def years(self) -> None:
        for m in self.scan("year"):
            mod = self.mod_of(m["mod"])
            cue = _key(self.text[m.start() : m.start("year")])
            if mod is None and cue in self.lang.amount_cues and self.counts(m.start(), m.end()):
                continue  # "plus de 2000 manifestants", "pour 1500 euros": a number, not a year
            s = m.start() if mod else m.start("year")
            self.add(s, m.end(), "year", year=int(m["year"]), mod=mod)

    def bare_years(self) -> None:
        """A year no cue introduces, after a name or a bracket ("le Tour de France 2009,", "Pékin 2008",
        "(1999 à 2005)"), never after a common noun ("la résolution 1973") nor an amount's words."""
        for m in self.scan("bare_year"):
            before = self.text[max(0, m.start() - 40) : m.start()].rstrip(" \t")
            word = _LAST_WORD.search(before)
            if self.counts(m.start(), m.end()) or before.endswith("©"):
                continue  # "ils étaient 2000", "environ 1500,", "© 2011"
            if before.endswith(("(", "[")) or not before or before.endswith("\n"):
                pass  # "(1999 à 2005)"
            elif word is None or word.end() != len(before):
                continue  # after a figure or a sign
            elif (
                word.group(1)[:1].islower()
                or word.group(1).lower() in self.lang.stopwords | self.lang.quantity_words
            ) and not (
                word.group(1) in self.lang.interval_links.values()
                and self.year_ends_at(max(0, m.start() - 40) + word.start())
            ):
                continue  # "la résolution 1973", "Entre 2000 et 3000"; but "(1999 à 2005)"
            elif word.group(1)[:1].isupper() and not self.event_name_before(m.start()):
                continue  # "Rafale et Mirage 2000", "La Résolution 1973", "Windows 2000": a model, a number
            self.add(m.start(), m.end(), "year", year=int(m["year"]))

    def event_name_before(self, start: int) -> bool:
        """Whether the capitalised words before ``start`` name an event or a place's edition, introduced
        by a preposition ("au Tour de France 2009", "les Jeux de Pékin 2008", "lors du Tour 2007")."""
        words = self.text[max(0, start - 80) : start].split()
        particles = self.lang.people.name_particles
        while words and (words[-1][:1].isupper() or words[-1].lower() in particles):
            if words[-1].lower() in self.lang.year_name_links:
                break  # "de" in "Jeux de Pékin", "Au" of "Au Mondial 2010": the link
            words.pop()
        return bool(words) and words[-1].lower() in self.lang.year_name_links

    def year_ends_at(self, pos: int) -> bool:
        """Whether a year this tagger took ends just before ``pos`` (spaces apart)."""
        return any(
            f.kind == "year" and not self.text[f.end : pos].strip() for f in self.found if f.end <= pos
        )

    def counts(self, start: int, end: int) -> bool:
        """Whether a number counts something: a noun follows it ("2000 manifestants", "1500 euros") or an
        amount's words come before it ("plus de 2000", "environ 1500")."""
        other = _OTHER_NUMBER.match(self.text, end)  # "entre 2000 et 3000 manifestants"
        if other and _key(other.group(1)) in self.lang.interval_links.values():
            if not re.fullmatch(r"(?:1[89]|20)\d\d", other.group(2)):
                return True  # "entre 2000 et 3000": no year runs to 3000
            end = other.end()
        after = _FIRST_WORD.match(self.text, end)
        word = after.group(1) if after else ""
        if word in _UNITS or (
            word[:1].islower()
            and word not in self.lang.stopwords
            and word.endswith(("s", "x"))
            and not word.endswith(_AGREEMENTS)  # "les élections de 2012 prévues", "de 2011 réprimées"
        ):
            return True  # "2000 manifestants", "1500 euros", "2000 km"; not "la loi de 2005 relative …"
        before = self.text[max(0, start - 20) : start].lower().split()
        return bool(before) and before[-1] in self.lang.quantity_words

    def decades(self) -> None:
        for m in self.scan("decade"):
            digits = m["decade"]
            full = int(digits) if len(digits) == 4 else 1900 + int(digits)
            self.add(*m.span(), "decade", fixed_value=f"{full // 10:03d}")


def _attach_times(found: list[TimexMatch], text: str, gap: re.Pattern[str]) -> list[TimexMatch]:
    """Join a clock time or a part of the day to the day next to it ("mardi à 14h", "hier soir",
    "à 08h36 le 15/05"); a bare part of the day ("soir") left alone is dropped."""
    out: list[TimexMatch] = []
    for m in found:
        prev = out[-1] if out else None
        if prev is not None and gap.fullmatch(text, prev.end, m.start):
            joined = _join(prev, m, text)
            if joined is not None:
                out[-1] = joined
                continue
        out.append(m)
    return [m for m in out if m.kind != "part"]


def _join(a: TimexMatch, b: TimexMatch, text: str) -> TimexMatch | None:
    def clocked(day: TimexMatch, time: TimexMatch, start: int, end: int) -> TimexMatch:
        return replace(
            day, start=start, end=end, text=text[start:end], type="TIME",
            hour=time.hour if time.hour is not None else day.hour,
            minute=time.minute if time.hour is not None else day.minute,
            part=time.part or day.part, mod=day.mod or time.mod,
        )  # fmt: skip

    if (
        a.kind in DAY_KINDS | {TOLD_DAY}  # "la veille au soir"
        and (b.kind in {"time", "part"} or (b.kind == TOLD_DAY and b.part is not None))
        and a.hour is None
        and (b.hour is not None or a.part is None)
    ):
        return clocked(a, b, a.start, b.end)
    if a.kind == "time" and b.kind in DAY_KINDS and b.hour is None and b.part is None:
        return clocked(b, a, a.start, b.end)
    return None


def _year(s: str | None) -> int | None:
    if not s:
        return None
    y = int(s)
    return y + (2000 if y < 70 else 1900) if len(s) == 2 else y


def _duration_days(value: str) -> int:
    sign = -1 if value.startswith("-") else 1
    return sign * int(value.strip("-P").rstrip("D") or 0)


def _amount(word: str, lang: LanguageData) -> float | None:
    """ "18" → 18, "1,5" → 1.5, "vingt-quatre" → 24; None for "quelques" (TIMEX3 writes X)."""
    w = _key(word)
    if w[:1].isdigit():
        return float(w.replace(",", "."))
    if w in lang.numbers:
        return lang.numbers[w]
    for link in sorted(lang.number_links, key=len, reverse=True):
        head, _, tail = w.rpartition(link)
        if head in lang.numbers and tail in lang.numbers:
            return lang.numbers[head] + lang.numbers[tail]
    return None


def _number(x: float) -> str:
    return str(int(x)) if x == int(x) else f"{x:g}"


def _unit(code: str) -> tuple[int, str]:
    """ "3M" (a quarter) → (3, "M"); "TH" → (1, "TH")."""
    digits = code[: len(code) - len(code.lstrip("0123456789"))]
    return int(digits or 1), code[len(digits) :]


def _period(amount: float | None, code: str) -> str:
    """TIMEX3 duration of ``amount`` units: (18, "M") → "P18M", (2, "TH") → "PT2H", (None, "D") → "PXD"."""
    factor, unit = _unit(code)
    n = "X" if amount is None else _number(amount * factor)
    return f"PT{n}{unit[1:]}" if unit.startswith("T") else f"P{n}{unit}"


# --- resolving -----------------------------------------------------------------------------------------


def resolve(m: TimexMatch, anchor: PartialDate) -> Timex:
    """Anchor ``m`` on the publication date; the value is None when the anchor is too coarse.

    A TIME's value is its day's and its clock ("2018-07-24T14:00", "2018-07-24TEV"), or the clock alone
    ("XXXX-XX-XXT14:00") when the text gives no day.
    """
    value = resolve_value(m, anchor)
    clock = f"T{m.hour:02d}:{m.minute or 0:02d}" if m.hour is not None else (f"T{m.part}" if m.part else "")
    if m.type == "TIME" and clock:
        if m.kind in {"time", "part"}:
            value = f"XXXX-XX-XX{clock}"
        elif value is not None and len(value) == 10:
            value += clock
    end_value = _until_value(m, anchor) if m.until is not None else None
    return Timex(m.start, m.end, m.text, m.type, value, m.mod, end_value, m.freq)


def resolve_all(matches: Iterable[TimexMatch], anchor: PartialDate) -> list[Timex]:
    """Resolve the expressions of one text, in order: each on the publication date ``anchor``, but one
    that takes up a day told before ("la veille", "le même jour", "dans l'après-midi") on the last day
    the text named ("Samedi, … La veille, …" is Friday), or on the anchor when it named none."""
    out: list[Timex] = []
    told: PartialDate | None = None  # the last day named
    for m in matches:
        timex = resolve(m, told if m.kind == TOLD_DAY and told is not None else anchor)
        out.append(timex)
        day = parse_iso(timex.value[:10]) if timex.value and len(timex.value) >= 10 else None
        if m.kind in DAY_KINDS | {TOLD_DAY} and m.until is None and day is not None:
            told = day
    return out


def resolve_value(m: TimexMatch, anchor: PartialDate) -> str | None:
    """The calendar value of ``m`` seen from ``anchor``, at the granularity the text gives: a day
    ("2018-07-24", also for "mardi à 14h": the clock is :func:`resolve`'s), month, ISO week, season or
    year; an anchor-free value (duration, set, PAST_REF) as is; None when the anchor is too coarse."""
    if m.fixed_value is not None:
        return m.fixed_value
    if m.kind in {"time", "part"}:
        return None
    return _date_value(m, anchor)


def _until_value(m: TimexMatch, anchor: PartialDate) -> str | None:
    """The other end of an interval: its own year, else the start's (the next one if it comes earlier
    in the year: "fin décembre-début janvier")."""
    u = m.until
    assert u is not None
    if u.year is not None or u.month is None or m.month is None:
        return resolve_value(u, anchor)
    start = resolve_value(replace(m, until=None), anchor)
    if start is None:
        return None
    year = int(start[:4]) + ((u.month, u.day or 0) < (m.month, m.day or 0))
    return resolve_value(replace(u, year=year), anchor)


def _date_value(m: TimexMatch, anchor: PartialDate) -> str | None:
    day = anchor.to_date()
    if m.kind == "date":
        if m.year is not None:
            return PartialDate(m.year, m.month, m.day).value()
        if anchor.year is None or m.month is None:
            return None
        year = anchor.year
        if anchor.month is not None and m.shift:
            # "le 3 mai dernier": the last 3 May before the anchor; "prochain": the next one after it.
            here, now = (m.month, m.day or 0), (anchor.month, anchor.day or 0)
            year += -(here >= now) if m.shift < 0 else (here <= now)
        elif anchor.month is not None:
            # "le 28 décembre" in a January article is last year's; "le 3 janvier" in December's, next year's.
            if m.direction < 0 and m.month - anchor.month > 6:
                year -= 1
            elif m.direction > 0 and anchor.month - m.month > 6:
                year += 1
        if m.weekday is not None and m.day is not None:
            year = _weekday_year(m, year)
        return PartialDate(year, m.month, m.day).value()
    if m.kind == "month":
        if m.year is not None:
            return PartialDate(m.year, m.month).value()
        if anchor.year is None or m.month is None:
            return None
        year = anchor.year
        if anchor.month is not None and m.shift:  # "en juillet dernier" in July is last year's
            year += -(m.month >= anchor.month) if m.shift < 0 else (m.month <= anchor.month)
        elif anchor.month is not None:
            if m.direction > 0 and m.month < anchor.month:
                year += 1
            elif m.direction < 0 and m.month > anchor.month:
                year -= 1
            elif m.direction == 0:  # no tense either way: the month past, unless it comes within AHEAD_MONTHS
                ahead = (m.month - anchor.month) % 12
                if 0 < ahead <= AHEAD_MONTHS:
                    year += m.month < anchor.month
                else:
                    year -= m.month > anchor.month
        return PartialDate(year, m.month).value()
    if m.kind == "year":
        return f"{m.year:04d}"
    if m.kind == "season":
        if m.year is not None:
            return f"{m.year:04d}-{m.season}"
        if anchor.year is None or m.season is None:
            return None
        if m.shift == 0 or anchor.month is None or m.season not in SEASON_ORDER:
            return f"{anchor.year + m.shift:04d}-{m.season}"
        return f"{_season_year(anchor.year, anchor.month, m.season, m.shift):04d}-{m.season}"
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
    if m.kind == "weekend":
        return f"{iso_week(day, _weekend_weeks(m, day))}-WE"
    if m.kind in {"relative-day", TOLD_DAY}:
        return (day + dt.timedelta(days=m.shift)).isoformat()
    if m.kind == "weekday" and m.weekday is not None:
        return weekday_date(m, day).isoformat()
    return None


def _weekday_year(m: TimexMatch, year: int) -> int:
    """ "samedi 11 novembre": the year, or the neighbouring one the text's direction points to first,
    in which that day is that weekday; the year as computed when none is."""
    assert m.month is not None and m.day is not None
    step = -1 if m.direction < 0 else 1
    for y in (year, year + step, year - step):
        d = safe_date(y, m.month, m.day)
        if d is not None and d.weekday() == m.weekday:
            return y
    return year


def _season_year(year: int, month: int, season: str, shift: int) -> int:
    """The year of the season before (``shift`` -1) or after (+1) the anchor's ("l'été dernier" in July
    is last year's, in November this year's). Winter belongs to the year of its December."""
    # Seasons counted from spring of year 0: March–May spring, … December–February winter (of December's year).
    current = (year - 1) * 4 + 3 if month < 3 else year * 4 + min((month - 3) // 3, 3)
    target = SEASON_ORDER.index(season)
    k = current - ((current - target) % 4 or 4) if shift < 0 else current + ((target - current) % 4 or 4)
    return k // 4


def _weekend_weeks(m: TimexMatch, day: dt.date) -> int:
    """Weeks from the anchor's to the weekend meant: "le week-end dernier" the one before, "ce week-end"
    in a past clause on a weekday also the one before."""
    on_weekend = day.weekday() >= 5
    if m.shift < 0:
        return -1
    if m.shift > 0:
        return 1 if on_weekend else 0
    return -1 if m.direction < 0 and not on_weekend else 0


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
