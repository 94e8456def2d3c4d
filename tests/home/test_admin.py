from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import Helpline, HomePage, StandardPage
from tests.factories import HelplineFactory, StandardPageFactory, home_page
from tests.utils import AdminTestCase


class HomeAdminViewTests(AdminTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.home = home_page()
        cls.standard_page = StandardPageFactory(parent=cls.home)
        cls.helpline = HelplineFactory()

    def test_home_page_add_view_loads(self):
        response = self.client.get(self.add_url(HomePage, Page.get_first_root_node()))

        self.assertEqual(response.status_code, 200)

    def test_home_page_edit_view_loads(self):
        response = self.client.get(self.edit_url(self.home))

        self.assertEqual(response.status_code, 200)

    def test_standard_page_add_view_loads(self):
        response = self.client.get(self.add_url(StandardPage, self.home))

        self.assertEqual(response.status_code, 200)

    def test_standard_page_edit_view_loads(self):
        response = self.client.get(self.edit_url(self.standard_page))

        self.assertEqual(response.status_code, 200)

    def test_helpline_add_view_loads(self):
        response = self.client.get(self.snippet_add_url(Helpline))

        self.assertEqual(response.status_code, 200)

    def test_helpline_edit_view_loads(self):
        response = self.client.get(self.snippet_edit_url(self.helpline))

        self.assertEqual(response.status_code, 200)

    def test_site_settings_edit_view_loads(self):
        response = self.client.get("/admin/settings/home/sitesettings/", follow=True)

        self.assertEqual(response.status_code, 200)


class HomeAdminCreateTests(AdminTestCase):
    def test_standard_page_published_from_the_add_form_is_served_at_its_url(self):
        home = home_page()
        data = nested_form_data(
            {
                "title": "About the network",
                "slug": "about",
                "summary": "Who we are.",
                "body": streamfield([("text", rich_text("<p>Police, councils and charities.</p>"))]),
            }
        )

        page = self.create_through_admin(StandardPage, home, data)

        self.assertTrue(page.live)
        self.assertEqual(page.url, "/en/about/")
        response = self.client.get(page.url)
        self.assertContains(response, "Police, councils and charities.")

    def test_helpline_created_from_the_add_form_is_saved_in_english(self):
        data = {
            "name": "Modern Slavery & Exploitation Helpline",
            "number": "08000 121 700",
            "tel": "+448000121700",
            "hours": "24 hours a day, 7 days a week",
            "is_free": "on",
            "has_interpreters": "on",
            "description": "",
            "sort_order": "1",
        }

        response = self.client.post(self.snippet_add_url(Helpline), data)

        self.assertEqual(response.status_code, 302)
        helpline = Helpline.objects.get(name="Modern Slavery & Exploitation Helpline")
        self.assertEqual(helpline.locale.language_code, "en")
        self.assertEqual(helpline.tel_uri, "tel:+448000121700")
