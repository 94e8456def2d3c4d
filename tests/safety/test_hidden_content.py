"""Hidden content never leaks: the audit's probes, kept in the suite.

On the demo site, a draft, an unpublished, a password-protected and a login-restricted page (and
service) are put in every page-chooser field of every page type, inline panel and site setting;
an unpublished translation and a report are added. Then every public page in four languages, the
sitemap, the content API, the ORUK feed, site search and its suggestions are crawled, and none of
them may show a hidden page's title, text or address.
"""

import json
import re
from collections import deque
from io import StringIO
from urllib.parse import urlsplit

from django.apps import apps
from django.core.management import call_command
from django.test import TestCase
from modelcluster.fields import ParentalKey
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Locale, Page, PageViewRestriction, Site

from advice.models import AdviceIndexPage, AdvicePage
from directory.models import DirectoryIndexPage, ServicePage
from reports.models import Report
from tests.factories import paragraph

KINDS = ("draft", "unpublished", "password", "login")
TITLE_MARK = "Zqhiddentitle"
TEXT_MARK = "Zqhiddentext"
PROJECT_APPS = {"home", "advice", "news", "directory", "reports", "search", "editorial"}
LANGUAGES = ("en", "pl", "ar", "ti")
SEEDS = [
    *(f"/{language}/" for language in LANGUAGES),
    "/sitemap.xml",
    "/api/v2/pages/?fields=*&limit=20",
    "/api/v2/pages/?type=advice.AdvicePage&fields=*&limit=20",
    "/api/v2/pages/?type=directory.ServicePage&fields=*&limit=20",
    "/api/v2/pages/?type=home.HomePage&fields=*",
    "/api/v2/pages/?locale=pl&fields=*&limit=20",
    f"/api/v2/pages/?search={TITLE_MARK}",
    f"/api/v2/pages/?search={TEXT_MARK}&locale=pl",
    "/api/openreferral/services?per_page=50",
    "/api/openreferral/service_at_locations?per_page=50",
    f"/api/openreferral/services?search={TITLE_MARK}",
    *(f"/{language}/search/?q={TITLE_MARK}" for language in LANGUAGES),
    f"/en/search/?q={TEXT_MARK}",
    f"/en/search/suggest/?q={TITLE_MARK[:6]}",
]
MAX_URLS = 260
NOT_CRAWLED = ("/admin/", "/static/", "/media/", "/documents/", "/_util/")
LINK = re.compile(r"""(?:href|src)=["']([^"']+)["']""")
# Every page has a language switcher: following it from each page would fetch every page in all
# fifteen languages. Pages are reached in the four languages the crawl starts from.
CRAWLED_LANGUAGE = re.compile(rf"^/({'|'.join(LANGUAGES)})/|^/api/|^/sitemap")


def hidden_page(parent, model, kind, **fields):
    slug = f"zq-{kind}-{model._meta.model_name}"
    page = parent.add_child(
        instance=model(
            title=f"{TITLE_MARK} {kind} {model._meta.verbose_name}", slug=slug, live=kind != "draft", **fields
        )
    )
    if kind == "draft":
        page.save_revision()
    elif kind == "unpublished":
        page.save_revision().publish()
        page.unpublish()
    elif kind == "password":
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="x")
    elif kind == "login":
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    return page


def edited_in_the_admin(model):
    """Pages, site settings and their inline panels (not records such as reports)."""
    return issubclass(model, (Page, BaseSiteSetting)) or any(
        isinstance(field, ParentalKey) for field in model._meta.get_fields()
    )


def chooser_fields():
    """(model, field) for every foreign key to a page that editors choose in the admin."""
    for model in apps.get_models():
        if model._meta.app_label not in PROJECT_APPS or not edited_in_the_admin(model):
            continue
        for field in model._meta.get_fields():
            if (
                field.many_to_one
                and field.model._meta.app_label in PROJECT_APPS  # not Page's own, such as alias_of
                and not isinstance(field, ParentalKey)
                and isinstance(field.related_model, type)
                and issubclass(field.related_model, Page)
            ):
                yield model, field


def links(response):
    content = response.content.decode(errors="replace")
    if response["Content-Type"].startswith("application/json"):
        found = re.findall(r'"(?:detail_url|html_url|url|next)":\s*"([^"]+)"', content)
    else:
        found = LINK.findall(content) + re.findall(r"<loc>([^<]+)</loc>", content)
    for link in found:
        parts = urlsplit(link.replace("&amp;", "&"))
        if parts.netloc and parts.hostname not in {"localhost", "testserver", "127.0.0.1"}:
            continue
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        if target.startswith("/") and not target.startswith(NOT_CRAWLED) and CRAWLED_LANGUAGE.match(target):
            yield target


class HiddenContentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo_content", stdout=StringIO())
        english = Locale.objects.get(language_code="en")
        advice_index = AdviceIndexPage.objects.get(locale=english)
        directory_index = DirectoryIndexPage.objects.get(locale=english)
        body = paragraph(f"{TEXT_MARK} text only its readers may see.")
        cls.hidden = {
            kind: {
                AdvicePage: hidden_page(advice_index, AdvicePage, kind, body=body, last_reviewed="2026-01-01"),
                ServicePage: hidden_page(
                    directory_index, ServicePage, kind, description=f"<p>{TEXT_MARK}</p>", last_verified="2026-01-01"
                ),
            }
            for kind in KINDS
        }
        # A translation started but not published, in a crawled language the page is not yet in.
        live_advice, language = next(
            (page, language)
            for page in AdvicePage.objects.live().filter(locale=english)
            for language in LANGUAGES[1:]
            if not page.has_translation(Locale.objects.get(language_code=language))
        )
        draft_translation = live_advice.copy_for_translation(
            Locale.objects.get(language_code=language), copy_parents=True
        )
        draft_translation.title = f"{TITLE_MARK} draft translation"
        draft_translation.body = body
        draft_translation.save_revision()
        Report.objects.create(what_seen=f"{TEXT_MARK} report", location=TITLE_MARK, submission_key="z" * 64)

    def place_everywhere(self, kind):
        """Put this kind's hidden pages in every page chooser; fails on a chooser it cannot fill."""
        placed = []
        site = Site.objects.get(is_default_site=True)
        for model, field in chooser_fields():
            target = self.hidden_page_for(kind, field.related_model)
            if issubclass(model, Page):
                # On the live pages themselves (and their aliases), as publishing would leave them.
                model.objects.update(**{field.attname: target.pk})
            elif issubclass(model, BaseSiteSetting):
                setting = model.for_site(site)
                setattr(setting, field.attname, target.pk)
                setting.save()
            else:
                parent_key = next(f for f in model._meta.get_fields() if isinstance(f, ParentalKey))
                for parent in parent_key.related_model.objects.all():
                    model.objects.create(**{parent_key.name: parent, field.name: target})
            placed.append(f"{model._meta.label}.{field.name}")
        self.assertGreaterEqual(len(placed), 3, placed)  # the home page's, navigation's and related services
        return placed

    def hidden_page_for(self, kind, model):
        for page_type, page in self.hidden[kind].items():
            if issubclass(page_type, model):
                return page
        self.fail(f"No hidden {model.__name__} to choose: teach this test about the new chooser")

    def crawl(self):
        """{url: response} for every public URL reachable from the seeds (bounded)."""
        queue, seen, responses = deque(SEEDS), set(SEEDS), {}
        while queue and len(responses) < MAX_URLS:
            url = queue.popleft()
            response = self.client.get(url)
            self.assertLess(response.status_code, 500, url)
            responses[url] = response
            if response.status_code == 200:
                for link in links(response):
                    if link not in seen:
                        seen.add(link)
                        queue.append(link)
        return responses

    def assert_nothing_hidden(self, responses):
        for url, response in responses.items():
            content = response.content.decode(errors="replace")
            # A search page repeats its own query; the other marks (and the slugs) still must not show.
            for secret in (secret for secret in (TITLE_MARK, TEXT_MARK, "zq-") if secret not in url):
                self.assertNotIn(secret, content, f"{secret!r} shown at {url}")

    def check_kind(self, kind):
        self.place_everywhere(kind)
        responses = self.crawl()
        self.assertGreater(len([url for url in responses if url.startswith("/ar/")]), 5)
        self.assertIn("/sitemap.xml", responses)
        self.assert_nothing_hidden(responses)

    def test_a_draft_page_in_every_chooser(self):
        self.check_kind("draft")

    def test_an_unpublished_page_in_every_chooser(self):
        self.check_kind("unpublished")

    def test_a_password_protected_page_in_every_chooser(self):
        self.check_kind("password")

    def test_a_login_restricted_page_in_every_chooser(self):
        self.check_kind("login")

    def test_hidden_pages_own_addresses_show_nothing(self):
        for kind, pages in self.hidden.items():
            for page in pages.values():
                for language in ("en", "pl", "ar"):
                    url = f"/{language}/{page.url_path.split('/', 2)[-1]}"
                    with self.subTest(kind=kind, url=url):
                        response = self.client.get(url)
                        self.assertIn(response.status_code, {302, 401, 403, 404} if kind != "password" else {200})
                        self.assertNotContains(response, TEXT_MARK, status_code=response.status_code)
                        api = self.client.get(f"/api/v2/pages/{page.pk}/")
                        self.assertEqual(api.status_code, 404)
                        self.assertEqual(json.loads(api.content).keys(), {"message"})
