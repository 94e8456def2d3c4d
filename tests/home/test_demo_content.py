"""`manage.py load_demo_content` builds a complete, correct demo site and is safe to re-run.

The checks run in tests/test_demo_site.py, on one demo site built for them and the other readers of it.
"""

import json
import re
from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db.models import Count
from django.test import override_settings
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from advice.models import AdvicePage, AdviceTopic
from directory.models import Area, AreaKind, Language, Organisation, ServiceCategory, ServicePage
from home.models import Helpline, StandardPage
from news.models import NewsPage

SNIPPETS = [Helpline, AdviceTopic, ServiceCategory, Area, Language, Organisation]
NORFOLK_DISTRICTS = {
    "E07000143",  # Breckland
    "E07000144",  # Broadland
    "E07000145",  # Great Yarmouth
    "E07000146",  # King's Lynn and West Norfolk
    "E07000147",  # North Norfolk
    "E07000148",  # Norwich
    "E07000149",  # South Norfolk
}
# "0800 121 700" is a common mistyping of the Modern Slavery Helpline, 08000 121 700.
WRONG_HELPLINE = re.compile(r"(?<!\d)0800[\s-]?121[\s-]?700|\+44800121700")


def load_demo_content():
    call_command("load_demo_content", stdout=StringIO())


def content_counts():
    pages_per_type = (
        Page.objects.order_by()
        .values("content_type__app_label", "content_type__model")
        .annotate(count=Count("pk"))
        .values_list("content_type__app_label", "content_type__model", "count")
    )
    return {
        "pages": {f"{app}.{model}": count for app, model, count in pages_per_type},
        "live pages": Page.objects.live().count(),
        **{model.__name__: model.objects.count() for model in SNIPPETS},
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
    }


class DemoContentChecks:
    """Run on the demo site built once for them and the other checks of it, in tests/test_demo_site.py."""

    def test_running_it_again_creates_nothing_new(self):
        load_demo_content()

        self.assertEqual(content_counts(), self.content_counts_after_first_run)

    def test_creates_at_least_12_english_advice_pages(self):
        self.assertGreaterEqual(AdvicePage.objects.live().filter(locale__language_code="en").count(), 12)

    def test_creates_at_least_8_english_news_pages(self):
        self.assertGreaterEqual(NewsPage.objects.live().filter(locale__language_code="en").count(), 8)

    def test_creates_at_least_30_english_services(self):
        self.assertGreaterEqual(ServicePage.objects.live().filter(locale__language_code="en").count(), 30)

    def test_creates_the_7_norfolk_districts(self):
        districts = Area.objects.filter(locale__language_code="en", kind=AreaKind.DISTRICT)

        self.assertEqual(set(districts.values_list("gss_code", flat=True)), NORFOLK_DISTRICTS)

    def test_services_cover_every_district(self):
        covered = set(
            Area.objects.filter(services__live=True, kind=AreaKind.DISTRICT).values_list("gss_code", flat=True)
        )

        self.assertEqual(covered, NORFOLK_DISTRICTS)

    def test_creates_at_least_8_service_categories_each_with_services(self):
        categories = ServiceCategory.objects.filter(locale__language_code="en")

        self.assertGreaterEqual(categories.count(), 8)
        self.assertEqual(categories.filter(services__isnull=True).count(), 0)

    def test_includes_the_modern_slavery_helpline_with_its_correct_number(self):
        helpline = Helpline.objects.get(locale__language_code="en", number="+448000121700")

        self.assertEqual(helpline.number, "08000 121 700")
        self.assertEqual(helpline.tel_uri, "tel:+448000121700")

    def test_never_uses_the_mistyped_helpline_number(self):
        texts = [
            *(f"{h.number} {h.tel} {h.description}" for h in Helpline.objects.all()),
            *(f"{s.phone} {s.description} {s.who_for}" for s in ServicePage.objects.all()),
        ]
        for model in (StandardPage, AdvicePage, NewsPage):
            texts += [json.dumps(list(body.raw_data)) for body in model.objects.values_list("body", flat=True)]

        self.assertEqual([text for text in texts if WRONG_HELPLINE.search(text)], [])

    def test_creates_images_and_documents(self):
        self.assertGreater(get_image_model().objects.count(), 0)
        self.assertGreater(get_document_model().objects.count(), 0)

    def test_a_demo_page_of_every_type_in_every_locale_renders(self):
        # One page per (type, locale) keeps this fast; the types share their templates.
        samples = {}
        for page in Page.objects.live().filter(depth__gt=1).order_by("path"):
            samples.setdefault((page.content_type_id, page.locale_id), page)

        for page in samples.values():
            with self.subTest(page=page.url_path, locale=page.locale_id):
                response = self.client.get(page.get_url())

                self.assertEqual(response.status_code, 200)

    def test_demo_admin_is_refused_when_debug_is_off(self):
        with self.assertRaises(CommandError):
            call_command("load_demo_content", "--demo-admin", stdout=StringIO())

        self.assertFalse(get_user_model().objects.filter(username="admin").exists())

    @override_settings(DEBUG=True)
    def test_demo_admin_is_created_when_debug_is_on(self):
        call_command("load_demo_content", "--demo-admin", stdout=StringIO())

        admin = get_user_model().objects.get(username="admin")
        self.assertTrue(admin.is_superuser)
