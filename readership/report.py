"""What the counts say: the most-read pages, weekly trends, and what to translate next.

"Translate next" joins the counts to the translation coverage (editorial/translation_report.py):
each English page whose translation into a language needs work, ranked by how many readers of
that language read it in the period — in English because it is not translated (or its translation
is not published), or, for a translation whose English changed, in the out-of-date translation.
"""

import datetime

from django.conf import settings
from django.db.models import BooleanField, ExpressionWrapper, Sum
from django.db.models.functions import TruncWeek
from django.utils import timezone
from wagtail.models import Locale, Page

from editorial.translation_report import STATUS_ORDER, translation_work

from .counting import fallback_q
from .models import PageViews

TREND_WEEKS = 12


def counted(start=None, end=None, language=None):
    """The PageViews rows (daily and monthly) of a period and language.

    A monthly row counts in a period that holds its month's first day.
    """
    rows = PageViews.objects.all()
    if start:
        rows = rows.filter(date__gte=start)
    if end:
        rows = rows.filter(date__lte=end)
    if language:
        rows = rows.filter(locale__language_code=language)
    return rows


def most_read(rows):
    """One dict per page read in a language: page_id, page__title, locale__language_code,
    in_english (an English page read at another language's address) and total (views)."""
    return (
        rows.annotate(in_english=ExpressionWrapper(fallback_q(), output_field=BooleanField()))
        .values("page_id", "page__title", "locale__language_code", "in_english")
        .annotate(total=Sum("views"))
    )


def weekly_trend(language=None, weeks=TREND_WEEKS, today=None):
    """[(Monday, views, of which read in English as the fallback)] for the last ``weeks`` weeks,
    oldest first, from the daily counts (READERSHIP_DAILY_RETENTION_DAYS of them are kept)."""
    today = today or timezone.localdate()
    this_monday = today - datetime.timedelta(days=today.weekday())
    first_monday = this_monday - datetime.timedelta(weeks=weeks - 1)
    rows = counted(first_monday, today, language).filter(period=PageViews.DAY)
    weekly = (
        rows.annotate(week=TruncWeek("date"))
        .values_list("week")
        .annotate(total=Sum("views"), in_english=Sum("views", filter=fallback_q()))
        .values_list("week", "total", "in_english")
        .order_by()
    )
    totals = {
        (week.date() if isinstance(week, datetime.datetime) else week): (total or 0, in_english or 0)
        for week, total, in_english in weekly
    }
    mondays = [first_monday + datetime.timedelta(weeks=n) for n in range(weeks)]
    return [(monday, *totals.get(monday, (0, 0))) for monday in mondays]


def readers_by_page(rows):
    """{(page id, locale id): views} for the rows."""
    totals = rows.values_list("page_id", "locale_id").annotate(total=Sum("views")).order_by()
    return {(page_id, locale_id): views for page_id, locale_id, views in totals}


def translate_next(locales, start=None, end=None):
    """The translation work on pages in ``locales``, most-read first (then most urgent first).

    Each WorkItem gets ``readers``: the period's views of the page by that language's readers.
    """
    items = [item for item in translation_work(locales) if item.is_page]
    if not items:
        return []
    rows = counted(start, end).filter(locale__in=locales)
    english_ids = [item.source.pk for item in items]
    translation_ids = [item.translation.pk for item in items if item.translation is not None]
    views = readers_by_page(rows.filter(page_id__in=english_ids + translation_ids))
    order = [code for code, _name in settings.LANGUAGES]
    for item in items:
        translated_live = item.translation is not None and item.translation.live
        page = item.translation if translated_live else item.source
        item.readers = views.get((page.pk, item.locale.pk), 0)
        # Readers of an unpublished translation's language still read the English page.
        if not translated_live and item.translation is not None:
            item.readers += views.get((item.translation.pk, item.locale.pk), 0)
    items.sort(
        key=lambda item: (
            -item.readers,
            STATUS_ORDER.index(item.status),
            order.index(item.locale.language_code) if item.locale.language_code in order else len(order),
            item.source.path,
        )
    )
    return items


def english_pages(page_ids):
    """{id: specific page} of the English pages among ``page_ids``."""
    return Page.objects.filter(pk__in=page_ids, locale=Locale.get_default()).specific().in_bulk()
