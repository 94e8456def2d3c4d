"""The page cache and caching headers, imported by base.py (README "Caching").

Whole pages for anonymous visitors are kept by wagtail-cache in their own cache alias, "pages"
(home/page_cache.py); a purge deletes only that alias's entries, never the rate-limit counters
of the default cache, even when both live in one Redis database.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_int
from .services import cache_settings

# Seconds browsers, CDNs and the page cache keep a public page before asking again (ETag → 304).
# Publishing purges the page cache at once (and the CDN, with FRONTEND_CACHE); 0 turns it off.
PAGE_CACHE_MAX_AGE = env_int("PAGE_CACHE_MAX_AGE", 300)
# wagtail-cache's settings: on unless turned off, in the "pages" alias, keyring off (purges
# delete by key prefix instead; see home.page_cache.PageRedisCache).
WAGTAIL_CACHE = env_bool("PAGE_CACHE", True) and PAGE_CACHE_MAX_AGE > 0
WAGTAIL_CACHE_BACKEND = "pages"
WAGTAIL_CACHE_KEYRING = False


def page_cache_settings(redis_url, key_prefix):
    """The "pages" cache: like the default cache (services.cache_settings), with its own key prefix
    and, on Redis, a clear() that deletes stored pages only (home.page_cache.PageRedisCache)."""
    config = cache_settings(redis_url, key_prefix)
    if redis_url:
        config["BACKEND"] = "home.page_cache.PageRedisCache"
    return config


# Wagtail's front-end cache purging (a CDN or a caching proxy in front of the site), chosen with
# FRONTEND_CACHE. Publishing purges the page's URL in every language (home/cache_purge.py).
FRONTEND_CACHES = ("cloudflare", "cloudfront", "http")


def frontend_cache_settings(environ):
    kind = environ.get("FRONTEND_CACHE", "")
    if not kind:
        return {}
    if kind not in FRONTEND_CACHES:
        raise ImproperlyConfigured(f"FRONTEND_CACHE must be one of {', '.join(FRONTEND_CACHES)}, not {kind!r}")
    backend = "wagtail.contrib.frontend_cache.backends."
    needed = {
        "cloudflare": {"BEARER_TOKEN": "CLOUDFLARE_BEARER_TOKEN", "ZONEID": "CLOUDFLARE_ZONEID"},
        "cloudfront": {"DISTRIBUTION_ID": "CLOUDFRONT_DISTRIBUTION_ID"},
        "http": {"LOCATION": "FRONTEND_CACHE_PURGE_URL"},
    }[kind]
    missing = [name for name in needed.values() if not environ.get(name)]
    if missing:
        raise ImproperlyConfigured(f"FRONTEND_CACHE={kind} needs {', '.join(missing)}")
    config = {key: environ[name] for key, name in needed.items()}
    config["BACKEND"] = (
        backend
        + {
            "cloudflare": "CloudflareBackend",
            "cloudfront": "CloudfrontBackend",
            "http": "HTTPBackend",
        }[kind]
    )
    # CloudFront reads AWS credentials from the usual AWS_* variables or the instance's role.
    return {"default": config}


WAGTAILFRONTENDCACHE = frontend_cache_settings(os.environ)
