"""Directory cards are kept with the shared look-ups (includes/service_card.html): what they show
changes with the next render after a publish, and with the time of day and the language."""

import datetime

from django.test import TestCase
from freezegun import freeze_time

from directory.models import OpeningHours
from tests.factories import DirectoryIndexPageFactory, ServicePageFactory, home_page


class CardFragmentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = DirectoryIndexPageFactory(parent=home_page())
        cls.service = ServicePageFactory(parent=cls.index, title="Night shelter", summary="Beds for the night.")
        OpeningHours.objects.create(service=cls.service, weekday=2, opens=datetime.time(9), closes=datetime.time(17))

    def test_a_published_change_shows_on_the_next_render(self):
        self.assertContains(self.client.get(self.index.url), "Beds for the night.")
        self.service.summary = "Beds and meals."
        self.service.save_revision().publish()
        response = self.client.get(self.index.url)
        self.assertContains(response, "Beds and meals.")
        self.assertNotContains(response, "Beds for the night.")

    def test_open_now_follows_the_time(self):
        with freeze_time("2026-11-25 10:00:00"):  # Wednesday, open
            self.assertContains(self.client.get(self.index.url), "open-state--open")
        with freeze_time("2026-11-25 20:00:00"):
            response = self.client.get(self.index.url)
        self.assertContains(response, "open-state--closed")
        self.assertNotContains(response, "open-state--open")

    def test_each_language_has_its_own_card(self):
        self.assertContains(self.client.get(self.index.url), 'class="card__link" href="/en/')
        response = self.client.get("/pl/" + self.index.url.removeprefix("/en/"))
        self.assertContains(response, 'class="card__link" href="/pl/')
        self.assertContains(response, 'class="fallback-label" lang="pl"')
