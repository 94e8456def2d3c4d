"""Filters: Wagtail's, with every value checked before it reaches the database (a bad one is a
400, never a 500). Each says which query parameters it reads in ``api_parameters(view)``, for
the OpenAPI document."""

from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from taggit.managers import TaggableManager
from wagtail import fields as wagtail_fields
from wagtail.api.v2 import filters
from wagtail.api.v2.utils import BadRequestError
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError

from .. import guards
from ..localization import ListingQuerySet, children_of_q, translations_of
from .schema import ID, STRING, model_field_schema, param


class FieldsFilter(filters.FieldsFilter):
    """``?field=value`` exact filters on database fields in ``api_fields``; a value the model
    field would not accept is a 400, not a database error."""

    def filter_queryset(self, request, queryset, view):
        model = queryset.model
        names = set(view.get_available_fields(model, db_fields_only=True)) - {"locale"}
        for name in names & set(request.GET):
            field = model._meta.get_field(name)
            if isinstance(field, TaggableManager) or field.get_internal_type() == "BooleanField":
                continue  # Wagtail parses these itself (tag names; true/false/1/0)
            if not field.concrete or isinstance(field, wagtail_fields.StreamField):
                raise BadRequestError(f"cannot filter by '{name}'")
            checker = field.related_model._meta.pk if field.is_relation else field
            try:
                checker.clean(request.GET[name], None)
            except ValidationError as error:
                raise BadRequestError(f"'{request.GET[name]}' is not a valid value for {name}") from error
        return super().filter_queryset(request, queryset, view)

    @staticmethod
    def api_parameters(view):
        # Any such field filters; the document names those in the view's ``documented_filters``.
        model = view.model
        names = view.get_available_fields(model, db_fields_only=True)
        return [
            param(name, model_field_schema(model._meta.get_field(name)), description)
            for name, description in view.documented_filters.items()
            if name in names
        ]


class OrderingFilter(filters.OrderingFilter):
    """``?order=`` on plain database fields only (ordering by a relation repeats rows)."""

    def filter_queryset(self, request, queryset, view):
        for name in request.GET.get("order", "").split(","):
            name = name.lstrip("-")
            if name in ("", "random"):
                continue
            try:
                field = queryset.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue  # Wagtail's filter reports unknown names
            if field.is_relation or isinstance(field, wagtail_fields.StreamField):
                raise BadRequestError(f"cannot order by '{name}'")
        return super().filter_queryset(request, queryset, view)

    @staticmethod
    def api_parameters(view):
        return [
            param(
                "order",
                STRING,
                "A field to sort by, `-field` for descending, several comma-separated, or `random`.",
                examples={"title": {"value": "title"}, "newest": {"value": "-first_published_at"}},
            )
        ]


class PageIdParameter:
    """A filter by one page, ``?<parameter>=<id>``."""

    parameter = description = ""

    @classmethod
    def api_parameters(cls, view):
        return [param(cls.parameter, ID, cls.description)]


class ChildOfFilter(PageIdParameter, filters.ChildOfFilter):
    """``?child_of=``; with ``?locale=`` on a listing type (see LocaleFilter), the children of
    the parent's source (English) version count too, as on the site: a Polish index lists the
    English items that have no Polish translation."""

    parameter, description = "child_of", "Children of this page."

    def filter_queryset(self, request, queryset, view):
        if "child_of" not in request.GET or "locale" not in request.GET or not is_listing(queryset):
            return super().filter_queryset(request, queryset, view)
        # Wagtail's filter parses and checks the parent; its page is kept on the queryset.
        parent = super().filter_queryset(request, queryset.none(), view)._filtered_by_child_of
        queryset = queryset.filter(children_of_q(translations_of(parent, guards.locale(request.GET["locale"]))))
        queryset._filtered_by_child_of = parent
        return queryset


class AncestorOfFilter(PageIdParameter, filters.AncestorOfFilter):
    parameter, description = "ancestor_of", "Pages above this page."


class DescendantOfFilter(PageIdParameter, filters.DescendantOfFilter):
    parameter, description = "descendant_of", "Pages below this page."


