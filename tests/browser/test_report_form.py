"""A member of the public sends a concern report from a real browser."""

import pytest
from wagtail.models import Page

from reports.models import Report, ReportPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WHAT_SEEN = "Workers picked up at 5am by a white van in Wisbech Road."


@pytest.fixture
def report_url(live_server, settings):
    settings.REPORTS_MIN_FILL_SECONDS = 0
    home = Page.objects.get(depth=2).specific
    report_page = home.add_child(instance=ReportPage(title="Report a concern", slug="report"))
    report_page.save_revision().publish()
    return f"{live_server.url}/en/report/"


def test_a_report_sent_from_the_browser_is_stored_once(page, report_url):
    page.goto(report_url)
    page.get_by_label("What did you see or hear?").fill("Workers picked up at 5am by a white van in Wisbech Road.")
    page.get_by_role("button", name="Send report").click()
    page.wait_for_url("**/report/sent/")

    assert Report.objects.count() == 1
    assert Report.objects.get().what_seen.startswith("Workers picked up at 5am")


def send_then_go_back(page, start_url, report_url, mark_window=False):
    page.goto(start_url)
    page.goto(report_url)
    page.get_by_label("What did you see or hear?").fill(WHAT_SEEN)
    page.get_by_label("When did you see it?").fill("Every Tuesday")
    page.get_by_label("Your name").fill("Alex Reporter")
    if mark_window:
        # A page restored from the back/forward cache would still carry this.
        page.evaluate("window.beforeSending = true")
    page.get_by_role("button", name="Send report").click()
    page.wait_for_url("**/report/sent/")
    page.go_back()
    page.wait_for_load_state()


def assert_nothing_of_the_report_shows(page):
    values = page.eval_on_selector_all("input, textarea", "fields => fields.map(field => field.value)")
    assert not [value for value in values if any(text in value for text in ("Wisbech", "Tuesday", "Alex"))]
    assert "Wisbech" not in page.content()


def test_back_after_sending_shows_nothing_of_the_report(page, live_server, report_url):
    send_then_go_back(page, f"{live_server.url}/en/", report_url, mark_window=True)

    assert page.url == report_url
    assert page.evaluate("window.beforeSending === undefined")
    assert_nothing_of_the_report_shows(page)


def test_back_after_sending_shows_nothing_of_the_report_without_javascript(browser, live_server, report_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()

    send_then_go_back(page, f"{live_server.url}/en/", report_url)

    assert page.url == report_url
    assert_nothing_of_the_report_shows(page)
    context.close()
