"""home.guards: query parameters checked once, with one exception naming the parameter."""

import datetime

from django.http import QueryDict
from django.test import SimpleTestCase, TestCase

from home import guards
from home.guards import InvalidParameter


def query(text):
    return QueryDict(text)


class GuardTests(SimpleTestCase):
    def assert_invalid(self, param, call, *args):
        with self.assertRaises(InvalidParameter) as caught:
            call(*args)
        self.assertEqual(caught.exception.param, param)
        self.assertEqual(str(caught.exception), caught.exception.message)
        return caught.exception

    def test_nul_characters_in_names_or_values_are_rejected(self):
        guards.check_no_nul(query("a=1&b=two"))
        self.assert_invalid("a", guards.check_no_nul, query("a=x%00"))
        error = self.assert_invalid("bad", guards.check_no_nul, query("b%00ad=1"))
        self.assertEqual(error.message, "null characters are not allowed")

    def test_text_is_stripped_and_cut(self):
        self.assertEqual(guards.text(query("q=+hello+"), "q", 3), "hel")
        self.assertEqual(guards.text(query(""), "q", 3, default="x"), "x")

    def test_positive_int(self):
        self.assertEqual(guards.positive_int(query("page=3"), "page", 1), 3)
        self.assertEqual(guards.positive_int(query(""), "page", 1), 1)
        self.assertEqual(guards.positive_int(query("per_page=500"), "per_page", 50, maximum=200), 200)
        for bad in ("0", "-1", "abc", "9" * 7, "²", "1.5"):
            with self.subTest(bad=bad):
                error = self.assert_invalid("page", guards.positive_int, query(f"page={bad}"), "page", 1)
                self.assertEqual(error.message, "page must be a positive whole number.")

    def test_uuid(self):
        value = "6C1F6A8E-3B0E-5D55-9F7A-6E6173616E61"
        self.assertEqual(guards.uuid_value(value, "id"), value.lower())
        self.assert_invalid("id", guards.uuid_value, "nope", "id")

    def test_moment(self):
        self.assertEqual(guards.moment("2026-01-02", "since").date(), datetime.date(2026, 1, 2))
        self.assertIsNotNone(guards.moment("2026-01-02T10:00:00+00:00", "since").tzinfo)
        for bad in ("yesterday", "2026-13-45"):
            with self.subTest(bad=bad):
                self.assert_invalid("since", guards.moment, bad, "since")


class LocaleGuardTests(TestCase):
    def test_known_and_unknown_locales(self):
        self.assertEqual(guards.locale("en").language_code, "en")
        with self.assertRaises(InvalidParameter) as caught:
            guards.locale("xx")
        self.assertEqual(caught.exception.param, "locale")
        self.assertIn("unknown locale 'xx'; use one of: en", caught.exception.message)
