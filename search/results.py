"""One site search: editors' picks, results in the visitor's language, then English ones, then
a pointer to another site language the words belong to.

Each list is one `Page.objects.live().public().filter(locale=…).search(…)`, kept in the
backend's relevance order and paginated by the backend (LIMIT/OFFSET), never turned into a
list first. Only the window of results being shown is loaded, reordered and decorated.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import get_language_info, override
from modelsearch.query import PlainText
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.utils import normalise_query_string

from directory.models import ServicePage
from home.localization import localize_objects, localize_pages

from . import spelling
from .backend import LanguageQuery

RESULTS_PER_PAGE = 10
# Below this many results in the visitor's language, English results follow.
FEW_RESULTS = 5
ENGLISH_RESULTS = 5
# Advice and services answer the question; news reports it. For the same match, news comes
# after them. Applied within the window being shown (see rerank()).
TYPE_WEIGHTS = {"advicepage": 1.0, "servicepage": 1.0, "newspage": 0.7}
OTHER_TYPE_WEIGHT = 0.85
# When the visitor's words find nothing, the first this many matches in the site's other
# languages tell which language the words belong to; at most OTHER_LANGUAGES are offered.
OTHER_LANGUAGE_HITS = 50
OTHER_LANGUAGES = 2


def live_pages(locale):
    return Page.objects.live().public().filter(locale=locale)


def search_pages(pages, terms, locale, operator="and"):
    query = LanguageQuery(terms, locale.language_code, operator=operator)
    return pages.defer_streamfields().specific().search(query).annotate_score("_score")


@dataclass
class Found:
    terms: str
    results: object  # a backend's lazy SearchResults
    corrected: bool = False  # the words were respelled
    any_word: bool = False  # no page has all the words; these have some


def find(pages, terms, locale, respell=True):
    """Pages with all the words; failing that, respelled; failing that, with any of the words."""
    results = search_pages(pages, terms, locale)
    if results.count():
        return Found(terms, results)
    corrected = spelling.correct(terms, locale) if respell else None
    if corrected:
        respelled = search_pages(pages, corrected, locale)
        if respelled.count():
            return Found(corrected, respelled, corrected=True)
    words = corrected or terms
    if " " in words:
        any_word = search_pages(pages, words, locale, operator="or")
        if any_word.count():
            return Found(words, any_word, corrected=bool(corrected), any_word=True)
    return Found(terms, results)


def rerank(pages):
    """The window's pages by backend score weighted by page type.

    Every backend gives a better match a score further from zero (SQLite's bm25 is negative,
    PostgreSQL's ts_rank and Elasticsearch's _score positive). Reordering only the window keeps
    the backend's LIMIT/OFFSET pagination and works the same on every backend: a news item can
    move below an advice page or service on the same page of results, never across pages.
    """
    return sorted(
        pages,
        key=lambda page: (
            -abs(getattr(page, "_score", 0) or 0) * TYPE_WEIGHTS.get(page._meta.model_name, OTHER_TYPE_WEIGHT)
        ),
    )


def decorate(pages, locale):
    """Give services their areas in the visitor's language, with a fixed number of queries."""
    services = [page for page in pages if isinstance(page, ServicePage)]
    prefetch_related_objects(services, "areas")
    areas = [area for service in services for area in service.areas.all()]
    localized = dict(zip((area.pk for area in areas), localize_objects(areas, locale), strict=True))
    for service in services:
        service.localized_areas = [localized[area.pk] for area in service.areas.all()]
    return pages


@dataclass
class Promotion:
    title: str
    url: str = ""
    page: Page | None = None
    description: str = ""


def promotions(query, terms, locale):
    """Editors' picks for this query: live, public pages of the visitor's locale, and external links."""
    query_strings = {normalise_query_string(query), normalise_query_string(terms)}
    picks = list(SearchPromotion.objects.filter(query__query_string__in=query_strings).order_by("sort_order", "pk"))
    page_ids = [pick.page_id for pick in picks if pick.page_id]
    pages = {}
    if page_ids:
        found = live_pages(locale).filter(pk__in=page_ids).defer_streamfields().specific()
        pages = {page.pk: page for page in decorate(list(found), locale)}
    promoted, seen = [], set()
    for pick in picks:
        key = pick.page_id or pick.external_link_url
        if key in seen or (pick.page_id and pick.page_id not in pages):
            continue
        seen.add(key)
        if pick.page_id:
            page = pages[pick.page_id]
            promoted.append(Promotion(page.title, page=page, description=pick.description or page.summary))
        else:
            link = Promotion(pick.external_link_text, url=pick.external_link_url, description=pick.description)
            promoted.append(link)
    return promoted


