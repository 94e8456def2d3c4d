"""The read-only, anonymous API under /api/v2/: the base app's toolkit (the router is nasn/api.py).

Wagtail's API v2, made safe to cache and to put in front of a headless client:
- only live, public pages, whoever asks (no session or login widens what it shows);
- rich text as front-end HTML at every depth, internal links localised to each page's language
  (Wagtail 7.4 has no WAGTAILAPI_RICH_TEXT_FORMAT setting: it returns the database format);
- references to source-locale snippets and pages shown in each page's locale where translated,
  loaded in bulk for a whole listing, never one query per item;
- bad input of any kind is a 4xx JSON error, never a 500;
- successful GETs carry Cache-Control (and an ETag, added around the views in nasn/api.py).

Modules: ``fields`` (serializer fields; models import them in ``api_fields``, so it imports no
project models), ``serializers``, ``filters``, ``pagination``, ``negotiation``, ``views`` and
``pages`` (viewsets), ``schema`` and ``openapi`` (the OpenAPI document, built from what each
block, field, filter and viewset says about itself).
"""
