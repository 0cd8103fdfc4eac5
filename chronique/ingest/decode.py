"""Bytes → text: encoding detection for the encodings French news files come in, and refusal of
data that is not text (with a message that says what it looks like)."""

from __future__ import annotations

import codecs

from chronique.errors import InputError

_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"%PDF": "a PDF document",
    b"\x1f\x8b": "gzip-compressed data",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "an executable",
    b"SQLite format 3": "a SQLite database",
}


def decode(data: bytes, origin: str) -> tuple[str, str]:
    """Decode ``data`` and name the encoding used; raise :class:`InputError` if it is not text.

    UTF-8 (with or without BOM) and UTF-16 with BOM first; then Windows-1252, which is what French
    pages that are not UTF-8 almost always are (it is a superset of Latin-1's printable range);
    Latin-1 last, which decodes anything.
    """
    if not data.strip():
        raise InputError(origin, "empty file (no text)")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(origin, f"binary data, not text (looks like {what})")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputError(origin, f"broken UTF-16 text ({exc.reason} at byte {exc.start})") from exc
    if b"\x00" in data[:8192]:
        raise InputError(origin, "binary data, not text (contains NUL bytes)")
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        _check_text(text, origin)
        return text, "utf-8" if encoding == "utf-8-sig" else encoding
    raise InputError(origin, "cannot decode the text")  # pragma: no cover - latin-1 decodes anything


def _check_text(text: str, origin: str) -> None:
    sample = text[:20000]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\t\n\r\f\v")
    if controls > max(3, len(sample) // 100):
        raise InputError(
            origin, f"binary data, not text ({controls} control characters in the first {len(sample)})"
        )
    if not any(c.isalpha() for c in sample):
        raise InputError(origin, "no letters in the file: not an article")
