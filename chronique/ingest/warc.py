"""Web crawls: WARC and WARC.gz files → one document per HTML response, with its URL and crawl date.

Records are streamed (warcio), so a crawl of any size is read in constant memory; a record too large,
not HTML, not a 200 answer or without article text is skipped — an :class:`InputError` for the pages
that should have been articles, nothing for requests, metadata and images.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from chronique.errors import InputError
from chronique.ingest.decode import decode
from chronique.ingest.html import document_from_html
from chronique.ingest.readers import Item, without_nul

WARC_SUFFIXES = (".warc", ".warc.gz")


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def read_warc(path: Path, max_record_bytes: int) -> Iterator[Item]:
    """Every HTML response of the WARC file at ``path``, in file order."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    origin = str(path)
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield InputError(origin, f"cannot read the file ({exc.strerror or exc})")
        return
    with stream:
        n = 0
        try:
            for record in ArchiveIterator(stream, check_digests=True):
                if record.rec_type != "response":
                    continue
                n += 1
                item = _document(record, f"{origin}#{n}", max_record_bytes)
                if item is not None:
                    yield item
        except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
            yield InputError(origin, f"broken WARC after {n} responses ({type(exc).__name__}: {exc})")


def _document(record: object, origin: str, limit: int) -> Item | None:
    headers = record.http_headers  # type: ignore[attr-defined]
    if headers is None:
        return None
    status = headers.get_statuscode()
    kind = (headers.get_header("Content-Type") or "").lower()
    if "html" not in kind:
        return None
    if status != "200":
        return InputError(origin, f"HTTP {status} answer, not a page")
    data = record.content_stream().read(limit + 1)  # type: ignore[attr-defined]
    if len(data) > limit:
        return InputError(origin, f"page larger than the limit ({limit // (1024 * 1024)} MB)")
    missing = getattr(record.raw_stream, "limit", 0)  # type: ignore[attr-defined]
    if missing:  # the file ends inside this record: a cut page must not pass for an article
        return InputError(origin, f"broken WARC: the record is cut short ({missing} bytes missing)")
    checker = getattr(record, "digest_checker", None)
    if checker is not None and checker.passed is False:
        return InputError(origin, "broken WARC: the record's payload digest does not match")
    warc = record.rec_headers  # type: ignore[attr-defined]
    url = warc.get_header("WARC-Target-URI")
    crawled = warc.get_header("WARC-Date")
    charset = kind.split("charset=", 1)[1].split(";")[0].strip() if "charset=" in kind else None
    try:
        html = data.decode(charset) if charset else decode(data, origin)[0]
    except (LookupError, UnicodeDecodeError):
        try:
            html = decode(data, origin)[0]
        except InputError as exc:
            return exc
    except InputError as exc:
        return exc
    try:
        return document_from_html(without_nul(html), origin, url=url, crawled=crawled)
    except InputError as exc:
        return exc
