"""Staff sessions: they end at browser close, after the idle limit and after the absolute limit."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.utils import timezone
from freezegun import freeze_time

from editorial.sessions import LAST_SEEN, LOGIN_AT

pytestmark = pytest.mark.django_db

ADMIN = "/admin/"
PASSWORD = "a-long-test-password"


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_superuser("lead", "lead@example.org", PASSWORD)


def sign_in(client, **extra):
    data = {"username": "lead", "password": PASSWORD, **extra}
    response = client.post("/admin/login/", data, REMOTE_ADDR="192.0.2.10")
    assert response.status_code == 302, response.status_code
    return response


def signed_in(client):
    return client.get(ADMIN).status_code == 200


def test_defaults():
    assert settings.NASN_SESSION_IDLE_MINUTES == 60
    assert settings.NASN_SESSION_MAX_HOURS == 9
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert settings.SESSION_COOKIE_AGE == 60 * 60


def test_signing_in_records_the_time_and_sets_a_browser_session_cookie(client, staff):
    start = timezone.now()
    with freeze_time(start):
        response = sign_in(client)
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == "" and cookie["expires"] == ""  # gone when the browser closes
    assert client.session[LOGIN_AT] == client.session[LAST_SEEN] == int(start.timestamp())


def test_remember_me_does_not_outlive_the_browser(client, staff):
    response = sign_in(client, remember="on")
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == "" and cookie["expires"] == ""
    assert client.session.get_expire_at_browser_close()


def test_an_idle_session_ends_after_the_idle_limit(client, staff):
    start = timezone.now()
    with freeze_time(start):
        sign_in(client)
    with freeze_time(start + timedelta(minutes=59)):
        assert signed_in(client)
    with freeze_time(start + timedelta(minutes=59 + 61)):
        response = client.get(ADMIN)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")
        assert not signed_in(client)


def test_the_idle_limit_comes_from_the_environment_setting(client, staff, settings):
    settings.NASN_SESSION_IDLE_MINUTES = 10
    start = timezone.now()
    with freeze_time(start):
        sign_in(client)
    with freeze_time(start + timedelta(minutes=11)):
        assert not signed_in(client)


def test_an_active_session_ends_after_the_absolute_limit(client, staff):
    start = timezone.now()
    with freeze_time(start):
        sign_in(client)
    for minutes in range(30, 9 * 60 + 1, 30):  # a request every half hour for nine hours
        with freeze_time(start + timedelta(minutes=minutes)):
            assert signed_in(client), minutes
    with freeze_time(start + timedelta(hours=9, minutes=1)):
        assert not signed_in(client)
    assert not Session.objects.filter(session_key=client.session.session_key).exists()


def test_last_seen_is_saved_at_most_once_a_minute(client, staff):
    start = timezone.now()
    with freeze_time(start):
        sign_in(client)
    key = client.session.session_key
    with freeze_time(start + timedelta(seconds=30)):
        response = client.get(ADMIN)
        assert settings.SESSION_COOKIE_NAME not in response.cookies  # not saved, not re-sent
    assert client.session[LAST_SEEN] == int(start.timestamp())
    with freeze_time(start + timedelta(seconds=90)):
        response = client.get(ADMIN)
        assert settings.SESSION_COOKIE_NAME in response.cookies
    assert client.session[LAST_SEEN] == int(start.timestamp()) + 90
    # Saving renews the session store's own expiry, which is the idle limit.
    expiry = Session.objects.get(session_key=key).expire_date
    assert expiry == start + timedelta(seconds=90, hours=1)


def test_a_session_without_a_login_time_is_ended(client, staff):
    sign_in(client)
    session = client.session
    del session[LOGIN_AT]
    session.save()
    assert not signed_in(client)


def test_visitors_get_no_session_and_no_cookie(client, staff):
    response = client.get("/admin/login/")  # the sign-in form's CSRF cookie aside
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    response = client.get("/en/")
    assert dict(response.cookies) == {}
    assert "Cookie" not in response.get("Vary", "")
    assert Session.objects.count() == 0


def test_a_stale_cookie_from_a_visitor_creates_no_session(client):
    client.cookies[settings.SESSION_COOKIE_NAME] = "not-a-session"
    response = client.get("/en/")
    assert response.status_code == 200
    assert Session.objects.count() == 0
    # Django's SessionMiddleware clears an unknown session cookie; nothing new is set.
    cookie = response.cookies.get(settings.SESSION_COOKIE_NAME)
    assert cookie is None or cookie.value == ""
