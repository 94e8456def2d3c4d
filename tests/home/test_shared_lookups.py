"""Site-wide look-ups kept in the shared cache (home/request_cache.py) never outlive a change."""

from django.test import TestCase

from home.request_cache import RequestCacheMiddleware, content_changed, shared
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


def shared_in_a_request(key, compute):
    """What shared() gives one request for ``key``."""
    found = []
    RequestCacheMiddleware(lambda request: found.append(shared(key, compute)))(None)
    return found[0]


class ProcessCopyTests(TestCase):
    def test_each_request_gets_its_own_copy_of_a_shared_look_up(self):
        computed = []

        def compute():
            computed.append(1)
            return ["kept"]

        first = shared_in_a_request("test:own-copy", compute)
        first.append("changed by the first request")
        second = shared_in_a_request("test:own-copy", compute)
        self.assertEqual(second, ["kept"])
        self.assertEqual(len(computed), 1)

    def test_a_change_of_content_is_seen_by_the_next_request(self):
        self.assertEqual(shared_in_a_request("test:changed", lambda: "old"), "old")
        content_changed()
        self.assertEqual(shared_in_a_request("test:changed", lambda: "new"), "new")
