"""Materials: made from the live content, in the material's language, kept until it changes."""

import socket
from unittest import mock

from django.test import TestCase, override_settings
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from materials import files
from materials.models import MaterialPage, MaterialsIndexPage
from tests.factories import (
    AdviceIndexPageFactory,
    AdvicePageFactory,
    HelplineFactory,
    MaterialPageFactory,
    MaterialsIndexPageFactory,
    home_page,
    make_private,
    translate_page,
    translate_snippet,
)
from tests.materials.pdfs import flat, pdf_info, pdf_text, qr_codes
from tests.utils import count_queries


class MaterialsTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        cls.helpline = HelplineFactory(name="Modern Slavery & Exploitation Helpline", number="08000 121 700")
        advice_index = AdviceIndexPageFactory(parent=cls.home, slug="advice")
        cls.advice = AdvicePageFactory(parent=advice_index, slug="spot-the-signs", title="Spot the signs")
        cls.index = MaterialsIndexPageFactory(parent=cls.home, slug="posters-and-leaflets")
        cls.material = MaterialPageFactory(
            parent=cls.index, slug="spot-the-signs", link_page=cls.advice, helplines=[cls.helpline]
        )

    def get_pdf(self, url, **headers):
        response = self.client.get(url, headers=headers)
        self.assertEqual(response.status_code, 200, url)
        self.assertEqual(response["Content-Type"], "application/pdf")
        return response


