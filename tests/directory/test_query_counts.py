"""The directory runs the same number of queries however many services it lists (STYLE habit 7)."""

from django.test import TestCase

from tests.factories import (
    AreaFactory,
    DirectoryIndexPageFactory,
    LanguageFactory,
    OrganisationFactory,
    ServiceCategoryFactory,
    ServicePageFactory,
    home_page,
)
from tests.utils import count_queries


class DirectoryQueryCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = DirectoryIndexPageFactory(parent=home_page())
        cls.categories = ServiceCategoryFactory.create_batch(2)
        cls.areas = AreaFactory.create_batch(2)
        cls.languages = [LanguageFactory(code="pl"), LanguageFactory(code="ro")]

    def add_services(self, count):
        for _ in range(count):
            ServicePageFactory(
                parent=self.index,
                organisation=OrganisationFactory(),
                categories=self.categories,
                areas=self.areas,
                languages=self.languages,
                phone="01603 123456",
            )

    def test_same_queries_with_5_and_50_services(self):
        self.add_services(5)
        with_5 = count_queries(self.client, self.index.url)

        self.add_services(45)
        with_50 = count_queries(self.client, self.index.url)

        self.assertEqual(with_5, with_50)

    def test_same_queries_with_5_and_50_services_when_filtered(self):
        url = f"{self.index.url}?category={self.categories[0].slug}&area={self.areas[0].slug}&language=pl"
        self.add_services(5)
        with_5 = count_queries(self.client, url)

        self.add_services(45)
        with_50 = count_queries(self.client, url)

        self.assertEqual(with_5, with_50)
