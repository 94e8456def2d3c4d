import re
from html import unescape

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import HomePage, StandardPage
from reports.models import ReportPage
from tests.factories import StandardPageFactory, home_page
from tests.reports.conftest import ReportPageFactory

URL = "/en/report-a-concern/"

pytestmark = pytest.mark.django_db


def main_text(response):
    """The page's <main>, tags stripped, whitespace collapsed: what a reader sees."""
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return " ".join(unescape(re.sub(r"<[^>]+>", "", main)).split())


class ReportPageTreeTests(WagtailPageTestCase):
    def test_report_page_lives_only_under_the_home_page(self):
        self.assertAllowedParentPageTypes(ReportPage, {HomePage})

    def test_report_page_holds_no_pages(self):
        self.assertAllowedSubpageTypes(ReportPage, {})

    def test_home_page_can_hold_a_report_page(self):
        self.assertCanCreateAt(HomePage, ReportPage)

    def test_report_page_cannot_go_under_other_pages(self):
        self.assertCanNotCreateAt(StandardPage, ReportPage)

    def test_only_one_report_page_per_home_page(self):
        home = home_page()
        ReportPageFactory(parent=home)

        self.assertFalse(ReportPage.can_create_at(home))

    def test_a_standard_page_cannot_be_added_under_a_report_page(self):
        page = ReportPageFactory(parent=home_page())

        self.assertFalse(StandardPage.can_create_at(page))


class ReportPageEditorTests(WagtailPageTestCase):
    def setUp(self):
        self.client.force_login(get_user_model().objects.create_superuser("root", "root@example.com", "password"))

    def test_editors_can_create_the_page_with_every_field(self):
        data = nested_form_data(
            {
                "title": "Report a concern",
                "slug": "report-a-concern",
                "summary": "Tell us if you are worried.",
                "intro": streamfield([("text", rich_text("<p>Who reads reports.</p>"))]),
                "form_enabled": "on",
                "thank_you": rich_text("<p>Thank you.</p>"),
            }
        )

        self.assertCanCreate(home_page(), ReportPage, data)

        page = ReportPage.objects.get()
        self.assertTrue(page.form_enabled)
        self.assertIn("Who reads reports.", str(page.intro))

    def test_preview_shows_the_form_or_the_thank_you_message(self):
        page = ReportPageFactory(parent=home_page())

        form = page.make_preview_request(preview_mode="")
        sent = page.make_preview_request(preview_mode="sent")

        self.assertContains(form, 'name="what_seen"')
        self.assertContains(sent, "Thank you for helping us keep people safe.")
        self.assertNotContains(sent, 'name="what_seen"')


def test_translation_decisions_are_declared():
    fields = {field.field_name: type(field).__name__ for field in ReportPage.translatable_fields}

    assert fields["intro"] == "TranslatableField"
    assert fields["thank_you"] == "TranslatableField"
    assert fields["form_enabled"] == "SynchronizedField"


def test_api_fields_are_the_pages_own_texts():
    assert {field.name for field in ReportPage.api_fields} == {"summary", "intro", "form_enabled", "thank_you"}


def test_intro_is_searchable():
    assert "intro" in {field.field_name for field in ReportPage.search_fields}


def test_page_says_call_999_the_form_is_not_monitored_and_gives_the_helpline(client, report_page):
    response = client.get(URL)

    assert response.status_code == 200
    text = main_text(response)
    assert "In an emergency, or if someone is in immediate danger, call 999." in text
    assert "This form is not monitored around the clock" in text
    assert "Modern Slavery & Exploitation Helpline" in text
    assert "08000 121 700" in text
    html = response.content.decode()
    assert 'href="tel:999"' in html
    assert 'href="tel:+448000121700"' in html


def test_page_shows_the_intro_and_the_form(client, report_page):
    response = client.get(URL)

    html = response.content.decode()
    assert "Tell us what worried you." in html
    assert f'<form class="report-form" method="post" action="{URL}"' in html
    assert 'name="what_seen"' in html


def test_form_labels_every_field(client, report_page):
    html = client.get(URL).content.decode()

    for field in ("what_seen", "location", "district", "when_seen", "contact_name", "contact_phone", "contact_email"):
        assert f'<label class="field__label" for="id_{field}">' in html, field
        assert f'id="id_{field}"' in html


