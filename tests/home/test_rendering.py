import datetime

from django.template.loader import get_template
from django.test import TestCase

from home.models import HomeFeaturedAdvice
from tests.factories import (
    AdviceIndexPageFactory,
    AdvicePageFactory,
    DirectoryIndexPageFactory,
    DocumentFactory,
    HelplineFactory,
    ImageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    StandardPageFactory,
    choose_navigation,
    home_page,
    make_private,
    paragraph,
)

TEMPLATES = [
    "base.html",
    "404.html",
    "500.html",
    "home/home_page.html",
    "home/standard_page.html",
    "advice/advice_index_page.html",
    "advice/advice_page.html",
    "news/news_index_page.html",
    "news/news_page.html",
    "directory/directory_index_page.html",
    "directory/service_page.html",
    "search/search.html",
]


class TemplateTests(TestCase):
    def test_every_page_type_and_the_error_pages_have_a_template(self):
        for name in TEMPLATES:
            with self.subTest(template=name):
                self.assertEqual(get_template(name).template.name, name)


class HomePageRenderingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        cls.home.introduction = "Modern slavery happens in Norfolk."
        advice_index = AdviceIndexPageFactory(parent=cls.home)
        cls.featured = AdvicePageFactory(parent=advice_index, title="Spot the signs")
        cls.not_featured = AdvicePageFactory(parent=advice_index, title="Cover your tracks")
        news_index = NewsIndexPageFactory(parent=cls.home)
        cls.news = [
            NewsPageFactory(parent=news_index, title=f"Story from day {day}", date=datetime.date(2026, 3, day))
            for day in (1, 2, 3, 4)
        ]
        cls.draft_news = NewsPageFactory(
            parent=news_index, title="Unpublished story", date=datetime.date(2026, 3, 9), live=False
        )
        cls.directory = DirectoryIndexPageFactory(parent=cls.home, title="Find local support")
        cls.home.directory_page = cls.directory
        cls.home.directory_text = "Services near you, in your language."
        cls.home.featured_advice = [HomeFeaturedAdvice(page=cls.featured)]
        cls.home.save()
        choose_navigation(advice=advice_index, news=news_index, directory=cls.directory)
        cls.helpline = HelplineFactory(name="Modern Slavery Helpline", is_featured=True)

    def test_home_page_renders_its_introduction(self):
        response = self.client.get(self.home.url)

        self.assertEqual(self.home.url, "/en/")
        self.assertContains(response, "Modern slavery happens in Norfolk.")

    def test_home_page_shows_featured_advice_only(self):
        response = self.client.get(self.home.url)

        self.assertContains(response, "Spot the signs")
        self.assertContains(response, f'href="{self.featured.url}"')
        self.assertNotContains(response, "Cover your tracks")

    def test_home_page_shows_the_three_newest_news_items_newest_first(self):
        content = self.client.get(self.home.url).content.decode()

        positions = [content.find(f"Story from day {day}") for day in (4, 3, 2)]
        self.assertNotIn(-1, positions)
        self.assertEqual(positions, sorted(positions))
        self.assertNotIn("Story from day 1", content)

    def test_home_page_never_shows_draft_news(self):
        response = self.client.get(self.home.url)

        self.assertNotContains(response, "Unpublished story")

    def test_home_page_links_to_the_directory(self):
        response = self.client.get(self.home.url)

        self.assertContains(response, f'href="{self.directory.url}"')
        self.assertContains(response, "Services near you, in your language.")

    def test_home_page_shows_featured_helplines_as_phone_links(self):
        response = self.client.get(self.home.url)

        self.assertContains(response, "Modern Slavery Helpline")
        self.assertContains(response, 'href="tel:+448000121700"')


class StandardPageRenderingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.page = StandardPageFactory(
            parent=home_page(), title="About the network", body=paragraph("Police, councils and charities.")
        )
        cls.child = StandardPageFactory(parent=cls.page, title="Our partners")
        cls.draft_child = StandardPageFactory(parent=cls.page, title="Draft partners page", live=False)
        cls.private_child = StandardPageFactory(parent=cls.page, title="Partners only")
        make_private(cls.private_child)
        cls.featured_helpline = HelplineFactory(name="Featured helpline", is_featured=True)
        cls.other_helpline = HelplineFactory(name="Other helpline", number="0800 555 111")

    def test_standard_page_renders_its_title_and_body(self):
        response = self.client.get(self.page.url)

        self.assertContains(response, "About the network")
        self.assertContains(response, "Police, councils and charities.")

    def test_standard_page_links_to_its_live_public_children(self):
        response = self.client.get(self.page.url)

        self.assertContains(response, f'href="{self.child.url}"')
        self.assertNotContains(response, "Draft partners page")
        self.assertNotContains(response, "Partners only")

    def test_every_page_shows_featured_helplines_only(self):
        response = self.client.get(self.page.url)

        self.assertContains(response, "Featured helpline")
        self.assertNotContains(response, "Other helpline")

    def test_draft_page_is_not_served(self):
        response = self.client.get("/en/about-the-network/draft-partners-page/")

        self.assertEqual(response.status_code, 404)

    def test_private_page_asks_for_its_password(self):
        response = self.client.get(self.private_child.url)

        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "Body of Partners only.")


class BodyBlockRenderingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        helpline = HelplineFactory(name="Crimestoppers", number="0800 555 111")
        cls.document = DocumentFactory(title="Spot the signs leaflet")
        body = [
            ("heading", {"text": "What to do if you are worried", "level": "h2"}),
            ("text", "<p>Modern slavery is when someone is forced to work.</p>"),
            ("image", {"image": ImageFactory(), "alt_text": "A field at dawn", "caption": "Harvest time"}),
            ("callout", {"style": "urgent", "title": "In danger now?", "text": "<p>Call 999.</p>"}),
            ("helpline", {"helpline": helpline}),
            (
                "faq",
                {
                    "title": "Common questions",
                    "items": [{"question": "Will I be deported?", "answer": "<p>Helplines are confidential.</p>"}],
                },
            ),
            ("signs", {"title": "Signs of labour exploitation", "signs": ["Someone else holds their passport"]}),
            ("document", {"document": cls.document, "title": "", "description": "A printable leaflet."}),
            ("quote", {"quote": "Now I have a safe place to live.", "attribution": "A survivor"}),
        ]
        cls.page = StandardPageFactory(parent=home_page(), title="Every block", body=body)

    def test_every_body_block_renders_its_content(self):
        response = self.client.get(self.page.url)

        for text in (
            "What to do if you are worried",
            "Modern slavery is when someone is forced to work.",
            'alt="A field at dawn"',
            "Harvest time",
            "In danger now?",
            "Call 999.",
            'href="tel:+44800555111"',
            "Will I be deported?",
            "Helplines are confidential.",
            "Someone else holds their passport",
            "Spot the signs leaflet",
            f'href="{self.document.url}"',
            "Now I have a safe place to live.",
            "A survivor",
        ):
            with self.subTest(text=text):
                self.assertContains(response, text)


class NotFoundTests(TestCase):
    def test_unknown_path_under_a_language_is_a_404(self):
        response = self.client.get("/en/no-such-page/")

        self.assertEqual(response.status_code, 404)
        self.assertTemplateUsed(response, "404.html")

    def test_unknown_nested_path_is_a_404(self):
        response = self.client.get("/en/no/such/page/")

        self.assertEqual(response.status_code, 404)

    def test_unknown_language_prefix_is_a_404(self):
        response = self.client.get("/xx/")

        self.assertEqual(response.status_code, 404)
