"""The page cache, its purges, the caching headers and ETags (home/page_cache.py, home/cache_purge.py)."""

from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from home.page_cache import content_version
from tests.factories import (
    AdviceIndexPageFactory,
    AdvicePageFactory,
    HelplineFactory,
    home_page,
    make_private,
    translate_page,
)

LANGUAGES = ("en", "pl", "lt", "ro", "pt", "lv", "bg", "sq", "vi", "ti", "ar", "so", "fa", "uk", "ru")


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.WAGTAIL_CACHE = True
    caches["pages"].clear()
    yield
    caches["pages"].clear()


@pytest.fixture
def advice(db):
    index = AdviceIndexPageFactory(parent=home_page(), title="Advice", slug="advice")
    return AdvicePageFactory(parent=index, title="Your rights at work", slug="rights")


@pytest.fixture
def purges(django_capture_on_commit_callbacks):
    """Runs the purges an edit schedules for when its transaction commits."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def cache_status(response):
    return response["X-Wagtail-Cache"]


def test_a_public_page_is_stored_then_served_from_the_cache(client, advice):
    first = client.get("/en/advice/rights/")
    second = client.get("/en/advice/rights/")

    assert (cache_status(first), cache_status(second)) == ("miss", "hit")
    assert second.content == first.content
    assert second["Cache-Control"] == "public, max-age=300"
    assert second["ETag"] == first["ETag"]


def test_a_page_served_from_the_cache_costs_only_its_own_look_ups(client, advice):
    first = client.get("/en/advice/rights/")
    pages = caches["pages"]

    with mock.patch.object(pages, "get", wraps=pages.get) as cache_reads, CaptureQueriesContext(connection) as queries:
        second = client.get("/en/advice/rights/")

    assert cache_status(second) == "hit"
    assert second["ETag"] == first["ETag"]  # stored with the page, so the content version is not read
    assert "content-version" not in [call.args[0] for call in cache_reads.call_args_list]
    assert len(queries) == 0


def test_cached_pages_carry_no_nonce_cookie_or_csrf_token(client, advice):
    client.get("/en/advice/rights/")
    response = client.get("/en/advice/rights/")

    assert cache_status(response) == "hit"
    assert "nonce-" not in response["Content-Security-Policy"]
    assert not response.cookies
    assert b"csrfmiddlewaretoken" not in response.content
    assert "Vary" not in response  # the language is in the URL: no Accept-Language, no Cookie


def test_the_cache_lifetime_comes_from_the_setting(client, advice, settings):
    settings.PAGE_CACHE_MAX_AGE = 60

    assert client.get("/en/advice/rights/")["Cache-Control"] == "public, max-age=60"


def test_signed_in_staff_get_pages_that_are_neither_cached_nor_public(client, advice):
    client.force_login(get_user_model().objects.create_superuser("editor", "editor@example.com", "password"))
    responses = [client.get("/en/advice/rights/") for _ in range(2)]

    assert [cache_status(response) for response in responses] == ["skip", "skip"]
    assert "public" not in responses[1]["Cache-Control"]
    assert "ETag" not in responses[1]


def test_search_results_for_a_query_are_never_cached(client, advice):
    responses = [client.get("/en/search/", {"q": "rights"}) for _ in range(2)]

    assert [cache_status(response) for response in responses] == ["skip", "skip"]
    assert responses[1]["Cache-Control"] == "private, no-store"


def test_the_empty_search_page_is_cached(client, db):
    assert [cache_status(client.get("/en/search/")) for _ in range(2)] == ["miss", "hit"]


def test_the_report_form_is_never_cached(client, db):
    from tests.reports.conftest import ReportPageFactory

    ReportPageFactory(parent=home_page(), slug="report")
    responses = [client.get("/en/report/") for _ in range(2)]

    assert [cache_status(response) for response in responses] == ["skip", "skip"]
    assert "no-store" in responses[1]["Cache-Control"]
    assert "ETag" not in responses[1]


def test_a_private_page_is_never_cached(client, advice):
    make_private(advice)
    responses = [client.get("/en/advice/rights/") for _ in range(2)]

    assert [cache_status(response) for response in responses] == ["skip", "skip"]
    assert "public" not in responses[1]["Cache-Control"]


def test_a_page_not_found_is_not_cached(client, db):
    responses = [client.get("/en/no-such-page/") for _ in range(2)]

    assert [response.status_code for response in responses] == [404, 404]
    assert [cache_status(response) for response in responses] == ["skip", "skip"]


# Purges -----------------------------------------------------------------------------------


def test_publishing_a_translation_updates_its_cached_polish_page(client, advice, purges):
    with purges():
        translate_page(home_page(), "pl")
        translate_page(advice.get_parent().specific, "pl")
    english_fallback = client.get("/pl/advice/rights/")
    assert cache_status(client.get("/pl/advice/rights/")) == "hit"

    with purges():
        translate_page(advice, "pl", title="Twoje prawa w pracy")
    response = client.get("/pl/advice/rights/")

    assert b"Your rights at work" in english_fallback.content
    assert cache_status(response) == "miss"
    assert "Twoje prawa w pracy" in response.content.decode()


def test_unpublishing_a_page_removes_it_from_the_cache(client, advice, purges):
    client.get("/en/advice/rights/")

    with purges():
        advice.unpublish()

    assert client.get("/en/advice/rights/").status_code == 404


def test_deleting_a_page_removes_it_from_the_cache(client, advice, purges):
    client.get("/en/advice/rights/")

    with purges():
        advice.delete()

    assert client.get("/en/advice/rights/").status_code == 404


def test_editing_a_helpline_updates_every_cached_page(client, advice, purges):
    helpline = HelplineFactory(name="Old helpline name", is_featured=True)
    client.get("/en/advice/rights/")
    assert cache_status(client.get("/en/advice/rights/")) == "hit"

    with purges():
        helpline.name = "New helpline name"
        helpline.save()
    response = client.get("/en/advice/rights/")

    assert cache_status(response) == "miss"
    assert "New helpline name" in response.content.decode()


def test_one_transaction_saving_many_things_purges_once(advice, purges):
    with mock.patch("home.cache_purge.purge_page_cache") as purge, purges():
        HelplineFactory()
        HelplineFactory()
        advice.save_revision().publish()

    purge.assert_called_once_with()


def test_an_unrelated_save_does_not_purge(advice, purges):
    with mock.patch("home.cache_purge.purge_page_cache") as purge, purges():
        get_user_model().objects.create_user("someone", "someone@example.com", "password")

    purge.assert_not_called()


@override_settings(
    WAGTAILFRONTENDCACHE={
        "default": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": "http://cache"}
    }
)
def test_publishing_purges_the_front_end_cache_in_every_language(advice, purges):
    with purges():
        translate_page(home_page(), "pl")
        polish_index = translate_page(advice.get_parent().specific, "pl", slug="porady")
    with mock.patch("wagtail.contrib.frontend_cache.backends.HTTPBackend.purge") as purge, purges():
        advice.save_revision().publish()
    purged = {call.args[0] for call in purge.call_args_list}

    root = "http://localhost"
    for code in LANGUAGES:
        assert f"{root}/{code}/advice/rights/" in purged  # the page, or its English fallback
        assert f"{root}/{code}/advice/" in purged  # the listing above it
        assert f"{root}/{code}/" in purged  # the home page
    assert f"{root}/pl/porady/" in purged  # the listing's Polish translation
    assert polish_index.url == "/pl/porady/"


@override_settings(
    WAGTAILFRONTENDCACHE={
        "default": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": "http://cache"}
    }
)
def test_moving_a_page_purges_its_old_and_new_urls_from_the_front_end_cache(advice, purges):
    guides = AdviceIndexPageFactory(parent=home_page(), title="Guides", slug="guides")
    with mock.patch("wagtail.contrib.frontend_cache.backends.HTTPBackend.purge") as purge, purges():
        advice.move(guides, pos="last-child")
    purged = {call.args[0] for call in purge.call_args_list}

    for code in LANGUAGES:
        assert {
            f"http://localhost/{code}/advice/rights/",
            f"http://localhost/{code}/advice/",
            f"http://localhost/{code}/guides/rights/",
            f"http://localhost/{code}/guides/",
        } <= purged


# ETags and revalidation -------------------------------------------------------------------


@pytest.mark.parametrize("page_cache_on", [True, False])
def test_a_revalidation_is_answered_before_anything_is_rendered(client, advice, settings, page_cache_on):
    settings.WAGTAIL_CACHE = page_cache_on
    etag = client.get("/en/advice/rights/")["ETag"]

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/advice/rights/", headers={"if-none-match": etag})

    assert response.status_code == 304
    assert len(queries) == 0
    assert not response.templates
    assert response["ETag"] == etag
    assert response["Cache-Control"] == "public, max-age=300"


def test_head_gets_the_same_etag_as_get(client, advice):
    get = client.get("/en/advice/rights/")
    head = client.head("/en/advice/rights/")

    assert head.status_code == 200
    assert head["ETag"] == get["ETag"]


def test_each_url_has_its_own_etag(client, advice):
    etags = {client.get(url)["ETag"] for url in ("/en/advice/rights/", "/pl/advice/rights/", "/en/advice/")}

    assert len(etags) == 3


def test_a_publish_changes_every_etag(client, advice, purges):
    etag = client.get("/en/advice/")["ETag"]
    version = content_version()

    with purges():
        advice.save_revision().publish()
    response = client.get("/en/advice/", headers={"if-none-match": etag})

    assert content_version() != version
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_a_page_rendered_while_content_was_published_is_not_kept(client, advice):
    def render_during_a_publish(*args, **kwargs):
        caches["pages"].incr("content-version")
        return original(*args, **kwargs)

    from advice.models import AdvicePage

    original = AdvicePage.serve
    with mock.patch.object(AdvicePage, "serve", render_during_a_publish):
        response = client.get("/en/advice/rights/")

    assert "public" not in response["Cache-Control"]
    assert cache_status(client.get("/en/advice/rights/")) == "miss"
