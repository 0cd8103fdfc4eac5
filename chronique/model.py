"""The data that flows between stages: plain, typed dataclasses with a JSON form.

``Document`` is what ingest produces (nothing interpreted yet); ``Article`` is a document after
cleaning and dating. Offsets of ``RemovedSpan`` point into ``raw_text``; offsets of later facts
(quotes, mentions, timexes) point into the cleaned ``text``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal

Granularity = Literal["day", "month", "year", "unknown"]
GRANULARITIES: tuple[Granularity, ...] = ("day", "month", "year", "unknown")

_WS = re.compile(r"\s+")


def content_id(text: str) -> str:
    """A stable article id from its content: the same text (up to whitespace and Unicode form) → same id."""
    norm = _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Document:
    """One input article as read: the raw text exactly as decoded and whatever metadata came with it."""

    raw_text: str
    origin: str  # where it came from, for messages: "samples/a.txt", "feed.jsonl:12", "<stdin>"
    file: str | None = None  # the source file name (gold files key on it)
    url: str | None = None
    title: str | None = None
    source: str | None = None  # the outlet (site name, sitename metadata, JSONL ``source``)
    language: str = "fr"
    declared_published: str | None = None  # JSONL ``published`` or HTML metadata date
    external_id: str | None = None  # an id the input gave (JSONL ``id``)
    encoding: str = "utf-8"
    original: str | None = None  # the original markup when the text was extracted from HTML
    crawled: str | None = None  # when a crawler fetched the page (WARC-Date), ISO 8601

    @property
    def id(self) -> str:
        return content_id(self.raw_text)


@dataclass(frozen=True, slots=True)
class RemovedSpan:
    """A span of ``raw_text`` that is not article content, and why."""

    start: int
    end: int
    reason: str
    text: str

    def as_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "reason": self.reason, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> RemovedSpan:
        return cls(int(d["start"]), int(d["end"]), str(d["reason"]), str(d["text"]))


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of cleaned text copied from ``raw_text``: maps cleaned offsets back to raw offsets."""

    text_start: int
    raw_start: int
    length: int


@dataclass(frozen=True, slots=True)
class PublicationDate:
    """When an article was published, as precisely as the evidence allows."""

    value: str | None  # "2018-07-24", "2018-07", "2018"; None when unknown
    granularity: Granularity
    evidence: str
    confidence: float = 0.0
    method: str = "unknown"  # declared | header | update-line | text | corpus | unknown
    partial: str | None = None  # what is known when the year is not, e.g. "XXXX-05-15"

    @classmethod
    def unknown(cls, evidence: str = "no date found", partial: str | None = None) -> PublicationDate:
        return cls(None, "unknown", evidence, 0.0, "unknown", partial)

    @property
    def known(self) -> bool:
        return self.value is not None

    def as_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "value": self.value,
            "granularity": self.granularity,
            "evidence": self.evidence,
            "confidence": round(self.confidence, 3),
            "method": self.method,
        }
        if self.partial:
            d["partial"] = self.partial
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> PublicationDate:
        given = d.get("granularity")
        gran: Granularity = next((g for g in GRANULARITIES if g == given), "unknown")
        return cls(
            d.get("value"),
            gran,
            d.get("evidence") or "",
            float(d.get("confidence") or 0.0),
            d.get("method") or "unknown",
            d.get("partial"),
        )


@dataclass(slots=True)
class Article:
    """A cleaned, dated article: the unit the store keeps and every later stage enriches."""

    id: str
    raw_text: str
    text: str
    file: str | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None
    language: str = "fr"
    removed: list[RemovedSpan] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    published: PublicationDate = field(default_factory=PublicationDate.unknown)
    external_id: str | None = None
    encoding: str = "utf-8"
    original: str | None = None
    declared_published: str | None = None
    seq: int | None = None  # ingest order, assigned by the store

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n\n") if p]

    def raw_offset(self, text_offset: int) -> int:
        """Map an offset of the cleaned text to the corresponding offset of ``raw_text``."""
        for seg in reversed(self.segments):
            if seg.text_start <= text_offset:
                return seg.raw_start + min(text_offset - seg.text_start, seg.length)
        return 0

    def to_contract(self) -> dict[str, Any]:
        """The article object of the public JSON export (DESIGN.md, "Contracts")."""
        return {
            "id": self.id,
            "file": self.file,
            "url": self.url,
            "title": self.title,
            "source": self.source,
            "language": self.language,
            "published": self.published.as_dict(),
            "text": self.text,
            "raw_text": self.raw_text,
            "removed": [r.as_dict() for r in self.removed],
            "quotes": [],
            "timexes": [],
            "mentions": [],
            "event_id": None,
            "story_id": None,
            "metadata": self.metadata,
            "external_id": self.external_id,
        }
