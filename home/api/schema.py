"""JSON Schema pieces for the OpenAPI document, shared by the blocks, fields, filters and views
that describe themselves (see home/api/openapi.py)."""

from django.db import models
from wagtail import fields as wagtail_fields

STRING = {"type": "string"}
URL = {"type": "string", "format": "uri"}
INTEGER = {"type": "integer"}
BOOLEAN = {"type": "boolean"}
HTML = {"type": "string", "contentMediaType": "text/html"}
TAGS = {"type": "array", "items": STRING}
ID = {"type": "integer", "minimum": 1}


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def nullable(schema):
    return {"oneOf": [schema, {"type": "null"}]}


def many_or_one(item, many):
    """A list of ``item``s, or one that may be null."""
    return {"type": "array", "items": item} if many else nullable(item)


def closed_object(properties, required=None, **extra):
    """An object with exactly these properties; all of them required unless listed."""
    return {
        "type": "object",
        **extra,
        "properties": properties,
        "required": list(properties if required is None else required),
        "additionalProperties": False,
    }


def param(name, schema, description, location="query", required=False, **extra):
    return {"name": name, "in": location, "required": required, "description": description, "schema": schema, **extra}


def model_label(model):
    return f"{model._meta.app_label}.{model.__name__}"


def model_field_schema(field):
    """A plain (not relation) model field's value as the API serialises it."""
    if isinstance(field, wagtail_fields.RichTextField):
        return HTML
    if isinstance(field, models.BooleanField):
        return BOOLEAN
    if isinstance(field, models.IntegerField | models.AutoField):
        return INTEGER
    if isinstance(field, models.DecimalField):
        return {"type": "string", "pattern": r"^-?\d+\.\d+$", "description": "A decimal number, as a string."}
    if isinstance(field, models.DateTimeField):
        return {"type": "string", "format": "date-time"}
    if isinstance(field, models.DateField):
        return {"type": "string", "format": "date"}
    if isinstance(field, models.TimeField):
        return {"type": "string", "pattern": r"^\d\d:\d\d(:\d\d(\.\d+)?)?$"}
    if isinstance(field, models.URLField):
        return STRING  # blank is allowed, so no "uri" format
    if isinstance(field, models.CharField | models.TextField):
        return STRING
    raise ValueError(f"no schema for {field!r}")
