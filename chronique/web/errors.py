"""HTTP errors as a small typed hierarchy, rendered as one JSON shape for the API and as a page for
the web UI: ``{"error": {"status": 404, "code": "not_found", "message": "…"}}``."""

from __future__ import annotations

from typing import Any


class HTTPProblem(Exception):
    """An error the client can act on; ``code`` is stable, ``message`` says what to do."""

    status = 400
    code = "bad_request"

    def __init__(self, message: str, details: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details

    def body(self) -> dict[str, Any]:
        error: dict[str, Any] = {"status": self.status, "code": self.code, "message": self.message}
        if self.details is not None:
            error["details"] = self.details
        return {"error": error}


class BadRequest(HTTPProblem):
    status, code = 400, "bad_request"


class Unauthorized(HTTPProblem):
    status, code = 401, "unauthorized"


class Forbidden(HTTPProblem):
    status, code = 403, "writes_disabled"


class NotFound(HTTPProblem):
    status, code = 404, "not_found"


class TooLarge(HTTPProblem):
    status, code = 413, "too_large"


class UnsupportedMedia(HTTPProblem):
    status, code = 415, "unsupported_media_type"


class Invalid(HTTPProblem):
    status, code = 422, "invalid_parameters"
