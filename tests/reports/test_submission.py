import re
from urllib.parse import quote

import pytest
from django.core.cache import cache
from django.test import Client

from reports import protection
from reports.models import Report, WhoAffected
from tests.reports.conftest import aged_token

URL = "/en/report-a-concern/"
SENT_URL = URL + "sent/"
TEXT = "Six men are picked up from the car wash at 5am every day."

pytestmark = pytest.mark.django_db

# What a browser sends about itself: none of it may be stored.
CLIENT_METADATA = {
    "REMOTE_ADDR": "203.0.113.7",
    "HTTP_USER_AGENT": "ReporterBrowser/1.0",
    "HTTP_REFERER": "https://referrer.example/secret-page",
    "HTTP_X_FORWARDED_FOR": "198.51.100.9",
    "HTTP_ACCEPT_LANGUAGE": "pl-PL",
}


def post(client, data, url=URL, **extra):
    return client.post(url, data, **{**CLIENT_METADATA, **extra})


def assert_redisplayed_with_text(response, message, text=TEXT):
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    # The reporter's words are still in the form.
    assert text.replace("'", "&#x27;") in html
    assert 'class="error-summary"' in html


# Accepted reports ------------------------------------------------------------------------


def test_a_report_has_exactly_the_reported_fields():
    fields = {field.name for field in Report._meta.get_fields()}

    assert fields == {
        "id",
        "what_seen",
        "location",
        "district",
        "when_seen",
        "contact_name",
        "contact_phone",
        "contact_email",
        "who_affected",
        "page",
        "locale_code",
        "created_at",
        "submission_key",
    }


def test_valid_report_is_stored_once_with_only_what_the_reporter_typed(client, report_page, norwich, valid_data):
    data = valid_data(
        district=str(norwich.pk),
        contact_name="Sam",
        contact_phone="07700 900123",
        contact_email="sam@example.org",
        who_affected="me",
    )

    response = post(client, data)

    assert response.status_code == 303
    assert response["Location"] == SENT_URL
    report = Report.objects.get()
    assert report.what_seen == TEXT
    assert report.location == "The car wash on Example Road"
    assert report.district == norwich
    assert report.when_seen == "last Tuesday evening"
    assert report.contact_name == "Sam"
    assert str(report.contact_phone) == "+447700900123"  # stored in E.164
    assert report.contact_email == "sam@example.org"
    assert report.who_affected == WhoAffected.ME
    assert report.page.pk == report_page.pk
    assert report.locale_code == "en"
    assert report.created_at is not None
    assert report.submission_key == protection.submission_key(data["token"])
    stored = " ".join(str(value) for value in Report.objects.values().get().values())
    for metadata in CLIENT_METADATA.values():
        assert metadata not in stored


def test_anonymous_report_needs_only_what_was_seen(client, report_page):
    response = post(client, {"what_seen": TEXT, "token": aged_token()})

    assert response.status_code == 303
    report = Report.objects.get()
    assert (report.location, report.district, report.when_seen, report.who_affected) == ("", None, "", "")
    assert not report.has_contact_details


def test_a_sent_report_is_answered_with_a_see_other_redirect_nobody_caches(client, report_page, valid_data):
    response = post(client, valid_data())

    assert response.status_code == 303
    assert response["Location"] == SENT_URL
    assert "no-store" in response["Cache-Control"]


def test_report_sent_from_a_translated_interface_records_the_language(client, report_page, valid_data):
    response = post(client, valid_data(), url="/pl/report-a-concern/")

    assert response["Location"] == "/pl/report-a-concern/sent/"
    assert Report.objects.get().locale_code == "pl"


def test_report_through_the_form_as_a_browser_fills_it(report_page, settings):
    settings.REPORTS_MIN_FILL_SECONDS = 0
    browser = Client(enforce_csrf_checks=True)
    html = browser.get(URL).content.decode()
    hidden = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', html))

    response = browser.post(URL, {**hidden, "what_seen": TEXT, "website": ""})

    assert response.status_code == 303
    assert Report.objects.get().what_seen == TEXT


