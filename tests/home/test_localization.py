from django.test import TestCase
from wagtail.models import Locale

from home.localization import localize_objects, localize_pages
from tests.factories import (
    AreaFactory,
    DirectoryIndexPageFactory,
    HelplineFactory,
    ServiceCategoryFactory,
    ServicePageFactory,
    StandardPageFactory,
    home_page,
    translate_page,
    translate_snippet,
)


class LocalizeObjectsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.polish = Locale.objects.get(language_code="pl")
        cls.translated = HelplineFactory(name="Modern Slavery Helpline", sort_order=1)
        cls.untranslated = HelplineFactory(name="Crimestoppers", sort_order=2)
        cls.polish_translation = translate_snippet(
            cls.translated, "pl", name="Infolinia ds. współczesnego niewolnictwa"
        )

    def test_polish_translation_replaces_the_english_snippet(self):
        (helpline,) = localize_objects([self.translated], self.polish)

        self.assertEqual(helpline, self.polish_translation)
        self.assertEqual(helpline.name, "Infolinia ds. współczesnego niewolnictwa")

    def test_missing_translation_falls_back_to_the_english_snippet(self):
        (helpline,) = localize_objects([self.untranslated], self.polish)

        self.assertEqual(helpline, self.untranslated)

    def test_order_of_the_list_is_kept(self):
        helplines = localize_objects([self.untranslated, self.translated], self.polish)

        self.assertEqual(helplines, [self.untranslated, self.polish_translation])

    def test_english_locale_returns_the_english_snippets(self):
        helplines = localize_objects([self.translated, self.untranslated], Locale.get_default())

        self.assertEqual(helplines, [self.translated, self.untranslated])

    def test_a_list_is_localised_in_one_query(self):
        helplines = [self.translated, self.untranslated]

        with self.assertNumQueries(1):
            localize_objects(helplines, self.polish)

    def test_empty_list_runs_no_query(self):
        with self.assertNumQueries(0):
            self.assertEqual(localize_objects([], self.polish), [])


class LocalizePagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.polish = Locale.objects.get(language_code="pl")
        home = home_page()
        cls.polish_home = translate_page(home, "pl", title="Strona główna")
        cls.translated = StandardPageFactory(parent=home, title="About us")
        cls.polish_page = translate_page(cls.translated, "pl", title="O nas")
        cls.untranslated = StandardPageFactory(parent=home, title="Contact")
        cls.draft_source = StandardPageFactory(parent=home, title="Partners")
        cls.draft_translation = cls.draft_source.copy_for_translation(cls.polish)

    def test_live_polish_translation_replaces_the_english_page(self):
        (page,) = localize_pages([self.translated], self.polish)

        self.assertEqual(page.pk, self.polish_page.pk)
        self.assertEqual(page.title, "O nas")

    def test_missing_translation_falls_back_to_the_english_page(self):
        (page,) = localize_pages([self.untranslated], self.polish)

        self.assertEqual(page.pk, self.untranslated.pk)

    def test_draft_translation_falls_back_to_the_english_page(self):
        (page,) = localize_pages([self.draft_source], self.polish)

        self.assertEqual(page.pk, self.draft_source.pk)


class LocalisedRenderingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = home_page()
        translate_page(home, "pl", title="Strona główna")
        directory = DirectoryIndexPageFactory(parent=home, slug="find-support")
        cls.polish_directory = translate_page(directory, "pl", title="Znajdź pomoc")
        category = ServiceCategoryFactory(name="Legal advice", slug="legal-advice")
        translate_snippet(category, "pl", name="Porady prawne")
        area = AreaFactory(name="Norwich", slug="norwich")  # not translated
        service = ServicePageFactory(parent=directory, title="Legal clinic", categories=[category], areas=[area])
        cls.english_service = service
        cls.polish_service = translate_page(service, "pl", title="Poradnia prawna")
        helpline = HelplineFactory(name="Modern Slavery Helpline", is_featured=True)
        translate_snippet(helpline, "pl", name="Infolinia ds. niewolnictwa")

    def test_polish_service_page_shows_the_polish_category_name(self):
        response = self.client.get(self.polish_service.url)

        self.assertEqual(self.polish_service.url, "/pl/find-support/legal-clinic/")
        self.assertContains(response, "Poradnia prawna")
        self.assertContains(response, "Porady prawne")
        self.assertNotContains(response, "Legal advice")

    def test_polish_service_page_falls_back_to_the_english_area_name(self):
        response = self.client.get(self.polish_service.url)

        self.assertContains(response, "Norwich")

    def test_english_service_page_keeps_the_english_category_name(self):
        response = self.client.get(self.english_service.url)

        self.assertContains(response, "Legal advice")
        self.assertNotContains(response, "Porady prawne")

    def test_polish_directory_filters_by_the_shared_slug_and_shows_polish_names(self):
        response = self.client.get(self.polish_directory.url + "?category=legal-advice")

        self.assertEqual([service.title for service in response.context["services"]], ["Poradnia prawna"])
        self.assertContains(response, "Porady prawne")

    def test_polish_pages_show_the_polish_featured_helpline(self):
        response = self.client.get(self.polish_directory.url)

        self.assertContains(response, "Infolinia ds. niewolnictwa")
        self.assertNotContains(response, "Modern Slavery Helpline")
