"""Filters the admin's reports share: a range of days and the content language."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, LocaleFilter, WagtailFilterSet
from wagtail.coreutils import get_content_languages


class DateAndLanguageFilterSet(WagtailFilterSet):
    date = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)
    language = LocaleFilter(
        label=_("Language"),
        choices=lambda: list(get_content_languages().items()),
        empty_label=None,
        null_label=_("All"),
        null_value=None,
    )
