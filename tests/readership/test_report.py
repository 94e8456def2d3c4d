"""Reports → Readership and the translators' dashboard panel: most-read pages, trends, what to translate next."""

import datetime
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale

from readership.models import PageViews
from readership.report import weekly_trend
from tests.editorial.conftest import make_user
from tests.factories import AdvicePageFactory

REPORT_URL = "/admin/reports/readership/"


def views(page, code, count, days_ago=0, period=PageViews.DAY):
    return PageViews.objects.create(
        period=period,
        date=timezone.localdate() - datetime.timedelta(days=days_ago),
        page=page,
        locale=Locale.objects.get(language_code=code),
        views=count,
    )


@pytest.fixture
def read(pages):
    """Polish readers read "Spot the signs" and "Your pay" in English (not translated), "Your rights" in Polish."""
    pages.pay = AdvicePageFactory(parent=pages.advice_index, title="Your pay", slug="pay")
    views(pages.signs, "pl", 6)
    views(pages.signs, "pl", 4, days_ago=3)
    views(pages.pay, "pl", 30, days_ago=5)
    views(pages.pl_rights, "pl", 5)
    views(pages.signs, "en", 20)
    views(pages.rights, "en", 3)
    views(pages.rights, "en", 100, days_ago=200, period=PageViews.MONTH)
    return pages


def logged_in(role):
    client = Client()
    client.force_login(make_user(role))
    return client


def rows(client, **params):
    response = client.get(REPORT_URL, params)
    assert response.status_code == 200
    return [
        (row["page__title"], row["locale__language_code"], row["in_english"], row["total"])
        for row in response.context["object_list"]
    ]


@pytest.mark.django_db
def test_lists_pages_most_read_first_with_the_language_they_were_read_in(read):
    assert rows(logged_in("superuser")) == [
        ("Your rights", "en", False, 103),  # monthly counts of older days count too
        ("Your pay", "pl", True, 30),
        ("Spot the signs", "en", False, 20),
        ("Spot the signs", "pl", True, 10),
        ("Twoje prawa", "pl", False, 5),
    ]


def test_filters_by_language_period_and_how_the_page_was_read(read):
    client = logged_in("superuser")
    since = (timezone.localdate() - datetime.timedelta(days=2)).isoformat()

    assert rows(client, language="pl", read_as="english") == [
        ("Your pay", "pl", True, 30),
        ("Spot the signs", "pl", True, 10),
    ]
    assert rows(client, language="pl", read_as="translated") == [("Twoje prawa", "pl", False, 5)]
    assert rows(client, language="pl", date_from=since) == [
        ("Spot the signs", "pl", True, 6),
        ("Twoje prawa", "pl", False, 5),
    ]


def test_english_pages_read_by_polish_readers_have_a_translate_button(read):
    response = logged_in("translator").get(REPORT_URL, {"language": "pl", "read_as": "english"})

    submit = f"/admin/localize/submit/page/{read.signs.pk}/?{urlencode({'select_locale': 'pl'})}"
    assert response.context["object_list"][1]["translation"].action_url == submit
    assert f'href="{submit}"'.replace("&", "&amp;") in response.content.decode()


def test_translators_see_what_to_translate_next_ranked_by_readers(read):
    response = logged_in("translator").get(REPORT_URL)

    items = response.context["translate_next"]
    ranked = [(item.source.title, item.locale.language_code, item.readers) for item in items]
    assert ranked == [("Your pay", "pl", 30), ("Spot the signs", "pl", 10)]
    assert "Translate next" in response.content.decode()


def test_the_translate_next_list_follows_the_period(read):
    since = (timezone.localdate() - datetime.timedelta(days=2)).isoformat()
    response = logged_in("translator").get(REPORT_URL, {"date_from": since})

    ranked = [(item.source.title, item.readers) for item in response.context["translate_next"]]
    assert ranked == [("Spot the signs", 6), ("Your pay", 0)]


def test_weekly_trend_counts_views_and_english_fallback_per_week(pages):
    today = datetime.date(2026, 6, 17)  # a Wednesday
    for days_ago, page, code, count in [
        (0, pages.signs, "pl", 2),
        (1, pages.pl_rights, "pl", 3),
        (7, pages.signs, "pl", 4),
        (7, pages.signs, "en", 9),
    ]:
        PageViews.objects.create(
            date=today - datetime.timedelta(days=days_ago),
            page=page,
            locale=Locale.objects.get(language_code=code),
            views=count,
        )

    trend = weekly_trend("pl", weeks=3, today=today)

    assert trend == [
        (datetime.date(2026, 6, 1), 0, 0),
        (datetime.date(2026, 6, 8), 4, 4),
        (datetime.date(2026, 6, 15), 5, 2),
    ]
    assert weekly_trend(None, weeks=1, today=today) == [(datetime.date(2026, 6, 15), 5, 2)]


def test_can_be_downloaded_as_csv_and_as_a_spreadsheet(read):
    client = logged_in("editor")

    response = client.get(REPORT_URL, {"export": "csv", "language": "pl"})
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0] == "Page id,Page,Language,Read in English (not translated),Views"
    assert lines[1] == f"{read.pay.pk},Your pay,pl,True,30"
    xlsx = client.get(REPORT_URL, {"export": "xlsx"})
    assert xlsx["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("editor", True), ("moderator", True), ("translator", True), ("directory_maintainer", False), ("staff", False)],
)
def test_editors_moderators_and_translators_see_the_report(pages, role, allowed):
    client = logged_in(role)

    assert (client.get(REPORT_URL).status_code == 200) is allowed
    assert (REPORT_URL in client.get("/admin/").content.decode()) is allowed


def test_bad_filter_values_are_harmless(read):
    client = logged_in("superuser")
    bad = ({"date_from": "yesterday"}, {"language": "xx"}, {"read_as": "<b>"}, {"ordering": "page;"}, {"p": "9"})
    for params in bad:
        assert client.get(REPORT_URL, params).status_code == 200


def test_the_dashboard_shows_a_translator_the_top_five_to_translate_next(read):
    for number in range(6):
        page = AdvicePageFactory(parent=read.advice_index, title=f"Extra {number}")
        views(page, "pl", 11 + number)

    response = logged_in("translator").get("/admin/")

    html = response.content.decode()
    panel = html[html.index('id="translate-next-section"') :]
    titles = ["Your pay", "Extra 5", "Extra 4", "Extra 3", "Extra 2"]
    positions = [panel.index(title) for title in titles]
    assert positions == sorted(positions)
    assert "Extra 1" not in panel.split("</table>")[0]
    assert "Spot the signs" not in panel.split("</table>")[0]


def test_editors_dashboards_have_no_translate_next_panel(read):
    assert 'id="translate-next-section"' not in logged_in("editor").get("/admin/").content.decode()
