"""Gold annotations (``gold-format.md``): loading, validation, and locating gold text in an article.

Gold gives text, not offsets, so everything here that compares text goes through the same
normalisation (whitespace incl. NBSP, case, quote characters) and the same word tokens.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from chronique.errors import GoldError

Span = tuple[int, int]
T = TypeVar("T")

GRANULARITIES = ("day", "month", "year", "unknown")
WHOLE_LINE_SUFFIX = " (...)"
SECOND_COPY_SUFFIX = " (second copy)"

_QUOTE_CHARS = str.maketrans({c: '"' for c in '"“”«»„‟‹›'} | {c: "'" for c in "'’‘‚ʼ`´"})
# Words, keeping combining accents attached in case a text arrives decomposed (NFD).
_WORD = re.compile(r"[\w\u0300-\u036f]+")
_LINE = re.compile(r"[^\r\n\u2028\u2029\x0b\x0c\x85]+")
_DATE_VALUE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


# --- the gold file -------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldDate:
    """A gold date: ``value`` is ``YYYY[-MM[-DD]]`` or None (unknown), at ``granularity``."""

    value: str | None
    granularity: str


@dataclass(frozen=True)
class GoldQuote:
    """One quotation; ``optional`` quotes count for recall only when the system finds them."""

    text: str
    speaker: str | None
    kind: str | None = None
    cue: str | None = None
    optional: bool = False


@dataclass(frozen=True)
class GoldTimex:
    """A temporal expression as it reads in the text, with its TIMEX3 value (None when the annotator
    could not know it: a relative date in an article whose publication date is unknown)."""

    text: str
    value: str | None


@dataclass(frozen=True)
class GoldArticle:
    """Gold for one article; a field left ``None`` was not annotated (which is not "none")."""

    file: str
    publication_date: GoldDate | None = None
    title: str | None = None
    boilerplate: tuple[str, ...] | None = None
    metadata_lines: tuple[str, ...] | None = None
    off_topic_inserts: tuple[str, ...] | None = None
    quotes: tuple[GoldQuote, ...] | None = None
    timexes: tuple[GoldTimex, ...] | None = None
    reused_from: Mapping[str, tuple[str, ...]] | None = None
    story: str | None = None  # a label shared by the gold articles of one story (Chronique extension)
    event: str | None = None  # a label shared by the gold articles of one event

    @property
    def noise_annotated(self) -> bool:
        """Whether any of boilerplate, metadata lines or off-topic inserts was annotated."""
        return any(f is not None for f in (self.boilerplate, self.metadata_lines, self.off_topic_inserts))


@dataclass(frozen=True)
class GoldEntity:
    """A canonical entity and the other names it goes by."""

    name: str
    type: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class GoldTimelineEntry:
    """An event of a story's timeline: its date (``YYYY[-MM[-DD]]``), a description, its sources, and
    (a reference timeline of timeline-summarisation research) the sentences a journalist wrote for it."""

    date: str
    event: str
    articles: tuple[str, ...]
    sentences: tuple[str, ...] = ()

    @property
    def granularity(self) -> str:
        return granularity_of(self.date)


@dataclass(frozen=True)
class GoldTimeline:
    """The expected timeline of one story."""

    story: str
    entries: tuple[GoldTimelineEntry, ...]


@dataclass(frozen=True)
class Gold:
    """A whole gold file. ``entities``/``timelines`` are None when not annotated."""

    articles: Mapping[str, GoldArticle]
    entities: Mapping[str, GoldEntity] | None = None
    timelines: tuple[GoldTimeline, ...] | None = None
    path: Path | None = None


def load_gold(path: str | Path) -> Gold:
    """Read and validate a gold file; raise ``GoldError`` naming the file and the faulty field."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read gold file: {exc}") from exc
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise GoldError(f"{path}: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from exc
    return parse_gold(data, origin=str(path), path=path)


def parse_gold(data: Any, *, origin: str = "<gold>", path: Path | None = None) -> Gold:
    """Build a ``Gold`` from already-decoded JSON; ``origin`` names the source in error messages."""
    reader = _Reader(origin)
    if isinstance(data, list):  # a reference timeline alone (CL-TLS, timeline17): [{"date", "sentences"}]
        if not data:
            raise reader.fail("the top level", "expected an object, or a non-empty reference timeline")
        data = {"timelines": [{"story": "", "entries": data}]}
    top = reader.object(data, "the top level")
    articles: dict[str, GoldArticle] = {}
    for name, value in reader.object(top.get("articles", {}), "articles").items():
        articles[name] = reader.article(name, value)
    entities = None
    if "entities" in top:
        entities = {
            name: reader.entity(name, value)
            for name, value in reader.object(top["entities"], "entities").items()
        }
    timelines = None
    if "timelines" in top:
        timelines = tuple(
            reader.timeline(i, t) for i, t in enumerate(reader.array(top["timelines"], "timelines"))
        )
    return Gold(articles=articles, entities=entities, timelines=timelines, path=path)


class _Reader:
    """Checks the shape of each gold field, with error messages that say where the problem is."""

    def __init__(self, origin: str) -> None:
        self.origin = origin

    def fail(self, where: str, problem: str) -> GoldError:
        return GoldError(f"{self.origin}: {where}: {problem} (see gold-format.md)")

    def object(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, f"expected an object, got {type(value).__name__}")
        return value

    def array(self, value: Any, where: str) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail(where, f"expected a list, got {type(value).__name__}")
        return value

    def string(self, value: Any, where: str) -> str:
        if not isinstance(value, str):
            raise self.fail(where, f"expected a string, got {type(value).__name__}")
        return value

    def optional_string(self, value: Any, where: str) -> str | None:
        return None if value is None else self.string(value, where)

    def each(self, value: Any, where: str, read: Callable[[Any, str], T]) -> tuple[T, ...]:
        return tuple(read(v, f"{where}[{i}]") for i, v in enumerate(self.array(value, where)))

    def strings(self, value: Any, where: str) -> tuple[str, ...]:
        return self.each(value, where, self.string)

    def date_value(self, value: Any, where: str) -> str:
        text = self.string(value, where)
        if not _DATE_VALUE.fullmatch(text):
            raise self.fail(where, f"expected a date YYYY, YYYY-MM or YYYY-MM-DD, got {text!r}")
        return text

    def article(self, name: str, value: Any) -> GoldArticle:
        where = f"articles[{name!r}]"
        obj = self.object(value, where)

        def optional(key: str, read: Callable[[Any, str], T]) -> T | None:
            return read(obj[key], f"{where}.{key}") if key in obj else None

        return GoldArticle(
            file=name,
            publication_date=optional("publication_date", self.date),
            title=self.optional_string(obj.get("title"), f"{where}.title"),
            boilerplate=optional("boilerplate", self.strings),
            metadata_lines=optional("metadata_lines", self.strings),
            off_topic_inserts=optional("off_topic_inserts", self.strings),
            quotes=optional("quotes", lambda v, w: self.each(v, w, self.quote)),
            timexes=optional("timexes", lambda v, w: self.each(v, w, self.timex)),
            reused_from=optional("reused_from", self.reuse),
            story=self.optional_string(obj.get("story"), f"{where}.story"),
            event=self.optional_string(obj.get("event"), f"{where}.event"),
        )

    def reuse(self, value: Any, where: str) -> dict[str, tuple[str, ...]]:
        return {
            other: self.strings(p, f"{where}[{other!r}]") for other, p in self.object(value, where).items()
        }

    def date(self, value: Any, where: str) -> GoldDate:
        obj = self.object(value, where)
        granularity = self.string(obj.get("granularity", "unknown"), f"{where}.granularity")
        if granularity not in GRANULARITIES:
            raise self.fail(f"{where}.granularity", f"expected one of {', '.join(GRANULARITIES)}")
        raw_value = obj.get("value")
        date = None if raw_value is None else self.date_value(raw_value, f"{where}.value")
        if date is not None and granularity != "unknown" and granularity_of(date) != granularity:
            raise self.fail(where, f"value {date!r} does not have granularity {granularity!r}")
        if date is not None and granularity == "unknown":
            granularity = granularity_of(date)
        return GoldDate(date, granularity)

    def quote(self, value: Any, where: str) -> GoldQuote:
        obj = self.object(value, where)
        optional = obj.get("optional", False)
        if not isinstance(optional, bool):
            raise self.fail(f"{where}.optional", "expected true or false")
        return GoldQuote(
            text=self.string(obj.get("text"), f"{where}.text"),
            speaker=self.optional_string(obj.get("speaker"), f"{where}.speaker"),
            kind=self.optional_string(obj.get("kind"), f"{where}.kind"),
            cue=self.optional_string(obj.get("cue"), f"{where}.cue"),
            optional=optional,
        )

    def timex(self, value: Any, where: str) -> GoldTimex:
        obj = self.object(value, where)
        return GoldTimex(
            self.string(obj.get("text"), f"{where}.text"),
            self.optional_string(obj.get("value"), f"{where}.value"),
        )

    def entity(self, name: str, value: Any) -> GoldEntity:
        where = f"entities[{name!r}]"
        obj = self.object(value, where)
        aliases = self.strings(obj.get("aliases", []), f"{where}.aliases")
        return GoldEntity(name, self.optional_string(obj.get("type"), f"{where}.type"), aliases)

    def timeline(self, index: int, value: Any) -> GoldTimeline:
        where = f"timelines[{index}]"
        obj = self.object(value, where)
        entries = []
        for i, entry in enumerate(self.array(obj.get("entries", []), f"{where}.entries")):
            e_where = f"{where}.entries[{i}]"
            e = self.object(entry, e_where)
            entries.append(
                GoldTimelineEntry(
                    date=self.date_value(e.get("date"), f"{e_where}.date"),
                    event=self.string(e.get("event", ""), f"{e_where}.event"),
                    articles=self.strings(e.get("articles", []), f"{e_where}.articles"),
                    sentences=self.strings(e.get("sentences", []), f"{e_where}.sentences"),
                )
            )
        story = self.string(obj.get("story", ""), f"{where}.story")
        return GoldTimeline(story, tuple(entries))


def granularity_of(value: str) -> str:
    """The granularity a ``YYYY[-MM[-DD]]`` value is written at."""
    return {4: "year", 7: "month", 10: "day"}.get(len(value), "unknown")


# --- comparing and locating text -----------------------------------------------------------------


class Token(NamedTuple):
    """A word of a text: its comparison key and its character offsets."""

    key: str
    start: int
    end: int


def normalise_text(text: str) -> str:
    """Text as gold compares it: quote characters unified, case folded, whitespace (NBSP too) collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).translate(_QUOTE_CHARS).casefold().split())


def tokenise(text: str) -> list[Token]:
    """The words of ``text`` with their offsets; punctuation, quotes and spacing are not tokens."""
    return [
        Token(unicodedata.normalize("NFC", m.group().casefold()), m.start(), m.end())
        for m in _WORD.finditer(text)
    ]


def locate(text: str, needle: str, tokens: Sequence[Token] | None = None) -> list[Span]:
    """Every non-overlapping occurrence of ``needle`` in ``text``, compared word by word.

    Comparing words makes the search blind to spacing, case, quote characters and punctuation, which
    is what the format's normalisation asks for and more robust to «  » vs ``"`` spacing.
    Pass ``tokens`` (``tokenise(text)``) to avoid re-tokenising a text searched many times.
    """
    keys = [t.key for t in tokenise(needle)]
    if not keys:
        stripped = needle.strip()
        return [(m.start(), m.end()) for m in re.finditer(re.escape(stripped), text)] if stripped else []
    hay = tokenise(text) if tokens is None else tokens
    spans: list[Span] = []
    i, n = 0, len(keys)
    while i + n <= len(hay):
        if hay[i].key == keys[0] and all(hay[i + j].key == keys[j] for j in range(1, n)):
            spans.append((hay[i].start, hay[i + n - 1].end))
            i += n
        else:
            i += 1
    return spans


# --- resolving boilerplate entries to spans of the raw text --------------------------------------


@dataclass(frozen=True)
class ResolvedEntry:
    """A gold boilerplate/metadata entry and the raw-text span it stands for (None when not found)."""

    entry: str
    span: Span | None
    problem: str = ""


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    keys: tuple[str, ...]
    norm: str


def _lines(text: str) -> list[_Line]:
    """The non-blank lines of ``text``, each span stripped of surrounding whitespace."""
    lines = []
    for m in _LINE.finditer(text):
        body = m.group()
        stripped = body.strip()
        if not stripped:
            continue
        start = m.start() + (len(body) - len(body.lstrip()))
        end = start + len(stripped)
        lines.append(_Line(start, end, tuple(t.key for t in tokenise(stripped)), normalise_text(stripped)))
    return lines


def resolve_entries(entries: Sequence[str], raw_text: str) -> list[ResolvedEntry]:
    """Resolve a list of gold boilerplate-like entries to spans of ``raw_text``, following the conventions.

    ``X (...)`` is the whole line starting with X; ``X (second copy)`` the second occurrence of X;
    X listed n times is its first n occurrences. A plain entry is a whole line when one matches,
    else a passage anywhere in the text (a paragraph over several lines, or part of a line).
    """
    lines = _lines(raw_text)
    tokens = tokenise(raw_text)
    seen: dict[tuple[str, str], int] = {}
    resolved = []
    for entry in entries:
        if entry.endswith(WHOLE_LINE_SUFFIX):
            body = entry[: -len(WHOLE_LINE_SUFFIX)]
            key = ("prefix", normalise_text(body))
            occurrence = seen.get(key, 0)
            seen[key] = occurrence + 1
            candidates = _lines_starting_with(lines, body)
        else:
            second_copy = entry.endswith(SECOND_COPY_SUFFIX)
            body = entry[: -len(SECOND_COPY_SUFFIX)] if second_copy else entry
            key = ("text", normalise_text(body))
            if second_copy:
                occurrence = 1
            else:
                occurrence = seen.get(key, 0)
                seen[key] = occurrence + 1
            candidates = _whole_lines(lines, body) or locate(raw_text, body, tokens)
        if occurrence < len(candidates):
            resolved.append(ResolvedEntry(entry, candidates[occurrence]))
        else:
            found = (
                f"found {len(candidates)} occurrence(s), need #{occurrence + 1}"
                if candidates
                else "not found"
            )
            resolved.append(ResolvedEntry(entry, None, found))
    return resolved


def _whole_lines(lines: Sequence[_Line], body: str) -> list[Span]:
    keys = tuple(t.key for t in tokenise(body))
    if keys:
        return [(ln.start, ln.end) for ln in lines if ln.keys == keys]
    norm = normalise_text(body)
    return [(ln.start, ln.end) for ln in lines if norm and ln.norm == norm]


def _lines_starting_with(lines: Sequence[_Line], prefix: str) -> list[Span]:
    keys = tuple(t.key for t in tokenise(prefix))
    if keys:
        return [(ln.start, ln.end) for ln in lines if ln.keys[: len(keys)] == keys]
    norm = normalise_text(prefix)
    return [(ln.start, ln.end) for ln in lines if norm and ln.norm.startswith(norm)]
