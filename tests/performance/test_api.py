"""The API's listings with every field, and its detail views, run a bounded number of queries,
the same with 2 and with 6 pages and whatever the pages' bodies hold."""

from django.test import TestCase
from wagtail.models import Locale

from tests.factories import translate_page
from tests.performance.content import DemoLikeSite, GrowingListings
from tests.utils import count_queries

# Issue 11: 15 at most, counted once site-wide look-ups (locales, the site's root pages) are in
# the shared cache.
LISTING_BUDGET = 15
DETAIL_BUDGET = 15


class APIQueryCountTests(GrowingListings, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = DemoLikeSite()

    def test_advice_listing_with_every_field(self):
        self.assert_constant_listing(LISTING_BUDGET, self.add_advice, "/api/v2/pages/?type=advice.AdvicePage&fields=*")

    def test_polish_advice_listing_with_every_field(self):
        self.assert_constant_listing(
            LISTING_BUDGET, self.add_advice, "/api/v2/pages/?type=advice.AdvicePage&fields=*&locale=pl"
        )

    def test_news_listing_with_every_field(self):
        self.assert_constant_listing(LISTING_BUDGET, self.add_news, "/api/v2/pages/?type=news.NewsPage&fields=*")

    def test_standard_page_listing_with_every_field(self):
        self.assert_constant_listing(
            LISTING_BUDGET, self.add_standard, "/api/v2/pages/?type=home.StandardPage&fields=*"
        )

    def test_advice_detail_does_not_grow_with_its_body(self):
        small = count_queries(self.client, f"/api/v2/pages/{self.site.advice(2).pk}/")
        large = count_queries(self.client, f"/api/v2/pages/{self.site.advice(6).pk}/")
        self.assertEqual(small, large)
        self.assertLessEqual(large, DETAIL_BUDGET)

    def test_body_links_point_at_the_polish_translation_where_there_is_one(self):
        page = translate_page(self.site.advice(6), "pl")
        response = self.client.get(f"/api/v2/pages/{page.pk}/")
        self.assertEqual(response.status_code, 200)
        text = str(response.json()["body"])
        translated, untranslated = self.site.targets[0], self.site.targets[1]
        polish = translated.get_translation(Locale.objects.get(language_code="pl"))
        self.assertIn(f'href="{polish.url}"', text)
        self.assertNotIn(f'href="{translated.url}"', text)
        self.assertIn(f'href="{untranslated.url}"', text)
