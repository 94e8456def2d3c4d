"""/healthz: database and cache status for a load balancer, without cookies, caching or redirects."""

import json
from unittest import mock

import pytest
from django.db import OperationalError
from django.test import override_settings

from tests.reports.test_rate_limit_concurrency import UNREACHABLE_REDIS_URL, redis_cache
from tests.test_settings import production

pytestmark = pytest.mark.django_db


def health(client):
    response = client.get("/healthz")
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies
    assert "Accept-Language" not in response.get("Vary", "")
    return response.status_code, json.loads(response.content)


def test_all_well(client):
    assert health(client) == (200, {"status": "ok", "database": "ok", "cache": "ok"})


def test_a_cache_that_does_not_answer_is_degraded_but_serving(client):
    with override_settings(CACHES=redis_cache(UNREACHABLE_REDIS_URL)):
        assert health(client) == (200, {"status": "degraded", "database": "ok", "cache": "error"})


def test_a_database_that_does_not_answer_is_down(client):
    with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError("refused")):
        assert health(client) == (503, {"status": "down", "database": "error", "cache": "ok"})


def test_only_reads_are_allowed(client):
    assert client.post("/healthz").status_code == 405


def test_production_answers_it_over_plain_http_while_redirecting_pages():
    exempt = production()["SECURE_REDIRECT_EXEMPT"]
    with override_settings(SECURE_SSL_REDIRECT=True, SECURE_REDIRECT_EXEMPT=exempt):
        from django.test import Client

        client = Client()
        assert client.get("/healthz").status_code == 200
        assert client.get("/en/").status_code == 301
