"""Advice listings and an advice page's related services follow the one listing rule."""

from django.test import TestCase

from tests.listings import build_listing_site, cards, url_in


class AdviceFallbackTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.s = build_listing_site()

    def test_polish_advice_index_mixes_polish_and_marked_english_advice(self):
        response = self.client.get(self.s.advice_indexes["pl"].url)

        self.assertEqual(cards(response, "advice"), [("Rozpoznaj sygnały", False), ("Your rights", True)])
        self.assertNotContains(response, "secret")

    def test_arabic_and_lithuanian_advice_indexes(self):
        response = self.client.get(self.s.advice_indexes["ar"].url)
        self.assertEqual(sorted(english for _title, english in cards(response, "advice")), [False, True])

        response = self.client.get(url_in(self.s.advice_index, "lt"))
        self.assertEqual(cards(response, "advice"), [("Spot the signs", True), ("Your rights", True)])

    def test_related_services_in_polish_english_where_untranslated_never_drafts_or_private(self):
        response = self.client.get(self.s.signs_translations["pl"].url)

        self.assertEqual(cards(response, "service"), [("Poradnia prawna", False), ("Safe house", True)])
        self.assertNotContains(response, "secret")

    def test_related_services_on_an_english_fallback_page_in_tigrinya(self):
        response = self.client.get(url_in(self.s.rights, "ti"))
        self.assertEqual(response.status_code, 200)

        response = self.client.get(self.s.signs_translations["ti"].url)
        self.assertEqual(cards(response, "service"), [("ሕጋዊ ምኽሪ", False), ("Safe house", True)])

    def test_home_page_featured_advice_never_shows_drafts_or_private_pages(self):
        for code in ("pl", "ar", "ti"):
            with self.subTest(code):
                response = self.client.get(self.s.homes[code].url)
                titles = cards(response, "advice")
                self.assertEqual([english for _title, english in titles], [False, True])
                self.assertNotContains(response, "secret")
        response = self.client.get(self.s.home.url)
        self.assertEqual(cards(response, "advice"), [("Spot the signs", False), ("Your rights", False)])
        self.assertNotContains(response, "secret")
