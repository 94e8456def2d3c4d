"""Filtering services by category, area and spoken language."""

from tests.api.content import APITestCase

SERVICES = {"type": "directory.ServicePage", "locale": "en"}


class DirectoryFilterTests(APITestCase):
    def test_filter_by_category(self):
        self.assertEqual(
            self.ids("/pages/", category="legal-advice", order="title", **SERVICES),
            [self.s.breckland_legal_service.pk, self.s.legal_service.pk],
        )

    def test_filter_by_area(self):
        self.assertEqual(
            self.ids("/pages/", area="breckland", order="title", **SERVICES),
            [self.s.breckland_legal_service.pk, self.s.housing_service.pk],
        )

    def test_filter_by_spoken_language(self):
        self.assertEqual(self.ids("/pages/", language="ro", **SERVICES), [self.s.housing_service.pk])

    def test_filters_combine(self):
        self.assertEqual(
            self.ids("/pages/", category="legal-advice", area="norwich", language="pl", **SERVICES),
            [self.s.legal_service.pk],
        )
        self.assertEqual(self.ids("/pages/", category="safe-housing", language="pl", **SERVICES), [])

    def test_filters_work_on_polish_services_with_english_slugs(self):
        params = {**SERVICES, "locale": "pl"}
        self.assertEqual(
            self.ids("/pages/", category="legal-advice", area="norwich", **params), [self.s.legal_service_pl.pk]
        )

    def test_filters_with_paging_order_and_fields(self):
        data = self.get(
            "/pages/", category="legal-advice", order="-title", limit=1, offset=1, fields="_,title,areas", **SERVICES
        )
        self.assertEqual(data["meta"]["total_count"], 2)
        self.assertEqual(data["items"][0]["title"], "Breckland legal clinic")
        self.assertEqual([area["slug"] for area in data["items"][0]["areas"]], ["breckland"])

    def test_filter_with_search(self):
        self.assertEqual(
            self.ids("/pages/", category="legal-advice", search="immigration", **SERVICES), [self.s.legal_service.pk]
        )

    def test_unknown_value_is_a_404(self):
        # Well formed (the document allows any slug), naming a category that does not exist.
        message = self.get("/pages/", expect=404, category="no-such-thing", **SERVICES)["message"]
        self.assertEqual(message, "unknown category: 'no-such-thing'")

    def test_filters_keep_only_pages_of_their_type(self):
        self.assertEqual(
            set(self.ids("/pages/", category="legal-advice")),
            {self.s.legal_service.pk, self.s.breckland_legal_service.pk, self.s.legal_service_pl.pk},
        )
        self.assertEqual(self.ids("/pages/", type="advice.AdvicePage", area="norwich"), [])
        self.assertEqual(self.ids("/pages/", type="directory.ServicePage", topic="spot-the-signs"), [])

    def test_filter_by_plain_field(self):
        self.assertEqual(self.ids("/pages/", status="inactive", **SERVICES), [])
        self.assertEqual(len(self.ids("/pages/", status="active", **SERVICES)), 3)
