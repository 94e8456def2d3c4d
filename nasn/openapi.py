"""The OpenAPI 3.1 document served at /api/v2/openapi.json.

Response shapes are derived from what the views serialise — each model's ``api_fields``, the
model field behind each one and the serializer it uses — so a new page type or field appears
here by itself, and one this module cannot describe fails the tests instead of being left out.
Parameters are written out by hand. tests/api validates real responses against this document
and fuzzes the API from it.
"""

from django.conf import settings
from django.db import models
from rest_framework import serializers
from taggit.managers import TaggableManager
from wagtail import blocks
from wagtail import fields as wagtail_fields
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page, get_page_models

from home import api
from home.blocks import DocumentBlock, HelplineBlock, ImageBlock

DESCRIPTION = """\
Read-only content of the Norfolk Anti-Slavery Network site, for apps and headless front ends.
Anonymous; GET, HEAD and OPTIONS only; JSON only.

**Pages** are the live, public pages of every language. Each page says its `locale` and lists
its `translations` (this page included) for a language switch; `?locale=pl` keeps Polish pages
(for services, advice and news, with `?type=`: each item's Polish translation where there is
one, otherwise the English item, as the site lists them), `?translation_of=<id>` the other
versions of one page. `?search=` searches titles, summaries and
text (combine it with `?locale=`). Listings show a few fields; add more with `?fields=a,b`, all
with `?fields=*` (`?type=` is needed for a page type's own fields). Filter services with
`?type=directory.ServicePage&category=<slug>&area=<slug>&language=<code>` and advice with
`?type=advice.AdvicePage&topic=<slug>`; any other plain field of a page type filters by exact
value (e.g. `audience`, `status`). Rich text is HTML ready to insert: internal links point at the
linked page's URL in the page's own language, images are renditions with alt text. Pages link
to topics, categories, areas, organisations and other pages in their source (English) version;
the API shows each one's translation in the page's language where it exists, English otherwise,
and leaves out links to drafts and private pages.

**Snippets** (helplines, advice topics, service categories, areas, organisations) list the English
rows by default. With `?locale=pl` each row is its Polish translation where there is one and the
English row where there is not: every row says its `locale`, so a client can tell. Languages are
not translated. A detail URL serves any row, in any language, by id.

**Errors** are JSON, `{"message": "…"}`: 400 for a bad parameter (unknown field or locale, a
limit above 100, a negative or huge offset, a filter value of the wrong type), 404 for an unknown
id or path, 405 for anything but GET, HEAD and OPTIONS.

**Caching**: a 200 has `Cache-Control: public, max-age=…` and an `ETag`; send it back in
`If-None-Match` to get a `304 Not Modified` when nothing changed.
"""


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def nullable(schema):
    return {"oneOf": [schema, {"type": "null"}]}


STRING = {"type": "string"}
URL = {"type": "string", "format": "uri"}
INTEGER = {"type": "integer"}
HTML = {"type": "string", "contentMediaType": "text/html"}
TAGS = {"type": "array", "items": STRING}

# Blocks whose get_api_representation returns their own shape (home/blocks.py).
CUSTOM_BLOCK_SCHEMAS = {
    ImageBlock: nullable(
        {
            "type": "object",
            "description": "A rendition of the image, 1200px wide, WebP.",
            "properties": {
                "id": INTEGER,
                "url": STRING,
                "width": INTEGER,
                "height": INTEGER,
                "alt": STRING,
                "caption": STRING,
            },
            "required": ["id", "url", "width", "height", "alt", "caption"],
            "additionalProperties": False,
        }
    ),
    HelplineBlock: nullable(
        {
            "type": "object",
            "description": "The helpline, translated into the page's language where it is.",
            "properties": {
                "id": INTEGER,
                "name": STRING,
                "number": STRING,
                "tel": {"type": "string", "pattern": "^tel:"},
                "hours": STRING,
                "is_free": {"type": "boolean"},
                "description": STRING,
            },
            "required": ["id", "name", "number", "tel", "hours", "is_free", "description"],
            "additionalProperties": False,
        }
    ),
    DocumentBlock: nullable(
        {
            "type": "object",
            "properties": {
                "id": INTEGER,
                "title": STRING,
                "description": STRING,
                "url": STRING,
                "file_extension": STRING,
            },
            "required": ["id", "title", "description", "url", "file_extension"],
            "additionalProperties": False,
        }
    ),
}


