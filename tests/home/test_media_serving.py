"""Media on one server, as production serves it (DEBUG off): renditions with long cache
lifetimes, never an original image or a raw document; documents through Wagtail's view."""

from django.test import TestCase
from wagtail.models import Collection, CollectionViewRestriction

from tests.editorial.conftest import make_user
from tests.factories import DocumentFactory, ImageFactory
from tests.home.media_files import MediaOnDisk


def private_collection(restriction_type):
    collection = Collection.get_first_root_node().add_child(name="Partners only")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=restriction_type, password="a-partner-password"
    )
    return collection


class RenditionTests(MediaOnDisk, TestCase):
    def setUp(self):
        super().setUp()
        self.image = ImageFactory()
        self.rendition = self.image.get_rendition("max-1200x1200|format-webp")

    def test_a_rendition_is_served_for_a_year(self):
        response = self.client.get(self.rendition.url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "image/webp")
        self.assertEqual(set(response["Cache-Control"].split(", ")), {"public", "max-age=31536000", "immutable"})
        with self.rendition.file.open("rb") as file:
            self.assertEqual(b"".join(response.streaming_content), file.read())

    def test_an_image_uploaded_again_under_the_same_name_gets_new_rendition_urls(self):
        first = ImageFactory(file__filename="harbour.png", file__color="teal")
        old_url = first.get_rendition("max-1200x1200|format-webp").url
        first.delete()
        second = ImageFactory(file__filename="harbour.png", file__color="red")
        self.assertNotEqual(second.get_rendition("max-1200x1200|format-webp").url, old_url)

    def test_a_missing_rendition_is_a_404(self):
        self.assertEqual(self.client.get("/media/images/missing.webp").status_code, 404)

    def test_the_original_is_not_served(self):
        self.assertTrue(self.image.file.name.startswith("original_images/"))
        self.assertEqual(self.client.get(f"/media/{self.image.file.name}").status_code, 404)

    def test_no_way_out_of_the_renditions_folder(self):
        for path in (f"images/../{self.image.file.name}", f"images/%2e%2e/{self.image.file.name}", "images/../../etc"):
            with self.subTest(path=path):
                self.assertEqual(self.client.get(f"/media/{path}").status_code, 404)


class DocumentTests(MediaOnDisk, TestCase):
    def test_a_public_document_downloads_with_its_name(self):
        document = DocumentFactory(file__filename="spot-the-signs.csv", file__data=b"sign,where\n")
        self.assertEqual(self.client.get(f"/media/{document.file.name}").status_code, 404)  # never raw
        response = self.client.get(document.url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(b"".join(response.streaming_content), b"sign,where\n")
        self.assertEqual(response["Content-Disposition"], 'attachment; filename="spot-the-signs.csv"')
        self.assertEqual(set(response["Cache-Control"].split(", ")), {"public", "max-age=3600"})
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertNotIn("Content-Encoding", response)

    def test_a_document_needing_sign_in_is_not_served_to_visitors(self):
        document = DocumentFactory(collection=private_collection(CollectionViewRestriction.LOGIN))
        response = self.client.get(document.url)
        self.assertEqual(response.status_code, 302)
        self.assertIn("/_util/login/", response["Location"])
        self.assertEqual(set(response["Cache-Control"].split(", ")), {"private", "no-store"})

        self.client.force_login(make_user("editor"))
        response = self.client.get(document.url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(b"".join(response.streaming_content), b"%PDF-1.4 test leaflet")
        self.assertEqual(set(response["Cache-Control"].split(", ")), {"private", "no-store"})

    def test_a_password_protected_document_asks_for_the_password(self):
        document = DocumentFactory(collection=private_collection(CollectionViewRestriction.PASSWORD))
        response = self.client.get(document.url)
        self.assertContains(response, "password")
        self.assertNotIn(b"test leaflet", response.content)
        self.assertLessEqual({"private", "no-store"}, set(response["Cache-Control"].split(", ")))

    def test_the_documents_password_page_is_the_sites_in_the_visitors_language(self):
        document = DocumentFactory(collection=private_collection(CollectionViewRestriction.PASSWORD))
        response = self.client.get(document.url, HTTP_ACCEPT_LANGUAGE="ar")
        self.assertTemplateUsed(response, "editorial/password_required.html")
        self.assertTemplateUsed(response, "base.html")
        self.assertContains(response, '<html lang="ar" dir="rtl">')
        self.assertContains(response, '<label class="field__label" for="id_password">')
