"""Translating through the admin: drafts until published, no English published by accident,
syncs that keep translated text, and each translator's list of work with one button per item."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.test import RequestFactory
from wagtail.admin.menu import reports_menu
from wagtail.models import GroupPagePermission, Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from editorial.translation_report import (
    IN_PROGRESS,
    NOT_PUBLISHED,
    NOT_STARTED,
    OUT_OF_DATE,
    UP_TO_DATE,
    translation_work,
    work_items,
)
from tests.factories import AdvicePageFactory, HelplineFactory

from .helpers import denied, logged_in

pytestmark = pytest.mark.django_db


def locale(code):
    return Locale.objects.get(language_code=code)


def english_advice(site, title, texts):
    page = AdvicePageFactory(
        parent=site.advice_index, title=title, body=[("text", f"<p>{text}</p>") for text in texts], live=False
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def start_translation(client, page, code, on_commit):
    with on_commit(execute=True):
        response = client.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": [locale(code).pk]})
    return response


def translate_all(page, code, translate=lambda text: f"[pl] {text}"):
    """What a translator does in the translation editor, segment by segment."""
    source = TranslationSource.objects.get_for_instance(page)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale(code),
            context=segment.context,
            defaults={"data": translate(segment.string.data), "translation_type": "manual"},
        )


def polish(page):
    return Page.objects.get(translation_key=page.translation_key, locale__language_code="pl").specific


def publish_in_editor(client, translation, on_commit):
    with on_commit(execute=True):
        return client.post(f"/admin/pages/{translation.pk}/edit/", {"action": "publish"})


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def rights(site):
    return english_advice(site, "Your rights", ["You have rights.", "Call the helpline."])


# Starting a translation ------------------------------------------------------------------


def test_translate_this_page_creates_a_draft_that_is_not_live(site, users, rights, django_capture_on_commit_callbacks):
    start_translation(logged_in(users["editor"]), rights, "pl", django_capture_on_commit_callbacks)

    translation = polish(rights)
    assert not translation.live
    # Visitors still get the English page, with the "not yet translated" notice.
    visitor = logged_in(users["staff"]).get("/pl/advice/your-rights/")
    assert visitor.status_code == 200
    assert visitor.context["page"].pk == rights.pk


def test_the_editor_who_starts_it_is_told_it_is_a_draft_and_nothing_contradicts_it(
    site, users, rights, django_capture_on_commit_callbacks
):
    editor = logged_in(users["editor"])
    response = start_translation(editor, rights, "pl", django_capture_on_commit_callbacks)

    # Editors may not edit Polish pages: sent back to the English page, not to a refusal.
    assert response["Location"] == f"/admin/pages/{rights.pk}/edit/"
    followed = editor.get(response["Location"])
    assert followed.status_code == 200
    texts = messages_of(followed)
    assert texts == [
        "'Your rights' is now being translated into Polski. The translation is a draft, not live: "
        "visitors see the English page until a translator translates and publishes it."
    ]


def test_a_translator_who_starts_it_lands_in_the_translation_editor(
    site, users, rights, django_capture_on_commit_callbacks
):
    response = start_translation(logged_in(users["translator"]), rights, "pl", django_capture_on_commit_callbacks)

    assert response["Location"] == f"/admin/pages/{polish(rights).pk}/edit/"


# Publishing ------------------------------------------------------------------------------


def test_publishing_with_untranslated_text_is_refused(site, users, rights, django_capture_on_commit_callbacks):
    translator = logged_in(users["translator"])
    start_translation(translator, rights, "pl", django_capture_on_commit_callbacks)
    translation = polish(rights)

    response = publish_in_editor(translator, translation, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert not polish(rights).live
    assert "Not published: 4 texts are not translated yet. Translate them, then publish." in messages_of(response)


def test_publishing_a_complete_translation_puts_it_live(site, users, rights, django_capture_on_commit_callbacks):
    translator = logged_in(users["translator"])
    start_translation(translator, rights, "pl", django_capture_on_commit_callbacks)
    translate_all(rights, "pl")

    publish_in_editor(translator, polish(rights), django_capture_on_commit_callbacks)

    translation = polish(rights)
    assert translation.live
    assert translation.title == "[pl] Your rights"
    assert "[pl] Call the helpline." in str(translation.body)


# Syncing ---------------------------------------------------------------------------------


@pytest.fixture
def live_polish_rights(site, users, rights, django_capture_on_commit_callbacks):
    translator = logged_in(users["translator"])
    start_translation(translator, rights, "pl", django_capture_on_commit_callbacks)
    translate_all(rights, "pl")
    publish_in_editor(translator, polish(rights), django_capture_on_commit_callbacks)
    return polish(rights)


def sync(client, page, on_commit, publish=True):
    source = TranslationSource.objects.get_for_instance(page)
    with on_commit(execute=True):
        return client.post(f"/admin/localize/update/{source.pk}/", {"publish_translations": "on"} if publish else {})


def change_english(page, texts=None, **fields):
    """Publish a change to the English page; ``texts`` edits its paragraphs in place, as an editor does."""
    page = Page.objects.get(pk=page.pk).specific
    if texts is not None:
        blocks = list(page.body.raw_data)
        for block, text in zip(blocks, texts, strict=True):
            block["value"] = f"<p>{text}</p>"
        page.body = blocks
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def test_sync_with_publish_never_puts_english_in_place_of_published_translations(
    site, users, rights, live_polish_rights, django_capture_on_commit_callbacks
):
    change_english(rights, ["You have rights.", "Call the free helpline."])  # the second sentence changed
    translator = logged_in(users["translator"])

    response = sync(translator, rights, django_capture_on_commit_callbacks)

    live = polish(rights)
    assert live.live
    body = str(live.body)
    assert "[pl] You have rights." in body  # unchanged sentence: still translated
    assert "[pl] Call the helpline." in body  # changed sentence: the published translation stays
    assert "Call the free helpline." not in body  # never the new English
    assert any("Not published in Polski: the new text is not translated yet." in text for text in messages_of(response))

    # Once the new sentence is translated, publishing puts both translations live.
    translate_all(rights, "pl")
    publish_in_editor(translator, live, django_capture_on_commit_callbacks)
    body = str(polish(rights).body)
    assert "[pl] You have rights." in body
    assert "[pl] Call the free helpline." in body


def test_sync_with_publish_publishes_translations_with_nothing_left_to_translate(
    site, users, rights, live_polish_rights, django_capture_on_commit_callbacks
):
    change_english(rights, last_reviewed=datetime.date(2026, 6, 1))  # a synchronised field only

    response = sync(logged_in(users["translator"]), rights, django_capture_on_commit_callbacks)

    live = polish(rights)
    assert live.last_reviewed == datetime.date(2026, 6, 1)
    assert "[pl] Call the helpline." in str(live.body)
    assert "Published in Polski." in messages_of(response)


def test_sync_does_not_publish_in_languages_the_user_may_not_publish_in(
    site, users, rights, live_polish_rights, django_capture_on_commit_callbacks
):
    change_english(rights, last_reviewed=datetime.date(2026, 6, 1))

    response = sync(logged_in(users["editor"]), rights, django_capture_on_commit_callbacks)

    assert polish(rights).last_reviewed == datetime.date(2026, 1, 15)
    assert "Not published in Polski: you may not publish in these languages." in messages_of(response)


# What is out of date -----------------------------------------------------------------------


def status(page, code="pl"):
    return work_items([Page.objects.get(pk=page.pk).specific], [locale(code)])[(page.translation_key, locale(code).pk)]


def test_status_of_a_page_never_translated_is_not_started(rights):
    assert status(rights).status == NOT_STARTED


def test_a_fresh_translation_is_in_progress_not_out_of_date(users, rights, django_capture_on_commit_callbacks):
    start_translation(logged_in(users["translator"]), rights, "pl", django_capture_on_commit_callbacks)

    item = status(rights)
    assert item.status == IN_PROGRESS
    assert (item.segments, item.translated_segments) == (4, 0)  # title, summary, two paragraphs


def test_a_translated_draft_is_not_published(users, rights, django_capture_on_commit_callbacks):
    start_translation(logged_in(users["translator"]), rights, "pl", django_capture_on_commit_callbacks)
    translate_all(rights, "pl")

    assert status(rights).status == NOT_PUBLISHED


def test_a_published_translation_is_up_to_date(rights, live_polish_rights):
    assert status(rights).status == UP_TO_DATE


def test_republishing_unchanged_english_does_not_make_it_out_of_date(rights, live_polish_rights):
    change_english(rights)

    assert status(rights).status == UP_TO_DATE


def test_changed_english_text_makes_it_out_of_date_until_synced(
    users, rights, live_polish_rights, django_capture_on_commit_callbacks
):
    change_english(rights, ["You have rights.", "Call the free helpline."])
    assert status(rights).status == OUT_OF_DATE

    sync(logged_in(users["translator"]), rights, django_capture_on_commit_callbacks, publish=False)

    item = status(rights)
    assert item.status == IN_PROGRESS
    assert item.to_translate == 1


def test_pages_translated_by_hand_have_nothing_to_compare_and_are_up_to_date(site):
    assert status(site.advice).status == UP_TO_DATE


# The translators' work list ----------------------------------------------------------------


def test_translators_see_their_work_with_one_button_each(
    site, users, rights, live_polish_rights, django_capture_on_commit_callbacks
):
    helpline = HelplineFactory(name="Modern Slavery Helpline")
    change_english(rights, ["You have rights.", "Call the free helpline."])

    html = logged_in(users["translator"]).get("/admin/reports/translations/?locale=pl").content.decode()

    source = TranslationSource.objects.get_for_instance(rights)
    assert f'href="/admin/localize/update/{source.pk}/?next=' in html  # out of date: sync
    assert "English changed" in html
    assert f'href="/admin/localize/submit/page/{site.news.pk}/?select_locale=pl"' in html  # not started
    assert f'href="/admin/localize/submit/snippet/home/helpline/{helpline.pk}/?select_locale=pl"' in html
    assert "Modern Slavery Helpline" in html
    assert "Română" not in html.split('id="translation-work-heading"')[1].split("Coverage per language")[0]


def test_work_in_progress_has_a_button_to_the_translation_editor(users, rights, django_capture_on_commit_callbacks):
    start_translation(logged_in(users["translator"]), rights, "pl", django_capture_on_commit_callbacks)

    html = logged_in(users["translator"]).get("/admin/reports/translations/?locale=pl&status=in_progress").content
    html = html.decode()

    assert f'href="/admin/pages/{polish(rights).pk}/edit/"' in html
    assert "4 of 4 texts still to translate." in html
    assert "Your rights" in html


def test_the_translators_dashboard_lists_their_work(users, rights, django_capture_on_commit_callbacks):
    start_translation(logged_in(users["translator"]), rights, "pl", django_capture_on_commit_callbacks)

    html = logged_in(users["translator"]).get("/admin/").content.decode()

    assert "Your translation work" in html
    assert f'href="/admin/pages/{polish(rights).pk}/edit/"' in html


def test_translators_opening_an_english_page_see_it_read_only_with_buttons(site, users, rights):
    translator = logged_in(users["translator"])

    response = translator.get(f"/admin/pages/{rights.pk}/edit/", follow=True)

    html = response.content.decode()
    assert response.redirect_chain == [(f"/admin/reports/translations/page/{rights.pk}/", 302)]
    assert "You may translate this English page but not change it." in html
    assert 'href="/en/advice/your-rights/"' in html
    assert f'href="/admin/localize/submit/page/{rights.pk}/?select_locale=pl"' in html
    assert not messages_of(response)


def test_one_translations_report_in_the_reports_menu(users):
    request = RequestFactory().get("/admin/")
    request.user = users["superuser"]

    labels = [item.label for item in reports_menu.menu_items_for_request(request)]

    assert labels.count("Translations") == 1
    response = logged_in(users["superuser"]).get("/admin/localize/reports/translations/")
    assert response["Location"] == "/admin/reports/translations/"


# Languages ----------------------------------------------------------------------------------


@pytest.fixture
def polish_translator(site, users):
    """A translator for Polish only: the README's way of limiting someone to one language."""
    group = Group.objects.create(name="Polish translators")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="submit_translation")
    )
    for codename in ("change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=site.pl_home, permission=Permission.objects.get(codename=codename)
        )
    user = users["staff"]
    user.groups.add(group)
    return user


