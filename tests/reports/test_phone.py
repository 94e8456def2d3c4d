"""The reporter's phone number and the helplines the report page shows (home/phones.py)."""

import pytest
from django.test import override_settings

from reports.models import Report
from tests.factories import HelplineFactory
from tests.reports.test_submission import TEXT, URL, assert_redisplayed_with_text, post

pytestmark = pytest.mark.django_db


def test_a_phone_number_is_stored_in_e164(client, report_page, valid_data):
    post(client, valid_data(contact_phone="+48 512 345 678"))

    assert Report.objects.filter(contact_phone="+48512345678").exists()


def test_a_phone_number_that_is_not_one_keeps_the_reporters_text(client, report_page, valid_data):
    response = post(client, valid_data(contact_phone="077"))

    assert_redisplayed_with_text(response, "Check this phone number: it needs all its digits")
    assert 'value="077"' in response.content.decode()
    assert TEXT in response.content.decode()
    assert not Report.objects.exists()


def test_the_help_panel_shows_the_featured_helplines(client, report_page):
    HelplineFactory(name="Featured line", number="0800 555 111", is_featured=True)
    HelplineFactory(name="Other line", number="0800 1111", is_featured=False)

    html = client.get(URL).content.decode()

    assert "Featured line" in html
    assert 'href="tel:+44800555111"' in html
    assert "0800 555 111" in html
    assert "Other line" not in html


@override_settings(NASN_FALLBACK_HELPLINES=[{"name": "Fallback line", "number": "0800 808 3733"}])
def test_without_featured_helplines_the_panel_falls_back_to_settings(client, report_page):
    html = client.get(URL).content.decode()

    assert "Fallback line" in html
    assert 'href="tel:+448008083733"' in html
