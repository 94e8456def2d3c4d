import datetime

from defusedxml import ElementTree
from django.test import TestCase

from news.feeds import FEED_LENGTH
from tests.factories import NewsIndexPageFactory, NewsPageFactory, home_page, make_private

ATOM = "{http://www.w3.org/2005/Atom}"


class NewsFeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = NewsIndexPageFactory(parent=home_page(), title="News", slug="news", summary="From NASN.")
        for day in range(1, FEED_LENGTH + 3):
            NewsPageFactory(
                parent=cls.index,
                title=f"Story {day:02}",
                summary=f"Summary {day:02}.",
                date=datetime.date(2026, 1, day),
            )
        NewsPageFactory(parent=cls.index, title="Draft story", date=datetime.date(2026, 2, 1), live=False)
        make_private(NewsPageFactory(parent=cls.index, title="Private story", date=datetime.date(2026, 2, 2)))

    def get_feed(self):
        response = self.client.get("/en/news/feed/")
        self.assertEqual(response.status_code, 200)
        return response, ElementTree.fromstring(response.content)

    def test_feed_is_atom(self):
        response, feed = self.get_feed()

        self.assertEqual(response["Content-Type"], "application/atom+xml; charset=utf-8")
        self.assertEqual(feed.tag, f"{ATOM}feed")
        self.assertEqual(feed.findtext(f"{ATOM}title"), "News")
        self.assertEqual(feed.findtext(f"{ATOM}subtitle"), "From NASN.")

    def test_feed_lists_the_newest_items_first(self):
        _response, feed = self.get_feed()

        titles = [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]
        self.assertEqual(titles, [f"Story {day:02}" for day in range(FEED_LENGTH + 2, 2, -1)])

    def test_feed_entries_link_to_the_news_pages(self):
        _response, feed = self.get_feed()

        entry = feed.find(f"{ATOM}entry")
        # From the site's origin (the test Site is localhost:80), not the request's host.
        self.assertEqual(entry.find(f"{ATOM}link").get("href"), "http://localhost/en/news/story-22/")
        self.assertEqual(entry.findtext(f"{ATOM}summary"), "Summary 22.")

    def test_feed_never_lists_drafts_or_private_news(self):
        response, _feed = self.get_feed()

        self.assertNotContains(response, "Draft story")
        self.assertNotContains(response, "Private story")
