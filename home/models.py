from django.core.paginator import Paginator
from django.db import models
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Locale, Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from . import phones
from .api.fields import RelatedPagesField
from .blocks import BodyBlock
from .forms import HelplineForm
from .localization import (
    children_of_q,
    in_locale_or_source,
    listing_locale,
    localize_pages,
    localized_snippet,
    translations_of,
)
from .navigation import NavigationSettings, chooser_page_type, navigation_pages  # noqa: F401 (a model of this app)
from .preview import HeadlessPreviewMixin
from .rich_text import prefetch_links
from .stream_prefetch import prefetch_chosen
from .validators import validate_web_url


class BasePage(HeadlessPreviewMixin, Page):
    """What every page needs: a plain-text summary for listings, search and the API."""

    summary = models.TextField(
        max_length=400,
        blank=True,
        help_text=_("One or two plain sentences. Shown in listings, search results and the app."),
    )
    is_key_page = models.BooleanField(
        _("key page"),
        default=False,
        help_text=_("Key pages are translated first; the translation report tracks them separately."),
    )

    content_panels = Page.content_panels + [FieldPanel("summary")]
    promote_panels = Page.promote_panels + [FieldPanel("is_key_page")]
    # Titles weigh most, then summaries, then body text (README "Search"). Wagtail gives page titles
    # boost 2, below these summaries; the later title field replaces Page's (one per field name).
    search_fields = Page.search_fields + [index.SearchField("title", boost=10), index.SearchField("summary", boost=3)]
    api_fields = [APIField("summary")]
    # What search results call this kind of page ("Advice", "News"); blank for plain information.
    page_kind = ""
    translatable_fields = [
        TranslatableField("title"),
        SynchronizedField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("summary"),
        SynchronizedField("is_key_page"),
    ]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        # What the body links to and chooses, each kind in one query (home/rich_text.py, stream_prefetch.py).
        prefetch_links([self])
        prefetch_chosen([self])
        return super().get_context(request, *args, **kwargs)


class IndexPage(BasePage):
    """A section's front page: an introduction, then its one child page type, listed in the
    visitor's language with the English items not yet translated (the type's
    ``objects.listing(locale)``), a page of ``items_per_page`` at a time."""

    introduction = models.TextField(max_length=600, blank=True)

    items_per_page = 24

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    api_fields = BasePage.api_fields + [APIField("introduction")]
    translatable_fields = BasePage.translatable_fields + [TranslatableField("introduction")]

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True

    @classmethod
    def item_model(cls):
        """The page type listed: the one type allowed below the index."""
        (model,) = cls.clean_subpage_models()
        return model

    def get_items(self, locale=None):
        """The live, public items below this index or its translations, in ``locale`` where
        translated, else in English."""
        locale = locale or self.locale
        return self.item_model().objects.filter(children_of_q(translations_of(self, locale))).listing(locale)

    def paginate(self, request, items):
        """The page of ``items`` asked for by ?page= (the last one for a number too high)."""
        return Paginator(items, self.items_per_page).get_page(request.GET.get("page"))


@register_snippet
class Helpline(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(max_length=120)
    number = phones.PhoneField(
        max_length=40,
        help_text=_("As people should dial it, e.g. 08000 121 700."),
    )
    # Group sizes of the publicised spacing ("5 3 3"), taken from the number as typed (home/phones.py).
    number_grouping = models.CharField(max_length=20, blank=True, editable=False)
    hours = models.CharField(max_length=120, help_text=_("e.g. 24 hours a day, 7 days a week"))
    is_free = models.BooleanField(_("free to call"), default=True)
    has_interpreters = models.BooleanField(_("interpreters available"), default=False)
    description = models.TextField(max_length=500, blank=True)
    is_featured = models.BooleanField(
        _("show in the help panel"),
        default=False,
        help_text=_("Featured helplines appear on the home page and in the footer of every page."),
    )
    sort_order = models.PositiveSmallIntegerField(default=100)

    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [FieldPanel("number"), FieldPanel("hours"), FieldPanel("is_free")],
            heading=_("Number"),
        ),
        FieldPanel("has_interpreters"),
        FieldPanel("description"),
        MultiFieldPanel([FieldPanel("is_featured"), FieldPanel("sort_order")], heading=_("Display")),
    ]
    base_form_class = HelplineForm
    search_fields = [
        index.SearchField("name", boost=2),
        index.SearchField("description"),
        index.FilterField("locale_id"),
    ]
    api_fields = [
        APIField("name"),
        APIField("number", serializer=serializers.CharField(source="display_number")),
        APIField("tel", serializer=serializers.CharField()),
        APIField("hours"),
        APIField("is_free"),
        APIField("has_interpreters"),
        APIField("description"),
        APIField("is_featured"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("hours"),
        TranslatableField("description"),
        SynchronizedField("number"),
        SynchronizedField("number_grouping"),
        SynchronizedField("is_free"),
        SynchronizedField("has_interpreters"),
        SynchronizedField("is_featured"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]

    def __str__(self):
        return f"{self.name} ({self.display_number})"

    def save(self, *args, **kwargs):
        # Typed with its spacing, the number sets the grouping; read back from the database
        # (+448000121700), it keeps the grouping it has while that still fits.
        number = phones.parse(self.number)
        typed = phones.grouping_of(getattr(self.number, "raw_input", ""), number)
        if typed or not phones.grouping_fits(self.number_grouping, number):
            self.number_grouping = typed
        super().save(*args, **kwargs)

    @property
    def localized(self):
        """In the active language where translated: one query per request for every helpline shown."""
        return localized_snippet(self)

    @property
    def display_number(self):
        return phones.display(self.number, self.number_grouping)

    @property
    def tel(self):
        """The number for links and the API: E.164, or a short code as dialled."""
        return phones.tel_uri(self.number).removeprefix("tel:")

    @property
    def tel_uri(self):
        return phones.tel_uri(self.number)

    @classmethod
    def featured(cls, locale):
        return cls.objects.filter(locale=locale, is_featured=True)


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    # Short codes: they have no E.164 form (home/phones.py), so they are checked, not converted.
    emergency_number = models.CharField(max_length=10, default="999", validators=[phones.validate_emergency_number])
    non_emergency_number = models.CharField(max_length=10, default="101", validators=[phones.validate_short_code])
    contact_email = models.EmailField(blank=True)
    leave_site_url = models.URLField(
        _("'Leave this site' destination"),
        default="https://www.bbc.co.uk/weather",
        help_text=_("A neutral site the 'Leave this site' button sends visitors to."),
        validators=[validate_web_url],
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("emergency_number"), FieldPanel("non_emergency_number")],
            heading=_("Emergency numbers"),
        ),
        FieldPanel("contact_email"),
        FieldPanel("leave_site_url"),
    ]

    class Meta:
        verbose_name = _("site settings")


