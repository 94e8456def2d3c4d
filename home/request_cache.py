"""Look-ups made once per request rather than once per use.

Wagtail queries the database each time a page asks for a locale (``Locale.get_active()``,
``get_default()``) or filters pages with ``.public()`` (the view restrictions): on a page with
links, helplines and listings that was a dozen identical queries. Here they are made once per
request and kept until its response is sent; outside a request (commands, tests calling models
directly) nothing is kept, so nothing can go stale. A small hand-written store rather than a
library: it must hook into Wagtail's own manager and queryset, which no library does.
"""

from contextvars import ContextVar

from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, PageViewRestriction
from wagtail.models.i18n import LocaleManager
from wagtail.query import PageQuerySet

_store = ContextVar("nasn_request_cache", default=None)


class RequestCacheMiddleware:
    """Gives each request an empty store (first in MIDDLEWARE, so every view and template has it)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _store.set({})
        try:
            return self.get_response(request)
        finally:
            _store.reset(token)


def in_request():
    """Whether a request's store is open (look-ups kept) or not (made every time)."""
    return _store.get() is not None


def memo(key, compute):
    """``compute()``, once per request for ``key``; every time outside a request."""
    store = _store.get()
    if store is None:
        return compute()
    if key not in store:
        store[key] = compute()
    return store[key]


def forget(*keys):
    store = _store.get()
    if store is not None:
        for key in keys:
            store.pop(key, None)


# Locales -------------------------------------------------------------------------------------

_wagtail_get_for_language = LocaleManager.get_for_language


def _locales():
    return memo("locales", lambda: {locale.language_code: locale for locale in Locale.objects.all()})


def _get_for_language(manager, language_code):
    if _store.get() is None:
        return _wagtail_get_for_language(manager, language_code)
    try:
        return _locales()[get_supported_content_language_variant(language_code)]
    except KeyError:
        raise Locale.DoesNotExist(f"No locale for {language_code!r}") from None


def locale_codes():
    """{locale id: language code} of every locale (one query per request)."""
    return {locale.pk: code for code, locale in _locales().items()}


# View restrictions ---------------------------------------------------------------------------

_wagtail_private_q = PageQuerySet.private_q


def _private_q(queryset):
    if _store.get() is None:
        return _wagtail_private_q(queryset)
    restrictions = memo("view_restrictions", lambda: list(PageViewRestriction.objects.select_related("page")))
    q = Q()
    for restriction in restrictions:
        q |= queryset.descendant_of_q(restriction.page, inclusive=True)
    return q if q else Q(pk__in=[])  # as Wagtail's: no private section matches no page


def install():
    """Routes Wagtail's look-ups through the store (HomeConfig.ready)."""
    LocaleManager.get_for_language = _get_for_language
    PageQuerySet.private_q = _private_q
    for model, key in ((Locale, "locales"), (PageViewRestriction, "view_restrictions")):
        post_save.connect(lambda key=key, **kwargs: forget(key), sender=model, weak=False)
        post_delete.connect(lambda key=key, **kwargs: forget(key), sender=model, weak=False)
