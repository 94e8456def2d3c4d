from wagtail.test.utils import WagtailPageTestCase

from directory.models import DirectoryIndexPage, ServicePage
from home.models import HomePage
from tests.factories import DirectoryIndexPageFactory, ServicePageFactory, home_page


class DirectoryTreeTests(WagtailPageTestCase):
    def test_directory_index_lives_only_under_the_home_page(self):
        self.assertAllowedParentPageTypes(DirectoryIndexPage, {HomePage})

    def test_directory_index_holds_only_services(self):
        self.assertAllowedSubpageTypes(DirectoryIndexPage, {ServicePage})

    def test_service_lives_only_under_the_directory_index(self):
        self.assertAllowedParentPageTypes(ServicePage, {DirectoryIndexPage})

    def test_service_is_a_leaf(self):
        self.assertAllowedSubpageTypes(ServicePage, set())

    def test_a_home_page_has_at_most_one_directory_index(self):
        home = home_page()
        self.assertTrue(DirectoryIndexPage.can_create_at(home))

        DirectoryIndexPageFactory(parent=home)

        self.assertFalse(DirectoryIndexPage.can_create_at(home))

    def test_a_directory_index_holds_many_services(self):
        index = DirectoryIndexPageFactory(parent=home_page())
        ServicePageFactory(parent=index)

        self.assertTrue(ServicePage.can_create_at(index))
