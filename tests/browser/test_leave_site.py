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


@pytest.fixture
def report_url(live_server):
    from reports.models import ReportPage

    home = Page.objects.get(depth=2).specific
    report_page = home.add_child(instance=ReportPage(title="Report a concern", slug="report"))
    report_page.save_revision().publish()
    return f"{live_server.url}/en/report/"


def test_escape_on_a_button_inside_the_report_form_does_not_leave(page, report_url):
    page.goto(report_url)
    page.get_by_role("button", name="Send report").focus()

    page.keyboard.press("Escape")
    page.wait_for_timeout(300)

    assert page.url == report_url


def test_escape_on_a_link_outside_forms_leaves(page, report_url):
    page.goto(report_url)
    page.get_by_role("link", name="Norfolk Anti-Slavery Network").focus()

    page.keyboard.press("Escape")
    page.wait_for_url(f"{NEUTRAL_SITE}**")

    assert page.url.startswith(NEUTRAL_SITE)


def test_escape_outside_the_form_does_not_leave_while_the_report_holds_text(page, report_url):
    page.goto(report_url)
    page.get_by_label("What did you see or hear?").fill("A van picks workers up at 5am.")
    page.get_by_role("link", name="Norfolk Anti-Slavery Network").focus()

    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    assert page.url == report_url

    # Shift three times still leaves: it is never pressed by accident.
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(f"{NEUTRAL_SITE}**")


def test_shift_hint_shows_with_a_keyboard_and_mouse(page, advice_url):
    page.goto(advice_url)

    assert page.get_by_text("Or press Shift 3 times.").is_visible()


def test_shift_hint_is_hidden_on_a_touch_phone(browser, advice_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(advice_url)

    assert page.get_by_text("Or press Shift 3 times.").is_hidden()
    assert page.get_by_role("link", name="Leave this site").is_visible()
    context.close()


# The text of an element as line boxes: client rects of its text, grouped by their top edge.
COUNT_LINES = """element => {
    const range = document.createRange();
    range.selectNodeContents(element);
    return new Set([...range.getClientRects()].map(rect => Math.round(rect.top))).size;
}"""


@pytest.mark.parametrize("width", [320, 480])
def test_leave_button_keeps_to_one_line_in_every_language(browser, live_server, advice_url, settings, width):
    # With a mouse: from 480px the hint shows beside the button, the tightest case there.
    context = browser.new_context(viewport={"width": width, "height": 640})
    page = context.new_page()
    lines = {}
    for code, _name in settings.LANGUAGES:
        page.goto(f"{live_server.url}/{code}/advice/")
        button = page.locator("[data-leave-site]")
        lines[code] = button.evaluate(COUNT_LINES)
        box = button.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, code
    context.close()

    assert lines == {code: 1 for code, _name in settings.LANGUAGES}


def test_leaving_removes_the_report_forms_cookie(page, report_url):
    page.goto(report_url)
    assert [cookie["name"] for cookie in page.context.cookies()] == ["csrftoken"]
    assert page.context.cookies()[0]["expires"] == -1  # a session cookie

    page.get_by_role("link", name="Leave this site").first.click()
    page.wait_for_url(f"{NEUTRAL_SITE}**")

    assert page.context.cookies() == []
