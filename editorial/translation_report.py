"""How much of the site is translated into each language, and what each translation needs.

Feeds the admin report (Reports → Translations), the translators' dashboard panel and
`manage.py translation_coverage`. Each (English page or snippet, language) has one status:

- not started: no translation in that language;
- out of date: the English content changed since wagtail-localize last extracted (synced) it,
  so the translation is based on old English text: someone must press "Sync";
- in progress: synced text still waits for a translator;
- not published: everything is translated, but the translation is a draft, has unpublished
  changes, or was not saved since the last sync;
- up to date.

A fresh translation is in progress (or not published), never out of date. Translations made by
hand outside wagtail-localize (or whose wagtail-localize translation was stopped) have nothing
to compare with and count as up to date.
"""

import datetime
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.db.models import Count, F, Max
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import StringSegment, Translation, TranslationLog, TranslationSource

from advice.models import AdvicePage
from directory.models import ServicePage
from home.models import BasePage
from home.translation_tools import english_changed_since_sync

GROUPS = {
    "key": "Key pages",
    "advice": "Advice pages",
    "services": "Services",
}


@dataclass
class GroupCoverage:
    total: int = 0
    translated: list = field(default_factory=list)
    out_of_date: list = field(default_factory=list)
    missing: list = field(default_factory=list)

    @property
    def percent(self):
        return round(100 * len(self.translated) / self.total) if self.total else 100


@dataclass
class LocaleCoverage:
    locale: Locale
    groups: dict


def _source_pages():
    """Live English pages per report group."""
    default = Locale.get_default()
    advice = list(AdvicePage.objects.live().filter(locale=default).order_by("title"))
    services = list(ServicePage.objects.live().filter(locale=default).order_by("title"))
    key = []
    for model in apps.get_models():
        if issubclass(model, BasePage) and not model._meta.abstract:
            key.extend(model.objects.live().filter(locale=default, is_key_page=True))
    key.sort(key=lambda page: page.path)
    return {"key": key, "advice": advice, "services": services}


def translation_coverage(locales=None):
    """One LocaleCoverage per target locale, in the order of settings.LANGUAGES."""
    if locales is None:
        locales = target_locales()
    source_pages = _source_pages()
    all_pages = list({page.pk: page for pages in source_pages.values() for page in pages}.values())
    items = work_items(all_pages, locales)

    report = []
    for locale in locales:
        groups = {}
        for group, pages in source_pages.items():
            coverage = GroupCoverage(total=len(pages))
            for page in pages:
                item = items[(page.translation_key, locale.pk)]
                if item.translation is None or not item.translation.live:
                    coverage.missing.append(page)
                    continue
                coverage.translated.append(page)
                if item.status != UP_TO_DATE:
                    coverage.out_of_date.append(page)
            groups[group] = coverage
        report.append(LocaleCoverage(locale=locale, groups=groups))
    return report


NOT_STARTED = "not_started"
OUT_OF_DATE = "out_of_date"
IN_PROGRESS = "in_progress"
NOT_PUBLISHED = "not_published"
UP_TO_DATE = "up_to_date"
# The order a translator works in: a sync comes before translating the new text.
STATUS_ORDER = [OUT_OF_DATE, IN_PROGRESS, NOT_PUBLISHED, NOT_STARTED, UP_TO_DATE]


@dataclass
class WorkItem:
    """One English page or snippet in one target language, and what its translation needs."""

    source: object  # the English page (specific) or snippet
    locale: Locale
    status: str
    translation: object = None  # the page or snippet in `locale`, if there is one
    translation_source: TranslationSource = None
    segments: int = 0
    translated_segments: int = 0
    synced_at: datetime.datetime = None  # when wagtail-localize last extracted the English text

    @property
    def is_page(self):
        return isinstance(self.source, Page)

    @property
    def to_translate(self):
        return self.segments - self.translated_segments


def translatable_snippet_models():
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


def english_sources():
    """Every live English page (but the root) and every English translatable snippet."""
    default = Locale.get_default()
    pages = list(Page.objects.live().filter(locale=default, depth__gt=1).order_by("path").specific())
    snippets = [
        obj for model in translatable_snippet_models() for obj in model.objects.filter(locale=default).order_by("pk")
    ]
    return pages + snippets


