"""Counting page views in the shared cache, and moving the counts to the database in bulk.

A view costs the beacon a few atomic cache operations and no database write: one counter per
day, page and language (``cache.add`` then ``cache.incr``, atomic in Redis and in LocMem). The
counters are found again through a per-day index, also built with atomic increments, because
Django's cache API cannot list keys (and LocMem, used in tests, has no scan). ``flush_counts``
(``manage.py flush_readership``, from cron) moves them into ``PageViews`` rows in a few queries
and ``roll_up`` turns old daily rows into monthly ones.

Keys hold a page id, a language and a day (the cap: a minute); never anything about the reader.
"""

import datetime

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models import F, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from wagtail.models import Locale, Page

from home.page_cache import content_version

from .models import PageViews

PREFIX = "readership"
# Counters live this long: a flush that fails for a day or two loses nothing.
KEEP_DAYS = 3
KEEP_SECONDS = KEEP_DAYS * 24 * 60 * 60
PAGE_LOOKUP_SECONDS = 60 * 60


def shared_cache():
    return caches[settings.READERSHIP_CACHE]


def _count_key(day, page_id, locale_id):
    return f"{PREFIX}:views:{day.isoformat()}:{page_id}:{locale_id}"


def _index_length_key(day):
    return f"{PREFIX}:index:{day.isoformat()}"


def _index_key(day, number):
    return f"{PREFIX}:index:{day.isoformat()}:{number}"


def _increment(cache, key, timeout):
    """Adds one to a counter, creating it at 0 first; the new value, or None if the cache failed.

    True in the second element when this call created the counter (``add`` succeeds for one caller only).
    """
    created = bool(cache.add(key, 0, timeout=timeout))
    try:
        return cache.incr(key), created
    except ValueError:  # expired between add and incr, or the cache is down (django-redis ignores it)
        return None, created


def countable_page(page_id):
    """The locale id of the live, public page ``page_id``, or None.

    Looked up once per content version (publishing moves it on, home/page_cache.py), so the beacon
    reads the database once per page per publication, not once per view.
    """
    version = content_version()
    cache = shared_cache()
    key = f"{PREFIX}:page:{version}:{page_id}"
    found = cache.get(key) if version is not None else None
    if found is None:
        page = Page.objects.live().public().filter(pk=page_id, depth__gt=1).values_list("locale_id", flat=True)
        found = page.first() or 0
        if version is not None:
            cache.set(key, found, timeout=PAGE_LOOKUP_SECONDS)
    return found or None


def over_cap(page_id, now=None):
    """Counts one beacon for the page in this minute; True when the page is past its cap.

    The cap bounds what a script can add to any page's count without identifying the script.
    """
    now = now or timezone.now()
    key = f"{PREFIX}:cap:{page_id}:{now:%Y%m%d%H%M}"
    value, _created = _increment(shared_cache(), key, timeout=120)
    return value is not None and value > settings.READERSHIP_VIEWS_PER_PAGE_PER_MINUTE


def count_view(page_id, locale_id, day=None):
    """One view of the page in the language ``locale_id`` on ``day`` (today)."""
    day = day or timezone.localdate()
    cache = shared_cache()
    value, created = _increment(cache, _count_key(day, page_id, locale_id), KEEP_SECONDS)
    if created:
        number, _ = _increment(cache, _index_length_key(day), KEEP_SECONDS)
        if number is not None:
            cache.set(_index_key(day, number), f"{page_id}:{locale_id}", timeout=KEEP_SECONDS)
    return value


def pending_counts(day):
    """{(page id, locale id): views} counted in the cache for ``day`` and not yet flushed."""
    cache = shared_cache()
    length = cache.get(_index_length_key(day)) or 0
    entries = cache.get_many([_index_key(day, number) for number in range(1, length + 1)]).values()
    pairs = [tuple(int(part) for part in entry.split(":")) for entry in entries]
    values = cache.get_many([_count_key(day, *pair) for pair in pairs])
    counts = {}
    for pair in pairs:
        views = values.get(_count_key(day, *pair)) or 0
        if views > 0:
            counts[pair] = views
    return counts


