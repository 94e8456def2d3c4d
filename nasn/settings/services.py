"""Connections to the services the site uses, the database and the cache, built from the environment.

base.py and production.py call these with their own defaults, so each rule is written once.
"""

import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .env import env_int


def database_settings(default_url, *, conn_max_age, statement_timeout_ms):
    """DATABASES["default"]: DATABASE_URL (else ``default_url``) with timeouts for PostgreSQL.

    Every value can be overridden from the environment; the keyword arguments are the defaults.
    """
    database = dj_database_url.parse(
        os.environ.get("DATABASE_URL") or default_url,
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", conn_max_age),
        # A kept connection is checked before its first use in a request, so a restarted database
        # costs a reconnect, not an error.
        conn_health_checks=True,
    )
    if database["ENGINE"] != "django.db.backends.postgresql":
        return database
    options = database.setdefault("OPTIONS", {})
    # Seconds to wait for a connection (libpq's default is to wait for ever). A database that does
    # not answer then gives visitors the 503 page within seconds (home/unavailable.py).
    connect_timeout = env_int("DATABASE_CONNECT_TIMEOUT", 5)
    if connect_timeout > 0:
        options["connect_timeout"] = connect_timeout
    server_options = []
    # PostgreSQL's random_page_cost for this site's connections. With the server default (4, for
    # spinning disks) the planner scanned every search index row instead of using its GIN index:
    # 5-10 times slower on 10,000 pages (BENCHMARKS.md). 1.1 is PostgreSQL's advice for SSDs.
    random_page_cost = os.environ.get("DATABASE_RANDOM_PAGE_COST", "1.1")
    if random_page_cost:
        try:
            float(random_page_cost)
        except ValueError as error:
            message = f"DATABASE_RANDOM_PAGE_COST must be a number, not {random_page_cost!r}"
            raise ImproperlyConfigured(message) from error
        server_options.append(f"-c random_page_cost={random_page_cost}")
    # Milliseconds a statement may run before the server cancels it (0: no limit), so a stuck query
    # ends in a 503 instead of holding a worker until it is killed.
    statement_timeout = env_int("DATABASE_STATEMENT_TIMEOUT", statement_timeout_ms)
    if statement_timeout > 0:
        server_options.append(f"-c statement_timeout={statement_timeout}")
    # Startup options; DATABASE_RANDOM_PAGE_COST= and DATABASE_STATEMENT_TIMEOUT=0 leave none, which
    # is needed behind PgBouncer (it refuses them): set them on the database there instead.
    if server_options:
        options["options"] = " ".join(server_options)
    return database


# Seconds to wait for Redis: an unreachable cache must cost a request little, as it is bypassed.
REDIS_CONNECT_TIMEOUT = 0.5
REDIS_READ_TIMEOUT = 1


def cache_settings(redis_url, key_prefix):
    """One CACHES entry: django-redis at ``redis_url``, or this process's memory when it is empty.

    A Redis that fails is bypassed, not an error (IGNORE_EXCEPTIONS; each failure is logged):
    reads miss and writes are dropped, so pages are still served.
    """
    if not redis_url:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": key_prefix}
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": redis_url,
        "KEY_PREFIX": key_prefix,
        "OPTIONS": {
            "CLIENT_CLASS": "django_redis.client.DefaultClient",
            "SOCKET_CONNECT_TIMEOUT": REDIS_CONNECT_TIMEOUT,
            "SOCKET_TIMEOUT": REDIS_READ_TIMEOUT,
            "IGNORE_EXCEPTIONS": True,
        },
    }
