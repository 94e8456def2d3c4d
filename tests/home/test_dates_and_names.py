"""Dates, the site name, and an English fallback page's breadcrumb and topics, in the visitor's language."""

import datetime
import re

import pytest
from django.template.loader import get_template
from django.test import TestCase, override_settings
from django.utils import translation
from django.utils.translation import trans_real

from home.templatetags.nasn_tags import local_date
from tests.factories import (
    AdviceIndexPageFactory,
    AdvicePageFactory,
    AdviceTopicFactory,
    AreaFactory,
    DirectoryIndexPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ServiceCategoryFactory,
    ServicePageFactory,
    home_page,
    translate_page,
    translate_snippet,
)

DAY = datetime.date(2026, 10, 29)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "29 October 2026"),
        ("pl", "29 października 2026"),  # genitive, not "29 Październik 2026"
        ("ro", "29 octombrie 2026"),
        ("ar", "29 أكتوبر 2026"),
        ("ti", "ጥቅምቲ 29, 2026"),  # Django has no Tigrinya formats or month names
        ("so", "Oktoobar 29, 2026"),  # nor Somali
        ("uk", "29 жовтня 2026\u202fр."),  # narrow no-break space before "р."
        ("lt", "2026 m. spalio 29 d."),
    ],
)
def test_local_date_writes_the_date_in_the_active_language(language, expected):
    with translation.override(language):
        assert local_date(DAY) == expected


@override_settings(TIME_ZONE="Europe/London")
def test_local_date_takes_an_aware_datetime_in_local_time():
    late = datetime.datetime(2026, 6, 30, 23, 30, tzinfo=datetime.UTC)  # 00:30 on 1 July in London
    with translation.override("en"):
        assert local_date(late) == "1 July 2026"


@pytest.mark.parametrize("value", [None, "", "2026-10-29", 3])
def test_local_date_of_anything_but_a_date_is_empty(value):
    assert local_date(value) == ""


class DatesOnPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = home_page()
        index = NewsIndexPageFactory(parent=home, slug="news")
        cls.news = NewsPageFactory(parent=index, slug="partners", title="New partners", date=DAY)
        for language in ("pl", "ti"):
            translate_page(home, language)
            translate_page(index, language)
            translate_page(cls.news, language)

    def time_text(self, response):
        html = response.content.decode()
        return re.findall(r'<time datetime="([\d-]+)">([^<]*)</time>', html)

    def test_polish_news_page_and_listing_show_the_genitive_month(self):
        for url in ("/pl/news/partners/", "/pl/news/"):
            with self.subTest(url=url):
                self.assertIn(("2026-10-29", "29 października 2026"), self.time_text(self.client.get(url)))

    def test_tigrinya_news_page_and_listing_show_ethiopic_months(self):
        for url in ("/ti/news/partners/", "/ti/news/"):
            with self.subTest(url=url):
                self.assertIn(("2026-10-29", "ጥቅምቲ 29, 2026"), self.time_text(self.client.get(url)))

    def test_no_public_template_formats_a_date_by_hand(self):
        for name in (
            "news/news_page.html",
            "includes/news_card.html",
            "advice/advice_page.html",
            "directory/service_page.html",
        ):
            with self.subTest(template=name):
                source = get_template(name).template.source
                self.assertNotIn('|date:"j F Y"', source)
                self.assertIn("|local_date", source)


@pytest.fixture
def polish_site_name():
    """A Polish translation of the site name, as the catalogue will have it."""
    key = "site name\x04Norfolk Anti-Slavery Network"
    catalog = trans_real.translation("pl")._catalog
    first = catalog._catalogs[0]
    had, old = key in first, first.get(key)
    first[key] = "Sieć przeciw Niewolnictwu w Norfolk"
    yield first[key]
    if had:
        first[key] = old
    else:
        del first[key]


@pytest.mark.django_db
def test_the_site_name_in_the_title_and_header_is_translated(client, polish_site_name):
    translate_page(home_page(), "pl", title="Strona główna")

    html = client.get("/pl/search/").content.decode()

    assert re.search(rf"<title>[^<]* – {polish_site_name}</title>", html)
    assert f'<span class="site-name__text">{polish_site_name}</span>' in html


def test_the_error_page_translates_the_site_name(polish_site_name):
    with translation.override("pl"):
        html = get_template("500.html").render({})

    assert html.count(polish_site_name) == 2


