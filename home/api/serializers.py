"""Serializers: Wagtail's, with this API's fields (rich text as HTML, tags from a prefetch), and
listings serialised together so the query count does not grow with ``limit``."""

from django.db.models import prefetch_related_objects
from django.utils import translation
from rest_framework import serializers as drf_serializers
from rest_framework.relations import ManyRelatedField
from rest_framework.utils.field_mapping import ClassLookupDict
from taggit.managers import TaggableManager, _TaggableManager
from wagtail import fields as wagtail_fields
from wagtail.api.v2 import serializers as wagtail_serializers
from wagtail.documents.api.v2.serializers import DocumentSerializer as WagtailDocumentSerializer
from wagtail.images import get_image_model
from wagtail.images.api.fields import ImageRenditionField
from wagtail.images.api.v2.serializers import ImageSerializer as WagtailImageSerializer

from ..rich_text import prefetch_links
from ..stream_prefetch import prefetch_chosen
from .fields import (
    BulkField,
    DetailPathField,
    DocumentDownloadPathField,
    PageHtmlPathField,
    ResponsiveImageField,
    RichTextField,
    SnippetLocaleField,
    StreamField,
    TagsField,
    TranslationsField,
    saved,
)
from .links import site_path
from .schema import model_label


def with_core_fields(data, instance, page):
    """``data`` with ``id`` and ``meta.type`` (and for a page, a top-level ``type`` and its
    ``title``) first, whatever ``?fields=`` left out: JSON:API keeps ``id`` and ``type`` in
    sparse field sets likewise, so a typed client can rely on them and narrow the Page union."""
    # A listing without ?type= serialises plain Page objects: name their specific type, as Wagtail does.
    label = model_label(getattr(instance, "specific_class", None) or type(instance))
    core = {"id": data.pop("id", instance.pk)}
    if page:
        core.update(type=label, title=data.pop("title", instance.title))
    meta = {"type": label, **data.pop("meta", {})}
    return {**core, "meta": meta, **data}


class SerializerMixin:
    serializer_field_mapping = {
        **wagtail_serializers.BaseSerializer.serializer_field_mapping,
        wagtail_fields.StreamField: StreamField,
        wagtail_fields.RichTextField: RichTextField,
    }

    def build_property_field(self, field_name, model_class):
        if isinstance(getattr(model_class, field_name, None), _TaggableManager):
            return TagsField, {}
        return super().build_property_field(field_name, model_class)

    def to_representation(self, instance):
        return with_core_fields(super().to_representation(instance), instance, page=False)

    @classmethod
    def own_field_for(cls, model_field):
        """This module's serializer field for a model field (which describes its schema), or None."""
        if isinstance(model_field, TaggableManager):
            return TagsField()
        try:
            field_class = ClassLookupDict(cls.serializer_field_mapping)[model_field]
        except KeyError:
            return None  # a relation
        return field_class() if hasattr(field_class, "api_schema") else None


def nests_an_image(field):
    """A foreign key to an image, nested with its rendition (home/api/views.py ImagesAPIViewSet)."""
    nested = getattr(field, "serializer_class", None)
    return isinstance(field, wagtail_serializers.RelatedField) and nested.Meta.model is get_image_model()


class PageListSerializer(drf_serializers.ListSerializer):
    """Serialises a listing's pages together: relations prefetched and bulk fields prepared
    once for all items, so the query count does not grow with ``limit``."""

    def to_representation(self, data):
        pages = list(data)
        fields = self.child.fields.values()
        relations = (
            ManyRelatedField,
            wagtail_serializers.RelatedField,
            wagtail_serializers.ChildRelationField,
            TagsField,
        )
        lookups = [field.source for field in fields if isinstance(field, relations)]
        images = (ImageRenditionField, ResponsiveImageField)
        lookups += [f"{field.source}__renditions" for field in fields if isinstance(field, images)]
        lookups += [f"{field.source}__renditions" for field in fields if nests_an_image(field)]
        prefetch_related_objects(saved(pages), *lookups)
        for field in fields:
            if isinstance(field, BulkField):
                field.prepare(pages)
        if self.child.shows_bodies():
            prefetch_links(pages, language="page")
            prefetch_chosen(pages)
        return [self.child.to_representation(page) for page in pages]


class PageParentField(wagtail_serializers.PageParentField):
    """Wagtail's, in one query rather than two (the parent, then whether the API may show it)."""

    def get_attribute(self, instance):
        if instance.is_root():
            return None
        parent_path = instance.path[: -instance.steplen]
        return self.context["base_queryset"].filter(path=parent_path).first()


class PageSerializer(SerializerMixin, wagtail_serializers.PageSerializer):
    detail_url = DetailPathField(read_only=True)
    html_url = PageHtmlPathField(read_only=True)
    translations = TranslationsField()
    parent = PageParentField(read_only=True)

    def shows_bodies(self):
        """Whether rich text or StreamFields are among the fields (not in a short page link)."""
        return any(isinstance(field, StreamField | RichTextField) for field in self.fields.values())

    @classmethod
    def many_init(cls, *args, **kwargs):
        kwargs["child"] = cls(*args, **kwargs)
        return PageListSerializer(*args, **kwargs)

    def to_representation(self, instance):
        # Rich text links and helplines are localised by the active language: use the page's.
        with translation.override(instance.locale.language_code):
            if self.shows_bodies():
                prefetch_links([instance])
                prefetch_chosen([instance])
            data = wagtail_serializers.PageSerializer.to_representation(self, instance)
        meta = data.get("meta", {})
        for name in ("parent", "alias_of"):  # Wagtail's own page links, shaped as ours (PageLink)
            if meta.get(name):
                link = meta[name]
                for url in ("detail_url", "html_url"):
                    link["meta"][url] = site_path(link["meta"].get(url))
                meta[name] = {"id": link["id"], "type": link["meta"]["type"], **link}
        return with_core_fields(data, instance, page=True)


class SnippetSerializer(SerializerMixin, wagtail_serializers.BaseSerializer):
    detail_url = DetailPathField(read_only=True)
    locale = SnippetLocaleField(read_only=True)


class ImageSerializer(SerializerMixin, WagtailImageSerializer):
    detail_url = DetailPathField(read_only=True)


class DocumentSerializer(SerializerMixin, WagtailDocumentSerializer):
    detail_url = DetailPathField(read_only=True)
    download_url = DocumentDownloadPathField(read_only=True)
