"""Public pages run a bounded number of queries, the same whatever their bodies hold.

Each test renders a page whose body has 2, then 6, of every kind of content the demo's bodies
have (internal links in paragraphs, callouts and answers, images, helplines, documents), in
English, in Polish and as an English page shown at /pl/ (not yet translated), and compares.
"""

from django.test import TestCase

from tests.factories import translate_page
from tests.performance.content import DemoLikeSite, GrowingListings
from tests.utils import count_queries

# The most queries each page may run when it is not served from the page cache (issue 11: 12),
# counted once site-wide look-ups (menus, settings, locales, helplines) are in the shared cache.
BUDGETS = {
    "advice": 12,
    "advice_pl": 12,
    "advice_at_pl": 12,
    "news": 12,
    "standard": 12,
    "standard_at_pl": 12,
    "home": 12,
    "home_pl": 12,
    "advice_index": 12,
    "advice_index_pl": 12,
    "news_index": 12,
    "search": 12,  # one of them: the search log's check that its known words are current
    "directory": 12,
    "directory_filtered": 12,
    "directory_pl": 12,
    "service": 12,
    "report": 12,
}


def pl_fallback_url(page):
    """The page's path under /pl/ (the English page where it has no Polish translation)."""
    return "/pl/" + page.url.removeprefix("/en/")


class PageQueryCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = DemoLikeSite()

    def assert_constant(self, budget, make_page, url=lambda page: page.url):
        small = count_queries(self.client, url(make_page(2)))
        large = count_queries(self.client, url(make_page(6)))
        self.assertEqual(small, large, "queries grow with the body's links, images, helplines and documents")
        self.assertLessEqual(large, BUDGETS[budget])

    def test_advice_page(self):
        self.assert_constant("advice", self.site.advice)

    def test_advice_page_in_polish(self):
        def polish_advice(count):
            return translate_page(self.site.advice(count), "pl")

        self.assert_constant("advice_pl", polish_advice)

    def test_untranslated_advice_page_at_pl(self):
        self.assert_constant("advice_at_pl", self.site.advice, url=pl_fallback_url)

    def test_news_page(self):
        self.assert_constant("news", self.site.news)

    def test_standard_page(self):
        self.assert_constant("standard", self.site.standard)

    def test_standard_page_at_pl(self):
        self.assert_constant("standard_at_pl", self.site.standard, url=pl_fallback_url)

    def test_service_page(self):
        self.assert_constant("service", self.site.service)

    def test_report_page(self):
        self.assert_constant("report", self.site.report)


class ListingQueryCountTests(GrowingListings, TestCase):
    """Listings with 2 and with 6 items, each item with a demo-like body."""

    @classmethod
    def setUpTestData(cls):
        cls.site = DemoLikeSite()

    def test_home_page(self):
        self.assert_constant_listing(BUDGETS["home"], self.add_news, "/en/")

    def test_home_page_in_polish(self):
        self.assert_constant_listing(BUDGETS["home_pl"], self.add_news, "/pl/")

    def test_advice_index(self):
        self.assert_constant_listing(BUDGETS["advice_index"], self.add_advice, self.site.advice_index.url)

    def test_advice_index_in_polish(self):
        url = pl_fallback_url(self.site.advice_index)
        self.assert_constant_listing(BUDGETS["advice_index_pl"], self.add_advice, url)

    def test_news_index(self):
        self.assert_constant_listing(BUDGETS["news_index"], self.add_news, self.site.news_index.url)

    def test_directory(self):
        self.assert_constant_listing(BUDGETS["directory"], self.add_services, self.site.directory.url)

    def test_directory_in_polish(self):
        url = pl_fallback_url(self.site.directory)
        self.assert_constant_listing(BUDGETS["directory_pl"], self.add_services, url)

    def test_filtered_directory(self):
        category, area = self.site.categories[0], self.site.areas[0]
        url = f"{self.site.directory.url}?category={category.slug}&area={area.slug}&open_now=1"
        self.assert_constant_listing(BUDGETS["directory_filtered"], self.add_services, url)

    def test_search(self):
        self.assert_constant_listing(BUDGETS["search"], self.add_advice, "/en/search/?q=advice")
