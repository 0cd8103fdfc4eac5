"""The standalone HTML report of a run: articles, dates with their evidence, and every removed span
shown struck out in place with its reason. Article text is untrusted: Jinja2 autoescapes all of it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from chronique.model import Article
from chronique.pipeline import RunResult
from chronique.report.summary import summarise


@dataclass(frozen=True)
class Piece:
    text: str
    reason: str | None  # None for content


def raw_pieces(article: Article) -> list[Piece]:
    """The raw text cut into content and removed pieces, in order (removed spans never overlap)."""
    pieces: list[Piece] = []
    pos = 0
    for r in sorted(article.removed, key=lambda r: r.start):
        if r.start < pos:
            continue
        if r.start > pos:
            pieces.append(Piece(article.raw_text[pos : r.start], None))
        pieces.append(Piece(article.raw_text[r.start : r.end], r.reason))
        pos = r.end
    if pos < len(article.raw_text):
        pieces.append(Piece(article.raw_text[pos:], None))
    return pieces


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("chronique.report", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["raw_pieces"] = raw_pieces
    return env


def render_report(result: RunResult, title: str = "Chronique report") -> str:
    template = _environment().get_template("report.html")
    return template.render(title=title, summary=summarise(result), result=result, articles=result.articles)


def write_report(result: RunResult, path: str | Path) -> Path:
    path = Path(path)
    path.write_text(render_report(result), encoding="utf-8")
    return path
