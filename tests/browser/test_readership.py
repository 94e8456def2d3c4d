"""The readership beacon as Chromium sends it: under the site's no-referrer policy, with no cookie."""

import json

import pytest
from wagtail.models import Page

from readership.counting import flush_counts
from readership.models import PageViews

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Headless Chromium says "HeadlessChrome" in its user agent, which is not counted (a bot); a reader's
# Chromium says "Chrome".
READER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36"


@pytest.fixture
def page(browser):
    context = browser.new_context(user_agent=READER_AGENT)
    yield context.new_page()
    context.close()


def stored():
    flush_counts()
    return {(row.page_id, row.locale.language_code): row.views for row in PageViews.objects.select_related("locale")}


def test_a_page_shown_sends_one_anonymous_beacon_that_is_counted(page, live_server):
    home = Page.objects.get(depth=2, locale__language_code="en")

    with page.expect_request("**/readership/beacon/") as sent:
        page.goto(f"{live_server.url}/en/")
    request = sent.value

    assert json.loads(request.post_data) == {"page": home.pk, "language": "en"}
    assert "cookie" not in request.all_headers()
    assert request.response().status == 204
    assert not page.context.cookies()
    assert stored() == {(home.pk, "en"): 1}


def test_the_english_page_shown_to_a_polish_reader_counts_for_polish(page, live_server):
    home = Page.objects.get(depth=2, locale__language_code="en")

    with page.expect_request("**/readership/beacon/") as sent:
        page.goto(f"{live_server.url}/pl/")

    assert sent.value.response().status == 204
    assert stored() == {(home.pk, "pl"): 1}


def test_headless_chromium_is_not_counted(browser, live_server):
    context = browser.new_context()  # its own user agent: HeadlessChrome
    headless = context.new_page()
    with headless.expect_request("**/readership/beacon/") as sent:
        headless.goto(f"{live_server.url}/en/")

    assert sent.value.response().status == 204
    assert stored() == {}
    context.close()


def test_nothing_is_sent_when_the_browser_asks_not_to_be_tracked(page, live_server):
    page.add_init_script("Object.defineProperty(navigator, 'globalPrivacyControl', {get: () => true})")
    beacons = []
    page.on("request", lambda request: beacons.append(request) if "/readership/" in request.url else None)

    page.goto(f"{live_server.url}/en/")
    page.wait_for_load_state("networkidle")

    assert beacons == []
    assert stored() == {}
