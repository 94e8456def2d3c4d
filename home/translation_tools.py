"""Translating content through wagtail-localize from code, exactly as the editor's "Translate" does."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.models import Page
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource


def translate_with_localize(instance, locale, translate_string, user=None, publish=True):
    """Translates a page or snippet into `locale` with wagtail-localize.

    Creates (or reuses) the TranslationSource and Translation, stores one StringTranslation per
    segment from `translate_string(source_text)` (return None to leave a segment untranslated:
    it falls back to English), then saves the target. Parent pages must be translated first.
    Returns the translated instance and the number of segments left untranslated.
    """
    translation = translation_for(instance, locale)
    source = translation.source
    untranslated = 0
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        text = translate_string(segment.string.data)
        if text is None:
            untranslated += 1
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": text,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "last_translated_by": user,
                "has_error": False,
            },
        )
    translation.save_target(user=user, publish=publish)
    translated = source.get_translated_instance(locale)
    if isinstance(translated, Page):
        translated = translated.specific
    return translated, untranslated


def translation_for(instance, locale):
    """The Translation of a page or snippet into `locale`, created if need be; a stale source is refreshed."""
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created and _source_is_stale(source, instance):
        source.update_from_db()
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    return translation


def _source_is_stale(source, instance):
    """Pages say when they changed; snippets are compared with what was extracted.

    Refreshing an unchanged source would still mark it as synced now, after the translations
    saved from it, and the report would call them unpublished (editorial/translation_report.py).
    """
    published = getattr(instance, "last_published_at", None)
    if isinstance(instance, Page) and published is not None:
        return published > source.last_updated_at
    return english_changed_since_sync(instance, source)


def _serialised(instance):
    if isinstance(instance, ClusterableModel):
        return json.loads(instance.to_json())
    return json.loads(json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder))


def english_changed_since_sync(instance, source):
    """Do the translatable or synchronised fields differ from what wagtail-localize extracted?

    A page published after the extraction is compared field by field, so republishing an
    unchanged page (or changing a field that is not translated) does not make it out of date.
    """
    if isinstance(instance, Page) and not (
        instance.last_published_at and instance.last_published_at > source.last_updated_at
    ):
        return False  # a page's content changes only when it is published
    current, extracted = _serialised(instance), json.loads(source.content_json)
    names = [translatable.field_name for translatable in get_translatable_fields(type(instance))]
    return any(current.get(name) != extracted.get(name) for name in names)
