"""?search= on pages, within a locale."""

from tests.api.content import APITestCase


class SearchTests(APITestCase):
    def test_search_finds_pages_by_title(self):
        self.assertEqual(self.ids("/pages/", search="labour exploitation", locale="en"), [self.s.advice.pk])

    def test_search_stays_within_the_requested_locale(self):
        self.assertEqual(self.ids("/pages/", search="wyzysku", locale="pl"), [self.s.advice_pl.pk])
        self.assertEqual(self.ids("/pages/", search="wyzysku", locale="en"), [])
        self.assertEqual(self.ids("/pages/", search="Pomoc", locale="pl"), [self.s.legal_service_pl.pk])

    def test_search_within_a_page_type(self):
        self.assertEqual(
            self.ids("/pages/", search="immigration", type="directory.ServicePage", locale="en"),
            [self.s.legal_service.pk],
        )

    def test_search_with_or_operator(self):
        ids = self.ids("/pages/", search="immigration meeting", search_operator="or", locale="en")
        self.assertEqual(set(ids), {self.s.legal_service.pk, self.s.news.pk})
        self.assertEqual(self.ids("/pages/", search="immigration meeting", locale="en"), [])

    def test_search_with_an_order(self):
        ids = self.ids("/pages/", search="legal", order="title", locale="en", search_operator="or")
        self.assertEqual(ids, [self.s.breckland_legal_service.pk, self.s.legal_service.pk])

    def test_search_ordered_by_an_unindexed_field_is_a_400(self):
        self.get("/pages/", expect=400, search="legal", order="summary", type="directory.ServicePage")

    def test_bad_search_operator_is_a_400(self):
        self.get("/pages/", expect=400, search="legal", search_operator="xor")

    def test_awkward_queries_never_fail(self):
        for query in [
            "",
            " ",
            '"',
            "'",
            "*",
            "-",
            "(",
            ")",
            "&&||",
            "AND",
            "OR NOT",
            "%",
            "_",
            "\\",
            ":",
            "~1",
            "a" * 500,
            "ż",
        ]:
            with self.subTest(query=query):
                self.get("/pages/", search=query)
