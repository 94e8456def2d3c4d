"""The search backend: chosen from the environment, per-language on PostgreSQL, the same words on SQLite."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test import SimpleTestCase, TestCase
from wagtail.models import Locale, Page

from nasn.settings.base import search_backend_settings
from search import spelling
from search.backend import ALL_CONFIGS, LanguageQuery, config_for_language
from search.text import clean_query
from tests.factories import (
    AdviceIndexPageFactory,
    AdvicePageFactory,
    DirectoryIndexPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ServicePageFactory,
    StandardPageFactory,
    home_page,
    make_private,
    paragraph,
    translate_page,
)
from tests.utils import count_queries


class BackendSettingsTests(SimpleTestCase):
    def test_the_database_backend_by_default(self):
        self.assertEqual(search_backend_settings({}), {"BACKEND": "search.backend"})
        self.assertEqual(settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"], "search.backend")

    def test_elasticsearch_or_opensearch_from_the_environment(self):
        backend = search_backend_settings(
            {"SEARCH_BACKEND": "opensearch2", "SEARCH_URLS": "https://a:9200, https://b:9200", "SEARCH_INDEX": "x"}
        )

        self.assertEqual(backend["BACKEND"], "wagtail.search.backends.opensearch2")
        self.assertEqual(backend["URLS"], ["https://a:9200", "https://b:9200"])
        self.assertEqual(backend["INDEX"], "x")

    def test_a_search_server_needs_its_address(self):
        with self.assertRaises(ImproperlyConfigured):
            search_backend_settings({"SEARCH_BACKEND": "elasticsearch8"})

    def test_an_unknown_backend_is_refused(self):
        with self.assertRaises(ImproperlyConfigured):
            search_backend_settings({"SEARCH_BACKEND": "solr"})

    def test_languages_postgresql_cannot_stem_use_the_simple_configuration(self):
        self.assertEqual(config_for_language("en"), "nasn_english")
        self.assertEqual(config_for_language("ro"), "nasn_romanian")
        for code in ("pl", "lv", "bg", "sq", "vi", "ti", "so", "fa", "uk", None):
            with self.subTest(language=code):
                self.assertEqual(config_for_language(code), "nasn_simple")

    def test_a_query_is_at_most_twelve_plain_words(self):
        self.assertEqual(clean_query('  (help)  with -my- "passport" '), "help with my passport")
        self.assertEqual(len(clean_query("word " * 100).split()), 12)


class LanguageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = home_page()
        index = AdviceIndexPageFactory(parent=home)
        cls.english = AdvicePageFactory(parent=index, title="Exploitation at work", body=paragraph("Forced labour."))
        for code, title in [("pl", "Strona"), ("vi", "Trang chủ")]:
            translate_page(home, code, title=title)
            translate_page(index, code, title=title)
        cls.polish = translate_page(cls.english, "pl", title="Praca sezonowa", body=paragraph("Wyzysk w pracy."))
        cls.vietnamese = translate_page(cls.english, "vi", title="Thuê nhà", body=paragraph("Nhà ở."))

    def found(self, query, language):
        response = self.client.get(f"/{language}/search/", {"q": query})
        return [page.pk for page in response.context["search_results"]]

    def test_accents_are_folded_on_every_database(self):
        self.assertEqual(self.found("thue nha", "vi"), [self.vietnamese.pk])
        self.assertEqual(self.found("PRĄCA", "pl"), [self.polish.pk])

    def test_a_query_without_a_language_finds_pages_in_every_language(self):
        # Wagtail's admin and the API's ?search= pass plain strings.
        for query, page in [("exploitation", self.english), ("wyzysk", self.polish), ("thuê", self.vietnamese)]:
            with self.subTest(query=query):
                self.assertIn(page.pk, [result.pk for result in Page.objects.live().search(query)])

    def test_english_is_stemmed_on_postgresql(self):
        if connection.vendor != "postgresql":
            self.skipTest("SQLite's FTS5 has no stemmer")
        pages = Page.objects.live().filter(locale=Locale.objects.get(language_code="en"))

        self.assertEqual([page.pk for page in pages.search(LanguageQuery("exploited", "en"))], [self.english.pk])
        self.assertEqual([page.pk for page in pages.search("exploited")], [self.english.pk])

    def test_the_text_search_configurations_exist_on_postgresql(self):
        if connection.vendor != "postgresql":
            self.skipTest("PostgreSQL text-search configurations")
        with connection.cursor() as cursor:
            cursor.execute("SELECT cfgname FROM pg_ts_config WHERE cfgname LIKE 'nasn_%%'")
            self.assertEqual({row[0] for row in cursor.fetchall()}, set(ALL_CONFIGS))


class SpellingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        index = AdviceIndexPageFactory(parent=home_page())
        AdvicePageFactory(parent=index, title="Accommodation and passports", body=paragraph("Emergency housing."))
        AdvicePageFactory(parent=index, title="Confidential draft", body=paragraph("Whistleblowing."), live=False)
        private = AdvicePageFactory(parent=index, title="Internal", body=paragraph("Safehouse addresses."))
        make_private(private)
        cls.locale = Locale.objects.get(language_code="en")

    def test_respells_typos_and_unfinished_words(self):
        for typed, meant in [
            ("pasports", "passports"),
            ("acommodation", "accommodation"),
            ("accomod", "accommodation"),
            ("emergncy housing", "emergency housing"),
            ("houisng", "housing"),
            ("hous", "housing"),
        ]:
            with self.subTest(typed=typed):
                self.assertEqual(spelling.correct(typed, self.locale), meant)

    def test_leaves_known_short_and_unlike_words_alone(self):
        for typed in ("housing", "hou", "2024", "zzyzzx", "ausing"):
            with self.subTest(typed=typed):
                self.assertIsNone(spelling.correct(typed, self.locale))

    def test_never_suggests_words_of_drafts_or_private_pages(self):
        self.assertIsNone(spelling.correct("whistleblowin", self.locale))
        self.assertIsNone(spelling.correct("safehous", self.locale))

    def test_a_new_page_s_words_are_known_at_once(self):
        spelling.vocabulary(self.locale)  # cached
        AdvicePageFactory(parent=Page.objects.get(slug="advice"), title="Payslips")

        self.assertEqual(spelling.correct("payslps", self.locale), "payslips")


class QueryCountTests(TestCase):
    """A results page runs the same number of queries however many results it shows (STYLE habit 7)."""

    @classmethod
    def setUpTestData(cls):
        home = home_page()
        translate_page(home, "pl", title="Strona główna")
        cls.parents = {
            "advice": AdviceIndexPageFactory(parent=home),
            "news": NewsIndexPageFactory(parent=home),
            "service": DirectoryIndexPageFactory(parent=home),
        }
        cls.home = home

    def add_results(self, count):
        for _ in range(count):
            AdvicePageFactory(parent=self.parents["advice"], summary="Help with wages.")
            NewsPageFactory(parent=self.parents["news"], summary="Help with wages.")
            ServicePageFactory(parent=self.parents["service"], summary="Help with wages.", phone="01603 000000")
            StandardPageFactory(parent=self.home, summary="Help with wages.")

    def test_the_same_queries_for_4_and_12_results(self):
        self.add_results(1)
        with_4 = count_queries(self.client, "/en/search/?q=wages")

        self.add_results(2)
        with_12 = count_queries(self.client, "/en/search/?q=wages")

        self.assertEqual(with_4, with_12)

    def test_the_same_queries_for_4_and_12_english_results_after_none_in_polish(self):
        self.add_results(1)
        with_4 = count_queries(self.client, "/pl/search/?q=wages")

        self.add_results(2)
        with_12 = count_queries(self.client, "/pl/search/?q=wages")

        self.assertEqual(with_4, with_12)
