from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.shortcuts import redirect
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from directory import geo, hours, listing
from directory.queries import ServicePageManager
from directory.snippets import Area, AreaKind, Language, Organisation, Place, PlaceKind, ServiceCategory
from home import guards, phones
from home.api.fields import LocalizedSnippetsField, WebURLField
from home.blocks import RICH_TEXT_FEATURES
from home.forms import SourceLocaleChoicesPageForm
from home.localization import listing_locale, localize_objects, localized_rows
from home.models import BasePage, IndexPage
from home.validators import validate_web_url

__all__ = [  # the snippets are defined in directory/snippets.py and imported from here too
    "Area",
    "AreaKind",
    "Language",
    "Organisation",
    "Place",
    "PlaceKind",
    "ServiceCategory",
]

SERVICES_PER_PAGE = 20


class Access(models.TextChoices):
    SELF_REFERRAL = "self", _("You can contact them yourself")
    PROFESSIONAL_REFERRAL = "referral", _("A professional must refer you")
    EITHER = "either", _("Contact them yourself or be referred")


class Cost(models.TextChoices):
    FREE = "free", _("Free")
    SOME_COSTS = "some", _("Some parts cost money")
    PAID = "paid", _("Costs money")


class ServiceStatus(models.TextChoices):
    ACTIVE = "active", _("Open")
    TEMPORARILY_CLOSED = "temporarily closed", _("Temporarily closed")
    INACTIVE = "inactive", _("Not currently running")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class OpeningHours(Orderable):
    service = ParentalKey("directory.ServicePage", related_name="opening_hours", on_delete=models.CASCADE)
    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices)
    opens = models.TimeField()
    closes = models.TimeField(help_text=_("A closing time before the opening time means past midnight."))

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]
    api_fields = [APIField("weekday"), APIField("opens"), APIField("closes")]

    class Meta(Orderable.Meta):
        verbose_name_plural = _("opening hours")

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


class DirectoryIndexPage(IndexPage):
    subpage_types = ["directory.ServicePage"]
    items_per_page = SERVICES_PER_PAGE
    page_kind = _("Services")

    def serve(self, request, *args, **kwargs):
        # A full postcode is reduced to its outward code before anything else sees it: the
        # visitor is redirected, so the page, its links and the browser history only hold "NR2".
        near = request.GET.get("near", "")
        code = geo.outward_code(near[: geo.MAX_QUERY_LENGTH])
        if code and code != near.strip().upper():
            query = request.GET.copy()
            query["near"] = code
            query.pop("page", None)
            return redirect(f"{request.path}?{query.urlencode()}")
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        locale = listing_locale(self, request)
        categories = localized_rows(ServiceCategory, locale)
        areas = localized_rows(Area, locale)
        services = self.get_items(locale)
        languages = list(Language.objects.filter(services__in=services).distinct())
        # A value the page does not offer is reported and ignored; the other filters still apply.
        selected, unknown = listing.choose(request.GET, category=categories, area=areas, language=languages)
        open_now = request.GET.get("open_now") == "1"
        now = hours.local_now()
        filtered = services.filtered(open_now=open_now, now=now, **selected)
        near = guards.text(request.GET, "near", geo.MAX_QUERY_LENGTH)
        place = geo.find_place(near) if near else None
        anywhere = []
        if place is not None:
            # Distances are computed in Python, so every matching service is loaded.
            nearby, anywhere = geo.sort_by_distance(filtered, place)
            page_obj = self.paginate(request, nearby)
        else:
            if near:
                unknown.append("near")
            # The database pages the listing: one page of cards is loaded, however many services match.
            page_obj = self.paginate(request, filtered)
        shown = [*page_obj, *anywhere]
        for service in shown:
            service.open_now_state = hours.open_state(service, now)
            # Read by the card; a missing attribute costs the template engine a dir() of the page.
            service.distance_miles = getattr(service, "distance_miles", None)
        listing.localize_terms(shown, categories, areas)
        query = request.GET.copy()
        query.pop("page", None)
        if near:
            query["near"] = geo.outward_code(near) or near
        active = {param: query[param] for param in selected}
        if open_now:
            active["open_now"] = "1"
        if place:
            active["near"] = query["near"]
        language = selected.get("language")
        context.update(
            categories=categories,
            areas=areas,
            languages=languages,
            selected=selected,
            unknown_filters=unknown,
            services=page_obj,
            open_now=open_now,
            place=place,
            # A full postcode is never echoed back: the form shows its outward code instead.
            near_value=(geo.outward_code(near) or near) if near else "",
            anywhere_services=anywhere,
            filter_query=query.urlencode(),
            without_filter=listing.links_without_each(active),
            # A language is named in itself, isolated inside a sentence in the visitor's language.
            language_choice=format_html('<bdi lang="{}">{}</bdi>', language.code, language.native_name)
            if language
            else "",
        )
        return context


