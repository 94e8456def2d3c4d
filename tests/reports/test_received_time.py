"""A report's received time is stored to the hour only, and the admin and export show that."""

import csv
import datetime
import importlib
import io

import pytest
from django.apps import apps
from freezegun import freeze_time

from reports.models import Report

pytestmark = pytest.mark.django_db

MOMENT = datetime.datetime(2026, 7, 14, 13, 37, 52, 123456, tzinfo=datetime.UTC)  # 14:37 in London
HOUR = datetime.datetime(2026, 7, 14, 13, 0, tzinfo=datetime.UTC)


def make_report(key="b", **fields):
    return Report.objects.create(what_seen="Workers sleep in the packing shed.", submission_key=key * 64, **fields)


def test_a_sent_report_is_stored_with_the_hour_only(client, report_page, valid_data):
    with freeze_time(MOMENT):
        response = client.post("/en/report-a-concern/", valid_data())
    assert response.status_code == 303
    assert Report.objects.get().created_at == HOUR


def test_a_given_time_is_truncated_on_save():
    report = make_report(created_at=MOMENT)
    report.refresh_from_db()
    assert report.created_at == HOUR
    report.created_at = MOMENT + datetime.timedelta(days=1)
    report.save()
    report.refresh_from_db()
    assert report.created_at == HOUR + datetime.timedelta(days=1)


def test_the_migration_coarsens_existing_reports():
    first, second = make_report("c"), make_report("d")
    # As stored before the change: update() bypasses save().
    Report.objects.filter(pk=first.pk).update(created_at=MOMENT)
    Report.objects.filter(pk=second.pk).update(created_at=MOMENT.replace(hour=23, minute=59, second=59))
    migration = importlib.import_module("reports.migrations.0004_received_time_to_the_hour")

    migration.coarsen_received_times(apps, None)

    assert Report.objects.get(pk=first.pk).created_at == HOUR
    assert Report.objects.get(pk=second.pk).created_at == HOUR.replace(hour=23)


def test_the_admin_and_the_export_show_the_hour(client, safeguarding_lead):
    report = make_report(created_at=MOMENT)
    client.force_login(safeguarding_lead)

    assert "14 Jul 2026, 14:00" in client.get("/admin/concern-reports/").content.decode()
    assert "14 July 2026, 14:00" in client.get(f"/admin/concern-reports/{report.pk}/").content.decode()
    response = client.get("/admin/concern-reports/?export=csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[1][:2] == [str(report.pk), "2026-07-14 14:00"]
