"""One limit on what any search box or ``search`` parameter accepts (home.guards): beyond it, a
clear 400 (JSON on the APIs, a plain message on the site's search page), never a 500 or a huge
log entry. 150 words once made the search backend's query builder recurse too deep."""

import logging

from django.test import TestCase

from home import guards
from search.models import SearchLog
from tests.factories import (
    AdviceIndexPageFactory,
    AdvicePageFactory,
    DocumentFactory,
    ImageFactory,
    home_page,
)

TOO_MANY_WORDS = " ".join(["labour"] * 150)
TOO_MANY_CHARACTERS = "x" * 10_000
TOO_LONG = {"150 words": TOO_MANY_WORDS, "10,000 characters": TOO_MANY_CHARACTERS}
MESSAGE = "search is too long: at most 100 words and 500 characters."
API_SEARCHES = ["/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/", "/api/openreferral/services"]


class SearchLimitTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        index = AdviceIndexPageFactory(parent=home_page())
        cls.page = AdvicePageFactory(parent=index, title="Work abroad")
        ImageFactory(title="Work poster")
        DocumentFactory(title="Work leaflet")

    def test_the_limit_is_one_setting(self):
        self.assertEqual((guards.MAX_SEARCH_WORDS, guards.MAX_SEARCH_CHARS), (100, 500))

    def test_api_searches_refuse_overlong_queries_with_a_json_400(self):
        for url in [*API_SEARCHES, "/api/openreferral/service_at_locations"]:
            for name, query in TOO_LONG.items():
                with self.subTest(url=url, query=name), self.assertLogs("django.request", logging.WARNING) as logs:
                    response = self.client.get(url, {"search": query})
                    self.assertEqual(response.status_code, 400)
                    self.assertEqual(response["Content-Type"], "application/json")
                    self.assertIn(MESSAGE, response.json()["message"])
                    # The log says which path was refused, not the query.
                    self.assertLess(sum(len(line) for line in logs.output), 500)

    def test_api_searches_at_the_limit_still_search(self):
        at_the_limit = " ".join(["work"] * guards.MAX_SEARCH_WORDS)  # 100 words, 499 characters
        for url in API_SEARCHES:
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url, {"search": at_the_limit}).status_code, 200)
        found = self.client.get("/api/v2/pages/", {"search": at_the_limit}).json()["items"]
        self.assertEqual([item["id"] for item in found], [self.page.pk])

    def test_site_search_says_the_query_is_too_long(self):
        for name, query in TOO_LONG.items():
            with self.subTest(query=name), self.assertLogs("django.request", logging.WARNING) as logs:
                response = self.client.get("/en/search/", {"q": query})
                self.assertEqual(response.status_code, 400)
                self.assertContains(
                    response,
                    "That search is too long. Please use at most 100 words or 500 characters.",
                    status_code=400,
                )
                self.assertNotContains(response, query[:200], status_code=400)  # not echoed back
                self.assertIn("no-store", response["Cache-Control"])
                self.assertLess(sum(len(line) for line in logs.output), 500)
        self.assertFalse(SearchLog.objects.exists())

    def test_suggestions_refuse_overlong_queries_with_a_json_400(self):
        for name, query in TOO_LONG.items():
            with self.subTest(query=name), self.assertLogs("django.request", logging.WARNING):
                response = self.client.get("/en/search/suggest/", {"q": query})
                self.assertEqual(response.status_code, 400)
                self.assertEqual(response.json(), {"message": "q is too long: at most 100 words and 500 characters."})
