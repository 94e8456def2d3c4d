import re

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200
# Search needs words, not syntax: quotes, brackets and operators only break database
# full-text parsers (an unbalanced quote is an SQLite error).
NOT_WORD_CHARACTERS = re.compile(r"[^\w\s'’-]+")


def clean_query(raw):
    words = NOT_WORD_CHARACTERS.sub(" ", raw.replace("\x00", " ")).split()
    return " ".join(word.strip("'’-") for word in words if word.strip("'’-"))[:MAX_QUERY_LENGTH]


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    terms = clean_query(query)
    results = Page.objects.none()
    if terms:
        results = Page.objects.live().public().filter(locale=Locale.get_active()).specific().search(terms)
    page_obj = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(request, "search/search.html", {"search_query": query, "search_results": page_obj})
