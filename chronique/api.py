"""The Python API: the operations of the CLI as typed methods on one object bound to a store.

>>> import chronique
>>> with chronique.open("news.db") as chq:
...     result = chq.ingest(["samples/"])
...     for article in chq.articles(since="2018-07"):
...         print(article.published.value, article.title)
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from chronique.cluster.describe import Event, Story
from chronique.dates.calendar import date_prefix
from chronique.errors import GoldError
from chronique.model import Article
from chronique.pipeline import RunResult, ingest
from chronique.report.export import detect_reuse, export_articles, export_store, stories_of
from chronique.report.html import write_report
from chronique.reuse import ReuseDetector
from chronique.settings import Settings, load_settings
from chronique.store import Store
from chronique.timeline import DEFAULT_MAX_DATES, Entry
from chronique.timeline import build as build_timeline

if TYPE_CHECKING:
    from chronique.eval import EvalReport


class Chronique:
    """A store and the settings to work on it."""

    def __init__(self, db: str | None = None, settings: Settings | None = None) -> None:
        self.settings = settings or load_settings()
        if db is not None:
            self.settings = self.settings.with_overrides(db=db)
        self.store = Store(self.settings.db)

    def ingest(
        self,
        inputs: Iterable[str | Path],
        *,
        today: dt.date | None = None,
        on_item: Callable[[str], None] | None = None,
    ) -> RunResult:
        """Read, clean, date and store articles from files, folders, globs or ``"-"`` (stdin)."""
        return ingest([str(i) for i in inputs], self.store, self.settings, today=today, on_item=on_item)

    def run(self, inputs: Iterable[str | Path], *, report: str | Path | None = None) -> RunResult:
        """``ingest`` and write the HTML report (to ``settings.report_path`` unless ``report`` is given)."""
        result = self.ingest(inputs)
        write_report(result, report or self.settings.report_path, self.stories_of_run(result))
        return result

    def stories_of_run(
        self, result: RunResult, limit: int = 3, max_dates: int = 10
    ) -> list[tuple[Story, list[Entry]]]:
        """The largest stories a run's articles are in, each with its timeline."""
        sizes = Counter(
            story for story, _ in self.store.memberships(sorted(a.id for a in result.articles)).values()
        )
        told = []
        for story_id, _ in sorted(sizes.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]:
            found = self.story(story_id)
            if found is not None:
                told.append((found, self.timeline(story=story_id, max_dates=max_dates)))
        return told

    def articles(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        source: str | None = None,
        query: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Article]:
        """Stored articles, filtered by publication date range (``"2018-07"`` or ``"2018-07-24"``;
        ValueError for one that is no date), source, and full-text query (all words required; accents
        and case ignored)."""
        date_prefix(since), date_prefix(until)
        return self.store.articles(
            since=since, until=until, source=source, query=query, limit=limit, offset=offset
        )

    def article(self, article_id: str) -> Article | None:
        """One article by id, unique id prefix, file name, or the id or URL it was given."""
        return self.store.get(article_id)

    def entities(self, *, type: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """Canonical entities, most mentioned first: id, name, type (PER, ORG, LOC, MISC), aliases,
        mention and quotation counts."""
        return self.store.entities(type=type, limit=limit)

    def entity(self, name: str) -> dict[str, Any] | None:
        """The entity ``name`` designates (id, name or alias; accents and case ignored) with the ids
        of the articles that mention it, its quotations (``quotes``) and those about it (``quoted_about``)."""
        record = self.store.entity(name)
        if record is None:
            return None
        record["quotes"] = self.store.quotes(speaker=record["id"])
        record["quoted_about"] = self.store.quotes(about=record["id"])
        return record

    def quotes(
        self,
        *,
        speaker: str | None = None,
        about: str | None = None,
        article_id: str | None = None,
        limit: int | None = None,
        min_confidence: float | None = None,
        attributed: bool = False,
    ) -> list[dict[str, Any]]:
        """Quotations in ingest order, by ``speaker`` or mentioning ``about`` (an entity's id, name
        or alias), or of one article, attributed with at least ``min_confidence``, or only those whose
        speaker is known (``attributed``): text, offsets, kind, cue, speaker, confidence, evidence."""
        return self.store.quotes(
            speaker=speaker,
            about=about,
            article_id=article_id,
            limit=limit,
            min_confidence=min_confidence,
            attributed=attributed,
        )

    def stories(self) -> list[Story]:
        """Stories, largest first: title, events in date order, articles, first and last dates, people."""
        return stories_of(self.store, limit=self.settings.description_articles)[0]

    def story(self, story_id: str) -> Story | None:
        """One story by id or unique id prefix."""
        ids = self.store.story_ids(story_id)
        if len(ids) != 1:
            return None
        found = self._described(ids[0])[0]
        return found[0] if found else None

    def events(self, story: str | None = None) -> list[Event]:
        """Events in date order (of one story, by id or prefix, when given)."""
        if story is None:
            return stories_of(self.store, limit=self.settings.description_articles)[1]
        ids = self.store.story_ids(story)
        if len(ids) != 1:
            return []
        return self._described(ids[0])[1]

    def _described(self, story_id: str) -> tuple[list[Story], list[Event]]:
        members = self.store.members(story_id=story_id)
        return stories_of(self.store, members=members, limit=self.settings.description_articles)

    def timeline(
        self,
        *,
        story: str | None = None,
        query: str | None = None,
        since: str | None = None,
        until: str | None = None,
        max_dates: int | None = DEFAULT_MAX_DATES,
        sentences_per_date: int = 1,
    ) -> list[Entry]:
        """Dated entries, oldest first, of a story (id or prefix), of the articles matching a full-text
        ``query`` (within the story when both are given), or of the largest story; ``since``/``until``
        bound the dates (ISO prefixes; ValueError for one that is no date). The whole timeline of a
        story reads at most the setting ``timeline_articles`` of its articles, every event represented
        (a query or bounds read all)."""
        date_prefix(since), date_prefix(until)
        if query is not None and story is None:
            articles = self.store.search(query, limit=10_000)
        else:
            ids = self.store.story_ids(story or "")
            if not ids or (story is not None and len(ids) != 1):
                return []
            whole = query is None and since is None and until is None
            chosen = self.store.story_article_ids(
                ids[0], limit=self.settings.timeline_articles if whole else None
            )
            articles = self.store.articles(ids=chosen, query=query)
        return self._timeline_of(articles, max_dates, sentences_per_date, since, until)

    def _timeline_of(
        self,
        articles: list[Article],
        max_dates: int | None,
        sentences_per_date: int,
        since: str | None = None,
        until: str | None = None,
    ) -> list[Entry]:
        quotes = self.store.quotes(article_ids=[a.id for a in articles])
        return build_timeline(
            articles,
            quotes,
            stored=self.store.sentence_dates(articles),
            max_dates=max_dates,
            sentences_per_date=sentences_per_date,
            since=since,
            until=until,
        )

    def quotes_of(self, article_ids: Sequence[str]) -> list[dict[str, Any]]:
        """The quotations of the given articles."""
        return self.store.quotes(article_ids=article_ids)

    def export(self) -> dict[str, Any]:
        """The whole store in the public JSON shape (DESIGN.md, "Contracts")."""
        return export_store(self.store, self.settings.description_articles)

    def reuse(self) -> ReuseDetector:
        """Text reuse among the stored articles: pairs (earlier article = source), passages with
        offsets on both sides, originality per article, near-duplicate groups."""
        return detect_reuse(self.store)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Chronique:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def open(db: str | None = None, settings: Settings | None = None) -> Chronique:
    """Open (or create) a Chronique store: a SQLite file path or a database URL."""
    return Chronique(db, settings)


def evaluate(
    gold: str | Path, articles: Iterable[str | Path], settings: Settings | None = None
) -> EvalReport:
    """Score the pipeline on ``articles`` against a gold file; runs in a throwaway store. When the gold
    has reference timelines, the timeline of all the articles, as long as the references, is scored too."""
    from chronique.eval import evaluate as score
    from chronique.eval import load_gold
    from chronique.eval.score import summary_size

    gold_data = load_gold(gold)
    size = summary_size(gold_data)
    timeline = None
    with tempfile.TemporaryDirectory(prefix="chronique-eval-") as tmp:
        base = settings or load_settings()
        chq = Chronique(str(Path(tmp) / "eval.db"), base)
        try:
            result = chq.ingest(articles)
            if not result.articles:
                problems = "; ".join(map(str, result.skipped[:5])) or "no input given"
                raise GoldError(f"no article to score: {problems}")
            export = export_articles(result.articles, store=chq.store, limit=base.description_articles)
            if size is not None:
                every = chq.store.articles(ids=[a.id for a in result.articles])
                timeline = [e.as_dict() for e in chq._timeline_of(every, *size)]
        finally:
            chq.close()
    return score(gold_data, export, timeline)
