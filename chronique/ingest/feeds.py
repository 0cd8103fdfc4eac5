"""RSS and Atom feeds → documents, and pages fetched from the web — only ever from addresses the
user gave (a feed's URL, a page's URL), never on Chronique's own initiative.

A feed entry whose content carries the article (``content:encoded``, Atom ``content``) becomes a
document as is. When it only has a teaser and the feed came from a URL the user gave, the entry's
page is fetched and its article extracted; from a feed file, nothing is fetched and a teaser too short
to be an article is reported.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator

from chronique.errors import InputError
from chronique.ingest.decode import decode
from chronique.ingest.html import MIN_WORDS, document_from_html
from chronique.ingest.readers import Item, without_nul
from chronique.model import Document

FEED_SUFFIXES = {".rss", ".atom", ".xml"}
FULL_TEXT_WORDS = 150  # an entry with fewer words is a teaser: its page holds the article
USER_AGENT = "Chronique/0.1 (news analysis; +https://example.org/chronique)"
TIMEOUT = 20.0

Fetch = Callable[[str], bytes]
_BLOCK_END = re.compile(r"(?i)(</(p|div|li|h[1-6]|blockquote|tr)>|<br\s*/?>)")


def looks_like_feed(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def fetch_url(url: str, max_bytes: int) -> bytes:
    """GET ``url`` (redirects followed) and return at most ``max_bytes``; :class:`InputError` if not."""
    import httpx

    try:
        with httpx.stream(
            "GET", url, follow_redirects=True, timeout=TIMEOUT, headers={"User-Agent": USER_AGENT}
        ) as response:
            if response.status_code != 200:
                raise InputError(url, f"HTTP {response.status_code}")
            data = bytearray()
            for chunk in response.iter_bytes():
                data += chunk
                if len(data) > max_bytes:
                    raise InputError(url, f"larger than the limit ({max_bytes // (1024 * 1024)} MB)")
            return bytes(data)
    except httpx.HTTPError as exc:
        raise InputError(url, f"cannot fetch ({type(exc).__name__}: {exc})") from exc


def html_to_text(fragment: str) -> str:
    """An HTML fragment's text, one paragraph a line."""
    import lxml.html

    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(
            _BLOCK_END.sub(lambda m: m.group(0) + "\n\n", fragment), create_parent="div"
        )
    except Exception:  # lxml raises several types on hostile markup
        return re.sub(r"<[^>]*>", " ", fragment).strip()
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n\n".join(line for line in lines if line)


def _iso(parsed: time.struct_time | None) -> str | None:
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def read_feed(
    data: bytes, origin: str, fetch: Fetch | None = None, seen: set[str] | None = None
) -> Iterator[Item]:
    """Every entry of the feed in ``data``; ``fetch`` (given for feeds from a URL) fetches teasers'
    pages. With ``seen`` (links or ids of entries already read), those are skipped and the new ones
    added to it, so a feed polled again fetches only what is new."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        why = parsed.get("bozo_exception")
        yield InputError(origin, f"not a feed, or an empty one{f' ({why})' if why else ''}")
        return
    source = parsed.feed.get("title")
    for n, entry in enumerate(parsed.entries, 1):
        where = f"{origin}#{n}"
        link = entry.get("link")
        key = link or entry.get("id") or entry.get("title")
        if seen is not None and key:
            if key in seen:
                continue
            seen.add(key)
        title = entry.get("title")
        published = _iso(entry.get("published_parsed") or entry.get("updated_parsed"))
        content = entry["content"][0].get("value", "") if entry.get("content") else entry.get("summary", "")
        text = without_nul(html_to_text(content or ""))
        words = len(text.split())
        if words < FULL_TEXT_WORDS and fetch is not None and link:
            try:
                page, _ = decode(fetch(link), link)
                yield document_from_html(
                    without_nul(page), where, url=link, title=title, source=source, published=published
                )
            except InputError as exc:
                yield InputError(where, f"{link}: {exc.problem}")
            continue
        if words < MIN_WORDS:
            yield InputError(
                where,
                f"feed entry with no article text ({words} words); give the feed's URL to fetch its pages",
            )
            continue
        yield Document(
            raw_text=text,
            origin=where,
            url=link,
            title=title,
            source=source,
            declared_published=published,
            external_id=entry.get("id"),
        )


def read_url(url: str, max_bytes: int, seen: set[str] | None = None) -> Iterator[Item]:
    """A URL the user gave: a feed (its entries, teasers' pages fetched; ``seen`` as in
    :func:`read_feed`) or a page (its article)."""
    try:
        data = fetch_url(url, max_bytes)
    except InputError as exc:
        yield exc
        return
    if looks_like_feed(data):
        yield from read_feed(data, url, lambda link: fetch_url(link, max_bytes), seen)
        return
    try:
        yield document_from_html(without_nul(decode(data, url)[0]), url, url=url)
    except InputError as exc:
        yield exc
