"""Reports → Readership: the most-read pages per language, weekly trends and what to translate next."""

import django_filters
from django import forms
from django.db.models import F
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale
from wagtail.permission_policies import ModelPermissionPolicy

from editorial.admin_views import add_actions, work_locales
from editorial.translation_report import work_items
from home.report_filters import DateAndLanguageFilterSet

from .models import PageViews
from .report import counted, english_pages, most_read, translate_next, weekly_trend

TRANSLATED = "translated"
IN_ENGLISH = "english"
READ_AS = [
    (TRANSLATED, _("In the visitor's language")),
    (IN_ENGLISH, _("In English: not translated")),
]
TRANSLATE_NEXT_SHOWN = 20


class ReadershipFilterSet(DateAndLanguageFilterSet):
    read_as = django_filters.ChoiceFilter(
        label=_("Read"), choices=READ_AS, empty_label=_("All views"), widget=forms.RadioSelect
    )

    class Meta:
        model = PageViews
        fields = []


class ReadAsColumn(Column):
    cell_template_name = "readership/tables/read_as_cell.html"


class TranslateColumn(Column):
    """The translation's status and its one button (Editorial's actions), for pages read in English."""

    cell_template_name = "readership/tables/translate_cell.html"


class ReadershipReportView(ReportView):
    page_title = _("Readership")
    header_icon = "view"
    index_url_name = "readership_report"
    index_results_url_name = "readership_report_results"
    results_template_name = "readership/admin/readership_results.html"
    filterset_class = ReadershipFilterSet
    permission_policy = ModelPermissionPolicy(PageViews)
    permission_required = "view"
    default_ordering = "-total"
    paginate_by = 50
    columns = [
        Column("page__title", label=_("Page")),
        Column("language", label=_("Language"), accessor="locale__language_code"),
        ReadAsColumn("in_english", label=_("Read")),
        Column("total", label=_("Views"), sort_key="total"),
        TranslateColumn("translation", label=_("Translation")),
    ]
    list_export = ["page_id", "page__title", "locale__language_code", "in_english", "total"]
    export_headings = {
        "page_id": _("Page id"),
        "page__title": _("Page"),
        "locale__language_code": _("Language"),
        "in_english": _("Read in English (not translated)"),
        "total": _("Views"),
    }
    no_results_message = _("No page views were counted for these filters.")

    @cached_property
    def choices(self):
        return self.filters.form.cleaned_data if self.filters and self.filters.is_valid() else {}

    @cached_property
    def period(self):
        period = self.choices.get("date")
        return (period.start, period.stop) if period else (None, None)

    def get_filtered_queryset(self):
        return self.get_queryset()  # filtered in get_queryset: dates and language before counting

    def get_queryset(self):
        rows = counted(*self.period, language=self.choices.get("language"))
        if self.choices.get("read_as") == TRANSLATED:
            rows = rows.filter(page__locale_id=F("locale_id"))
        elif self.choices.get("read_as") == IN_ENGLISH:
            rows = rows.exclude(page__locale_id=F("locale_id"))
        ordering = self.ordering if self.ordering in ("total", "-total") else "-total"
        return most_read(rows).order_by(ordering, "page__title", "locale__language_code")

    def decorate_paginated_queryset(self, object_list):
        """Give each page read in English its translation's status and button in that language."""
        rows = list(object_list)
        wanted = [row for row in rows if row["in_english"]]
        if not wanted or self.is_export:
            return rows
        pages = english_pages({row["page_id"] for row in wanted})
        locales = Locale.objects.filter(language_code__in={row["locale__language_code"] for row in wanted}).in_bulk(
            field_name="language_code"
        )
        items = work_items(list(pages.values()), list(locales.values()))
        for row in wanted:
            page = pages.get(row["page_id"])
            item = page and items.get((page.translation_key, locales[row["locale__language_code"]].pk))
            row["translation"] = item
        add_actions([row["translation"] for row in wanted if row.get("translation")], self.request.user, self.here_url)
        return rows

    @cached_property
    def here_url(self):
        # Where the translation buttons come back to: the report, also from its AJAX results.
        query = self.request.GET.urlencode()
        return reverse("readership_report") + (f"?{query}" if query else "")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.is_export:
            return context
        language = self.choices.get("language") or None
        locales = [locale for locale in work_locales(self.request.user) if language in (None, locale.language_code)]
        items = translate_next(locales, *self.period) if locales else []
        add_actions(items[:TRANSLATE_NEXT_SHOWN], self.request.user, self.here_url)
        context.update(
            translate_next=items[:TRANSLATE_NEXT_SHOWN],
            translate_next_more=max(len(items) - TRANSLATE_NEXT_SHOWN, 0),
            translate_next_locales=locales,
            trend=weekly_trend(language),
        )
        return context
