"""The API's ?locale= on listing types (services, advice, news) follows the site's rule: each
page in that language where translated, else in English; never both, never drafts."""

from tests.api.content import APITestCase


class ListingLocaleTests(APITestCase):
    def test_services_in_polish_with_english_where_untranslated(self):
        ids = self.ids("/pages/", type="directory.ServicePage", locale="pl", order="id")

        self.assertEqual(
            sorted(ids),
            sorted([self.s.legal_service_pl.pk, self.s.housing_service.pk, self.s.breckland_legal_service.pk]),
        )

    def test_category_filter_with_locale(self):
        ids = self.ids("/pages/", type="directory.ServicePage", locale="pl", category="legal-advice")

        self.assertEqual(sorted(ids), sorted([self.s.legal_service_pl.pk, self.s.breckland_legal_service.pk]))

    def test_untranslated_language_gets_the_english_services(self):
        ids = self.ids("/pages/", type="directory.ServicePage", locale="lt")

        self.assertEqual(
            sorted(ids), sorted([self.s.legal_service.pk, self.s.housing_service.pk, self.s.breckland_legal_service.pk])
        )

    def test_advice_unpublished_translation_hides_nothing(self):
        ids = self.ids("/pages/", type="advice.AdvicePage", locale="pl")

        self.assertEqual(sorted(ids), sorted([self.s.advice_pl.pk, self.s.rights_advice.pk]))

    def test_child_of_a_polish_index_lists_its_english_items_too(self):
        ids = self.ids("/pages/", type="directory.ServicePage", locale="pl", child_of=self.s.directory_pl.pk)

        self.assertEqual(
            sorted(ids),
            sorted([self.s.legal_service_pl.pk, self.s.housing_service.pk, self.s.breckland_legal_service.pk]),
        )

    def test_search_with_locale_on_a_listing_type(self):
        ids = self.ids("/pages/", type="directory.ServicePage", locale="pl", search="house")

        self.assertEqual(ids, [self.s.housing_service.pk])

    def test_other_types_and_no_type_keep_the_exact_locale_filter(self):
        items = self.items("/pages/", locale="pl", limit=100)

        self.assertEqual({item["meta"]["locale"] for item in items}, {"pl"})
