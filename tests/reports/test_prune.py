import logging
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from reports.models import Report

pytestmark = pytest.mark.django_db


def report_aged(days, text="Something I saw"):
    report = Report.objects.create(what_seen=text, submission_key=f"{days:064d}")
    # created_at is set on insert; backdate it as time would.
    Report.objects.filter(pk=report.pk).update(created_at=timezone.now() - timedelta(days=days))
    return report


def test_prune_deletes_only_reports_older_than_the_retention_period(settings):
    settings.REPORTS_RETENTION_DAYS = 90
    old = report_aged(91)
    older = report_aged(400)
    recent = report_aged(89)
    today = report_aged(0)

    call_command("prune_reports", stdout=StringIO())

    remaining = set(Report.objects.values_list("pk", flat=True))
    assert remaining == {recent.pk, today.pk}
    assert not Report.objects.filter(pk__in=[old.pk, older.pk]).exists()


def test_prune_logs_how_many_it_deleted_and_nothing_they_said(settings, caplog):
    settings.REPORTS_RETENTION_DAYS = 30
    report_aged(31, text="secret words")
    report_aged(45, text="more secret words")
    report_aged(5, text="recent words")
    stdout = StringIO()

    with caplog.at_level(logging.INFO, logger="reports"):
        call_command("prune_reports", stdout=stdout)

    assert "Deleted 2 concern report(s) older than 30 days." in caplog.text
    assert "Deleted 2 concern report(s) older than 30 days." in stdout.getvalue()
    assert "secret" not in caplog.text + stdout.getvalue()


def test_prune_with_nothing_to_delete_says_so():
    report_aged(1)
    stdout = StringIO()

    call_command("prune_reports", stdout=stdout)

    assert "Deleted 0 concern report(s) older than 90 days." in stdout.getvalue()
    assert Report.objects.count() == 1


def test_prune_takes_a_retention_period_on_the_command_line():
    report_aged(10)
    report_aged(3)

    call_command("prune_reports", "--days", "7", stdout=StringIO())

    assert Report.objects.count() == 1


def test_prune_refuses_a_retention_period_under_a_day():
    report_aged(1)

    with pytest.raises(CommandError):
        call_command("prune_reports", "--days", "0", stdout=StringIO())
    assert Report.objects.count() == 1