def test_line_breaks_count_as_one_character(client, report_page, valid_data):
    text = "\r\n".join(["x" * 99] * 50)  # 4950 characters and 49 line breaks, as a browser sends them

    response = post(client, valid_data(what_seen=text))

    assert response.status_code == 303
    assert Report.objects.get().what_seen == text.replace("\r\n", "\n")


def test_replayed_form_stores_the_report_once(client, report_page, valid_data):
    data = valid_data()

    first = post(client, data)
    second = post(client, data)

    assert first.status_code == second.status_code == 303
    assert second["Location"] == SENT_URL
    assert Report.objects.count() == 1


# Rejected submissions keep the reporter's text -----------------------------------------


def test_honeypot_rejects_and_keeps_the_text_but_not_the_trap(client, report_page, valid_data):
    response = post(client, valid_data(website="https://spam.example"))

    assert_redisplayed_with_text(response, "Your report could not be sent.")
    assert "spam.example" not in response.content.decode()
    assert not Report.objects.exists()


def test_too_fast_submission_rejects_and_keeps_the_text(client, report_page, valid_data):
    response = post(client, valid_data(token=protection.new_token()))

    assert_redisplayed_with_text(response, "That was very quick.")
    assert not Report.objects.exists()


def test_a_lone_surrogate_in_a_token_is_refused_not_a_crash():
    with pytest.raises(protection.TokenError):
        protection.token_age("\ud800" + aged_token())


def test_redisplayed_form_carries_a_new_token(client, report_page, valid_data):
    data = valid_data(token=protection.new_token())

    html = post(client, data).content.decode()

    token = re.search(r'name="token" value="([^"]+)"', html).group(1)
    assert token != data["token"]
    assert protection.token_age(token) < 60


@pytest.mark.parametrize(
    "token", ["", "not-a-token", "tok\ufffden:x:y", "x" * 100_000, aged_token(2 * protection.TOKEN_MAX_AGE)]
)
def test_missing_forged_or_expired_token_rejects_and_keeps_the_text(client, report_page, valid_data, token):
    response = post(client, valid_data(token=token))

    assert_redisplayed_with_text(response, "This form was open for a long time and has expired.")
    assert not Report.objects.exists()


def test_rate_limit_rejects_and_keeps_the_text(client, report_page, valid_data, settings):
    settings.REPORTS_RATE_LIMIT = 2
    post(client, valid_data())
    post(client, valid_data())

    response = post(client, valid_data())

    assert_redisplayed_with_text(response, "Too many reports have been sent from your connection recently.")
    assert "08000 121 700" in response.content.decode()
    assert Report.objects.count() == 2


def test_rate_limit_is_per_client(client, report_page, valid_data, settings):
    settings.REPORTS_RATE_LIMIT = 1
    post(client, valid_data())

    response = post(client, valid_data(), REMOTE_ADDR="192.0.2.50")

    assert response.status_code == 303
    assert Report.objects.count() == 2


def test_rate_limit_behind_a_proxy_uses_the_address_the_proxy_saw(client, report_page, valid_data, settings):
    settings.REPORTS_RATE_LIMIT = 1
    settings.IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
    post(client, valid_data(), HTTP_X_FORWARDED_FOR="forged, 198.51.100.1")

    limited = post(client, valid_data(), HTTP_X_FORWARDED_FOR="other-forgery, 198.51.100.1")
    other_client = post(client, valid_data(), HTTP_X_FORWARDED_FOR="forged, 198.51.100.2")

    assert limited.status_code == 200
    assert other_client.status_code == 303


def test_rate_limit_ignores_a_forwarded_address_unless_a_proxy_header_is_configured(
    client, report_page, valid_data, settings
):
    settings.REPORTS_RATE_LIMIT = 1
    post(client, valid_data(), HTTP_X_FORWARDED_FOR="198.51.100.1")

    response = post(client, valid_data(), HTTP_X_FORWARDED_FOR="198.51.100.2")

    assert response.status_code == 200
    assert Report.objects.count() == 1


