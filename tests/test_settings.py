"""Settings read from the environment: production refuses weak keys and a missing public origin.

Each case imports the settings module in a fresh interpreter with only the given variables set.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOOD_KEY = "k3y-" + "abcdefghij" * 5  # 54 characters, plenty of them different
ORIGIN = "https://nasn.org.uk"
NAMES = [
    "WAGTAILADMIN_BASE_URL",
    "WAGTAILAPI_BASE_URL",
    "NASN_PUBLIC_ORIGIN",
    "SESSION_COOKIE_AGE",
    "SESSION_EXPIRE_AT_BROWSER_CLOSE",
    "NASN_SESSION_MAX_HOURS",
    "IPWARE_META_PRECEDENCE_ORDER",
    "CACHES",
    "DATABASES",
    "NASN_STARTUP_WARNINGS",
    "SECURE_REDIRECT_EXEMPT",
]
READ = (
    "import importlib, json, sys; s = importlib.import_module(sys.argv[1]); "
    f"print(json.dumps({{n: getattr(s, n, None) for n in {NAMES!r}}}))"
)


def load(module, **env):
    """The settings as a dict, or the ImproperlyConfigured message when the module refuses."""
    environ = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("NASN_", "WAGTAIL", "SECRET_KEY", "DJANGO_SETTINGS", "REDIS_URL", "DATABASE_", "CACHE_"))
    }
    result = subprocess.run(  # noqa: S603 -- our own interpreter and a fixed script
        [sys.executable, "-c", READ, f"nasn.settings.{module}"],
        env={**environ, "DJANGO_SETTINGS_MODULE": f"nasn.settings.{module}", **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode == 0:
        return json.loads(result.stdout)
    assert "ImproperlyConfigured" in result.stderr, result.stderr
    return result.stderr.strip().splitlines()[-1]


REDIS_URL = "redis://127.0.0.1:6379/0"
POSTGRES_URL = "postgres://nasn@db.example:5432/nasn"


def production(**env):
    return load("production", **{"SECRET_KEY": GOOD_KEY, "NASN_PUBLIC_ORIGIN": ORIGIN, "REDIS_URL": REDIS_URL, **env})


def test_production_with_a_good_key_and_origin_uses_the_origin_for_admin_and_api_links():
    settings = production()
    assert settings["WAGTAILADMIN_BASE_URL"] == ORIGIN
    assert settings["WAGTAILAPI_BASE_URL"] == ORIGIN


@pytest.mark.parametrize(
    "key",
    [
        "",
        "abcdefghij" * 4 + "abcdefghi",  # 49 characters
        "abcd" * 20,  # long enough, 4 different characters
        "django-insecure-" + "abcdefghij" * 5,  # Django's generated development key
    ],
)
def test_production_refuses_a_weak_secret_key(key):
    message = production(SECRET_KEY=key)
    assert "SECRET_KEY must be set" in message
    assert "at least 50 characters" in message
    assert 'python -c "import secrets; print(secrets.token_urlsafe(50))"' in message
    if key:
        assert key not in message  # the key itself is never printed


def test_a_generated_key_is_accepted():
    assert isinstance(production(SECRET_KEY=secrets.token_urlsafe(50)), dict)


def test_production_requires_the_public_origin():
    message = load("production", SECRET_KEY=GOOD_KEY)
    assert "NASN_PUBLIC_ORIGIN must be set in production" in message


@pytest.mark.parametrize(
    "origin",
    [
        "nasn.org.uk",
        "ftp://nasn.org.uk",
        "https://",
        "https://nasn.org.uk/admin",
        "https://nasn.org.uk?x=1",
        "https://nasn.org.uk#top",
        "https://user:pass@nasn.org.uk",
        "https://nasn.org.uk:notaport",
    ],
)
def test_production_refuses_an_invalid_public_origin(origin):
    message = production(NASN_PUBLIC_ORIGIN=origin)
    assert "NASN_PUBLIC_ORIGIN must be an origin" in message


@pytest.mark.parametrize(
    ("origin", "expected"),
    [
        ("https://nasn.org.uk/", "https://nasn.org.uk"),
        ("http://localhost:8000", "http://localhost:8000"),
        ("HTTPS://nasn.org.uk", "https://nasn.org.uk"),
    ],
)
def test_valid_origins_are_normalised(origin, expected):
    assert production(NASN_PUBLIC_ORIGIN=origin)["WAGTAILADMIN_BASE_URL"] == expected


def test_dev_keeps_its_defaults_without_the_origin():
    settings = load("dev")
    assert settings["NASN_PUBLIC_ORIGIN"] == ""
    assert settings["WAGTAILADMIN_BASE_URL"] == "http://127.0.0.1:8000"
    assert settings["WAGTAILAPI_BASE_URL"] is None
    # The API's links follow the Site record as page URLs do: WAGTAILAPI_BASE_URL is not read.
    settings = load("dev", WAGTAILADMIN_BASE_URL="http://a.test", WAGTAILAPI_BASE_URL="http://b.test")
    assert (settings["WAGTAILADMIN_BASE_URL"], settings["WAGTAILAPI_BASE_URL"]) == ("http://a.test", None)


def test_dev_uses_the_origin_when_set():
    settings = load("dev", NASN_PUBLIC_ORIGIN="http://nasn.localhost:8000", WAGTAILAPI_BASE_URL="http://b.test")
    assert settings["WAGTAILADMIN_BASE_URL"] == settings["WAGTAILAPI_BASE_URL"] == "http://nasn.localhost:8000"


def test_session_limits_come_from_the_environment():
    settings = load("dev", NASN_SESSION_IDLE_MINUTES="15", NASN_SESSION_MAX_HOURS="4")
    assert settings["SESSION_COOKIE_AGE"] == 15 * 60
    assert settings["NASN_SESSION_MAX_HOURS"] == 4
    assert settings["SESSION_EXPIRE_AT_BROWSER_CLOSE"] is True


@pytest.mark.parametrize("env", [{"NASN_SESSION_IDLE_MINUTES": "0"}, {"NASN_SESSION_MAX_HOURS": "soon"}])
def test_bad_session_limits_are_refused(env):
    assert "NASN_SESSION_" in load("dev", **env)


@pytest.mark.parametrize("name", ["CLIENT_IP_HEADER", "REPORTS_CLIENT_IP_HEADER"])  # the current and former name
def test_a_client_address_header_is_trusted_only_when_configured(name):
    assert load("dev")["IPWARE_META_PRECEDENCE_ORDER"] == ["REMOTE_ADDR"]
    configured = load("dev", **{name: "HTTP_X_FORWARDED_FOR"})
    assert configured["IPWARE_META_PRECEDENCE_ORDER"] == ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]


# The cache and the database --------------------------------------------------------------


def test_production_shares_a_redis_cache_that_is_bypassed_when_it_fails():
    settings = production(CACHE_KEY_PREFIX="nasn-staging")
    cache = settings["CACHES"]["default"]
    assert cache["BACKEND"] == "django_redis.cache.RedisCache"
    assert cache["LOCATION"] == REDIS_URL
    assert cache["KEY_PREFIX"] == "nasn-staging"
    assert cache["OPTIONS"]["IGNORE_EXCEPTIONS"] is True
    assert cache["OPTIONS"]["SOCKET_CONNECT_TIMEOUT"] <= 1
    assert cache["OPTIONS"]["SOCKET_TIMEOUT"] <= 1
    assert settings["NASN_STARTUP_WARNINGS"] == []


def test_production_refuses_to_start_without_redis():
    message = production(REDIS_URL="")
    assert "REDIS_URL must be set in production" in message
    assert "NASN_SINGLE_PROCESS_CACHE=true" in message


def test_production_accepts_a_single_process_cache_when_told_and_says_so_at_start():
    env = {"REDIS_URL": "", "NASN_SINGLE_PROCESS_CACHE": "true"}
    settings = production(**env)
    assert settings["CACHES"]["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    # Each process logs it when it starts (home.apps).
    started = subprocess.run(  # noqa: S603 -- our own interpreter and a fixed script
        [sys.executable, "-c", "import django; django.setup()"],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "nasn.settings.production",
            "SECRET_KEY": GOOD_KEY,
            "NASN_PUBLIC_ORIGIN": ORIGIN,
            **env,
        },
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Run ONE worker process" in started.stderr


def test_dev_shares_a_cache_on_disk_and_test_keeps_a_local_memory_cache():
    # The dev server and manage.py commands (flush_readership, the demo loader) see one cache.
    dev = load("dev")["CACHES"]["default"]
    assert dev["BACKEND"] == "django.core.cache.backends.filebased.FileBasedCache"
    assert dev["LOCATION"] == str(ROOT / ".cache" / "default")
    assert load("dev", REDIS_URL=REDIS_URL)["CACHES"]["default"]["BACKEND"] == "django_redis.cache.RedisCache"
    assert load("test", REDIS_URL=REDIS_URL)["CACHES"]["default"]["BACKEND"] == (
        "django.core.cache.backends.locmem.LocMemCache"
    )


def test_production_keeps_checked_connections_with_connect_and_statement_timeouts():
    database = production(DATABASE_URL=POSTGRES_URL)["DATABASES"]["default"]
    assert database["CONN_MAX_AGE"] == 60
    assert database["CONN_HEALTH_CHECKS"] is True
    assert database["OPTIONS"] == {
        "connect_timeout": 5,
        "options": "-c random_page_cost=1.1 -c statement_timeout=15000",
    }


def test_database_timeouts_come_from_the_environment():
    env = {"DATABASE_CONNECT_TIMEOUT": "2", "DATABASE_STATEMENT_TIMEOUT": "3000", "DATABASE_CONN_MAX_AGE": "0"}
    database = production(DATABASE_URL=POSTGRES_URL, **env)["DATABASES"]["default"]
    assert database["CONN_MAX_AGE"] == 0
    assert database["OPTIONS"] == {"connect_timeout": 2, "options": "-c random_page_cost=1.1 -c statement_timeout=3000"}


def test_behind_pgbouncer_no_startup_options_are_sent():
    env = {"DATABASE_STATEMENT_TIMEOUT": "0", "DATABASE_RANDOM_PAGE_COST": ""}
    database = production(DATABASE_URL=POSTGRES_URL, **env)["DATABASES"]["default"]
    assert database["OPTIONS"] == {"connect_timeout": 5}


def test_development_has_no_statement_timeout_and_no_kept_connections():
    database = load("dev", DATABASE_URL=POSTGRES_URL)["DATABASES"]["default"]
    assert database["CONN_MAX_AGE"] == 0
    assert database["OPTIONS"] == {"connect_timeout": 5, "options": "-c random_page_cost=1.1"}


@pytest.mark.parametrize("env", [{"DATABASE_STATEMENT_TIMEOUT": "15s"}, {"DATABASE_CONNECT_TIMEOUT": "soon"}])
def test_bad_database_timeouts_are_refused(env):
    assert "must be a whole number" in production(DATABASE_URL=POSTGRES_URL, **env)


def test_production_exempts_only_the_health_check_from_the_https_redirect():
    assert production()["SECURE_REDIRECT_EXEMPT"] == ["^healthz$"]
