"""The directory lists every service in every language: the visitor's translation where there
is one, otherwise the English service, marked lang="en" with an "In English" label."""

from django.test import TestCase

from tests.listings import build_listing_site, cards, url_in
from tests.utils import count_queries


class DirectoryFallbackTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.s = build_listing_site()

    def test_polish_directory_shows_the_polish_translation_and_english_services_marked(self):
        response = self.client.get(self.s.directories["pl"].url)

        self.assertEqual(
            cards(response, "service"), [("Food bank", True), ("Poradnia prawna", False), ("Safe house", True)]
        )
        self.assertContains(response, "Po angielsku", count=2)  # the label, in Polish

    def test_arabic_and_tigrinya_directories_follow_the_same_rule(self):
        for code, title in (("ar", "عيادة قانونية"), ("ti", "ሕጋዊ ምኽሪ")):
            with self.subTest(code):
                response = self.client.get(self.s.directories[code].url)
                self.assertEqual(
                    sorted(cards(response, "service")), [("Food bank", True), ("Safe house", True), (title, False)]
                )

    def test_untranslated_language_shows_every_english_service_marked(self):
        response = self.client.get(url_in(self.s.directory, "lt"))

        self.assertEqual(
            cards(response, "service"), [("Food bank", True), ("Legal clinic", True), ("Safe house", True)]
        )

    def test_english_directory_shows_english_services_unmarked(self):
        response = self.client.get(self.s.directory.url)

        self.assertEqual(
            cards(response, "service"), [("Food bank", False), ("Legal clinic", False), ("Safe house", False)]
        )
        self.assertNotContains(response, "fallback-label")

    def test_never_both_versions_nor_drafts_nor_private_services(self):
        response = self.client.get(self.s.directories["pl"].url)

        titles = [title for title, _english in cards(response, "service")]
        self.assertEqual(len(titles), len(set(titles)))
        self.assertNotIn("Legal clinic", titles)
        self.assertNotContains(response, "draft)")  # the draft Polish food bank
        self.assertNotContains(response, "secret")

    def test_filters_work_in_polish(self):
        base = self.s.directories["pl"].url
        for query, titles in (
            ("?category=legal-advice", ["Poradnia prawna"]),
            ("?category=safe-housing", ["Food bank", "Safe house"]),
            ("?area=breckland", ["Safe house"]),
            ("?language=ro", ["Safe house"]),
            ("?open_now=1", ["Poradnia prawna"]),
            ("?near=Norwich", ["Poradnia prawna", "Safe house", "Food bank"]),  # then "available anywhere"
        ):
            with self.subTest(query):
                response = self.client.get(base + query)
                self.assertEqual([title for title, _english in cards(response, "service")], titles)

    def test_language_filter_offers_the_languages_of_english_services_too(self):
        response = self.client.get(self.s.directories["pl"].url)

        self.assertEqual([language.code for language in response.context["languages"]], ["pl", "ro"])

    def test_filters_work_in_an_untranslated_language(self):
        response = self.client.get(url_in(self.s.directory, "lt") + "?category=legal-advice&language=pl")

        self.assertEqual(cards(response, "service"), [("Legal clinic", True)])

    def test_no_results_offers_a_link_to_drop_each_filter_and_the_helplines(self):
        base = self.s.directories["pl"].url
        response = self.client.get(base + "?category=legal-advice&area=breckland&open_now=1")

        self.assertEqual(cards(response, "service"), [])
        self.assertContains(response, f'href="{base}?area=breckland&amp;open_now=1"')
        self.assertContains(response, f'href="{base}?category=legal-advice&amp;open_now=1"')
        self.assertContains(response, f'href="{base}?category=legal-advice&amp;area=breckland"')
        self.assertContains(response, f'href="{base}"')
        self.assertContains(response, 'href="#footer-help-heading"')

    def test_no_results_with_one_filter_links_to_all_services(self):
        base = self.s.directory.url
        response = self.client.get(base + "?language=pl&area=breckland")
        self.assertContains(response, f'href="{base}?area=breckland"')

        response = self.client.get(base + "?near=NR2&area=breckland&category=legal-advice")
        self.assertContains(response, f'href="{base}?category=legal-advice&amp;area=breckland"')
        self.assertContains(response, "Remove “Breckland”")

    def test_a_service_next_door_is_less_than_a_tenth_of_a_mile_away(self):
        response = self.client.get(self.s.directory.url + "?near=Norwich")

        self.assertContains(response, "Less than 0.1 miles away")
        self.assertNotContains(response, "0.0")

    def test_queries_do_not_grow_with_translations(self):
        url = self.s.directories["pl"].url + "?category=safe-housing"
        before = count_queries(self.client, url)
        from tests.factories import ServicePageFactory, translate_page

        for number in range(5):
            service = ServicePageFactory(parent=self.s.directory, categories=[self.s.housing], title=f"Extra {number}")
            if number % 2:
                translate_page(service, "pl", title=f"Dodatkowa {number}")

        self.assertEqual(count_queries(self.client, url), before)
