"""A timeline as a picture: a self-contained SVG of dated entries on a time axis.

Entries are dots on a horizontal axis, at their date's position (a month's or a year's middle for
coarser dates), sized by how many articles report them; labels alternate above and below the axis so
neighbours do not collide, each with its date and the start of its summary. Everything is escaped:
summaries come from article text.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from xml.sax.saxutils import escape

from chronique.dates.calendar import parse_iso
from chronique.timeline import Entry

WIDTH = 1000
MARGIN = 60
AXIS_Y = 220
HEIGHT = 440
LABEL_CHARS = 48
LEVELS = 3  # label heights on each side of the axis


def _ordinal(value: str | None) -> float | None:
    """Where a date lies on the axis: a day, the middle of a month or a year; None for what is not
    a calendar date (the entry is left out of the picture)."""
    found = parse_iso(value) if value else None
    if found is None or found.year is None:
        return None
    return dt.date(found.year, found.month or 7, found.day or (15 if found.month else 1)).toordinal()


def _short(text: str, n: int = LABEL_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def svg(entries: Sequence[Entry], title: str = "", links: Sequence[str] | None = None) -> str:
    """The SVG document of ``entries`` (oldest first); with ``links`` (one address per entry), each
    entry is a link, so the picture can be clicked in a page."""
    hrefs = dict(zip(map(id, entries), links, strict=True)) if links is not None else {}
    placed = [(e, _ordinal(e.date)) for e in entries]
    dated = [e for e, day in placed if day is not None]
    days = [day for _, day in placed if day is not None]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" font-size="12">',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
        *(
            [
                f'<text x="{MARGIN}" y="28" font-size="16" font-weight="bold">{escape(_short(title, 110))}</text>'
            ]
            if title.strip()
            else []
        ),
        f'<line x1="{MARGIN}" y1="{AXIS_Y}" x2="{WIDTH - MARGIN}" y2="{AXIS_Y}" stroke="#333" stroke-width="2"/>',
    ]
    if not dated:
        parts.append(f'<text x="{MARGIN}" y="{AXIS_Y - 12}">no dated entries</text></svg>')
        return "\n".join(parts)
    lo, hi = min(days), max(days)
    span = max(hi - lo, 1.0)

    def x_of(day: float) -> float:
        return MARGIN + (day - lo) / span * (WIDTH - 2 * MARGIN) if hi > lo else WIDTH / 2

    for year in range(dt.date.fromordinal(int(lo)).year, dt.date.fromordinal(int(hi)).year + 2):
        tick = dt.date(year, 1, 1).toordinal()
        if lo <= tick <= hi:
            x = x_of(tick)
            parts.append(
                f'<line x1="{x:.1f}" y1="{AXIS_Y - 6}" x2="{x:.1f}" y2="{AXIS_Y + 6}" stroke="#333"/>'
            )
            parts.append(
                f'<text x="{x:.1f}" y="{AXIS_Y + 20}" text-anchor="middle" fill="#555">{year}</text>'
            )
    for i, (entry, day) in enumerate(zip(dated, days, strict=True)):
        x = x_of(day)
        r = 5 + 3 * math.sqrt(len(entry.article_ids))
        above = i % 2 == 0
        level = (i // 2) % LEVELS
        y = AXIS_Y - 40 - 45 * level if above else AXIS_Y + 45 + 45 * level
        anchor = "start" if x < WIDTH / 2 else "end"
        dx = 6 if anchor == "start" else -6
        href = hrefs.get(id(entry))
        if href is not None:
            attr = escape(href, {'"': "&quot;"})
            parts.append(f'<a href="{attr}" class="entry-link">')
        parts.append(
            f'<g class="entry"><title>{escape(entry.date)}: {escape(entry.summary)}</title>'
            f'<line x1="{x:.1f}" y1="{AXIS_Y}" x2="{x:.1f}" y2="{y:.1f}" stroke="#999" stroke-dasharray="3,3"/>'
            f'<circle cx="{x:.1f}" cy="{AXIS_Y}" r="{r:.1f}" fill="#1f6fb2" fill-opacity="0.8"/>'
            f'<text x="{x + dx:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-weight="bold">{escape(entry.date)}'
            f" ({len(entry.article_ids)})</text>"
            f'<text x="{x + dx:.1f}" y="{y + 15:.1f}" text-anchor="{anchor}">{escape(_short(entry.summary))}</text></g>'
        )
        if href is not None:
            parts.append("</a>")
    parts.append("</svg>")
    return "\n".join(parts)
