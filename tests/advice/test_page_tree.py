from wagtail.test.utils import WagtailPageTestCase

from advice.models import AdviceIndexPage, AdvicePage
from home.models import HomePage
from tests.factories import AdviceIndexPageFactory, AdvicePageFactory, home_page


class AdviceTreeTests(WagtailPageTestCase):
    def test_advice_index_lives_only_under_the_home_page(self):
        self.assertAllowedParentPageTypes(AdviceIndexPage, {HomePage})

    def test_advice_index_holds_only_advice_pages(self):
        self.assertAllowedSubpageTypes(AdviceIndexPage, {AdvicePage})

    def test_advice_page_lives_only_under_the_advice_index(self):
        self.assertAllowedParentPageTypes(AdvicePage, {AdviceIndexPage})

    def test_advice_page_is_a_leaf(self):
        self.assertAllowedSubpageTypes(AdvicePage, set())

    def test_a_home_page_has_at_most_one_advice_index(self):
        home = home_page()
        self.assertTrue(AdviceIndexPage.can_create_at(home))

        AdviceIndexPageFactory(parent=home)

        self.assertFalse(AdviceIndexPage.can_create_at(home))

    def test_an_advice_index_holds_many_advice_pages(self):
        index = AdviceIndexPageFactory(parent=home_page())
        AdvicePageFactory(parent=index)

        self.assertTrue(AdvicePage.can_create_at(index))