def test_radios_are_grouped_in_a_fieldset_with_a_legend(client, report_page):
    html = client.get(URL).content.decode()

    fieldset = re.search(r"<fieldset[^>]*>\s*<legend[^>]*>Is this happening to you\?.*?</fieldset>", html, re.S)
    assert fieldset is not None
    for label in ("It is happening to me", "It is happening to someone else", "I&#x27;d rather not say"):
        assert label in fieldset.group(0)


def test_contact_fields_are_optional_and_not_autocompleted(client, report_page):
    html = client.get(URL).content.decode()

    assert "Leave these blank to stay anonymous." in html
    for field in ("contact_name", "contact_phone", "contact_email"):
        tag = re.search(rf'<input[^>]*name="{field}"[^>]*>', html).group(0)
        assert 'autocomplete="off"' in tag
        assert "required" not in tag


def test_honeypot_is_hidden_by_a_css_class_not_an_inline_style(client, report_page):
    html = client.get(URL).content.decode()

    assert '<div class="visually-hidden-honeypot" aria-hidden="true">' in html
    assert "style=" not in html
    assert "/static/reports/report.css" in html


def test_district_choices_are_districts_in_the_source_locale(client, report_page, norwich, all_of_norfolk):
    html = client.get(URL).content.decode()

    assert f'<option value="{norwich.pk}">Norwich</option>' in html
    assert "All of Norfolk" not in html.split('name="district"')[1].split("</select>")[0]


def test_page_without_the_form_shows_both_24_hour_helplines_only(client, report_page):
    report_page.form_enabled = False
    report_page.save_revision().publish()

    response = client.get(URL)

    html = response.content.decode()
    assert 'class="report-form"' not in html
    assert 'method="post"' not in html
    assert 'name="what_seen"' not in html
    assert 'href="tel:+448000121700"' in html
    assert 'href="tel:+44800555111"' in html
    text = main_text(response)
    assert "Crimestoppers" in text
    assert "100% anonymous" in text
    assert "call 999" in text
    assert "not monitored around the clock" in text


def test_sent_page_thanks_and_repeats_the_helplines(client, report_page):
    response = client.get(URL + "sent/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Thank you for helping us keep people safe." in html
    assert 'href="tel:+448000121700"' in html
    assert 'href="tel:+44800555111"' in html
    assert 'href="tel:999"' in html
    assert 'name="what_seen"' not in html


def test_report_page_in_another_language_uses_translated_interface(client, report_page):
    # Not yet translated: the English page is served under /pl/, the interface in Polish.
    response = client.get("/pl/report-a-concern/")

    assert response.status_code == 200
    assert response.context["request"].LANGUAGE_CODE == "pl"
    assert response.context["form"] is not None


def test_a_normal_page_sets_no_cookies(client, report_page):
    StandardPageFactory(parent=home_page(), title="About", slug="about")

    for url in ("/en/", "/en/about/", URL + "sent/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert dict(response.cookies) == {}, url


def test_report_page_sets_only_the_csrf_cookie(client, report_page):
    response = client.get(URL)

    assert set(response.cookies) == {settings.CSRF_COOKIE_NAME}
    # A session cookie: gone when the browser closes, never a year-long trace.
    cookie = response.cookies[settings.CSRF_COOKIE_NAME]
    assert (cookie["max-age"], cookie["expires"]) == ("", "")


def test_page_without_the_form_sets_no_cookies(client, report_page):
    report_page.form_enabled = False
    report_page.save_revision().publish()

    assert dict(client.get(URL).cookies) == {}


def test_form_page_is_never_cached(client, report_page):
    response = client.get(URL)

    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_thank_you_page_is_never_cached(client, report_page):
    response = client.get(URL + "sent/")

    assert "no-store" in response["Cache-Control"]


def test_browsers_are_told_not_to_restore_or_remember_the_form(client, report_page):
    html = client.get(URL).content.decode()

    form = re.search(r'<form class="report-form"[^>]*>', html).group(0)
    assert 'autocomplete="off"' in form


def test_sitemap_lists_the_page_but_no_reports_or_sub_routes(client, report_page):
    response = client.get("/sitemap.xml")

    content = response.content.decode()
    assert "/en/report-a-concern/</loc>" in content
    assert "sent/" not in content


def test_the_root_cannot_hold_a_report_page():
    assert ReportPage not in Page.creatable_subpage_models()
