"""Readers: one input (a file's bytes, a JSONL line) → documents, or an :class:`InputError` per bad one."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, Protocol

from chronique.errors import InputError
from chronique.ingest.decode import decode
from chronique.ingest.html import document_from_html, looks_like_html
from chronique.model import Document

Item = Document | InputError


class LineReader(Protocol):
    def readline(self, size: int | None = -1, /) -> bytes: ...


_JSONL_FIELDS = ("id", "url", "title", "text", "html", "published", "source", "language", "file")


def read_text(data: bytes, origin: str, file: str | None, kind: str = "auto") -> Document:
    """A ``.txt`` or ``.html`` file's bytes → one document."""
    text, encoding = decode(data, origin)
    text = without_nul(text)
    if kind == "html" or (kind == "auto" and looks_like_html(text)):
        return document_from_html(text, origin, file=file, encoding=encoding)
    return Document(raw_text=text, origin=origin, file=file, encoding=encoding)


def read_jsonl(stream: LineReader, origin: str, max_line_bytes: int) -> Iterator[Item]:
    """Stream a JSONL file: one document per good line, one error per bad line (the rest goes on)."""
    lineno = 0
    while True:
        line = stream.readline(max_line_bytes + 1)
        if not line:
            return
        lineno += 1
        where = f"{origin}:{lineno}"
        if len(line) > max_line_bytes and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # skip the rest of the oversized line
                line = stream.readline(max_line_bytes + 1)
            yield InputError(where, f"line longer than the limit ({max_line_bytes // (1024 * 1024)} MB)")
            continue
        if not line.strip():
            continue
        try:
            yield document_from_json_line(line, where)
        except InputError as exc:
            yield exc


def document_from_json_line(line: bytes, where: str) -> Document:
    line = line.rstrip(b"\r\n")
    try:
        obj = json.loads(line)
    except UnicodeDecodeError as exc:
        raise InputError(where, f"not UTF-8 ({exc.reason})") from exc
    except json.JSONDecodeError as exc:
        cut_short = line.lstrip().startswith(b"{") and ("Unterminated" in exc.msg or exc.pos >= len(exc.doc))
        problem = "truncated JSON" if cut_short else "not JSON"
        raise InputError(where, f"{problem} ({exc.msg}: column {exc.colno})") from exc
    if not isinstance(obj, dict):
        raise InputError(where, f"a JSON {type(obj).__name__}, not an object")
    for key in ("text", "html"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            raise InputError(where, f"'{key}' is a JSON {type(obj[key]).__name__}, not a string")
    fields = {k: _as_str(obj.get(k)) for k in _JSONL_FIELDS}
    if fields["text"] is None and fields["html"] is None:
        raise InputError(where, "no 'text' or 'html' field")
    if fields["text"] is not None:
        if not fields["text"].strip():
            raise InputError(where, "empty 'text'")
        return Document(
            raw_text=fields["text"],
            origin=where,
            file=fields["file"],
            url=fields["url"],
            title=fields["title"],
            source=fields["source"],
            language=fields["language"] or "fr",
            declared_published=fields["published"],
            external_id=fields["id"],
        )
    assert fields["html"] is not None
    return document_from_html(
        fields["html"],
        where,
        file=fields["file"],
        url=fields["url"],
        title=fields["title"],
        source=fields["source"],
        language=fields["language"],
        published=fields["published"],
        external_id=fields["id"],
    )


def _as_str(value: Any) -> str | None:
    if value is None:
        return None
    return without_nul(value if isinstance(value, str) else str(value))


def without_nul(text: str) -> str:
    """NUL characters (which no database text column takes everywhere) as U+FFFD: same length, so
    every offset holds."""
    return text.replace("\x00", "\ufffd") if "\x00" in text else text
