"""Snippet, image and document endpoints."""

from wagtail.models import Collection, CollectionViewRestriction

from tests.api.content import APITestCase
from tests.factories import DocumentFactory, ImageFactory


class TranslatableSnippetTests(APITestCase):
    def test_listing_shows_english_rows_by_default(self):
        items = self.items("/service-categories/")
        self.assertEqual(
            [(item["name"], item["slug"], item["meta"]["locale"]) for item in items],
            [("Legal advice", "legal-advice", "en"), ("Safe housing", "safe-housing", "en")],
        )

    def test_locale_gives_translations_falling_back_to_english(self):
        items = self.items("/service-categories/", locale="pl")
        self.assertEqual(
            [(item["id"], item["name"], item["meta"]["locale"]) for item in items],
            [(self.s.legal_pl.pk, "Porady prawne", "pl"), (self.s.housing.pk, "Safe housing", "en")],
        )

    def test_detail_serves_any_row_by_id(self):
        item = self.get(f"/service-categories/{self.s.legal_pl.pk}/")
        self.assertEqual((item["name"], item["slug"], item["meta"]["locale"]), ("Porady prawne", "legal-advice", "pl"))

    def test_filter_by_slug_in_a_locale(self):
        items = self.items("/service-categories/", slug="legal-advice", locale="pl")
        self.assertEqual([item["id"] for item in items], [self.s.legal_pl.pk])

    def test_helplines_in_order_with_their_numbers(self):
        items = self.items("/helplines/")
        self.assertEqual([item["name"] for item in items], ["Modern Slavery & Exploitation Helpline", "Crimestoppers"])
        self.assertEqual(
            {key: items[0][key] for key in ("number", "tel", "has_interpreters", "is_featured")},
            {"number": "08000 121 700", "tel": "+448000121700", "has_interpreters": True, "is_featured": True},
        )

    def test_featured_helplines_in_polish(self):
        items = self.items("/helplines/", is_featured="true", locale="pl")
        self.assertEqual([item["name"] for item in items], ["Infolinia ds. współczesnego niewolnictwa"])

    def test_advice_topics(self):
        items = self.items("/advice-topics/", locale="pl")
        self.assertEqual([item["name"] for item in items], ["Rozpoznaj sygnały", "Your rights"])

    def test_areas_have_kind_and_gss_code(self):
        item = self.items("/areas/", slug="norwich")[0]
        self.assertEqual((item["kind"], item["gss_code"]), ("district", "E07000148"))

    def test_organisations_in_polish(self):
        items = self.items("/organisations/", locale="pl")
        self.assertEqual(
            [(item["name"], item["description"]) for item in items],
            [("Norfolk Law Centre", "Bezpłatne porady prawne.")],
        )

    def test_languages_are_not_translated(self):
        items = self.items("/languages/")
        self.assertEqual([(item["code"], item["native_name"]) for item in items], [("pl", "Polski"), ("ro", "Română")])
        self.get("/languages/", expect=400, locale="pl")

    def test_snippets_cannot_be_searched(self):
        self.get("/helplines/", expect=400, search="slavery")

    def test_unknown_locale_is_a_400(self):
        self.assertIn("unknown locale 'xx'", self.get("/helplines/", expect=400, locale="xx")["message"])


class MediaTests(APITestCase):
    def test_images_are_a_bounded_rendition_never_the_original(self):
        items = self.items("/images/")
        self.assertEqual([item["title"] for item in items], ["Harbour at dawn"])
        rendition = items[0]["rendition"]
        self.assertRegex(rendition["url"], r"^/media/images/.+\.max-1200x1200\.format-webp\.webp$")
        self.assertLessEqual(max(rendition["width"], rendition["height"]), 1200)
        self.assertNotIn("download_url", items[0]["meta"])
        detail = self.get(f"/images/{self.s.image.pk}/", fields="*")
        self.assertNotIn("original_images", str(detail))
        self.assertEqual(detail["rendition"]["url"], rendition["url"])

    def test_the_original_file_cannot_be_asked_for(self):
        self.get("/images/", expect=400, fields="download_url")

    def test_documents(self):
        item = self.get(f"/documents/{self.s.document.pk}/")
        self.assertEqual(item["title"], "Spot the signs leaflet")
        self.assertEqual(item["meta"]["download_url"], self.s.document.url)

    def test_media_in_private_collections_is_left_out(self):
        private = Collection.get_first_root_node().add_child(name="Partners only")
        CollectionViewRestriction.objects.create(
            collection=private, restriction_type=CollectionViewRestriction.PASSWORD, password="secret"
        )
        below = private.add_child(name="Minutes")
        image = ImageFactory(collection=below, title="Private image")
        document = DocumentFactory(collection=private, title="Private minutes")
        self.assertNotIn(image.pk, self.ids("/images/"))
        self.assertNotIn(document.pk, self.ids("/documents/"))
        self.get(f"/images/{image.pk}/", expect=404)
        self.get(f"/documents/{document.pk}/", expect=404)
