"""The "Leave this site" control, as a visitor uses it in a real browser."""

import pytest
from wagtail.models import Page

from tests.browser.conftest import NEUTRAL_SITE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def advice_url(live_server):
    from advice.models import AdviceIndexPage

    home = Page.objects.get(depth=2).specific
    index = home.add_child(instance=AdviceIndexPage(title="Advice", slug="advice"))
    index.save_revision().publish()
    return f"{live_server.url}/en/advice/"


def test_button_leaves_for_the_neutral_site_and_back_does_not_return(page, live_server, advice_url):
    page.goto(f"{live_server.url}/en/")
    page.goto(advice_url)

    page.get_by_role("link", name="Leave this site").click()
    page.wait_for_url(f"{NEUTRAL_SITE}**")
    page.go_back()

    assert page.url == f"{live_server.url}/en/"


def test_pressing_shift_three_times_leaves(page, advice_url):
    page.goto(advice_url)

    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(f"{NEUTRAL_SITE}**")

    assert page.url.startswith(NEUTRAL_SITE)


def test_pressing_shift_twice_stays(page, advice_url):
    page.goto(advice_url)

    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)

    assert page.url == advice_url


def test_escape_leaves_but_not_while_typing_in_search(page, advice_url):
    page.goto(advice_url)
    page.locator("input[name=q]").first.fill("help")
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    assert page.url == advice_url

    page.locator("h1").click()
    page.keyboard.press("Escape")
    page.wait_for_url(f"{NEUTRAL_SITE}**")


def test_without_javascript_the_button_is_a_plain_link(browser, live_server, advice_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(advice_url)

    link = page.get_by_role("link", name="Leave this site")

    assert link.get_attribute("href") == NEUTRAL_SITE
    assert page.get_by_text("Or press Shift 3 times.").is_hidden()
    context.close()
