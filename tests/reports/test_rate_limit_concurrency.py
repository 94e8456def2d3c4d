"""The report rate limit holds under concurrency, in one process's cache and in Redis shared by workers,
and a cache that does not answer never stops a report."""

import logging
import multiprocessing
import os
import secrets
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.cache import cache
from django.test import RequestFactory, override_settings

from nasn.settings.page_cache import page_cache_settings
from nasn.settings.services import cache_settings
from reports import protection
from reports.models import Report
from tests.reports.test_submission import URL, post

# Redis DB 1 by default (the machine's server, as in CI); keys get a prefix of their own per test.
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/1")
UNREACHABLE_REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1


def redis_cache(url):
    prefix = f"nasn-test-{secrets.token_hex(4)}"
    return {"default": cache_settings(url, prefix), "pages": page_cache_settings(url, f"{prefix}-pages")}


@pytest.fixture
def shared_redis_cache():
    with override_settings(CACHES=redis_cache(TEST_REDIS_URL)):
        cache.set("reachable", 1)
        assert cache.get("reachable") == 1, f"Redis at {TEST_REDIS_URL} (TEST_REDIS_URL) does not answer"
        yield
        cache.delete_pattern("*")  # this test's prefix only


def take_slots_at_once(count):
    request = RequestFactory().post(URL, REMOTE_ADDR="203.0.113.7")
    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(lambda _: protection.take_report_slot(request), range(count)))


@override_settings(REPORTS_RATE_LIMIT=10)
def test_thirty_concurrent_reports_with_a_limit_of_ten_let_exactly_ten_through_in_memory():
    assert take_slots_at_once(30).count(True) == 10


@override_settings(REPORTS_RATE_LIMIT=10)
def test_thirty_concurrent_reports_with_a_limit_of_ten_let_exactly_ten_through_in_redis(shared_redis_cache):
    assert take_slots_at_once(30).count(True) == 10


def take_one_slot(_):
    return protection.take_report_slot(RequestFactory().post(URL, REMOTE_ADDR="203.0.113.7"))


@override_settings(REPORTS_RATE_LIMIT=10)
def test_worker_processes_sharing_redis_let_exactly_the_limit_through(shared_redis_cache):
    # Three forked processes, as gunicorn's workers are, each with its own Redis connections.
    with multiprocessing.get_context("fork").Pool(3) as workers:
        accepted = workers.map(take_one_slot, range(30), chunksize=1)
    assert accepted.count(True) == 10


@pytest.mark.django_db
def test_redis_unreachable_pages_serve_and_reports_are_accepted_with_a_warning(client, report_page, valid_data, caplog):
    with override_settings(CACHES=redis_cache(UNREACHABLE_REDIS_URL), REPORTS_RATE_LIMIT=1):
        assert client.get("/en/").status_code == 200
        assert client.get(URL).status_code == 200
        with caplog.at_level(logging.WARNING):
            responses = [post(client, valid_data()) for _ in range(2)]

    assert [response.status_code for response in responses] == [303, 303]  # limit 1: no cache, no limit
    assert Report.objects.count() == 2
    assert "Report rate limit not applied" in caplog.text
    assert "203.0.113.7" not in caplog.text
