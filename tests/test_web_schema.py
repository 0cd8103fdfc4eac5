"""Schema check: schemathesis generates requests from ``/openapi.json`` for every endpoint and checks
that the server never fails (no 5xx) and that responses match the documented schema.

(schemathesis's pytest plugin reads a pytest attribute that pytest 9 removed, so the operations are
driven here with Hypothesis directly, as the plugin would.)"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from chronique.api import Chronique
from chronique.web import create_app


@pytest.fixture(scope="module")
def web_schema(samples_db: str) -> Iterator[schemathesis.BaseSchema]:
    with Chronique(samples_db) as chq:
        app = create_app(chq, token="")  # writes refused: generated POSTs must not change the store
        yield schemathesis.openapi.from_asgi("/openapi.json", app)


def test_api_conforms_to_its_schema(web_schema: schemathesis.BaseSchema) -> None:
    operations = [result.ok() for result in web_schema.get_all_operations()]
    assert len(operations) >= 15
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
        def check(case: schemathesis.Case) -> None:
            case.call_and_validate()

        check()
