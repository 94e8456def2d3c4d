"""Reports → Search terms: the most frequent queries and those that found nothing, per language and period."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import RequestFactory, TestCase
from django.utils import timezone
from freezegun import freeze_time
from wagtail.admin.menu import reports_menu
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from search.models import SearchLog
from tests.utils import AdminTestCase

REPORT_URL = "/admin/reports/search-terms/"


def log(query, language="en", days_ago=0, searches=1, empty=0, english_only=0):
    return SearchLog.objects.create(
        date=timezone.localdate() - datetime.timedelta(days=days_ago),
        locale=Locale.objects.get(language_code=language),
        query=query,
        searches=searches,
        empty_searches=empty,
        english_only_searches=english_only,
    )


class SearchTermsReportTests(AdminTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        log("passport", searches=7)
        log("passport", days_ago=3, searches=5)
        log("passport", days_ago=40, searches=100)
        log("wages", searches=3)
        log("visa sponsor", searches=2, empty=2)
        log("paszport", language="pl", searches=4, empty=1, english_only=1)
        log("wiza", language="pl", days_ago=10, searches=1, empty=1)

    def rows(self, **params):
        response = self.client.get(REPORT_URL, params)
        self.assertEqual(response.status_code, 200)
        return [
            (row["query"], row["locale__language_code"], row["total"], row["nothing"], row["english_only"])
            for row in response.context["object_list"]
        ]

    def test_lists_queries_most_frequent_first(self):
        self.assertEqual(
            self.rows(),
            [
                ("passport", "en", 112, 0, 0),
                ("paszport", "pl", 4, 1, 1),
                ("wages", "en", 3, 0, 0),
                ("visa sponsor", "en", 2, 2, 0),
                ("wiza", "pl", 1, 1, 0),
            ],
        )

    def test_filters_by_period(self):
        start = timezone.localdate() - datetime.timedelta(days=7)

        rows = self.rows(date_from=start.isoformat())

        self.assertEqual(rows[0], ("passport", "en", 12, 0, 0))
        self.assertNotIn("wiza", [row[0] for row in rows])

    def test_filters_by_language(self):
        self.assertEqual([row[0] for row in self.rows(language="pl")], ["paszport", "wiza"])

    def test_lists_the_queries_that_found_nothing(self):
        self.assertEqual([row[0] for row in self.rows(outcome="nothing")], ["paszport", "visa sponsor", "wiza"])

    def test_lists_the_queries_answered_only_in_english(self):
        self.assertEqual([row[0] for row in self.rows(outcome="english_only")], ["paszport"])

    def test_can_be_sorted_by_searches_that_found_nothing(self):
        self.assertEqual(self.rows(ordering="-nothing")[0][0], "visa sponsor")

    def test_renders_the_table_and_the_filters(self):
        response = self.client.get(REPORT_URL)

        self.assertContains(response, "Search terms")
        self.assertContains(response, "visa sponsor")
        self.assertContains(response, 'name="outcome"')

    def test_bad_filter_values_are_harmless(self):
        for params in (
            {"date_from": "yesterday"},
            {"language": "xx"},
            {"outcome": "<b>"},
            {"ordering": "query;"},
            {"p": "999"},
        ):
            with self.subTest(params=params):
                self.assertEqual(self.client.get(REPORT_URL, params).status_code, 200)

    def test_can_be_downloaded_as_csv(self):
        response = self.client.get(REPORT_URL, {"export": "csv"})

        self.assertEqual(response.status_code, 200)
        lines = b"".join(response.streaming_content).decode().splitlines()
        self.assertEqual(lines[0], "Query,Language,Searches,Found nothing,Found only in English,Last searched")
        self.assertTrue(lines[1].startswith("passport,en,112,0,0,"))

    def test_can_be_downloaded_as_a_spreadsheet(self):
        response = self.client.get(REPORT_URL, {"export": "xlsx"})

        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")

    def test_is_in_the_reports_menu(self):
        response = self.client.get("/admin/")

        self.assertContains(response, REPORT_URL)

    def test_is_the_only_search_terms_entry_in_the_reports_menu(self):
        request = RequestFactory().get("/admin/")
        request.user = self.superuser

        labels = [str(item.label) for item in reports_menu.menu_items_for_request(request)]

        self.assertEqual(labels.count("Search terms"), 1)
        dashboard = self.client.get("/admin/")
        self.assertContains(dashboard, REPORT_URL)
        self.assertNotContains(dashboard, "/admin/searchpicks/reports/search-terms/")


# 21:30 in London: Wagtail's DateColumn showed a search logged today as "21 hours ago".
@freeze_time("2026-06-15 20:30:00")
class LastSearchedDayTests(AdminTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        log("today query")
        log("yesterday query", days_ago=1)
        log("older query", days_ago=10)

    def test_last_searched_is_a_day_never_a_time_of_day(self):
        response = self.client.get(REPORT_URL)

        html = response.content.decode()
        self.assertIn('<time datetime="2026-06-15">Today</time>', html)
        self.assertIn('<time datetime="2026-06-14">Yesterday</time>', html)
        self.assertIn('<time datetime="2026-06-05">June 5, 2026</time>', html)
        self.assertNotIn("hours ago", html)
        self.assertNotIn("hour ago", html)

    def test_last_searched_is_shown_in_the_editors_language(self):
        UserProfile.objects.update_or_create(user=self.superuser, defaults={"preferred_language": "pl"})

        response = self.client.get(REPORT_URL)

        self.assertContains(response, '<time datetime="2026-06-15">Dzisiaj</time>')
        self.assertContains(response, '<time datetime="2026-06-14">Wczoraj</time>')


class SearchTermsPermissionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        users = get_user_model().objects
        access_admin = Permission.objects.get(codename="access_admin")
        cls.editor = users.create_user("plain-editor", password="password")
        cls.editor.user_permissions.add(access_admin)
        cls.analyst = users.create_user("analyst", password="password")
        group = Group.objects.create(name="Search analysts")
        group.permissions.add(access_admin, Permission.objects.get(codename="view_searchlog"))
        cls.analyst.groups.add(group)

    def test_needs_the_view_search_log_permission(self):
        self.client.force_login(self.editor)

        response = self.client.get(REPORT_URL)

        self.assertNotEqual(response.status_code, 200)
        self.assertNotContains(self.client.get("/admin/"), REPORT_URL)

    def test_a_group_with_the_permission_sees_it(self):
        self.client.force_login(self.analyst)

        self.assertEqual(self.client.get(REPORT_URL).status_code, 200)
        self.assertContains(self.client.get("/admin/"), REPORT_URL)

    def test_the_permission_can_be_granted_in_the_group_editor(self):
        from wagtail import hooks

        granted = [permission for hook in hooks.get_hooks("register_permissions") for permission in hook()]

        self.assertIn(Permission.objects.get(codename="view_searchlog"), granted)


class SearchTermsExportPermissionTests(TestCase):
    """Editors read the report; only moderators download the whole log."""

    @classmethod
    def setUpTestData(cls):
        log("passport", searches=3)
        users = get_user_model().objects
        cls.editor = users.create_user("editor", password="password")
        cls.editor.groups.add(Group.objects.get(name="Editors"))
        cls.moderator = users.create_user("moderator", password="password")
        cls.moderator.groups.add(Group.objects.get(name="Moderators"))

    def test_an_editor_sees_the_report_without_download_buttons(self):
        self.client.force_login(self.editor)

        response = self.client.get(REPORT_URL)

        self.assertContains(response, "passport")
        self.assertNotContains(response, "export=csv")
        self.assertNotContains(response, "export=xlsx")

    def test_an_editor_cannot_download_it(self):
        self.client.force_login(self.editor)

        for export in ("csv", "xlsx"):
            with self.subTest(export=export):
                response = self.client.get(REPORT_URL, {"export": export})
                self.assertNotIn("attachment", response.get("Content-Disposition", ""))
                self.assertNotContains(response, "passport", status_code=response.status_code)

    def test_a_moderator_downloads_it(self):
        self.client.force_login(self.moderator)

        self.assertContains(self.client.get(REPORT_URL), "export=csv")
        response = self.client.get(REPORT_URL, {"export": "csv"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("passport", b"".join(response.streaming_content).decode())

    def test_the_export_permission_can_be_granted_in_the_group_editor(self):
        from wagtail import hooks

        granted = [permission for hook in hooks.get_hooks("register_permissions") for permission in hook()]

        self.assertIn(Permission.objects.get(codename="export_searchlog"), granted)
