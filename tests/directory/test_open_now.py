"""Open now / open 24/7 from structured opening hours, in Europe/London time."""

import datetime
from zoneinfo import ZoneInfo

from django.test import SimpleTestCase, TestCase
from freezegun import freeze_time

from directory import hours
from directory.models import OpeningHours, ServiceStatus, Weekday
from tests.factories import DirectoryIndexPageFactory, ServicePageFactory, home_page
from tests.utils import count_queries

UTC = datetime.UTC
LONDON = ZoneInfo("Europe/London")
T = datetime.time
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


def at(*args, tz=LONDON):
    return datetime.datetime(*args, tzinfo=tz)


class IsOpenTests(SimpleTestCase):
    weekdays_9_to_5 = [(day, T(9), T(17)) for day in (MON, TUE, WED, THU, FRI)]
    friday_night = [(FRI, T(20), T(2))]

    def test_open_inside_hours(self):
        # 2026-11-25 is a Wednesday.
        self.assertTrue(hours.is_open(False, self.weekdays_9_to_5, at(2026, 11, 25, 10, 30)))

    def test_opening_time_is_open_and_closing_time_is_closed(self):
        self.assertTrue(hours.is_open(False, self.weekdays_9_to_5, at(2026, 11, 25, 9, 0)))
        self.assertFalse(hours.is_open(False, self.weekdays_9_to_5, at(2026, 11, 25, 17, 0)))

    def test_closed_at_the_weekend(self):
        self.assertFalse(hours.is_open(False, self.weekdays_9_to_5, at(2026, 11, 28, 10, 30)))

    def test_past_midnight_friday_slot_is_open_early_saturday(self):
        # 2026-11-27 is a Friday; 01:00 on Saturday 28th is inside Friday 20:00–02:00.
        self.assertTrue(hours.is_open(False, self.friday_night, at(2026, 11, 28, 1, 0)))
        self.assertTrue(hours.is_open(False, self.friday_night, at(2026, 11, 27, 23, 59)))

    def test_past_midnight_slot_is_closed_after_closing_and_before_opening(self):
        self.assertFalse(hours.is_open(False, self.friday_night, at(2026, 11, 28, 2, 0)))
        self.assertFalse(hours.is_open(False, self.friday_night, at(2026, 11, 27, 19, 59)))
        # Early Friday morning belongs to Thursday night, which has no slot.
        self.assertFalse(hours.is_open(False, self.friday_night, at(2026, 11, 27, 1, 0)))

    def test_sunday_night_slot_runs_into_monday(self):
        self.assertTrue(hours.is_open(False, [(SUN, T(22), T(6))], at(2026, 11, 30, 5, 0)))

    def test_open_24_7_is_always_open(self):
        self.assertTrue(hours.is_open(True, [], at(2026, 12, 25, 3, 0)))

    def test_no_hours_is_closed(self):
        self.assertFalse(hours.is_open(False, [], at(2026, 11, 25, 10, 0)))

    def test_utc_moments_are_read_in_london_time_in_summer(self):
        # 08:30 UTC on 1 July is 09:30 BST: open.
        self.assertTrue(hours.is_open(False, self.weekdays_9_to_5, at(2026, 7, 1, 8, 30, tz=UTC)))
        # 16:30 UTC is 17:30 BST: closed.
        self.assertFalse(hours.is_open(False, self.weekdays_9_to_5, at(2026, 7, 1, 16, 30, tz=UTC)))

    def test_dst_starts(self):
        # Clocks go forward at 01:00 UTC on Sunday 29 March 2026.
        sunday_morning = [(SUN, T(9), T(12))]
        self.assertTrue(hours.is_open(False, sunday_morning, at(2026, 3, 29, 8, 30, tz=UTC)))  # 09:30 BST
        # The same UTC time a week earlier is 08:30 GMT: closed.
        self.assertFalse(hours.is_open(False, sunday_morning, at(2026, 3, 22, 8, 30, tz=UTC)))

    def test_dst_ends_during_a_past_midnight_slot(self):
        # Clocks go back at 01:00 UTC on Sunday 25 October 2026 (02:00 BST → 01:00 GMT).
        saturday_night = [(SAT, T(22), T(2))]
        self.assertTrue(hours.is_open(False, saturday_night, at(2026, 10, 25, 0, 30, tz=UTC)))  # 01:30 BST
        self.assertTrue(hours.is_open(False, saturday_night, at(2026, 10, 25, 1, 30, tz=UTC)))  # 01:30 GMT
        self.assertFalse(hours.is_open(False, saturday_night, at(2026, 10, 25, 2, 0, tz=UTC)))  # 02:00 GMT

    def test_without_now_uses_the_current_time(self):
        with freeze_time("2026-11-25 10:00:00"):
            self.assertTrue(hours.is_open(False, self.weekdays_9_to_5))
        with freeze_time("2026-11-25 20:00:00"):
            self.assertFalse(hours.is_open(False, self.weekdays_9_to_5))


