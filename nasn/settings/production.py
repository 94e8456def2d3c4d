"""Production: everything from the environment, refusing to start without a real secret key and public origin."""

import os

from django.core.checks.security.base import (
    SECRET_KEY_INSECURE_PREFIX,
    SECRET_KEY_MIN_LENGTH,
    SECRET_KEY_MIN_UNIQUE_CHARACTERS,
)
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import NASN_PUBLIC_ORIGIN, SECRET_KEY
from .env import env_bool, env_int

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

# Without Redis each worker would keep its own page cache, which a publish handled by another
# worker could not purge: the page cache is then off (README "Caching").
if not os.environ.get("REDIS_URL"):
    WAGTAIL_CACHE = False
