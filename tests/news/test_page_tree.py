from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from news.models import NewsIndexPage, NewsPage
from tests.factories import NewsIndexPageFactory, NewsPageFactory, home_page


class NewsTreeTests(WagtailPageTestCase):
    def test_news_index_lives_only_under_the_home_page(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})

    def test_news_index_holds_only_news_pages(self):
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})

    def test_news_page_lives_only_under_the_news_index(self):
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})

    def test_news_page_is_a_leaf(self):
        self.assertAllowedSubpageTypes(NewsPage, set())

    def test_a_home_page_has_at_most_one_news_index(self):
        home = home_page()
        self.assertTrue(NewsIndexPage.can_create_at(home))

        NewsIndexPageFactory(parent=home)

        self.assertFalse(NewsIndexPage.can_create_at(home))

    def test_a_news_index_holds_many_news_pages(self):
        index = NewsIndexPageFactory(parent=home_page())
        NewsPageFactory(parent=index)

        self.assertTrue(NewsPage.can_create_at(index))