@pytest.mark.django_db
def test_the_site_name_stays_english_on_english_pages(client):
    html = client.get("/en/").content.decode()

    assert '<span class="site-name__text">Norfolk Anti-Slavery Network</span>' in html


class FallbackPageTests(TestCase):
    """An English page served under /pl/… and /ro/… because it has no translation."""

    @classmethod
    def setUpTestData(cls):
        home = home_page()
        translate_page(home, "pl", title="Strona główna")
        translate_page(home, "ro", title="Acasă")
        index = AdviceIndexPageFactory(parent=home, slug="advice", title="Advice")
        translate_page(index, "pl", title="Porady")  # not translated into Romanian
        signs = AdviceTopicFactory(name="Spot the signs", slug="spot-the-signs")
        translate_snippet(signs, "pl", name="Rozpoznaj oznaki")
        cls.safety = AdviceTopicFactory(name="Staying safe", slug="staying-safe")  # English only
        AdvicePageFactory(parent=index, slug="wages", title="Unpaid wages", topics=[signs, cls.safety])
        directory = DirectoryIndexPageFactory(parent=home, slug="services", title="Services")
        translate_page(directory, "pl", title="Usługi")
        legal = ServiceCategoryFactory(name="Legal advice")
        translate_snippet(legal, "pl", name="Porady prawne")
        norwich = AreaFactory(name="Norwich")
        ServicePageFactory(parent=directory, slug="law-centre", title="Law centre", categories=[legal], areas=[norwich])

    def breadcrumb(self, response):
        html = response.content.decode()
        return re.search(r'<nav class="breadcrumb.*?</nav>', html, re.S).group(0)

    def test_breadcrumb_shows_translated_ancestors_in_the_visitors_language(self):
        response = self.client.get("/pl/advice/wages/")

        self.assertTrue(response.wsgi_request.is_untranslated_fallback)
        crumb = self.breadcrumb(response)
        with translation.override("pl"):
            self.assertIn(f'<a href="/pl/">{translation.gettext("Home")}</a>', crumb)
        self.assertIn('<a href="/pl/advice/">Porady</a>', crumb)
        self.assertIn('<span lang="en" dir="ltr">Unpaid wages</span>', crumb)
        self.assertNotIn(">Advice<", crumb)

    def test_breadcrumb_marks_ancestors_only_in_english(self):
        crumb = self.breadcrumb(self.client.get("/ro/advice/wages/"))

        self.assertIn('<a href="/ro/advice/" lang="en" dir="ltr">Advice</a>', crumb)
        self.assertIn('<span lang="en" dir="ltr">Unpaid wages</span>', crumb)

    def test_translated_page_breadcrumb_has_no_language_marks(self):
        crumb = self.breadcrumb(self.client.get("/en/advice/wages/"))

        self.assertIn('<a href="/en/advice/">Advice</a>', crumb)
        self.assertNotIn("lang=", crumb)

    def test_topics_show_in_the_visitors_language_where_translated(self):
        response = self.client.get("/pl/advice/wages/")

        # Translated: in the visitor's language, like the interface around it.
        self.assertContains(response, 'href="/pl/advice/?topic=spot-the-signs">Rozpoznaj oznaki</a>', html=False)
        # Only in English: marked as English.
        self.assertContains(response, 'href="/pl/advice/?topic=staying-safe" lang="en" dir="ltr">Staying safe</a>')

    def test_service_categories_show_in_the_visitors_language_where_translated(self):
        response = self.client.get("/pl/services/law-centre/")

        self.assertTrue(response.wsgi_request.is_untranslated_fallback)
        self.assertContains(response, "<span>Porady prawne</span>")
        self.assertContains(response, '<span lang="en" dir="ltr">Norwich</span>')

    def test_only_the_pages_own_text_is_marked_english_on_a_fallback_page(self):
        response = self.client.get("/ar/services/law-centre/")

        # The interface around the English text stays Arabic and right-to-left.
        self.assertContains(response, '<div class="main__content">')
        self.assertContains(response, '<h1 lang="en" dir="ltr">Law centre</h1>')
        self.assertContains(response, '<h2 id="contact-heading">')
        self.assertNotContains(response, '<div class="main__content" lang="en"')
