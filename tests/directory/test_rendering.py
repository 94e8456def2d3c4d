import datetime

from django.test import TestCase

from directory.models import OpeningHours
from home.phones import tel_uri
from tests.factories import (
    AreaFactory,
    DirectoryIndexPageFactory,
    LanguageFactory,
    OrganisationFactory,
    ServiceCategoryFactory,
    ServicePageFactory,
    home_page,
)


class DirectoryIndexRenderingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = DirectoryIndexPageFactory(parent=home_page(), introduction="Support near you.")
        cls.category = ServiceCategoryFactory(name="Legal advice")
        cls.area = AreaFactory(name="Norwich")
        ServicePageFactory(parent=cls.index, title="Legal clinic", categories=[cls.category], areas=[cls.area])

    def test_index_renders_its_introduction_and_services(self):
        response = self.client.get(self.index.url)

        self.assertContains(response, "Support near you.")
        self.assertContains(response, "Legal clinic")

    def test_index_offers_category_and_area_filters(self):
        response = self.client.get(self.index.url)

        self.assertContains(response, "Legal advice")
        self.assertContains(response, "Norwich")


class ServicePageRenderingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        index = DirectoryIndexPageFactory(parent=home_page())
        cls.service = ServicePageFactory(
            parent=index,
            title="Drop-in legal clinic",
            description="<p>Advice from solicitors, in confidence.</p>",
            organisation=OrganisationFactory(name="Norfolk Law Centre"),
            categories=[ServiceCategoryFactory(name="Legal advice")],
            areas=[AreaFactory(name="Norwich")],
            languages=[LanguageFactory(code="pl", name="Polish", native_name="Polski")],
            phone="01603 123456",
            email="clinic@example.org",
            address_line_1="1 Market Place",
            town="Norwich",
            postcode="NR1 1AA",
            opening_hours=[OpeningHours(weekday=0, opens=datetime.time(9), closes=datetime.time(17))],
        )

    def test_service_page_renders_its_description(self):
        response = self.client.get(self.service.url)

        self.assertContains(response, "Drop-in legal clinic")
        self.assertContains(response, "Advice from solicitors, in confidence.")

    def test_service_page_names_its_organisation_category_area_and_language(self):
        response = self.client.get(self.service.url)

        for text in ("Norfolk Law Centre", "Legal advice", "Norwich", "Polski"):
            with self.subTest(text=text):
                self.assertContains(response, text)

    def test_service_page_links_its_phone_number(self):
        response = self.client.get(self.service.url)

        self.assertContains(response, 'href="tel:+441603123456"')

    def test_service_page_shows_its_address(self):
        response = self.client.get(self.service.url)

        self.assertContains(response, "1 Market Place")
        self.assertContains(response, "NR1 1AA")


class TelUriTests(TestCase):
    def test_uk_number_becomes_international(self):
        self.assertEqual(tel_uri("01603 123456"), "tel:+441603123456")

    def test_international_number_is_kept(self):
        self.assertEqual(tel_uri("+44 800 555 111"), "tel:+44800555111")

    def test_freephone_helpline(self):
        self.assertEqual(tel_uri("08000 121 700"), "tel:+448000121700")

    def test_short_numbers_are_kept(self):
        self.assertEqual(tel_uri("101"), "tel:101")
