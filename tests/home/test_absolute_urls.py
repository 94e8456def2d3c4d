"""Every absolute URL the site writes has one origin: NASN_PUBLIC_ORIGIN when set (production,
and `make run`, which sets it to the address it serves on), else the default Site record."""

import re
import subprocess
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management.sql import emit_post_migrate_signal
from django.test import TestCase, override_settings
from wagtail.models import Site

from home.site_origin import site_address, sync_default_site
from tests.factories import (
    AdviceIndexPageFactory,
    AdvicePageFactory,
    DirectoryIndexPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ServicePageFactory,
    home_page,
    translate_page,
)

ROOT = Path(__file__).resolve().parent.parent.parent
ORIGIN = "https://nasn.example.org"
WITH_ORIGIN = override_settings(NASN_PUBLIC_ORIGIN=ORIGIN, WAGTAILAPI_BASE_URL=ORIGIN, WAGTAILADMIN_BASE_URL=ORIGIN)


@WITH_ORIGIN
class PublicOriginTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = home_page()
        translate_page(home, "pl")
        cls.advice_index = AdviceIndexPageFactory(parent=home, slug="advice")
        translate_page(cls.advice_index, "pl")
        cls.advice = AdvicePageFactory(parent=cls.advice_index, slug="work")
        translate_page(cls.advice, "pl")
        directory = DirectoryIndexPageFactory(parent=home)
        ServicePageFactory(parent=directory)

    def setUp(self):
        # What every `migrate` does (a deploy step, and `make run`).
        emit_post_migrate_signal(verbosity=0, interactive=False, db="default")

    def assert_all_from_origin(self, urls):
        urls = list(urls)
        self.assertTrue(urls)
        for url in urls:
            self.assertTrue(url.startswith(ORIGIN + "/"), url)

    def test_migrate_points_the_default_site_at_the_origin(self):
        site = Site.objects.get(is_default_site=True)
        self.assertEqual((site.hostname, site.port, site.root_url), ("nasn.example.org", 443, ORIGIN))

    def test_hreflang_alternates(self):
        html = self.client.get("/en/advice/work/").content.decode()
        hrefs = re.findall(r'<link rel="alternate" hreflang="[^"]+" href="([^"]+)"', html)
        self.assertEqual(len(hrefs), 2)
        self.assert_all_from_origin(hrefs)

    def test_api_urls_are_site_paths(self):
        # The API's one URL form (home/api/links.py): paths, whatever origin is configured.
        listing = self.client.get("/api/v2/pages/", {"fields": "translations"}).json()
        urls = [item["meta"]["detail_url"] for item in listing["items"]]
        urls += [item["meta"]["html_url"] for item in listing["items"]]
        urls += [version["html_url"] for item in listing["items"] for version in item["meta"]["translations"]]
        detail = self.client.get(f"/api/v2/pages/{self.advice.pk}/").json()
        urls += [detail["meta"]["detail_url"], detail["meta"]["html_url"], detail["meta"]["parent"]["meta"]["html_url"]]
        for url in urls:
            self.assertRegex(url, r"^/[^/]", url)
        self.assertIn(f"/api/v2/pages/{self.advice.pk}/", urls)
        self.assertIn("/pl/advice/work/", urls)

    def test_find_redirect(self):
        response = self.client.get("/api/v2/pages/find/", {"html_path": "/pl/advice/work/"})
        self.assertEqual(response.status_code, 302)
        self.assert_all_from_origin([response["Location"]])

    def test_open_referral_urls(self):
        services = self.client.get("/api/openreferral/services").json()["contents"]
        self.assert_all_from_origin(service["url"] for service in services)

    def test_news_feed(self):
        index = NewsIndexPageFactory(parent=home_page(), slug="news")
        NewsPageFactory(parent=index)
        atom = self.client.get("/en/news/feed/").content.decode()
        self.assert_all_from_origin(re.findall(r'href="([^"]+)"', atom) + re.findall(r"<id>([^<]+)</id>", atom))

    def test_sitemap(self):
        xml = self.client.get("/sitemap.xml").content.decode()
        self.assert_all_from_origin(re.findall(r"<loc>([^<]+)</loc>", xml) + re.findall(r'href="([^"]+)"', xml))


class SiteAddressTests(TestCase):
    def test_an_origin_becomes_a_host_and_port(self):
        self.assertEqual(site_address("https://nasn.org.uk"), ("nasn.org.uk", 443))
        self.assertEqual(site_address("http://127.0.0.1:8123"), ("127.0.0.1", 8123))
        self.assertEqual(site_address("http://localhost"), ("localhost", 80))

    def test_an_origin_wagtail_cannot_express_is_refused(self):
        for origin in ("https://nasn.org.uk:8443", "http://nasn.org.uk:443"):
            with pytest.raises(ImproperlyConfigured, match="https on port 443"):
                site_address(origin)

    def test_without_an_origin_the_site_is_left_alone(self):
        self.assertFalse(sync_default_site())
        site = Site.objects.get(is_default_site=True)
        self.assertEqual((site.hostname, site.port), ("localhost", 80))

    def test_make_run_serves_where_the_site_says(self):
        """`make run` gives the origin it serves on to migrate (which syncs the Site), the demo
        loader and the server; here the Site is synced as that migrate would."""
        commands = subprocess.run(  # noqa: S603 -- make, dry run, our own Makefile
            ["make", "-n", "-o", ".venv/.installed", "run", "PORT=8123"],  # noqa: S607
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()
        python = [line for line in commands if "manage.py" in line]
        self.assertEqual(len(python), 3)
        for line in python:
            self.assertTrue(line.startswith("NASN_PUBLIC_ORIGIN=http://127.0.0.1:8123 "), line)
        self.assertTrue(python[-1].endswith("runserver 127.0.0.1:8123"))

        with override_settings(NASN_PUBLIC_ORIGIN="http://127.0.0.1:8123"):
            emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
        site = Site.objects.get(is_default_site=True)
        self.assertEqual(site.root_url, "http://127.0.0.1:8123")
        self.assertEqual(home_page().get_full_url(), "http://127.0.0.1:8123/en/")
