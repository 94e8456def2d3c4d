import datetime

from django.test import TestCase

from news.models import NEWS_PER_PAGE
from tests.factories import ImageFactory, NewsIndexPageFactory, NewsPageFactory, home_page, make_private, paragraph

JUNK_QUERIES = [
    "?tag=%00",
    "?tag=" + "x" * 5000,
    "?tag=<script>alert(1)</script>",
    "?tag=no-such-tag",
    "?tag=%E2%80%AE",
    "?page=abc",
    "?page=99999",
    "?page=-1",
    "?page=0",
    "?page=%00",
    "?tag=campaign&page=99999",
]


class NewsIndexTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = NewsIndexPageFactory(parent=home_page(), slug="news", introduction="News from the network.")
        cls.old = NewsPageFactory(parent=cls.index, title="Network launched", date=datetime.date(2020, 10, 1))
        cls.middle = NewsPageFactory(
            parent=cls.index, title="Awareness week", date=datetime.date(2025, 10, 18), tags=["campaign"]
        )
        cls.new = NewsPageFactory(
            parent=cls.index, title="New leaflets", date=datetime.date(2026, 2, 1), tags=["campaign", "leaflets"]
        )
        cls.draft = NewsPageFactory(parent=cls.index, title="Draft story", date=datetime.date(2026, 3, 1), live=False)
        cls.private = NewsPageFactory(parent=cls.index, title="Partners-only story", tags=["campaign"])
        make_private(cls.private)

    def listed(self, response):
        return [page.title for page in response.context["news_pages"]]

    def test_index_renders_its_introduction(self):
        response = self.client.get(self.index.url)

        self.assertContains(response, "News from the network.")

    def test_index_lists_live_public_news_newest_first(self):
        response = self.client.get(self.index.url)

        self.assertEqual(self.listed(response), ["New leaflets", "Awareness week", "Network launched"])
        self.assertContains(response, f'href="{self.new.url}"')
        self.assertNotContains(response, "Draft story")
        self.assertNotContains(response, "Partners-only story")

    def test_tag_filter_lists_only_news_with_that_tag(self):
        response = self.client.get(self.index.url + "?tag=campaign")

        self.assertEqual(self.listed(response), ["New leaflets", "Awareness week"])

    def test_unknown_tag_lists_nothing(self):
        response = self.client.get(self.index.url + "?tag=no-such-tag")

        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.listed(response), [])

    def test_junk_query_strings_never_cause_a_server_error(self):
        for query in JUNK_QUERIES:
            with self.subTest(query=query[:60]):
                response = self.client.get(self.index.url + query)

                self.assertIn(response.status_code, (200, 404))

    def test_junk_tag_is_never_echoed_unescaped(self):
        response = self.client.get(self.index.url + "?tag=<script>alert(1)</script>")

        self.assertNotContains(response, "<script>alert(1)</script>")


class NewsPaginationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = NewsIndexPageFactory(parent=home_page())
        for day in range(1, NEWS_PER_PAGE + 3):
            NewsPageFactory(parent=cls.index, title=f"Story {day:02}", date=datetime.date(2026, 1, day))

    def test_first_page_holds_the_newest_items(self):
        response = self.client.get(self.index.url)

        titles = [page.title for page in response.context["news_pages"]]
        self.assertEqual(titles, [f"Story {day:02}" for day in range(NEWS_PER_PAGE + 2, 2, -1)])

    def test_second_page_holds_the_rest(self):
        response = self.client.get(self.index.url + "?page=2")

        self.assertEqual([page.title for page in response.context["news_pages"]], ["Story 02", "Story 01"])

    def test_page_beyond_the_end_shows_the_last_page(self):
        response = self.client.get(self.index.url + "?page=99999")

        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["news_pages"].number, 2)


class NewsPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        index = NewsIndexPageFactory(parent=home_page())
        cls.page = NewsPageFactory(
            parent=index,
            title="Awareness week",
            date=datetime.date(2025, 10, 18),
            image=ImageFactory(title="Market stall"),
            body=paragraph("Come and talk to us."),
            tags=["campaign"],
        )

    def test_news_page_renders_its_body(self):
        response = self.client.get(self.page.url)

        self.assertContains(response, "Awareness week")
        self.assertContains(response, "Come and talk to us.")

    def test_news_page_shows_its_image(self):
        response = self.client.get(self.page.url)

        self.assertContains(response, "<img")
