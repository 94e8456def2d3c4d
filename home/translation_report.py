"""How much of the site is translated into each language, and what is out of date.

Feeds the admin report (Reports → Translations) and `manage.py translation_coverage`.
A translation is *out of date* when its English source was published after it was last
synced into wagtail-localize, or when synced strings still wait for a translation.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.db.models import Count, Exists, OuterRef
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

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
    from home.models import BasePage

    default = Locale.get_default()
    advice = list(apps.get_model("advice", "AdvicePage").objects.live().filter(locale=default).order_by("title"))
    services = list(apps.get_model("directory", "ServicePage").objects.live().filter(locale=default).order_by("title"))
    key = []
    for model in apps.get_models():
        if issubclass(model, BasePage) and not model._meta.abstract:
            key.extend(model.objects.live().filter(locale=default, is_key_page=True))
    key.sort(key=lambda page: page.path)
    return {"key": key, "advice": advice, "services": services}


def _segment_progress(sources, locale):
    """{source id: (total segments, translated segments)} for one target locale, in two queries."""
    totals = dict(
        StringSegment.objects.filter(source__in=sources)
        .values_list("source_id")
        .annotate(n=Count("pk"))
        .values_list("source_id", "n")
    )
    translated = dict(
        StringSegment.objects.filter(source__in=sources)
        .filter(
            Exists(
                StringTranslation.objects.filter(
                    translation_of_id=OuterRef("string_id"),
                    context_id=OuterRef("context_id"),
                    locale=locale,
                    has_error=False,
                )
            )
        )
        .values_list("source_id")
        .annotate(n=Count("pk"))
        .values_list("source_id", "n")
    )
    return {source_id: (total, translated.get(source_id, 0)) for source_id, total in totals.items()}


def translation_coverage(locales=None):
    """One LocaleCoverage per target locale, in the order of settings.LANGUAGES."""
    default = Locale.get_default()
    if locales is None:
        order = [code for code, _name in settings.LANGUAGES]
        locales = sorted(
            Locale.objects.exclude(pk=default.pk),
            key=lambda locale: order.index(locale.language_code) if locale.language_code in order else len(order),
        )
    source_pages = _source_pages()
    all_sources = {page.translation_key: page for pages in source_pages.values() for page in pages}
    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(object_id__in=all_sources, locale=default)
    }

    report = []
    for locale in locales:
        live_translations = set(
            Page.objects.live()
            .filter(locale=locale, translation_key__in=all_sources)
            .values_list("translation_key", flat=True)
        )
        progress = _segment_progress(sources.values(), locale)
        groups = {}
        for group, pages in source_pages.items():
            coverage = GroupCoverage(total=len(pages))
            for page in pages:
                if page.translation_key not in live_translations:
                    coverage.missing.append(page)
                    continue
                coverage.translated.append(page)
                source = sources.get(page.translation_key)
                if source is None:
                    continue  # translated by hand, outside wagtail-localize: nothing to compare
                total, done = progress.get(source.pk, (0, 0))
                if (page.last_published_at and page.last_published_at > source.last_updated_at) or done < total:
                    coverage.out_of_date.append(page)
            groups[group] = coverage
        report.append(LocaleCoverage(locale=locale, groups=groups))
    return report
