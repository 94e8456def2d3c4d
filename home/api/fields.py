"""Serializer fields for ``api_fields``: rich text as front-end HTML at any depth, tags read from
a prefetch, and fields that load related snippets and pages for a whole listing at once.

Each class says what it returns in ``api_schema(builder, model, name)`` (home/api/openapi.py).
Models import these, so this module imports no project models.
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Prefetch, prefetch_related_objects
from rest_framework import serializers as drf_serializers
from rest_framework.fields import Field
from wagtail import blocks
from wagtail.api.v2 import serializers as wagtail_serializers
from wagtail.api.v2 import views as wagtail_views
from wagtail.documents.api.v2.serializers import DocumentDownloadUrlField
from wagtail.rich_text import expand_db_html

from ..validators import safe_web_url
from .links import site_path
from .schema import HTML, INTEGER, PATH, STRING, TAGS, closed_object, many_or_one, nullable

# Rich text and StreamField ---------------------------------------------------------------


def block_api_representation(block, value, context=None):
    """A block's API value with every rich text, at any depth, as front-end HTML.

    Blocks that define their own ``get_api_representation`` (images, helplines, documents)
    keep it; streams, lists and plain struct blocks are walked so nested rich text is found.
    """
    if isinstance(block, blocks.RichTextBlock):
        return expand_db_html(value.source) if value else ""
    if isinstance(block, blocks.StreamBlock):
        return [
            {
                "type": child.block.name,
                "value": block_api_representation(child.block, child.value, context),
                "id": child.id,
            }
            for child in value
        ]
    if isinstance(block, blocks.ListBlock):
        return [block_api_representation(block.child_block, item, context) for item in value]
    if isinstance(block, blocks.StructBlock) and type(block).get_api_representation is (
        blocks.StructBlock.get_api_representation
    ):
        return {
            name: block_api_representation(child, value.get(name), context)
            for name, child in block.child_blocks.items()
        }
    return block.get_api_representation(value, context=context)


class StreamField(wagtail_serializers.StreamField):
    def to_representation(self, value):
        return block_api_representation(value.stream_block, value, self.context)

    def api_schema(self, builder, model, name):
        return builder.block_schema(model._meta.get_field(self.source or name).stream_block)


class RichTextField(drf_serializers.CharField):
    """A RichTextField as front-end HTML (links resolved), not Wagtail's database format."""

    def to_representation(self, value):
        return expand_db_html(value)

    def api_schema(self, builder, model, name):
        return HTML


class WebURLField(drf_serializers.CharField):
    """A stored web address, or "" when it is not a safe http(s) link (data from before the rule)."""

    def to_representation(self, value):
        return safe_web_url(value)

    def api_schema(self, builder, model, name):
        return STRING  # blank is allowed, so no "uri" format


class TagsField(Field):
    """Tag names, sorted, read from a prefetch (Wagtail's TagsField queries once per object)."""

    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())

    def api_schema(self, builder, model, name):
        return TAGS


# Fields that load what they need for a whole listing at once --------------------------


class BulkField(Field):
    """A read-only field whose values for many pages are computed together by ``prepare``.

    ``PageListSerializer`` prepares a listing's pages in one go; a detail view (one page)
    prepares itself on first use.
    """

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)
        self.values = {}

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        if page.pk not in self.values:
            self.prepare([page])
        return self.values[page.pk]

    def prepare(self, pages):
        raise NotImplementedError

    def related(self, page, attr=None):
        """The objects a page references through this field's source (FK, M2M or inline)."""
        value = getattr(page, self.source)
        objects = list(value.all()) if hasattr(value, "all") else [value] if value is not None else []
        if attr:
            objects = [getattr(obj, attr) for obj in objects]
        return [obj for obj in objects if obj is not None]


def saved(pages):
    # A preview of a page never saved has no pk, and nothing in the database to prefetch.
    return [page for page in pages if page.pk]


class LocalizedSnippetsField(BulkField):
    """Source-locale snippets a page references (FK or many-to-many), each in the page's
    locale where a translation exists, otherwise in the source locale."""

    def __init__(self, many=True, **kwargs):
        self.many = many
        super().__init__(**kwargs)

    def prepare(self, pages):
        if pages:
            model = pages[0]._meta.get_field(self.source).related_model
            rows = model.objects.select_related("locale")  # each row's locale is serialised
            prefetch_related_objects(saved(pages), Prefetch(self.source, queryset=rows))
        related = {page.pk: self.related(page) for page in pages}
        objects = [obj for objs in related.values() for obj in objs]
        translations = {}
        if objects:
            model = type(objects[0])
            translations = {
                (obj.translation_key, obj.locale_id): obj
                for obj in model.objects.select_related("locale").filter(
                    translation_key__in={obj.translation_key for obj in objects},
                    locale_id__in={page.locale_id for page in pages},
                )
            }
            router = self.context["router"]
            endpoint = router.get_model_endpoint(model)
            endpoint_class = endpoint[1] if endpoint else wagtail_views.BaseAPIViewSet
            serializer = endpoint_class._get_serializer_class(router, model, [], nested=True)(context=self.context)
        for page in pages:
            items = [
                serializer.to_representation(translations.get((obj.translation_key, page.locale_id), obj))
                for obj in related[page.pk]
            ]
            self.values[page.pk] = items if self.many else (items[0] if items else None)

    def api_schema(self, builder, model, name):
        related = model._meta.get_field(self.source or name).related_model
        return many_or_one(builder.model_schema(related), self.many)


