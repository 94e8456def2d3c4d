import datetime

from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from advice.models import AdviceIndexPage, AdvicePage, AdviceTopic
from tests.factories import AdviceIndexPageFactory, AdvicePageFactory, AdviceTopicFactory, home_page
from tests.utils import AdminTestCase, second_home_page


class AdviceAdminViewTests(AdminTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.index = AdviceIndexPageFactory(parent=home_page())
        cls.topic = AdviceTopicFactory(name="Spot the signs")
        cls.advice = AdvicePageFactory(parent=cls.index, topics=[cls.topic])

    def test_advice_index_add_view_loads(self):
        response = self.client.get(self.add_url(AdviceIndexPage, second_home_page()))

        self.assertEqual(response.status_code, 200)

    def test_advice_index_edit_view_loads(self):
        response = self.client.get(self.edit_url(self.index))

        self.assertEqual(response.status_code, 200)

    def test_advice_page_add_view_loads(self):
        response = self.client.get(self.add_url(AdvicePage, self.index))

        self.assertEqual(response.status_code, 200)

    def test_advice_page_edit_view_loads(self):
        response = self.client.get(self.edit_url(self.advice))

        self.assertEqual(response.status_code, 200)

    def test_advice_topic_add_view_loads(self):
        response = self.client.get(self.snippet_add_url(AdviceTopic))

        self.assertEqual(response.status_code, 200)

    def test_advice_topic_edit_view_loads(self):
        response = self.client.get(self.snippet_edit_url(self.topic))

        self.assertEqual(response.status_code, 200)

    def test_advice_page_form_offers_only_english_topics(self):
        polish = self.topic.copy_for_translation(Locale.objects.get(language_code="pl"))
        polish.name = "Rozpoznaj sygnały"
        polish.save()

        response = self.client.get(self.add_url(AdvicePage, self.index))

        self.assertEqual(list(response.context["form"].fields["topics"].queryset), [self.topic])


class AdviceAdminCreateTests(AdminTestCase):
    def test_advice_page_published_from_the_add_form_is_served_at_its_url(self):
        index = AdviceIndexPageFactory(parent=home_page(), slug="advice")
        topic = AdviceTopicFactory(name="Spot the signs")
        data = nested_form_data(
            {
                "title": "Signs of labour exploitation",
                "slug": "labour-exploitation",
                "summary": "What to look for at work.",
                "audience": "public",
                "body": streamfield([("text", rich_text("<p>Someone else holds their passport.</p>"))]),
                "last_reviewed": "2026-01-15",
                "related_services": inline_formset([]),
            }
        )
        data["topics"] = [str(topic.pk)]

        page = self.create_through_admin(AdvicePage, index, data)

        self.assertTrue(page.live)
        self.assertEqual(list(page.topics.all()), [topic])
        self.assertEqual(page.last_reviewed, datetime.date(2026, 1, 15))
        response = self.client.get(page.url)
        self.assertContains(response, "Someone else holds their passport.")