def _targets(sources, locales):
    """{(translation key, locale id): the page or snippet in that locale}"""
    locale_ids = [locale.pk for locale in locales]
    by_model = {}
    for instance in sources:
        by_model.setdefault(Page if isinstance(instance, Page) else type(instance), []).append(instance.translation_key)
    targets = {}
    for model, keys in by_model.items():
        queryset = model.objects.filter(translation_key__in=keys, locale_id__in=locale_ids)
        if model is Page:
            queryset = queryset.filter(alias_of__isnull=True)  # an alias is not a translation
        for target in queryset:
            targets[(target.translation_key, target.locale_id)] = target
    return targets


def work_items(sources, locales):
    """{(translation key, locale id): WorkItem} for English pages and snippets, in a few queries."""
    default = Locale.get_default()
    keys = [instance.translation_key for instance in sources]
    translation_sources = {
        source.object_id: source for source in TranslationSource.objects.filter(object_id__in=keys, locale=default)
    }
    source_ids = [source.pk for source in translation_sources.values()]
    locale_ids = [locale.pk for locale in locales]
    enabled = set(
        Translation.objects.filter(source_id__in=source_ids, target_locale_id__in=locale_ids, enabled=True).values_list(
            "source_id", "target_locale_id"
        )
    )
    totals = dict(
        StringSegment.objects.filter(source_id__in=source_ids)
        .values_list("source_id")
        .annotate(n=Count("pk"))
        .values_list("source_id", "n")
    )
    translated = {
        (source_id, locale_id): n
        for source_id, locale_id, n in StringSegment.objects.filter(
            source_id__in=source_ids,
            string__translations__locale_id__in=locale_ids,
            string__translations__context_id=F("context_id"),
            string__translations__has_error=False,
        )
        .values_list("source_id", "string__translations__locale_id")
        .annotate(n=Count("pk"))
    }
    last_saved = {
        (source_id, locale_id): when
        for source_id, locale_id, when in TranslationLog.objects.filter(
            source_id__in=source_ids, locale_id__in=locale_ids
        )
        .values_list("source_id", "locale_id")
        .annotate(last=Max("created_at"))
    }
    targets = _targets(sources, locales)
    changed = {}
    items = {}
    for instance in sources:
        source = translation_sources.get(instance.translation_key)
        for locale in locales:
            target = targets.get((instance.translation_key, locale.pk))
            item = WorkItem(source=instance, locale=locale, status=UP_TO_DATE, translation=target)
            items[(instance.translation_key, locale.pk)] = item
            if target is None:
                item.status = NOT_STARTED
                continue
            if source is None or (source.pk, locale.pk) not in enabled:
                continue  # translated by hand: nothing to compare
            item.translation_source = source
            item.synced_at = source.last_updated_at
            item.segments = totals.get(source.pk, 0)
            item.translated_segments = translated.get((source.pk, locale.pk), 0)
            if source.pk not in changed:
                changed[source.pk] = english_changed_since_sync(instance, source)
            saved = last_saved.get((source.pk, locale.pk))
            if changed[source.pk]:
                item.status = OUT_OF_DATE
            elif item.to_translate > 0:
                item.status = IN_PROGRESS
            elif (
                (isinstance(target, Page) and (not target.live or target.has_unpublished_changes))
                or saved is None
                or saved < source.last_updated_at
            ):
                item.status = NOT_PUBLISHED
    return items


def translation_work(locales, statuses=None):
    """The English pages and snippets that need work in `locales`, most urgent first.

    `statuses` limits the list (default: everything but up to date).
    """
    statuses = statuses or [status for status in STATUS_ORDER if status != UP_TO_DATE]
    order = [code for code, _name in settings.LANGUAGES]
    items = [item for item in work_items(english_sources(), locales).values() if item.status in statuses]
    items.sort(
        key=lambda item: (
            STATUS_ORDER.index(item.status),
            order.index(item.locale.language_code) if item.locale.language_code in order else len(order),
            not item.is_page,
        )
    )
    return items


def locales_user_translates(user):
    """The target languages whose pages the user may edit: their languages as a translator.

    Wagtail grants page permissions per page tree and each language has its own home page, so
    a group with "change" on the Polish home page only (README "Languages") gives Polish only.
    """
    targets = Locale.objects.exclude(pk=Locale.get_default().pk)
    if not user.is_superuser:
        editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
        targets = targets.filter(pk__in=editable.values("locale_id"))
    return target_locales(targets)


def target_locales(queryset=None):
    """The languages content is translated into, in the order of settings.LANGUAGES."""
    if queryset is None:
        queryset = Locale.objects.exclude(pk=Locale.get_default().pk)
    order = [code for code, _name in settings.LANGUAGES]
    return sorted(
        queryset,
        key=lambda locale: order.index(locale.language_code) if locale.language_code in order else len(order),
    )