class HomeFeaturedAdvice(Orderable):
    home_page = ParentalKey("home.HomePage", related_name="featured_advice", on_delete=models.CASCADE)
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("page", page_type=chooser_page_type("featured_advice"))]


class HomePage(BasePage):
    introduction = models.TextField(max_length=600, blank=True)
    help_heading = models.CharField(max_length=120, default="Get help now")
    help_text = models.TextField(
        max_length=600,
        blank=True,
        help_text=_("Shown above the emergency and helpline numbers."),
    )
    directory_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The service directory, for the call to find local support."),
    )
    directory_text = models.TextField(max_length=400, blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        MultiFieldPanel([FieldPanel("help_heading"), FieldPanel("help_text")], heading=_("Get help now panel")),
        InlinePanel("featured_advice", label=_("Featured advice"), max_num=6),
        MultiFieldPanel(
            [
                PageChooserPanel("directory_page", page_type=chooser_page_type("directory")),
                FieldPanel("directory_text"),
            ],
            heading=_("Service directory"),
        ),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]
    api_fields = BasePage.api_fields + [
        APIField("introduction"),
        APIField("help_heading"),
        APIField("help_text"),
        APIField("featured_advice", serializer=RelatedPagesField(through="page")),
        APIField("directory_page", serializer=RelatedPagesField(many=False)),
        APIField("directory_text"),
    ]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("introduction"),
        TranslatableField("help_heading"),
        TranslatableField("help_text"),
        TranslatableField("directory_text"),
        SynchronizedField("directory_page"),
        SynchronizedField("featured_advice"),
    ]

    # Which sections go below a home page is said by each section's parent_page_types.
    parent_page_types = ["wagtailcore.Page"]

    def get_featured_advice(self, locale=None):
        """Featured advice in ``locale`` where translated, else in English; drafts and private
        pages are left out (localize_pages)."""
        pages = [item.page for item in self.featured_advice.select_related("page").all()]
        return localize_pages(pages, locale or self.locale)

    @staticmethod
    def get_latest_news(news_index, locale, count=3):
        """The newest items of the kind the news index chosen in Settings → Navigation lists."""
        index_class = news_index.specific_class if news_index is not None else None
        if index_class is None or not issubclass(index_class, IndexPage):
            return []
        return index_class.item_model().objects.listing(locale)[:count]

    @cached_property
    def localized_directory_page(self):
        if self.directory_page is None:
            return None
        return next(iter(localize_pages([self.directory_page], self.locale)), None)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        locale = listing_locale(self, request)
        context["featured_advice"] = self.get_featured_advice(locale)
        context["latest_news"] = self.get_latest_news(navigation_pages(request).get("news"), locale)
        return context


class StandardPage(BasePage):
    body = StreamField(BodyBlock(), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    api_fields = BasePage.api_fields + [APIField("body")]
    translatable_fields = BasePage.translatable_fields + [TranslatableField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    def get_child_pages(self, locale=None):
        """Child pages in ``locale`` where translated, else in English (children of this page
        and of its English source both count)."""
        locale = locale or self.locale
        children = Page.objects.filter(children_of_q(translations_of(self, locale)))
        # In the English section's order: a translation sorts where its source does.
        source_path = Page.objects.filter(
            translation_key=OuterRef("translation_key"), locale=Locale.get_default()
        ).values("path")[:1]
        return (
            in_locale_or_source(children, locale)
            .annotate(sort_path=Coalesce(Subquery(source_path), "path"))
            .order_by("sort_path")
            .specific()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["child_pages"] = self.get_child_pages(listing_locale(self, request))
        return context