class StaleTests(SimpleTestCase):
    def test_checked_within_a_year_is_not_stale(self):
        self.assertFalse(hours.is_stale(datetime.date(2025, 11, 27), today=datetime.date(2026, 11, 27)))

    def test_checked_over_a_year_ago_is_stale(self):
        self.assertTrue(hours.is_stale(datetime.date(2025, 11, 26), today=datetime.date(2026, 11, 27)))

    def test_never_checked_is_stale(self):
        self.assertTrue(hours.is_stale(None))


def add_hours(page, *slots):
    for weekday, opens, closes in slots:
        OpeningHours.objects.create(service=page, weekday=weekday, opens=opens, closes=closes)


class OpenNowPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = DirectoryIndexPageFactory(parent=home_page())
        cls.office = ServicePageFactory(parent=cls.index, title="Office hours service")
        add_hours(cls.office, *[(day, T(9), T(17)) for day in range(Weekday.MONDAY, Weekday.SATURDAY)])
        cls.night = ServicePageFactory(parent=cls.index, title="Night shelter")
        add_hours(cls.night, (FRI, T(20), T(2)))
        cls.helpline = ServicePageFactory(parent=cls.index, title="Helpline", open_24_7=True)
        cls.unknown = ServicePageFactory(parent=cls.index, title="No hours given")
        cls.paused = ServicePageFactory(
            parent=cls.index, title="Paused service", open_24_7=True, status=ServiceStatus.TEMPORARILY_CLOSED
        )

    def listed(self, query=""):
        response = self.client.get(self.index.url + query)
        self.assertEqual(response.status_code, 200)
        return [service.title for service in response.context["services"]]

    @freeze_time("2026-11-28 01:00:00")  # Saturday 01:00 GMT
    def test_open_now_filter_past_midnight(self):
        self.assertEqual(self.listed("?open_now=1"), ["Helpline", "Night shelter"])

    @freeze_time("2026-11-25 10:00:00")  # Wednesday 10:00 GMT
    def test_open_now_filter_in_office_hours(self):
        self.assertEqual(self.listed("?open_now=1"), ["Helpline", "Office hours service"])

    @freeze_time("2026-07-01 16:30:00")  # Wednesday 17:30 BST
    def test_open_now_filter_uses_london_summer_time(self):
        self.assertEqual(self.listed("?open_now=1"), ["Helpline"])

    @freeze_time("2026-11-25 10:00:00")
    def test_without_the_filter_everything_is_listed(self):
        self.assertEqual(len(self.listed()), 5)
        self.assertEqual(len(self.listed("?open_now=0")), 5)
        self.assertEqual(len(self.listed("?open_now=yes%00")), 5)

    @freeze_time("2026-11-25 10:00:00")
    def test_cards_say_open_now_or_closed_now(self):
        response = self.client.get(self.index.url)
        self.assertContains(response, "Open now", count=3)  # checkbox label + office + helpline
        self.assertContains(response, "Closed now", count=2)  # night shelter + paused service

    @freeze_time("2026-11-25 10:00:00")
    def test_combines_with_other_filters(self):
        self.assertEqual(self.listed("?open_now=1&category=does-not-exist"), ["Helpline", "Office hours service"])

    @freeze_time("2026-11-28 01:00:00")
    def test_service_page_says_open_now(self):
        self.assertContains(self.client.get(self.night.url), "Open now")
        self.assertContains(self.client.get(self.office.url), "Closed now")
        response = self.client.get(self.unknown.url)
        self.assertNotContains(response, "Open now")
        self.assertNotContains(response, "Closed now")

    def test_open_now_filter_query_count_is_constant(self):
        url = self.index.url + "?open_now=1"
        before = count_queries(self.client, url)
        for number in range(10):
            add_hours(ServicePageFactory(parent=self.index, title=f"Extra {number}"), (MON, T(9), T(17)))
        self.assertEqual(count_queries(self.client, url), before)


class StalePageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = DirectoryIndexPageFactory(parent=home_page())
        cls.old = ServicePageFactory(parent=cls.index, title="Old", last_verified=datetime.date(2025, 6, 1))
        cls.fresh = ServicePageFactory(parent=cls.index, title="Fresh", last_verified=datetime.date(2026, 6, 1))

    @freeze_time("2026-11-25 10:00:00")
    def test_stale_service_page_says_call_before_you_go(self):
        self.assertContains(self.client.get(self.old.url), "Details last checked over a year ago")
        self.assertNotContains(self.client.get(self.fresh.url), "Details last checked over a year ago")

    @freeze_time("2026-11-25 10:00:00")
    def test_stale_card_in_the_directory(self):
        response = self.client.get(self.index.url)
        self.assertContains(response, "Details last checked over a year ago — call before you go", count=1)
