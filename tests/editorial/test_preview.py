"""Preview works for every page type and for translations; the content checker runs in it."""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation

from home.translation_tools import translate_with_localize
from tests.factories import AdvicePageFactory

from .helpers import edit_form_data, logged_in

pytestmark = pytest.mark.django_db

PAGE_TYPES = [
    "home",
    "standard_section",
    "advice_index",
    "advice",
    "news_index",
    "news",
    "directory_index",
    "service",
    "report_page",
    "pl_home",
    "pl_advice",
]


def preview(client, page):
    """Send the edit form to the preview view, as the editor's preview panel does, then load it."""
    url = f"/admin/pages/{page.pk}/edit/preview/"
    state = client.post(url, edit_form_data(client, page))
    assert state.json() == {"is_valid": True, "is_available": True}
    return client.get(url)


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_preview_of_every_page_type(site, users, name):
    page = getattr(site, name)

    response = preview(logged_in(users["superuser"]), page)

    assert response.status_code == 200
    assert page.title in response.content.decode()


def test_editors_preview_the_advice_they_edit(site, users):
    response = preview(logged_in(users["editor"]), site.advice)

    assert response.status_code == 200
    assert "Spot the signs" in response.content.decode()


def test_translators_preview_polish_advice_in_polish(site, users):
    response = preview(logged_in(users["translator"]), site.pl_advice)

    assert response.status_code == 200
    assert "Rozpoznaj sygnały" in response.content.decode()


def test_preview_from_the_wagtail_localize_translation_editor(site, users, django_capture_on_commit_callbacks):
    english = AdvicePageFactory(parent=site.advice_index, title="Your rights", live=False)
    english.save_revision().publish()
    polish_locale = Locale.objects.get(language_code="pl")
    with django_capture_on_commit_callbacks(execute=True):
        polish, _untranslated = translate_with_localize(english, polish_locale, lambda text: f"[pl] {text}")
    translation = Translation.objects.get(source__object_id=english.translation_key, target_locale=polish_locale)
    translator = logged_in(users["translator"])

    editor = translator.get(f"/admin/pages/{polish.pk}/edit/")
    response = translator.get(reverse("wagtail_localize:preview_translation", args=[translation.pk]))

    assert editor.status_code == 200
    assert response.status_code == 200
    assert "[pl] Your rights" in response.content.decode()


def test_the_preview_carries_the_content_checker_with_the_sites_rules(site, users):
    response = preview(logged_in(users["editor"]), site.advice)

    assert 'id="wagtail-userbar-template"' in response.content.decode()
    config = axe_configuration(response.content.decode())
    assert config["context"]["include"] == ["main"]
    assert {"image-alt", "heading-order", "link-name", "empty-heading", "alt-text-quality"} <= set(
        config["options"]["runOnly"]
    )


def test_the_editors_checks_panel_uses_the_sites_rules(site, users):
    response = logged_in(users["editor"]).get(f"/admin/pages/{site.advice.pk}/edit/")

    config = axe_configuration(response.content.decode())
    assert config["context"]["include"] == ["main"]
    assert "image-alt" in config["options"]["runOnly"]


def test_live_pages_carry_no_user_bar_even_for_staff(site, users):
    response = logged_in(users["editor"]).get(site.advice.url)

    assert response.status_code == 200
    assert "wagtail-userbar" not in response.content.decode()
    assert "checker-axe-configuration" not in response.content.decode()


def axe_configuration(html):
    soup = BeautifulSoup(html, "html.parser")
    script = soup.find("script", id="checker-axe-configuration")
    assert script is not None, "no content checker configuration on the page"
    return json.loads(script.string)