class RelatedPagesField(BulkField):
    """Pages a page links to (a page FK, or an inline panel's page FK given as ``through``),
    each as its live, public version in the page's locale, falling back to the linked page;
    links to drafts, unpublished or private pages are left out."""

    def __init__(self, through=None, many=True, **kwargs):
        self.through = through
        self.many = many
        super().__init__(**kwargs)

    def prepare(self, pages):
        prefetch_related_objects(saved(pages), f"{self.source}__{self.through}" if self.through else self.source)
        related = {page.pk: self.related(page, self.through) for page in pages}
        keys = {linked.translation_key for linked_pages in related.values() for linked in linked_pages}
        found = list(self.context["base_queryset"].filter(translation_key__in=keys).specific())
        prefetch_related_objects(found, "locale")
        visible = {(page.translation_key, page.locale_id): page for page in found}
        serializer_classes = {}
        for page in pages:
            items = []
            for linked in related[page.pk]:
                target = visible.get((linked.translation_key, page.locale_id)) or visible.get(
                    (linked.translation_key, linked.locale_id)
                )
                if target is None:
                    continue
                model = type(target)
                if model not in serializer_classes:
                    fields = ["id", "type", "detail_url", "html_url", "locale", "title"]
                    if hasattr(target, "summary"):
                        fields.append("summary")
                    from .serializers import PageSerializer  # here: serializers.py imports this module

                    serializer_classes[model] = wagtail_serializers.get_serializer_class(
                        model, fields, meta_fields=["type", "detail_url", "html_url", "locale"], base=PageSerializer
                    )
                items.append(serializer_classes[model](context=self.context).to_representation(target))
            self.values[page.pk] = items if self.many else (items[0] if items else None)

    def api_schema(self, builder, model, name):
        return many_or_one(self.link_schema(builder), self.many)

    @staticmethod
    def link_schema(builder):
        """The ``PageLink`` component, also the shape of a page's ``parent`` and ``alias_of``."""
        return builder.component(
            "PageLink",
            {
                "type": "object",
                "description": "A linked page: its live, public version in the linking page's language, "
                "or the linked page itself where it has none.",
                "properties": {
                    "id": INTEGER,
                    "type": STRING,
                    "meta": closed_object(
                        {"type": STRING, "detail_url": PATH, "html_url": nullable(PATH), "locale": STRING},
                        required=["type"],
                    ),
                    "title": STRING,
                    "summary": STRING,
                },
                "required": ["id", "type", "meta", "title"],
                "additionalProperties": False,
            },
        )


class TranslationsField(BulkField):
    """Every live, public version of the page (this one included), for a language switch."""

    def prepare(self, pages):
        versions = defaultdict(list)
        queryset = self.context["base_queryset"].filter(translation_key__in={page.translation_key for page in pages})
        for version in queryset.select_related("locale"):
            versions[version.translation_key].append(version)
        order = {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}
        request = self.context["request"]
        for page in pages:
            self.values[page.pk] = [
                {
                    "id": version.pk,
                    "locale": version.locale.language_code,
                    "title": version.title,
                    "html_url": site_path(version.get_url(request)),
                }
                for version in sorted(
                    versions[page.translation_key], key=lambda v: order.get(v.locale.language_code, 99)
                )
            ]

    def api_schema(self, builder, model, name):
        translation = closed_object({"id": INTEGER, "locale": STRING, "title": STRING, "html_url": nullable(PATH)})
        return {"type": "array", "items": builder.component("Translation", translation)}


# URLs as site paths (home/api/links.py) ---------------------------------------------------


class DetailPathField(wagtail_serializers.DetailUrlField):
    def to_representation(self, url):
        return site_path(url)

    def api_schema(self, builder, model, name):
        return PATH


class PageHtmlPathField(wagtail_serializers.PageHtmlUrlField):
    def to_representation(self, page):
        return site_path(super().to_representation(page))

    def api_schema(self, builder, model, name):
        return nullable(PATH)


class DocumentDownloadPathField(DocumentDownloadUrlField):
    def to_representation(self, document):
        return site_path(super().to_representation(document))

    def api_schema(self, builder, model, name):
        return PATH


class SnippetLocaleField(Field):
    def get_attribute(self, instance):
        return instance

    def to_representation(self, instance):
        return instance.locale.language_code

    def api_schema(self, builder, model, name):
        return STRING
