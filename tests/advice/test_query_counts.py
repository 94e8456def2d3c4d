"""The advice index runs the same number of queries however many pages it lists (STYLE habit 7)."""

from django.test import TestCase

from tests.factories import AdviceIndexPageFactory, AdvicePageFactory, AdviceTopicFactory, home_page
from tests.utils import count_queries


class AdviceIndexQueryCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = AdviceIndexPageFactory(parent=home_page())
        cls.topics = AdviceTopicFactory.create_batch(3)

    def add_advice(self, count):
        for _ in range(count):
            AdvicePageFactory(parent=self.index, topics=self.topics[:2])

    def test_same_queries_with_5_and_50_advice_pages(self):
        self.add_advice(5)
        with_5 = count_queries(self.client, self.index.url)

        self.add_advice(45)
        with_50 = count_queries(self.client, self.index.url)

        self.assertEqual(with_5, with_50)

    def test_same_queries_with_5_and_50_advice_pages_filtered_by_topic(self):
        url = f"{self.index.url}?topic={self.topics[0].slug}"
        self.add_advice(5)
        with_5 = count_queries(self.client, url)

        self.add_advice(45)
        with_50 = count_queries(self.client, url)

        self.assertEqual(with_5, with_50)
