"""/<language>/search/?q=…: live, public pages of the visitor's locale, with what each result needs."""

from django.test import TestCase

from search.text import MAX_QUERY_LENGTH
from tests.factories import (
    AdviceIndexPageFactory,
    AdvicePageFactory,
    AreaFactory,
    DirectoryIndexPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ServiceCategoryFactory,
    ServicePageFactory,
    StandardPageFactory,
    home_page,
    make_private,
    paragraph,
    translate_page,
    translate_snippet,
)

SEARCH_URL = "/en/search/"

AWKWARD_QUERIES = [
    "!!!",
    "...",
    '"',
    "'",
    "*",
    "-",
    "(",
    ")",
    "&&||",
    "AND",
    "OR NOT",
    "NEAR(a b)",
    "%",
    "_",
    "\\",
    ":",
    "^",
    "~",
    "😀",
    "ትግርኛ",
    "\u202e",
    "labour' OR '1'='1",
    "labour'; DROP TABLE wagtailcore_page; --",
    "1 UNION SELECT password FROM auth_user",
    "labour:* & !x",
    '"labour',
    "title:labour",
]


class SearchResultsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = home_page()
        translate_page(home, "pl", title="Strona główna")
        index = AdviceIndexPageFactory(parent=home)
        cls.live = AdvicePageFactory(
            parent=index, title="Signs of labour exploitation", summary="How to tell someone is forced to work."
        )
        cls.draft = AdvicePageFactory(parent=index, title="Draft about exploitation", live=False)
        cls.private = AdvicePageFactory(parent=index, title="Private exploitation notes")
        make_private(cls.private)
        cls.other = StandardPageFactory(parent=home, title="About the network", body=paragraph("Who we are."))
        translate_page(index, "pl", title="Porady")
        cls.polish = translate_page(cls.live, "pl", title="Wyzysk pracowniczy")
        news_index = NewsIndexPageFactory(parent=home)
        cls.news = NewsPageFactory(parent=news_index, title="Network news", summary="A new partner.")
        directory = DirectoryIndexPageFactory(parent=home)
        cls.norwich = AreaFactory(name="Norwich", slug="norwich")
        cls.breckland = AreaFactory(name="Breckland", slug="breckland")
        translate_snippet(cls.norwich, "pl", name="Norwich (PL)")
        cls.service = ServicePageFactory(
            parent=directory,
            title="Legal advice clinic",
            summary="Free advice about your rights at work.",
            phone="01603 123456",
            categories=[ServiceCategoryFactory()],
            areas=[cls.norwich, cls.breckland],
        )
        translate_page(directory, "pl", title="Usługi")
        translate_page(cls.service, "pl", title="Porady prawne", summary="Bezpłatne porady.")

    def results(self, query, url=SEARCH_URL, **params):
        response = self.client.get(url, {"q": query, **params})
        self.assertEqual(response.status_code, 200)
        if "search_results" not in response.context:
            return []
        return [page.pk for page in response.context["search_results"]]

    def test_finds_a_live_page_by_a_word_of_its_title(self):
        self.assertEqual(self.results("labour"), [self.live.pk])

    def test_a_result_shows_its_type_title_summary_and_link(self):
        response = self.client.get(SEARCH_URL, {"q": "labour"})

        self.assertContains(response, '<p class="search-result__kind">Advice</p>', html=True)
        self.assertContains(response, f'<a href="{self.live.url}">Signs of labour exploitation</a>', html=True)
        self.assertContains(response, "How to tell someone is forced to work.")

    def test_a_standard_page_is_labelled_information(self):
        response = self.client.get(SEARCH_URL, {"q": "network"})

        self.assertContains(response, '<p class="search-result__kind">Information</p>', html=True)
        self.assertContains(response, '<p class="search-result__kind">News</p>', html=True)

    def test_a_service_shows_its_phone_number_and_areas(self):
        response = self.client.get(SEARCH_URL, {"q": "legal"})

        self.assertContains(
            response, '<a href="tel:+441603123456"><bdi dir="ltr" class="ltr">01603 123456</bdi></a>', html=True
        )
        self.assertContains(response, "<dd>Breckland and Norwich</dd>", html=True)

    def test_a_service_shows_its_areas_in_the_visitors_language(self):
        response = self.client.get("/pl/search/", {"q": "prawne"})

        self.assertContains(response, "<dd>Breckland i Norwich (PL)</dd>", html=True)

    def test_never_finds_drafts(self):
        self.assertNotIn(self.draft.pk, self.results("exploitation"))

    def test_never_finds_private_pages(self):
        self.assertNotIn(self.private.pk, self.results("exploitation"))

    def test_finds_only_pages_of_the_active_locale(self):
        self.assertEqual(self.results("Wyzysk"), [])
        self.assertEqual(self.results("Wyzysk", url="/pl/search/"), [self.polish.pk])

    def test_finds_nothing_for_an_unknown_word(self):
        response = self.client.get(SEARCH_URL, {"q": "zzyzzx"})

        self.assertEqual(list(response.context["search_results"]), [])
        self.assertContains(response, "Nothing found.")

    def test_empty_query_shows_the_search_page_without_results(self):
        self.assertEqual(self.results(""), [])

    def test_blank_query_shows_the_search_page_without_results(self):
        self.assertEqual(self.results("   "), [])

    def test_missing_query_shows_the_search_page(self):
        response = self.client.get(SEARCH_URL)

        self.assertEqual(response.status_code, 200)
        self.assertNotIn("search_results", response.context)

    def test_long_query_is_cut_short(self):
        query = "labour " + "x" * 400  # within the limit of home.guards, beyond what is searched
        response = self.client.get(SEARCH_URL, {"q": query})

        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["search_query"], query[:MAX_QUERY_LENGTH])

    def test_a_query_of_many_words_is_harmless(self):
        self.assertEqual(self.results("labour " * 70), [self.live.pk])

    def test_punctuation_operator_and_injection_queries_are_harmless(self):
        for query in AWKWARD_QUERIES:
            with self.subTest(query=query):
                response = self.client.get(SEARCH_URL, {"q": query})

                self.assertEqual(response.status_code, 200)

    def test_a_quoted_or_bracketed_word_is_still_found(self):
        for query in ['"labour"', "(labour)", "labour!", "¿labour?", "labour' OR '1'='1"]:
            with self.subTest(query=query):
                self.assertIn(self.live.pk, self.results(query))

    def test_null_byte_in_query_is_harmless(self):
        for query in ("labour%00", "%00", "labour%00%00wages"):
            with self.subTest(query=query):
                response = self.client.get(f"{SEARCH_URL}?q={query}")

                self.assertEqual(response.status_code, 200)
                self.assertNotIn("\x00", response.context["search_query"])

    def test_script_in_query_is_shown_escaped(self):
        response = self.client.get(SEARCH_URL, {"q": "<script>alert(1)</script>"})

        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "<script>alert(1)</script>")
        self.assertContains(response, "&lt;script&gt;alert(1)&lt;/script&gt;")

    def test_html_in_a_query_is_escaped_in_the_search_box_too(self):
        response = self.client.get(SEARCH_URL, {"q": '"><img src=x onerror=alert(1)>'})

        self.assertNotContains(response, "<img src=x")
        self.assertContains(response, 'value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"')

    def test_junk_page_numbers_are_harmless(self):
        for page in ("abc", "99999", "-1", "0", "%00", "1e9", "9" * 50):
            with self.subTest(page=page):
                response = self.client.get(SEARCH_URL, {"q": "exploitation", "page": page})

                self.assertIn(response.status_code, (200, 404))

    def test_unknown_language_prefix_is_a_404(self):
        for url in ("/xx/search/", "/zz/search/suggest/"):
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url, {"q": "labour"}).status_code, 404)

    def test_every_content_language_has_a_search_page(self):
        for code in ("pl", "lt", "ro", "pt", "lv", "bg", "sq", "vi", "ti", "ar", "so", "fa", "uk", "ru"):
            with self.subTest(language=code):
                self.assertEqual(self.client.get(f"/{code}/search/", {"q": "labour"}).status_code, 200)

    def test_only_get_and_head_are_allowed(self):
        self.assertEqual(self.client.post(SEARCH_URL, {"q": "labour"}).status_code, 405)


class PaginationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        index = AdviceIndexPageFactory(parent=home_page())
        cls.pages = [AdvicePageFactory(parent=index, title=f"Rights at work {n}") for n in range(13)]

    def test_results_are_paginated_ten_to_a_page(self):
        first = self.client.get(SEARCH_URL, {"q": "rights"}).context["search_results"]
        second = self.client.get(SEARCH_URL, {"q": "rights", "page": 2}).context["search_results"]

        self.assertEqual(len(first.object_list), 10)
        self.assertEqual(len(second.object_list), 3)
        self.assertEqual({page.pk for page in [*first, *second]}, {page.pk for page in self.pages})

    def test_the_page_links_keep_the_query(self):
        response = self.client.get(SEARCH_URL, {"q": "rights"})

        self.assertContains(response, 'href="?q=rights&amp;page=2"')

    def test_a_page_number_past_the_end_shows_the_last_page(self):
        response = self.client.get(SEARCH_URL, {"q": "rights", "page": 99})

        self.assertEqual(response.context["search_results"].number, 2)
