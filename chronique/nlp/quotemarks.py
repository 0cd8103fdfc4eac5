"""Quotation marks: which ones open, which close, and the balanced quotations of a text."""

from __future__ import annotations

OPENERS = {"«": "»", "“": "”", "„": "“", "‹": "›"}
CLOSERS = {"»", "”", "›"}
STRAIGHT = '"'
_QUOTE_CHARS = set(OPENERS) | CLOSERS | {STRAIGHT}


def quote_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(open, close) offsets of balanced quotation marks in ``text[start:end]``; unbalanced marks are
    left out, quotations nested in another are part of it."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    closer = ""
    depth = 0
    for i in range(start, end):
        ch = text[i]
        if ch not in _QUOTE_CHARS:
            continue
        if open_at is None:
            if ch in OPENERS or ch == STRAIGHT:
                open_at, closer, depth = i, OPENERS.get(ch, STRAIGHT), 0
            continue
        if ch == closer and depth == 0:
            spans.append((open_at, i))
            open_at = None
        elif ch in OPENERS and closer != STRAIGHT and ch != closer:
            depth += 1
        elif ch in CLOSERS and depth > 0:
            depth -= 1
    return spans
