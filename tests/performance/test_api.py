"""The API's listings with every field, and its detail views, run a bounded number of queries,
the same with 2 and with 6 pages and whatever the pages' bodies hold."""

import json

from django.test import TestCase
from wagtail.models import Locale

from tests.factories import translate_page
from tests.performance.content import DemoLikeSite, GrowingListings
from tests.utils import count_queries

# Issue 11: 15 at most, counted once site-wide look-ups (locales, the site's root pages) are in
# the shared cache.
LISTING_BUDGET = 15
DETAIL_BUDGET = 15
ORUK_LIST_BUDGET = 3


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

    def test_oruk_services_list(self):
        # A summary needs the service and its organisation: the count and one page of services.
        self.assert_constant_listing(ORUK_LIST_BUDGET, self.add_services, "/api/openreferral/services")

    def test_oruk_service_at_locations_list(self):
        self.assert_constant_listing(LISTING_BUDGET, self.add_services, "/api/openreferral/service_at_locations")

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


class FrontEndFieldsQueryCountTests(TestCase):
    """What a front end gets in one response (link ids, service cards, image sizes) costs the
    same number of queries with 1 or 5 links, images and related services in a page."""

    @classmethod
    def setUpTestData(cls):
        cls.site = DemoLikeSite()

    def detail(self, page):
        url = f"/api/v2/pages/{page.pk}/"
        return count_queries(self.client, url), self.client.get(url).json()

    def assert_shows_everything(self, data, count):
        body = data["body"]
        html = json.dumps(body)
        self.assertGreaterEqual(html.count("data-page-id="), count)
        images = [block["value"] for block in body if block["type"] == "image"]
        self.assertEqual(len(images), count)
        for image in images:
            self.assertRegex(image["srcset"], r"\.webp \d+w$")
            self.assertIn(image["fallback"]["type"], ("image/jpeg", "image/png"))
        cards = data["related_services"]
        self.assertEqual(len(cards), count)
        for card in cards:
            self.assertEqual(card["phone"], "01603 123456")
            self.assertEqual(len(card["opening_hours"]), 2)
            self.assertEqual(len(card["areas"]), 2)

    def assert_constant_detail(self, small_page, large_page):
        small, small_data = self.detail(small_page)
        large, large_data = self.detail(large_page)
        self.assert_shows_everything(small_data, 1)
        self.assert_shows_everything(large_data, 5)
        self.assertEqual(small, large)
        self.assertLessEqual(large, DETAIL_BUDGET)

    def test_advice_detail_with_1_or_5_links_images_and_services(self):
        self.assert_constant_detail(self.site.advice(1), self.site.advice(5))

    def test_polish_advice_detail_with_1_or_5_links_images_and_services(self):
        self.assert_constant_detail(
            translate_page(self.site.advice(1), "pl"), translate_page(self.site.advice(5), "pl")
        )

    def test_news_detail_with_1_or_5_links_and_images(self):
        (small, _small_data), (large, data) = self.detail(self.site.news(1)), self.detail(self.site.news(5))
        self.assertEqual(small, large)
        self.assertLessEqual(large, DETAIL_BUDGET)
        self.assertEqual(data["image_srcset"]["id"], self.site.images[0].pk)
        self.assertRegex(data["image_srcset"]["srcset"], r"\.webp \d+w$")
        self.assertEqual(len([block for block in data["body"] if block["type"] == "image"]), 5)

    def test_advice_listing_of_2_or_6_pages_with_their_service_cards(self):
        url = "/api/v2/pages/?type=advice.AdvicePage&fields=_,title,body,related_services"
        for _ in range(2):
            self.site.advice(5)
        small = count_queries(self.client, url)
        for _ in range(4):
            self.site.advice(1)
        large = count_queries(self.client, url)
        self.assertEqual(small, large)
        self.assertLessEqual(large, LISTING_BUDGET)
