"""Translates the demo site's key pages and snippets through wagtail-localize, idempotently.

The translations are PO files, one per object and language: demo/translations/<language>/pages/
<path>.po for the pages listed in translations/pages.yaml (the home page is pages/home.po) and
<app_label.model>/<key>.po for snippets, each as wagtail-localize's "Download PO file" writes it.
They go in through `Translation.import_po`, the admin's "Upload PO file", then `save_target`, so
the results are ordinary synced wagtail-localize translations an editor can keep editing.

A target is skipped when its translation exists and was synced after the English object was last
published, the English object has not changed since wagtail-localize last extracted it, and no
untranslated segment has a translation in the files: a second run creates no revisions. When the
source did change, strings already translated in the database (perhaps by an editor) are kept and
only untranslated segments take their text from the files (matched by context, else by text).

Pages are published here, straight after wagtail-localize saves them as a draft, rather than on
commit as `save_target(publish=True)` would: inside an outer transaction (a test, a caller's atomic
block) that deferred publish runs after the children exist and restores the parent's stale tree
fields, hiding its children.

Every translated page gets one admin comment (shown in its editor and its history), by the inactive
`demo-content` user, saying that a native speaker has not checked it yet; every string translated
here is labelled the same way in wagtail-localize's translation editor, until someone edits it.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

import polib
import yaml
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.models import Comment, Locale, Page, Site
from wagtail_localize.models import StringSegment, TranslationLog, TranslationSource

from home.translation_tools import translation_for

from .loader import read_data

TRANSLATIONS = Path(__file__).resolve().parent / "translations"
LANGUAGES = ("pl", "ro", "ar", "ti")
DEMO_USERNAME = "demo-content"
REVIEW_NOTE = "Demo translation: not yet checked by a native speaker. Have it checked before real use."
# wagtail-localize's translation editor shows "Translated with <tool name> on <date>" beside each
# string, until someone edits that string (which clears the tool name).
TOOL_NAME = "demo data, not yet checked by a native speaker"

# Snippets first: page bodies refer to helplines, and a synced reference needs its translation.
SNIPPET_MODELS = ("home.Helpline", "directory.ServiceCategory", "directory.Area", "advice.AdviceTopic")

# Slug paths under the home page ("" is the home page itself), parents before their children.
with open(TRANSLATIONS / "pages.yaml", encoding="utf-8") as file:
    PAGE_PATHS = tuple(yaml.safe_load(file))


@dataclass
class LanguageResult:
    pages: int = 0
    snippets: int = 0
    pages_current: int = 0
    snippets_current: int = 0
    missing: set = field(default_factory=set)

    def summary(self, code):
        line = f"{code}: {self.pages} pages, {self.snippets} snippets translated, {len(self.missing)} strings missing"
        if self.pages_current or self.snippets_current:
            line += f" ({self.pages_current} pages, {self.snippets_current} snippets already up to date)"
        return line


def po_file(code, name):
    """The PO file `name` of one language, or an empty one if there is none."""
    path = TRANSLATIONS / code / name
    return polib.pofile(str(path)) if path.exists() else polib.POFile()


def load_demo_translations(stdout, languages=LANGUAGES, job=None):
    """Translate the demo targets into each language; print one line per language.

    Each object is translated in its own transaction, so an interrupted run leaves whole
    translations and a rerun goes on where it stopped. ``job`` (home.progress) counts languages.
    """
    user = demo_user()
    default_locale = Locale.get_default()
    keys = {section["model"].lower(): section["key"] for section in read_data("snippets.yaml")}
    snippets = [
        (obj, f"{label.lower()}/{getattr(obj, keys[label.lower()])}.po")
        for label in SNIPPET_MODELS
        for obj in apps.get_model(label).objects.filter(locale=default_locale).order_by("sort_order", "pk")
    ]
    pages = source_pages(stdout, default_locale)
    # Decided once, before any language bumps the shared TranslationSource: an English object
    # edited since the last run needs re-syncing into every language.
    targets = [obj for obj, _name in snippets] + [page for _path, page in pages]
    changed = {(type(obj), obj.pk) for obj in targets if source_changed(obj)}
    results = {}
    for code in languages:
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            _write(stdout, f"{code}: skipped, there is no such locale")
            continue
        result = results[code] = LanguageResult()
        for instance, name in snippets:
            with transaction.atomic():
                po = po_file(code, name)
                if translate(instance, locale, po, user, result, (type(instance), instance.pk) in changed):
                    result.snippets += 1
                else:
                    result.snippets_current += 1
        for path, page in pages:
            parent = page.get_parent()
            if not parent.is_root() and parent.get_translation_or_none(locale) is None:
                # wagtail-localize would copy the English parent in; leave the page untranslated instead.
                _write(stdout, f"{code}: skipped /{path}/, its parent page is not translated")
                continue
            with transaction.atomic():
                po = po_file(code, f"pages/{path or 'home'}.po")
                if translate(page, locale, po, user, result, (type(page), page.pk) in changed):
                    result.pages += 1
                else:
                    result.pages_current += 1
        _write(stdout, result.summary(code))
        if job is not None:
            job.advance(pages=result.pages, snippets=result.snippets)
        if result.missing:
            _write(stdout, f"  Warning: {code} has no translation for these strings (English is shown instead):")
            for text in sorted(result.missing)[:10]:
                _write(stdout, f"    {text if len(text) <= 80 else text[:77] + '...'}")
            if len(result.missing) > 10:
                _write(stdout, f"    and {len(result.missing) - 10} more")
    return results


def _write(stdout, message):
    stdout.write(message + "\n")  # a management command's OutputWrapper adds no second newline


def demo_user():
    """The inactive user that demo translations and their review comments are attributed to."""
    user, created = get_user_model().objects.get_or_create(
        username=DEMO_USERNAME,
        defaults={"is_active": False, "first_name": "Demo", "last_name": "content"},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def source_pages(stdout, default_locale):
    """(slug path, English page) for each target page that exists, found by path, never by type."""
    home = Site.objects.get(is_default_site=True).root_page
    home = home.get_translation_or_none(default_locale) or home
    found = []
    for path in PAGE_PATHS:
        url_path = f"{home.url_path}{path}/" if path else home.url_path
        page = Page.objects.filter(locale=default_locale, url_path=url_path).specific().first()
        if page is None:
            _write(stdout, f"Translations: there is no page at /{path}/ to translate")
            continue
        found.append((path, page))
    return found


def translate(instance, locale, po, user, result, changed):
    """Translate one page or snippet unless it is up to date. True if it was (re)translated."""
    known = {entry.msgid for entry in po}
    source = TranslationSource.objects.get_for_instance_or_none(instance)
    if source is not None and not changed and is_up_to_date(instance, source, locale):
        gaps = [segment.string.data for segment in segments(source, locale) if segment.translation is None]
        if not any(text in known for text in gaps):
            result.missing.update(gaps)
            return False

    translation = translation_for(instance, locale)
    translation.import_po(gaps_filled_from(po, translation), user=user, tool_name=TOOL_NAME)
    is_page = isinstance(instance, Page)
    # Pages: a draft, published at once below (see the module docstring).
    translation.save_target(user=user, publish=not is_page)
    result.missing.update(
        segment.string.data for segment in segments(translation.source, locale) if segment.translation is None
    )
    if is_page:
        translated = translation.source.get_translated_instance(locale).specific
        translated.get_latest_revision().publish(user=user, skip_permission_checks=True)
        mark_for_review(translated, user)
    return True


def gaps_filled_from(po, translation):
    """A PO file with a translation for each untranslated segment that has one.

    Taken from another segment of the same object with the same text, else from `po` by context
    and text, else by text alone: strings already translated are never overwritten.
    """
    by_context = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in po if entry.msgstr}
    by_text = {entry.msgid: entry.msgstr for entry in po if entry.msgstr}
    current = list(segments(translation.source, translation.target_locale).select_related("context"))
    existing = {segment.string.data: segment.translation for segment in current if segment.translation}
    filled = polib.POFile()
    for segment in current:
        text, context = segment.string.data, segment.context.path
        found = existing.get(text) or by_context.get((context, text)) or by_text.get(text)
        if segment.translation is None and found:
            filled.append(polib.POEntry(msgid=text, msgctxt=context, msgstr=found))
    return filled


def segments(source, locale):
    return StringSegment.objects.filter(source=source).annotate_translation(locale).select_related("string")


def is_up_to_date(instance, source, locale):
    """Was this target created by wagtail-localize, and synced since the source was last published?"""
    model = Page if isinstance(instance, Page) else type(instance)
    if not model.objects.filter(translation_key=instance.translation_key, locale=locale).exists():
        return False
    last_sync = TranslationLog.objects.filter(source=source, locale=locale).order_by("-created_at").first()
    if last_sync is None or not source.translations.filter(target_locale=locale).exists():
        return False
    published = getattr(instance, "last_published_at", None)
    return not (published and published > last_sync.created_at)


def source_changed(instance):
    """Has the English object changed since wagtail-localize last extracted it?"""
    source = TranslationSource.objects.get_for_instance_or_none(instance)
    if source is None:
        return False  # never translated: nothing to compare with
    if isinstance(instance, ClusterableModel):
        current = instance.to_json()
    else:
        current = json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder)
    if json.loads(current) != json.loads(source.content_json):
        return True
    # The translation report calls a page out of date once it is republished after extraction.
    published = getattr(instance, "last_published_at", None)
    return bool(published and published > source.last_updated_at)


def mark_for_review(page, user):
    """One comment on the translated page (shown in its editor and its history), never two."""
    if Comment.objects.filter(page=page, user=user, text=REVIEW_NOTE).exists():
        return
    comment = Comment(page=page, user=user, text=REVIEW_NOTE, contentpath="title", position="")
    comment.save()
    comment.log_create(user=user)
