"""A member of the public sends a concern report from a real browser."""

import pytest
from wagtail.models import Page

from reports.models import Report, ReportPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_report_sent_from_the_browser_is_stored_once(page, live_server, settings):
    settings.REPORTS_MIN_FILL_SECONDS = 0
    home = Page.objects.get(depth=2).specific
    report_page = home.add_child(instance=ReportPage(title="Report a concern", slug="report"))
    report_page.save_revision().publish()

    page.goto(f"{live_server.url}/en/report/")
    page.get_by_label("What did you see or hear?").fill("Workers picked up at 5am by a white van in Wisbech Road.")
    page.get_by_role("button", name="Send report").click()
    page.wait_for_url("**/report/sent/")

    assert Report.objects.count() == 1
    assert Report.objects.get().what_seen.startswith("Workers picked up at 5am")
