"""The ASGI application of ``chronique serve``: the HTTP API under ``/api`` and the web UI beside it.

Reads are open; writes need the operator's token (``CHRONIQUE_TOKEN``) and are refused when none is
set. Request bodies are capped (``max_request_mb``) while they stream in, before anything is parsed.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from chronique import __version__
from chronique.api import Chronique
from chronique.web import api, pages
from chronique.web.errors import HTTPProblem, Invalid, NotFound, TooLarge
from chronique.web.service import Service

log = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"
TOKEN_VARIABLE = "CHRONIQUE_TOKEN"


def create_app(chq: Chronique, token: str | None = None) -> FastAPI:
    """The application serving ``chq``'s store; ``token`` defaults to ``$CHRONIQUE_TOKEN``."""
    app = FastAPI(
        title="Chronique",
        version=__version__,
        description="News intelligence: articles, entities, quotations, events, stories and timelines.",
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.service = Service(chq)
    app.state.token = token if token is not None else os.environ.get(TOKEN_VARIABLE) or None
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.exception_handler(HTTPProblem)
    async def problem(request: Request, exc: HTTPProblem) -> Response:
        return _error_response(request, exc)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        details = [
            {"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")}
            for e in exc.errors()
        ]
        message = "; ".join(f"{d['where']}: {d['problem']}" for d in details) or "invalid request"
        return _error_response(request, Invalid(message, details))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            return _error_response(request, NotFound(f"no such page: {request.url.path}"))
        generic = HTTPProblem(str(exc.detail))
        generic.status, generic.code = exc.status_code, "http_error"
        return _error_response(request, generic)

    @app.exception_handler(Exception)
    async def failure(request: Request, exc: Exception) -> Response:
        # A defect, not the client's doing: the log keeps the traceback, the client gets the usual shape.
        log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
        internal = HTTPProblem(f"internal error ({type(exc).__name__}); the server's log has the details")
        internal.status, internal.code = 500, "internal_error"
        return _error_response(request, internal)

    app.add_middleware(LimitBody, limit=chq.settings.max_request_bytes)
    return app


def _error_response(request: Request, exc: HTTPProblem) -> Response:
    if request.url.path.startswith("/api") or request.url.path == "/openapi.json":
        return JSONResponse(exc.body(), status_code=exc.status)
    return HTMLResponse(pages.error_page(request, exc), status_code=exc.status)


class LimitBody:
    """ASGI middleware refusing request bodies over ``limit`` bytes with a 413, by the declared length
    and by counting what arrives (a chunked body declares none)."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or ()).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(send)
            return
        received = 0
        started = False

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise _BodyTooLarge
            return message

        async def tracked(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted, tracked)
        except _BodyTooLarge:
            if not started:
                await self._refuse(send)

    async def _refuse(self, send: Send) -> None:
        mb = self.limit / (1024 * 1024)
        response = JSONResponse(
            TooLarge(f"request body larger than the limit ({mb:g} MB; setting max_request_mb)").body(),
            status_code=413,
        )
        await response({"type": "http"}, _no_receive, send)


class _BodyTooLarge(Exception):
    pass


async def _no_receive() -> Message:
    return {"type": "http.disconnect"}