class Builder:
    def __init__(self, router):
        self.router = router
        self.schemas = {
            "Error": {
                "type": "object",
                "properties": {"message": STRING},
                "required": ["message"],
                "additionalProperties": False,
            },
            "ListingMeta": {
                "type": "object",
                "properties": {"total_count": {"type": "integer", "minimum": 0}},
                "required": ["total_count"],
                "additionalProperties": False,
            },
            "ImageRendition": {
                "oneOf": [
                    {
                        "type": "object",
                        "properties": {
                            "url": STRING,
                            "full_url": URL,
                            "width": INTEGER,
                            "height": INTEGER,
                            "alt": STRING,
                        },
                        "required": ["url", "full_url", "width", "height", "alt"],
                        "additionalProperties": False,
                    },
                    {
                        "type": "object",
                        "properties": {"error": STRING},
                        "required": ["error"],
                        "additionalProperties": False,
                    },
                ]
            },
            "PageLink": {
                "type": "object",
                "description": "A linked page: its live, public version in the linking page's language, "
                "or the linked page itself where it has none.",
                "properties": {
                    "id": INTEGER,
                    "meta": self.meta(type=STRING, detail_url=URL, html_url=nullable(URL), locale=STRING),
                    "title": STRING,
                    "summary": STRING,
                },
                "required": ["id", "meta", "title"],
                "additionalProperties": False,
            },
            "Translation": {
                "type": "object",
                "properties": {"id": INTEGER, "locale": STRING, "title": STRING, "html_url": nullable(URL)},
                "required": ["id", "locale", "title", "html_url"],
                "additionalProperties": False,
            },
        }

    @staticmethod
    def meta(required=("type",), **properties):
        return {
            "type": "object",
            "properties": properties,
            "required": list(required),
            "additionalProperties": False,
        }

    def endpoint_for(self, model):
        endpoint = self.router.get_model_endpoint(model)
        return endpoint[1] if endpoint else None

    # Models ------------------------------------------------------------------------------

    def object_schema(self, model, meta_properties, body_fields):
        properties = {"id": INTEGER, "meta": self.meta(**meta_properties)}
        for api_field in BaseAPIViewSet._convert_api_fields(body_fields):
            if api_field.name != "id":
                properties[api_field.name] = self.field_schema(model, api_field)
        # Nothing is required: ?fields=_,title leaves out even id and meta.
        return {"type": "object", "properties": properties, "additionalProperties": False}

    def model_schema(self, model):
        """The schema of ``model`` as its own endpoint serialises it (components/schemas)."""
        name = model.__name__
        if name in self.schemas:
            return ref(name)
        self.schemas[name] = {}  # placeholder: stops recursion through related models
        type_name = {"const": f"{model._meta.app_label}.{model.__name__}"}
        endpoint = self.endpoint_for(model)
        if issubclass(model, Page):
            meta = {
                "type": type_name,
                "detail_url": URL,
                "html_url": nullable(URL),
                "slug": STRING,
                "show_in_menus": {"type": "boolean"},
                "seo_title": STRING,
                "search_description": STRING,
                "first_published_at": nullable({"type": "string", "format": "date-time"}),
                "alias_of": nullable(ref("PageLink")),
                "parent": nullable(ref("PageLink")),
                "locale": STRING,
                "translations": {"type": "array", "items": ref("Translation")},
            }
            body = ["id", "title", *getattr(model, "api_fields", [])]
        elif endpoint in (api.ImagesAPIViewSet, api.DocumentsAPIViewSet):
            meta = {"type": type_name, "detail_url": URL, "tags": TAGS, "download_url": STRING}
            body = endpoint.body_fields
        else:
            meta = {"type": type_name}
            if endpoint is not None:
                meta["detail_url"] = URL
            if endpoint is not None and "locale" in endpoint.meta_fields:
                meta["locale"] = STRING
            body = ["id", *getattr(model, "api_fields", [])]
        self.schemas[name] = self.object_schema(model, meta, body)
        return ref(name)

    def nested_schema(self, model):
        """A related object nested in another (a foreign key or many-to-many)."""
        endpoint = self.endpoint_for(model)
        if endpoint is not None and issubclass(endpoint, api.SnippetAPIViewSet):
            return self.model_schema(model)  # snippets nest with all their fields
        if endpoint in (api.ImagesAPIViewSet, api.DocumentsAPIViewSet):
            name = f"Nested{model.__name__}"
            self.schemas[name] = self.object_schema(
                model, {"type": STRING, "detail_url": URL, "download_url": STRING}, ["id", "title"]
            )
            return ref(name)
        raise ValueError(f"no schema for {model.__name__} nested in another object")

    def child_schema(self, model):
        """An inline (ParentalKey) object, nested with all its fields."""
        return self.object_schema(
            model, {"type": {"const": f"{model._meta.app_label}.{model.__name__}"}}, ["id", *model.api_fields]
        )

    def field_schema(self, model, api_field):
        serializer = api_field.serializer
        if isinstance(serializer, api.LocalizedSnippetsField):
            related = model._meta.get_field(serializer.source or api_field.name).related_model
            item = self.model_schema(related)
            return {"type": "array", "items": item} if serializer.many else nullable(item)
        if isinstance(serializer, api.RelatedPagesField):
            return {"type": "array", "items": ref("PageLink")} if serializer.many else nullable(ref("PageLink"))
        if isinstance(serializer, ImageRenditionField):
            return nullable(ref("ImageRendition"))
        if isinstance(serializer, serializers.CharField):  # e.g. a phone number as displayed
            return STRING
        if serializer is not None:
            raise ValueError(f"{model.__name__}.{api_field.name}: no schema for {type(serializer).__name__}")

        field = model._meta.get_field(api_field.name)
        if isinstance(field, TaggableManager):
            return TAGS
        if field.one_to_many:
            return {"type": "array", "items": self.child_schema(field.related_model)}
        if field.many_to_many:
            return {"type": "array", "items": self.nested_schema(field.related_model)}
        if field.many_to_one:
            return nullable(self.nested_schema(field.related_model))
        if isinstance(field, wagtail_fields.StreamField):
            return self.block_schema(field.stream_block)
        schema = self.value_schema(field)
        if field.choices:
            schema = {**schema, "enum": [value for value, _label in field.flatchoices]}
        return nullable(schema) if field.null else schema

    @staticmethod
    def value_schema(field):
        if isinstance(field, wagtail_fields.RichTextField):
            return HTML
        if isinstance(field, models.BooleanField):
            return {"type": "boolean"}
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

    # Blocks ------------------------------------------------------------------------------

    def block_schema(self, block):
        if type(block) in CUSTOM_BLOCK_SCHEMAS:
            return CUSTOM_BLOCK_SCHEMAS[type(block)]
        if isinstance(block, blocks.RichTextBlock):
            return HTML
        if isinstance(block, blocks.StreamBlock):
            name = f"{type(block).__name__}"
            if name not in self.schemas:
                self.schemas[name] = {
                    "type": "array",
                    "items": {
                        "oneOf": [
                            {
                                "type": "object",
                                "properties": {
                                    "type": {"const": child_name},
                                    "value": self.block_schema(child),
                                    "id": STRING,
                                },
                                "required": ["type", "value", "id"],
                                "additionalProperties": False,
                            }
                            for child_name, child in block.child_blocks.items()
                        ]
                    },
                }
            return ref(name)
        if isinstance(block, blocks.ListBlock):
            return {"type": "array", "items": self.block_schema(block.child_block)}
        if isinstance(block, blocks.StructBlock):
            if type(block).get_api_representation is not blocks.StructBlock.get_api_representation:
                raise ValueError(f"{type(block).__name__} has its own API representation: describe it")
            return {
                "type": "object",
                "properties": {name: self.block_schema(child) for name, child in block.child_blocks.items()},
                "required": list(block.child_blocks),
                "additionalProperties": False,
            }
        if isinstance(block, blocks.ChoiceBlock):
            return {"type": "string", "enum": [value for value, _label in block.field.choices if value != ""]}
        if isinstance(block, blocks.BooleanBlock):
            return {"type": "boolean"}
        if isinstance(block, blocks.CharBlock | blocks.TextBlock | blocks.URLBlock | blocks.EmailBlock):
            return STRING
        raise ValueError(f"no schema for the block {type(block).__name__}")

    # The document ------------------------------------------------------------------------

    def page_schema(self):
        self.schemas["Page"] = {
            # anyOf: with ?fields=_,title there is no meta.type to tell the types apart.
            "description": "A page of any type; `meta.type` says which.",
            "anyOf": [self.model_schema(model) for model in get_page_models() if model is not Page],
        }
        return ref("Page")


