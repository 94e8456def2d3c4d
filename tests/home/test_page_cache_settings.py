"""The page cache's settings, and its Redis purge leaving the rest of the database alone."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django_redis.cache import RedisCache
from fakeredis import FakeRedisConnection, FakeServer

from home.page_cache import CONTENT_VERSION_KEY, PageRedisCache
from nasn.settings.page_cache import frontend_cache_settings, page_cache_settings


def test_without_redis_the_page_cache_is_this_process_memory():
    assert page_cache_settings("", "nasn-pages")["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"


def test_with_redis_the_page_cache_has_its_own_backend_and_key_prefix():
    config = page_cache_settings("redis://cache:6379/0", "nasn-pages")

    assert config["BACKEND"] == "home.page_cache.PageRedisCache"
    assert config["LOCATION"] == "redis://cache:6379/0"
    assert config["KEY_PREFIX"] == "nasn-pages"
    assert config["OPTIONS"]["IGNORE_EXCEPTIONS"] is True


def test_no_front_end_cache_unless_configured():
    assert frontend_cache_settings({}) == {}


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        (
            {"FRONTEND_CACHE": "cloudflare", "CLOUDFLARE_BEARER_TOKEN": "token", "CLOUDFLARE_ZONEID": "zone"},
            {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
                "BEARER_TOKEN": "token",
                "ZONEID": "zone",
            },
        ),
        (
            {"FRONTEND_CACHE": "cloudfront", "CLOUDFRONT_DISTRIBUTION_ID": "E123"},
            {"BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend", "DISTRIBUTION_ID": "E123"},
        ),
        (
            {"FRONTEND_CACHE": "http", "FRONTEND_CACHE_PURGE_URL": "http://varnish:6081"},
            {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": "http://varnish:6081"},
        ),
    ],
)
def test_front_end_cache_backends_from_the_environment(environ, expected):
    assert frontend_cache_settings(environ) == {"default": expected}


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"FRONTEND_CACHE": "akamai"}, "FRONTEND_CACHE must be one of cloudflare, cloudfront, http"),
        ({"FRONTEND_CACHE": "cloudflare", "CLOUDFLARE_ZONEID": "zone"}, "needs CLOUDFLARE_BEARER_TOKEN"),
        ({"FRONTEND_CACHE": "http"}, "needs FRONTEND_CACHE_PURGE_URL"),
    ],
)
def test_an_incomplete_front_end_cache_is_refused(environ, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        frontend_cache_settings(environ)


def test_clearing_the_redis_page_cache_keeps_the_other_caches_keys():
    # The default cache (rate-limit counters) and the page cache in one Redis database.
    options = {"CONNECTION_POOL_KWARGS": {"connection_class": FakeRedisConnection, "server": FakeServer()}}
    default = RedisCache("redis://redis:6379/0", {"OPTIONS": options})
    pages = PageRedisCache("redis://redis:6379/0", {"KEY_PREFIX": "nasn-pages", "OPTIONS": options})
    default.set("reports-rate-limit", 3)
    pages.set("views.decorators.cache.cache_page.abc", "a page")
    pages.set(CONTENT_VERSION_KEY, 41)

    pages.clear()

    assert default.get("reports-rate-limit") == 3
    assert pages.get("views.decorators.cache.cache_page.abc") is None
    assert pages.get(CONTENT_VERSION_KEY) == 42
