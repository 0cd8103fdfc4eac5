"""HTML pages → a document through trafilatura (main text, title, date, site)."""

from __future__ import annotations

import re
from urllib.parse import urlparse

from chronique.errors import InputError
from chronique.model import Document

# Dates from markup only: htmldate's "extensive search" reads dates from the visible text, where a
# page-render "© 2024" or a sidebar's dates would pass for the publication date.
MIN_WORDS = 12  # less than a sentence: a menu, a cookie banner, an error page
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


# Block elements: a browser never runs the text before one into the text inside it, but an extractor
# flattening a block that broken markup nested in an inline one ("<b>juin<div>Publicité") does.
_BLOCK_START = re.compile(
    r"<(?=(?:address|article|aside|blockquote|br|dd|div|dl|dt|figcaption|figure|footer|form|h[1-6]|header"
    r"|hr|li|main|nav|ol|p|section|table|td|th|tr|ul)\b)",
    re.IGNORECASE,
)


def looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or ("<body" in head and "</" in head)


def document_from_html(html: str, origin: str, **known: str | None) -> Document:
    """Extract the article of ``html``; values in ``known`` (from a JSONL line) take precedence."""
    import trafilatura  # imported here: loading it costs ~0.3 s that plain-text runs need not pay

    try:
        doc = trafilatura.bare_extraction(
            _BLOCK_START.sub("\n<", html),
            url=known.get("url"),
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as exc:  # trafilatura/lxml raise many types on hostile markup
        raise InputError(origin, f"cannot parse the HTML ({type(exc).__name__}: {exc})") from exc
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    words = len(text.split())
    if words < MIN_WORDS:
        raise InputError(origin, f"HTML page with no article text ({words} words extracted)")
    url = known.get("url") or getattr(doc, "url", None)
    source = known.get("source") or getattr(doc, "sitename", None) or getattr(doc, "hostname", None)
    if not source and url:
        source = urlparse(url).hostname
    return Document(
        raw_text=text,
        origin=origin,
        file=known.get("file"),
        url=url,
        title=known.get("title") or getattr(doc, "title", None),
        source=source,
        language=known.get("language") or getattr(doc, "language", None) or "fr",
        declared_published=known.get("published") or getattr(doc, "date", None),
        external_id=known.get("external_id"),
        encoding=known.get("encoding") or "utf-8",
        original=html,
        crawled=known.get("crawled"),
    )
