"""Article text as safe HTML with its annotations marked: quotations (with their speaker beside),
recognised names and resolved dates. Every character of the article goes through ``escape``; the only
markup is ours."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote as url_quote

from markupsafe import Markup, escape

from chronique.dates.timex import Timex


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    kind: str  # mention | timex
    data: Mapping[str, Any]


def _disjoint(spans: Sequence[Any], start: Any, end: Any) -> list[Any]:
    """The spans in order of start, dropping any that overlaps one kept before it."""
    kept: list[Any] = []
    pos = -1
    for span in sorted(spans, key=lambda s: (start(s), -end(s))):
        if start(span) >= pos and end(span) > start(span):
            kept.append(span)
            pos = end(span)
    return kept


def _speaker_name(quote: Mapping[str, Any]) -> str:
    speaker = quote.get("speaker")
    return str(speaker["name"]) if speaker else str(quote.get("speaker_text") or "")


def annotated_text(
    text: str,
    quotes: Sequence[Mapping[str, Any]],
    mentions: Sequence[Mapping[str, Any]],
    timexes: Sequence[Timex],
    unknown_speaker: str = "?",
) -> Markup:
    """``text`` with quotations as ``span.quote`` (speaker in ``data-speaker`` and in a link beside),
    names as ``a.mention`` and dates as ``time.timex``; inner marks never cross a quotation's edge."""
    n = len(text)
    tops = _disjoint(
        [q for q in quotes if 0 <= q["start"] < q["end"] <= n], lambda q: q["start"], lambda q: q["end"]
    )
    marks = [_Mark(m["start"], m["end"], "mention", m) for m in mentions if 0 <= m["start"] < m["end"] <= n]
    marks += [
        _Mark(t.start, t.end, "timex", {"value": t.value}) for t in timexes if 0 <= t.start < t.end <= n
    ]
    inner = _disjoint(marks, lambda m: m.start, lambda m: m.end)
    edges = sorted({q["start"] for q in tops} | {q["end"] for q in tops})
    inner = [m for m in inner if not any(m.start < e < m.end for e in edges)]

    out: list[str] = []
    cursor = [0]  # index into inner

    def plain(a: int, b: int) -> None:
        pos = a
        while cursor[0] < len(inner) and inner[cursor[0]].end <= b:
            m = inner[cursor[0]]
            cursor[0] += 1
            if m.start < pos:
                continue
            out.append(str(escape(text[pos : m.start])))
            out.append(_mark_html(m, text[m.start : m.end]))
            pos = m.end
        out.append(str(escape(text[pos:b])))

    pos = 0
    for i, q in enumerate(tops):
        plain(pos, q["start"])
        name = _speaker_name(q)
        speaker = q.get("speaker")
        title = f"{name or unknown_speaker} · {q.get('kind', '')}" + (
            f" · {q['cue']}" if q.get("cue") else ""
        )
        out.append(
            f'<span class="quote" id="quote-{i}" data-speaker="{escape(name)}" title="{escape(title)}">'
        )
        plain(q["start"], q["end"])
        out.append("</span>")
        label = escape(name or unknown_speaker)
        if speaker:
            href = "/entities/" + url_quote(str(speaker["entity_id"]), safe="")
            out.append(f'<a class="speaker" href="{escape(href)}">— {label}</a>')
        else:
            out.append(f'<span class="speaker unknown">— {label}</span>')
        pos = q["end"]
    plain(pos, n)
    return Markup("".join(out))


def _mark_html(mark: _Mark, surface: str) -> str:
    if mark.kind == "timex":
        value = escape(mark.data.get("value") or "?")
        return f'<time class="timex" datetime="{value}" title="{value}">{escape(surface)}</time>'
    entity = mark.data.get("entity_id")
    label = escape(mark.data.get("label") or "")
    if entity:
        href = escape("/entities/" + url_quote(str(entity), safe=""))
        return f'<a class="mention {label}" href="{href}" title="{label}">{escape(surface)}</a>'
    return f'<span class="mention {label}" title="{label}">{escape(surface)}</span>'
