"""The OpenAPI builder asks each block, field, filter and viewset for its own schema: a new one
appears without touching the builder, and one that describes nothing fails loudly."""

import inspect
from contextlib import ExitStack
from unittest import mock

from django.apps import apps
from django.test import SimpleTestCase
from rest_framework.fields import Field
from wagtail import blocks
from wagtail import fields as wagtail_fields
from wagtail.api.v2.filters import FieldsFilter as WagtailFieldsFilter
from wagtail.api.v2.router import WagtailAPIRouter

from home.api import fields as api_fields
from home.api.filters import Relation
from home.api.openapi import Builder, build_openapi_document
from home.api.schema import STRING, closed_object
from home.blocks import BodyBlock
from nasn.api import PagesAPIViewSet, api_router


class MapBlock(blocks.StructBlock):
    """A block only these tests know, with a shape of its own."""

    place = blocks.CharBlock()

    def get_api_representation(self, value, context=None):
        return {"place": value["place"], "zoom": 12}

    def api_schema(self, builder):
        return closed_object({"place": STRING, "zoom": {"type": "integer"}})


class UndescribedBlock(blocks.StructBlock):
    place = blocks.CharBlock()

    def get_api_representation(self, value, context=None):
        return value["place"]


def stream_fields():
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, wagtail_fields.StreamField):
                yield model, field


def page_types(schema_name, document):
    return document["components"]["schemas"][schema_name]["items"]["oneOf"]


class BlockSchemaTests(SimpleTestCase):
    def test_every_block_in_every_stream_field_has_a_schema(self):
        builder = Builder(api_router)
        found = list(stream_fields())
        self.assertTrue(found)
        for model, field in found:
            with self.subTest(f"{model.__name__}.{field.name}"):
                self.assertIn("$ref", builder.block_schema(field.stream_block))

    def test_a_new_block_with_its_schema_appears_without_editing_the_builder(self):
        with ExitStack() as stack:
            for _model, field in stream_fields():
                if isinstance(field.stream_block, BodyBlock):
                    stack.enter_context(mock.patch.dict(field.stream_block.child_blocks, {"map": MapBlock()}))
            document = build_openapi_document(api_router, "")
        options = {option["properties"]["type"]["const"]: option for option in page_types("BodyBlock", document)}
        self.assertEqual(options["map"]["properties"]["value"], MapBlock().api_schema(None))
        self.assertIn("heading", options)

    def test_a_block_with_its_own_representation_and_no_schema_fails(self):
        with self.assertRaisesRegex(ValueError, "UndescribedBlock has its own API representation"):
            Builder(api_router).block_schema(UndescribedBlock())

    def test_a_block_type_nothing_describes_fails(self):
        with self.assertRaisesRegex(ValueError, "no schema for the block DateBlock"):
            Builder(api_router).block_schema(blocks.StreamBlock([("date", blocks.DateBlock())]))


class FieldSchemaTests(SimpleTestCase):
    def test_every_field_class_of_the_api_declares_its_schema(self):
        classes = [
            cls
            for _name, cls in inspect.getmembers(api_fields, inspect.isclass)
            if issubclass(cls, Field) and cls.__module__ == api_fields.__name__ and cls is not api_fields.BulkField
        ]
        self.assertGreaterEqual(len(classes), 7)
        for cls in classes:
            with self.subTest(cls.__name__):
                self.assertIn("api_schema", vars(cls))

    def test_a_field_nothing_describes_fails(self):
        from home.models import Helpline

        with self.assertRaisesRegex(ValueError, "Helpline.name: no schema for Field"):
            Builder(api_router).field_schema(Helpline, "name", Field())


class ParameterTests(SimpleTestCase):
    def listing_parameters(self, endpoint):
        router = WagtailAPIRouter("test")
        for name, registered in api_router._endpoints.items():
            router.register_endpoint(name, endpoint if name == "pages" else registered)
        document = build_openapi_document(router, "")
        return {parameter["name"]: parameter for parameter in document["paths"]["/pages/"]["get"]["parameters"]}

    def test_relation_filters_are_described_where_they_are_declared(self):
        class WithRelation(PagesAPIViewSet):
            relation_filters = {
                **PagesAPIViewSet.relation_filters,
                "organisation": Relation(
                    "directory.ServicePage", "organisation", "name", "services of this organisation"
                ),
            }

        parameters = self.listing_parameters(WithRelation)
        self.assertEqual(
            parameters["organisation"]["description"],
            "Pages of type `directory.ServicePage`: services of this organisation (name).",
        )
        self.assertEqual(
            parameters["language"]["description"],
            "Pages of type `directory.ServicePage`: services whose staff speak it (code).",
        )

    def test_a_filter_that_does_not_say_its_parameters_fails(self):
        class WithWagtailFilter(PagesAPIViewSet):
            filter_backends = [*PagesAPIViewSet.filter_backends, WagtailFieldsFilter]

        with self.assertRaisesRegex(ValueError, "FieldsFilter does not say its parameters"):
            self.listing_parameters(WithWagtailFilter)
