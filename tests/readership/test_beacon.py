"""The beacon: counts through the page cache, in the visitor's language, and nothing about the visitor."""

import json
import logging
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from readership.counting import flush_counts, pending_counts
from readership.models import PageViews
from tests.factories import make_private

from .conftest import BEACON_URL, BROWSER, beacon_body, send


def stored():
    """{(page id, language): views} of the daily rows, after a flush."""
    flush_counts()
    return {
        (row.page_id, row.locale.language_code): row.views
        for row in PageViews.objects.filter(period=PageViews.DAY).select_related("locale")
    }


@pytest.fixture
def page_cache(settings):
    settings.WAGTAIL_CACHE = True


def test_views_are_counted_through_the_page_cache(client, pages, page_cache):
    responses = [client.get("/pl/advice/rights/") for _ in range(3)]
    assert [response["X-Wagtail-Cache"] for response in responses] == ["miss", "hit", "hit"]

    for response in responses:
        body, url = beacon_body(response)
        assert url == BEACON_URL
        assert send(client, body).status_code == 204

    assert stored() == {(pages.pl_rights.pk, "pl"): 3}


def test_an_english_page_shown_as_the_fallback_counts_for_the_visitors_language(client, pages, page_cache):
    for _ in range(2):
        body, _url = beacon_body(client.get("/pl/advice/signs/"))
        send(client, body)
    body, _url = beacon_body(client.get("/en/advice/signs/"))
    send(client, body)

    assert body == {"page": pages.signs.pk, "language": "en"}
    assert stored() == {(pages.signs.pk, "pl"): 2, (pages.signs.pk, "en"): 1}
    (fallback,) = PageViews.objects.filter(locale__language_code="pl")
    assert fallback.is_fallback
    assert not PageViews.objects.get(locale__language_code="en").is_fallback


def test_a_cached_page_carries_no_visitor_data(client, pages, page_cache):
    client.get("/pl/advice/rights/")
    response = client.get("/pl/advice/rights/")

    body, _url = beacon_body(response)
    assert body == {"page": pages.pl_rights.pk, "language": "pl"}
    assert not response.cookies


def test_counting_a_view_writes_nothing_to_the_database(client, pages):
    send(client, {"page": pages.signs.pk, "language": "pl"})  # the page and language looked up once

    with CaptureQueriesContext(connection) as queries:
        for _ in range(5):
            assert send(client, {"page": pages.signs.pk, "language": "pl"}).status_code == 204

    assert len(queries) == 0
    assert PageViews.objects.count() == 0
    polish = Locale.objects.get(language_code="pl")
    assert pending_counts(timezone.localdate()) == {(pages.signs.pk, polish.pk): 6}


def test_the_beacon_sets_no_cookie_and_is_not_cached(client, pages):
    response = send(client, {"page": pages.signs.pk, "language": "en"})

    assert response.status_code == 204
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]


def test_the_stored_counts_hold_nothing_about_the_visitor():
    fields = {field.name for field in PageViews._meta.get_fields()}

    assert fields == {"id", "period", "date", "page", "locale", "views"}
    assert PageViews._meta.get_field("date").get_internal_type() == "DateField"  # no time of day


def test_nothing_about_the_sender_is_logged(client, pages, caplog):
    headers = {"REMOTE_ADDR": "203.0.113.7", "HTTP_USER_AGENT": f"{BROWSER} unique-agent", "QUERY_STRING": "x=secret"}
    with caplog.at_level(logging.DEBUG):
        send(client, {"page": pages.signs.pk, "language": "pl"}, **headers)
        send(client, {"page": 999999, "language": "pl"}, **headers)
        send(client, "{not json", **headers)
        client.get(BEACON_URL, **headers)

    logged = "\n".join(f"{record.getMessage()} {record.__dict__}" for record in caplog.records)
    for secret in ("203.0.113.7", "unique-agent", "secret"):
        assert secret not in logged
    assert BEACON_URL not in logged  # refused beacons are not logged at all: a script could fill the log


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_GPC": "1"},
        {"HTTP_DNT": "1"},
        {"HTTP_USER_AGENT": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"},
        {"HTTP_USER_AGENT": "Mozilla/5.0 (compatible; bingbot/2.0)"},
        {"HTTP_USER_AGENT": "python-requests/2.32"},
        {"HTTP_USER_AGENT": ""},
    ],
    ids=["gpc", "dnt", "googlebot", "bingbot", "script", "no-agent"],
)
def test_visitors_asking_not_to_be_tracked_and_bots_are_not_counted(client, pages, headers):
    response = send(client, {"page": pages.signs.pk, "language": "pl"}, **headers)

    assert response.status_code == 204
    assert stored() == {}


