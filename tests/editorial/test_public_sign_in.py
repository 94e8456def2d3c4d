"""The public sign-in for pages behind a sign-in honours two-factor authentication like the admin."""

import pytest
from django.test import Client, override_settings
from wagtail.models import PageViewRestriction

from .helpers import logged_in
from .test_admin_access import PASSWORD, code, confirmed_device

pytestmark = pytest.mark.django_db

SIGN_IN = "/en/_util/login/"


@pytest.fixture
def members_page(site):
    PageViewRestriction.objects.create(page=site.standard_page, restriction_type=PageViewRestriction.LOGIN)
    return site.standard_page.url


@pytest.fixture
def editor(users):
    return users["editor"]


def sign_in(client, members_page, **extra):
    return client.post(SIGN_IN, {"username": "editor", "password": PASSWORD, "next": members_page, **extra})


def test_the_page_asks_for_a_sign_in(members_page):
    response = Client().get(members_page)

    assert response.status_code == 302
    assert response["Location"].startswith(f"{SIGN_IN}?next=")


def test_the_sign_in_form_has_a_field_for_the_code(members_page):
    form = Client().get(f"{SIGN_IN}?next={members_page}").content.decode()

    assert 'name="otp_token"' in form
    assert 'autocomplete="one-time-code"' in form


def test_without_2fa_a_password_opens_the_page(editor, members_page):
    client = Client()

    assert sign_in(client, members_page).status_code == 302
    assert client.get(members_page).status_code == 200


@override_settings(NASN_REQUIRE_2FA=True)
def test_2fa_required_a_password_alone_is_refused(editor, members_page):
    confirmed_device(editor)
    client = Client()

    response = sign_in(client, members_page)

    assert response.status_code == 200
    assert "Enter the current code from your authenticator app." in response.content.decode()
    assert client.get(members_page).status_code == 302


@override_settings(NASN_REQUIRE_2FA=True)
def test_2fa_required_a_wrong_code_is_refused(editor, members_page):
    confirmed_device(editor)
    client = Client()

    assert sign_in(client, members_page, otp_token="000000").status_code == 200
    assert client.get(members_page).status_code == 302


@override_settings(NASN_REQUIRE_2FA=True)
def test_2fa_required_the_password_and_the_code_open_the_page(editor, members_page):
    device = confirmed_device(editor)
    client = Client()

    assert sign_in(client, members_page, otp_token=code(device)).status_code == 302
    assert client.get(members_page).status_code == 200
    assert client.get("/admin/").status_code == 200  # verified for the admin too


@override_settings(NASN_REQUIRE_2FA=True)
def test_2fa_required_users_without_a_device_are_told_to_set_one_up(editor, members_page):
    client = Client()

    response = sign_in(client, members_page, otp_token="123456")

    assert "Set up two-factor authentication in the admin before signing in here." in response.content.decode()
    assert client.get(members_page).status_code == 302


def test_a_device_set_up_counts_even_when_2fa_is_optional(editor, members_page):
    device = confirmed_device(editor)
    client = Client()

    assert sign_in(client, members_page).status_code == 200
    assert sign_in(client, members_page, otp_token=code(device)).status_code == 302
    assert client.get(members_page).status_code == 200


@override_settings(NASN_REQUIRE_2FA=True)
def test_half_way_through_the_admin_sign_in_counts_as_signed_out(editor, members_page):
    confirmed_device(editor)
    client = logged_in(editor)  # the password step done, the code not yet entered

    assert client.get(members_page).status_code == 302
