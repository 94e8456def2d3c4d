"""A small site for the API tests: every page type, snippets, a Polish translation of some of
it, and the things the API must never show (drafts, an unpublished translation, private pages).

``build_site()`` returns a namespace of what it made; tests refer to objects by name.
"""

import datetime
from contextlib import contextmanager
from types import SimpleNamespace

import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import TestCase
from wagtail.models import Locale, PageViewRestriction

from advice.models import AdviceRelatedService
from directory.models import OpeningHours
from home.models import HomeFeaturedAdvice
from tests.factories import (
    AdviceIndexPageFactory,
    AdvicePageFactory,
    AdviceTopicFactory,
    AreaFactory,
    DirectoryIndexPageFactory,
    DocumentFactory,
    HelplineFactory,
    ImageFactory,
    LanguageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    OrganisationFactory,
    ServiceCategoryFactory,
    ServicePageFactory,
    StandardPageFactory,
    home_page,
)

API = "/api/v2"


def locale(code):
    return Locale.objects.get(language_code=code)


def translate(page, code="pl", publish=True, **changes):
    """A translation of ``page`` (and of its parents, if they have none yet)."""
    translation = page.copy_for_translation(locale(code), copy_parents=True)
    for name, value in changes.items():
        setattr(translation, name, value)
    revision = translation.save_revision()
    if publish:
        revision.publish()
    translation.refresh_from_db()
    return translation


def translate_snippet(obj, code="pl", **changes):
    translation = obj.copy_for_translation(locale(code))
    for name, value in changes.items():
        setattr(translation, name, value)
    translation.save()
    return translation


def make_private(page):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="not-for-visitors"
    )


def draft(factory, **kwargs):
    """A page that was created but never published."""
    page = factory(live=False, **kwargs)
    page.save_revision()
    return page