def test_a_page_is_counted_at_most_the_cap_per_minute(client, pages, settings):
    settings.READERSHIP_VIEWS_PER_PAGE_PER_MINUTE = 3
    statuses = [send(client, {"page": pages.signs.pk, "language": "pl"}).status_code for _ in range(5)]
    other_page = send(client, {"page": pages.rights.pk, "language": "en"}).status_code

    assert statuses == [204, 204, 204, 429, 429]
    assert other_page == 204
    assert stored() == {(pages.signs.pk, "pl"): 3, (pages.rights.pk, "en"): 1}


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"page": 999999, "language": "pl"}, 400),  # unknown page
        ({"page": "1", "language": "pl"}, 400),
        ({"page": True, "language": "pl"}, 400),
        ({"page": 2**40, "language": "pl"}, 400),
        ({"language": "pl"}, 400),
        ("{not json", 400),
        ("[1, 2]", 400),
        (b"\xff\xfe", 400),
        ("", 400),
        ("x" * 100_000, 413),  # huge body
    ],
    ids=["unknown", "string-id", "bool-id", "huge-id", "no-page", "malformed", "array", "not-utf8", "empty", "huge"],
)
def test_bad_bodies_are_refused_with_a_4xx(client, pages, body, status):
    assert send(client, body).status_code == status
    assert stored() == {}


def test_languages_the_site_does_not_serve_are_refused(client, pages, settings):
    assert send(client, {"page": pages.signs.pk, "language": "xx"}).status_code == 400
    assert send(client, {"page": pages.signs.pk, "language": "x" * 50}).status_code == 400
    settings.WAGTAIL_CONTENT_LANGUAGES = [("en", "English")]  # Polish no longer served
    assert send(client, {"page": pages.signs.pk, "language": "pl"}).status_code == 400


def test_a_translation_is_not_counted_under_another_language(client, pages):
    assert send(client, {"page": pages.pl_rights.pk, "language": "ro"}).status_code == 400
    assert send(client, {"page": pages.pl_rights.pk, "language": "en"}).status_code == 400


def test_drafts_private_pages_and_the_root_are_refused(client, pages):
    pages.signs.unpublish()
    make_private(pages.rights)

    assert send(client, {"page": pages.signs.pk, "language": "en"}).status_code == 400
    assert send(client, {"page": pages.rights.pk, "language": "en"}).status_code == 400
    assert send(client, {"page": 1, "language": "en"}).status_code == 400


def test_drafts_and_previews_carry_no_beacon(client, pages):
    make_private(pages.rights)
    response = client.get("/en/advice/rights/", follow=True)

    assert "data-readership" not in response.content.decode()
    assert "data-readership" in client.get("/en/advice/signs/").content.decode()
    assert "data-readership" not in client.get("/en/no-such-page/").content.decode()


@pytest.mark.parametrize("method", ["get", "put", "delete", "head"])
def test_other_methods_are_refused(client, pages, method):
    assert getattr(client, method)(BEACON_URL).status_code == 405


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "https://elsewhere.example"},
        {"HTTP_SEC_FETCH_SITE": "same-site", "HTTP_ORIGIN": "null"},
        {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "https://elsewhere.example"},
        {"HTTP_SEC_FETCH_SITE": "", "HTTP_ORIGIN": "https://elsewhere.example"},
    ],
    ids=["cross-site", "same-site", "foreign-origin", "no-fetch-metadata"],
)
def test_requests_from_other_sites_are_refused(client, pages, headers):
    response = send(client, {"page": pages.signs.pk, "language": "en"}, **headers)

    assert response.status_code == 403
    assert stored() == {}


def test_browsers_without_fetch_metadata_are_checked_by_their_origin(client, pages):
    response = client.post(
        BEACON_URL,
        data=json.dumps({"page": pages.signs.pk, "language": "en"}),
        content_type="text/plain",
        HTTP_ORIGIN="http://testserver",
        HTTP_USER_AGENT=BROWSER,
    )

    assert response.status_code == 204
    assert stored() == {(pages.signs.pk, "en"): 1}


def test_an_error_in_the_beacon_is_logged_without_the_request(client, pages, caplog):
    client.raise_request_exception = False
    with (
        mock.patch("readership.beacon.count_view", side_effect=RuntimeError("cache broken")),
        caplog.at_level(logging.ERROR),
    ):
        response = send(client, {"page": pages.signs.pk, "language": "pl"}, REMOTE_ADDR="203.0.113.7")

    assert response.status_code == 500
    (record,) = [record for record in caplog.records if record.name == "django.request"]
    assert record.request is None
    assert "203.0.113.7" not in f"{record.getMessage()} {record.__dict__}"


def test_other_addresses_under_readership_are_plain_404s(client, db):
    # Not redirected to /en/readership/… as unprefixed page addresses are (home.middleware.LocaleMiddleware).
    assert client.post("/readership/other/", HTTP_SEC_FETCH_SITE="same-origin").status_code == 404
