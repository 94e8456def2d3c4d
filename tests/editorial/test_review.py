"""Content due for review: the dashboard panel and the reminder email, from the same queries."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from freezegun import freeze_time

from editorial.review import advice_due_for_review, services_due_for_verification
from tests.factories import AdvicePageFactory, ServicePageFactory, translate_page

from .helpers import logged_in

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 15)


@pytest.fixture
def dated(site):
    """Advice and services checked at different times (the site's own pages are recent)."""
    site.advice.last_reviewed = TODAY
    site.advice.save()
    site.service.last_verified = TODAY
    site.service.save()
    return {
        "old_advice": AdvicePageFactory(parent=site.advice_index, title="Old advice", last_reviewed="2024-01-10"),
        "older_advice": AdvicePageFactory(parent=site.advice_index, title="Older advice", last_reviewed="2023-05-01"),
        "due_advice": AdvicePageFactory(parent=site.advice_index, title="Due advice", last_reviewed="2025-06-15"),
        "fresh_advice": AdvicePageFactory(parent=site.advice_index, title="Fresh advice", last_reviewed="2025-06-16"),
        "unpublished": AdvicePageFactory(
            parent=site.advice_index, title="Unpublished advice", last_reviewed="2020-01-01", live=False
        ),
        "old_service": ServicePageFactory(parent=site.directory_index, title="Old service", last_verified="2025-12-01"),
        "due_service": ServicePageFactory(parent=site.directory_index, title="Due service", last_verified="2025-12-15"),
        "fresh_service": ServicePageFactory(
            parent=site.directory_index, title="Fresh service", last_verified="2025-12-16"
        ),
    }


def titles(pages):
    return [page.title for page in pages]


@freeze_time(TODAY)
def test_advice_not_reviewed_for_twelve_months_is_due_oldest_first(dated):
    assert titles(advice_due_for_review()) == ["Older advice", "Old advice", "Due advice"]


@freeze_time(TODAY)
def test_services_not_verified_for_six_months_are_due_oldest_first(dated):
    assert titles(services_due_for_verification()) == ["Old service", "Due service"]


@freeze_time(TODAY)
@override_settings(NASN_ADVICE_REVIEW_MONTHS=30, NASN_SERVICE_VERIFY_MONTHS=3)
def test_the_periods_come_from_the_settings(dated):
    assert titles(advice_due_for_review()) == ["Older advice"]
    assert titles(services_due_for_verification()) == ["Old service", "Due service", "Fresh service"]


@freeze_time(TODAY)
def test_translations_are_not_listed_twice(dated, site):
    translate_page(dated["older_advice"], "pl", title="Starsza porada")

    assert titles(advice_due_for_review()) == ["Older advice", "Old advice", "Due advice"]


@freeze_time(TODAY)
def test_the_dashboard_lists_what_is_due_with_edit_links(dated, users):
    html = logged_in(users["moderator"]).get("/admin/").content.decode()

    assert "Content due for review" in html
    assert html.index("Older advice") < html.index("Old advice") < html.index("Due advice")
    assert html.index("Old service") < html.index("Due service")
    assert f'href="/admin/pages/{dated["older_advice"].pk}/edit/"' in html
    assert "Fresh advice" not in html
    assert "Fresh service" not in html


@freeze_time(TODAY)
def test_the_dashboard_lists_only_what_the_user_may_edit(dated, users):
    maintainer = logged_in(users["directory_maintainer"]).get("/admin/").content.decode()
    translator = logged_in(users["translator"]).get("/admin/").content.decode()

    assert "Old service" in maintainer
    assert "Old advice" not in maintainer
    assert "Content due for review" not in translator


@freeze_time(TODAY)
@override_settings(NASN_REVIEW_EMAIL=["content@nasn.example", "directory@nasn.example"])
def test_the_reminder_emails_the_same_list_to_the_configured_addresses(dated):
    call_command("send_review_reminders", stdout=None)

    (message,) = mail.outbox
    assert message.to == ["content@nasn.example", "directory@nasn.example"]
    assert message.subject == "NASN website: 3 advice page(s) and 2 service(s) due for review"
    body = message.body
    assert body.index("Older advice") < body.index("Old advice") < body.index("Due advice")
    assert body.index("Old service") < body.index("Due service")
    assert "Older advice (last reviewed 1 May 2023)" in body
    assert f"http://testserver/admin/pages/{dated['older_advice'].pk}/edit/" in body
    assert "Fresh" not in body
    assert "Unpublished" not in body


@freeze_time(TODAY)
@override_settings(NASN_REVIEW_EMAIL=["content@nasn.example"])
def test_no_reminder_when_nothing_is_due(site):
    site.advice.last_reviewed = TODAY
    site.advice.save()
    site.service.last_verified = TODAY
    site.service.save()

    call_command("send_review_reminders")

    assert mail.outbox == []


@freeze_time(TODAY)
@override_settings(NASN_REVIEW_EMAIL=[])
def test_no_reminder_without_an_address(dated, capsys):
    call_command("send_review_reminders")

    assert mail.outbox == []
    assert "NASN_REVIEW_EMAIL is not set" in capsys.readouterr().err
