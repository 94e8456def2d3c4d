from django.http import Http404
from wagtail import views as wagtail_views
from wagtail.models import Locale, Page, Site


def serve(request, path):
    """Wagtail's page view, with a fallback to English for pages not yet translated.

    A visitor on /pl/… whose page has no Polish translation gets the English page, with the
    interface (navigation, notice, helplines) still in Polish: never a dead end.
    """
    active_locale = Locale.get_active()
    default_locale = Locale.get_default()
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
    return wagtail_views.serve(request, path)
