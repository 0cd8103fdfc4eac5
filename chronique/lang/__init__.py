"""Language-specific knowledge behind one interface.

Each language is a data module (``chronique/lang/fr.py``) exposing the names below; the algorithms
only ever see a :class:`LanguageData`. Adding a language is adding a module, not editing a stage.
"""

from __future__ import annotations

import importlib
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path


@dataclass(frozen=True, eq=False)  # compared (and hashed) by identity: one instance per language
class LanguageData:
    code: str
    months: dict[str, int]  # every accepted spelling → 1..12
    weekdays: dict[str, int]  # every accepted spelling → 0 (Monday) .. 6
    seasons: dict[str, str]  # name → TIMEX3 season code (SP, SU, FA, WI)
    # Boilerplate: (reason, compiled pattern matched at the start of a stripped line).
    boilerplate_lines: tuple[tuple[str, re.Pattern[str]], ...]
    # Headers of related-article blocks: the lines that follow are headlines, not content.
    related_headers: re.Pattern[str]
    # A headline under a related block: short, no sentence punctuation at its end.
    headline: re.Pattern[str]
    # Metadata lines: (kind, pattern). Patterns match at the start of a line; group "value" holds
    # the metadata, the match end is the end of the removed span.
    metadata_lines: tuple[tuple[str, re.Pattern[str]], ...]
    # An embedded social-media caption glued to the next sentence: the match is removed.
    embed_caption: re.Pattern[str]
    embed_line: re.Pattern[str]
    # Words of relative time.
    relative_words: dict[str, str]
    # A clause that attributes speech ("a déclaré mardi le conseiller …"): a date inside it dates the
    # statement, not what was said.
    attribution: re.Pattern[str]
    past_cues: re.Pattern[str]
    future_cues: re.Pattern[str]
    # Words that are never content words when comparing articles.
    stopwords: frozenset[str]

    def document_frequencies(self) -> tuple[dict[str, int], int]:
        """Background document frequencies of words in this language's news (``<code>_df.json``)."""
        return _document_frequencies(self.code)


_SUPPORTED = ("fr",)


@cache
def _document_frequencies(code: str) -> tuple[dict[str, int], int]:
    path = Path(__file__).with_name(f"{code}_df.json")
    if not path.exists():
        return {}, 0
    data = json.loads(path.read_text(encoding="utf-8"))
    return data["df"], int(data["documents"])


@cache
def get_language(code: str) -> LanguageData:
    """The data of language ``code``; unknown languages fall back to French (the sample corpus)."""
    code = (code or "fr").lower().split("-")[0]
    if code not in _SUPPORTED:
        code = "fr"
    module = importlib.import_module(f"chronique.lang.{code}")
    data: LanguageData = module.DATA
    return data


def supported_languages() -> tuple[str, ...]:
    return _SUPPORTED
