"""Logging for people and for log collectors: ``--log-format json`` writes one JSON object a line with
the stage and the article's id and origin when the record is about one article.

Records carry them through ``extra``: ``log.warning("…", extra={"stage": "read", "origin": …})``.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Any

FIELDS = ("stage", "article_id", "origin")
TEXT_FORMAT = "%(levelname)s %(name)s: %(message)s"


class JSONFormatter(logging.Formatter):
    """One JSON object per record: time (UTC, ISO 8601), level, logger, message, the Chronique fields
    present on the record, and the exception's type and text."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name in FIELDS:
            value = getattr(record, name, None)
            if value is not None:
                entry[name] = value
        if record.exc_info and record.exc_info[1] is not None:
            entry["error"] = f"{type(record.exc_info[1]).__name__}: {record.exc_info[1]}"
            entry["traceback"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def json_line(level: str, message: str, **fields: Any) -> str:
    """The JSON line a record of ``level`` with ``message`` and the Chronique ``fields`` would give."""
    record = logging.LogRecord("chronique", getattr(logging, level.upper()), "", 0, message, None, None)
    for name, value in fields.items():
        setattr(record, name, value)
    return JSONFormatter().format(record)


def json_output() -> bool:
    """Whether the process logs one JSON object a line (``--log-format json``)."""
    return any(isinstance(h.formatter, JSONFormatter) for h in logging.getLogger().handlers)


def configure(level: str = "error", fmt: str = "text") -> None:
    """Set the root handler of the process (the CLI calls this once)."""
    handler = logging.StreamHandler()
    handler.setFormatter(JSONFormatter() if fmt == "json" else logging.Formatter(TEXT_FORMAT))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(getattr(logging, level.upper(), logging.ERROR))
