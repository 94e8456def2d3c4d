"""What the API and the ORUK feed keep in the shared look-ups (translations, related-service
cards, ORUK summaries: home/request_cache.py) never outlives a change to the content."""

from django.test import TestCase

from advice.models import AdviceRelatedService
from tests.factories import (
    AdviceIndexPageFactory,
    AdvicePageFactory,
    DirectoryIndexPageFactory,
    ServicePageFactory,
    home_page,
    translate_page,
)


class SharedOutputTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = home_page()
        cls.advice = AdvicePageFactory(parent=AdviceIndexPageFactory(parent=home), title="Spot the signs")
        cls.service = ServicePageFactory(parent=DirectoryIndexPageFactory(parent=home), title="Night shelter")
        AdviceRelatedService.objects.create(advice_page=cls.advice, service=cls.service)

    def detail(self):
        return self.client.get(f"/api/v2/pages/{self.advice.pk}/").json()

    def listing(self):
        return self.client.get("/api/v2/pages/?type=advice.AdvicePage&fields=related_services").json()["items"]

    def test_a_renamed_related_service_shows_in_the_cards_on_the_next_request(self):
        self.assertEqual([card["title"] for card in self.detail()["related_services"]], ["Night shelter"])
        self.assertEqual([card["title"] for card in self.listing()[0]["related_services"]], ["Night shelter"])
        self.service.title = "Evening shelter"
        self.service.save_revision().publish()
        self.assertEqual([card["title"] for card in self.detail()["related_services"]], ["Evening shelter"])
        self.assertEqual([card["title"] for card in self.listing()[0]["related_services"]], ["Evening shelter"])

    def test_an_unpublished_related_service_leaves_the_cards_on_the_next_request(self):
        self.assertEqual(len(self.detail()["related_services"]), 1)
        self.service.unpublish()
        self.assertEqual(self.detail()["related_services"], [])

    def test_a_new_translation_shows_in_the_translations_on_the_next_request(self):
        self.assertEqual([item["locale"] for item in self.detail()["meta"]["translations"]], ["en"])
        translate_page(self.advice.get_parent().get_parent(), "pl")
        translate_page(self.advice.get_parent(), "pl")
        polish = translate_page(self.advice, "pl", title="Rozpoznaj sygnały")
        translations = self.detail()["meta"]["translations"]
        self.assertEqual(
            [(item["locale"], item["id"]) for item in translations], [("en", self.advice.pk), ("pl", polish.pk)]
        )
        self.assertEqual(self.listing()[0]["meta"]["translations"], translations)

    def test_a_renamed_service_shows_in_the_oruk_feed_on_the_next_request(self):
        names = [item["name"] for item in self.client.get("/api/openreferral/services").json()["contents"]]
        self.assertEqual(names, ["Night shelter"])
        self.service.title = "Evening shelter"
        self.service.save_revision().publish()
        names = [item["name"] for item in self.client.get("/api/openreferral/services").json()["contents"]]
        self.assertEqual(names, ["Evening shelter"])
