"""Filters: Wagtail's, with every value checked before it reaches the database (a bad one is a
400, never a 500). Each says which query parameters it reads in ``api_parameters(view)``, for
the OpenAPI document."""

from typing import NamedTuple

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from rest_framework.exceptions import NotFound
from taggit.managers import TaggableManager
from wagtail import fields as wagtail_fields
from wagtail.api.v2 import filters
from wagtail.api.v2.utils import BadRequestError
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError

from .. import guards
from ..guards import InvalidParameter
from ..localization import ListingQuerySet, children_of_q, translations_of
from .schema import ID, TEXT, filter_value_schema, list_pattern, one_of_names, param


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
        if "search" not in request.GET or not names & set(request.GET):
            return super().filter_queryset(request, queryset, view)
        # A search backend filters only by indexed fields, but by any pk subquery: every
        # filter then works with ?search= (as the OpenAPI document promises).
        narrowed = super().filter_queryset(request, model._default_manager.all(), view)
        filtered = queryset.filter(pk__in=narrowed.values("pk"))
        filtered._filtered_by_tag = getattr(narrowed, "_filtered_by_tag", False)
        return filtered

    @staticmethod
    def api_parameters(view):
        # Any such field filters; the document names those in the view's ``documented_filters``.
        model = view.model
        names = view.get_available_fields(model, db_fields_only=True)
        return [
            param(name, filter_value_schema(model._meta.get_field(name)), description)
            for name, description in view.documented_filters.items()
            if name in names
        ]


def orderable_fields(view, model, searching):
    """The fields ``?order=`` accepts: plain database fields (ordering by a relation repeats
    rows); while ``searching``, only those the search index can order by."""
    names = []
    for name in view.get_available_fields(model, db_fields_only=True):
        field = model._meta.get_field(name)
        if not (field.is_relation or isinstance(field, wagtail_fields.StreamField)):
            names.append(name)
    if searching:
        indexed = {field.field_name for field in model.get_filterable_search_fields()}
        names = [name for name in names if name in indexed]
    return names


class OrderingFilter(filters.OrderingFilter):
    """``?order=``: one or more of ``orderable_fields``, each ``-`` for descending, or ``random``."""

    def filter_queryset(self, request, queryset, view):
        order = request.GET.get("order", "")
        if order == "random":
            # Wagtail refuses random with ?offset=; a page of a random order is still random.
            return queryset.order_by("?")
        searching = "search" in request.GET and SearchFilter in view.filter_backends
        allowed = orderable_fields(view, queryset.model, searching)
        for name in order.split(",") if order else []:
            if name.removeprefix("-") not in allowed:
                raise BadRequestError(f"cannot order by '{name}'; use one of: {', '.join(allowed)} or random")
        return super().filter_queryset(request, queryset, view)

    @staticmethod
    def api_parameters(view):
        # Those that also work with ?search=: the document cannot say that one depends on another.
        names = orderable_fields(view, view.model, searching=SearchFilter in view.filter_backends)
        field = "-?" + one_of_names(names)
        return [
            param(
                "order",
                {"type": "string", "pattern": f"^(random|{list_pattern(field)})?$"},
                "A field to sort by, `-field` for descending, several comma-separated, or `random` "
                "(with `search`, matches stay in order of relevance). "
                f"Any of: {', '.join(f'`{name}`' for name in names)}; with one `type`, its other plain "
                "fields too (while searching, those it indexes).",
                examples={"title": {"value": names[1] if len(names) > 1 else names[0]}, "newest": {"value": "-id"}},
            )
        ]


class PageIdParameter:
    """A filter by one page, ``?<parameter>=<id>``; a page that does not exist (or is not
    live and public) is a 404, as for a detail URL: the request was well formed."""

    parameter = description = ""
    accepts_root = True  # ``root``: the site's root page (Wagtail's filters, but ancestor_of)

    def filter_queryset(self, request, queryset, view):
        try:
            return super().filter_queryset(request, queryset, view)
        except BadRequestError as error:
            if isinstance(error.__cause__, ObjectDoesNotExist):
                raise NotFound(f"no page with id {request.GET[self.parameter]}") from error
            raise

    @classmethod
    def api_parameters(cls, view):
        if not cls.accepts_root:
            return [param(cls.parameter, ID, cls.description)]
        return [param(cls.parameter, {"anyOf": [ID, {"const": "root"}]}, f"{cls.description} `root`: the site root.")]


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
    accepts_root = False


class DescendantOfFilter(PageIdParameter, filters.DescendantOfFilter):
    """``?descendant_of=``, also with ``?child_of=`` (Wagtail refuses the pair; both hold)."""

    parameter, description = "descendant_of", "Pages below this page."

    def filter_queryset(self, request, queryset, view):
        parent = getattr(queryset, "_filtered_by_child_of", None)
        if parent is None:
            return super().filter_queryset(request, queryset, view)
        queryset = super().filter_queryset(request, queryset.all(), view)  # a copy without the mark
        queryset._filtered_by_child_of = parent
        return queryset


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
    e.g. ``?category=legal-advice``; the model's ``objects.filtered(param=value)`` does the
    filtering. Only pages of that type can match: without ``?type=`` the filter keeps them, with
    another type nothing matches. A value no snippet has is a 404 (the request was well formed)."""

    def filter_queryset(self, request, queryset, view):
        for name, relation in view.relation_filters.items():
            if name not in request.GET:
                continue
            model = apps.get_model(relation.model)
            try:
                # The model's one query method checks the value and filters by a pk subquery.
                matching = model.objects.filtered(**{name: request.GET[name]})
            except InvalidParameter as error:
                raise NotFound(error.message) from error
            if queryset.model is not model:
                queryset = queryset.filter(pk__in=matching.values("pk"))
            else:
                queryset = queryset.filtered(**{name: request.GET[name]})
        return queryset

    @staticmethod
    def api_parameters(view):
        parameters = []
        for name, relation in view.relation_filters.items():
            key = (
                apps.get_model(relation.model)
                ._meta.get_field(relation.relation)
                .related_model._meta.get_field(relation.key)
            )
            parameters.append(
                param(
                    name,
                    filter_value_schema(key),
                    f"Pages of type `{relation.model}`: {relation.description} ({relation.key}).",
                )
            )
        return parameters


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
        order = request.GET.get("order", "")
        if order == "random":
            # The search backends cannot order randomly: matches keep their relevance order.
            queryset, order = queryset.order_by(), ""
        try:
            return get_search_backend().search(query, queryset, operator=operator, order_by_relevance=not order)
        except (FilterFieldError, OrderByFieldError) as error:
            raise BadRequestError(f"cannot filter or order by '{error.field_name}' while searching") from error

    @staticmethod
    def api_parameters(view):
        return [
            param(
                "search",
                {**TEXT, "maxLength": guards.MAX_SEARCH_CHARS},
                f"Words to search for (at most {guards.MAX_SEARCH_WORDS}).",
            ),
            param(
                "search_operator",
                {"type": "string", "enum": ["and", "or"]},
                "Whether every word must match (default).",
            ),
        ]
