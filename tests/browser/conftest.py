"""Real-browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

Chromium comes from Debian (`apt-get install chromium`, done by .ci/run), never from a
Playwright download. Requests to other hosts are answered locally, so nothing leaves the machine.

`make test` runs these in their own pytest process: once Playwright's event loop runs, Django
hands the test thread a new connection object without the serialised copy of the migrated
data, so tests that flush the database after other transactional tests cannot restore it.
"""

import os
import shutil

import pytest

# Playwright's sync API runs an event loop; Django's ORM refuses to run inside one unless told.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

NEUTRAL_SITE = "https://www.bbc.co.uk/weather"


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium")
    assert executable, "Debian's chromium is needed for browser tests: apt-get install chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()

    # The neutral site is answered here, so the test needs no network.
    def neutral_site(route):
        route.fulfill(status=200, content_type="text/html", body="<title>BBC Weather</title><h1>Weather</h1>")

    page.route(f"{NEUTRAL_SITE}**", neutral_site)
    yield page
    context.close()
