"""The whole OpenAPI document, tried by schemathesis (issue 20): for every operation, requests
generated from the schema — valid and not — sent in-process to the WSGI application with a real
token, must never get a 500 and every documented answer must match its schema.

Kept short for CI (≈ a minute on SQLite): a few examples per operation, derandomized (the same
examples every run), no example database. The data is the `world` of conftest: Long Biên's plan,
report, nominations and decision; reads use the district officer's token (it reads all of them),
writes the CĐCS chair's read-write token (the one that may send its report)."""

import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from thidua.api.tests.conftest import make_token


def _document() -> dict:
    # The same document /api/schema/ serves, made in-process (no request, no database).
    return json.loads(json.dumps(SchemaGenerator().get_schema(request=None, public=True), default=str))


schema = schemathesis.openapi.from_dict(_document())
schema.app = get_wsgi_application()


@pytest.fixture
def _keep_test_connection():
    """The WSGI application closes the database connection at each request's start and end
    (close_old_connections); on PostgreSQL that would end the test's transaction. Django's test
    client unhooks it the same way while it calls the application."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def tokens(world, roles, _keep_test_connection):
    return {
        "read": make_token(roles["district"]),
        "write": make_token(roles["cdcs_chair"], write=True),
    }


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=5,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_no_server_error_and_every_answer_in_the_schema(case, tokens):
    if case.media_type == "multipart/form-data" and not isinstance(case.body, dict):
        # A form is a set of named fields: the WSGI test client cannot encode anything else as
        # multipart (nor can a real client send it), so such a generated body is not a request.
        return
    secret = tokens["read"] if case.method.upper() == "GET" else tokens["write"]
    response = case.call(headers={"Authorization": f"Bearer {secret}"})
    case.validate_response(response, checks=[not_a_server_error, response_schema_conformance])
