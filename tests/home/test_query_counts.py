"""The home page runs the same number of queries however much content there is (STYLE habit 7)."""

from django.test import TestCase

from home.models import HomeFeaturedAdvice
from tests.factories import (
    AdviceIndexPageFactory,
    AdvicePageFactory,
    AdviceTopicFactory,
    HelplineFactory,
    ImageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    choose_navigation,
    home_page,
)
from tests.utils import count_queries


class HomePageQueryCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        cls.news_index = NewsIndexPageFactory(parent=cls.home)
        cls.advice_index = AdviceIndexPageFactory(parent=cls.home)
        cls.topics = AdviceTopicFactory.create_batch(2)
        choose_navigation(news=cls.news_index, advice=cls.advice_index)

    def add_news(self, count):
        for _ in range(count):
            NewsPageFactory(parent=self.news_index, image=ImageFactory(), tags=["campaign", "leaflets"])

    def feature_advice(self, count):
        pages = [AdvicePageFactory(parent=self.advice_index, topics=self.topics) for _ in range(count)]
        self.home.featured_advice = [HomeFeaturedAdvice(page=page) for page in pages]
        self.home.save()

    def test_same_queries_with_5_and_50_news_items(self):
        self.add_news(5)
        with_5 = count_queries(self.client, self.home.url)

        self.add_news(45)
        with_50 = count_queries(self.client, self.home.url)

        self.assertEqual(with_5, with_50)

    def test_same_queries_with_1_and_6_featured_advice_pages(self):
        self.feature_advice(1)
        with_1 = count_queries(self.client, self.home.url)

        self.feature_advice(6)
        with_6 = count_queries(self.client, self.home.url)

        self.assertEqual(with_1, with_6)

    def test_same_queries_with_1_and_5_featured_helplines(self):
        HelplineFactory(is_featured=True)
        with_1 = count_queries(self.client, self.home.url)

        HelplineFactory.create_batch(4, is_featured=True)
        with_5 = count_queries(self.client, self.home.url)

        self.assertEqual(with_1, with_5)