class ServicePage(BasePage):
    page_kind = _("Service")
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="services"
    )
    status = models.CharField(max_length=20, choices=ServiceStatus.choices, default=ServiceStatus.ACTIVE)
    description = RichTextField(features=RICH_TEXT_FEATURES, help_text=_("What the service offers."))
    who_for = models.TextField(_("who it is for"), max_length=1000, blank=True)
    categories = ParentalManyToManyField(ServiceCategory, related_name="services")
    areas = ParentalManyToManyField(Area, related_name="services", verbose_name=_("areas served"))
    languages = ParentalManyToManyField(
        Language, blank=True, related_name="services", verbose_name=_("languages staff speak")
    )
    interpreters_available = models.BooleanField(default=False)

    address_line_1 = models.CharField(max_length=120, blank=True)
    address_line_2 = models.CharField(max_length=120, blank=True)
    town = models.CharField(max_length=80, blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    location_description = models.TextField(
        _("how to find it"),
        max_length=600,
        blank=True,
        help_text=_("Landmarks, entrances, buses. No maps are shown on this site."),
    )

    phone = phones.PhoneField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    website = models.URLField(blank=True, validators=[validate_web_url])

    open_24_7 = models.BooleanField(_("open 24 hours, 7 days a week"), default=False)
    hours_notes = models.TextField(
        _("notes on opening hours"),
        max_length=400,
        blank=True,
        help_text=_("e.g. closed on bank holidays"),
    )

    access = models.CharField(max_length=10, choices=Access.choices, default=Access.SELF_REFERRAL)
    access_details = models.TextField(_("how to access it"), max_length=600, blank=True)
    cost = models.CharField(max_length=10, choices=Cost.choices, default=Cost.FREE)
    cost_details = models.TextField(max_length=400, blank=True)
    accessibility = models.TextField(_("accessibility notes"), max_length=600, blank=True)
    last_verified = models.DateField(help_text=_("When someone last checked these details with the service."))

    content_panels = BasePage.content_panels + [
        FieldPanel("organisation"),
        FieldPanel("status"),
        FieldPanel("description"),
        FieldPanel("who_for"),
        MultiFieldPanel(
            [
                FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
                FieldPanel("areas", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Categories and areas"),
        ),
        MultiFieldPanel(
            [FieldPanel("languages", widget=forms.CheckboxSelectMultiple), FieldPanel("interpreters_available")],
            heading=_("Languages"),
        ),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email"), FieldPanel("website")],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("address_line_1"),
                FieldPanel("address_line_2"),
                FieldRowPanel([FieldPanel("town"), FieldPanel("postcode")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("location_description"),
            ],
            heading=_("Address"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("open_24_7"),
                InlinePanel("opening_hours", label=_("Opening hours")),
                FieldPanel("hours_notes"),
            ],
            heading=_("Opening hours"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("access"),
                FieldPanel("access_details"),
                FieldPanel("cost"),
                FieldPanel("cost_details"),
                FieldPanel("accessibility"),
            ],
            heading=_("Access, cost and accessibility"),
        ),
        FieldPanel("last_verified"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("description"),
        index.SearchField("who_for"),
        index.SearchField("town"),
        index.RelatedFields("organisation", [index.SearchField("name", boost=2)]),
        index.RelatedFields("categories", [index.SearchField("name", boost=2)]),
        index.FilterField("status"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("organisation", serializer=LocalizedSnippetsField(many=False)),
        APIField("status"),
        APIField("description"),
        APIField("who_for"),
        APIField("categories", serializer=LocalizedSnippetsField()),
        APIField("areas", serializer=LocalizedSnippetsField()),
        APIField("languages"),
        APIField("interpreters_available"),
        APIField("address_line_1"),
        APIField("address_line_2"),
        APIField("town"),
        APIField("postcode"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("location_description"),
        APIField("phone", serializer=serializers.CharField(source="phone_display")),
        APIField("email"),
        APIField("website", serializer=WebURLField()),
        APIField("open_24_7"),
        APIField("opening_hours"),
        APIField("hours_notes"),
        APIField("access"),
        APIField("access_details"),
        APIField("cost"),
        APIField("cost_details"),
        APIField("accessibility"),
        APIField("last_verified"),
    ]
    # What a service's card shows where another page links to it (RelatedPagesField).
    api_card_fields = ["phone", "website", "town", "areas", "open_24_7", "opening_hours", "hours_notes"]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("description"),
        TranslatableField("who_for"),
        TranslatableField("location_description"),
        TranslatableField("hours_notes"),
        TranslatableField("access_details"),
        TranslatableField("cost_details"),
        TranslatableField("accessibility"),
        SynchronizedField("organisation"),
        SynchronizedField("status"),
        SynchronizedField("categories"),
        SynchronizedField("areas"),
        SynchronizedField("languages"),
        SynchronizedField("interpreters_available"),
        SynchronizedField("address_line_1"),
        SynchronizedField("address_line_2"),
        SynchronizedField("town"),
        SynchronizedField("postcode"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
        SynchronizedField("website"),
        SynchronizedField("open_24_7"),
        SynchronizedField("opening_hours"),
        SynchronizedField("access"),
        SynchronizedField("cost"),
        SynchronizedField("last_verified"),
    ]

    parent_page_types = ["directory.DirectoryIndexPage"]
    subpage_types = []

    objects = ServicePageManager()
    base_form_class = SourceLocaleChoicesPageForm

    @property
    def phone_uri(self):
        return phones.tel_uri(self.phone)

    @property
    def phone_display(self):
        return phones.display(self.phone)

    @property
    def is_stale(self):
        """Not verified in the last 12 months: visitors are told to call before they go."""
        return hours.is_stale(self.last_verified)

    def open_state(self, now=None):
        return hours.open_state(self, now)

    @property
    def address_lines(self):
        return [line for line in (self.address_line_1, self.address_line_2, self.town, self.postcode) if line]

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            missing = "latitude" if self.latitude is None else "longitude"
            raise ValidationError({missing: _("Enter both the latitude and the longitude, or neither.")})
        # Without coordinates a service is listed as available anywhere (geo.is_available_anywhere),
        # so one with a postcode or town takes the coordinates of its outward code or town. Runs in
        # the admin form, in save_revision (so the ORUK import) and when a live page is saved.
        if self.latitude is None and (self.postcode or self.town):
            code = geo.outward_code(self.postcode)
            place = geo.find_place(code) if code else None
            if place is None and self.town:
                place = geo.find_place(self.town)
            if place is None:
                field, name = ("postcode", code or self.postcode) if self.postcode else ("town", self.town)
                raise ValidationError(
                    {
                        field: _(
                            "The directory does not know where “%(place)s” is, so the service would be "
                            "listed as available anywhere. Enter its latitude and longitude, or add the "
                            "town or postcode area under Snippets → Places."
                        )
                        % {"place": name}
                    }
                )
            self.latitude, self.longitude = place.latitude, place.longitude

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # On an English fallback page, in the visitor's language where translated.
        context["categories"] = localize_objects(self.categories.all(), listing_locale(self, request))
        context["areas"] = localize_objects(self.areas.all(), listing_locale(self, request))
        context["organisation"] = localize_objects([self.organisation], self.locale)[0] if self.organisation else None
        context["open_now_state"] = self.open_state()
        context["plain_print"] = request.GET.get("print") == "plain"
        return context
