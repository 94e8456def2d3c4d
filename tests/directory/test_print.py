"""The printable service card: a print stylesheet and ?print=plain without site branding."""

from pathlib import Path

from django.conf import settings
from django.test import TestCase

from directory.models import Place
from tests.factories import DirectoryIndexPageFactory, ServicePageFactory, home_page
from tests.utils import AdminTestCase


class PlainPrintTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        index = DirectoryIndexPageFactory(parent=home_page())
        cls.service = ServicePageFactory(parent=index, title="Legal clinic", phone="01603 123456")

    def test_plain_version_has_no_branding_class_and_is_not_indexed(self):
        response = self.client.get(self.service.url + "?print=plain")
        self.assertContains(response, 'class="service-page print-plain"')
        self.assertContains(response, '<meta name="robots" content="noindex">')
        self.assertContains(response, "Back to the full page")
        self.assertContains(response, "01603 123456")

    def test_normal_page_links_to_the_plain_version(self):
        response = self.client.get(self.service.url)
        self.assertContains(response, 'href="?print=plain"')
        self.assertNotContains(response, "print-plain")
        self.assertNotContains(response, "noindex")

    def test_stylesheet_hides_branding_when_printing(self):
        css = (Path(settings.BASE_DIR) / "static" / "css" / "site.css").read_text()
        section = css[css.index("Service directory: open now") :]
        self.assertIn("@media print", section)
        self.assertIn(".print-plain .site-header", section)


class PlaceSnippetAdminTests(AdminTestCase):
    def test_places_are_listed_and_editable(self):
        response = self.client.get("/admin/snippets/directory/place/")
        self.assertContains(response, "NR17")
        place = Place.objects.get(key="NR19")
        self.assertEqual(self.client.get(f"/admin/snippets/directory/place/edit/{place.pk}/").status_code, 200)

    def test_duplicate_place_is_refused(self):
        response = self.client.post(
            "/admin/snippets/directory/place/add/",
            {"name": "dereham", "kind": "town", "latitude": "52.68", "longitude": "0.94"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "There is already a place with this name.")
        self.assertEqual(Place.objects.filter(key="dereham").count(), 1)
