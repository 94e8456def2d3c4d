"""Translates the demo site's key pages and snippets through wagtail-localize, idempotently.

Each target goes through `translate_with_localize`, the same TranslationSource → Translation →
StringTranslation → save_target path as the admin's "Translate", so the results are ordinary
synced wagtail-localize translations an editor can keep editing.

A target is skipped when its translation exists and was synced after the English object was last
published, the English object has not changed since wagtail-localize last extracted it, and no
untranslated segment has a string in the data: a second run creates no revisions. When the source
did change, strings already translated in the database (perhaps by an editor) are kept and only new
segments take their text from the data.

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

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.models import Comment, Locale, Page, Site
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationLog, TranslationSource

from home.translation_tools import translate_with_localize

from . import LANGUAGES, strings_for

DEMO_USERNAME = "demo-content"
REVIEW_NOTE = "Demo translation: not yet checked by a native speaker. Have it checked before real use."
# wagtail-localize's translation editor shows "Translated with <tool name> on <date>" beside each
# string, until someone edits that string (which clears the tool name).
TOOL_NAME = "demo data, not yet checked by a native speaker"

# Snippets first: page bodies refer to helplines, and a synced reference needs its translation.
SNIPPET_MODELS = ("home.Helpline", "directory.ServiceCategory", "directory.Area", "advice.AdviceTopic")

# Slug paths under the home page ("" is the home page itself), parents before their children.
PAGE_PATHS = (
    "",
    "get-help",
    "advice",
    "advice/spot-the-signs",
    "advice/your-rights",
    "advice/getting-help",
    "advice/what-happens-when-you-call-the-helpline",
    "advice/afraid-of-the-police-or-deportation",
    "report",
    "cover-your-tracks",
    "services",
    "news",
)


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


def load_demo_translations(stdout, languages=LANGUAGES):
    """Translate the demo targets into each language; print one line per language."""
    user = demo_user()
    default_locale = Locale.get_default()
    snippets = [
        obj
        for label in SNIPPET_MODELS
        for obj in apps.get_model(label).objects.filter(locale=default_locale).order_by("sort_order", "pk")
    ]
    pages = source_pages(stdout, default_locale)
    # Decided once, before any language bumps the shared TranslationSource: an English object
    # edited since the last run needs re-syncing into every language.
    changed = {(type(obj), obj.pk) for obj in [*snippets, *(page for _path, page in pages)] if source_changed(obj)}
    results = {}
    for code in languages:
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            _write(stdout, f"{code}: skipped, there is no such locale")
            continue
        strings = strings_for(code)
        result = results[code] = LanguageResult()
        for instance in snippets:
            with transaction.atomic():
                if translate(instance, locale, strings, user, result, (type(instance), instance.pk) in changed):
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
                if translate(page, locale, strings, user, result, (type(page), page.pk) in changed):
                    result.pages += 1
                else:
                    result.pages_current += 1
        _write(stdout, result.summary(code))
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


def translate(instance, locale, strings, user, result, changed):
    """Translate one page or snippet unless it is up to date. True if it was (re)translated."""
    source = TranslationSource.objects.get_for_instance_or_none(instance)
    if source is not None and not changed and is_up_to_date(instance, source, locale):
        gaps = untranslated_texts(source, locale)
        if not any(text in strings for text in gaps):
            result.missing.update(gaps)
            return False

    translated_texts = {}  # source text -> its segments' current translations (None: untranslated)

    def lookup(text):
        if not translated_texts:
            # First call: translate_with_localize has refreshed the source, nothing is written yet.
            current = TranslationSource.objects.get_for_instance(instance)
            segments = StringSegment.objects.filter(source=current).annotate_translation(locale)
            for segment in segments.select_related("string"):
                translated_texts.setdefault(segment.string.data, []).append(segment.translation)
        existing = [data for data in translated_texts.get(text, []) if data is not None]
        if existing and len(existing) == len(translated_texts[text]):
            return None  # already translated (perhaps by an editor): leave it exactly as it is
        if existing:
            return existing[0]
        return strings.get(text)

    is_page = isinstance(instance, Page)
    # Pages: a draft, published at once below (see the module docstring).
    translated, _untranslated = translate_with_localize(instance, locale, lookup, user=user, publish=not is_page)
    result.missing.update(text for text, found in translated_texts.items() if None in found and text not in strings)
    StringTranslation.objects.filter(
        locale=locale, context__object_id=instance.translation_key, last_translated_by=user, tool_name=""
    ).update(tool_name=TOOL_NAME)
    if is_page:
        translated.get_latest_revision().publish(user=user, skip_permission_checks=True)
        mark_for_review(translated, user)
    return True


def is_up_to_date(instance, source, locale):
    """Was this target created by wagtail-localize, and synced since the source was last published?"""
    model = Page if isinstance(instance, Page) else type(instance)
    if not model.objects.filter(translation_key=instance.translation_key, locale=locale).exists():
        return False
    last_sync = TranslationLog.objects.filter(source=source, locale=locale).order_by("-created_at").first()
    if last_sync is None or not Translation.objects.filter(source=source, target_locale=locale).exists():
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


def untranslated_texts(source, locale):
    segments = StringSegment.objects.filter(source=source).annotate_translation(locale).select_related("string")
    return [segment.string.data for segment in segments if segment.translation is None]


def mark_for_review(page, user):
    """One comment on the translated page (shown in its editor and its history), never two."""
    if Comment.objects.filter(page=page, user=user, text=REVIEW_NOTE).exists():
        return
    comment = Comment(page=page, user=user, text=REVIEW_NOTE, contentpath="title", position="")
    comment.save()
    comment.log_create(user=user)
