from django.test import TestCase

from advice.models import AdviceRelatedService
from tests.factories import (
    AdviceIndexPageFactory,
    AdvicePageFactory,
    AdviceTopicFactory,
    DirectoryIndexPageFactory,
    ServicePageFactory,
    home_page,
    make_private,
    paragraph,
)

JUNK_QUERIES = [
    "?topic=%00",
    "?topic=" + "x" * 5000,
    "?topic=<script>alert(1)</script>",
    "?topic=no-such-topic",
    "?topic[]=a&topic=b",
    "?page=abc",
    "?page=99999",
    "?page=-1",
    "?page=0",
    "?page=1.5",
    "?page=%00",
    "?topic=spot-the-signs&page=99999",
]


class AdviceIndexTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = AdviceIndexPageFactory(parent=home_page(), slug="advice", introduction="Advice for everyone.")
        cls.signs = AdviceTopicFactory(name="Spot the signs", slug="spot-the-signs")
        cls.safety = AdviceTopicFactory(name="Staying safe", slug="staying-safe")
        cls.labour = AdvicePageFactory(parent=cls.index, title="Labour exploitation", topics=[cls.signs])
        cls.tracks = AdvicePageFactory(parent=cls.index, title="Cover your tracks", topics=[cls.safety])
        cls.both = AdvicePageFactory(parent=cls.index, title="After you leave", topics=[cls.signs, cls.safety])
        cls.draft = AdvicePageFactory(parent=cls.index, title="Draft advice", topics=[cls.signs], live=False)
        cls.private = AdvicePageFactory(parent=cls.index, title="Partners-only advice", topics=[cls.signs])
        make_private(cls.private)

    def listed(self, response):
        return [page.title for page in response.context["advice_pages"]]

    def test_index_renders_its_introduction(self):
        response = self.client.get(self.index.url)

        self.assertContains(response, "Advice for everyone.")

    def test_index_lists_live_public_advice_alphabetically(self):
        response = self.client.get(self.index.url)

        self.assertEqual(self.listed(response), ["After you leave", "Cover your tracks", "Labour exploitation"])
        self.assertContains(response, f'href="{self.labour.url}"')
        self.assertNotContains(response, "Draft advice")
        self.assertNotContains(response, "Partners-only advice")

    def test_topic_filter_lists_only_advice_on_that_topic(self):
        response = self.client.get(self.index.url + "?topic=spot-the-signs")

        self.assertEqual(self.listed(response), ["After you leave", "Labour exploitation"])
        self.assertEqual(response.context["selected_topic"], self.signs)

    def test_index_offers_every_topic_as_a_filter(self):
        response = self.client.get(self.index.url)

        self.assertEqual(response.context["topics"], [self.signs, self.safety])
        self.assertContains(response, "?topic=staying-safe")

    def test_unknown_topic_lists_everything_and_says_so(self):
        response = self.client.get(self.index.url + "?topic=no-such-topic")

        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.context["unknown_topic"])
        self.assertEqual(len(self.listed(response)), 3)

    def test_junk_query_strings_never_cause_a_server_error(self):
        for query in JUNK_QUERIES:
            with self.subTest(query=query[:60]):
                response = self.client.get(self.index.url + query)

                self.assertIn(response.status_code, (200, 404))

    def test_junk_topic_is_never_echoed_unescaped(self):
        response = self.client.get(self.index.url + "?topic=<script>alert(1)</script>")

        self.assertNotContains(response, "<script>alert(1)</script>")


class AdvicePageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        index = AdviceIndexPageFactory(parent=home_page())
        directory = DirectoryIndexPageFactory(parent=home_page())
        cls.service = ServicePageFactory(parent=directory, title="Salvation Army referral")
        cls.closed = ServicePageFactory(parent=directory, title="Withdrawn service", live=False)
        cls.private = ServicePageFactory(parent=directory, title="Partners-only service")
        make_private(cls.private)
        cls.topic = AdviceTopicFactory(name="Spot the signs")
        cls.page = AdvicePageFactory(
            parent=index,
            title="Labour exploitation",
            summary="Signs at work.",
            body=paragraph("Someone else holds their passport."),
            topics=[cls.topic],
            related_services=[
                AdviceRelatedService(service=cls.service),
                AdviceRelatedService(service=cls.closed),
                AdviceRelatedService(service=cls.private),
            ],
        )

    def test_advice_page_renders_its_body(self):
        response = self.client.get(self.page.url)

        self.assertContains(response, "Labour exploitation")
        self.assertContains(response, "Someone else holds their passport.")

    def test_advice_page_names_its_topics(self):
        response = self.client.get(self.page.url)

        self.assertContains(response, "Spot the signs")

    def test_advice_page_links_live_related_services(self):
        response = self.client.get(self.page.url)

        self.assertIn(self.service, response.context["related_services"])
        self.assertContains(response, f'href="{self.service.url}"')

    def test_advice_page_never_links_draft_related_services(self):
        response = self.client.get(self.page.url)

        self.assertNotIn(self.closed, response.context["related_services"])
        self.assertNotContains(response, "Withdrawn service")

    def test_advice_page_never_links_private_related_services(self):
        response = self.client.get(self.page.url)

        self.assertNotIn(self.private, response.context["related_services"])
        self.assertNotContains(response, "Partners-only service")
