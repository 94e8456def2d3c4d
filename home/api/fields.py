"""Serializer fields for ``api_fields``: rich text as front-end HTML at any depth, tags read from
a prefetch, and fields that load related snippets and pages for a whole listing at once.

Each class says what it returns in ``api_schema(builder, model, name)`` (home/api/openapi.py).
Models import these, so this module imports no project models.
"""

import mimetypes
from collections import defaultdict

from django.conf import settings
from django.db.models import Prefetch, prefetch_related_objects
from rest_framework import serializers as drf_serializers
from rest_framework.fields import Field
from wagtail import blocks
from wagtail.api.v2 import serializers as wagtail_serializers
from wagtail.api.v2 import views as wagtail_views
from wagtail.documents.api.v2.serializers import DocumentDownloadUrlField
from wagtail.models import Page

from ..localization import link_targets, snippet_translations
from ..request_cache import digest, shared
from ..rich_text import api_html
from ..stream_prefetch import FALLBACK, SRCSET
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
        return api_html(value.source) if value else ""
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
        return api_html(value)

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


# Images ----------------------------------------------------------------------------------


def responsive_image(image):
    """An image as a front end's ``<picture>`` needs it: WebP renditions at a few widths as a
    ready ``srcset``, the largest as ``url`` (with its size, for the aspect ratio), and one
    rendition in the original's format as the ``fallback``. The renditions are those
    ``stream_prefetch`` and listings prefetch, so this makes no query of its own there."""
    renditions = image.get_renditions(*SRCSET, FALLBACK)
    by_width = {rendition.width: rendition for rendition in (renditions[spec] for spec in SRCSET)}
    largest = renditions[SRCSET[-1]]
    fallback = renditions[FALLBACK]
    return {
        "id": image.pk,
        "url": largest.url,
        "width": largest.width,
        "height": largest.height,
        "type": "image/webp",
        "srcset": ", ".join(f"{rendition.url} {width}w" for width, rendition in sorted(by_width.items())),
        "fallback": {
            "url": fallback.url,
            "width": fallback.width,
            "height": fallback.height,
            "type": mimetypes.guess_type(fallback.file.name)[0] or "application/octet-stream",
        },
    }


def responsive_image_properties():
    """The schema properties of ``responsive_image``."""
    return {
        "id": INTEGER,
        "url": STRING,
        "width": INTEGER,
        "height": INTEGER,
        "type": {"const": "image/webp"},
        "srcset": {
            "type": "string",
            "description": "WebP renditions: `url 480w, url 800w, url 1200w` (no wider than the original).",
        },
        "fallback": closed_object(
            {"url": STRING, "width": INTEGER, "height": INTEGER, "type": STRING},
            description="One rendition, 800px wide, in the original's format (JPEG or PNG), for `<img src>`.",
        ),
    }


