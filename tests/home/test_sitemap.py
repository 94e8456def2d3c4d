"""/sitemap.xml lists every live, public page in every language, with hreflang alternates."""

import xml.etree.ElementTree as ET
from unittest import mock

from django.test import TestCase

from tests.factories import (
    AdviceIndexPageFactory,
    AdvicePageFactory,
    StandardPageFactory,
    home_page,
    make_private,
    translate_page,
)
from tests.utils import count_queries

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
SITE = "http://localhost"


def sitemap(client):
    """{location: {hreflang: alternate location}} from /sitemap.xml."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 -- our own response
    return {
        url.find("s:loc", NS).text: {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
        for url in root.findall("s:url", NS)
    }


class SitemapTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        translate_page(cls.home, "pl")
        translate_page(cls.home, "ar")
        cls.advice_index = AdviceIndexPageFactory(parent=cls.home, slug="advice")
        translate_page(cls.advice_index, "pl")
        cls.advice = AdvicePageFactory(parent=cls.advice_index, slug="work")
        translate_page(cls.advice, "pl")
        cls.english_only = AdvicePageFactory(parent=cls.advice_index, slug="housing")

    def test_every_language_is_listed_with_its_alternates(self):
        urls = sitemap(self.client)
        self.assertEqual(
            set(urls),
            {
                f"{SITE}/en/",
                f"{SITE}/pl/",
                f"{SITE}/ar/",
                f"{SITE}/en/advice/",
                f"{SITE}/pl/advice/",
                f"{SITE}/en/advice/work/",
                f"{SITE}/pl/advice/work/",
                f"{SITE}/en/advice/housing/",
            },
        )
        english, polish = f"{SITE}/en/advice/work/", f"{SITE}/pl/advice/work/"
        work = {"en": english, "pl": polish, "x-default": english}
        self.assertEqual(urls[f"{SITE}/en/advice/work/"], work)
        self.assertEqual(urls[f"{SITE}/pl/advice/work/"], work)
        self.assertEqual(list(urls[f"{SITE}/ar/"]), ["en", "pl", "ar", "x-default"])  # settings.LANGUAGES order

    def test_untranslated_fallback_urls_are_not_listed(self):
        urls = sitemap(self.client)
        self.assertNotIn(f"{SITE}/pl/advice/housing/", urls)
        self.assertEqual(
            urls[f"{SITE}/en/advice/housing/"],
            {"en": f"{SITE}/en/advice/housing/", "x-default": f"{SITE}/en/advice/housing/"},
        )

    def test_drafts_and_private_pages_are_left_out(self):
        draft = AdvicePageFactory(parent=self.advice_index, slug="draft", live=False)
        draft_translation = translate_page(self.english_only, "pl")
        draft_translation.unpublish()
        private = StandardPageFactory(parent=self.home, slug="members")
        private_child = StandardPageFactory(parent=private, slug="minutes")
        make_private(private)
        locations = set(sitemap(self.client))
        alternates = {href for links in sitemap(self.client).values() for href in links.values()}
        for page_url in (draft.url, "/pl/advice/housing/", private.url, private_child.url):
            self.assertNotIn(f"{SITE}{page_url}", locations | alternates)

    def test_queries_do_not_grow_with_pages(self):
        def add_translated_pages(count):
            for number in range(count):
                page = AdvicePageFactory(parent=self.advice_index, slug=f"page-{count}-{number}")
                translate_page(page, "pl")

        with mock.patch("home.sitemap.shared", lambda key, build: build()):  # built every time
            add_translated_pages(2)
            with_few = count_queries(self.client, "/sitemap.xml")
            add_translated_pages(6)
            with_more = count_queries(self.client, "/sitemap.xml")
        self.assertEqual(with_few, with_more)
        self.assertLessEqual(with_more, 12)

    def test_the_sitemap_is_built_once_until_content_changes(self):
        self.assertEqual(count_queries(self.client, "/sitemap.xml"), 0)

        new = AdvicePageFactory(parent=self.advice_index, slug="new")
        self.assertIn(f"{SITE}{new.url}", sitemap(self.client))
        new.unpublish()
        self.assertNotIn(f"{SITE}{new.url}", sitemap(self.client))

    def test_a_page_number_past_the_last_is_a_404(self):
        for number in ("2", "x", "0"):
            with self.subTest(number=number):
                self.assertEqual(self.client.get(f"/sitemap.xml?p={number}").status_code, 404)
