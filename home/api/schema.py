"""JSON Schema pieces for the OpenAPI document, shared by the blocks, fields, filters and views
that describe themselves (see home/api/openapi.py)."""

import re

from django.db import models
from wagtail import fields as wagtail_fields

STRING = {"type": "string"}
URL = {"type": "string", "format": "uri"}
# A URL on this site, as a path (home/api/links.py).
PATH = {"type": "string", "format": "uri-reference", "pattern": "^/"}
INTEGER = {"type": "integer"}
BOOLEAN = {"type": "boolean"}
HTML = {"type": "string", "contentMediaType": "text/html"}
TAGS = {"type": "array", "items": STRING}
ID = {"type": "integer", "minimum": 1}
# Free text in a query parameter: anything but a null character (home/guards.py refuses it).
TEXT = {"type": "string", "pattern": "^[^\\x00]*$"}


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


def list_pattern(item):
    """A regular expression (no anchors) for one or more ``item``s, comma-separated."""
    return f"{item}(,{item})*"


def one_of_names(names):
    return "(" + "|".join(re.escape(name) for name in names) + ")"


def filter_value_schema(field):
    """A query parameter's value for an exact filter on ``field``: what ``field.clean`` accepts
    (home/api/filters.py FieldsFilter checks it so)."""
    if isinstance(field, models.BooleanField):
        return {"type": "boolean"}
    if isinstance(field, models.SlugField):
        # Django's slug validators; ``\\w`` is Unicode in Python's regular expressions, as there.
        characters = r"[-\w]" if field.allow_unicode else "[-a-zA-Z0-9_]"
        return {"type": "string", "pattern": f"^{characters}+$", "maxLength": field.max_length}
    if isinstance(field, models.CharField):
        return {**TEXT, "minLength": 0 if field.blank else 1, "maxLength": field.max_length}
    return model_field_schema(field)


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
