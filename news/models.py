from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import PageManager
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.api.fields import ResponsiveImageField
from home.blocks import BodyBlock
from home.localization import ListingQuerySet, listing_locale
from home.models import BasePage, IndexPage

NEWS_PER_PAGE = 10


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("news.NewsPage", related_name="tagged_items", on_delete=models.CASCADE)


class NewsPageQuerySet(ListingQuerySet):
    def listing(self, locale):
        """Live, public news in ``locale`` (English where not translated), newest first, with
        tags and listing images."""
        return (
            self.in_locale_or_source(locale)
            .select_related("image")
            .prefetch_related("tags", "image__renditions")
            .defer_streamfields()
            .order_by("-date", "-pk")
        )


NewsPageManager = PageManager.from_queryset(NewsPageQuerySet)


class NewsIndexPage(RoutablePageMixin, IndexPage):
    subpage_types = ["news.NewsPage"]
    items_per_page = NEWS_PER_PAGE
    page_kind = _("News")

    @path("")
    def index(self, request):
        news = self.get_items(listing_locale(self, request))
        tag = request.GET.get("tag", "").strip()[:100]
        if tag:
            news = news.filter(tags__slug=tag)
        page_obj = self.paginate(request, news)
        return self.render(request, context_overrides={"news_pages": page_obj, "tag": tag})

    @path("feed/")
    def feed(self, request):
        from .feeds import NewsFeed

        return NewsFeed(self)(request)


class NewsPage(BasePage):
    date = models.DateField(_("date published"), default=timezone.localdate)
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the top of the article and in listings. Give it alt text in the image library."),
    )
    body = StreamField(BodyBlock())
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("date"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("date"),
        APIField("image"),
        APIField("image_listing", serializer=ImageRenditionField("fill-640x360|format-webp", source="image")),
        APIField("image_hero", serializer=ImageRenditionField("width-1200|format-webp", source="image")),
        APIField("image_srcset", serializer=ResponsiveImageField(source="image")),
        APIField("body"),
        APIField("tags"),
    ]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("body"),
        SynchronizedField("date"),
        SynchronizedField("image"),
        SynchronizedField("tags"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    page_kind = _("News")

    objects = NewsPageManager()
