"""flush_readership: counts move from the cache to the database in bulk; old days become months."""

import datetime
import io
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Locale

from readership.counting import count_view, flush_counts, pending_counts, roll_up
from readership.models import PageViews

TODAY = datetime.date(2026, 6, 15)


def locale(code):
    return Locale.objects.get(language_code=code)


def rows(period=PageViews.DAY):
    return {
        (row.date, row.page_id, row.locale.language_code): row.views
        for row in PageViews.objects.filter(period=period).select_related("locale")
    }


def test_a_flush_stores_each_days_counts_once(pages):
    polish, english = locale("pl"), locale("en")
    for _ in range(3):
        count_view(pages.signs.pk, polish.pk, day=TODAY)
    count_view(pages.signs.pk, english.pk, day=TODAY)
    count_view(pages.rights.pk, english.pk, day=TODAY - datetime.timedelta(days=1))

    assert flush_counts(today=TODAY) == 5
    assert flush_counts(today=TODAY) == 0  # nothing is stored twice

    assert rows() == {
        (TODAY, pages.signs.pk, "pl"): 3,
        (TODAY, pages.signs.pk, "en"): 1,
        (TODAY - datetime.timedelta(days=1), pages.rights.pk, "en"): 1,
    }


def test_views_counted_after_a_flush_are_added_to_the_days_row(pages):
    polish = locale("pl")
    count_view(pages.signs.pk, polish.pk, day=TODAY)
    flush_counts(today=TODAY)
    count_view(pages.signs.pk, polish.pk, day=TODAY)
    count_view(pages.signs.pk, polish.pk, day=TODAY)
    flush_counts(today=TODAY)

    assert rows() == {(TODAY, pages.signs.pk, "pl"): 3}


def test_a_failed_database_write_puts_the_counts_back(pages):
    count_view(pages.signs.pk, locale("pl").pk, day=TODAY)

    with (
        mock.patch("readership.counting.add_counts", side_effect=RuntimeError("database down")),
        pytest.raises(RuntimeError),
    ):
        flush_counts(today=TODAY)

    assert pending_counts(TODAY) == {(pages.signs.pk, locale("pl").pk): 1}
    assert flush_counts(today=TODAY) == 1


def test_counts_of_a_page_deleted_before_the_flush_are_dropped(pages):
    count_view(pages.signs.pk, locale("en").pk, day=TODAY)
    pages.signs.delete()

    assert flush_counts(today=TODAY) == 0
    assert rows() == {}


def daily(page, code, date, views):
    return PageViews.objects.create(period=PageViews.DAY, date=date, page=page, locale=locale(code), views=views)


def test_daily_counts_older_than_the_retention_period_become_monthly_counts(pages):
    daily(pages.signs, "pl", datetime.date(2026, 2, 3), 4)
    daily(pages.signs, "pl", datetime.date(2026, 2, 20), 6)
    daily(pages.signs, "en", datetime.date(2026, 2, 20), 1)
    daily(pages.signs, "pl", datetime.date(2026, 3, 1), 2)
    daily(pages.signs, "pl", datetime.date(2026, 3, 20), 5)  # within 90 days of TODAY: kept
    daily(pages.signs, "pl", TODAY, 7)

    assert roll_up(days=90, today=TODAY) == 4

    assert rows(PageViews.MONTH) == {
        (datetime.date(2026, 2, 1), pages.signs.pk, "pl"): 10,
        (datetime.date(2026, 2, 1), pages.signs.pk, "en"): 1,
        (datetime.date(2026, 3, 1), pages.signs.pk, "pl"): 2,
    }
    assert rows() == {(datetime.date(2026, 3, 20), pages.signs.pk, "pl"): 5, (TODAY, pages.signs.pk, "pl"): 7}


def test_a_later_roll_up_adds_to_the_months_count(pages):
    daily(pages.signs, "pl", datetime.date(2026, 3, 1), 2)
    roll_up(days=90, today=TODAY)
    daily(pages.signs, "pl", datetime.date(2026, 3, 20), 5)
    roll_up(days=90, today=TODAY + datetime.timedelta(days=30))

    assert rows(PageViews.MONTH) == {(datetime.date(2026, 3, 1), pages.signs.pk, "pl"): 7}
    assert rows() == {}


def test_the_command_flushes_and_rolls_up_with_the_configured_period(pages, settings):
    settings.READERSHIP_DAILY_RETENTION_DAYS = 1
    daily(pages.signs, "pl", datetime.date(2020, 1, 5), 3)
    count_view(pages.signs.pk, locale("pl").pk)
    out = io.StringIO()

    call_command("flush_readership", stdout=out)

    assert out.getvalue() == "Stored 1 page view(s); rolled 1 daily row(s) older than 1 days into months.\n"
    assert PageViews.objects.filter(period=PageViews.MONTH, date=datetime.date(2020, 1, 1), views=3).exists()
    assert PageViews.objects.filter(period=PageViews.DAY, views=1).exists()


def test_the_command_refuses_a_period_under_a_day(pages):
    with pytest.raises(CommandError):
        call_command("flush_readership", days=0, stdout=io.StringIO())
