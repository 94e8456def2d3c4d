"""/healthz for a load balancer: is the database answering, and the cache?

200 while the database works ("degraded" when only the cache fails: pages are still served, uncached),
503 when it does not. One SELECT 1 and one cache write and read; no cookies, no secrets, never cached.
"""

import logging
import secrets

from django.core.cache import cache
from django.db import Error as DatabaseError
from django.db import connection
from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def database_ok():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        logger.warning("Health check: database error: %s", error)
        return False
    return True


def cache_ok():
    # A key of its own per check, so concurrent checks cannot read each other's value.
    key, value = f"healthz:{secrets.token_hex(8)}", secrets.token_hex(8)
    try:
        cache.set(key, value, timeout=10)
        ok = cache.get(key) == value
        cache.delete(key)
    except Exception as error:  # any backend's failure is "error" here, never a 500
        logger.warning("Health check: cache error: %s", error)
        return False
    return ok  # django-redis ignores (and logs) a Redis failure: the read then misses


@require_safe
def healthz(request):
    database, cached = database_ok(), cache_ok()
    status = "down" if not database else "ok" if cached else "degraded"
    response = JsonResponse(
        {"status": status, "database": "ok" if database else "error", "cache": "ok" if cached else "error"},
        status=200 if database else 503,
    )
    add_never_cache_headers(response)
    return response
