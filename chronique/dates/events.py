"""Event dating: each sentence that reports something gets the day it happened on — its own resolved
temporal expression where it has one, else the publication date with a lower confidence. The raw
material for timelines."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from chronique.dates.calendar import PartialDate, parse_iso
from chronique.dates.timex import TOLD_DAY, Timex, TimexMatch, find_timexes, resolve_all
from chronique.lang import LanguageData
from chronique.nlp.quotemarks import quote_spans

# A sentence ends at . ! ? … (and closing quotes) before a space and an upper-case letter or a quote,
# or at a line break (a line of a news text is a paragraph, a title or a caption: never half a
# sentence). "M. Poutine" is not a sentence end.
_SENTENCE_END = re.compile(
    # The leading lookahead lets the engine skip every position that is not a stop or a line break
    # before trying the lookbehinds (eight times faster on news text).
    r"(?=[.!?…\n])(?:(?<!\b[A-ZÀ-Ý])(?<!\bMme)(?<!\bMM)(?<!\bDr)(?<!\bPr)(?<!\bMe)(?<!\bSt)[.!?…]+(?:\s?[»”]|[\"')])*\s+(?=[\"«“A-ZÀ-Ý])"
    r"|\n+"
    # Copy that lost its spaces: "…de Benghazi.\"Trente-huit", "…M. Kadhafi.Face à"
    r"|[.!?](?<=[a-zà-ÿ]{3}[.!?])(?=[\"«“]?[A-ZÀ-Ý][a-zà-ÿ]))"
)

# A day with a part of it dates a sentence ("vendredi en fin d'après-midi"); "ce soir" and "cette nuit",
# most often in a quotation or a post (the speaker's now), do not.
_DAYS_WITH_PARTS = frozenset({"date", "weekday", TOLD_DAY})
CONFIDENCE_OWN = 0.8  # the sentence dates itself
CONFIDENCE_BACKGROUND = 0.7  # … with background only ("retenue depuis le 23 février 2002")
CONFIDENCE_PUBLICATION = 0.4  # nothing in the sentence: it happened around publication


@dataclass(frozen=True, slots=True)
class DatedSentence:
    start: int
    end: int
    text: str
    value: str | None  # TIMEX3 value of the day (or coarser) the sentence reports
    confidence: float
    evidence: str  # the expression that dated it, or "publication date"

    def as_dict(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "confidence": self.confidence,
            "evidence": self.evidence,
        }


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text`` (offsets), without surrounding spaces; no sentence ends inside a
    quotation ("« Nous avons parlé. J'espère … », a-t-il dit" is one sentence)."""
    spans = _split(text)
    quotes = quote_spans(text)
    if not quotes:
        return spans
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and any(qs < merged[-1][1] <= qe for qs, qe in quotes):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def _split(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.start() + len(m.group(0).rstrip())
        if m.group(0).startswith("\n"):
            end = m.start()
        _append(text, start, end, spans)
        start = m.end()
    _append(text, start, len(text), spans)
    return spans


def _append(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def date_sentences(text: str, published: PartialDate, lang: LanguageData) -> list[DatedSentence]:
    """Every sentence of ``text`` with the date it reports."""
    matches = find_timexes(text, lang)
    resolved = dict(zip(matches, resolve_all(matches, published), strict=True))
    out = []
    for start, end in sentences(text):
        own = [m for m in matches if start <= m.start and m.end <= end]
        # a pluperfect's date or a state's start ("depuis jeudi soir") is background
        chosen, confidence = (
            _event_timex([m for m in own if not (m.anterior or m.since)], resolved),
            CONFIDENCE_OWN,
        )
        if chosen is None:  # a pluperfect's or a state's start: what came before, not what happened
            chosen, confidence = _event_timex(own, resolved), CONFIDENCE_BACKGROUND
        if chosen is not None:
            timex, m = chosen
            out.append(DatedSentence(start, end, text[start:end], timex.value, confidence, m.text))
        else:
            out.append(
                DatedSentence(
                    start, end, text[start:end], published.value(), CONFIDENCE_PUBLICATION, "publication date"
                )
            )
    return out


def _event_timex(
    matches: list[TimexMatch], resolved: dict[TimexMatch, Timex]
) -> tuple[Timex, TimexMatch] | None:
    """The expression that dates the sentence's event: the most precise DATE that resolves, or the day of
    a day's part ("vendredi en fin d'après-midi"; not a clock time, not "ce soir"); a bare year only when it is the
    sentence's one expression ("en 2016" in a sentence is usually background); at equal precision, a
    date the sentence gives before a day taken up from an earlier one ("la veille … mercredi")."""
    best: tuple[tuple[int, bool], Timex, TimexMatch] | None = None
    for m in matches:
        timex = resolved[m]
        if timex.type == "TIME" and m.kind in _DAYS_WITH_PARTS and m.hour is None and timex.value:
            day = timex.value[:10]
            timex = replace(timex, type="DATE", value=day) if parse_iso(day) is not None else timex
        if timex.type != "DATE" or timex.value is None or (m.kind == "year" and len(matches) > 1):
            continue
        precision = (len(timex.value), m.kind != TOLD_DAY)
        if best is None or precision > best[0]:
            best = (precision, timex, m)
    return (best[1], best[2]) if best else None