def test_rate_limit_stores_no_address(client, report_page, valid_data):
    post(client, valid_data())

    keys = " ".join(str(key) for key in cache._cache)
    assert "reports:rate:" in keys
    for metadata in CLIENT_METADATA.values():
        assert metadata not in keys


def test_rejected_submissions_do_not_count_towards_the_rate_limit(client, report_page, valid_data, settings):
    settings.REPORTS_RATE_LIMIT = 1
    post(client, valid_data(what_seen=""))

    assert post(client, valid_data()).status_code == 303


# Bad input: a clear message, never a 500 -----------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"what_seen": ""}, "Tell us what you saw or heard."),
        ({"what_seen": "   "}, "Tell us what you saw or heard."),
        ({"what_seen": "x" * 5001}, "Please shorten this to 5000 characters or fewer. It has 5001."),
        ({"location": "x" * 1001}, "Please shorten this to 1000 characters or fewer. It has 1001."),
        ({"when_seen": "x" * 201}, "Please shorten this to 200 characters or fewer. It has 201."),
        ({"contact_name": "x" * 201}, "Please shorten this to 200 characters or fewer. It has 201."),
        ({"contact_phone": "0" * 41}, "Please shorten this to 40 characters or fewer. It has 41."),
        ({"contact_email": "not an email"}, "Enter an email address like name@example.com, or leave it blank."),
        ({"what_seen": "Men at\x00 the farm"}, "Some characters could not be read."),
        ({"contact_name": "Sam\x00"}, "Some characters could not be read."),
        ({"when_seen": "Tuesday\x07"}, "Some characters could not be read."),
        ({"district": "abc"}, "Choose a part of Norfolk from the list"),
        ({"district": "-1"}, "Choose a part of Norfolk from the list"),
        ({"district": "999999999"}, "Choose a part of Norfolk from the list"),
        ({"district": "99999999999999999999999"}, "Choose a part of Norfolk from the list"),
        ({"district": "1.5"}, "Choose a part of Norfolk from the list"),
        ({"who_affected": "boss"}, "Choose one of the answers."),
    ],
)
def test_bad_input_gets_a_clear_message(client, report_page, valid_data, overrides, message):
    response = post(client, valid_data(**overrides))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Report.objects.exists()


def test_an_area_that_is_not_a_district_is_refused(client, report_page, valid_data, all_of_norfolk):
    response = post(client, valid_data(district=str(all_of_norfolk.pk)))

    assert response.status_code == 200
    assert "Choose a part of Norfolk from the list" in response.content.decode()


def test_oversized_text_is_shown_back_in_full(client, report_page, valid_data):
    text = "word " * 1200

    response = post(client, valid_data(what_seen=text))

    assert text.strip() in response.content.decode()


@pytest.mark.parametrize(
    "encoded",
    [
        "%ED%A0%80",  # a lone surrogate, as UTF-8 bytes
        "%FF%FE",  # bytes that are not UTF-8
        "%C3",  # a truncated character
        "abc%00def",  # a NUL byte
    ],
)
def test_broken_encodings_get_a_clear_message(client, report_page, encoded):
    body = f"what_seen=Men+at+the+farm+{encoded}&token={quote(aged_token())}"

    response = client.post(URL, body, content_type="application/x-www-form-urlencoded")

    assert response.status_code == 200
    assert "Some characters could not be read." in response.content.decode()
    assert "Men at the farm" in response.content.decode()
    assert not Report.objects.exists()


def test_an_empty_post_gets_a_clear_message(client, report_page):
    response = client.post(URL, {})

    assert response.status_code == 200
    assert "Tell us what you saw or heard." in response.content.decode()


def test_error_summary_links_to_the_fields(client, report_page, valid_data):
    html = post(client, valid_data(what_seen="", who_affected="boss")).content.decode()

    assert '<a href="#id_what_seen">Tell us what you saw or heard.</a>' in html
    assert '<a href="#id_who_affected_0">Choose one of the answers.</a>' in html
    assert 'aria-invalid="true"' in html
    assert "<title>Error:" in html


