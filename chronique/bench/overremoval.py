"""Over-removal check: on clean articles (title line, then content), the cleaner should remove the title only.

An article passes when no removed span touches a non-empty line other than its first (the title),
whatever the span's reason: a content line taken for a title is over-removal too.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chronique.errors import InputError
from chronique.ingest import read_inputs
from chronique.pipeline import analyse
from chronique.settings import Settings

TARGET = 0.98  # acceptance: share of clean articles with nothing but the title removed
_LINE = re.compile(r"[^\r\n]*")


@dataclass(frozen=True)
class Removal:
    """A removed span that touches a content line: where, why, what (and the whole line, for context)."""

    file: str
    line: int  # 1-based line number in the file
    reason: str
    text: str
    line_text: str
    repeats_earlier: bool = False  # the line repeats an earlier line of the article (up to spacing and case)

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "reason": self.reason,
            "text": self.text,
            "line_text": self.line_text,
            "repeats_earlier": self.repeats_earlier,
        }


@dataclass
class OverRemovalResult:
    folder: str
    articles: int = 0
    clean_articles: int = 0  # nothing but the title line removed
    title_removed: int = 0  # articles whose first line was removed with reason "title"
    content_lines: int = 0  # non-empty lines other than the first, over all articles
    content_lines_removed: int = 0  # of those, lines touched by a removed span
    removals: list[Removal] = field(default_factory=list)
    titles_kept: list[tuple[str, str]] = field(
        default_factory=list
    )  # (file, first line) not removed as a title
    errors: list[str] = field(default_factory=list)
    target: float = TARGET

    @property
    def share(self) -> float:
        return self.clean_articles / self.articles if self.articles else 1.0

    @property
    def meets_target(self) -> bool:
        return self.share >= self.target

    @property
    def by_reason(self) -> Counter[str]:
        return Counter(r.reason for r in self.removals)

    @property
    def repeats_earlier(self) -> int:
        """Removals of a line that repeats an earlier line of its article (a source-side duplicate)."""
        return sum(1 for r in self.removals if r.repeats_earlier)

    @property
    def offending_files(self) -> list[str]:
        return sorted({r.file for r in self.removals})

    def as_dict(self) -> dict[str, Any]:
        return {
            "folder": self.folder,
            "articles": self.articles,
            "clean_articles": self.clean_articles,
            "share": round(self.share, 4),
            "target": self.target,
            "meets_target": self.meets_target,
            "title_removed": self.title_removed,
            "content_lines": self.content_lines,
            "content_lines_removed": self.content_lines_removed,
            "by_reason": dict(self.by_reason),
            "repeats_earlier": self.repeats_earlier,
            "removals": [r.as_dict() for r in self.removals],
            "titles_kept": [{"file": f, "line": t} for f, t in self.titles_kept],
            "errors": self.errors,
        }

    def format(self) -> str:
        verdict = "meets" if self.meets_target else "MISSES"
        lines = [
            f"Cleaning over-removal on {self.folder}",
            f"  articles: {self.articles}" + (f" ({len(self.errors)} unreadable)" if self.errors else ""),
            f"  nothing but the title removed: {self.clean_articles} ({self.share:.1%}; "
            f"target ≥ {self.target:.0%}: {verdict})",
            f"  title line removed as a title: {self.title_removed}",
            f"  content lines removed: {self.content_lines_removed} of {self.content_lines}",
        ]
        if self.removals:
            reasons = ", ".join(f"{reason} {n}" for reason, n in self.by_reason.most_common())
            lines.append(f"  by reason: {reasons}")
            lines.append(
                f"  of which lines repeating an earlier line of their article: {self.repeats_earlier}"
            )
            lines.append("  removed from content lines:")
            for r in self.removals:
                again = " (repeats an earlier line)" if r.repeats_earlier else ""
                lines.append(f"    {r.file}:{r.line} [{r.reason}]{again} {r.text!r}")
                if r.text.strip() != r.line_text.strip():
                    lines.append(f"        in line: {r.line_text!r}")
        if self.titles_kept:
            lines.append(
                f"  first line not removed as a title (under-removal, for information): {len(self.titles_kept)}"
            )
            lines.extend(f"    {f}: {t!r}" for f, t in self.titles_kept)
        for error in self.errors:
            lines.append(f"  unreadable: {error}")
        return "\n".join(lines)


def overremoval(folder: str, *, today: dt.date | None = None) -> OverRemovalResult:
    """Clean every ``.txt`` article of ``folder`` and count what was removed beyond each title line."""
    settings = Settings()
    result = OverRemovalResult(folder=folder)
    for path in sorted(Path(folder).glob("*.txt")):
        for item in read_inputs([str(path)], settings.max_file_bytes, settings.max_line_bytes):
            if isinstance(item, InputError):
                result.errors.append(str(item.message))
                continue
            article = analyse(item, today=today)
            result.articles += 1
            lines = _nonempty_lines(article.raw_text)
            first = lines[0] if lines else None
            if first is not None and any(
                r.reason == "title" and r.start < first[1] and r.end > first[0] for r in article.removed
            ):
                result.title_removed += 1
            elif first is not None:
                result.titles_kept.append((path.name, first[2]))
            result.content_lines += max(0, len(lines) - 1)
            touched: set[int] = set()
            for span in article.removed:
                for i, (start, end, text) in enumerate(lines[1:], start=1):
                    if span.start < end and span.end > start:
                        touched.add(i)
                        earlier = {_norm(t) for _, _, t in lines[:i]}
                        number = _line_number(article.raw_text, start)
                        removal = Removal(
                            path.name, number, span.reason, span.text, text, _norm(text) in earlier
                        )
                        result.removals.append(removal)
            result.content_lines_removed += len(touched)
            if not touched:
                result.clean_articles += 1
    return result


def _nonempty_lines(raw: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of each line with text, bounds without the line end or edge spaces."""
    out = []
    for m in _LINE.finditer(raw):
        text = m.group(0)
        stripped = text.strip()
        if stripped:
            start = m.start() + len(text) - len(text.lstrip())
            out.append((start, start + len(stripped), stripped))
    return out


def _norm(text: str) -> str:
    return " ".join(text.split()).lower()


def _line_number(raw: str, offset: int) -> int:
    """1-based line number of ``offset`` (CRLF, LF and CR count as one line end each)."""
    before = raw[:offset]
    return before.count("\n") + before.count("\r") - before.count("\r\n") + 1