@dataclass
class OtherLanguage:
    """Another site language with pages that have all the visitor's words."""

    code: str
    count: int  # what its own search page finds for the words
    url: str  # its search page for the words

    @property
    def name(self):  # in the visitor's language
        return get_language_info(self.code)["name_translated"]

    @property
    def name_local(self):  # in its own language, marked as such
        info = get_language_info(self.code)
        direction = "rtl" if info["bidi"] else "ltr"
        return format_html('<bdi lang="{}" dir="{}">{}</bdi>', self.code, direction, info["name_local"])


def other_languages(terms, searched):
    """The site's other languages whose pages have all the words, most matches first.

    One search over every other locale tells which languages have the words (from the first
    OTHER_LANGUAGE_HITS matches); then one count per language offered, with that language's own
    query, so the number is what its search page shows: at most 3 + OTHER_LANGUAGES queries.
    """
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    locales = Locale.objects.filter(language_code__in=codes).exclude(pk__in=[locale.pk for locale in searched])
    locales = {locale.pk: locale for locale in locales}  # a list of ids suits every search backend
    pages = Page.objects.live().public()  # one query for the private sections, reused below
    # Not a LanguageQuery: the words' language is what is being found out.
    hits = pages.filter(locale__in=list(locales)).search(PlainText(terms))[:OTHER_LANGUAGE_HITS]
    # Most matches first; for the same number, the language of the best match.
    ranked = [pk for pk, _count in Counter(page.locale_id for page in hits).most_common(OTHER_LANGUAGES)]
    offered = []
    for pk in ranked:
        locale = locales[pk]
        count = search_pages(pages.filter(locale=locale), terms, locale).count()
        if count:
            with override(locale.language_code):
                url = f"{reverse('search')}?{urlencode({'q': terms})}"
            offered.append(OtherLanguage(locale.language_code, count, url))
    return sorted(offered, key=lambda other: -other.count)


@dataclass
class SiteSearch:
    query: str  # as the visitor typed it
    terms: str  # the words of it (search.text.clean_query)
    locale: Locale
    promoted: list = field(default_factory=list)
    english: list = field(default_factory=list)
    found: Found | None = None
    found_count: int = 0  # results in the visitor's language, editors' picks included
    other_languages: list = field(default_factory=list)  # OtherLanguage, when the words found little

    @property
    def language(self):
        """The visitor's language, named in itself ("polski", "العربية")."""
        return get_language_info(self.locale.language_code)["name_local"]

    @property
    def query_isolated(self):
        """The query for a sentence: its words may run the other way (English on an Arabic page)."""
        return format_html("<bdi>{}</bdi>", self.query)

    def run(self, page_number):
        """Search, and return the requested page of results (a Paginator page)."""
        self.promoted = promotions(self.query, self.terms, self.locale)
        promoted_pages = [pick.page for pick in self.promoted if pick.page]
        pages = live_pages(self.locale).exclude(pk__in=[page.pk for page in promoted_pages])
        self.found = find(pages, self.terms, self.locale)
        self.found_count = self.found.results.count() + len(self.promoted)
        results = Paginator(self.found.results, RESULTS_PER_PAGE).get_page(page_number)
        results.object_list = decorate(rerank(results.object_list), self.locale)
        if results.number != 1:
            self.promoted = []  # editors' picks head the first page only
            return results
        searched = [self.locale]
        if self.found_count < FEW_RESULTS and self.locale.language_code != settings.LANGUAGE_CODE:
            self.english = self.english_results([*promoted_pages, *results.object_list])
            searched.append(Locale.get_default())
        # The words as typed found nothing here: they may be another site language's ("pomoc").
        as_typed = self.found_count and not (self.found.corrected or self.found.any_word)
        if not as_typed and not self.promoted and not self.english:
            self.other_languages = other_languages(self.terms, searched)
        return results

    # English results are a second search rather than one over home.localization's
    # in_locale_or_source(): on PostgreSQL a query is parsed with one language's stemmer, so
    # English pages need an English query; scores of two languages' matches do not compare; and
    # an English page can match where its translation does not (an English word typed on the
    # Polish site), which that helper would drop, while here it is shown as its translation.
    def english_results(self, shown):
        english = Locale.get_default()
        pages = live_pages(english).exclude(translation_key__in=[page.translation_key for page in shown])
        # Not respelled: the words are in the visitor's language, and respelling them as English
        # words would find pages about something else.
        found = find(pages, self.terms, english, respell=False)
        # Where a page is translated (its translation just did not match), show the translation.
        return decorate(localize_pages(rerank(found.results[:ENGLISH_RESULTS]), self.locale), self.locale)
