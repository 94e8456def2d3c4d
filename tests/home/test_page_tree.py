from wagtail.models import Page, get_page_models
from wagtail.test.utils import WagtailPageTestCase

from advice.models import AdviceIndexPage, AdvicePage
from directory.models import DirectoryIndexPage, ServicePage
from home.models import HomePage, StandardPage
from materials.models import MaterialsIndexPage
from news.models import NewsIndexPage, NewsPage
from reports.models import ReportPage
from tests.factories import StandardPageFactory, home_page


class HomePageTreeTests(WagtailPageTestCase):
    def test_home_page_lives_only_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_only_home_pages_can_be_created_at_the_root(self):
        # The plain Page model is "allowed" everywhere but not creatable by editors.
        self.assertEqual(set(Page.creatable_subpage_models()), {HomePage})

    def test_home_page_holds_the_sections_and_standard_pages(self):
        # Each section says it lives under a home page (parent_page_types); the home page names none.
        self.assertEqual(
            set(HomePage.creatable_subpage_models()),
            {AdviceIndexPage, NewsIndexPage, DirectoryIndexPage, ReportPage, MaterialsIndexPage, StandardPage},
        )

    def test_every_page_type_says_where_it_lives(self):
        # Else it could be created anywhere, under a home page too.
        for model in get_page_models():
            if model.is_creatable:
                with self.subTest(model=model.__name__):
                    self.assertIsNotNone(model.parent_page_types)

    def test_home_page_cannot_hold_leaf_content_directly(self):
        for model in (AdvicePage, NewsPage, ServicePage, HomePage):
            with self.subTest(model=model.__name__):
                self.assertCanNotCreateAt(HomePage, model)


class StandardPageTreeTests(WagtailPageTestCase):
    def test_standard_page_lives_under_the_home_page_or_another_standard_page(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})

    def test_standard_page_holds_only_standard_pages(self):
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_standard_pages_can_nest(self):
        parent = StandardPageFactory(parent=home_page())

        self.assertTrue(StandardPage.can_create_at(parent))

    def test_many_standard_pages_can_share_a_parent(self):
        home = home_page()
        StandardPageFactory(parent=home)

        self.assertTrue(StandardPage.can_create_at(home))
