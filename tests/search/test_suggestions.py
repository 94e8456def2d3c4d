"""/<language>/search/suggest/?q=…: page titles for the search box, as JSON; search works without it."""

import re

from django.test import TestCase

from search.models import SearchLog
from tests.factories import AdviceIndexPageFactory, AdvicePageFactory, home_page, make_private, translate_page

SUGGEST_URL = "/en/search/suggest/"


class SuggestionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = home_page()
        translate_page(home, "pl", title="Strona główna")
        index = AdviceIndexPageFactory(parent=home)
        translate_page(index, "pl", title="Porady")
        cls.passport = AdvicePageFactory(parent=index, title="Keeping your passport safe")
        cls.passport_pl = translate_page(cls.passport, "pl", title="Jak chronić paszport")
        cls.payslips = AdvicePageFactory(parent=index, title="Payslips explained")
        cls.private = AdvicePageFactory(parent=index, title="Passport scanning for staff")
        make_private(cls.private)
        cls.draft = AdvicePageFactory(parent=index, title="Passport draft", live=False)

    def suggestions(self, query, url=SUGGEST_URL):
        response = self.client.get(url, {"q": query})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/json")
        return response.json()["suggestions"]

    def test_suggests_titles_whose_words_start_with_what_was_typed(self):
        self.assertEqual(self.suggestions("pass"), [{"title": "Keeping your passport safe", "url": self.passport.url}])

    def test_earlier_words_must_be_whole(self):
        self.assertEqual([s["title"] for s in self.suggestions("your pass")], ["Keeping your passport safe"])
        self.assertEqual(self.suggestions("you pass"), [])

    def test_suggests_pages_of_the_visitors_language_only(self):
        self.assertEqual(
            self.suggestions("pasz", url="/pl/search/suggest/"),
            [{"title": "Jak chronić paszport", "url": self.passport_pl.url}],
        )
        self.assertEqual(self.suggestions("pasz"), [])

    def test_never_suggests_private_or_unpublished_pages(self):
        titles = [suggestion["title"] for suggestion in self.suggestions("passport")]

        self.assertEqual(titles, ["Keeping your passport safe"])

    def test_nothing_for_one_letter_or_nothing(self):
        for query in ("", " ", "p", "!!", "<"):
            with self.subTest(query=query):
                self.assertEqual(self.suggestions(query), [])

    def test_awkward_input_is_harmless(self):
        # Over the search limit ("x" * 5000) is a 400: tests/search/test_search_limits.py.
        for query in ('"', "pass*", "pass' OR 1=1 --", "<script>", "x" * 500, "pass\x00"):
            with self.subTest(query=query):
                response = self.client.get(SUGGEST_URL, {"q": query})

                self.assertEqual(response.status_code, 200)
                self.assertNotIn(b"<script", response.content)

    def test_suggestions_are_not_logged(self):
        self.suggestions("pass")

        self.assertFalse(SearchLog.objects.exists())

    def test_suggestions_may_be_cached_briefly_and_set_no_cookie(self):
        response = self.client.get(SUGGEST_URL, {"q": "pass"})

        self.assertIn("max-age=300", response["Cache-Control"])
        self.assertEqual(response.cookies, {})

    def test_every_search_form_offers_suggestions_through_a_script_file(self):
        for url in ("/en/", "/en/search/?q=pass", "/pl/search/"):
            with self.subTest(url=url):
                response = self.client.get(url)
                content = response.content.decode()

                self.assertRegex(content, r'<form class="search-form" action="/\w+/search/"[^>]* data-suggest-url=')
                self.assertIn('<script src="/static/js/search.js" defer></script>', content)
                self.assertIsNone(re.search(r"<script(?![^>]*\bsrc=)[^>]*>", content))

    def test_search_works_as_a_plain_form(self):
        response = self.client.get("/en/search/", {"q": "passport"})

        self.assertEqual([page.pk for page in response.context["search_results"]], [self.passport.pk])