def param(name, schema, description, location="query", required=False, **extra):
    return {"name": name, "in": location, "required": required, "description": description, "schema": schema, **extra}


def build_openapi_document(router):
    builder = Builder(router)
    page = builder.page_schema()
    locales = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]

    limit = param(
        "limit",
        {"type": "integer", "minimum": 0, "maximum": settings.WAGTAILAPI_LIMIT_MAX, "default": 20},
        "How many items to return.",
    )
    offset = param(
        "offset", {"type": "integer", "minimum": 0, "maximum": api.Pagination.max_offset}, "How many items to skip."
    )
    fields = param(
        "fields",
        STRING,
        "Fields to add to the defaults (`a,b`), remove (`-a`), all (`*`) or only these (`_,a,b`).",
        examples={"all": {"value": "*"}, "some": {"value": "summary,translations"}},
    )
    order = param(
        "order",
        STRING,
        "A field to sort by, `-field` for descending, several comma-separated, or `random`.",
        examples={"title": {"value": "title"}, "newest": {"value": "-first_published_at"}},
    )
    search = param("search", STRING, "Words to search for.")
    search_operator = param(
        "search_operator", {"type": "string", "enum": ["and", "or"]}, "Whether every word must match (default)."
    )
    locale = param("locale", {"type": "string", "enum": locales}, "A language code.")
    page_id = {"type": "integer", "minimum": 1}
    errors = {
        "400": {"description": "A bad parameter.", "content": {"application/json": {"schema": ref("Error")}}},
        "404": {"description": "Not found.", "content": {"application/json": {"schema": ref("Error")}}},
    }
    cache_headers = {
        "Cache-Control": {"schema": STRING, "description": "`public, max-age=…`"},
        "ETag": {"schema": STRING, "description": "Send back in If-None-Match to revalidate."},
    }

    def ok(schema, description="OK", headers=cache_headers):
        return {
            "200": {
                "description": description,
                "headers": headers,
                "content": {"application/json": {"schema": schema}},
            },
            "304": {"description": "Not modified since the ETag sent in If-None-Match."},
            **errors,
        }

    def listing(item):
        return {
            "type": "object",
            "properties": {"meta": ref("ListingMeta"), "items": {"type": "array", "items": item}},
            "required": ["meta", "items"],
            "additionalProperties": False,
        }

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

    paths = {
        "/pages/": get(
            "listPages",
            "Live, public pages",
            [
                limit,
                offset,
                fields,
                order,
                param(
                    "type",
                    STRING,
                    "Page types, `app_label.ModelName`, comma-separated. One type makes its own fields "
                    "available to `fields`, `order` and filters.",
                    examples={
                        "services": {"value": "directory.ServicePage"},
                        "advice": {"value": "advice.AdvicePage"},
                        "news": {"value": "news.NewsPage"},
                    },
                ),
                locale,
                param("translation_of", page_id, "Other versions of this page."),
                param("child_of", page_id, "Children of this page."),
                param("descendant_of", page_id, "Pages below this page."),
                param("ancestor_of", page_id, "Pages above this page."),
                param("slug", STRING, "Pages with this slug."),
                param("show_in_menus", {"type": "boolean"}, "Pages shown in menus, or not."),
                search,
                search_operator,
                param("category", STRING, "With `type=directory.ServicePage`: services in this category (slug)."),
                param("area", STRING, "With `type=directory.ServicePage`: services covering this area (slug)."),
                param("language", STRING, "With `type=directory.ServicePage`: services whose staff speak it (code)."),
                param("topic", STRING, "With `type=advice.AdvicePage`: advice on this topic (slug)."),
            ],
            ok(listing(page)),
            ["pages"],
        ),
        "/pages/{id}/": get(
            "getPage",
            "One live, public page with all its fields",
            [param("id", page_id, "The page's id.", location="path", required=True), fields],
            ok(page),
            ["pages"],
        ),
        "/pages/find/": get(
            "findPage",
            "Redirects to the page at a site path (e.g. `/pl/advice/…`)",
            [
                param("html_path", STRING, "A path on the site, with its language prefix."),
                param("id", page_id, "A page id."),
            ],
            {
                "302": {
                    "description": "The page's detail URL.",
                    "headers": {"Location": {"schema": STRING, "required": True}},
                },
                **errors,
            },
            ["pages"],
        ),
        "/page_preview/": get(
            "previewPage",
            "The draft an editor is previewing in the front end (never cached)",
            [
                param("content_type", STRING, "`app_label.modelname`, as sent to the front end.", required=True),
                param("token", STRING, "The preview token sent to the front end.", required=True),
                fields,
            ],
            {
                "200": {"description": "OK", "content": {"application/json": {"schema": page}}},
                **errors,
            },
            ["pages"],
        ),
    }

    for name, endpoint in router._endpoints.items():
        if issubclass(endpoint, PagesAPIViewSet):
            continue
        item = builder.model_schema(endpoint.model)
        parameters = [limit, offset, fields, order]
        if issubclass(endpoint, api.TranslatableSnippetAPIViewSet):
            parameters.append(
                {**locale, "description": "Rows in this language, falling back to English for untranslated ones."}
            )
        if "search" in endpoint.known_query_parameters:
            parameters += [search, search_operator]
        if "slug" in endpoint.get_available_fields(endpoint.model, db_fields_only=True):
            parameters.append(param("slug", STRING, "Rows with this slug."))
        if "is_featured" in endpoint.get_available_fields(endpoint.model, db_fields_only=True):
            parameters.append(param("is_featured", {"type": "boolean"}, "Featured helplines, or the others."))
        title = endpoint.model._meta.verbose_name_plural.capitalize()
        paths[f"/{name}/"] = get(f"list_{name}", str(title), parameters, ok(listing(item)), [name])
        paths[f"/{name}/{{id}}/"] = get(
            f"get_{name}",
            f"One of: {str(title).lower()}",
            [param("id", {"type": "integer", "minimum": 1}, "The id.", location="path", required=True), fields],
            ok(item),
            [name],
        )

    return {
        "openapi": "3.1.0",
        "info": {"title": f"{settings.WAGTAIL_SITE_NAME} API", "version": "2", "description": DESCRIPTION},
        "servers": [{"url": "/api/v2"}],
        "paths": paths,
        "components": {"schemas": builder.schemas},
    }
