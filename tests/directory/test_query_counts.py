"""The directory runs the same number of queries however many services it lists (STYLE habit 7),
and loads only the page of them it shows."""

from django.db.models.signals import post_init
from django.test import TestCase

from directory.models import SERVICES_PER_PAGE, ServicePage
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

    def test_only_the_shown_page_of_services_is_loaded(self):
        self.add_services(SERVICES_PER_PAGE * 2 + 5)
        loaded = []

        def count(sender, instance, **kwargs):
            loaded.append(instance.pk)

        post_init.connect(count, sender=ServicePage)
        try:
            for url in (
                self.index.url,
                f"{self.index.url}?page=2",
                f"{self.index.url}?category={self.categories[0].slug}",
            ):
                with self.subTest(url=url):
                    loaded.clear()
                    response = self.client.get(url)
                    self.assertEqual(len(response.context["services"]), SERVICES_PER_PAGE)
                    self.assertEqual(len(loaded), SERVICES_PER_PAGE)
        finally:
            post_init.disconnect(count, sender=ServicePage)