def build_site():
    s = SimpleNamespace(home=home_page())
    s.home_pl = translate(s.home, title="Strona główna")

    # Snippets (English rows, some translated into Polish)
    s.legal = ServiceCategoryFactory(name="Legal advice", slug="legal-advice")
    s.legal_pl = translate_snippet(s.legal, name="Porady prawne")
    s.housing = ServiceCategoryFactory(name="Safe housing", slug="safe-housing")
    s.norwich = AreaFactory(name="Norwich", slug="norwich", gss_code="E07000148")
    s.breckland = AreaFactory(name="Breckland", slug="breckland", gss_code="E07000143")
    s.polish = LanguageFactory(code="pl", name="Polish", native_name="Polski")
    s.romanian = LanguageFactory(code="ro", name="Romanian", native_name="Română")
    s.organisation = OrganisationFactory(name="Norfolk Law Centre", description="Free legal advice.")
    s.organisation_pl = translate_snippet(s.organisation, description="Bezpłatne porady prawne.")
    s.helpline = HelplineFactory(
        name="Modern Slavery & Exploitation Helpline", has_interpreters=True, is_featured=True, sort_order=1
    )
    s.helpline_pl = translate_snippet(s.helpline, name="Infolinia ds. współczesnego niewolnictwa")
    s.crimestoppers = HelplineFactory(name="Crimestoppers", number="0800 555 111", sort_order=2)
    s.signs = AdviceTopicFactory(name="Spot the signs", slug="spot-the-signs")
    s.signs_pl = translate_snippet(s.signs, name="Rozpoznaj sygnały")
    s.rights = AdviceTopicFactory(name="Your rights", slug="your-rights")
    s.image = ImageFactory(title="Harbour at dawn")
    s.document = DocumentFactory(title="Spot the signs leaflet")

    # The directory
    s.directory = DirectoryIndexPageFactory(parent=s.home, title="Find support", slug="find-support")
    s.legal_service = ServicePageFactory(
        parent=s.directory,
        title="Immigration legal help",
        slug="immigration-legal-help",
        summary="Free advice on immigration status.",
        organisation=s.organisation,
        categories=[s.legal],
        areas=[s.norwich],
        languages=[s.polish],
        phone="01603 123456",
        latitude="52.630000",
        longitude="1.297000",
    )
    OpeningHours.objects.create(
        service=s.legal_service, weekday=0, opens=datetime.time(9), closes=datetime.time(17), sort_order=0
    )
    s.housing_service = ServicePageFactory(
        parent=s.directory,
        title="Safe house",
        slug="safe-house",
        categories=[s.housing],
        areas=[s.norwich, s.breckland],
        languages=[s.romanian],
    )
    s.breckland_legal_service = ServicePageFactory(
        parent=s.directory,
        title="Breckland legal clinic",
        slug="breckland-legal-clinic",
        categories=[s.legal],
        areas=[s.breckland],
        languages=[s.polish],
    )

    # Advice, linked to services
    s.advice_index = AdviceIndexPageFactory(parent=s.home, slug="advice")
    s.advice = AdvicePageFactory(
        parent=s.advice_index,
        title="Signs of labour exploitation",
        slug="signs-of-labour-exploitation",
        topics=[s.signs],
        audience="public",
    )
    AdviceRelatedService.objects.create(advice_page=s.advice, service=s.legal_service, sort_order=0)
    AdviceRelatedService.objects.create(advice_page=s.advice, service=s.housing_service, sort_order=1)
    s.advice_pl = translate(s.advice, title="Oznaki wyzysku")
    s.rights_advice = AdvicePageFactory(parent=s.advice_index, title="Your rights at work", topics=[s.rights])

    # A service whose description links to the advice, translated
    s.legal_service.description = f'<p>Advice. Read <a linktype="page" id="{s.advice.pk}">the signs</a>.</p>'
    s.legal_service.save()
    s.legal_service_pl = translate(s.legal_service, title="Pomoc prawna")
    s.directory_pl = s.legal_service_pl.get_parent().specific

    # News
    s.news_index = NewsIndexPageFactory(parent=s.home, slug="news")
    s.news = NewsPageFactory(parent=s.news_index, title="Network meeting", image=s.image, tags=["events", "partners"])

    # A standard page whose body has every kind of block
    s.about = StandardPageFactory(
        parent=s.home,
        title="About the network",
        slug="about",
        body=[
            ("heading", {"text": "Who we are", "level": "h2"}),
            ("text", f'<p>Read <a linktype="page" id="{s.advice.pk}">the signs</a>.</p>'),
            ("image", {"image": s.image, "alt_text": "A harbour at dawn", "caption": ""}),
            ("callout", {"style": "urgent", "title": "In danger?", "text": "<p>Call 999.</p>"}),
            ("helpline", {"helpline": s.helpline}),
            (
                "faq",
                {
                    "title": "",
                    "items": [
                        {
                            "question": "Is it free?",
                            "answer": f'<p>Yes. <a linktype="document" id="{s.document.pk}">Leaflet</a></p>',
                        }
                    ],
                },
            ),
            ("signs", {"title": "Signs", "signs": ["Documents held by someone else"], "advice": ""}),
            ("document", {"document": s.document, "title": "", "description": ""}),
            ("quote", {"quote": "There is help.", "attribution": ""}),
        ],
    )
    s.about_pl = translate(s.about, title="O sieci")

    # The home page's links
    s.home.directory_page = s.directory
    s.home.save()
    HomeFeaturedAdvice.objects.create(home_page=s.home, page=s.advice, sort_order=0)
    HomeFeaturedAdvice.objects.create(home_page=s.home, page=s.rights_advice, sort_order=1)

    # What the API must never show
    s.draft = draft(AdvicePageFactory, parent=s.advice_index, title="Draft advice secret", slug="draft-advice")
    s.unpublished_pl = translate(s.rights_advice, publish=False, title="Nieopublikowane tajne")
    s.private = StandardPageFactory(parent=s.home, title="Private partners secret", slug="partners")
    s.private_child = StandardPageFactory(parent=s.private, title="Private minutes secret", slug="minutes")
    make_private(s.private)
    s.draft_service = draft(ServicePageFactory, parent=s.directory, title="Draft service secret")
    AdviceRelatedService.objects.create(advice_page=s.advice, service=s.draft_service, sort_order=2)
    HomeFeaturedAdvice.objects.create(home_page=s.home, page=s.draft, sort_order=2)
    return s


class APITestCase(TestCase):
    """Tests against one ``build_site()``, made once per class."""

    @classmethod
    def setUpTestData(cls):
        cls.s = build_site()

    def get(self, path, expect=200, **params):
        response = self.client.get(f"{API}{path}", params)
        self.assertEqual(response.status_code, expect, response.content[:500])
        self.assertEqual(response["Content-Type"], "application/json")
        return response.json()

    def items(self, path, **params):
        return self.get(path, **params)["items"]

    def ids(self, path, **params):
        return [item["id"] for item in self.items(path, **params)]


@contextmanager
def openapi_schema():
    """The OpenAPI document loaded from the app, its calls going to the WSGI app in-process."""
    # As Django's test client does: a request must not close the test's database connection
    # (on PostgreSQL that would end the test's transaction).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi(f"{API}/openapi.json", get_wsgi_application())
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
