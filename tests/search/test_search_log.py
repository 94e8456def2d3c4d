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
            [(timezone.localdate(), "en", "[word]", 1, 1, 0), (timezone.localdate(), "en", "wages", 2, 0, 0)],
        )

    def test_a_search_answered_only_in_english_is_counted_as_such(self):
        self.search("wages", language="pl")
        self.search("zzyzzx", language="pl")

        self.assertEqual(
            self.logged(),
            [(timezone.localdate(), "pl", "[word]", 1, 1, 0), (timezone.localdate(), "pl", "wages", 1, 1, 1)],
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
            ["[word] me on [number] or [email]", "[word] nr1"],
        )

    def test_only_words_of_the_sites_pages_are_logged_verbatim(self):
        AdvicePageFactory(parent=self.wages.get_parent(), title="Farm work on Downham Road")
        translate_page(self.wages.get_parent().specific, "pl", title="Porady")
        translate_page(self.wages, "pl", title="Paszport u pracodawcy")

        self.search("Jan Kowalski Acme Farm Downham Road")
        self.search("pracodawcy Marta Nowak zabrał paszport", language="pl")

        self.assertEqual(
            sorted(SearchLog.objects.values_list("query", flat=True)),
            ["[word] [word] [word] farm downham road", "pracodawcy [word] [word] [word] paszport"],
        )

    def test_words_of_drafts_and_private_pages_are_not_known(self):
        AdvicePageFactory(parent=self.wages.get_parent(), title="Kowalski draft", live=False)

        self.search("kowalski")

        self.assertEqual(SearchLog.objects.get().query, "[word]")

    def test_turning_the_pages_of_results_is_not_another_search(self):
        self.search("wages")
        self.search("wages", page=2)

        self.assertEqual(SearchLog.objects.get().searches, 1)

    def test_empty_and_punctuation_only_queries_are_not_logged(self):
        for query in ("", "   ", "!!!", "<>"):
            self.search(query)

        self.assertFalse(SearchLog.objects.exists())

    def test_long_queries_are_logged_shortened(self):
        self.search("wages " * 80)

        self.assertLessEqual(len(SearchLog.objects.get().query), 100)


class QueryForLogTests(TestCase):
    KNOWN = frozenset(
        {"passport", "wages", "farm", "road", "work", "pracodawca", "ذهب", "help", "jobs", "please", "case", "call"}
    )

    def test_normalises_case_spaces_and_punctuation(self):
        self.assertEqual(query_for_log("  Where is  MY passport?! ", self.KNOWN), "where is my passport")

    def test_words_the_site_does_not_use_keep_only_their_place(self):
        for query, logged in [
            ("Jan Kowalski", "[word] [word]"),
            ("anna nowak farm work", "[word] [word] farm work"),
            ("12 Acacia Road Dereham", "12 [word] road [word]"),
            ("Flat 3, 45 Ber Street, Norwich", "[word] 3 45 [word] [word] [word]"),
            ("passports", "passports"),
            ("Pracodawca", "pracodawca"),
            ("محمد ذهب", "[word] ذهب"),
        ]:
            with self.subTest(query=query):
                self.assertEqual(query_for_log(query, self.KNOWN), logged)

    def test_identifying_numbers_and_codes_are_never_logged(self):
        for query, secret in [
            ("07700 900123", "900123"),
            ("07700900123", "07700900123"),
            ("+44 (0)7700-900-123", "900"),
            ("0044 7700 900 123", "7700"),
            ("01603 123456", "123456"),
            ("QQ 12 34 56 C", "34"),
            ("qq123456c", "qq123456c"),
            ("AB 12 34 56 D wages", "56"),
            ("AB12 CDE", "cde"),
            ("AB12CDE farm", "ab12cde"),
            ("YX66 ABC car wash", "abc"),
            ("jan.kowalski@example.com", "kowalski"),
            ("Account 12345678 sort code 12-34-56", "12345678"),
        ]:
            with self.subTest(query=query):
                logged = query_for_log(query, self.KNOWN)
                self.assertNotIn(secret, logged)
                self.assertNotIn(query.lower(), logged)

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
                self.assertEqual(query_for_log(query, self.KNOWN), logged)

    def test_drops_email_addresses_and_long_numbers(self):
        self.assertEqual(query_for_log("anna.k@mail.example help", self.KNOWN), "[email] help")
        self.assertEqual(query_for_log("+44 7700 900123", self.KNOWN), "[number]")
        self.assertEqual(query_for_log("case 12345678", self.KNOWN), "case [number]")
        self.assertEqual(query_for_log("call 101 or 999", self.KNOWN), "call 101 or 999")


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