def add_counts(period, counts):
    """Adds {(date, page id, locale id): views} to the PageViews rows of ``period``, in a few queries."""
    counts = {key: views for key, views in counts.items() if views}
    if not counts:
        return 0
    existing_pages = set(Page.objects.filter(pk__in={page for _d, page, _l in counts}).values_list("pk", flat=True))
    counts = {key: views for key, views in counts.items() if key[1] in existing_pages}  # deleted since
    with transaction.atomic():
        rows = {
            (row.date, row.page_id, row.locale_id): row
            for row in PageViews.objects.select_for_update().filter(
                period=period,
                date__in={date for date, _p, _l in counts},
                page_id__in={page for _d, page, _l in counts},
            )
        }
        changed, new = [], []
        for (date, page_id, locale_id), views in counts.items():
            row = rows.get((date, page_id, locale_id))
            if row is None:
                new.append(PageViews(period=period, date=date, page_id=page_id, locale_id=locale_id, views=views))
            else:
                row.views += views
                changed.append(row)
        PageViews.objects.bulk_update(changed, ["views"], batch_size=500)
        PageViews.objects.bulk_create(new, batch_size=500)
    return sum(counts.values())


def flush_counts(today=None):
    """Moves the counts of the last KEEP_DAYS days from the cache to the database; the views moved.

    Each counter is decremented by what is taken (atomic), so views counted meanwhile stay for the
    next flush. Should the database write fail, the counts are put back.
    """
    today = today or timezone.localdate()
    cache = shared_cache()
    total = 0
    for age in range(KEEP_DAYS):
        day = today - datetime.timedelta(days=age)
        taken = {}
        for (page_id, locale_id), views in pending_counts(day).items():
            try:
                cache.decr(_count_key(day, page_id, locale_id), views)
            except ValueError:  # expired meanwhile: nothing to take
                continue
            taken[(day, page_id, locale_id)] = views
        try:
            total += add_counts(PageViews.DAY, taken)
        except Exception:
            for (day_, page_id, locale_id), views in taken.items():
                cache.incr(_count_key(day_, page_id, locale_id), views)
            raise
    return total


def roll_up(days=None, today=None):
    """Rolls daily rows older than ``days`` (READERSHIP_DAILY_RETENTION_DAYS) into monthly rows.

    Today counts as day one. Returns the number of daily rows rolled up.
    """
    days = settings.READERSHIP_DAILY_RETENTION_DAYS if days is None else days
    cutoff = (today or timezone.localdate()) - datetime.timedelta(days=days - 1)
    old = PageViews.objects.filter(period=PageViews.DAY, date__lt=cutoff)
    with transaction.atomic():
        monthly = (
            old.annotate(month=TruncMonth("date"))
            .values_list("month", "page_id", "locale_id")
            .annotate(total=Sum("views"))
            .order_by()
        )
        add_counts(PageViews.MONTH, {(month, page, locale): total for month, page, locale, total in monthly})
        rolled, _by_model = old.delete()
    return rolled


def fallback_q():
    """Rows of an English page read at another language's address (not translated yet)."""
    return ~Q(page__locale_id=F("locale_id"))


def active_locale_id(language_code):
    """The Locale id of a site language, or None (unknown, or not a content language now).

    Kept in the shared cache for a few minutes: the beacon needs no database read for it.
    """
    if language_code not in dict(settings.WAGTAIL_CONTENT_LANGUAGES):
        return None
    cache = shared_cache()
    locales = cache.get(f"{PREFIX}:locales")
    if locales is None:
        locales = dict(Locale.objects.values_list("language_code", "pk"))
        cache.set(f"{PREFIX}:locales", locales, timeout=300)
    return locales.get(language_code)
