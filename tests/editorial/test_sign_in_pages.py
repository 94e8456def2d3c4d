"""The public sign-in and password pages are the site's own pages, in the visitor's language."""

import re

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.django_db

LANGUAGES = {"en": "ltr", "pl": "ltr", "ar": "rtl", "ti": "ltr"}


def template_names(response):
    return [template.name for template in response.templates]


def label_for(html, input_id):
    return re.search(rf'<label class="field__label" for="{input_id}">', html) is not None


@pytest.fixture
def members_page(site):
    PageViewRestriction.objects.create(page=site.standard_page, restriction_type=PageViewRestriction.LOGIN)
    return site.standard_page


@pytest.fixture
def password_page(site):
    PageViewRestriction.objects.create(
        page=site.standard_page, restriction_type=PageViewRestriction.PASSWORD, password="opensesame"
    )
    return site.standard_page


def get_form_page(kind, language, site):
    """The sign-in page (kind "sign_in") or a page's password page (kind "password_required")."""
    page = site.standard_page
    if kind == "sign_in":
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
        return Client().get(f"/{language}/_util/login/?next=/{language}/")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="x")
    return Client().get(f"/{language}/{page.url.removeprefix('/en/')}")


@pytest.mark.parametrize("kind", ["sign_in", "password_required"])
@pytest.mark.parametrize(("language", "direction"), LANGUAGES.items())
def test_form_page_extends_the_site_page_in_the_visitors_language(kind, language, direction, site):
    response = get_form_page(kind, language, site)
    html = response.content.decode()

    assert response.status_code == 200
    assert template_names(response)[:3] == [f"editorial/{kind}.html", "editorial/form_page.html", "base.html"]
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert "data-leave-site" in html
    assert '<meta name="robots" content="noindex">' in html
    assert label_for(html, "id_password")
    assert re.search(r'<input[^>]*type="password"[^>]*autocomplete="current-password"', html)


def test_a_login_restricted_page_in_arabic_sends_to_the_arabic_sign_in(members_page):
    response = Client().get(f"/ar/{members_page.url.removeprefix('/en/')}")

    assert response.status_code == 302
    assert response["Location"].startswith("/ar/_util/login/?next=")


def test_sign_in_fields_are_labelled_with_autocomplete_hints(members_page):
    html = Client().get("/en/_util/login/?next=/en/").content.decode()

    for input_id in ("id_username", "id_password", "id_otp_token"):
        assert label_for(html, input_id)
    assert re.search(r'<input[^>]*name="username"[^>]*autocomplete="username"', html)
    assert re.search(r'<input[^>]*name="password"[^>]*autocomplete="current-password"', html)
    assert re.search(r'<input[^>]*name="otp_token"[^>]*autocomplete="one-time-code"[^>]*dir="ltr"', html)
    assert re.search(r'<input[^>]*autocomplete="one-time-code"[^>]*aria-describedby="id_otp_token_helptext"', html)
    assert '<legend class="sign-in__legend">Two-factor authentication</legend>' in html
    assert 'name="next" value="/en/"' in html


def test_a_failed_sign_in_is_announced_and_keeps_the_return_address(users, members_page):
    response = Client().post("/en/_util/login/", {"username": "editor", "password": "wrong", "next": "/en/"})
    html = response.content.decode()

    assert response.status_code == 200
    assert "<title>Error: Sign in" in html
    assert re.search(r'<div class="error-summary" role="alert"[^>]*>\s*<h2[^>]*>There is a problem</h2>', html)
    assert "Please enter a correct username and password." in html
    assert 'name="next" value="/en/"' in html


def test_a_missing_username_is_linked_from_the_summary_to_its_field(members_page):
    html = Client().post("/en/_util/login/", {"password": "x"}).content.decode()

    assert '<li><a href="#id_username">Username: This field is required.</a></li>' in html
    assert re.search(r'<input[^>]*name="username"[^>]*aria-invalid="true"', html)


def test_password_page_shows_nothing_of_the_page(password_page):
    html = Client().get(password_page.url).content.decode()

    assert password_page.summary not in html
    assert password_page.title not in html
    assert "data-readership" not in html
    assert '<meta name="robots" content="noindex">' in html


def test_a_wrong_password_is_announced_on_the_field(password_page):
    client = Client()
    page_html = client.get(password_page.url).content.decode()
    action = re.search(r'<form class="sign-in__form" method="post" action="([^"]+)"', page_html).group(1)

    response = client.post(action, {"password": "wrong", "return_url": password_page.url})
    html = response.content.decode()

    assert response.status_code == 200
    assert "<title>Error: Password required" in html
    wrong = "Password: The password you have entered is not correct. Please try again."
    assert f'<li><a href="#id_password">{wrong}</a></li>' in html
    assert re.search(r'<input[^>]*type="password"[^>]*aria-invalid="true" aria-describedby="id_password_error"', html)


def test_the_right_password_opens_the_page(password_page):
    client = Client()
    page_html = client.get(password_page.url).content.decode()
    action = re.search(r'action="(/en/_util/authenticate_with_password/[^"]+)"', page_html).group(1)

    response = client.post(action, {"password": "opensesame", "return_url": password_page.url})

    assert response.status_code == 302
    assert client.get(password_page.url).status_code == 200
