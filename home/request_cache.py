"""Look-ups made once per request rather than once per use, and site-wide ones once per change.

Wagtail queries the database each time a page asks for a locale (``Locale.get_active()``,
``get_default()``) or filters pages with ``.public()`` (the view restrictions): on a page with
links, helplines and listings that was a dozen identical queries. Here they are made once per
request and kept until its response is sent; outside a request (commands, tests calling models
directly) nothing is kept, so nothing can go stale. A small hand-written store rather than a
library: it must hook into Wagtail's own manager and queryset, which no library does.

What every page looks up the same way (locales, the Site, view restrictions, site settings, the
menus, featured helplines, a page's translations; in the API and the ORUK feed, a listing's
translations, related-service cards and service summaries) is also kept in the shared cache by
``shared()``, under a generation that any change to pages, snippets, settings, images, documents,
locales, sites or restrictions moves on (home/cache_purge.py): at once when saved, and again when
the transaction commits, so a request that read the old rows meanwhile cannot keep them. Each
process also keeps a copy of the current generation's values, so only the generation is read from
the cache on every request.
"""

import contextlib
import hashlib
import pickle
import time
from contextvars import ContextVar

from django.apps import apps
from django.core.cache import cache
from django.db.models import Q
from django.db.models.fields.related_descriptors import ForwardManyToOneDescriptor
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, sites
from wagtail.models.i18n import LocaleManager
from wagtail.query import PageQuerySet

_store = ContextVar("nasn_request_cache", default=None)
GENERATION_KEY = "nasn-lookups-generation"
SHARED_TIMEOUT = 60 * 60  # a generation's entries are unreachable once it moves on: let them expire
_MISSING = object()


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


def _generation():
    """The shared look-ups' generation; None when the cache is down (then nothing is shared).

    A missing counter (first use, a cleared or restarted cache) starts from the clock, so it
    never repeats a generation whose entries may still be stored.
    """
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


# This process's copies of the current generation's shared look-ups, pickled (each request
# unpickles its own, as from the cache): a look-up costs no cache round trip once this process
# has read it. Dropped when the generation moves on; a bound keeps a generation's set small.
_local = {"generation": None, "values": {}}
LOCAL_LIMIT = 5000  # the current generation's entries: site-wide ones, and a few per page or card shown


def _from_local(generation, full_key):
    if _local["generation"] != generation:
        _local["generation"], _local["values"] = generation, {}
    pickled = _local["values"].get(full_key)
    return _MISSING if pickled is None else pickle.loads(pickled)  # noqa: S301 (pickled by this process)


def _keep_local(full_key, value):
    values = _local["values"]
    if len(values) >= LOCAL_LIMIT:
        values.clear()
    values[full_key] = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)


def shared(key, compute):
    """``compute()`` kept in the shared cache until content changes, and once per request;
    made every time outside a request. Values must pickle and must not depend on the visitor."""
    if _store.get() is None:
        return compute()

    def from_shared_cache():
        generation = memo("lookups_generation", _generation)
        if generation is None:
            return compute()
        full_key = f"nasn-lookups:{generation}:{key}"
        value = _from_local(generation, full_key)
        if value is _MISSING:
            value = cache.get(full_key, _MISSING)
            if value is _MISSING:
                value = compute()
                cache.set(full_key, value, SHARED_TIMEOUT)
            _keep_local(full_key, value)
        return value

    return memo(("shared", key), from_shared_cache)


def digest(values):
    """A short key part for many values (a listing's ids), for ``shared`` keys."""
    return hashlib.blake2b(repr(values).encode(), digest_size=16).hexdigest()


def content_changed():
    """Moves the shared look-ups on to a new generation, and forgets this request's."""
    with contextlib.suppress(ValueError):  # no counter: the next look-up starts a new one
        cache.incr(GENERATION_KEY)
    store = _store.get()
    if store is not None:
        store.clear()


# Locales -------------------------------------------------------------------------------------

_wagtail_get_for_language = LocaleManager.get_for_language


def _locales():
    return shared("locales", lambda: {locale.language_code: locale for locale in Locale.objects.all()})


def _get_for_language(manager, language_code):
    if _store.get() is None:
        return _wagtail_get_for_language(manager, language_code)
    try:
        return _locales()[get_supported_content_language_variant(language_code)]
    except KeyError:
        raise Locale.DoesNotExist(f"No locale for {language_code!r}") from None


def all_locales():
    """{language code: Locale} of every locale (one query per change of locales)."""
    return dict(_locales())


def locale_codes():
    """{locale id: language code} of every locale (one query per change of locales)."""
    return {locale.pk: code for code, locale in _locales().items()}