class TranslationOfFilter(PageIdParameter, filters.TranslationOfFilter):
    parameter, description = "translation_of", "Other versions of this page."


class LocaleFilter(filters.LocaleFilter):
    """``?locale=`` with an unknown language code as a 400 listing the known ones.

    Listing page types (services, advice, news: their querysets are ``ListingQuerySet``s)
    follow the site's rule: each page in that language where translated, else in English.
    Other types, and ``?type=`` left out, keep Wagtail's exact filter.
    """

    def filter_queryset(self, request, queryset, view):
        if "locale" in request.GET:
            locale = guards.locale(request.GET["locale"])
            if is_listing(queryset):
                child_of = getattr(queryset, "_filtered_by_child_of", None)
                queryset = queryset.in_locale_or_source(locale)
                if child_of is not None:
                    queryset._filtered_by_child_of = child_of
                return queryset
        return super().filter_queryset(request, queryset, view)

    @staticmethod
    def api_parameters(view):
        return [locale_parameter("A language code.")]


def locale_parameter(description):
    locales = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    return param("locale", {"type": "string", "enum": locales}, description)


def is_listing(queryset):
    return isinstance(queryset, ListingQuerySet)


class Relation(NamedTuple):
    """A filter by a related snippet's slug or code (see ``RelationFilter``)."""

    model: str  # "app.PageModel", the page type it needs
    relation: str  # the page model's field pointing at the snippet
    key: str  # the snippet's field the value must match
    description: str  # what it keeps, e.g. "services in this category"


class RelationFilter:
    """Filters by a related snippet's slug or code, declared on the view as
    ``relation_filters = {"param": Relation("app.PageModel", "relation", "slug_field", "…")}``,
    e.g. ``?type=directory.ServicePage&category=legal-advice``; the model's ``objects.filtered(param=value)``
    does the filtering. An unknown value is a 400."""

    def filter_queryset(self, request, queryset, view):
        for name, relation in view.relation_filters.items():
            if name not in request.GET:
                continue
            model = queryset.model
            if f"{model._meta.app_label}.{model.__name__}" != relation.model:
                raise BadRequestError(f"the '{name}' filter needs type={relation.model}")
            # The model's one query method checks the value and filters by a pk subquery.
            queryset = queryset.filtered(**{name: request.GET[name]})
        return queryset

    @staticmethod
    def api_parameters(view):
        return [
            param(name, STRING, f"With `type={relation.model}`: {relation.description} ({relation.key}).")
            for name, relation in view.relation_filters.items()
        ]


class SearchFilter(filters.SearchFilter):
    """Wagtail's ``?search=``, with ``search_operator`` checked and double quotes dropped:
    they mean nothing to a plain-text query and break SQLite's FTS5 syntax (a 500)."""

    def filter_queryset(self, request, queryset, view):
        operator = request.GET.get("search_operator", "and")
        if operator not in ("and", "or"):
            raise BadRequestError("search_operator must be 'and' or 'or'")
        if "search" not in request.GET:
            return queryset
        if not getattr(settings, "WAGTAILAPI_SEARCH_ENABLED", True):
            raise BadRequestError("search is disabled")
        if getattr(queryset, "_filtered_by_tag", False):
            raise BadRequestError("filtering by tag with a search query is not supported")
        query = guards.search_text(request.GET, "search").replace('"', " ")
        if not query.strip():
            return queryset.none()  # some backends fail on a query with no words
        try:
            return get_search_backend().search(
                query, queryset, operator=operator, order_by_relevance="order" not in request.GET
            )
        except (FilterFieldError, OrderByFieldError) as error:
            raise BadRequestError(f"cannot filter or order by '{error.field_name}' while searching") from error

    @staticmethod
    def api_parameters(view):
        return [
            param(
                "search",
                {"type": "string", "maxLength": guards.MAX_SEARCH_CHARS},
                f"Words to search for (at most {guards.MAX_SEARCH_WORDS}).",
            ),
            param(
                "search_operator",
                {"type": "string", "enum": ["and", "or"]},
                "Whether every word must match (default).",
            ),
        ]