class PdfTests(MaterialsTestCase):
    def test_each_format_is_served_below_the_material(self):
        sizes = {"poster": [210.0, 297.0], "leaflet": [148.0, 210.0], "card": [85.6, 54.0]}
        for format_name, size in sizes.items():
            with self.subTest(format_name):
                info = pdf_info(self.get_pdf(f"/en/posters-and-leaflets/spot-the-signs/{format_name}.pdf").content)
                self.assertEqual(info["size_mm"], size)
                self.assertEqual(info["lang"], "en")
                self.assertEqual(info["title"], f"Spot the signs – {files.FORMAT_LABELS[format_name]}")

    def test_the_leaflet_and_the_card_have_two_sides(self):
        for format_name in ("leaflet", "card"):
            with self.subTest(format_name):
                data = self.get_pdf(f"/en/posters-and-leaflets/spot-the-signs/{format_name}.pdf").content
                self.assertEqual(pdf_info(data)["pages"], 2)

    def test_the_poster_prints_the_content_as_text(self):
        (text,) = pdf_text(self.get_pdf("/en/posters-and-leaflets/spot-the-signs/poster.pdf").content)
        for expected in [
            "Spot the signs",
            "Someone else keeps their passport or ID.",
            "Worried about someone? Call the helpline.",
            "Modern Slavery & Exploitation Helpline",
            "08000 121 700",
            "localhost/en/advice/spot-the-signs/",
        ]:
            self.assertIn(expected, text)

    def test_the_card_front_shows_numbers_and_nothing_about_the_subject(self):
        front, back = pdf_text(self.get_pdf("/en/posters-and-leaflets/spot-the-signs/card.pdf").content)
        self.assertEqual(front.split("\n"), ["Free to call, any time.", "08000 121 700"])
        self.assertIn("Modern Slavery & Exploitation Helpline", back)

    def test_the_qr_code_leads_to_the_chosen_page_without_tracking(self):
        data = self.get_pdf("/en/posters-and-leaflets/spot-the-signs/poster.pdf").content
        self.assertEqual(qr_codes(data), ["http://localhost/en/advice/spot-the-signs/"])

    def test_without_a_chosen_page_the_qr_code_leads_to_the_material(self):
        material = MaterialPageFactory(parent=self.index, slug="card-only", helplines=[self.helpline])
        data = self.get_pdf(f"{material.url}card.pdf").content
        self.assertEqual(qr_codes(data), ["http://localhost/en/posters-and-leaflets/card-only/"])

    def test_an_unknown_format_is_not_found(self):
        self.assertEqual(self.client.get("/en/posters-and-leaflets/spot-the-signs/banner.pdf").status_code, 404)

    def test_a_draft_material_has_no_pdf(self):
        draft = MaterialPageFactory(parent=self.index, slug="draft", live=False, helplines=[self.helpline])
        self.assertEqual(self.client.get(f"/en/posters-and-leaflets/{draft.slug}/poster.pdf").status_code, 404)

    def test_a_private_material_has_no_public_pdf(self):
        make_private(self.material)
        response = self.client.get("/en/posters-and-leaflets/spot-the-signs/poster.pdf")
        self.assertNotEqual(response["Content-Type"], "application/pdf")  # the password form instead
        self.assertEqual(files.downloads_for([self.material]), {self.material.pk: []})

    def test_is_cached_by_content_and_revalidated_with_its_etag(self):
        url = "/en/posters-and-leaflets/spot-the-signs/poster.pdf"
        with mock.patch("materials.pdf.render", wraps=files.pdf.render) as render:
            first = self.get_pdf(url)
            second = self.get_pdf(url)
        self.assertEqual(render.call_count, 1)
        self.assertEqual(first.content, second.content)
        self.assertIn("public", first["Cache-Control"])
        self.assertEqual(self.client.get(url, headers={"If-None-Match": first["ETag"]}).status_code, 304)

    def test_a_helpline_change_gives_new_pdfs(self):
        url = "/en/posters-and-leaflets/spot-the-signs/poster.pdf"
        before = self.get_pdf(url)
        self.helpline.number = "0800 555 111"
        with self.captureOnCommitCallbacks(execute=True):  # the page cache's purge (home/cache_purge.py)
            self.helpline.save()
        after = self.get_pdf(url, **{"If-None-Match": before["ETag"]})
        self.assertNotEqual(after["ETag"], before["ETag"])
        (text,) = pdf_text(after.content)
        self.assertIn("0800 555 111", text)
        self.assertNotIn("08000 121 700", text)

    def test_publishing_makes_the_pdfs_before_anyone_asks(self):
        self.material.headline = "Know the signs"
        with mock.patch("materials.pdf.render", wraps=files.pdf.render) as render:
            with self.captureOnCommitCallbacks(execute=True):
                self.material.save_revision().publish()
            self.assertEqual(render.call_count, len(files.FORMAT_NAMES))
            self.client.get("/en/posters-and-leaflets/")  # lists every file with its size
            self.get_pdf("/en/posters-and-leaflets/spot-the-signs/poster.pdf")
        self.assertEqual(render.call_count, len(files.FORMAT_NAMES))

    def test_generating_makes_no_network_connection(self):
        def refuse(*args, **kwargs):
            raise AssertionError(f"connection attempted: {args}")

        with (
            mock.patch.object(socket.socket, "connect", refuse),
            mock.patch.object(socket, "create_connection", refuse),
        ):
            for format_name in files.FORMAT_NAMES:
                _digest, data = files.pdf_file(self.material, format_name)
                self.assertTrue(data.startswith(b"%PDF-"))


