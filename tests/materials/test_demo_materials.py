"""The demo's posters, leaflets and pocket cards, in English and every demo language."""

from io import StringIO

from django.core.management import call_command
from django.test import TestCase
from django.utils import translation
from django.utils.translation import gettext

from demo.localize import LANGUAGES
from materials.files import FORMAT_NAMES
from tests.materials.pdfs import flat, pdf_info, pdf_text, qr_codes

MATERIALS = {
    # slug: the page the QR code leads to, below the language prefix
    "spot-the-signs": "advice/spot-the-signs/",
    "your-rights-at-work": "advice/your-rights/",
    "help-any-time": "get-help/",
}
PAGES = {"poster": 1, "leaflet": 2, "card": 2}


class DemoMaterialsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo_content", stdout=StringIO())

    def get_pdf(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        self.assertEqual(response["Content-Type"], "application/pdf")
        return response.content

    def test_every_format_renders_in_every_demo_language(self):
        for language in ("en", *LANGUAGES):
            for slug, target in MATERIALS.items():
                for format_name in FORMAT_NAMES:
                    with self.subTest(language=language, material=slug, format=format_name):
                        data = self.get_pdf(f"/{language}/posters-and-leaflets/{slug}/{format_name}.pdf")
                        info = pdf_info(data)
                        self.assertEqual(info["lang"], language)
                        self.assertEqual(info["pages"], PAGES[format_name])
                        self.assertIn("08000 121 700", " ".join(pdf_text(data)))
                        # The QR code leads to the page in this language, which is served.
                        self.assertEqual(qr_codes(data), [f"http://localhost/{language}/{target}"])

    def test_the_qr_code_pages_exist_in_each_language(self):
        for language in ("en", *LANGUAGES):
            for target in MATERIALS.values():
                with self.subTest(language=language, page=target):
                    self.assertEqual(self.client.get(f"/{language}/{target}").status_code, 200)

    def test_arabic_is_extracted_in_reading_order(self):
        (text,) = pdf_text(self.get_pdf("/ar/posters-and-leaflets/your-rights-at-work/poster.pdf"))
        lines = [line.strip(" .") for line in text.split("\n")]
        self.assertEqual(lines[0], "حقوقك في العمل")
        self.assertIn("من حقك أن تترك العمل", lines)
        self.assertLess(lines.index("حقوقك في العمل"), lines.index("من حقك أن تترك العمل"))

    def test_tigrinya_is_printed_in_ethiopic(self):
        front, back = pdf_text(self.get_pdf("/ti/posters-and-leaflets/spot-the-signs/leaflet.pdf"))
        self.assertIn("ፓስፖርቶም ወይ መንነት ወረቐቶም ካልእ ሰብ ሒዝዎ ኣሎ።", flat(front))
        self.assertIn("እንግሊዝኛ ክትዛረቡ ኣየድልየኩምን", flat(back))

    def test_polish_diacritics_survive(self):
        (text,) = pdf_text(self.get_pdf("/pl/posters-and-leaflets/your-rights-at-work/poster.pdf"))
        self.assertIn("Masz prawo odejść z pracy.", text)

    def test_the_footer_of_every_page_links_to_posters_and_leaflets(self):
        for language in ("en", *LANGUAGES):
            with self.subTest(language=language):
                response = self.client.get(f"/{language}/")
                self.assertContains(response, f'href="/{language}/posters-and-leaflets/"')
                self.assertEqual(self.client.get(f"/{language}/posters-and-leaflets/").status_code, 200)

    def test_the_api_lists_each_languages_materials_with_their_pdfs(self):
        response = self.client.get("/api/v2/pages/?type=materials.MaterialPage&locale=ar&fields=downloads,headline")
        self.assertEqual(response.status_code, 200)
        items = response.json()["items"]
        self.assertEqual(len(items), 3)
        self.assertEqual(items[0]["headline"], "تعرّف على العلامات")
        downloads = {download["url"]: download for download in items[0]["downloads"]}
        self.assertEqual(len(downloads), 15)  # 3 formats in 5 languages
        poster = downloads["/ar/posters-and-leaflets/spot-the-signs/poster.pdf"]  # a site path, like every API URL
        with translation.override("ar"):  # labels in the material's language, as its page shows them
            self.assertEqual(poster["format_label"], gettext("A4 poster"))
            self.assertIn(gettext("Arabic"), poster["label"])
        self.assertNotEqual(poster["format_label"], "A4 poster")
        self.assertEqual(self.client.get(poster["url"])["Content-Type"], "application/pdf")
