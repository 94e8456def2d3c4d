"""A listing's query count does not grow with the number of items, even with ?fields=*."""

import datetime

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from advice.models import AdviceRelatedService
from directory.models import OpeningHours
from tests.api.content import API, translate, translate_snippet
from tests.factories import (
    AdviceIndexPageFactory,
    AdvicePageFactory,
    AdviceTopicFactory,
    AreaFactory,
    DirectoryIndexPageFactory,
    ImageFactory,
    LanguageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    OrganisationFactory,
    ServiceCategoryFactory,
    ServicePageFactory,
    home_page,
)

LISTINGS = [
    "/pages/?type=directory.ServicePage&fields=*",
    "/pages/?type=directory.ServicePage&category=legal&area=norwich&language=pl&fields=_,title,categories,areas",
    "/pages/?type=advice.AdvicePage&fields=*",
    "/pages/?type=news.NewsPage&fields=*",
    "/pages/?fields=*",
    "/pages/?type=directory.ServicePage,advice.AdvicePage&fields=*",
    "/pages/?type=directory.ServicePage&search=service&fields=*",
    "/pages/?type=advice.AdvicePage&locale=pl&fields=*",
    "/service-categories/?locale=pl",
    "/organisations/?locale=pl",
    "/images/?fields=*",
]


class ListingQueryCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = home_page()
        translate(home)
        cls.directory = DirectoryIndexPageFactory(parent=home)
        cls.advice_index = AdviceIndexPageFactory(parent=home)
        cls.news_index = NewsIndexPageFactory(parent=home)
        cls.legal = ServiceCategoryFactory(slug="legal")
        cls.norwich = AreaFactory(slug="norwich")
        cls.polish = LanguageFactory(code="pl")
        cls.topic = AdviceTopicFactory()
        cls.image = ImageFactory()
        cls.add(10)

    @classmethod
    def add(cls, count):
        """``count`` more services; a third as many advice and news pages and new snippets,
        a tenth as many translations and images (the slowest to make)."""
        for number in range(count):
            if number % 3 == 0:
                category = ServiceCategoryFactory()
                translate_snippet(category, name="Kategoria")
                organisation = OrganisationFactory()
                translate_snippet(organisation)
                advice = AdvicePageFactory(parent=cls.advice_index, topics=[cls.topic, AdviceTopicFactory()])
                NewsPageFactory(parent=cls.news_index, image=cls.image, tags=["events"])
            service = ServicePageFactory(
                parent=cls.directory,
                organisation=organisation,
                categories=[cls.legal, category],
                areas=[cls.norwich],
                languages=[cls.polish],
            )
            OpeningHours.objects.create(
                service=service, weekday=1, opens=datetime.time(9), closes=datetime.time(17), sort_order=0
            )
            if number % 3 == 0:
                AdviceRelatedService.objects.create(advice_page=advice, service=service, sort_order=0)
            if number % 10 == 0:
                translate(advice)
                ImageFactory()

    def count(self, path, limit=100):
        url = f"{API}{path}{'&' if '?' in path else '?'}limit={limit}"
        self.client.get(url)  # warm: renditions, site root paths and content types are cached
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200, response.content[:300])
        self.assertEqual(len(response.json()["items"]), min(limit, response.json()["meta"]["total_count"]))
        return len(queries), response.json()["meta"]["total_count"]

    def test_listing_queries_do_not_grow_with_the_number_of_items_or_the_limit(self):
        before = {path: self.count(path) for path in LISTINGS}
        self.add(90)
        for path in LISTINGS:
            with self.subTest(path):
                queries, total = self.count(path)
                self.assertGreater(total, before[path][1])
                # Not always equal: which page types and locales make up the first 100 items
                # changes, and with it a query or two (never one per item). A full page also
                # counts the total, which a short one (before) knows without a query.
                self.assertLessEqual(queries, before[path][0] + 1)
                self.assertLessEqual(queries, self.count(path, limit=10)[0])

    def test_a_service_listing_with_every_field_stays_small(self):
        queries, _total = self.count("/pages/?type=directory.ServicePage&fields=*")
        self.assertLessEqual(queries, 15)
