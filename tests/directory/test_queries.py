"""ServicePage.objects.filtered and AdvicePage.objects.filtered: the one filter of every listing."""

import datetime
from zoneinfo import ZoneInfo

from django.test import TestCase
from wagtail.search.backends import get_search_backend

from advice.models import AdvicePage
from directory import hours
from directory.models import OpeningHours, ServicePage, ServiceStatus
from home.guards import InvalidParameter
from tests.factories import (
    AdviceIndexPageFactory,
    AdvicePageFactory,
    AdviceTopicFactory,
    AreaFactory,
    DirectoryIndexPageFactory,
    LanguageFactory,
    ServiceCategoryFactory,
    ServicePageFactory,
    home_page,
)

LONDON = ZoneInfo("Europe/London")
T = datetime.time


class ServiceFilterTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        index = DirectoryIndexPageFactory(parent=home_page())
        cls.legal = ServiceCategoryFactory(slug="legal-advice")
        norwich = AreaFactory(slug="norwich")
        polish = LanguageFactory(code="pl")
        ServicePageFactory(parent=index, title="Clinic", categories=[cls.legal], areas=[norwich], languages=[polish])
        ServicePageFactory(parent=index, title="Other", categories=[ServiceCategoryFactory(slug="housing")])
        slots = {
            "Office": [(day, T(9), T(17)) for day in range(5)],
            "Night": [(4, T(20), T(2))],  # Friday 20:00 to Saturday 02:00
            "Round the clock": [(2, T(8), T(8))],  # Wednesday 08:00 to Thursday 08:00
        }
        for title, service_slots in slots.items():
            page = ServicePageFactory(parent=index, title=title)
            for weekday, opens, closes in service_slots:
                OpeningHours.objects.create(service=page, weekday=weekday, opens=opens, closes=closes)
        ServicePageFactory(parent=index, title="Helpline", open_24_7=True)
        ServicePageFactory(parent=index, title="Paused", open_24_7=True, status=ServiceStatus.TEMPORARILY_CLOSED)

    def titles(self, queryset):
        return sorted(queryset.values_list("title", flat=True))

    def test_terms_by_slug_or_object(self):
        services = ServicePage.objects.live_public()
        self.assertEqual(self.titles(services.filtered(category="legal-advice")), ["Clinic"])
        self.assertEqual(self.titles(services.filtered(category=self.legal, area="norwich", language="pl")), ["Clinic"])
        self.assertEqual(len(services.filtered()), services.count())

    def test_unknown_values_raise_one_exception_naming_the_parameter(self):
        for param in ("category", "area", "language"):
            with self.subTest(param=param), self.assertRaises(InvalidParameter) as caught:
                ServicePage.objects.filtered(**{param: "no-such-thing"})
            self.assertEqual(caught.exception.param, param)
            self.assertEqual(caught.exception.message, f"unknown {param}: 'no-such-thing'")

    def test_search_backends_can_search_a_filtered_queryset(self):
        backend = get_search_backend()
        legal = ServicePage.objects.live_public().filtered(category="legal-advice")
        self.assertEqual([page.title for page in backend.search("clinic", legal)], ["Clinic"])
        self.assertEqual(list(backend.search("clinic", legal.filtered(open_now=True))), [])  # no opening hours

    def test_open_now_in_sql_agrees_with_open_state_in_python(self):
        services = list(ServicePage.objects.prefetch_related("opening_hours"))
        start = datetime.datetime(2026, 11, 23, 0, 30, tzinfo=LONDON)  # a Monday
        for hour in range(0, 7 * 24, 3):
            now = start + datetime.timedelta(hours=hour)
            with self.subTest(now=now):
                expected = sorted(s.title for s in services if hours.open_state(s, now) == hours.OPEN)
                self.assertEqual(self.titles(ServicePage.objects.filtered(open_now=True, now=now)), expected)

    def test_open_now_past_midnight_and_at_closing_time(self):
        saturday_1am = datetime.datetime(2026, 11, 28, 1, 0, tzinfo=LONDON)
        self.assertIn("Night", self.titles(ServicePage.objects.filtered(open_now=True, now=saturday_1am)))
        five_pm = datetime.datetime(2026, 11, 25, 17, 0, tzinfo=LONDON)
        self.assertNotIn("Office", self.titles(ServicePage.objects.filtered(open_now=True, now=five_pm)))
        thursday_7am = datetime.datetime(2026, 11, 26, 7, 0, tzinfo=LONDON)
        self.assertIn("Round the clock", self.titles(ServicePage.objects.filtered(open_now=True, now=thursday_7am)))


class AdviceFilterTests(TestCase):
    def test_topic(self):
        index = AdviceIndexPageFactory(parent=home_page())
        signs = AdviceTopicFactory(slug="spot-the-signs")
        AdvicePageFactory(parent=index, title="Signs", topics=[signs])
        AdvicePageFactory(parent=index, title="Other")
        self.assertEqual([page.title for page in AdvicePage.objects.filtered(topic="spot-the-signs")], ["Signs"])
        self.assertEqual(AdvicePage.objects.filtered().count(), 2)
        with self.assertRaises(InvalidParameter):
            AdvicePage.objects.filtered(topic="nope")
