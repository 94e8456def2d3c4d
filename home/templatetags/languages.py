from urllib.parse import unquote, urlsplit, urlunsplit

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils.translation import get_language, get_language_info, override

from home.request_cache import memo, shared

register = template.Library()


def _translator(url):
    """``translate(code)``: ``url`` in that language, as Django's translate_url() gives it, but
    resolving the path once for all 15 languages rather than once for each (its own code, split)."""
    parsed = urlsplit(url)
    try:
        match = resolve(unquote(parsed.path))
    except Resolver404:
        return lambda code: url
    name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name

    def translate(code):
        with override(code):
            try:
                path = reverse(name, args=match.args, kwargs=match.kwargs)
            except NoReverseMatch:
                return url
        return urlunsplit((parsed.scheme, parsed.netloc, path, parsed.query, parsed.fragment))

    return translate


@register.simple_tag(takes_context=True)
def language_links(context):
    """The current page in every language, for the switcher.

    Slugs are synchronised across translations, so the same path exists under every
    language prefix: a translated page where there is one, the English page with a
    "not yet translated" notice where there is not.
    """
    request = context["request"]
    current = get_language()
    # Keep the query (filters, search words) but not an absurdly long one, 15 times over.
    path = request.get_full_path() if len(request.META.get("QUERY_STRING", "")) <= 300 else request.path

    translate = _translator(path)

    def links():
        found = []
        for code, _name in settings.LANGUAGES:
            info = get_language_info(code)
            found.append(
                {
                    "code": code,
                    "name_local": info["name_local"],
                    "bidi": info["bidi"],
                    "url": translate(code),
                    "is_current": code == current,
                }
            )
        return found

    # The header, the footer and the home page each list them: worked out once per request.
    return memo(("language_links", path, current), links)


@register.simple_tag(takes_context=True)
def hreflang_alternates(context, page):
    """(language code, absolute URL) of each live translation of a page, itself included."""
    request = context["request"]

    def find():
        translations = page.get_translations(inclusive=True).live().public().select_related("locale")
        return [
            (translation.locale.language_code, translation.get_full_url(request))
            for translation in translations.order_by("locale__language_code")
        ]

    # The same for every visitor to this host: the URLs are absolute.
    return shared(f"hreflang:{request.get_host()}:{page.translation_key}", find)
