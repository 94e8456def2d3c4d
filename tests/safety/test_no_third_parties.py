"""Public pages give nothing away: no request to another host, strict security headers, help on every page."""

import re
from io import StringIO
from urllib.parse import urlsplit

from django.core.management import call_command
from django.test import TestCase
from wagtail.models import Page

# Attributes that make the browser fetch something by itself.
FETCHING = re.compile(
    r"<(script|img|iframe|source|video|audio|embed|object|link)\b[^>]*?\b(src|href|data|srcset)\s*=\s*[\"']([^\"']+)",
    re.IGNORECASE,
)
INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
STYLE_URL = re.compile(r"url\(\s*[\"']?([^\"')]+)", re.IGNORECASE)


def external_fetches(html):
    """Absolute URLs of other hosts the page would load (alternate links are not fetched)."""
    found = []
    for tag, _attribute, value in FETCHING.findall(html):
        if tag.lower() == "link" and re.search(r"rel=[\"']alternate", html[html.find(value) - 300 : html.find(value)]):
            continue
        for url in value.split(","):
            url = url.strip().split(" ")[0]
            if urlsplit(url).netloc and urlsplit(url).hostname not in {"testserver", "localhost"}:
                found.append(url)
    found += [url for url in STYLE_URL.findall(html) if urlsplit(url).netloc]
    return found


class PublicPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo_content", skip_translations=True, stdout=StringIO())

    def public_urls(self):
        urls = {page.url for page in Page.objects.live().public().filter(depth__gt=1).specific()}
        return sorted(urls | {"/en/search/?q=help", "/en/news/feed/", "/en/missing-page/"})

    def test_covers_every_page_type_of_the_demo_content(self):
        types = {page.specific_class.__name__ for page in Page.objects.live().public().filter(depth__gt=1).specific()}

        self.assertEqual(
            types,
            {
                "HomePage",
                "StandardPage",
                "AdviceIndexPage",
                "AdvicePage",
                "NewsIndexPage",
                "NewsPage",
                "DirectoryIndexPage",
                "ServicePage",
                "ReportPage",
                "MaterialsIndexPage",
                "MaterialPage",
            },
        )

    def test_no_page_loads_anything_from_another_host(self):
        for url in self.public_urls():
            with self.subTest(url=url):
                response = self.client.get(url)

                self.assertIn(response.status_code, (200, 404))
                self.assertEqual(external_fetches(response.content.decode()), [])

    def test_no_inline_scripts_and_a_strict_content_security_policy(self):
        for url in ["/en/", "/en/advice/spot-the-signs/", "/en/services/", "/en/report/"]:
            with self.subTest(url=url):
                response = self.client.get(url)
                policy = response["Content-Security-Policy"]

                self.assertEqual(INLINE_SCRIPT.findall(response.content.decode()), [])
                self.assertIn("default-src 'self'", policy)
                self.assertRegex(policy, r"script-src 'self'( 'nonce-[^']+')?(;|$)")
                self.assertNotIn("unsafe-inline", policy)
                self.assertIn("frame-ancestors 'none'", policy)

    def test_privacy_headers(self):
        response = self.client.get("/en/")

        self.assertEqual(response["Referrer-Policy"], "no-referrer")
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()", "interest-cohort=()"):
            self.assertIn(feature, response["Permissions-Policy"])

    def test_reading_the_site_sets_no_cookie(self):
        for url in ["/en/", "/en/advice/spot-the-signs/", "/en/services/", "/en/search/?q=help"]:
            with self.subTest(url=url):
                self.assertEqual(dict(self.client.get(url).cookies), {})

    def test_every_page_has_the_helplines_as_phone_links_and_the_leave_button(self):
        for url in self.public_urls():
            if url.endswith("/feed/"):
                continue
            with self.subTest(url=url):
                html = self.client.get(url).content.decode()

                self.assertIn('href="tel:+448000121700"', html)
                self.assertIn('href="tel:999"', html)
                self.assertIn("data-leave-site", html)

    def test_phone_numbers_shown_in_text_are_links(self):
        html = self.client.get("/en/get-help/").content.decode()

        for number, uri in (("08000 121 700", "tel:+448000121700"), ("0800 555 111", "tel:+44800555111")):
            # The number may sit in a left-to-right isolate (nasn_tags' ltr filters).
            self.assertRegex(html, rf'href="{re.escape(uri)}"[^>]*>(?:<bdi dir="ltr"[^>]*>)?[^<]*{re.escape(number)}')