class ResponsiveImageField(Field):
    """An image foreign key as ``responsive_image`` plus its alt text, or null."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, image):
        return {**responsive_image(image), "alt": image.default_alt_text or ""}

    def api_schema(self, builder, model, name):
        component = builder.component(
            "ResponsiveImage",
            closed_object(
                {**responsive_image_properties(), "alt": STRING},
                description="An image with WebP sizes for srcset and a JPEG or PNG fallback.",
            ),
        )
        return nullable(component)


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
        # Only what is not already in its page's locale (English snippets on English pages) is looked up.
        translations = {}
        for locale in {page.locale for page in pages for obj in related[page.pk] if obj.locale_id != page.locale_id}:
            for key, obj in snippet_translations(type(objects[0]), locale).items():
                translations[key, locale.pk] = obj
        if objects:
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
    each as its live, public version in the page's locale, else in the source locale (English),
    else the linked page; links to drafts, unpublished or private pages are left out.

    Each comes as a card: the ``PageLink`` fields plus the ``api_card_fields`` its model names
    (a service's phone, areas and opening hours), so a front end shows related services without
    one call per service. The cards of a whole listing are serialised together, like a listing
    (``PageListSerializer``): the query count grows with the page types linked, not the links.
    """

    link_fields = ["id", "type", "detail_url", "html_url", "locale", "title", "summary"]

    def __init__(self, through=None, many=True, **kwargs):
        self.through = through
        self.many = many
        super().__init__(**kwargs)

    @classmethod
    def card_fields(cls, model):
        return [*cls.link_fields, *getattr(model, "api_card_fields", [])]

    def card_serializer(self, model):
        """A list serializer of ``model``'s cards: its own endpoint's fields, so each card field
        is serialised (and described) as it is on the page itself."""
        router = self.context["router"]
        endpoint = router.get_model_endpoint(model)[1]
        available = set(endpoint.get_body_fields_names(model)) | set(endpoint.get_meta_fields_names(model))
        config = [("_", False, None), *((name, False, None) for name in self.card_fields(model) if name in available)]
        serializer_class = endpoint._get_serializer_class(router, model, config, nested=True)
        return serializer_class(many=True, context=self.context)

    def linked_ids(self, page):
        if not self.through:
            linked = getattr(page, f"{self.source}_id")
            return [linked] if linked is not None else []
        return [getattr(row, f"{self.through}_id") for row in getattr(page, self.source).all()]

    def prepare(self, pages):
        if self.through:
            prefetch_related_objects(saved(pages), self.source)  # the inline rows, not the pages
        links = {page.pk: (page.locale, tuple(self.linked_ids(page))) for page in pages}
        model = self.target_model(type(pages[0])) if pages else Page
        # The cards of the same links are the same for every visitor to this host until content
        # changes: keyed by the links (never by the linking page, whose preview may differ).
        wanted = sorted({(locale.pk, ids) for locale, ids in links.values()})
        key = f"api_cards:{self.context['request'].get_host()}:{model._meta.label_lower}:{digest(wanted)}"
        cards = shared(key, lambda: self.find_cards(links.values(), model))
        for page in pages:
            locale, ids = links[page.pk]
            items = cards[locale.pk, ids]
            self.values[page.pk] = items if self.many else (items[0] if items else None)

    def find_cards(self, links, model):
        """{(locale id, linked ids): the cards of the pages those links lead to}."""
        ids_by_locale = defaultdict(set)
        for locale, ids in links:
            ids_by_locale[locale].update(ids)
        found = link_targets(ids_by_locale, model, shown=self.context["base_queryset"], specific=model is Page)
        targets = {
            (locale.pk, ids): [target for pk in ids if (target := found[locale.pk][pk]) is not None]
            for locale, ids in links
        }
        by_model = defaultdict(dict)
        for target in (target for link_pages in targets.values() for target in link_pages):
            by_model[type(target)][target.pk] = target
        cards = {}
        for card_model, shown in by_model.items():
            serialised = self.card_serializer(card_model).to_representation(list(shown.values()))
            cards.update(zip(shown, serialised, strict=True))
        return {link: [cards[target.pk] for target in link_pages] for link, link_pages in targets.items()}

    def target_model(self, model, name=None):
        """The page model this field links ``model`` to (``Page``: any type)."""
        target = model._meta.get_field(self.source or name).related_model
        return target._meta.get_field(self.through).related_model if self.through else target

    def api_schema(self, builder, model, name):
        return many_or_one(self.card_schema(builder, self.target_model(model, name)), self.many)

    @classmethod
    def card_schema(cls, builder, model):
        """``PageLink``, or for a model with ``api_card_fields``, ``<Model>Card``: PageLink's
        properties and those fields, all of them always present."""
        card_fields = getattr(model, "api_card_fields", [])
        if not card_fields:
            return cls.link_schema(builder)
        cls.link_schema(builder)
        link = builder.schemas["PageLink"]
        serializers = {api_field.name: api_field.serializer for api_field in model.api_fields}
        properties = {
            **link["properties"],
            **{name: builder.field_schema(model, name, serializers.get(name)) for name in card_fields},
        }
        schema = closed_object(
            properties,
            required=[*link["required"], "summary", *card_fields],
            description=f"A linked {model._meta.verbose_name} as a card: a PageLink with {', '.join(card_fields)}.",
        )
        return builder.component(f"{model.__name__}Card", schema)

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
        request = self.context["request"]
        keys = sorted({str(page.translation_key) for page in pages})
        # The same for every visitor to this host (site paths), until content changes.
        found = shared(f"api_translations:{request.get_host()}:{digest(keys)}", lambda: self.find(keys))
        for page in pages:
            self.values[page.pk] = found.get(str(page.translation_key), [])

    def find(self, keys):
        """{translation key: its versions' items, in the order of settings.LANGUAGES}."""
        versions = defaultdict(list)
        queryset = self.context["base_queryset"].filter(translation_key__in=keys).select_related("locale")
        for version in queryset.only("pk", "title", "url_path", "translation_key", "locale__language_code"):
            versions[str(version.translation_key)].append(version)
        order = {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}
        request = self.context["request"]
        return {
            key: [
                {
                    "id": version.pk,
                    "locale": version.locale.language_code,
                    "title": version.title,
                    "html_url": site_path(version.get_url(request)),
                }
                for version in sorted(key_versions, key=lambda v: order.get(v.locale.language_code, 99))
            ]
            for key, key_versions in versions.items()
        }

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
