"""The standalone HTML report of a run: articles, dates with their evidence, and every removed span
shown struck out in place with its reason. Article text is untrusted: Jinja2 autoescapes all of it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from chronique.cluster.describe import Story
from chronique.model import Article
from chronique.pipeline import RunResult, timexes
from chronique.report.summary import summarise
from chronique.timeline import Entry
from chronique.timeline.plot import svg


@dataclass(frozen=True)
class Piece:
    text: str
    reason: str | None  # why it was removed; None for content
    label: str | None = None  # an annotation of content (a resolved date's value)


@dataclass(frozen=True)
class Mark:
    """An annotation of the cleaned text, at raw-text offsets."""

    start: int
    end: int
    label: str


def timex_marks(article: Article) -> list[Mark]:
    """The article's temporal expressions with their values, mapped to raw-text offsets."""
    marks = []
    for t in timexes(article):
        start, end = article.raw_offset(t.start), article.raw_offset(t.end - 1) + 1
        marks.append(Mark(start, end, t.value or "?"))
    return marks


def raw_pieces(article: Article, marks: list[Mark] | None = None) -> list[Piece]:
    """The raw text cut into content, removed and annotated pieces, in order (none overlap)."""
    spans: list[tuple[int, int, str | None, str | None]] = [
        (r.start, r.end, r.reason, None) for r in article.removed
    ]
    spans += [(m.start, m.end, None, m.label) for m in marks or ()]
    pieces: list[Piece] = []
    pos = 0
    for start, end, reason, label in sorted(spans, key=lambda s: (s[0], s[1])):
        if start < pos:
            continue
        if start > pos:
            pieces.append(Piece(article.raw_text[pos:start], None))
        pieces.append(Piece(article.raw_text[start:end], reason, label))
        pos = end
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
    env.globals["timex_marks"] = timex_marks
    return env


def render_report(
    result: RunResult, title: str = "Chronique report", stories: Sequence[tuple[Story, list[Entry]]] = ()
) -> str:
    """The HTML report of a run; ``stories`` (each with its timeline) are told first, with a picture."""
    template = _environment().get_template("report.html")
    told = [(story, entries, Markup(svg(entries, story.title))) for story, entries in stories]
    return template.render(
        title=title, summary=summarise(result), result=result, articles=result.articles, stories=told
    )


def write_report(
    result: RunResult, path: str | Path, stories: Sequence[tuple[Story, list[Entry]]] = ()
) -> Path:
    path = Path(path)
    path.write_text(render_report(result, stories=stories), encoding="utf-8")
    return path
