"""The OpenAPI description holds, and no generated request makes the API fail with a 5xx.

Schemathesis loads /openapi.json from the app (which validates the description) and sends at
most 20 generated requests per operation, writes with a valid token so request bodies reach
the review and submit code.
"""

from __future__ import annotations

from typing import Any

import schemathesis
from api_support import TOKEN, make_client
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from spacy.language import Language

from accord.api.submit import Extractor

MAX_EXAMPLES = 20


def test_generated_requests_never_get_a_server_error(db_url: str, nlp: Language) -> None:
    fuzz(make_client(db_url, nlp, write_limit=100_000).app)


def test_generated_requests_never_get_a_server_error_on_postgresql(
    pg_client: TestClient, nlp: Language
) -> None:
    pg_client.app.state.write_limiter.limit = 100_000  # type: ignore[attr-defined]
    pg_client.app.state.extractor = Extractor(nlp)  # type: ignore[attr-defined]  # the session's pipeline
    fuzz(pg_client.app)


def fuzz(app: Any) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 15
    failures: list[str] = []
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=MAX_EXAMPLES,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
        )
        def run(case: schemathesis.Case) -> None:
            case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, checks=[not_a_server_error])

        try:
            run()
        except Exception as error:  # every operation is tried; the failures are listed together
            failures.append(f"{operation.label}: {str(error).splitlines()[0:3]}")
    assert failures == []
