"""The sign-in and password pages in a real browser: the site's look, in every direction and size.

Set NASN_SCREENSHOT_DIR to keep a screenshot of each page seen (to look at them by eye).
"""

import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from wagtail.models import Page, PageViewRestriction

from tests.browser.test_accessibility import WCAG_AA

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LANGUAGES = {"en": "ltr", "pl": "ltr", "ar": "rtl", "ti": "ltr"}
VIEWPORTS = [{"width": 390, "height": 844}, {"width": 1280, "height": 800}]

# The page's width beyond the window (a sideways scroll), and where the label and its input sit.
LAYOUT = """
(inputId) => {
    const input = document.getElementById(inputId).getBoundingClientRect();
    const label = document.querySelector(`label[for="${inputId}"]`).getBoundingClientRect();
    return {
        overflow: document.documentElement.scrollWidth - window.innerWidth,
        labelLeft: label.left, labelRight: label.right,
        inputLeft: input.left, inputRight: input.right,
    };
}
"""


@pytest.fixture
def password_path():
    from home.models import StandardPage

    home = Page.objects.get(depth=2).specific
    page = home.add_child(instance=StandardPage(title="Members' notes", slug="members-notes"))
    page.save_revision().publish()
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="x")
    return "members-notes/"


def look(page, name):
    folder = os.environ.get("NASN_SCREENSHOT_DIR")
    if folder:
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def check_layout(page, input_id, direction):
    layout = page.evaluate(LAYOUT, input_id)
    assert layout["overflow"] <= 0
    # The label starts where its input starts: at the right on a right-to-left page.
    if direction == "rtl":
        assert abs(layout["labelRight"] - layout["inputRight"]) < 16
    else:
        assert abs(layout["labelLeft"] - layout["inputLeft"]) < 16


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=lambda size: f"{size['width']}x{size['height']}")
def test_sign_in_and_password_pages_lay_out_in_every_direction(browser, live_server, password_path, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    size = f"{viewport['width']}x{viewport['height']}"
    for language, direction in LANGUAGES.items():
        page.goto(f"{live_server.url}/{language}/_util/login/?next=/{language}/")
        assert page.locator("html").get_attribute("dir") == direction
        assert page.locator("[data-leave-site]").is_visible()
        for input_id in ("id_username", "id_password", "id_otp_token"):
            check_layout(page, input_id, direction)
        look(page, f"sign-in-{language}-{size}")

        page.locator(".sign-in__form button[type=submit]").click()
        page.wait_for_load_state()
        assert page.locator(".error-summary").is_visible()
        check_layout(page, "id_username", direction)
        look(page, f"sign-in-errors-{language}-{size}")

        page.goto(f"{live_server.url}/{language}/{password_path}")
        assert page.locator("[data-leave-site]").is_visible()
        check_layout(page, "id_password", direction)
        page.locator("#id_password").fill("wrong")
        page.locator(".sign-in__form button[type=submit]").click()
        page.wait_for_load_state()
        assert page.locator(".field--error #id_password").is_visible()
        check_layout(page, "id_password", direction)
        look(page, f"password-errors-{language}-{size}")
    context.close()


def test_sign_in_and_password_pages_pass_wcag_checks_with_their_errors(browser, live_server, password_path):
    axe = Axe()
    context = browser.new_context()
    page = context.new_page()
    failures = {}
    for path in ("/en/_util/login/?next=/en/", "/ar/_util/login/?next=/ar/", f"/ar/{password_path}"):
        page.goto(live_server.url + path)
        page.locator(".sign-in__form button[type=submit]").click()
        page.wait_for_load_state()
        results = axe.run(page, options=WCAG_AA)
        if results.violations_count:
            failures[path] = results.generate_report()
    context.close()

    assert failures == {}
