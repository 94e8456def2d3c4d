"""The interface is translated into every language: no catalogue misses an entry."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
TARGET_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%[sd]|\{[a-z_]+\}")


def catalogue(code):
    return polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"))


def source_messages():
    return {entry.msgid for entry in catalogue(settings.LANGUAGE_CODE) if not entry.obsolete}


@pytest.mark.parametrize("code", TARGET_LANGUAGES)
def test_catalogue_has_every_interface_string(code):
    assert {entry.msgid for entry in catalogue(code) if not entry.obsolete} == source_messages()


@pytest.mark.parametrize("code", TARGET_LANGUAGES)
def test_catalogue_has_no_missing_or_fuzzy_translations(code):
    po = catalogue(code)

    assert [entry.msgid for entry in po.untranslated_entries()] == []
    assert [entry.msgid for entry in po.fuzzy_entries()] == []


@pytest.mark.parametrize("code", TARGET_LANGUAGES)
def test_translations_keep_the_placeholders(code):
    broken = []
    for entry in catalogue(code).translated_entries():
        expected = sorted(PLACEHOLDER.findall(entry.msgid))
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for text in translations:
            if entry.msgid_plural:
                # A plural form may leave out the number ("one result"), never add another.
                if not set(PLACEHOLDER.findall(text)) <= set(PLACEHOLDER.findall(entry.msgid_plural)) | set(expected):
                    broken.append(entry.msgid)
            elif sorted(PLACEHOLDER.findall(text)) != expected:
                broken.append(entry.msgid)

    assert broken == []


@pytest.mark.parametrize("code", TARGET_LANGUAGES)
def test_catalogue_is_marked_for_native_speaker_review(code):
    assert "NEEDS NATIVE-SPEAKER REVIEW" in catalogue(code).metadata.get("Language-Team", "")


@pytest.mark.parametrize("code", TARGET_LANGUAGES)
def test_compiled_catalogue_matches_its_source(code):
    compiled = polib.mofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.mo"))
    compiled_ids = {entry.msgid for entry in compiled}

    assert {entry.msgid for entry in catalogue(code).translated_entries()} <= compiled_ids
