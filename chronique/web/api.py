"""The HTTP API: JSON over the same operations as the CLI, under ``/api``.

Lists are pages: ``{"items": [...], "total", "limit", "offset"}``. Objects keep the shapes of
``chronique export`` (DESIGN.md, "Contracts"); the timeline is the contract's list of entries.
"""

from __future__ import annotations

import hmac
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from chronique.cluster.describe import Story
from chronique.dates.calendar import DATE_PREFIX
from chronique.pipeline import RunResult
from chronique.report.export import export_store
from chronique.report.story import quotes_csv, story_html, story_markdown, timeline_csv
from chronique.timeline import DEFAULT_MAX_DATES, Entry
from chronique.web.errors import BadRequest, Forbidden, NotFound, Unauthorized, UnsupportedMedia
from chronique.web.service import Service, request_items


class ErrorDetail(BaseModel):
    status: int
    code: str
    message: str
    details: Any = None


class ErrorBody(BaseModel):
    """Every error: ``{"error": {"status", "code", "message", "details"?}}``."""

    error: ErrorDetail


def _errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    return {status: {"model": ErrorBody} for status in statuses}


class CSVResponse(PlainTextResponse):
    media_type = "text/csv"


class MarkdownResponse(PlainTextResponse):
    media_type = "text/markdown"


def _json_errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """Error responses of a route whose own answer is not JSON (its errors still are)."""
    schema = {"schema": {"$ref": "#/components/schemas/ErrorBody"}}
    return {status: {"description": "error", "content": {"application/json": schema}} for status in statuses}


router = APIRouter(prefix="/api", responses=_errors(400, 404, 413, 422))
TEXT_ERRORS = _json_errors(400, 404, 413, 422)

MAX_PAGE = 500

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="items per page")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="items to skip")]
Since = Annotated[
    str | None, Query(pattern=DATE_PREFIX, description="ISO date or prefix: 2018, 2018-07, 2018-07-16")
]
Until = Annotated[str | None, Query(pattern=DATE_PREFIX, description="ISO date or prefix, inclusive")]
Words = Annotated[str | None, Query(max_length=500)]


class Page(BaseModel):
    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int


class IngestReport(BaseModel):
    added: int
    already_stored: int
    article_ids: list[str]
    skipped: list[dict[str, str]]


def service(request: Request) -> Service:
    return request.app.state.service  # type: ignore[no-any-return]


Svc = Annotated[Service, Depends(service)]


def require_token(request: Request) -> None:
    """Writes need the operator's token, as ``Authorization: Bearer TOKEN`` or ``X-Chronique-Token``."""
    expected: str | None = request.app.state.token
    if not expected:
        raise Forbidden("writes are disabled: the operator has not set CHRONIQUE_TOKEN")
    given = request.headers.get("x-chronique-token") or ""
    auth = request.headers.get("authorization") or ""
    if auth.lower().startswith("bearer "):
        given = auth[7:].strip()
    if not given or not hmac.compare_digest(given.encode(), expected.encode()):
        raise Unauthorized("a valid token is required (Authorization: Bearer TOKEN)")


def page(items: list[dict[str, Any]], total: int, limit: int, offset: int) -> Page:
    return Page(items=items, total=total, limit=limit, offset=offset)


def article_summary(svc: Service, ids: list[str]) -> list[dict[str, Any]]:
    """What a list shows of each article, in the order of ``ids``."""
    return svc.store.briefs(ids)


