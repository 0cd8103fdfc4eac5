"""Lines of raw text with their offsets, and the normal form used to compare them."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_WS = re.compile(r"\s+")
_QUOTES = str.maketrans({"“": '"', "”": '"', "«": '"', "»": '"', "„": '"', "’": "'", "‘": "'"})


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the raw text: ``start``/``end`` bound its stripped content (no newline, no edge spaces)."""

    index: int
    start: int
    end: int
    text: str

    @property
    def empty(self) -> bool:
        return self.start == self.end


def split_lines(raw: str) -> list[Line]:
    lines = []
    for i, m in enumerate(_LINE.finditer(raw)):
        body = m.group(0).rstrip("\r\n")
        if not m.group(0):
            break
        lead = len(body) - len(body.lstrip())
        stripped = body.strip()
        start = m.start() + lead
        lines.append(Line(i, start, start + len(stripped), stripped))
    return lines


def normalise(text: str) -> str:
    """Case-, space- and quote-insensitive form of a line, for comparing lines across articles."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTES).lower()
    return _WS.sub(" ", text).strip()


def line_key(text: str) -> str:
    """A short stable hash of a line's normal form (what the store counts for learned boilerplate)."""
    return hashlib.blake2b(normalise(text).encode("utf-8"), digest_size=8).hexdigest()
