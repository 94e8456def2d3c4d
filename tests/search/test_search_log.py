"""Every search is counted per day, language and query, with nothing that identifies the visitor."""

import datetime
from io import StringIO

from django.core.management import CommandError, call_command
from django.test import TestCase, override_settings
from django.utils import timezone
from wagtail.models import Locale

from search.models import SearchLog
from search.text import query_for_log
from tests.factories import AdviceIndexPageFactory, AdvicePageFactory, home_page, translate_page

VISITOR = {
    "REMOTE_ADDR": "203.0.113.77",
    "HTTP_USER_AGENT": "Mozilla/5.0 (Visitor's phone) Secret/1.0",
    "HTTP_X_FORWARDED_FOR": "198.51.100.23",
    "HTTP_REFERER": "https://example.org/where-i-came-from",
    "HTTP_COOKIE": "sessionid=visitor-cookie",
}


class SearchLogTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = home_page()
        translate_page(home, "pl", title="Strona główna")
        index = AdviceIndexPageFactory(parent=home)
        cls.wages = AdvicePageFactory(parent=index, title="Unpaid wages")
        cls.english = Locale.objects.get(language_code="en")
        cls.polish = Locale.objects.get(language_code="pl")

    def search(self, query, language="en", **params):
        response = self.client.get(f"/{language}/search/", {"q": query, **params}, **VISITOR)
        self.assertEqual(response.status_code, 200)
        return response

    def logged(self):
        return list(
            SearchLog.objects.order_by("locale__language_code", "query").values_list(
                "date", "locale__language_code", "query", "searches", "empty_searches", "english_only_searches"
            )
        )

    def test_a_search_is_counted_for_today_its_language_and_query(self):
        self.search("Unpaid  WAGES?")

        self.assertEqual(self.logged(), [(timezone.localdate(), "en", "unpaid wages", 1, 0, 0)])

    def test_the_same_search_again_adds_to_the_count(self):
        self.search("wages")
        self.search("Wages")
        self.search("zzyzzx")

        self.assertEqual(
            self.logged(),
            [(timezone.localdate(), "en", "wages", 2, 0, 0), (timezone.localdate(), "en", "zzyzzx", 1, 1, 0)],
        )

    def test_a_search_answered_only_in_english_is_counted_as_such(self):
        self.search("wages", language="pl")
        self.search("zzyzzx", language="pl")

        self.assertEqual(
            self.logged(),
            [(timezone.localdate(), "pl", "wages", 1, 1, 1), (timezone.localdate(), "pl", "zzyzzx", 1, 1, 0)],
        )

    def test_nothing_that_identifies_the_visitor_is_stored(self):
        self.search("wages")

        self.assertEqual(
            {field.name for field in SearchLog._meta.get_fields()},
            {"id", "date", "locale", "query", "searches", "empty_searches", "english_only_searches"},
        )
        stored = " ".join(str(value) for row in SearchLog.objects.values_list() for value in row)
        for secret in ("203.0.113", "198.51.100", "Mozilla", "Secret", "visitor-cookie", "example.org"):
            self.assertNotIn(secret, stored)

    def test_the_log_keeps_days_not_times(self):
        self.assertEqual(SearchLog._meta.get_field("date").get_internal_type(), "DateField")

    def test_searching_sets_no_cookie(self):
        self.assertEqual(self.search("wages").cookies, {})

    def test_personal_details_in_a_query_are_not_logged(self):
        self.search("help NR1 3JU")
        self.search("call me on 07700 900123 or me@example.com")

        self.assertEqual(
            sorted(SearchLog.objects.values_list("query", flat=True)),
            ["call me on [number] or [email]", "help nr1"],
        )

    def test_turning_the_pages_of_results_is_not_another_search(self):
        self.search("wages")
        self.search("wages", page=2)

        self.assertEqual(SearchLog.objects.get().searches, 1)

    def test_empty_and_punctuation_only_queries_are_not_logged(self):
        for query in ("", "   ", "!!!", "<>"):
            self.search(query)

        self.assertFalse(SearchLog.objects.exists())

    def test_long_queries_are_logged_shortened(self):
        self.search("wages " * 100)

        self.assertLessEqual(len(SearchLog.objects.get().query), 100)


class QueryForLogTests(TestCase):
    def test_normalises_case_spaces_and_punctuation(self):
        self.assertEqual(query_for_log("  Where is  MY passport?! "), "where is my passport")

    def test_keeps_only_the_district_of_a_full_postcode(self):
        for query, logged in [
            ("NR1 3JU", "nr1"),
            ("nr13ju", "nr1"),
            ("jobs near PE30 1AB please", "jobs near pe30 please"),
            ("IP24 3PN and NR2", "ip24 and nr2"),
            ("EC1A 1BB", "ec1a"),
            ("NR1", "nr1"),
        ]:
            with self.subTest(query=query):
                self.assertEqual(query_for_log(query), logged)

    def test_drops_email_addresses_and_long_numbers(self):
        self.assertEqual(query_for_log("anna.k@mail.example help"), "[email] help")
        self.assertEqual(query_for_log("+44 7700 900123"), "[number]")
        self.assertEqual(query_for_log("case 12345678"), "case [number]")
        self.assertEqual(query_for_log("call 101 or 999"), "call 101 or 999")


class PruneSearchLogTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        locale = Locale.objects.get(language_code="en")
        today = timezone.localdate()
        for days_ago in (0, 29, 30, 89, 90, 400):
            SearchLog.objects.create(
                date=today - datetime.timedelta(days=days_ago), locale=locale, query=f"q{days_ago}", searches=1
            )

    def prune(self, *args):
        stdout = StringIO()
        call_command("prune_search_log", *args, stdout=stdout)
        return stdout.getvalue()

    def remaining(self):
        return sorted(SearchLog.objects.values_list("query", flat=True), key=lambda query: int(query[1:]))

    def test_keeps_the_last_90_days_by_default(self):
        output = self.prune()

        self.assertEqual(self.remaining(), ["q0", "q29", "q30", "q89"])
        self.assertEqual(output.strip(), "Deleted 2 search log row(s) older than 90 days.")

    @override_settings(SEARCH_LOG_RETENTION_DAYS=30)
    def test_keeps_the_configured_number_of_days(self):
        self.prune()

        self.assertEqual(self.remaining(), ["q0", "q29"])

    def test_days_can_be_given_on_the_command_line(self):
        self.prune("--days", "1")

        self.assertEqual(self.remaining(), ["q0"])

    def test_refuses_to_keep_less_than_a_day(self):
        with self.assertRaises(CommandError):
            self.prune("--days", "0")
        self.assertEqual(SearchLog.objects.count(), 6)