@router.get("/articles", response_model=Page, tags=["articles"])
def list_articles(
    svc: Svc,
    since: Since = None,
    until: Until = None,
    source: Words = None,
    entity: Words = None,
    q: Words = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page:
    """Stored articles in ingest order, filtered by publication dates, source, an entity they mention
    (id, name or alias) and a full-text query (all words; accents and case ignored)."""
    ids: list[str] | None = None
    if entity:
        found = svc.store.entity(entity)
        ids = found["article_ids"] if found else []
    filters: dict[str, Any] = {"since": since, "until": until, "source": source, "query": q, "ids": ids}
    total = svc.store.count_articles(**filters)
    chosen = svc.store.article_ids(**filters, limit=limit, offset=offset)
    return page(article_summary(svc, chosen), total, limit, offset)


@router.get("/articles/{article_id:path}", tags=["articles"])
def get_article(svc: Svc, article_id: str) -> dict[str, Any]:
    """One article (id, unique id prefix, file name, or the id or URL it was given) with every annotation: removed spans, quotes,
    temporal expressions, mentions, story, event, originality and reuse pairs."""
    article = svc.article(article_id)
    if article is None:
        raise NotFound(f"no article {article_id!r}")
    return svc.article_record(article)


@router.post(
    "/articles",
    status_code=201,
    response_model=IngestReport,
    tags=["articles"],
    dependencies=[Depends(require_token)],
    responses=_errors(401, 403, 415),
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": {"type": "object", "description": "one JSONL-shaped article"}},
                "application/x-ndjson": {"schema": {"type": "string", "description": "JSONL batch"}},
                "text/html": {"schema": {"type": "string"}},
                "text/plain": {"schema": {"type": "string"}},
            },
        }
    },
)
async def post_articles(
    request: Request,
    svc: Svc,
    url: Words = None,
    title: Words = None,
    source: Words = None,
    published: Since = None,
) -> JSONResponse:
    """Ingest one article (JSON object in the JSONL shape, an HTML page or plain text; ``url``,
    ``title``, ``source`` and ``published`` describe a page) or a JSONL batch. Needs the token.
    Bad items are reported in ``skipped``; if nothing could be read the answer is 400."""
    body = await request.body()
    media = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    known_media = {
        "application/json",
        "application/x-ndjson",
        "application/jsonl",
        "application/x-jsonlines",
        "text/html",
        "application/xhtml+xml",
        "text/plain",
    }
    if media not in known_media:
        raise UnsupportedMedia(
            f"cannot ingest {media or 'a body without Content-Type'}; send one of: "
            + ", ".join(sorted(known_media))
        )
    known = {"url": url, "title": title, "source": source, "published": published}
    items = request_items(body, media, known, svc.settings.max_line_bytes)
    result: RunResult = await run_in_threadpool(svc.ingest, items)
    report = IngestReport(
        added=result.added,
        already_stored=result.already_stored,
        article_ids=[a.id for a in result.articles],
        skipped=[{"origin": s.origin, "problem": s.problem} for s in result.skipped],
    )
    if not result.articles:
        problems = "; ".join(str(s) for s in result.skipped) or "the body holds no article"
        raise BadRequest(f"nothing ingested: {problems}", report.skipped)
    return JSONResponse(report.model_dump(), status_code=201)


