"""The news index and the home page's latest news follow the one listing rule: the visitor's
translation where there is one, otherwise the English article, marked as English."""

from django.test import TestCase

from tests.listings import build_listing_site, cards, url_in


class NewsFallbackTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.s = build_listing_site()

    def test_polish_news_index_mixes_polish_and_marked_english_news_newest_first(self):
        response = self.client.get(self.s.news_indexes["pl"].url)

        self.assertEqual(
            cards(response, "news"),
            [("Spotkanie wiosenne", False), ("Winter report", True), ("Autumn report", True)],
        )
        self.assertNotContains(response, "draft)")

    def test_tigrinya_and_lithuanian_news(self):
        response = self.client.get(self.s.news_indexes["ti"].url)
        self.assertEqual([english for _title, english in cards(response, "news")], [False, True, True])

        response = self.client.get(url_in(self.s.news_index, "lt"))
        self.assertEqual(
            cards(response, "news"), [("Spring meeting", True), ("Winter report", True), ("Autumn report", True)]
        )

    def test_tag_filter_works_in_polish(self):
        response = self.client.get(self.s.news_indexes["pl"].url + "?tag=reports")

        self.assertEqual(cards(response, "news"), [("Winter report", True)])

    def test_home_page_latest_news_in_arabic(self):
        response = self.client.get(self.s.homes["ar"].url)

        self.assertEqual(
            cards(response, "news"),
            [("Spring meeting [ar]", False), ("Winter report", True), ("Autumn report", True)],
        )

    def test_polish_feed_has_the_english_items_too(self):
        response = self.client.get(self.s.news_indexes["pl"].url + "feed/")

        self.assertContains(response, "<title>Spotkanie wiosenne</title>")
        self.assertContains(response, "<title>Winter report</title>")
        self.assertNotContains(response, "<title>Spring meeting</title>")
