"""Every kind of public page passes axe-core's WCAG 2.2 A/AA rules in a real browser."""

from io import StringIO

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}

PAGES = [
    "/en/",
    "/en/get-help/",
    "/en/advice/",
    "/en/advice/?topic=your-rights",
    "/en/advice/spot-the-signs/",
    "/en/news/",
    "/en/services/",
    "/en/services/?category=legal-advice&language=pl",
    "/en/report/",
    "/en/cover-your-tracks/",
    "/en/professionals/",
    "/en/search/?q=passport",
    "/en/no-such-page/",
    "/ar/",
    "/ti/advice/spot-the-signs/",
]


def test_public_pages_have_no_wcag_violations(browser, live_server):
    call_command("load_demo_content", skip_translations=True, stdout=StringIO())
    service = "/en/services/" + _first_service_slug() + "/"
    news = "/en/news/" + _first_news_slug() + "/"
    axe = Axe()
    context = browser.new_context()
    page = context.new_page()
    failures = {}
    for path in [*PAGES, service, news]:
        page.goto(live_server.url + path)
        results = axe.run(page, options=WCAG_AA)
        if results.violations_count:
            failures[path] = results.generate_report()
    context.close()

    assert failures == {}


def _first_service_slug():
    from directory.models import ServicePage

    return ServicePage.objects.live().order_by("title").values_list("slug", flat=True)[0]


def _first_news_slug():
    from news.models import NewsPage

    return NewsPage.objects.live().order_by("-date").values_list("slug", flat=True)[0]
