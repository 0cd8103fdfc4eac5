"""Boilerplate learned from the corpus: a short line that recurs in many articles of one source.

Rules catch what French sites share; this catches what one site repeats (its own newsletter pitch,
its own footer) without anyone listing it. Wire copy also recurs, but as long sentences: only lines
that are short or do not end like a sentence can be learned.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from chronique.clean.lines import line_key, split_lines

_STATEMENT_END = re.compile(r"[.…][\"»”')]*$")
_SENTENCE_END = re.compile(r"[.!?…][\"»”')]*$")
MAX_WORDS = 12  # longer lines that end like a sentence are content, even when repeated (wire copy)
MAX_ASKING_WORDS = 25  # a question or an exclamation this long is a teaser's headline more than copy


def learnable(text: str) -> bool:
    words = len(text.split())
    if words == 0 or words > 40:
        return False
    if words <= MAX_WORDS or not _SENTENCE_END.search(text):
        return True
    return words <= MAX_ASKING_WORDS and not _STATEMENT_END.search(text)


def source_key(source: str | None) -> str:
    return (source or "").strip().lower()


def article_line_keys(raw_text: str) -> set[str]:
    """The learnable lines of one article, each counted once."""
    return {line_key(line.text) for line in split_lines(raw_text) if not line.empty and learnable(line.text)}


@dataclass
class LineStats:
    """How many articles of each source contain each learnable line."""

    min_articles: int = 3
    min_share: float = 0.1
    articles: Counter[str] = field(default_factory=Counter)  # source → number of articles
    lines: Counter[tuple[str, str]] = field(default_factory=Counter)  # (source, line key) → articles
    # Increments since the counts were loaded, for the store to add to its own.
    new_articles: Counter[str] = field(default_factory=Counter)
    new_lines: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, source: str | None, keys: Iterable[str]) -> None:
        s = source_key(source)
        self.articles[s] += 1
        self.new_articles[s] += 1
        for key in keys:
            self.lines[(s, key)] += 1
            self.new_lines[(s, key)] += 1

    def saved(self) -> None:
        """The store has added the increments to its counts."""
        self.new_articles.clear()
        self.new_lines.clear()

    def is_boilerplate(self, source: str | None, key: str) -> bool:
        s = source_key(source)
        n = self.lines.get((s, key), 0)
        total = self.articles.get(s, 0)
        return n >= self.min_articles and total > 0 and n / total >= self.min_share
