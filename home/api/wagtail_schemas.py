"""Schemas of Wagtail's own block and serializer field classes, which we cannot give an
``api_schema`` method. Our own classes declare theirs beside their definition."""

from rest_framework import serializers as drf_serializers
from wagtail import blocks
from wagtail.api.v2 import serializers as wagtail_serializers
from wagtail.documents.api.v2.serializers import DocumentDownloadUrlField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.images.api.v2.serializers import ImageDownloadUrlField

from .fields import RelatedPagesField
from .schema import BOOLEAN, HTML, INTEGER, STRING, URL, closed_object, model_label, nullable


def stream_schema(block, builder):
    def child_schema(name, child):
        return closed_object({"type": {"const": name}, "value": builder.block_schema(child), "id": STRING})

    items = {"oneOf": [child_schema(name, child) for name, child in block.child_blocks.items()]}
    return builder.component(type(block).__name__, {"type": "array", "items": items})


def struct_schema(block, builder):
    return closed_object({name: builder.block_schema(child) for name, child in block.child_blocks.items()})


def image_rendition_schema(field, builder, model, name):
    rendition = closed_object({"url": STRING, "full_url": URL, "width": INTEGER, "height": INTEGER, "alt": STRING})
    error = closed_object({"error": STRING})
    return nullable(builder.component("ImageRendition", {"oneOf": [rendition, error]}))


def page_link_schema(field, builder, model, name):
    return nullable(RelatedPagesField.link_schema(builder))


def constant(schema):
    return lambda *args: schema


# Block class: function(block, builder) returning the schema of its API value.
BLOCK_SCHEMAS = {
    blocks.StreamBlock: stream_schema,
    blocks.ListBlock: lambda block, builder: {"type": "array", "items": builder.block_schema(block.child_block)},
    blocks.StructBlock: struct_schema,
    blocks.RichTextBlock: constant(HTML),
    blocks.ChoiceBlock: lambda block, builder: {
        "type": "string",
        "enum": [value for value, _label in block.field.choices if value != ""],
    },
    blocks.BooleanBlock: constant(BOOLEAN),
    blocks.CharBlock: constant(STRING),
    blocks.TextBlock: constant(STRING),
    blocks.URLBlock: constant(STRING),
    blocks.EmailBlock: constant(STRING),
}

# Serializer field class: function(field, builder, model, name) returning its schema.
FIELD_SCHEMAS = {
    wagtail_serializers.TypeField: lambda field, builder, model, name: {"const": model_label(model)},
    wagtail_serializers.PageTypeField: lambda field, builder, model, name: {"const": model_label(model)},
    wagtail_serializers.DetailUrlField: constant(URL),
    wagtail_serializers.PageHtmlUrlField: constant(nullable(URL)),
    wagtail_serializers.PageParentField: page_link_schema,
    wagtail_serializers.PageAliasOfField: page_link_schema,
    wagtail_serializers.PageLocaleField: constant(STRING),
    ImageDownloadUrlField: constant(STRING),
    DocumentDownloadUrlField: constant(STRING),
    ImageRenditionField: image_rendition_schema,
    drf_serializers.CharField: constant(STRING),  # e.g. a phone number as displayed
}
