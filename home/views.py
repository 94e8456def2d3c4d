from functools import partial

from django.http import Http404
from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Locale, Page, Site

from .request_cache import view_restrictions_of


def serve(request, path):
    """Wagtail's page view, with a fallback to English for pages not yet translated.

    A visitor on /pl/… whose page has no Polish translation gets the English page, with the
    interface (navigation, notice, helplines) still in Polish: never a dead end.
    """
    active_locale = Locale.get_active()
    default_locale = Locale.get_default()
    route = quick_route(request, path, [active_locale, default_locale])
    if route is None:
        route = Page.route_for_request(request, path)
    if route is None and active_locale != default_locale:
        site = Site.find_for_request(request)
        if site is not None:
            source_root = site.root_page.get_translation_or_none(default_locale) or site.root_page
            try:
                route = source_root.specific.route(request, [part for part in path.split("/") if part])
            except Http404:
                route = None
    # Wagtail's serve() reads the route from this cache.
    request._wagtail_route_for_request = route
    if route is not None:
        request.is_untranslated_fallback = route[0].locale_id != active_locale.pk
        # Wagtail's check before serving asks the page for its restrictions (two queries):
        # answer from the restrictions kept for the request.
        route[0].get_view_restrictions = partial(view_restrictions_of, route[0])
    return wagtail_views.serve(request, path)


def quick_route(request, path, locales):
    """The route Wagtail would find, from the first of ``locales`` whose home page has a live page
    at ``path``, in two or three queries whatever the depth (Wagtail's routing takes two per level).

    Pages are found by their ``url_path``, the chain of slugs Wagtail routes through. None where
    a page on the way routes by itself (a RoutablePageMixin route matching the rest of the path,
    or its own ``route()``): Wagtail's routing then decides.
    """
    site = Site.find_for_request(request)
    if site is None:
        return None
    roots = {site.root_page.locale_id: site.root_page}
    if any(locale.pk not in roots for locale in locales):
        roots = {
            page.locale_id: page
            for page in Page.objects.filter(translation_key=site.root_page.translation_key, locale__in=locales)
        }
    parts = [part for part in path.split("/") if part]
    prefixes = ["/".join(parts[:length]) + "/" if length else "" for length in range(len(parts) + 1)]
    chains = {root.url_path: root for root in roots.values()}
    if parts:
        wanted = [root.url_path + prefix for root in roots.values() for prefix in prefixes[1:]]
        chains.update((page.url_path, page) for page in Page.objects.filter(url_path__in=wanted))
    for locale in locales:
        root = roots.get(locale.pk)
        chain = [chains.get(root.url_path + prefix) for prefix in prefixes] if root else [None]
        if None in chain or not all(page.path.startswith(root.path) for page in chain):
            continue
        for depth, page in enumerate(chain[:-1]):
            rest = "/".join(parts[depth:])
            if not _routes_to_children(page.specific_class, rest):
                return None
        target = chain[-1].specific
        try:
            route = target.route(request, [])
        except Http404:
            continue
        request.nasn_ancestors = chain[:-1]  # for the breadcrumb (nasn_tags.breadcrumb_ancestors)
        return route
    return None


def _routes_to_children(page_class, rest):
    """Whether a page of ``page_class`` hands the path ``rest`` on to its child page."""
    if page_class is None:
        return False
    if issubclass(page_class, RoutablePageMixin) and page_class.route is RoutablePageMixin.route:
        try:
            page_class().resolve_subpage(f"/{rest}/")
        except Http404:
            return True
        return False
    return page_class.route is Page.route
