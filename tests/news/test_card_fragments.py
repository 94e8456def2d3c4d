"""News cards are kept with the shared look-ups (includes/news_card.html): a publish shows on the
next render, in the index and on the home page."""

from django.test import TestCase

from tests.factories import NewsIndexPageFactory, NewsPageFactory, home_page


class NewsCardFragmentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = NewsIndexPageFactory(parent=home_page())
        cls.news = NewsPageFactory(parent=cls.index, title="Awareness week", tags=["campaign"])

    def test_a_published_change_shows_on_the_next_render(self):
        self.assertContains(self.client.get(self.index.url), "Awareness week")
        self.news.title = "Awareness fortnight"
        self.news.tags.add("leaflets")
        self.news.save_revision().publish()
        response = self.client.get(self.index.url)
        self.assertContains(response, "Awareness fortnight")
        self.assertContains(response, "?tag=leaflets")
        self.assertNotContains(response, ">Awareness week<")

    def test_the_index_and_the_home_page_each_have_their_own_card(self):
        self.assertContains(self.client.get(self.index.url), "?tag=campaign")
        self.assertNotContains(self.client.get("/en/"), "?tag=campaign")  # no tag links there
