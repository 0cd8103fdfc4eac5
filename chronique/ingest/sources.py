"""Where articles come from: paths, folders (recursive), globs and stdin, expanded in a stable order."""

from __future__ import annotations

import glob
import io
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from chronique.errors import InputError
from chronique.ingest.feeds import FEED_SUFFIXES, looks_like_feed, read_feed, read_url
from chronique.ingest.readers import Item, read_jsonl, read_text
from chronique.ingest.warc import is_warc, read_warc

TEXT_SUFFIXES = {".txt", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES | {".warc", ".gz"}
STDIN = "-"
URL = re.compile(r"^https?://", re.IGNORECASE)


def expand(inputs: Iterable[str]) -> Iterator[Path | str | InputError]:
    """Each input → files to read (folders walked, globs matched), ``"-"`` for stdin, a URL, or an error."""
    for spec in inputs:
        if spec == STDIN or URL.match(spec):
            yield spec
            continue
        path = Path(spec)
        if path.is_dir():
            yield from _walk(path)
        elif path.exists():
            yield path
        elif any(c in spec for c in "*?["):
            matches = sorted(glob.glob(spec, recursive=True))
            if not matches:
                yield InputError(spec, "the pattern matches no file")
            for match in matches:
                p = Path(match)
                if p.is_dir():
                    yield from _walk(p)
                else:
                    yield p
        else:
            yield InputError(spec, "no such file or directory")


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            suffix = path.suffix.lower()
            if name.startswith(".") or suffix not in SUPPORTED or not path.suffix:
                continue
            if suffix == ".gz" and not is_warc(path):
                continue
            yield path


def read_inputs(inputs: Iterable[str], max_file_bytes: int, max_line_bytes: int) -> Iterator[Item]:
    """Every document of every input, in order; a bad input yields an :class:`InputError` and the rest goes on."""
    for item in expand(inputs):
        if isinstance(item, InputError):
            yield item
        elif item == STDIN:
            yield from _read_stream(sys.stdin.buffer, "<stdin>", None, max_file_bytes, max_line_bytes)
        elif isinstance(item, str):
            yield from read_url(item, max_file_bytes)
        else:
            assert isinstance(item, Path)
            yield from read_path(item, max_file_bytes, max_line_bytes)


def read_path(path: Path, max_file_bytes: int, max_line_bytes: int) -> Iterator[Item]:
    origin = str(path)
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            with path.open("rb") as stream:
                yield from read_jsonl(stream, origin, max_line_bytes)
            return
        if is_warc(path):  # streamed: a crawl may be far larger than one file's limit
            yield from read_warc(path, max_file_bytes)
            return
        size = path.stat().st_size
        if size > max_file_bytes:
            yield InputError(
                origin,
                f"file too large ({size / 1048576:.1f} MB; the limit is {max_file_bytes / 1048576:.0f} MB,"
                " set by --max-file-mb)",
            )
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(origin, f"cannot read the file ({exc.strerror or exc})")
        return
    if suffix in FEED_SUFFIXES and looks_like_feed(data):  # a feed file: nothing is fetched
        yield from read_feed(data, origin)
        return
    kind = "html" if suffix in HTML_SUFFIXES else "auto"
    try:
        yield read_text(data, origin, path.name, kind)
    except InputError as exc:
        yield exc


def _read_stream(
    stream: BinaryIO, origin: str, file: str | None, max_file_bytes: int, max_line_bytes: int
) -> Iterator[Item]:
    head = stream.read(1)
    while head and head.isspace():
        head = stream.read(1)
    if head == b"{":  # JSONL on stdin: stream it line by line
        yield from read_jsonl(_Prefixed(head, stream), origin, max_line_bytes)
        return
    data = head + stream.read(max_file_bytes)
    if len(data) > max_file_bytes:
        yield InputError(origin, f"input larger than the limit ({max_file_bytes / 1048576:.0f} MB)")
        return
    try:
        yield read_text(data, origin, file)
    except InputError as exc:
        yield exc


class _Prefixed(io.RawIOBase):
    """A binary stream with some already-read bytes put back in front."""

    def __init__(self, prefix: bytes, stream: BinaryIO) -> None:
        self._buffer = io.BufferedReader(_Chain(prefix, stream))

    def readline(self, size: int | None = -1) -> bytes:
        return self._buffer.readline(-1 if size is None else size)


class _Chain(io.RawIOBase):
    def __init__(self, prefix: bytes, stream: BinaryIO) -> None:
        self._prefix = prefix
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, b: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._prefix:
            n = min(len(b), len(self._prefix))
            b[:n] = self._prefix[:n]
            self._prefix = self._prefix[n:]
            return n
        chunk = self._stream.read(len(b))
        b[: len(chunk)] = chunk
        return len(chunk)
