"""On a phone (390×844) what someone in danger needs is within the first screen, in every language."""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
SCREEN_BOTTOM = 844
# Enough of a text box to see that it is one and start typing in it: two lines.
FIELD_START = 48


def bottom(page, selector):
    box = page.locator(selector).first.bounding_box()
    return box["y"] + box["height"]


def top(page, selector):
    return page.locator(selector).first.bounding_box()["y"]


@pytest.fixture
def phone(browser):
    context = browser.new_context(**PHONE)
    yield context.new_page()
    context.close()


@pytest.fixture
def demo_site(live_server):
    call_command("load_demo_content", stdout=StringIO())
    return live_server.url


def test_phone_shows_help_service_numbers_and_the_report_form_in_the_first_screen(phone, demo_site):
    from directory.models import ServicePage

    service = ServicePage.objects.live().filter(locale__language_code="en").exclude(phone="").order_by("title").first()
    too_low = {}
    for code, _name in settings.LANGUAGES:
        phone.goto(f"{demo_site}/{code}/")
        for name, selector in (("Call 999", ".phone-button--emergency"), ("helpline", ".helpline__number a")):
            if bottom(phone, selector) > SCREEN_BOTTOM:
                too_low[f"/{code}/ {name}"] = bottom(phone, selector)

    for code in ("en", "pl", "ar", "ti"):
        phone.goto(f"{demo_site}/{code}/services/{service.slug}/")
        if bottom(phone, ".service__contact .phone-link") > SCREEN_BOTTOM:
            too_low[f"/{code}/ service phone"] = bottom(phone, ".service__contact .phone-link")

        phone.goto(f"{demo_site}/{code}/report/")
        if bottom(phone, "label[for=id_what_seen]") > SCREEN_BOTTOM:
            too_low[f"/{code}/ report label"] = bottom(phone, "label[for=id_what_seen]")
        if top(phone, "#id_what_seen") > SCREEN_BOTTOM - FIELD_START:
            too_low[f"/{code}/ report field"] = top(phone, "#id_what_seen")

    assert too_low == {}


def test_the_help_still_comes_first_on_a_wide_screen(browser, live_server):
    call_command("load_demo_content", skip_translations=True, stdout=StringIO())
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server.url}/en/")

    assert bottom(page, ".phone-button--emergency") <= 900
    # The introduction follows the help panel, on screen as in the markup.
    assert top(page, ".home-intro__lead") > bottom(page, ".help-panel")
    context.close()
