"""The dashboard lists, per language, translations out of date with their English source."""

import pytest
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from home.translation_tools import translate_with_localize
from tests.factories import AdvicePageFactory

from .helpers import logged_in

pytestmark = pytest.mark.django_db


def translate(page, on_commit):
    # wagtail-localize publishes a translation once the transaction commits.
    with on_commit(execute=True):
        translation, _untranslated = translate_with_localize(
            page, Locale.objects.get(language_code="pl"), lambda text: f"[pl] {text}"
        )
    return translation


@pytest.fixture
def stale_polish_advice(site, django_capture_on_commit_callbacks):
    english = AdvicePageFactory(parent=site.advice_index, title="Your rights", live=False)
    english.save_revision().publish()
    polish = translate(english, django_capture_on_commit_callbacks)
    english.title = "Your rights at work"
    english.save_revision().publish()  # the English page changed after the translation
    return polish


def sync_url(page):
    english = page.get_translation(Locale.get_default())
    return f"/admin/localize/update/{TranslationSource.objects.get_for_instance(english).pk}/?next=%2Fadmin%2F"


def test_translators_see_out_of_date_translations_with_a_button_to_sync_them(stale_polish_advice, users):
    html = logged_in(users["translator"]).get("/admin/").content.decode()

    assert "Your translation work" in html
    assert "Polski" in html
    assert "Your rights at work" in html
    assert "English changed" in html
    assert f'href="{sync_url(stale_polish_advice)}"' in html


def test_editors_see_them_with_the_sync_button_but_no_link_to_the_translation(stale_polish_advice, users):
    html = logged_in(users["editor"]).get("/admin/").content.decode()

    assert "Translations out of date" in html
    assert "Your rights at work" in html
    assert f'href="{sync_url(stale_polish_advice)}"' in html
    assert f"/admin/pages/{stale_polish_advice.pk}/edit/" not in html


def test_staff_who_do_not_translate_do_not_see_the_panel(stale_polish_advice, users):
    html = logged_in(users["safeguarding_lead"]).get("/admin/").content.decode()

    assert "Translations out of date" not in html
    assert "Your translation work" not in html


def test_no_panel_when_translations_are_up_to_date(site, users, django_capture_on_commit_callbacks):
    english = AdvicePageFactory(parent=site.advice_index, title="Your rights", live=False)
    english.save_revision().publish()
    translate(english, django_capture_on_commit_callbacks)

    assert "Translations out of date" not in logged_in(users["editor"]).get("/admin/").content.decode()
    # Translators still see what waits to be started elsewhere, but not this page.
    html = logged_in(users["translator"]).get("/admin/").content.decode()
    assert "Your translation work" in html
    assert "Your rights" not in html
