"""Reports → Search terms: what visitors search for, and what they could not find, per language."""

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Max, Sum
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from home.report_filters import DateAndLanguageFilterSet

from .models import SearchLog

OUTCOMES = [
    ("nothing", _("Found nothing in the visitor's language")),
    ("english_only", _("Found only in English")),
]


class DayColumn(Column):
    """A date as "Today", "Yesterday" or the date.

    The log keeps only the day (no time of day, for privacy): Wagtail's DateColumn would count
    hours from midnight ("7 hours ago").
    """

    cell_template_name = "search/tables/day_cell.html"


class SearchTermsFilterSet(DateAndLanguageFilterSet):
    outcome = django_filters.ChoiceFilter(
        label=_("Outcome"), choices=OUTCOMES, empty_label=_("All searches"), widget=forms.RadioSelect
    )

    class Meta:
        model = SearchLog
        fields = []


class SearchTermsReportView(ReportView):
    page_title = _("Search terms")
    header_icon = "search"
    index_url_name = "search_terms_report"
    index_results_url_name = "search_terms_report_results"
    filterset_class = SearchTermsFilterSet
    permission_policy = ModelPermissionPolicy(SearchLog)
    permission_required = "view"
    default_ordering = "-total"
    paginate_by = 50
    columns = [
        Column("query", label=_("Query")),
        Column("language", label=_("Language"), accessor="locale__language_code"),
        Column("total", label=_("Searches"), sort_key="total"),
        Column("nothing", label=_("Found nothing"), sort_key="nothing"),
        Column("english_only", label=_("Found only in English"), sort_key="english_only"),
        DayColumn("last_date", label=_("Last searched"), sort_key="last_date"),
    ]
    list_export = ["query", "locale__language_code", "total", "nothing", "english_only", "last_date"]
    export_headings = {
        "query": _("Query"),
        "locale__language_code": _("Language"),
        "total": _("Searches"),
        "nothing": _("Found nothing"),
        "english_only": _("Found only in English"),
        "last_date": _("Last searched"),
    }
    no_results_message = _("No searches were logged for these filters.")

    def dispatch(self, request, *args, **kwargs):
        if self.is_export and not self.may_export:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def may_export(self):
        return self.request.user.has_perm("search.export_searchlog")

    @cached_property
    def show_export_buttons(self):
        return self.may_export

    def get_filtered_queryset(self):
        return self.get_queryset()  # filtered in get_queryset: dates and language before counting

    def get_queryset(self):
        rows = SearchLog.objects.all()
        choices = self.filters.form.cleaned_data if self.filters and self.filters.is_valid() else {}
        period = choices.get("date")
        if period and period.start:
            rows = rows.filter(date__gte=period.start)
        if period and period.stop:
            rows = rows.filter(date__lte=period.stop)
        if choices.get("language"):
            rows = rows.filter(locale__language_code=choices["language"])
        queryset = rows.values("query", "locale__language_code").annotate(
            total=Sum("searches"),
            nothing=Sum("empty_searches"),
            english_only=Sum("english_only_searches"),
            last_date=Max("date"),
        )
        if choices.get("outcome") == "nothing":
            queryset = queryset.filter(nothing__gt=0)
        elif choices.get("outcome") == "english_only":
            queryset = queryset.filter(english_only__gt=0)
        return queryset.order_by(self.ordering, "query", "locale__language_code")
