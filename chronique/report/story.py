"""Exports a reader takes away: CSV of quotations and of timeline entries, and a story report as a
standalone HTML page or Markdown (its timeline picture, dated entries, sources and key quotes)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from chronique.cluster.describe import Story
from chronique.timeline import Entry
from chronique.timeline.plot import svg

QUOTE_COLUMNS = ["article_id", "start", "end", "kind", "speaker_id", "speaker", "cue", "confidence", "text"]
TIMELINE_COLUMNS = ["date", "granularity", "summary", "article_ids", "quotes"]


def _csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def _speaker(quote: Mapping[str, Any]) -> str:
    speaker = quote.get("speaker")  # an entity record, or a name in timeline entries
    if isinstance(speaker, Mapping):
        return str(speaker["name"])
    return str(speaker or quote.get("speaker_text") or "")


def quotes_csv(quotes: Iterable[Mapping[str, Any]]) -> str:
    """One row per quotation (RFC 4180, CRLF line ends, header first)."""
    return _csv(
        QUOTE_COLUMNS,
        (
            [
                q["article_id"],
                q["start"],
                q["end"],
                q["kind"],
                (q.get("speaker") or {}).get("entity_id") or "",
                _speaker(q),
                q.get("cue") or "",
                q.get("confidence"),
                q["text"],
            ]
            for q in quotes
        ),
    )


def timeline_csv(entries: Iterable[Entry]) -> str:
    """One row per timeline entry; article ids are space-separated, quotes as "speaker: text" lines."""
    return _csv(
        TIMELINE_COLUMNS,
        (
            [
                e.date,
                e.granularity,
                e.summary,
                " ".join(e.article_ids),
                "\n".join(f"{_speaker(q)}: {q['text']}" for q in e.quotes),
            ]
            for e in entries
        ),
    )


def story_markdown(story: Story, entries: Sequence[Entry], sources: Mapping[str, str] | None = None) -> str:
    """The story as Markdown: title, span, people, then each dated entry with its sources and quotes."""
    sources = sources or {}
    lines = [f"# {_md(story.title)}", ""]
    span = " – ".join(d for d in (story.first_date, story.last_date) if d)
    lines.append(
        f"{span} · {len(story.article_ids)} articles" if span else f"{len(story.article_ids)} articles"
    )
    if story.people:
        lines.append("")
        lines.append("People: " + ", ".join(_md(p) for p in story.people))
    if story.summary:
        lines += ["", _md(story.summary)]
    for e in entries:
        lines += ["", f"## {e.date}", "", _md(e.summary)]
        for sentence in e.sentences[1:]:
            lines += ["", _md(sentence)]
        named = sorted({sources.get(a) or a for a in e.article_ids})
        lines += ["", "Sources: " + ", ".join(_md(s) for s in named)]
        for q in e.quotes:
            lines += ["", f"> « {_md(q['text'])} » — {_md(_speaker(q)) or '?'}"]
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    """Text safe inside Markdown: no markup from an article becomes structure or HTML."""
    text = " ".join(text.split())
    for ch in "\\`*_[]<>#|":
        text = text.replace(ch, "\\" + ch)
    return text


def story_html(story: Story, entries: Sequence[Entry], sources: Mapping[str, str] | None = None) -> str:
    """The story as one standalone HTML page (styles inline, the picture embedded, text escaped)."""
    env = Environment(loader=PackageLoader("chronique.report", "templates"), autoescape=select_autoescape())
    links = [f"#entry-{i}" for i in range(len(entries))]
    return env.get_template("story.html").render(
        story=story,
        entries=entries,
        sources=sources or {},
        picture=Markup(svg(entries, story.title, links)),
        speaker=_speaker,
    )
