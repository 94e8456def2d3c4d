"""Search across languages in a real browser, without JavaScript: the way from English to Polish
results, and English results on right-to-left and Tigrinya pages, with no WCAG 2.2 AA violations."""

from io import StringIO

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}


def test_search_offers_other_languages_and_marks_english_results(browser, live_server):
    call_command("load_demo_content", stdout=StringIO())

    # Polish words on the English site lead to the Polish results, without JavaScript.
    no_script = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = no_script.new_page()
    page.goto(f"{live_server.url}/en/search/?q=pomoc")
    link = page.locator(".search-other-languages a")
    assert link.count() == 1
    assert link.get_attribute("hreflang") == "pl"
    assert link.bounding_box()["height"] >= 24  # WCAG 2.2 target size
    link.click()
    page.wait_for_url(f"{live_server.url}/pl/search/?q=pomoc")
    assert page.locator(".search-results .search-result").count() > 0
    no_script.close()

    # An English word on the Arabic and Tigrinya sites: English pages, marked and labelled.
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    axe = Axe()
    failures = {}
    for language, direction in (("en", "ltr"), ("ar", "rtl"), ("ti", "ltr")):
        path = f"/{language}/search/?q={'pomoc' if language == 'en' else 'passport'}"
        page.goto(live_server.url + path)
        if language != "en":
            assert page.locator("html").get_attribute("dir") == direction
            english_title = page.locator('.search-result__title[lang="en"]').first
            assert english_title.evaluate("element => getComputedStyle(element).direction") == "ltr"
            label = english_title.locator(".fallback-label")
            assert label.is_visible()
            assert label.get_attribute("lang") == language
            assert label.evaluate("element => getComputedStyle(element).direction") == direction
        results = axe.run(page, options=WCAG_AA)
        if results.violations_count:
            failures[path] = results.generate_report()
    context.close()

    assert failures == {}
