"""Production: everything from the environment; start-up stops with a clear message when something is missing.

Required: a real SECRET_KEY, NASN_PUBLIC_ORIGIN, and REDIS_URL (the cache every worker shares: rate
limits and cached pages), unless NASN_SINGLE_PROCESS_CACHE=true says that one process serves the site,
which is then logged as a warning at start-up. Database connections are kept (CONN_MAX_AGE, checked
before reuse) with connect and statement timeouts (services.py); HTTPS is enforced, except for the
load balancer's /healthz.
"""

from django.core.checks.security.base import (
    SECRET_KEY_INSECURE_PREFIX,
    SECRET_KEY_MIN_LENGTH,
    SECRET_KEY_MIN_UNIQUE_CHARACTERS,
)
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import BASE_DIR, NASN_PUBLIC_ORIGIN, REDIS_URL, SECRET_KEY
from .env import env_bool, env_int
from .services import database_settings

# Django's own criteria (check security.W009), enforced at start-up rather than only warned about.
if (
    not SECRET_KEY
    or len(SECRET_KEY) < SECRET_KEY_MIN_LENGTH
    or len(set(SECRET_KEY)) < SECRET_KEY_MIN_UNIQUE_CHARACTERS
    or SECRET_KEY.startswith(SECRET_KEY_INSECURE_PREFIX)
):
    raise ImproperlyConfigured(
        f"SECRET_KEY must be set in the environment in production: at least {SECRET_KEY_MIN_LENGTH} "
        f"characters, {SECRET_KEY_MIN_UNIQUE_CHARACTERS} or more of them different, not starting with "
        f"{SECRET_KEY_INSECURE_PREFIX!r}. Generate one with: "
        'python -c "import secrets; print(secrets.token_urlsafe(50))"'
    )

if not NASN_PUBLIC_ORIGIN:
    raise ImproperlyConfigured(
        "NASN_PUBLIC_ORIGIN must be set in production: the site's public origin, e.g. https://nasn.org.uk "
        "(used for links in staff emails and the API's absolute URLs)."
    )

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers often check over plain HTTP

DATABASES = {
    "default": database_settings(f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60, statement_timeout_ms=15_000)
}

# Messages home.apps logs (level WARNING) when each process starts.
NASN_STARTUP_WARNINGS = []
NASN_SINGLE_PROCESS_CACHE = env_bool("NASN_SINGLE_PROCESS_CACHE", False)
if not REDIS_URL:
    if not NASN_SINGLE_PROCESS_CACHE:
        raise ImproperlyConfigured(
            "REDIS_URL must be set in production, e.g. redis://127.0.0.1:6379/0: the cache every worker "
            "process shares (the report form's rate limit, cached pages). If ONE process serves the site "
            "(gunicorn --workers 1), set NASN_SINGLE_PROCESS_CACHE=true to use that process's memory instead."
        )
    NASN_STARTUP_WARNINGS.append(
        "NASN_SINGLE_PROCESS_CACHE=true and no REDIS_URL: the cache is this process's memory. Run ONE worker "
        "process: with N, the report form's rate limit lets N times REPORTS_RATE_LIMIT through and a "
        "publish clears cached pages in one process only. Set REDIS_URL to run more."
    )

# Without Redis each worker would keep its own page cache, which a publish handled by another
# worker could not purge: the page cache is then off (README "Caching").
if not REDIS_URL:
    WAGTAIL_CACHE = False