def test_a_polish_translator_sees_only_polish_work(site, polish_translator, rights):
    items = translation_work([locale("pl"), locale("ro")])
    assert {item.locale.language_code for item in items} == {"pl", "ro"}

    html = logged_in(polish_translator).get("/admin/reports/translations/").content.decode()
    work = html.split('id="translation-work-heading"')[1].split("Coverage per language")[0]

    assert f'/admin/localize/submit/page/{rights.pk}/?select_locale=pl"' in work
    assert "select_locale=ro" not in work


def test_a_polish_translator_cannot_start_or_edit_other_languages(
    site, users, polish_translator, rights, django_capture_on_commit_callbacks
):
    client = logged_in(polish_translator)
    form = client.get(f"/admin/localize/submit/page/{rights.pk}/").context["form"]
    assert list(form.fields["locales"].queryset) == [locale("pl")]

    response = start_translation(client, rights, "ro", django_capture_on_commit_callbacks)
    assert response.status_code == 200  # the form again, with an error
    assert not Page.objects.filter(translation_key=rights.translation_key, locale__language_code="ro").exists()

    start_translation(logged_in(users["translator"]), rights, "ro", django_capture_on_commit_callbacks)
    romanian = Page.objects.get(translation_key=rights.translation_key, locale__language_code="ro")
    assert denied(client.get(f"/admin/pages/{romanian.pk}/edit/"))


def test_the_report_answers_bad_filters_and_pages_without_an_error(users):
    client = logged_in(users["superuser"])

    for query in ("p=abc", "p=99999", "locale=xx&status=bogus&kind=other", "q=" + "x" * 500):
        response = client.get(f"/admin/reports/translations/?{query}")
        assert response.status_code == 200, query

    html = client.get("/admin/reports/translations/?p=2").content.decode()
    assert "Page 2 of" in html
