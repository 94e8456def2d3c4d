from django import forms
from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Locale, Orderable, PageManager
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from directory.models import ServicePage
from home.api.fields import LocalizedSnippetsField, RelatedPagesField
from home.blocks import BodyBlock
from home.forms import SourceLocaleChoicesPageForm
from home.localization import ListingQuerySet, listing_locale, localize_objects
from home.models import BasePage, IndexPage
from home.taxonomy import TaxonomyMixin, filter_by_term


@register_snippet
class AdviceTopic(TaxonomyMixin):
    slug = models.SlugField(max_length=80, help_text=_("Used in web addresses, e.g. ?topic=spot-the-signs"))

    class Meta(TaxonomyMixin.Meta):
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_advice_topic_slug_per_locale")]


class Audience(models.TextChoices):
    EVERYONE = "everyone", _("Everyone")
    VICTIMS = "victims", _("People who may be exploited")
    PUBLIC = "public", _("Members of the public")
    PROFESSIONALS = "professionals", _("Professionals")
    BUSINESSES = "businesses", _("Employers and businesses")


class AdvicePageQuerySet(ListingQuerySet):
    def listing(self, locale):
        """Live, public advice in ``locale`` (English where not translated), ready for a listing
        (topics prefetched)."""
        return self.in_locale_or_source(locale).prefetch_related("topics").defer_streamfields()

    def filtered(self, topic=None):
        """Advice on this topic (a topic or its slug; None for any), by pk subquery. An unknown
        slug raises home.guards.InvalidParameter."""
        return filter_by_term(self, "topic", topic, "topics") if topic else self


AdvicePageManager = PageManager.from_queryset(AdvicePageQuerySet)


class AdviceIndexPage(IndexPage):
    subpage_types = ["advice.AdvicePage"]
    page_kind = _("Advice")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        locale = listing_locale(self, request)
        topics = list(AdviceTopic.objects.filter(locale=Locale.get_default()))
        selected_slug = request.GET.get("topic", "")
        selected = next((topic for topic in topics if topic.slug == selected_slug), None)
        pages = self.get_items(locale).filtered(topic=selected).order_by("title")
        page_obj = self.paginate(request, pages)
        localized_topics = dict(zip((t.pk for t in topics), localize_objects(topics, locale), strict=True))
        for advice in page_obj:
            advice.localized_topics = [localized_topics.get(topic.pk, topic) for topic in advice.topics.all()]
        context.update(
            topics=list(localized_topics.values()),
            selected_topic=localized_topics.get(selected.pk) if selected else None,
            unknown_topic=bool(selected_slug) and selected is None,
            advice_pages=page_obj,
        )
        return context


class AdviceRelatedService(Orderable):
    advice_page = ParentalKey("advice.AdvicePage", related_name="related_services", on_delete=models.CASCADE)
    service = models.ForeignKey("directory.ServicePage", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("service")]
    api_fields = [APIField("service")]


class AdvicePage(BasePage):
    topics = ParentalManyToManyField(AdviceTopic, blank=True, related_name="advice_pages")
    audience = models.CharField(max_length=20, choices=Audience.choices, default=Audience.EVERYONE)
    body = StreamField(BodyBlock())
    last_reviewed = models.DateField(
        help_text=_("When someone last checked this advice was correct. Shown to readers."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("audience"),
        FieldPanel("body"),
        FieldPanel("last_reviewed"),
        InlinePanel("related_services", label=_("Related services"), max_num=6),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("audience"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("topics", serializer=LocalizedSnippetsField()),
        APIField("audience"),
        APIField("body"),
        APIField("last_reviewed"),
        APIField("related_services", serializer=RelatedPagesField(through="service")),
    ]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("body"),
        SynchronizedField("topics"),
        SynchronizedField("audience"),
        SynchronizedField("last_reviewed"),
        SynchronizedField("related_services"),
    ]

    parent_page_types = ["advice.AdviceIndexPage"]
    subpage_types = []
    page_kind = _("Advice")

    objects = AdvicePageManager()
    base_form_class = SourceLocaleChoicesPageForm

    def get_topics(self, locale=None):
        return localize_objects(self.topics.all(), locale or self.locale)

    def get_related_services(self, locale=None):
        """The linked services in ``locale`` where translated, else in English, in the editor's
        order, with what a service card on this page shows (organisation, languages); drafts and
        private services are left out."""
        if "related_services" in getattr(self, "_cluster_related_objects", {}):
            # A preview: the links are in memory, not yet in the database.
            keys = [item.service.translation_key for item in self.related_services.all()]
            chosen = ServicePage.objects.filter(translation_key__in=keys)
        else:
            links = AdviceRelatedService.objects.filter(advice_page=self)
            keys = None
            chosen = ServicePage.objects.filter(translation_key__in=links.values("service__translation_key"))
            order = links.filter(service__translation_key=OuterRef("translation_key")).values("sort_order")[:1]
            chosen = chosen.annotate(link_order=Subquery(order))
        services = chosen.in_locale_or_source(locale or self.locale)
        services = services.select_related("organisation").prefetch_related("languages")
        if keys is None:
            return sorted(services, key=lambda service: (service.link_order, service.pk))
        found = {service.translation_key: service for service in services}
        return [found[key] for key in keys if key in found]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = self.get_topics(listing_locale(self, request))
        context["related_services"] = self.get_related_services(listing_locale(self, request))
        return context
