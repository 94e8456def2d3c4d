"""Template helpers for the public site's chrome: navigation, languages, links, pagination."""

from functools import cache

from django import template
from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils.translation import get_language, override
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Site

register = template.Library()

# Pages the header and footer link to, found among the home page's children. Section pages
# are found by type; the others by slug, which wagtail-localize keeps the same in every
# language. A missing page is simply left out of the menus.
SECTION_TYPES = {
    "advice": ("advice", "adviceindexpage"),
    "news": ("news", "newsindexpage"),
    "directory": ("directory", "directoryindexpage"),
}
SLUG_CHOICES = {
    "get_help": ("get-help", "get-help-now"),
    "report": ("report-a-concern", "report", "report-concern"),
    "about": ("about", "about-us"),
    "contact": ("contact", "contact-us"),
    "safety": ("staying-safe-online", "stay-safe-online", "cover-your-tracks", "using-this-site-safely"),
    "privacy": ("privacy", "privacy-notice", "privacy-policy"),
    "accessibility": ("accessibility", "accessibility-statement"),
}

# The main menu, in order: (key in site_links, label).
PRIMARY_NAV = [
    ("get_help", _("Get help now")),
    ("advice", _("Advice")),
    ("directory", _("Find a service")),
    ("report", _("Report a concern")),
    ("news", _("News")),
]

PAGE_KINDS = {
    "advicepage": _("Advice"),
    "adviceindexpage": _("Advice"),
    "newspage": _("News"),
    "newsindexpage": _("News"),
    "servicepage": _("Service"),
    "directoryindexpage": _("Services"),
}


@cache
def _serves_untranslated_fallback():
    """Whether /<language>/… serves the English page where no translation exists.

    The project's page view (home.views.serve) does; Wagtail's own does not. Only then may
    links to untranslated pages keep the visitor's language prefix.
    """
    try:
        with override(settings.LANGUAGE_CODE):  # i18n_patterns match the active language only
            match = resolve(f"/{settings.LANGUAGE_CODE}/")
    except Resolver404:
        return False
    return match.func.__module__.startswith("home.")


def _locale_code(locale_id, request):
    """A locale's language code, from one query per request rather than one per page."""
    codes = getattr(request, "_nasn_locale_codes", None)
    if codes is None:
        codes = dict(Locale.objects.values_list("pk", "language_code"))
        if request is not None:
            request._nasn_locale_codes = codes
    return codes.get(locale_id, "")


def _localized_url(page, request):
    """The page's URL, keeping the visitor's language where the page is not translated."""
    url = page.get_url(request=request)
    if not url:
        return ""
    language = get_language()
    page_language = _locale_code(page.locale_id, request)
    prefix = f"/{page_language}/"
    if language and page_language != language and url.startswith(prefix) and _serves_untranslated_fallback():
        url = f"/{language}/{url[len(prefix) :]}"
    return url


@register.simple_tag(takes_context=True)
def localurl(context, page):
    """Like {% pageurl %}, but a page not yet translated keeps the visitor's language."""
    if page is None:
        return ""
    return _localized_url(page, context.get("request"))


@register.simple_tag(takes_context=True)
def site_links(context):
    """The locale's home page and the pages the menus link to: {key: {"page", "url"}}.

    Computed once per request (the header and the footer both use it).
    """
    request = context.get("request")
    if request is None:
        return {}
    cache_key = f"_nasn_site_links_{get_language()}"
    if hasattr(request, cache_key):
        return getattr(request, cache_key)
    links = {}
    site = Site.find_for_request(request)
    if site is not None:
        home = site.root_page.localized
        links["home"] = {"page": home, "url": _localized_url(home, request)}
        children = home.get_children().live().public().select_related("content_type", "locale")
        for child in children:
            type_key = (child.content_type.app_label, child.content_type.model)
            for key, wanted in SECTION_TYPES.items():
                if type_key == wanted and key not in links:
                    links[key] = {"page": child, "url": _localized_url(child, request)}
            for key, slugs in SLUG_CHOICES.items():
                if child.slug in slugs and key not in links:
                    links[key] = {"page": child, "url": _localized_url(child, request)}
    setattr(request, cache_key, links)
    return links


@register.simple_tag(takes_context=True)
def primary_nav(context):
    """The main menu: [{"label", "url", "current"}], current being "page", "true" or ""."""
    links = site_links(context)
    page = context.get("page")
    items = []
    for key, label in PRIMARY_NAV:
        link = links.get(key)
        if not link:
            continue
        items.append({"label": label, "url": link["url"], "current": current_state(page, link["page"])})
    return items


@register.filter
def current_state(page, target):
    """aria-current for a link to target: "page" on it, "true" below it, "" elsewhere."""
    if page is None or target is None or not getattr(page, "path", None):
        return ""
    if page.pk == target.pk:
        return "page"
    if page.path.startswith(target.path):
        return "true"
    return ""


@register.simple_tag
def elided_page_range(page_obj, on_each_side=1, on_ends=1):
    """Page numbers for pagination links, with None where numbers are left out."""
    paginator = page_obj.paginator
    return [
        None if number == paginator.ELLIPSIS else number
        for number in paginator.get_elided_page_range(page_obj.number, on_each_side=on_each_side, on_ends=on_ends)
    ]


@register.filter
def page_kind(page):
    """A short, translated name for the kind of page, for search results."""
    return PAGE_KINDS.get(page._meta.model_name, "")


@register.filter
def tel_digits(number):
    """'999' or '0800 555 111' → a tel: URI body with no spaces."""
    return "".join(ch for ch in str(number) if ch.isdigit() or ch == "+")


@register.simple_tag(takes_context=True)
def content_language(context, page):
    """The language code a page's content is written in (English on a fallback page)."""
    locale_id = getattr(page, "locale_id", None)
    return _locale_code(locale_id, context.get("request")) or get_language()


@register.simple_tag(takes_context=True)
def fallback_lang(context, item):
    """The language code of an item shown in a listing when it is not in the page's language.

    Listings show the visitor's translation where it exists and the English item otherwise:
    an English item carries this code as `lang` (and `dir="ltr"`) plus an "In English" label
    (includes/fallback_label.html). Empty when the item is in the visitor's language.
    """
    locale_id = getattr(item, "locale_id", None)
    if locale_id is None:
        return ""
    code = _locale_code(locale_id, context.get("request"))
    return code if code and code != get_language() else ""
