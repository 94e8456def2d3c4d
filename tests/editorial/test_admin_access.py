"""Admin access: sign-in lockouts (django-axes), two-factor authentication, branding."""

import pytest
from axes.models import AccessAttempt, AccessLog
from django.test import Client, override_settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from .helpers import denied, logged_in

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PASSWORD = "a-long-test-password"
LOCKOUTS = "/admin/sign-in-lockouts/"


def sign_in(client, username, password, ip="192.0.2.10"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


def fail(client, username, times, ip="192.0.2.10"):
    return [sign_in(client, username, "wrong password", ip).status_code for _ in range(times)]


@pytest.fixture
def editor(users):
    return users["editor"]


# Lockouts ---------------------------------------------------------------------------------


def test_five_failures_lock_the_username_at_that_address(client, editor, settings):
    assert settings.AXES_FAILURE_LIMIT == 5

    assert fail(client, "editor", 5) == [200, 200, 200, 200, 429]
    response = sign_in(client, "editor", PASSWORD)

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    page = response.content.decode()
    assert "Sign-in paused" in page
    assert "signing in with this username from here is paused for 30 minutes" in page


def test_the_lockout_is_keyed_by_username_and_address(client, editor):
    fail(client, "editor", 5)

    assert sign_in(Client(), "editor", PASSWORD, ip="198.51.100.7").status_code == 302
    assert sign_in(Client(), "moderator", PASSWORD).status_code == 302


def test_a_forwarded_address_is_ignored_unless_a_proxy_header_is_configured(client, editor):
    for n in range(5):
        status = client.post(LOGIN, {"username": "editor", "password": "wrong"}, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")

    assert status.status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"127.0.0.1"}


def test_behind_a_proxy_the_lockout_is_keyed_by_the_address_the_proxy_saw(client, editor, settings):
    settings.IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = settings.IPWARE_META_PRECEDENCE_ORDER  # axes copied it at start-up
    credentials = {"username": "editor", "password": "wrong"}
    for n in range(5):
        client.post(LOGIN, credentials, HTTP_X_FORWARDED_FOR=f"forged-{n}, 198.51.100.7")

    locked = client.post(LOGIN, {"username": "editor", "password": PASSWORD}, HTTP_X_FORWARDED_FOR="198.51.100.7")
    elsewhere = Client().post(LOGIN, {"username": "editor", "password": PASSWORD}, HTTP_X_FORWARDED_FOR="198.51.100.8")

    assert locked.status_code == 429
    assert elsewhere.status_code == 302
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["198.51.100.7"]


def test_a_successful_sign_in_resets_the_count(client, editor):
    fail(client, "editor", 4)
    assert sign_in(client, "editor", PASSWORD).status_code == 302
    client.logout()

    assert fail(client, "editor", 4) == [200, 200, 200, 200]
    assert sign_in(client, "editor", PASSWORD).status_code == 302


def test_the_lockout_ends_after_the_cool_off(client, editor):
    fail(client, "editor", 5)
    AccessAttempt.objects.update(attempt_time="2020-01-01T00:00:00Z")

    assert sign_in(client, "editor", PASSWORD).status_code == 302


def test_successful_sign_ins_and_public_visits_leave_no_address_behind(client, editor, site):
    assert client.get("/en/").status_code == 200
    assert sign_in(client, "editor", PASSWORD).status_code == 302

    assert AccessLog.objects.count() == 0
    assert AccessAttempt.objects.count() == 0


def test_superusers_see_lockouts_and_can_unlock(client, editor, users):
    fail(client, "editor", 5)
    superuser = logged_in(users["superuser"])

    listing = superuser.get(LOCKOUTS)
    assert listing.status_code == 200
    assert "editor" in listing.content.decode()
    assert "192.0.2.10" in listing.content.decode()
    attempt = AccessAttempt.objects.get()
    assert superuser.get(f"{LOCKOUTS}inspect/{attempt.pk}/").status_code == 200
    assert superuser.post(f"{LOCKOUTS}delete/{attempt.pk}/").status_code == 302

    assert sign_in(client, "editor", PASSWORD).status_code == 302


def test_lockouts_are_read_only_even_for_superusers(client, editor, users):
    fail(client, "editor", 5)
    superuser = logged_in(users["superuser"])
    attempt = AccessAttempt.objects.get()

    assert denied(superuser.get(reverse("sign_in_lockouts:add")))
    assert denied(superuser.get(reverse("sign_in_lockouts:edit", args=[attempt.pk])))
    assert "Add access attempt" not in superuser.get(LOCKOUTS).content.decode()


@pytest.mark.parametrize("role", ["editor", "moderator", "translator", "directory_maintainer", "safeguarding_lead"])
def test_nobody_else_sees_lockouts(client, users, role):
    fail(client, "someone", 5)
    staff = logged_in(users[role])

    assert denied(staff.get(LOCKOUTS))
    assert LOCKOUTS not in staff.get("/admin/").content.decode()


def test_the_settings_menu_links_superusers_to_the_lockouts(users):
    assert LOCKOUTS in logged_in(users["superuser"]).get("/admin/").content.decode()


# Two-factor authentication ----------------------------------------------------------------


def confirmed_device(user):
    return TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)


