"""The news index runs the same number of queries however many items it lists (STYLE habit 7)."""

from django.test import TestCase

from tests.factories import ImageFactory, NewsIndexPageFactory, NewsPageFactory, home_page
from tests.utils import count_queries


class NewsIndexQueryCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = NewsIndexPageFactory(parent=home_page())

    def add_news(self, count, with_images=True):
        for _ in range(count):
            image = ImageFactory() if with_images else None
            NewsPageFactory(parent=self.index, image=image, tags=["campaign", "leaflets"])

    def test_same_queries_with_5_and_50_news_items(self):
        self.add_news(5)
        with_5 = count_queries(self.client, self.index.url)

        self.add_news(45)
        with_50 = count_queries(self.client, self.index.url)

        self.assertEqual(with_5, with_50)

    def test_feed_runs_the_same_queries_with_5_and_50_news_items(self):
        # The feed shows no images.
        url = self.index.url + "feed/"
        self.add_news(5, with_images=False)
        with_5 = count_queries(self.client, url)

        self.add_news(45, with_images=False)
        with_50 = count_queries(self.client, url)

        self.assertEqual(with_5, with_50)
