"""The web UI: server-rendered pages over the same service as the API. Templates autoescape; the
only HTML built in Python is the annotated article text (``render.py``) and the timeline picture
(``timeline/plot.py``), both escaping every character of article text."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from chronique.nlp.mentions import LABELS
from chronique.pipeline import timexes
from chronique.report.html import raw_pieces
from chronique.timeline.plot import svg
from chronique.web import labels
from chronique.web.api import Since, Svc, Until, article_summary
from chronique.web.errors import HTTPProblem, Invalid, NotFound
from chronique.web.render import annotated_text
from chronique.web.service import Service

router = APIRouter(include_in_schema=False)

PAGE = 30

_env = Environment(
    loader=PackageLoader("chronique.web", "templates"),
    autoescape=select_autoescape(default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


def web_link(url: str | None) -> str | None:
    """``url`` when a browser may follow it (http or https), else None: an article's URL comes from
    its input, and a "javascript:" one must never become a link."""
    return url if url and url.strip().lower().startswith(("http://", "https://")) else None


_env.filters["web_link"] = web_link


def _lang(request: Request) -> str:
    return labels.choose(
        request.query_params.get("lang"),
        request.cookies.get("lang"),
        request.headers.get("accept-language"),
    )


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    lang = _lang(request)
    params = dict(request.query_params)

    def page_url(offset: int) -> str:
        return "?" + urlencode({**params, "offset": max(offset, 0)})

    html = _env.get_template(template).render(
        t=labels.translator(lang),
        lang=lang,
        switch_url="?" + urlencode({**params, "lang": labels.other(lang)}),
        other_lang=labels.other(lang),
        page_url=page_url,
        params=params,
        **context,
    )
    response = HTMLResponse(html, status_code=status)
    if request.query_params.get("lang") in labels.LABELS:
        response.set_cookie("lang", lang, max_age=365 * 86400, samesite="lax", httponly=True)
    return response


def error_page(request: Request, exc: HTTPProblem) -> str:
    return bytes(render(request, "error.html", exc.status, error=exc).body).decode()


Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Text = Annotated[str | None, Query(max_length=500)]


@router.get("/", response_class=HTMLResponse)
def home(request: Request, svc: Svc, offset: Offset = 0) -> HTMLResponse:
    stories = svc.stories()
    return render(
        request,
        "home.html",
        stories=stories[offset : offset + PAGE],
        total=len(stories),
        offset=offset,
        size=PAGE,
        articles=svc.store.count(),
    )


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, svc: Svc, story_id: str) -> HTMLResponse:
    story = svc.story(story_id)
    if story is None:
        raise NotFound(f"no story {story_id!r}")
    entries = svc.timeline(story=story.id, max_dates=30)
    picture = Markup(svg(entries, "", [f"#entry-{i}" for i in range(len(entries))]))
    events = svc.events(story.id)
    ids = sorted({a for e in entries for a in e.article_ids} | {a for e in events for a in e.article_ids})
    articles = {a["id"]: a for a in article_summary(svc, ids)}
    return render(
        request, "story.html", story=story, entries=entries, picture=picture, events=events, articles=articles
    )


@router.get("/articles", response_class=HTMLResponse)
def articles_page(
    request: Request,
    svc: Svc,
    q: Text = None,
    source: Text = None,
    since: Since = None,
    until: Until = None,
    entity: Text = None,
    offset: Offset = 0,
) -> HTMLResponse:
    ids: list[str] | None = None
    if entity:
        found = svc.store.entity(entity)
        ids = found["article_ids"] if found else []
    filters: dict[str, Any] = {
        "since": since,
        "until": until,
        "source": source or None,
        "query": q,
        "ids": ids,
    }
    chosen = svc.store.article_ids(**filters, limit=PAGE, offset=offset)
    return render(
        request,
        "articles.html",
        articles=article_summary(svc, chosen),
        total=svc.store.count_articles(**filters),
        offset=offset,
        size=PAGE,
    )


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(request: Request, svc: Svc, article_id: str) -> HTMLResponse:
    article = svc.article(article_id)
    if article is None:
        raise NotFound(f"no article {article_id!r}")
    record = svc.article_record(article)
    found = timexes(article)
    t = labels.translator(_lang(request))
    body = annotated_text(article.text, record["quotes"], record["mentions"], found, t("unknown_speaker"))
    others = {p["source_id"] for p in record["reuse"]} | {p["target_id"] for p in record["reuse"]}
    related = {a["id"]: a for a in article_summary(svc, sorted(others - {article.id}))}
    return render(
        request,
        "article.html",
        article=article,
        record=record,
        body=body,
        pieces=raw_pieces(article),
        timexes=found,
        related=related,
    )


@router.get("/entities", response_class=HTMLResponse)
def entities_page(
    request: Request, svc: Svc, q: Text = None, type: Text = None, offset: Offset = 0
) -> HTMLResponse:
    kind = type.strip().upper() if type and type.strip() else None
    if kind is not None and kind not in LABELS:
        raise Invalid(f"query.type: {type!r} is not one of {', '.join(LABELS)}")
    return render(
        request,
        "entities.html",
        entities=svc.store.entities(type=kind, query=q, limit=PAGE, offset=offset),
        total=svc.store.count_entities(type=kind, query=q),
        offset=offset,
        size=PAGE,
    )


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, svc: Svc, entity_id: str) -> HTMLResponse:
    record = svc.store.entity(entity_id)
    if record is None:
        raise NotFound(f"no entity {entity_id!r}")
    memberships = svc.store.memberships(record["article_ids"])
    story_ids = {story for story, _ in memberships.values()}
    stories = [s for s in svc.stories() if s.id in story_ids]
    return render(
        request,
        "entity.html",
        entity=record,
        quotes=svc.store.quotes(speaker=record["id"], limit=200),
        about=svc.store.quotes(about=record["id"], limit=200),
        stories=stories,
        articles=article_summary(svc, record["article_ids"][:100]),
    )


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(
    request: Request,
    svc: Svc,
    speaker: Text = None,
    q: Text = None,
    attributed: bool = False,
    offset: Offset = 0,
) -> HTMLResponse:
    filters: dict[str, Any] = {"speaker": speaker or None, "contains": q or None, "attributed": attributed}
    quotes = svc.store.quotes(**filters, limit=PAGE, offset=offset)
    titles = _titles(svc, [quote["article_id"] for quote in quotes])
    return render(
        request,
        "quotes.html",
        quotes=quotes,
        titles=titles,
        total=svc.store.count_quotes(**filters),
        offset=offset,
        size=PAGE,
    )


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, svc: Svc, q: Text = None) -> HTMLResponse:
    found: dict[str, Any] = {"articles": [], "entities": [], "quotes": [], "stories": []}
    if q and q.strip():
        words = q.casefold().split()
        found = {
            "articles": article_summary(svc, svc.store.search_ids(q, 30)),
            "entities": svc.store.entities(query=q, limit=30),
            "quotes": svc.store.quotes(contains=q, limit=30),
            "stories": [s for s in svc.stories() if all(w in s.title.casefold() for w in words)][:30],
        }
    titles = _titles(svc, [quote["article_id"] for quote in found["quotes"]])
    return render(request, "search.html", q=q or "", found=found, titles=titles)


def _titles(svc: Service, ids: list[str]) -> dict[str, str]:
    return {a.id: a.title or a.file or a.id for a in svc.store.articles(ids=sorted(set(ids)))}