# The form switched off ----------------------------------------------------------------


def test_form_switched_off_stores_nothing_and_shows_the_text_back(client, report_page, valid_data):
    report_page.form_enabled = False
    report_page.save_revision().publish()

    response = post(client, valid_data())

    assert response.status_code == 200
    assert not Report.objects.exists()
    assert "Your report was not sent." in response.content.decode()
    assert TEXT in response.content.decode()


# A failed CSRF check keeps the text ---------------------------------------------------


def test_failed_csrf_check_on_the_report_page_shows_the_form_again(report_page, valid_data, settings):
    settings.CSRF_FAILURE_VIEW = "reports.views.csrf_failure"
    browser = Client(enforce_csrf_checks=True)

    response = browser.post(URL, valid_data())

    assert response.status_code == 403
    html = response.content.decode()
    assert "a security check failed" in html
    assert TEXT in html
    assert settings.CSRF_COOKIE_NAME in response.cookies
    assert not Report.objects.exists()


def test_after_a_failed_csrf_check_sending_again_works(report_page, valid_data, settings):
    settings.CSRF_FAILURE_VIEW = "reports.views.csrf_failure"
    settings.REPORTS_MIN_FILL_SECONDS = 0
    browser = Client(enforce_csrf_checks=True)
    html = browser.post(URL, valid_data()).content.decode()
    hidden = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', html))

    response = browser.post(URL, {**valid_data(), **hidden})

    assert response.status_code == 303
    assert Report.objects.count() == 1


def test_failed_csrf_check_elsewhere_gets_the_usual_page(report_page, settings):
    settings.CSRF_FAILURE_VIEW = "reports.views.csrf_failure"
    browser = Client(enforce_csrf_checks=True)

    response = browser.post("/en/", {"what_seen": TEXT})

    assert response.status_code == 403
    assert TEXT not in response.content.decode()


# Notification -------------------------------------------------------------------------


def test_new_report_emails_the_leads_a_link_and_none_of_the_content(
    client, report_page, norwich, valid_data, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.REPORTS_NOTIFY_EMAIL = ["lead@example.org", "deputy@example.org"]
    data = valid_data(
        district=str(norwich.pk),
        contact_name="Sam Reporter",
        contact_phone="07700 900123",
        contact_email="sam@example.org",
    )

    with django_capture_on_commit_callbacks(execute=True):
        post(client, data)

    report = Report.objects.get()
    (email,) = mailoutbox
    assert email.to == ["lead@example.org", "deputy@example.org"]
    assert f"http://testserver/admin/concern-reports/{report.pk}/" in email.body
    message = email.message().as_string()
    for value in (TEXT, "car wash", "Example Road", "Tuesday", "Norwich", "Sam", "07700", "sam@example.org"):
        assert value not in message
        assert value not in email.subject


def test_no_email_without_recipients(
    client, report_page, valid_data, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.REPORTS_NOTIFY_EMAIL = []

    with django_capture_on_commit_callbacks(execute=True):
        post(client, valid_data())

    assert mailoutbox == []


def test_no_email_for_a_replayed_form(
    client, report_page, valid_data, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.REPORTS_NOTIFY_EMAIL = ["lead@example.org"]
    data = valid_data()

    with django_capture_on_commit_callbacks(execute=True):
        post(client, data)
        post(client, data)

    assert len(mailoutbox) == 1


def test_a_failing_mail_server_does_not_lose_the_report(
    client, report_page, valid_data, settings, monkeypatch, django_capture_on_commit_callbacks, caplog
):
    settings.REPORTS_NOTIFY_EMAIL = ["lead@example.org"]

    def broken_send_mail(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr("reports.notifications.send_mail", broken_send_mail)

    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, valid_data())

    assert response.status_code == 303
    assert Report.objects.count() == 1
    assert TEXT not in caplog.text
