from django.test import TestCase

from directory.models import SERVICES_PER_PAGE, AreaKind
from tests.factories import (
    AreaFactory,
    DirectoryIndexPageFactory,
    LanguageFactory,
    ServiceCategoryFactory,
    ServicePageFactory,
    home_page,
    make_private,
)

JUNK_QUERIES = [
    "?category=%00",
    "?area=%00",
    "?language=%00",
    "?category=" + "x" * 5000,
    "?area=" + "x" * 5000,
    "?language=" + "x" * 5000,
    "?category=<script>alert(1)</script>",
    "?category=legal-advice&category=safe-housing",
    "?category[]=legal-advice",
    "?area=%E2%80%AE&language=%F0%9F%98%80",
    "?page=abc",
    "?page=99999",
    "?page=-1",
    "?page=0",
    "?page=%00",
    "?page=" + "9" * 500,
    "?category=legal-advice&page=99999",
]


class DirectoryFilterTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = DirectoryIndexPageFactory(parent=home_page(), slug="find-support")
        legal = ServiceCategoryFactory(name="Legal advice", slug="legal-advice")
        housing = ServiceCategoryFactory(name="Safe housing", slug="safe-housing")
        health = ServiceCategoryFactory(name="Health", slug="health")
        norwich = AreaFactory(name="Norwich", slug="norwich", gss_code="E07000148")
        breckland = AreaFactory(name="Breckland", slug="breckland", gss_code="E07000143")
        norfolk = AreaFactory(name="All of Norfolk", slug="norfolk", kind=AreaKind.COUNTY)
        polish = LanguageFactory(code="pl", name="Polish", native_name="Polski")
        romanian = LanguageFactory(code="ro", name="Romanian", native_name="Română")
        lithuanian = LanguageFactory(code="lt", name="Lithuanian", native_name="Lietuvių")

        def service(title, categories, areas, languages=(), **kwargs):
            return ServicePageFactory(
                parent=cls.index, title=title, categories=categories, areas=areas, languages=languages, **kwargs
            )

        cls.legal_clinic = service("Legal clinic", [legal], [norwich], [polish])
        cls.housing_project = service("Housing project", [housing], [norwich, breckland], [romanian])
        cls.health_centre = service("Health centre", [health], [breckland])
        cls.advice_line = service("Advice line", [legal, housing], [norfolk], [polish, romanian])
        service("Draft service", [legal], [norwich], [polish, lithuanian], live=False)
        make_private(service("Private service", [legal], [norwich], [polish, lithuanian]))

    def listed(self, query=""):
        response = self.client.get(self.index.url + query)
        self.assertEqual(response.status_code, 200)
        return [service.title for service in response.context["services"]]

    def test_without_filters_every_live_public_service_is_listed_by_title(self):
        self.assertEqual(self.listed(), ["Advice line", "Health centre", "Housing project", "Legal clinic"])

    def test_listing_links_each_service(self):
        response = self.client.get(self.index.url)

        self.assertContains(response, f'href="{self.legal_clinic.url}"')

    def test_drafts_are_never_listed(self):
        response = self.client.get(self.index.url + "?category=legal-advice&area=norwich&language=pl")

        self.assertNotContains(response, "Draft service")

    def test_private_services_are_never_listed(self):
        response = self.client.get(self.index.url + "?category=legal-advice&area=norwich&language=pl")

        self.assertNotContains(response, "Private service")

    def test_category_filter(self):
        self.assertEqual(self.listed("?category=legal-advice"), ["Advice line", "Legal clinic"])

    def test_area_filter(self):
        self.assertEqual(self.listed("?area=norwich"), ["Housing project", "Legal clinic"])

    def test_language_filter(self):
        self.assertEqual(self.listed("?language=pl"), ["Advice line", "Legal clinic"])

    def test_category_and_area_filters_combine(self):
        self.assertEqual(self.listed("?category=legal-advice&area=norwich"), ["Legal clinic"])

    def test_category_and_language_filters_combine(self):
        self.assertEqual(self.listed("?category=safe-housing&language=ro"), ["Advice line", "Housing project"])

    def test_all_three_filters_combine(self):
        self.assertEqual(self.listed("?category=safe-housing&area=breckland&language=ro"), ["Housing project"])

    def test_filters_with_no_matching_service_list_nothing(self):
        self.assertEqual(self.listed("?area=breckland&language=pl"), [])

    def test_selected_filters_are_in_the_context(self):
        response = self.client.get(self.index.url + "?category=legal-advice&language=pl")

        self.assertEqual(response.context["selected"]["category"].slug, "legal-advice")
        self.assertEqual(response.context["selected"]["language"].code, "pl")
        self.assertNotIn("area", response.context["selected"])

    def test_unknown_filter_value_is_ignored_and_reported(self):
        response = self.client.get(self.index.url + "?category=no-such-category&area=norwich")

        self.assertEqual(response.context["unknown_filters"], ["category"])
        self.assertEqual([s.title for s in response.context["services"]], ["Housing project", "Legal clinic"])

    def test_filter_options_list_every_category_and_area(self):
        response = self.client.get(self.index.url)

        self.assertEqual([c.slug for c in response.context["categories"]], ["health", "legal-advice", "safe-housing"])
        self.assertEqual([a.slug for a in response.context["areas"]], ["norfolk", "breckland", "norwich"])

    def test_language_options_are_the_languages_of_listed_services(self):
        # Lithuanian is spoken only at the draft and the private service: offering it would
        # lead to an empty list.
        response = self.client.get(self.index.url)

        self.assertEqual([language.code for language in response.context["languages"]], ["pl", "ro"])

    def test_junk_query_strings_never_cause_a_server_error(self):
        for query in JUNK_QUERIES:
            with self.subTest(query=query[:60]):
                response = self.client.get(self.index.url + query)

                self.assertIn(response.status_code, (200, 404))

    def test_junk_filter_value_is_never_echoed_unescaped(self):
        response = self.client.get(self.index.url + "?category=<script>alert(1)</script>")

        self.assertNotContains(response, "<script>alert(1)</script>")


class DirectoryPaginationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = DirectoryIndexPageFactory(parent=home_page())
        category = ServiceCategoryFactory(slug="legal-advice")
        for number in range(1, SERVICES_PER_PAGE + 6):
            ServicePageFactory(parent=cls.index, title=f"Service {number:02}", categories=[category])

    def test_first_page_holds_a_page_of_services(self):
        response = self.client.get(self.index.url)

        self.assertEqual(len(response.context["services"]), SERVICES_PER_PAGE)
        self.assertEqual(response.context["services"].paginator.count, SERVICES_PER_PAGE + 5)

    def test_second_page_holds_the_rest(self):
        response = self.client.get(self.index.url + "?page=2")

        titles = [service.title for service in response.context["services"]]
        self.assertEqual(titles, [f"Service {n:02}" for n in range(SERVICES_PER_PAGE + 1, SERVICES_PER_PAGE + 6)])

    def test_page_links_keep_the_filters(self):
        response = self.client.get(self.index.url + "?category=legal-advice&page=2")

        self.assertEqual(response.context["filter_query"], "category=legal-advice")
        self.assertContains(response, "category=legal-advice&amp;page=1")
