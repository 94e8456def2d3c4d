"""The page cache's rules and the caching headers of public pages (README "Caching").

wagtail-cache stores and serves whole pages (its two middlewares); this module decides what is
public, keeps the site-wide content version that purges move on, and answers revalidations.

A page is public when the request is an anonymous GET or HEAD outside the admin, the API and
files, and its response is a 200 that sets no cookie, does not vary by cookie, used no session,
carries no CSP nonce and was not marked private or no-cache by its view (the report form, search
results for a query). Public pages get ``Cache-Control: public, max-age=PAGE_CACHE_MAX_AGE`` and
an ETag made from the content version and the URL, so a revalidation is answered with a 304
before anything is looked up or rendered.
"""

import contextlib
import hashlib
import time
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponseNotModified
from django.utils.cache import has_vary_header, patch_cache_control
from django.utils.deprecation import MiddlewareMixin
from django.utils.http import parse_etags
from django_redis.cache import RedisCache
from wagtailcache import cache as wagtailcache

from .request_cache import content_changed

# Not pages: their views set their own headers (the API has its ETags, documents their checks).
UNCACHED_AREAS = ("/admin/", "/api/", "/documents/", "/static/", "/media/", "/sitemap.xml")
NOT_SHARED = ("private", "no-cache", "no-store")
CONTENT_VERSION_KEY = "content-version"
# Django's cache middleware, used by wagtail-cache, names its entries so.
PAGE_KEY_PATTERN = "views.decorators.cache.*"


def pages_cache():
    return caches[settings.WAGTAIL_CACHE_BACKEND]


def content_version():
    """A number that changes whenever published content may have changed; None if the cache is down.

    A missing counter (first use, a cleared or restarted cache) starts from the clock, so it
    never repeats a version an ETag already carries.
    """
    cache = pages_cache()
    version = cache.get(CONTENT_VERSION_KEY)
    if version is None:
        cache.add(CONTENT_VERSION_KEY, time.time_ns(), timeout=None)
        version = cache.get(CONTENT_VERSION_KEY)
    return version


def purge_page_cache():
    """Forgets every stored page and moves the content version on (so every ETag changes), and
    the shared look-ups (home/request_cache.py) with it."""
    # LocMemCache.clear() empties only this alias; PageRedisCache.clear() is below.
    pages_cache().clear()
    content_changed()


class PageRedisCache(RedisCache):
    """django-redis for the page cache, whose clear() leaves the rest of the Redis database alone.

    django-redis's clear() is FLUSHDB: with the default cache in the same database it would take
    the report form's rate-limit counters with it. Here it deletes only stored pages (a scan of
    this alias's key prefix) after moving the content version on, atomically (INCR).
    """

    def clear(self):
        with contextlib.suppress(ValueError):  # no counter yet: content_version() starts one
            self.incr(CONTENT_VERSION_KEY)
        self.delete_pattern(PAGE_KEY_PATTERN)
        content_changed()  # also for wagtail-cache's own purges (admin, clear_wagtail_cache)


def is_public_request(request):
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES  # staff (visitors have no session)
        and not request.path_info.startswith(UNCACHED_AREAS)
        and not getattr(request, "is_preview", False)
    )


def is_public_response(request, response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not has_vary_header(response, "Cookie")
        and not any(word in cache_control for word in NOT_SHARED)
        and "'nonce-" not in response.get("Content-Security-Policy", "")
        and not (hasattr(request, "session") and request.session.accessed)
    )


def page_etag(request, version):
    # Weak: the same content, not necessarily the same bytes. The path carries the language.
    url = f"{request.get_host()}{request.get_full_path()}"
    return f'W/"{version}-{hashlib.blake2b(url.encode(), digest_size=8).hexdigest()}"'


def make_public(response, etag, max_age=None):
    patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_MAX_AGE if max_age is None else max_age)
    response["ETag"] = etag


def not_modified(request, etag):
    """A 304 if the request's If-None-Match holds ``etag`` (weak comparison), else None.

    "*" is not answered here: whether anything exists at this URL is for the view to say.
    """
    header = request.META.get("HTTP_IF_NONE_MATCH")
    if header and etag.removeprefix("W/") in {tag.removeprefix("W/") for tag in parse_etags(header)}:
        return HttpResponseNotModified()
    return None


def content_conditional(view, variant=None):
    """ETags for a JSON view of published content (the API, the ORUK feed), checked before it runs.

    Its successful responses are public for API_CACHE_MAX_AGE seconds unless the view says otherwise,
    and carry an ETag made from the content version and the URL (and ``variant(request)``, for
    output that also changes with something other than content), so a revalidation costs no
    query and no serialisation. Responses the view marks private (page previews) get neither.
    """

    @wraps(view)
    def conditional_view(request, *args, **kwargs):
        max_age = settings.API_CACHE_MAX_AGE
        match = request.resolver_match
        version = None
        if request.method in ("GET", "HEAD") and not (match and "page_preview" in match.namespaces):
            version = content_version()
        if version is not None and variant is not None:
            version = f"{version}{variant(request)}"
        etag = None if version is None else page_etag(request, version)
        response = etag and not_modified(request, etag)
        if response:
            make_public(response, etag, max_age)
            return response
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.has_header("Cache-Control"):
            patch_cache_control(response, public=True, max_age=max_age)
        if etag and response.status_code == 200 and "public" in response["Cache-Control"]:
            response["ETag"] = etag
        return response

    return conditional_view


class UpdateCacheMiddleware(wagtailcache.UpdateCacheMiddleware):
    """wagtail-cache's, leaving alone what is not a page: it would mark those responses no-cache."""

    def process_response(self, request, response):
        if request.path_info.startswith(UNCACHED_AREAS):
            return response
        return super().process_response(request, response)


class PageCacheHeadersMiddleware(MiddlewareMixin):
    """Answers If-None-Match with a 304 before rendering; marks public pages public, with an ETag.

    It sits inside wagtail-cache's UpdateCacheMiddleware, which stores only what is marked public
    here (home/wagtail_hooks.py), and inside SessionMiddleware, whose Vary: Cookie and cookie it
    foresees (request.session.accessed); CSRF's cookie is already on the response it sees.
    """

    def process_request(self, request):
        # Only a revalidation needs the version now; a page served from the page cache already
        # carries its ETag, so the version is otherwise read only before a page is rendered.
        if "HTTP_IF_NONE_MATCH" not in request.META or not is_public_request(request):
            return None
        request.content_version = content_version()
        if request.content_version is None:
            return None
        etag = page_etag(request, request.content_version)
        response = not_modified(request, etag)
        if response:
            make_public(response, etag)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not hasattr(request, "content_version") and is_public_request(request):
            request.content_version = content_version()  # before rendering: see process_response

    def process_response(self, request, response):
        if response.status_code == 304 or request.path_info.startswith(UNCACHED_AREAS):
            return response
        version = getattr(request, "content_version", None)
        if (
            version is not None
            and is_public_response(request, response)
            # Content published while this page was rendered: it may show the old content, so
            # neither this cache nor a CDN may keep it. (Pages served from the page cache are not
            # checked: a purge deleted every older one.)
            and (not getattr(request, "_wagtailcache_update", True) or content_version() == version)
        ):
            make_public(response, page_etag(request, version))
        elif not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_cache=True)
        return response