class TranslatedMaterialTests(MaterialsTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        translate_page(cls.home, "pl")
        translate_snippet(cls.helpline, "pl", name="Infolinia ds. współczesnego niewolnictwa")
        translate_page(cls.index, "pl", title="Plakaty i ulotki")
        cls.polish = translate_page(
            cls.material,
            "pl",
            headline="Rozpoznaj sygnały",
            points=[("point", "Ktoś inny trzyma ich paszport lub dowód tożsamości.")] * 3,
            call_to_action="Martwisz się o kogoś? Zadzwoń na infolinię.",
            card_line="Połączenie bezpłatne, o każdej porze.",
        )

    def test_prints_the_translation_with_its_helpline_names(self):
        data = self.get_pdf("/pl/posters-and-leaflets/spot-the-signs/poster.pdf").content
        (text,) = pdf_text(data)
        self.assertIn("Rozpoznaj sygnały", text)
        self.assertIn("Infolinia ds. współczesnego niewolnictwa", text)
        self.assertEqual(pdf_info(data)["lang"], "pl")

    def test_the_qr_code_leads_to_the_page_under_the_materials_language(self):
        # The advice page is not translated: the site serves it in English under /pl/.
        data = self.get_pdf("/pl/posters-and-leaflets/spot-the-signs/poster.pdf").content
        self.assertEqual(qr_codes(data), ["http://localhost/pl/advice/spot-the-signs/"])
        self.assertEqual(self.client.get("/pl/advice/spot-the-signs/").status_code, 200)

    def test_the_qr_code_leads_to_the_translation_of_the_chosen_page(self):
        translate_page(self.advice.get_parent(), "pl")
        translate_page(self.advice, "pl", slug="rozpoznaj-sygnaly")
        data = self.get_pdf("/pl/posters-and-leaflets/spot-the-signs/poster.pdf").content
        self.assertEqual(qr_codes(data), ["http://localhost/pl/advice/rozpoznaj-sygnaly/"])

    def test_a_language_without_a_translation_has_no_pdf(self):
        response = self.client.get("/ro/posters-and-leaflets/spot-the-signs/poster.pdf")
        self.assertEqual(response.status_code, 404)

    def test_the_index_lists_every_language_with_format_language_and_size(self):
        response = self.client.get("/en/posters-and-leaflets/")
        html = response.content.decode()
        downloads = files.downloads_for([self.material])[self.material.pk]
        self.assertEqual(
            [(d.language, d.format_name) for d in downloads][:4],
            [("en", "poster"), ("en", "leaflet"), ("en", "card"), ("pl", "poster")],
        )
        polish_poster = downloads[3]
        self.assertRegex(polish_poster.label, r"^A4 poster, Polish, PDF, \d+(\.\d)?\xa0KB$")
        self.assertInHTML(
            f'<a class="downloads__link" href="/pl/posters-and-leaflets/spot-the-signs/poster.pdf" hreflang="pl"'
            f' type="application/pdf">{polish_poster.label}</a>',
            html,
        )
        self.assertInHTML('<h3 class="downloads__heading" lang="pl" dir="ltr">polski</h3>', html)

    def test_a_translation_change_gives_new_pdfs_and_a_new_listing(self):
        before = files.downloads_for([self.material])[self.material.pk]
        self.polish.headline = "Rozpoznaj znaki ostrzegawcze"
        self.polish.save_revision().publish()
        after = files.downloads_for([self.material])[self.material.pk]
        self.assertEqual(before[:3], after[:3])  # English unchanged
        (text,) = pdf_text(self.get_pdf("/pl/posters-and-leaflets/spot-the-signs/poster.pdf").content)
        self.assertIn("Rozpoznaj znaki ostrzegawcze", flat(text))

    def test_the_material_page_offers_its_downloads(self):
        response = self.client.get("/pl/posters-and-leaflets/spot-the-signs/")
        self.assertContains(response, 'href="/pl/posters-and-leaflets/spot-the-signs/card.pdf"')
        self.assertContains(response, "Ktoś inny trzyma ich paszport lub dowód tożsamości.")


@override_settings(
    WAGTAILFRONTENDCACHE={
        "default": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": "http://cache"}
    }
)
class FrontEndCacheTests(MaterialsTestCase):
    def test_publishing_purges_the_pdfs_of_every_published_language(self):
        translate_page(self.home, "pl")
        translate_page(self.index, "pl")
        translate_page(self.material, "pl")
        with (
            mock.patch("wagtail.contrib.frontend_cache.backends.HTTPBackend.purge") as purge,
            self.captureOnCommitCallbacks(execute=True),
        ):
            self.material.save_revision().publish()
        purged = {call.args[0] for call in purge.call_args_list}
        for language in ("en", "pl"):
            for format_name in files.FORMAT_NAMES:
                self.assertIn(
                    f"http://localhost/{language}/posters-and-leaflets/spot-the-signs/{format_name}.pdf", purged
                )
        self.assertIn("http://localhost/pl/posters-and-leaflets/", purged)  # the listing


class RightToLeftTests(MaterialsTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        translate_page(cls.home, "ar")
        translate_page(cls.index, "ar")
        cls.arabic = translate_page(
            cls.material,
            "ar",
            headline="تعرّف على العلامات",
            points=[("point", "شخص آخر يحتفظ بجواز سفرهم أو بطاقة هويتهم")] * 3,
            call_to_action="هل أنت قلق على شخص ما؟ اتصل بخط المساعدة",
            card_line="اتصال مجاني، في أي وقت",
        )

    def test_arabic_text_is_extracted_in_reading_order(self):
        data = self.get_pdf("/ar/posters-and-leaflets/spot-the-signs/poster.pdf").content
        (text,) = pdf_text(data)
        lines = text.split("\n")
        self.assertIn("تعرّف على العلامات", lines)
        self.assertIn("شخص آخر يحتفظ بجواز سفرهم أو بطاقة هويتهم", lines)
        self.assertIn("08000 121 700", lines)  # the number keeps its digit order
        self.assertEqual(pdf_info(data)["lang"], "ar")

    def test_the_index_marks_arabic_headings_right_to_left(self):
        html = self.client.get("/en/posters-and-leaflets/").content.decode()
        self.assertInHTML('<h3 class="downloads__heading" lang="ar" dir="rtl">العربيّة</h3>', html)


class PreviewTests(MaterialsTestCase):
    def test_editors_preview_each_format_of_the_draft(self):
        self.material.headline = "An unpublished headline"
        self.material.card_line = "An unpublished card line"
        draft = self.material.save_revision().as_object()
        # The card's front shows its line, not the headline.
        changed = {"poster": "An unpublished headline", "leaflet": "An unpublished headline", "card": "card line"}
        for format_name, text in changed.items():
            with self.subTest(format_name):
                response = draft.make_preview_request(preview_mode=format_name)
                self.assertEqual(response["Content-Type"], "application/pdf")
                self.assertIn("no-store", response["Cache-Control"])
                self.assertIn(text, flat(" ".join(pdf_text(response.content))))
        # The public PDF still shows the live headline.
        (text,) = pdf_text(self.get_pdf("/en/posters-and-leaflets/spot-the-signs/poster.pdf").content)
        self.assertNotIn("An unpublished headline", text)

    def test_the_preview_menu_offers_the_page_and_each_format(self):
        self.assertEqual([mode for mode, _label in MaterialPage.preview_modes], ["", *files.FORMAT_NAMES])


class PageTreeTests(WagtailPageTestCase):
    def test_materials_live_below_the_posters_and_leaflets_page(self):
        self.assertAllowedParentPageTypes(MaterialsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(MaterialsIndexPage, {MaterialPage})
        self.assertAllowedSubpageTypes(MaterialPage, set())


class QueryCountTests(MaterialsTestCase):
    """The listing and a material's page stay within the page budget (issue 11: 12 queries),
    however many materials and languages they list."""

    def add_material(self, slug):
        material = MaterialPageFactory(parent=self.index, slug=slug, link_page=self.advice, helplines=[self.helpline])
        translate_page(material, "pl")
        return material

    def test_the_listing_does_not_grow_with_materials_and_languages(self):
        translate_page(self.home, "pl")
        translate_page(self.index, "pl")
        self.add_material("first")
        small = count_queries(self.client, "/en/posters-and-leaflets/")
        self.add_material("second")
        self.add_material("third")
        large = count_queries(self.client, "/en/posters-and-leaflets/")
        self.assertEqual(small, large)
        self.assertLessEqual(large, 12)

    def test_a_material_page_in_each_language(self):
        translate_page(self.home, "pl")
        translate_page(self.index, "pl")
        translate_page(self.material, "pl")
        for url in ("/en/posters-and-leaflets/spot-the-signs/", "/pl/posters-and-leaflets/spot-the-signs/"):
            with self.subTest(url):
                self.assertLessEqual(count_queries(self.client, url), 12)
