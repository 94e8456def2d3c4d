"""The OpenAPI 3.1 document of an API router (served by nasn/api.py).

The builder walks what the views serialise and asks each piece for its own schema: a block's
``api_schema(builder)``, a serializer field's ``api_schema(builder, model, name)``, a filter's
or paginator's ``api_parameters(view)``, a viewset's ``api_paths``, ``api_parameters`` and
``api_nested_schema`` (Wagtail's own blocks and fields: wagtail_schemas.py). So a new page type,
field or block appears by itself, and one nothing describes fails the tests instead of being
left out. tests/api validates real responses against this document and fuzzes the API from it.
"""

from django.conf import settings
from wagtail.api.v2.serializers import BaseSerializer
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.models import Page

from .schema import INTEGER, STRING, closed_object, model_field_schema, model_label, nullable, ref
from .serializers import SerializerMixin
from .wagtail_schemas import BLOCK_SCHEMAS, FIELD_SCHEMAS

ERROR = closed_object({"message": STRING})
LISTING_META = closed_object({"total_count": {"type": "integer", "minimum": 0}})
CACHE_HEADERS = {
    "Cache-Control": {"schema": STRING, "description": "`public, max-age=…`"},
    "ETag": {"schema": STRING, "description": "Send back in If-None-Match to revalidate."},
}


def library_entry(table, obj):
    """The entry of ``table`` for the nearest class of ``obj`` it lists, as (class, value)."""
    for cls in type(obj).__mro__:
        if cls in table:
            return cls, table[cls]
    return None, None


class Builder:
    def __init__(self, router):
        self.router = router
        self.schemas = {"Error": ERROR, "ListingMeta": LISTING_META}
        self.errors = {
            "400": {"description": "A bad parameter.", "content": {"application/json": {"schema": ref("Error")}}},
            "404": {"description": "Not found.", "content": {"application/json": {"schema": ref("Error")}}},
        }

    def component(self, name, schema):
        """A reference to ``components/schemas/<name>``, defined as ``schema`` if it is new."""
        self.schemas.setdefault(name, schema)
        return ref(name)

    def endpoint_for(self, model):
        endpoint = self.router.get_model_endpoint(model)
        return endpoint[1] if endpoint else None

    # Models ------------------------------------------------------------------------------

    def model_schema(self, model):
        """The schema of ``model`` as its own endpoint serialises it (components/schemas)."""
        name = model.__name__
        if name in self.schemas:
            return ref(name)
        self.schemas[name] = {}  # placeholder: stops recursion through related models
        endpoint = self.endpoint_for(model)
        if endpoint is None:
            meta = {"type": {"const": model_label(model)}}
            body = ["id", *getattr(model, "api_fields", [])]
        else:
            meta = self.meta_properties(model, endpoint.get_meta_fields_names(model), endpoint.base_serializer_class)
            body = endpoint.body_fields + list(getattr(model, "api_fields", []))
        self.schemas[name] = self.object_schema(model, meta, body)
        return ref(name)

    def meta_properties(self, model, names, serializer_class):
        declared = serializer_class._declared_fields
        return {name: self.field_schema(model, name, declared.get(name)) for name in names}

    def object_schema(self, model, meta_properties, body_fields):
        properties = {"id": INTEGER, "meta": closed_object(meta_properties, required=["type"])}
        required = ["id", "meta"]
        if issubclass(model, Page):
            # A page's own ``type`` (the same as meta.type) tells the Page union apart.
            properties["type"] = {"const": model_label(model)}
            required += ["type", "title"]
        for api_field in BaseAPIViewSet._convert_api_fields(body_fields):
            if api_field.name != "id":
                properties[api_field.name] = self.field_schema(model, api_field.name, api_field.serializer)
        # Only what ?fields= cannot leave out is required (home/api/serializers.py with_core_fields).
        return {"type": "object", "properties": properties, "required": required, "additionalProperties": False}

    def child_schema(self, model):
        """An inline (ParentalKey) object, nested with all its fields."""
        meta = self.meta_properties(model, ["type"], BaseSerializer)
        return self.object_schema(model, meta, ["id", *model.api_fields])

    def nested_schema(self, model):
        """A related object nested in another (a foreign key or many-to-many)."""
        endpoint = self.endpoint_for(model)
        if endpoint is None:
            raise ValueError(f"no schema for {model.__name__} nested in another object")
        return endpoint.api_nested_schema(self, model)

    def field_schema(self, model, name, serializer=None):
        """A field as ``serializer`` shows it, or without one, as the model field serialises."""
        if serializer is None:
            field = model._meta.get_field(name)
            serializer = SerializerMixin.own_field_for(field)
        if serializer is not None:
            if hasattr(serializer, "api_schema"):
                return serializer.api_schema(self, model, name)
            _cls, describe = library_entry(FIELD_SCHEMAS, serializer)
            if describe is None:
                raise ValueError(f"{model.__name__}.{name}: no schema for {type(serializer).__name__}")
            return describe(serializer, self, model, name)
        if field.one_to_many:
            return {"type": "array", "items": self.child_schema(field.related_model)}
        if field.many_to_many:
            return {"type": "array", "items": self.nested_schema(field.related_model)}
        if field.many_to_one:
            return nullable(self.nested_schema(field.related_model))
        schema = model_field_schema(field)
        if field.choices:
            schema = {**schema, "enum": [value for value, _label in field.flatchoices]}
        return nullable(schema) if field.null else schema

    # Blocks ------------------------------------------------------------------------------

    def block_schema(self, block):
        """The block's own ``api_schema``, or for Wagtail's blocks, the one in BLOCK_SCHEMAS."""
        if hasattr(block, "api_schema"):
            return block.api_schema(self)
        library_class, describe = library_entry(BLOCK_SCHEMAS, block)
        if describe is None:
            raise ValueError(f"no schema for the block {type(block).__name__}: give it an api_schema()")
        if type(block).get_api_representation is not library_class.get_api_representation:
            raise ValueError(f"{type(block).__name__} has its own API representation: give it an api_schema()")
        return describe(block, self)

    # Operations --------------------------------------------------------------------------

    def listing_parameters(self, endpoint):
        """Paging, the view's own parameters, then each filter's."""
        parameters = [*endpoint.pagination_class.api_parameters(endpoint), *endpoint.api_parameters()]
        for backend in endpoint.filter_backends:
            if not hasattr(backend, "api_parameters"):
                raise ValueError(f"{endpoint.__name__}: {backend.__name__} does not say its parameters")
            parameters += backend.api_parameters(endpoint)
        return parameters

    def listing(self, item):
        return closed_object({"meta": ref("ListingMeta"), "items": {"type": "array", "items": item}})

    def ok(self, schema):
        return {
            "200": {
                "description": "OK",
                "headers": CACHE_HEADERS,
                "content": {"application/json": {"schema": schema}},
            },
            "304": {"description": "Not modified since the ETag sent in If-None-Match."},
            **self.errors,
        }

    @staticmethod
    def get(operation_id, summary, parameters, responses, tags):
        return {
            "get": {
                "operationId": operation_id,
                "summary": summary,
                "tags": tags,
                "parameters": parameters,
                "responses": responses,
            }
        }


def build_openapi_document(router, description):
    builder = Builder(router)
    paths = {}
    for name, endpoint in router._endpoints.items():
        paths.update(endpoint.api_paths(builder, name))
    return {
        "openapi": "3.1.0",
        "info": {"title": f"{settings.WAGTAIL_SITE_NAME} API", "version": "2", "description": description},
        "servers": [{"url": "/api/v2"}],
        "paths": paths,
        "components": {"schemas": builder.schemas},
    }