@router.get("/entities", response_model=Page, tags=["entities"])
def list_entities(
    svc: Svc,
    type: Literal["PER", "ORG", "LOC", "MISC"] | None = None,
    q: Words = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page:
    """Entities, most mentioned first; ``q`` matches names and aliases (accents and case ignored)."""
    items = svc.store.entities(type=type, query=q, limit=limit, offset=offset)
    return page(items, svc.store.count_entities(type=type, query=q), limit, offset)


@router.get("/entities/{entity_id}", tags=["entities"])
def get_entity(svc: Svc, entity_id: str, quotes: Limit = 100) -> dict[str, Any]:
    """One entity (id, name or alias): aliases, articles, its quotations, those about it, its stories."""
    record = svc.store.entity(entity_id)
    if record is None:
        raise NotFound(f"no entity {entity_id!r}")
    record["quotes"] = svc.store.quotes(speaker=record["id"], limit=quotes)
    record["quoted_about"] = svc.store.quotes(about=record["id"], limit=quotes)
    memberships = svc.store.memberships(record["article_ids"])
    record["story_ids"] = sorted({story for story, _ in memberships.values()})
    return record


@router.get("/quotes", response_model=Page, tags=["quotes"])
def list_quotes(
    svc: Svc,
    speaker: Words = None,
    about: Words = None,
    q: Words = None,
    article: Words = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
    attributed: bool = False,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page:
    """Quotations in ingest order, by speaker, mentioning an entity (``about``), containing words
    (``q``), or of one article; attributed with at least ``min_confidence``, or (``attributed``)
    only those whose speaker is known."""
    filters: dict[str, Any] = {
        "speaker": speaker,
        "about": about,
        "contains": q,
        "article_id": article,
        "min_confidence": min_confidence,
        "attributed": attributed,
    }
    items = svc.store.quotes(**filters, limit=limit, offset=offset)
    return page(items, svc.store.count_quotes(**filters), limit, offset)


@router.get("/events", response_model=Page, tags=["stories"])
def list_events(svc: Svc, story: Words = None, limit: Limit = 50, offset: Offset = 0) -> Page:
    """Events in date order, of one story (id or prefix) when given."""
    if story and svc.story(story) is None:
        raise NotFound(f"no story {story!r}")
    events = svc.events(story)
    return page([e.as_dict() for e in events[offset : offset + limit]], len(events), limit, offset)


@router.get("/events/{event_id}", tags=["stories"])
def get_event(svc: Svc, event_id: str) -> dict[str, Any]:
    event = svc.event(event_id)
    if event is None:
        raise NotFound(f"no event {event_id!r}")
    record = event.as_dict()
    record["articles"] = article_summary(svc, event.article_ids)
    return record


@router.get("/stories", response_model=Page, tags=["stories"])
def list_stories(svc: Svc, limit: Limit = 50, offset: Offset = 0) -> Page:
    """Stories, largest first: title, dates, events, articles, main people."""
    stories = svc.stories()
    return page([s.as_dict() for s in stories[offset : offset + limit]], len(stories), limit, offset)


def _story(svc: Service, story_id: str) -> Story:
    story = svc.story(story_id)
    if story is None:
        raise NotFound(f"no story {story_id!r}")
    return story


@router.get("/stories/{story_id}", tags=["stories"])
def get_story(svc: Svc, story_id: str) -> dict[str, Any]:
    """One story with its events in date order."""
    story = _story(svc, story_id)
    record = story.as_dict()
    record["events"] = [e.as_dict() for e in svc.events(story.id)]
    return record


def _sources(svc: Service, entries: list[Entry]) -> dict[str, str]:
    ids = sorted({a for e in entries for a in e.article_ids})
    return {a.id: a.source or a.file or a.id for a in svc.store.articles(ids=ids)}


@router.get(
    "/stories/{story_id}/report.html", response_class=HTMLResponse, tags=["exports"], responses=TEXT_ERRORS
)
def story_report_html(
    svc: Svc, story_id: str, max_dates: Annotated[int, Query(ge=1, le=200)] = 20
) -> HTMLResponse:
    """The story as one standalone HTML page: picture, dated entries, sources, key quotes."""
    story = _story(svc, story_id)
    entries = svc.timeline(story=story.id, max_dates=max_dates)
    return HTMLResponse(story_html(story, entries, _sources(svc, entries)))


@router.get(
    "/stories/{story_id}/report.md", response_class=MarkdownResponse, tags=["exports"], responses=TEXT_ERRORS
)
def story_report_markdown(
    svc: Svc, story_id: str, max_dates: Annotated[int, Query(ge=1, le=200)] = 20
) -> MarkdownResponse:
    """The story as Markdown."""
    story = _story(svc, story_id)
    entries = svc.timeline(story=story.id, max_dates=max_dates)
    return MarkdownResponse(story_markdown(story, entries, _sources(svc, entries)))


def _timeline(
    svc: Service,
    story: str | None,
    query: str | None,
    since: str | None,
    until: str | None,
    max_dates: int,
    sentences_per_date: int,
) -> list[Entry]:
    if story and len(svc.store.story_ids(story)) != 1:
        raise NotFound(f"no story {story!r}")
    return svc.timeline(
        story=story,
        query=query,
        since=since,
        until=until,
        max_dates=max_dates,
        sentences_per_date=sentences_per_date,
    )


MaxDates = Annotated[int, Query(ge=1, le=1000)]
PerDate = Annotated[int, Query(ge=1, le=20)]


@router.get("/timeline", tags=["stories"])
def get_timeline(
    svc: Svc,
    story: Words = None,
    query: Words = None,
    since: Since = None,
    until: Until = None,
    max_dates: MaxDates = DEFAULT_MAX_DATES,
    sentences_per_date: PerDate = 1,
) -> list[dict[str, Any]]:
    """Dated entries, oldest first, of a story (id or prefix), of the articles matching a query (within
    the story when both are given), or of the largest story: the contract of ``chronique timeline --json``."""
    entries = _timeline(svc, story, query, since, until, max_dates, sentences_per_date)
    return [e.as_dict() for e in entries]


@router.get("/timeline.csv", response_class=CSVResponse, tags=["exports"], responses=TEXT_ERRORS)
def get_timeline_csv(
    svc: Svc,
    story: Words = None,
    query: Words = None,
    since: Since = None,
    until: Until = None,
    max_dates: MaxDates = DEFAULT_MAX_DATES,
    sentences_per_date: PerDate = 1,
) -> CSVResponse:
    """The timeline as CSV: date, granularity, summary, article ids, quotes."""
    entries = _timeline(svc, story, query, since, until, max_dates, sentences_per_date)
    return CSVResponse(timeline_csv(entries))


@router.get("/reuse", response_model=Page, tags=["reuse"])
def list_reuse(svc: Svc, article: Words = None, limit: Limit = 50, offset: Offset = 0) -> Page:
    """Reuse pairs (earlier article = source) with passage offsets on both sides; of one article when
    given."""
    detector = svc.reuse()
    if article:
        found = svc.article(article)
        if found is None:
            raise NotFound(f"no article {article!r}")
        pairs = detector.pairs_for(found.id)
    else:
        pairs = detector.pairs()
    return page([p.as_dict() for p in pairs[offset : offset + limit]], len(pairs), limit, offset)


@router.get("/export", tags=["exports"])
def get_export(svc: Svc) -> dict[str, Any]:
    """Everything in the store, in the public JSON shape (DESIGN.md, "Contracts")."""
    return export_store(svc.store, svc.settings.description_articles)


@router.get("/export/quotes.csv", response_class=CSVResponse, tags=["exports"], responses=TEXT_ERRORS)
def get_quotes_csv(svc: Svc, speaker: Words = None, about: Words = None, q: Words = None) -> CSVResponse:
    """Quotations as CSV (the same filters as ``/api/quotes``, without paging)."""
    quotes = svc.store.quotes(speaker=speaker, about=about, contains=q)
    return CSVResponse(quotes_csv(quotes))


@router.get("/search", tags=["search"])
def search(
    svc: Svc, q: Annotated[str, Query(min_length=1, max_length=500)], limit: Limit = 10
) -> dict[str, Any]:
    """Search everything at once: articles (full text), entities (names), quotations (words) and
    stories (titles)."""
    ids = svc.store.search_ids(q, limit)
    words = q.casefold().split()
    stories = [s.as_dict() for s in svc.stories() if all(w in s.title.casefold() for w in words)]
    return {
        "articles": article_summary(svc, ids),
        "entities": svc.store.entities(query=q, limit=limit),
        "quotes": svc.store.quotes(contains=q, limit=limit),
        "stories": stories[:limit],
    }


@router.get("/health", tags=["meta"])
def health(svc: Svc) -> dict[str, Any]:
    """Liveness and what is stored."""
    return {"ok": True, "articles": svc.store.count(), "schema_version": svc.store.schema_version}
