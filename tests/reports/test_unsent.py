"""No report is lost silently: a report the database cannot store is shown back to the reporter.

Only a replay of the same form (its token's report is stored) counts as sent; any other failure
answers non-2xx with the reporter's own text in the fields, the helplines and 999.
"""

import html
import logging
import re
from unittest import mock

import pytest
from django.db import IntegrityError, OperationalError
from django.db.backends.utils import CursorWrapper
from django.test import Client

from reports.forms import ReportForm
from reports.models import Report

pytestmark = pytest.mark.django_db

URL = "/en/report-a-concern/"
TEXT = "Six men are picked up from the car wash at 5am every day."
# What the reporter typed, in every typed field: all of it must come back, none of it be logged.
TYPED = {
    "what_seen": TEXT,
    "location": "The car wash on Example Road",
    "when_seen": "last Tuesday evening",
    "contact_name": "Sam Reporter",
    "contact_phone": "07700 900123",
    "contact_email": "sam@example.org",
}
REFUSED = OperationalError("connection to server at 127.0.0.1, port 5432 failed: Connection refused")


@pytest.fixture
def report_data(valid_data):
    return valid_data(**TYPED, who_affected="me")


@pytest.fixture
def inserts_fail():
    """The database stops answering as the report is inserted: the page was routed and the form checked."""
    execute = CursorWrapper.execute

    def failing_insert(self, sql, params=None):
        if sql.lstrip().upper().startswith("INSERT") and "reports_report" in sql:
            raise REFUSED
        return execute(self, sql, params)

    with mock.patch.object(CursorWrapper, "execute", failing_insert):
        yield


@pytest.fixture
def database_down():
    """Every query fails, so the ReportPage cannot even be routed to."""
    with mock.patch.object(CursorWrapper, "execute", side_effect=REFUSED):
        yield


def field_values(page):
    """{name: value} of the inputs and text areas in the page's form."""
    values = {}
    for name, value in re.findall(r'<input [^>]*name="([^"]+)"[^>]*value="([^"]*)"', page):
        values[name] = html.unescape(value)
    for name, value in re.findall(r'<textarea [^>]*name="([^"]+)"[^>]*>\n?(.*?)</textarea>', page, re.S):
        values[name] = html.unescape(value)
    return values


def assert_text_shown_back(response, status, language="en"):
    assert response.status_code == status
    page = response.content.decode()
    direction = "rtl" if language == "ar" else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in page
    values = field_values(page)
    for name, typed in TYPED.items():
        assert values[name] == typed, name
    assert values["who_affected"] == "me"  # chosen, carried so that sending again keeps it
    assert "website" not in values  # the honeypot is never echoed
    assert values["token"] and values["csrfmiddlewaretoken"]
    assert f'action="/{language}/report-a-concern/"' in page
    assert 'href="tel:999"' in page
    assert "08000 121 700" in page  # the Modern Slavery & Exploitation Helpline (DOMAIN.md)
    assert "0800 555 111" in page  # Crimestoppers
    assert "no-store" in response["Cache-Control"]
    return page


def assert_nothing_logged_about_the_report(caplog):
    for typed in TYPED.values():
        assert typed not in caplog.text


@pytest.mark.parametrize("language", ["en", "pl", "ar"])
def test_database_failing_as_the_report_is_stored_shows_the_text_back(
    client, report_page, report_data, inserts_fail, caplog, language
):
    with caplog.at_level(logging.DEBUG):
        response = client.post(f"/{language}/report-a-concern/", report_data)

    page = assert_text_shown_back(response, 503, language)
    assert response["Retry-After"] == "30"
    if language == "en":
        assert "Your report was not sent" in page
    assert "A report could not be stored: OperationalError" in caplog.text
    assert_nothing_logged_about_the_report(caplog)
    assert not Report.objects.exists()


def test_the_model_save_failing_shows_the_text_back(client, report_page, report_data, caplog):
    with mock.patch.object(Report, "save", side_effect=REFUSED), caplog.at_level(logging.DEBUG):
        response = client.post(URL, report_data)

    assert_text_shown_back(response, 503)
    assert_nothing_logged_about_the_report(caplog)
    assert not Report.objects.exists()


def test_an_integrity_error_other_than_a_replay_is_not_a_thank_you(client, report_page, report_data, caplog):
    # Say a constraint added later: the report is not stored, and no replay explains it.
    error = IntegrityError(f'null value in column "x" violates not-null constraint DETAIL: ({TEXT})')
    with mock.patch.object(Report, "save", side_effect=error), caplog.at_level(logging.DEBUG):
        response = client.post(URL, report_data)

    assert_text_shown_back(response, 500)
    assert "A report could not be stored: IntegrityError" in caplog.text
    assert_nothing_logged_about_the_report(caplog)
    assert not Report.objects.exists()


def test_a_replay_sent_at_once_still_gets_the_thank_you_page_and_stores_once(client, report_page, report_data):
    assert client.post(URL, report_data).status_code == 303
    # The second copy passes the view's replay check before the first is stored (both at once),
    # then meets the unique submission_key.
    real_is_replay = ReportForm.is_replay
    calls = []

    def raced_is_replay(form):
        calls.append(form)
        return False if len(calls) == 1 else real_is_replay(form)

    with mock.patch.object(ReportForm, "is_replay", raced_is_replay):
        response = client.post(URL, report_data)

    assert response.status_code == 303
    assert response["Location"] == URL + "sent/"
    assert len(calls) == 2  # the save's own check found the stored report
    assert Report.objects.count() == 1


@pytest.mark.parametrize("language", ["en", "pl", "ar"])
def test_database_down_before_the_page_is_routed_shows_the_text_back(
    client, report_page, report_data, database_down, caplog, language
):
    with caplog.at_level(logging.DEBUG):
        response = client.post(f"/{language}/report-a-concern/", report_data)

    assert_text_shown_back(response, 503, language)
    assert response["Retry-After"] == "30"
    assert_nothing_logged_about_the_report(caplog)


def test_other_posts_still_get_the_plain_503_page(client, database_down):
    response = client.post("/en/advice/", {"comment": "not a report"})

    assert response.status_code == 503
    assert "<form" not in response.content.decode()


def test_the_report_can_be_sent_again_from_the_page_once_the_database_is_back(report_page, report_data, settings):
    settings.REPORTS_MIN_FILL_SECONDS = 0
    browser = Client(enforce_csrf_checks=True)
    browser.get(URL)  # the CSRF cookie, as a reporter's browser has it
    report_data["csrfmiddlewaretoken"] = browser.cookies["csrftoken"].value
    with mock.patch.object(Report, "save", side_effect=REFUSED):
        failed = browser.post(URL, report_data)
    values = field_values(failed.content.decode())

    response = browser.post(URL, values)

    assert response.status_code == 303
    report = Report.objects.get()
    assert report.what_seen == TEXT
    assert report.contact_email == "sam@example.org"
    assert report.who_affected == "me"


def test_a_report_that_was_not_stored_does_not_count_towards_the_rate_limit(client, report_page, report_data, settings):
    settings.REPORTS_RATE_LIMIT = 1
    with mock.patch.object(Report, "save", side_effect=REFUSED):
        assert client.post(URL, report_data).status_code == 503

    assert client.post(URL, report_data).status_code == 303
    assert Report.objects.count() == 1
