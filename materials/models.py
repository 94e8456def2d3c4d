"""Awareness materials: posters, leaflets and pocket cards printed from the site's own content.

A material is a page below the "Posters and leaflets" page, so it is translated with
wagtail-localize, published, previewed and restricted like every other page. Its PDFs are
made from its live content in each language (materials/files.py) and served below its URL
(``poster.pdf``, ``leaflet.pdf``, ``card.pdf``); editors preview them in the page editor's
preview modes.
"""

from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, PageManager
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.localization import ListingQuerySet, listing_locale, localize_objects, localize_pages
from home.models import BasePage, IndexPage

from .files import FORMAT_NAMES, downloads_for, pdf_response, preview_response
from .pdf import CARD_NUMBERS
from .serializers import DownloadsField


class MaterialPageQuerySet(ListingQuerySet):
    def listing(self, locale):
        """Live, public materials in ``locale`` (English where not translated)."""
        return self.in_locale_or_source(locale).order_by("path")


class MaterialsIndexPage(IndexPage):
    """The "Posters and leaflets" page: every material, with its downloads in every language."""

    subpage_types = ["materials.MaterialPage"]
    page_kind = _("Posters and leaflets")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        materials = list(self.get_items(listing_locale(self, request)))
        downloads = downloads_for(materials)
        for material in materials:
            material.downloads = downloads[material.pk]
        context["materials"] = materials
        return context


class MaterialHelpline(Orderable):
    page = ParentalKey("materials.MaterialPage", related_name="helplines", on_delete=models.CASCADE)
    helpline = models.ForeignKey("home.Helpline", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("helpline")]
    api_fields = [APIField("helpline")]


class MaterialPage(RoutablePageMixin, BasePage):
    headline = models.CharField(max_length=80, help_text=_("Large type at the top, e.g. Spot the signs."))
    points = StreamField(
        [("point", blocks.CharBlock(max_length=160, label=_("Point")))],
        min_num=3,
        max_num=6,
        help_text=_("Three to six short sentences, one idea each."),
    )
    call_to_action = models.CharField(
        max_length=120, help_text=_("What to do, e.g. Worried about someone? Call the helpline.")
    )
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("page to read more"),
        help_text=_("The QR code and the printed address lead here, in the material's language. Blank: this page."),
    )
    card_line = models.CharField(
        _("pocket card line"),
        max_length=70,
        help_text=_(
            "Printed beside the numbers on the pocket card's outside. Say nothing about what they are for: "
            "someone who is watched may carry it. E.g. Free to call, any time."
        ),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("headline"),
        FieldPanel("points"),
        FieldPanel("call_to_action"),
        PageChooserPanel("link_page"),
        MultiFieldPanel(
            [InlinePanel("helplines", label=_("Helpline"), min_num=1, max_num=CARD_NUMBERS), FieldPanel("card_line")],
            heading=_("Helplines"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("headline", boost=2),
        index.SearchField("points"),
        index.SearchField("call_to_action"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("headline"),
        APIField("points"),
        APIField("call_to_action"),
        APIField("card_line"),
        APIField("downloads", serializer=DownloadsField()),
    ]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("headline"),
        TranslatableField("points"),
        TranslatableField("call_to_action"),
        TranslatableField("card_line"),
        SynchronizedField("link_page"),
        SynchronizedField("helplines"),
    ]

    parent_page_types = ["materials.MaterialsIndexPage"]
    subpage_types = []
    page_kind = _("Posters and leaflets")

    objects = PageManager.from_queryset(MaterialPageQuerySet)()

    # The page editor's preview menu shows the page and each PDF of the draft.
    preview_modes = [
        ("", _("Page")),
        ("poster", _("A4 poster (PDF)")),
        ("leaflet", _("A5 leaflet (PDF)")),
        ("card", _("Pocket card (PDF)")),
    ]

    def serve_preview(self, request, mode_name):
        if mode_name in FORMAT_NAMES:
            return preview_response(self, mode_name)
        return super().serve_preview(request, mode_name)

    @path("<slug:format_name>.pdf/")
    def pdf(self, request, format_name):
        if format_name not in FORMAT_NAMES or getattr(request, "is_untranslated_fallback", False):
            raise Http404
        return pdf_response(self, format_name, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["downloads"] = downloads_for([self])[self.pk]
        context["helplines"] = localize_objects([row.helpline for row in self.helplines.all()], self.locale)
        context["link_page"] = (
            next(iter(localize_pages([self.link_page], self.locale)), None) if self.link_page else None
        )
        return context
