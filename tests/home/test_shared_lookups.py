"""Site-wide look-ups kept in the shared cache (home/request_cache.py) never outlive a change."""

from django.test import TestCase

from tests.factories import HelplineFactory, StandardPageFactory, choose_navigation, home_page, make_private


class SharedLookupTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        cls.about = StandardPageFactory(parent=cls.home, title="About us", slug="about")
        cls.helpline = HelplineFactory(name="Night line", is_featured=True)
        choose_navigation(about=cls.about)

    def test_a_renamed_helpline_shows_on_the_next_page(self):
        self.assertContains(self.client.get("/en/"), "Night line")
        self.helpline.name = "Evening line"
        self.helpline.save()
        response = self.client.get("/en/")
        self.assertContains(response, "Evening line")
        self.assertNotContains(response, "Night line")

    def test_a_page_made_private_is_private_on_the_next_request(self):
        self.assertEqual(self.client.get(self.about.url).status_code, 200)
        make_private(self.about)
        response = self.client.get(self.about.url)
        self.assertEqual(response.status_code, 200)  # Wagtail's password form, not the page
        self.assertTemplateUsed(response, "editorial/password_required.html")

    def test_a_menu_page_moved_to_a_new_address_is_linked_there_on_the_next_page(self):
        self.assertContains(self.client.get("/en/"), 'href="/en/about/"')
        self.about.slug = "who-we-are"
        self.about.save_revision().publish()
        response = self.client.get("/en/")
        self.assertContains(response, 'href="/en/who-we-are/"')
        self.assertNotContains(response, 'href="/en/about/"')