class _LocaleDescriptor(ForwardManyToOneDescriptor):
    """``obj.locale`` of pages and snippets from the locales kept for the request, never a query
    (one per object in API listings and cards); outside a request, Django's."""

    def _from_store(self, instance):
        if _store.get() is None or self.field.is_cached(instance):
            return
        locale_id = getattr(instance, self.field.attname)
        for locale in _locales().values():
            if locale.pk == locale_id:
                self.field.set_cached_value(instance, locale)
                return

    def __get__(self, instance, cls=None):
        if instance is not None:
            self._from_store(instance)
        return super().__get__(instance, cls)

    def is_cached(self, instance):  # asked by prefetch_related_objects before it queries
        self._from_store(instance)
        return super().is_cached(instance)


def _keep_locales(model):
    descriptor = model.__dict__.get("locale")
    if type(descriptor) is ForwardManyToOneDescriptor and descriptor.field.related_model is Locale:
        descriptor.__class__ = _LocaleDescriptor


# The Site and site settings ------------------------------------------------------------------

_wagtail_get_site_for_hostname = sites.get_site_for_hostname


def _get_site_for_hostname(hostname, port):
    def find():
        try:
            return _wagtail_get_site_for_hostname(hostname, port)
        except sites.Site.DoesNotExist:
            return None

    site = shared(f"site:{hostname}:{port}", find)
    if site is None:
        raise sites.Site.DoesNotExist
    return site


_wagtail_for_site = BaseSiteSetting.for_site.__func__
_reading_settings = ContextVar("nasn_reading_settings", default=False)


def _setting_for_site(cls, site):
    if site is None:
        return _wagtail_for_site(cls, site)

    def find():
        token = _reading_settings.set(True)
        try:
            return _wagtail_for_site(cls, site)
        finally:
            _reading_settings.reset(token)

    return shared(f"setting:{cls._meta.label_lower}:{site.pk}", find)


def creating_default_settings():
    """Whether a site's settings are being created, with their defaults, on first reading:
    what pages show is unchanged (they showed the defaults), so nothing needs purging."""
    return _reading_settings.get()


# Site root paths: every page URL reads them (Wagtail caches them per request only when given the
# request, which rich text links and page properties such as ``page.url`` are not).

_wagtail_get_site_root_paths = sites.Site.get_site_root_paths


def _get_site_root_paths():
    return memo("site_root_paths", _wagtail_get_site_root_paths)


# View restrictions ---------------------------------------------------------------------------

_wagtail_private_q = PageQuerySet.private_q


def _restrictions():
    """Every page view restriction (without its password: not needed to check a visitor, and
    not to be copied into the cache), and the paths of alias pages (whose restrictions are their
    source page's: Wagtail's own check handles those)."""

    def find():
        restrictions = list(PageViewRestriction.objects.select_related("page").defer("password"))
        alias_paths = list(Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True))
        return restrictions, alias_paths

    return shared("view_restrictions", find)


def view_restrictions_of(page):
    """The view restrictions on ``page`` and its ancestors (``Page.get_view_restrictions()``),
    from the restrictions kept for the request rather than two queries."""
    if _store.get() is None:
        return Page.get_view_restrictions(page)
    restrictions, alias_paths = _restrictions()
    if any(page.path.startswith(path) for path in alias_paths):
        return Page.get_view_restrictions(page)
    return [restriction for restriction in restrictions if page.path.startswith(restriction.page.path)]


def _private_q(queryset):
    if _store.get() is None:
        return _wagtail_private_q(queryset)
    restrictions, _alias_paths = _restrictions()
    q = Q()
    for restriction in restrictions:
        q |= queryset.descendant_of_q(restriction.page, inclusive=True)
    return q if q else Q(pk__in=[])  # as Wagtail's: no private section matches no page


def install():
    """Routes Wagtail's look-ups through the store (HomeConfig.ready)."""
    LocaleManager.get_for_language = _get_for_language
    PageQuerySet.private_q = _private_q
    sites.get_site_for_hostname = _get_site_for_hostname
    sites.Site.get_site_root_paths = staticmethod(_get_site_root_paths)
    BaseSiteSetting.for_site = classmethod(_setting_for_site)
    # Also moved on by home/cache_purge.py for everything pages show; these decide what is served.
    for model in apps.get_models():
        _keep_locales(model)
    for model in (Locale, PageViewRestriction, sites.Site):
        post_save.connect(lambda **kwargs: content_changed(), sender=model, weak=False)
        post_delete.connect(lambda **kwargs: content_changed(), sender=model, weak=False)
    # Cards kept with the look-ups name their images' renditions: a deleted one (regenerated
    # renditions) must not stay named. A new one changes nothing shown.
    post_delete.connect(lambda **kwargs: content_changed(), sender=get_image_model().get_rendition_model(), weak=False)
