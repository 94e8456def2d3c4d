from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from news.models import NewsIndexPage, NewsPage
from tests.factories import ImageFactory, NewsIndexPageFactory, NewsPageFactory, home_page
from tests.utils import AdminTestCase, second_home_page


class NewsAdminViewTests(AdminTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.index = NewsIndexPageFactory(parent=home_page())
        cls.news = NewsPageFactory(parent=cls.index, image=ImageFactory(), tags=["campaign"])

    def test_news_index_add_view_loads(self):
        response = self.client.get(self.add_url(NewsIndexPage, second_home_page()))

        self.assertEqual(response.status_code, 200)

    def test_news_index_edit_view_loads(self):
        response = self.client.get(self.edit_url(self.index))

        self.assertEqual(response.status_code, 200)

    def test_news_page_add_view_loads(self):
        response = self.client.get(self.add_url(NewsPage, self.index))

        self.assertEqual(response.status_code, 200)

    def test_news_page_edit_view_loads(self):
        response = self.client.get(self.edit_url(self.news))

        self.assertEqual(response.status_code, 200)


class NewsAdminCreateTests(AdminTestCase):
    def test_news_page_published_from_the_add_form_is_served_at_its_url(self):
        index = NewsIndexPageFactory(parent=home_page(), slug="news")
        image = ImageFactory()
        data = nested_form_data(
            {
                "title": "Awareness week in Norwich",
                "slug": "awareness-week",
                "summary": "Stalls in the market.",
                "date": "2026-10-18",
                "image": str(image.pk),
                "body": streamfield([("text", rich_text("<p>Come and talk to us.</p>"))]),
                "tags": "awareness, norwich",
            }
        )

        page = self.create_through_admin(NewsPage, index, data)

        self.assertTrue(page.live)
        self.assertEqual(sorted(tag.name for tag in page.tags.all()), ["awareness", "norwich"])
        self.assertEqual(page.url, "/en/news/awareness-week/")
        response = self.client.get(page.url)
        self.assertContains(response, "Come and talk to us.")
