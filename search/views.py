from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import ngettext
from django.views.decorators.http import require_safe
from wagtail.models import Locale

from home import guards
from home.guards import InvalidParameter
from home.templatetags.nasn_tags import localurl

from .models import SearchLog
from .results import SiteSearch, live_pages
from .spelling import site_words
from .text import MAX_QUERY_LENGTH, clean_query, query_for_log

SUGGESTIONS = 8
SUGGESTIONS_MIN_LENGTH = 2
SUGGESTIONS_MAX_AGE = 5 * 60


@require_safe
def search(request):
    try:
        query = guards.search_text(request.GET, "q")[:MAX_QUERY_LENGTH]  # without NULs (home.middleware)
    except InvalidParameter:
        # Not searched, not logged, not echoed back: a plain message and the empty search box.
        response = TemplateResponse(request, "search/search.html", {"search_too_long": too_long_message()}, status=400)
        patch_cache_control(response, private=True, no_store=True)
        return response
    context = {"search_query": query}
    terms = clean_query(query)
    if terms:
        site_search = SiteSearch(query, terms, Locale.get_active())
        page_number = request.GET.get("page", "")
        results = site_search.run(page_number)
        if page_number in ("", "1"):  # a search, not a visitor turning its pages
            log_search(site_search)
        context.update(search=site_search, search_results=results)
    response = TemplateResponse(request, "search/search.html", context)
    if query:
        # What a visitor searched for stays theirs: no shared cache, no copy kept on their device.
        patch_cache_control(response, private=True, no_store=True)
    return response


def too_long_message():
    return ngettext(
        "That search is too long. Please use at most %(words)d word or %(characters)d characters.",
        "That search is too long. Please use at most %(words)d words or %(characters)d characters.",
        guards.MAX_SEARCH_WORDS,
    ) % {"words": guards.MAX_SEARCH_WORDS, "characters": guards.MAX_SEARCH_CHARS}


def log_search(site_search):
    logged = query_for_log(site_search.query, site_words())
    if logged:
        SearchLog.record(logged, site_search.locale, site_search.found_count, len(site_search.english))


@require_safe
def suggest(request):
    """Titles of pages whose words start with what has been typed, for the search box.

    Nothing is logged: these are keystrokes, not searches.
    """
    try:
        terms = clean_query(guards.search_text(request.GET, "q")[:MAX_QUERY_LENGTH])
    except InvalidParameter as problem:
        return JsonResponse({"message": problem.message}, status=400)
    suggestions = []
    if len(terms) >= SUGGESTIONS_MIN_LENGTH:
        pages = live_pages(Locale.get_active()).autocomplete(terms)[:SUGGESTIONS]
        context = {"request": request}
        suggestions = [{"title": page.title, "url": localurl(context, page)} for page in pages]
    response = JsonResponse({"query": terms, "suggestions": suggestions})
    patch_cache_control(response, public=True, max_age=SUGGESTIONS_MAX_AGE)
    return response