def code(device):
    return str(totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)).zfill(device.digits)


def test_2fa_off_staff_without_a_device_use_the_admin(editor):
    assert logged_in(editor).get("/admin/").status_code == 200


def test_2fa_off_staff_who_set_up_a_device_must_still_use_it(editor):
    device = confirmed_device(editor)
    client = logged_in(editor)

    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/2fa/auth?next=/admin/"

    assert client.post("/admin/2fa/auth", {"otp_token": code(device)}).status_code == 302
    assert client.get("/admin/").status_code == 200


@override_settings(NASN_REQUIRE_2FA=True)
def test_2fa_required_staff_without_a_device_are_sent_to_set_one_up(editor):
    client = logged_in(editor)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/2fa/devices/new")


@override_settings(NASN_REQUIRE_2FA=True)
def test_2fa_required_setting_up_a_device_lets_staff_in(editor):
    client = logged_in(editor)

    setup = client.get("/admin/2fa/devices/new")
    assert setup.status_code == 200
    assert client.get("/admin/2fa/devices/qr-code").status_code == 200
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    response = client.post("/admin/2fa/devices/new", {"name": "Phone", "otp_token": code(device), "password": PASSWORD})

    assert response.status_code == 302
    assert TOTPDevice.objects.get(user=editor).confirmed
    assert client.get("/admin/").status_code == 200


@override_settings(NASN_REQUIRE_2FA=True)
def test_2fa_required_a_wrong_code_keeps_staff_out(editor):
    confirmed_device(editor)
    client = logged_in(editor)

    client.post("/admin/2fa/auth", {"otp_token": "000000"})

    assert client.get("/admin/").status_code == 302


@override_settings(NASN_REQUIRE_2FA=True)
def test_2fa_required_does_not_touch_the_public_site(editor, site):
    client = logged_in(editor)

    response = client.get("/en/")

    assert response.status_code == 200
    assert "Cookie" not in response.get("Vary", "")


@override_settings(NASN_REQUIRE_2FA=True)
def test_2fa_required_signing_in_and_out_still_works(editor):
    client = Client()

    assert client.get(LOGIN).status_code == 200
    assert sign_in(client, "editor", PASSWORD).status_code == 302
    assert client.get("/admin/").status_code == 302  # on to the device set-up
    assert client.post("/admin/logout/").status_code == 302


# Branding -----------------------------------------------------------------------------------


def test_the_sign_in_page_carries_the_network_name_and_logo(client):
    page = client.get(LOGIN).content.decode()

    assert "<title>Sign in - Norfolk Anti-Slavery Network</title>" in page
    assert "Sign in to the Norfolk Anti-Slavery Network" in page
    assert "/static/img/favicon.svg" in page


def test_the_admin_carries_the_network_name(users):
    page = logged_in(users["editor"]).get("/admin/").content.decode()

    assert "Norfolk Anti-Slavery Network</title>" in page


def test_a_code_from_any_of_the_users_devices_is_accepted(editor):
    confirmed_device(editor)
    tablet = TOTPDevice.objects.create(
        user=editor, name="Tablet", confirmed=True, key="3132333435363738393031323334353637383930"
    )
    client = logged_in(editor)

    assert client.post("/admin/2fa/auth", {"otp_token": code(tablet)}).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_staff_find_the_2fa_settings_in_their_account(editor):
    response = logged_in(editor).get("/admin/account/")

    assert response.status_code == 200
    assert f"/admin/2fa/devices/{editor.pk}" in response.content.decode()


def test_superusers_can_manage_other_users_devices(users, editor):
    superuser = logged_in(users["superuser"])

    assert f"/admin/2fa/devices/{editor.pk}" in superuser.get("/admin/users/").content.decode()
    assert superuser.get(f"/admin/2fa/devices/{editor.pk}").status_code == 200


def test_the_admin_asks_no_third_party_for_avatars(users):
    page = logged_in(users["editor"]).get("/admin/").content.decode()

    assert "gravatar" not in page


def test_admin_pages_send_their_origin_so_browsers_pass_the_csrf_check(client):
    # With no-referrer, browsers post forms with "Origin: null", which Django's CSRF check refuses.
    assert client.get(LOGIN)["Referrer-Policy"] == "same-origin"
    assert client.get("/en/")["Referrer-Policy"] == "no-referrer"


def test_a_browser_posting_its_origin_can_sign_in(editor):
    client = Client(enforce_csrf_checks=True)
    token = client.get(LOGIN).cookies["csrftoken"].value

    response = client.post(
        LOGIN,
        {"username": "editor", "password": PASSWORD, "csrfmiddlewaretoken": token},
        HTTP_ORIGIN="http://testserver",
    )

    assert response.status_code == 302
