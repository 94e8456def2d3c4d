"""The one way to list and filter services: the site's directory, the API and the ORUK feed."""

from django.db.models import F, Q
from wagtail.models import PageManager

from directory import hours
from home.localization import ListingQuerySet
from home.taxonomy import filter_by_term

# Filter parameter → (relation on ServicePage, field of the related term that the value names).
TERM_FILTERS = {"category": ("categories", "slug"), "area": ("areas", "slug"), "language": ("languages", "code")}
# What a listing card shows about each service, beyond its own row and organisation.
CARD_PREFETCH = ("categories", "areas", "languages", "opening_hours")


def open_slot_q(moment):
    """Opening-hours slots that cover ``moment`` (a London datetime); hours.slot_is_open in SQL."""
    day, time = moment.weekday(), moment.time().replace(tzinfo=None)
    same_day = Q(opens__lt=F("closes"), weekday=day, opens__lte=time, closes__gt=time)
    # Past midnight (or closes == opens): from the opening time, or the previous day's slot until closing.
    overnight = Q(opens__gte=F("closes")) & (
        Q(weekday=day, opens__lte=time) | Q(weekday=(day - 1) % 7, closes__gt=time)
    )
    return same_day | overnight


class ServicePageQuerySet(ListingQuerySet):
    def live_public(self):
        return self.live().public()

    def listing(self, locale):
        """Live, public services in ``locale`` (English where not translated) with everything
        a listing card shows."""
        return (
            self.in_locale_or_source(locale)
            .select_related("organisation")
            .prefetch_related(*CARD_PREFETCH)
            .order_by("title")
        )

    def filtered(self, category=None, area=None, language=None, open_now=False, now=None, search=""):
        """Services in this category and area whose staff speak this language (each a term or
        its slug/code; None for any), open at ``now`` (default: the current time) if ``open_now``,
        matching the words of ``search`` in the fields the site search uses (ServicePage.search_fields).

        Every filter is a pk subquery, so search backends can still filter the result. An
        unknown slug or code raises home.guards.InvalidParameter.
        """
        queryset = self
        # Double quotes mean nothing to a plain-text query and break SQLite's FTS5 syntax.
        words = search.replace('"', " ").strip()
        if words:
            # The search backend's full-text match, as a pk filter: the result stays a queryset
            # (ordered, sliced, counted and annotated like any other listing).
            searchable = self.model.objects.live().public().only("pk")
            found = searchable.search(words, operator="and", order_by_relevance=False)
            queryset = queryset.filter(pk__in=[page.pk for page in found])
        for param, value in (("category", category), ("area", area), ("language", language)):
            if value:
                queryset = filter_by_term(queryset, param, value, *TERM_FILTERS[param])
        if open_now:
            slots = self.model._meta.get_field("opening_hours").related_model.objects
            open_slots = slots.filter(open_slot_q(hours.local_now(now))).values("service_id")
            # hours.open_state: only active services are open; 24/7 ones always.
            is_open = self.model.objects.filter(Q(status="active") & (Q(open_24_7=True) | Q(pk__in=open_slots)))
            queryset = queryset.filter(pk__in=is_open.values("pk"))
        return queryset


ServicePageManager = PageManager.from_queryset(ServicePageQuerySet)
