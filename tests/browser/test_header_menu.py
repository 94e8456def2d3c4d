"""On a phone the header's menu and search fold behind one button; without JavaScript they stay open."""

import pytest
from wagtail.models import Page

from advice.models import AdviceIndexPage
from home.models import NavigationSettings

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}


@pytest.fixture
def home_url(live_server):
    home = Page.objects.get(depth=2).specific
    advice = home.add_child(instance=AdviceIndexPage(title="Advice", slug="advice"))
    advice.save_revision().publish()
    NavigationSettings.choose(home.get_site(), advice=advice)
    return f"{live_server.url}/en/"


def test_menu_opens_and_closes_with_its_button_on_a_phone(browser, home_url):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(home_url)
    toggle = page.get_by_role("button", name="Menu")
    nav = page.get_by_role("navigation", name="Main")

    assert toggle.get_attribute("aria-expanded") == "false"
    assert nav.is_hidden()
    assert page.locator("#header-search-q").is_hidden()

    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert nav.get_by_role("link", name="Advice").is_visible()
    assert page.locator("#header-search-q").is_visible()

    # Escape closes the open menu first; it does not leave the site.
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert nav.is_hidden()
    assert page.url == home_url
    context.close()


def test_menu_is_open_without_javascript(browser, home_url):
    context = browser.new_context(java_script_enabled=False, **PHONE)
    page = context.new_page()
    page.goto(home_url)

    assert page.get_by_role("navigation", name="Main").get_by_role("link", name="Advice").is_visible()
    assert page.locator("#header-search-q").is_visible()
    assert page.locator("[data-menu-toggle]").is_hidden()
    context.close()


def test_wide_screens_show_the_menu_and_no_button(browser, home_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(home_url)

    assert page.get_by_role("navigation", name="Main").get_by_role("link", name="Advice").is_visible()
    assert page.locator("[data-menu-toggle]").is_hidden()
    context.close()
