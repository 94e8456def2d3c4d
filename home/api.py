"""Building blocks of the read-only, anonymous API under /api/v2/ (the router is nasn/api.py).

Wagtail's API v2, made safe to cache and to put in front of a headless client:
- only live, public pages, whoever asks (no session or login widens what it shows);
- rich text as front-end HTML at every depth, internal links localised to each page's language
  (Wagtail 7.4 has no WAGTAILAPI_RICH_TEXT_FORMAT setting: it returns the database format);
- references to source-locale snippets and pages shown in each page's locale where translated,
  loaded in bulk for a whole listing, never one query per item;
- bad input of any kind is a 4xx JSON error, never a 500;
- successful GETs carry Cache-Control (and an ETag, added around the views in nasn/api.py).

Models import the serializer fields below in their ``api_fields``, so this module imports no
project models.
"""

from collections import defaultdict

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import Prefetch, Q, prefetch_related_objects
from django.http import Http404
from django.urls import path
from django.utils import translation
from django.utils.cache import patch_cache_control
from rest_framework import serializers as drf_serializers
from rest_framework.fields import Field
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.relations import ManyRelatedField
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from taggit.managers import TaggableManager, _TaggableManager
from wagtail import blocks
from wagtail import fields as wagtail_fields
from wagtail.api.v2 import filters
from wagtail.api.v2 import serializers as wagtail_serializers
from wagtail.api.v2 import views as wagtail_views
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError
from wagtail.documents.api.v2.serializers import DocumentSerializer as WagtailDocumentSerializer
from wagtail.documents.api.v2.views import DocumentsAPIViewSet as WagtailDocumentsAPIViewSet
from wagtail.images.api.fields import ImageRenditionField
from wagtail.images.api.v2.serializers import ImageSerializer as WagtailImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet as WagtailImagesAPIViewSet
from wagtail.models import Collection, Locale, Page, Site
from wagtail.rich_text import expand_db_html
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError
from wagtail_headless_preview.models import HeadlessPreviewMixin as PackageHeadlessPreviewMixin
from wagtail_headless_preview.models import PagePreview

from . import guards
from .guards import InvalidParameter
from .localization import ListingQuerySet, children_of_q, translations_of

# Rich text and StreamField ---------------------------------------------------------------


def block_api_representation(block, value, context=None):
    """A block's API value with every rich text, at any depth, as front-end HTML.

    Blocks that define their own ``get_api_representation`` (images, helplines, documents)
    keep it; streams, lists and plain struct blocks are walked so nested rich text is found.
    """
    if isinstance(block, blocks.RichTextBlock):
        return expand_db_html(value.source) if value else ""
    if isinstance(block, blocks.StreamBlock):
        return [
            {
                "type": child.block.name,
                "value": block_api_representation(child.block, child.value, context),
                "id": child.id,
            }
            for child in value
        ]
    if isinstance(block, blocks.ListBlock):
        return [block_api_representation(block.child_block, item, context) for item in value]
    if isinstance(block, blocks.StructBlock) and type(block).get_api_representation is (
        blocks.StructBlock.get_api_representation
    ):
        return {
            name: block_api_representation(child, value.get(name), context)
            for name, child in block.child_blocks.items()
        }
    return block.get_api_representation(value, context=context)


class StreamField(wagtail_serializers.StreamField):
    def to_representation(self, value):
        return block_api_representation(value.stream_block, value, self.context)


class RichTextField(drf_serializers.CharField):
    """A RichTextField as front-end HTML (links resolved), not Wagtail's database format."""

    def to_representation(self, value):
        return expand_db_html(value)


class TagsField(Field):
    """Tag names, sorted, read from a prefetch (Wagtail's TagsField queries once per object)."""

    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())


# Fields that load what they need for a whole listing at once --------------------------


class BulkField(Field):
    """A read-only field whose values for many pages are computed together by ``prepare``.

    ``PageListSerializer`` prepares a listing's pages in one go; a detail view (one page)
    prepares itself on first use.
    """

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)
        self.values = {}

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        if page.pk not in self.values:
            self.prepare([page])
        return self.values[page.pk]

    def prepare(self, pages):
        raise NotImplementedError

    def related(self, page, attr=None):
        """The objects a page references through this field's source (FK, M2M or inline)."""
        value = getattr(page, self.source)
        objects = list(value.all()) if hasattr(value, "all") else [value] if value is not None else []
        if attr:
            objects = [getattr(obj, attr) for obj in objects]
        return [obj for obj in objects if obj is not None]


def saved(pages):
    # A preview of a page never saved has no pk, and nothing in the database to prefetch.
    return [page for page in pages if page.pk]


class LocalizedSnippetsField(BulkField):
    """Source-locale snippets a page references (FK or many-to-many), each in the page's
    locale where a translation exists, otherwise in the source locale."""

    def __init__(self, many=True, **kwargs):
        self.many = many
        super().__init__(**kwargs)

    def prepare(self, pages):
        if pages:
            model = pages[0]._meta.get_field(self.source).related_model
            rows = model.objects.select_related("locale")  # each row's locale is serialised
            prefetch_related_objects(saved(pages), Prefetch(self.source, queryset=rows))
        related = {page.pk: self.related(page) for page in pages}
        objects = [obj for objs in related.values() for obj in objs]
        translations = {}
        if objects:
            model = type(objects[0])
            translations = {
                (obj.translation_key, obj.locale_id): obj
                for obj in model.objects.select_related("locale").filter(
                    translation_key__in={obj.translation_key for obj in objects},
                    locale_id__in={page.locale_id for page in pages},
                )
            }
            router = self.context["router"]
            endpoint = router.get_model_endpoint(model)
            endpoint_class = endpoint[1] if endpoint else wagtail_views.BaseAPIViewSet
            serializer = endpoint_class._get_serializer_class(router, model, [], nested=True)(context=self.context)
        for page in pages:
            items = [
                serializer.to_representation(translations.get((obj.translation_key, page.locale_id), obj))
                for obj in related[page.pk]
            ]
            self.values[page.pk] = items if self.many else (items[0] if items else None)


class RelatedPagesField(BulkField):
    """Pages a page links to (a page FK, or an inline panel's page FK given as ``through``),
    each as its live, public version in the page's locale, falling back to the linked page;
    links to drafts, unpublished or private pages are left out."""

    def __init__(self, through=None, many=True, **kwargs):
        self.through = through
        self.many = many
        super().__init__(**kwargs)

    def prepare(self, pages):
        prefetch_related_objects(saved(pages), f"{self.source}__{self.through}" if self.through else self.source)
        related = {page.pk: self.related(page, self.through) for page in pages}
        keys = {linked.translation_key for linked_pages in related.values() for linked in linked_pages}
        found = list(self.context["base_queryset"].filter(translation_key__in=keys).specific())
        prefetch_related_objects(found, "locale")
        visible = {(page.translation_key, page.locale_id): page for page in found}
        serializer_classes = {}
        for page in pages:
            items = []
            for linked in related[page.pk]:
                target = visible.get((linked.translation_key, page.locale_id)) or visible.get(
                    (linked.translation_key, linked.locale_id)
                )
                if target is None:
                    continue
                model = type(target)
                if model not in serializer_classes:
                    fields = ["id", "type", "detail_url", "html_url", "locale", "title"]
                    if hasattr(target, "summary"):
                        fields.append("summary")
                    serializer_classes[model] = wagtail_serializers.get_serializer_class(
                        model, fields, meta_fields=["type", "detail_url", "html_url", "locale"], base=PageSerializer
                    )
                items.append(serializer_classes[model](context=self.context).to_representation(target))
            self.values[page.pk] = items if self.many else (items[0] if items else None)


class TranslationsField(BulkField):
    """Every live, public version of the page (this one included), for a language switch."""

    def prepare(self, pages):
        versions = defaultdict(list)
        queryset = self.context["base_queryset"].filter(translation_key__in={page.translation_key for page in pages})
        for version in queryset.select_related("locale"):
            versions[version.translation_key].append(version)
        order = {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}
        request = self.context["request"]
        for page in pages:
            self.values[page.pk] = [
                {
                    "id": version.pk,
                    "locale": version.locale.language_code,
                    "title": version.title,
                    "html_url": version.get_full_url(request),
                }
                for version in sorted(
                    versions[page.translation_key], key=lambda v: order.get(v.locale.language_code, 99)
                )
            ]


# Serializers ---------------------------------------------------------------------------


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
        lookups += [f"{field.source}__renditions" for field in fields if isinstance(field, ImageRenditionField)]
        prefetch_related_objects(saved(pages), *lookups)
        for field in fields:
            if isinstance(field, BulkField):
                field.prepare(pages)
        return [self.child.to_representation(page) for page in pages]


class PageSerializer(SerializerMixin, wagtail_serializers.PageSerializer):
    translations = TranslationsField()

    @classmethod
    def many_init(cls, *args, **kwargs):
        kwargs["child"] = cls(*args, **kwargs)
        return PageListSerializer(*args, **kwargs)

    def to_representation(self, instance):
        # Rich text links and helplines are localised by the active language: use the page's.
        with translation.override(instance.locale.language_code):
            return super().to_representation(instance)


class SnippetLocaleField(Field):
    def get_attribute(self, instance):
        return instance

    def to_representation(self, instance):
        return instance.locale.language_code


class SnippetSerializer(SerializerMixin, wagtail_serializers.BaseSerializer):
    locale = SnippetLocaleField(read_only=True)


class ImageSerializer(SerializerMixin, WagtailImageSerializer):
    pass


class DocumentSerializer(SerializerMixin, WagtailDocumentSerializer):
    pass


# Filters: Wagtail's, with every value checked before it reaches the database -----------


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


class ChildOfFilter(filters.ChildOfFilter):
    """``?child_of=``; with ``?locale=`` on a listing type (see LocaleFilter), the children of
    the parent's source (English) version count too, as on the site: a Polish index lists the
    English items that have no Polish translation."""

    def filter_queryset(self, request, queryset, view):
        if "child_of" not in request.GET or "locale" not in request.GET or not is_listing(queryset):
            return super().filter_queryset(request, queryset, view)
        # Wagtail's filter parses and checks the parent; its page is kept on the queryset.
        parent = super().filter_queryset(request, queryset.none(), view)._filtered_by_child_of
        queryset = queryset.filter(children_of_q(translations_of(parent, guards.locale(request.GET["locale"]))))
        queryset._filtered_by_child_of = parent
        return queryset


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


def is_listing(queryset):
    return isinstance(queryset, ListingQuerySet)


class RelationFilter:
    """Filters a page type by a related term, declared on the view as
    ``relation_filters = {"param": "app.PageModel"}``, e.g. ``?type=directory.ServicePage&category=legal-advice``.
    The model's ``objects.filtered(param=value)`` filters (by pk subquery) and checks the value:
    an unknown one is a 400."""

    def filter_queryset(self, request, queryset, view):
        for param, model_label in view.relation_filters.items():
            if param not in request.GET:
                continue
            model = queryset.model
            if f"{model._meta.app_label}.{model.__name__}" != model_label:
                raise BadRequestError(f"the '{param}' filter needs type={model_label}")
            queryset = queryset.filtered(**{param: request.GET[param]})
        return queryset


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
        query = request.GET["search"].replace('"', " ")
        if not query.strip():
            return queryset.none()  # some backends fail on a query with no words
        try:
            return get_search_backend().search(
                query, queryset, operator=operator, order_by_relevance="order" not in request.GET
            )
        except (FilterFieldError, OrderByFieldError) as error:
            raise BadRequestError(f"cannot filter or order by '{error.field_name}' while searching") from error


class Pagination(WagtailPagination):
    """Wagtail's limit/offset paging, with a ceiling on offset (a huge one overflows SQL)."""

    max_offset = 100_000

    def paginate_queryset(self, queryset, request, view=None):
        try:
            too_far = int(request.GET.get("offset", 0)) > self.max_offset
        except ValueError:
            too_far = False  # Wagtail reports it
        if too_far:
            raise BadRequestError(f"offset cannot be higher than {self.max_offset}")
        return super().paginate_queryset(queryset, request, view)


# Views ---------------------------------------------------------------------------------


class JSONOnly(BaseContentNegotiation):
    """JSON whatever the Accept header or ?format= asks for (no 406s, no browsable API)."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class APIViewSetMixin:
    """Anonymous, JSON-only, read-only, publicly cacheable."""

    authentication_classes = []
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]
    content_negotiation_class = JSONOnly
    pagination_class = Pagination
    cache_control = {"public": True}

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        guards.check_no_nul(request.GET)

    def filter_queryset(self, queryset):
        # Listing filters (?search=, ?locale=, …) do not apply to a detail view, which shows
        # one object by id; Wagtail would apply them and fail on ?search=.
        if self.action == "detail_view":
            return queryset
        return super().filter_queryset(queryset)

    def handle_exception(self, exc):
        # One error shape, {"message": …}, for Wagtail's errors, DRF's (405, 406) and bad parameters.
        if isinstance(exc, InvalidParameter):
            exc = BadRequestError(exc.message)
        response = super().handle_exception(exc)
        if isinstance(response.data, dict) and "detail" in response.data:
            response.data = {"message": str(response.data["detail"])}
        return response

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            max_age = {"max_age": settings.API_CACHE_MAX_AGE} if self.cache_control.get("public") else {}
            patch_cache_control(response, **self.cache_control, **max_age)
        return response


class PagesAPIViewSet(APIViewSetMixin, wagtail_views.PagesAPIViewSet):
    base_serializer_class = PageSerializer
    filter_backends = [
        FieldsFilter,
        ChildOfFilter,
        filters.AncestorOfFilter,
        filters.DescendantOfFilter,
        OrderingFilter,
        filters.TranslationOfFilter,
        LocaleFilter,
        RelationFilter,
        SearchFilter,  # last: search results cannot be filtered further
    ]
    # ?site= is dropped: one site, and Wagtail's version fails on an unknown host.
    known_query_parameters = wagtail_views.PagesAPIViewSet.known_query_parameters - {"site"}
    meta_fields = wagtail_views.PagesAPIViewSet.meta_fields + ["translations"]
    relation_filters = {}

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.known_query_parameters = cls.known_query_parameters | set(cls.relation_filters)

    def get_base_queryset(self):
        """Live, public pages of the site in every locale.

        Unlike Wagtail's, it ignores the visitor's session and login: private pages never
        appear, so no response depends on who asked and every one can be cached publicly.
        """
        if not hasattr(self, "_base_queryset"):
            site = Site.find_for_request(self.request)
            if site is None:
                self._base_queryset = Page.objects.none()
            else:
                in_site = Q()
                for root in [site.root_page, *site.root_page.get_translations()]:
                    in_site |= Page.objects.descendant_of_q(root, inclusive=True)
                self._base_queryset = Page.objects.live().public().filter(in_site)
        return self._base_queryset

    def get_queryset(self):
        # The locale is serialised for every page: join it rather than query it per page.
        return super().get_queryset().select_related("locale")

    def find_object(self, queryset, request):
        """``?html_path=/pl/advice/…`` routes from the Polish home page (Wagtail routes every
        path from the default site root, ignoring the language prefix: wagtail#6679)."""
        if "id" in request.GET:
            try:
                return queryset.get(id=int(request.GET["id"]))
            except ValueError as error:
                raise BadRequestError("id must be a whole number") from error
        site = Site.find_for_request(request)
        if "html_path" not in request.GET or site is None:
            return None
        components = [component for component in request.GET["html_path"].split("/") if component]
        root = site.root_page
        if components:
            locale = Locale.objects.filter(language_code=components[0]).first()
            if locale is not None:
                root = root.get_translation_or_none(locale)
                components = components[1:]
        if root is None:
            return None
        try:
            page = root.specific.route(request, components)[0]
        except Http404:
            return None
        return page if queryset.filter(pk=page.pk).exists() else None


class PagePreviewAPIViewSet(PagesAPIViewSet):
    """``?content_type=app.model&token=…``: the draft an editor is previewing (see
    ``HeadlessPreviewMixin``), never cached. Tokens are signed and expire."""

    known_query_parameters = PagesAPIViewSet.known_query_parameters | {"content_type", "token"}
    meta_fields = [field for field in PagesAPIViewSet.meta_fields if field != "parent"]
    detail_only_fields = []
    cache_control = {"private": True, "no_store": True}

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "detail_view"}), name="detail")]

    def detail_view(self, request, pk=None):
        return Response(self.get_serializer(self.get_object()).data)

    def get_object(self):
        if not hasattr(self, "_preview"):
            token = self.request.GET.get("token", "")
            try:
                app_label, model = self.request.GET.get("content_type", "").split(".")
                PackageHeadlessPreviewMixin.get_preview_signer().unsign(
                    token, max_age=settings.HEADLESS_PREVIEW_MAX_AGE
                )
                preview = PagePreview.objects.get(
                    content_type=ContentType.objects.get_by_natural_key(app_label, model.lower()), token=token
                )
            except (ValueError, signing.BadSignature, ContentType.DoesNotExist, PagePreview.DoesNotExist) as error:
                raise Http404("no preview with this token") from error
            self._preview = preview.as_page()
        return self._preview


class SnippetAPIViewSet(APIViewSetMixin, wagtail_views.BaseAPIViewSet):
    """A snippet model, all its ``api_fields`` shown by default (they are few)."""

    base_serializer_class = SnippetSerializer
    filter_backends = [FieldsFilter, OrderingFilter]
    known_query_parameters = wagtail_views.BaseAPIViewSet.known_query_parameters - {"search", "search_operator"}

    def get_queryset(self):
        return self.model.objects.order_by(*self.model._meta.ordering, "pk")

    @classmethod
    def get_listing_default_fields(cls, model):
        return cls.get_available_fields(model)

    @classmethod
    def get_nested_default_fields(cls, model):
        return cls.get_available_fields(model)


class TranslatableSnippetAPIViewSet(SnippetAPIViewSet):
    """A translatable snippet. The listing shows the source locale's rows, or with
    ``?locale=pl`` each row's Polish translation where there is one and the English row
    where there is not; every row says its ``locale``. Detail views serve any row by id."""

    known_query_parameters = SnippetAPIViewSet.known_query_parameters | {"locale"}
    meta_fields = SnippetAPIViewSet.meta_fields + ["locale"]

    def get_queryset(self):
        queryset = super().get_queryset().select_related("locale")
        if self.action != "listing_view":
            return queryset
        source = Locale.get_default()
        locale = guards.locale(self.request.GET["locale"]) if "locale" in self.request.GET else source
        translated = self.model.objects.filter(locale=locale).values("translation_key")
        return queryset.filter(Q(locale=locale) | Q(locale=source) & ~Q(translation_key__in=translated))


def private_collections():
    """Collections under a view restriction, and their descendants."""
    paths = Collection.objects.filter(view_restrictions__isnull=False).values_list("path", flat=True)
    under_restriction = Q(pk__in=[])
    for collection_path in paths:
        under_restriction |= Q(path__startswith=collection_path)
    return Collection.objects.filter(under_restriction).values("pk")


class ImagesAPIViewSet(APIViewSetMixin, WagtailImagesAPIViewSet):
    base_serializer_class = ImageSerializer
    filter_backends = [FieldsFilter, OrderingFilter, SearchFilter]

    def get_queryset(self):
        # Any restricted collection is left out, whoever asks (see get_base_queryset above).
        return self.model.objects.exclude(collection__in=private_collections()).prefetch_related("tags").order_by("pk")


class DocumentsAPIViewSet(APIViewSetMixin, WagtailDocumentsAPIViewSet):
    base_serializer_class = DocumentSerializer
    filter_backends = [FieldsFilter, OrderingFilter, SearchFilter]

    def get_queryset(self):
        return self.model.objects.exclude(collection__in=private_collections()).prefetch_related("tags").order_by("pk")


# Headless preview ----------------------------------------------------------------------


class HeadlessPreviewMixin(PackageHeadlessPreviewMixin):
    """Editors preview drafts in the external front end when HEADLESS_PREVIEW_URL is set
    (it fetches them from /api/v2/page_preview/); Wagtail's own preview otherwise."""

    def serve_preview(self, request, preview_mode):
        if settings.HEADLESS_PREVIEW_URL:
            return super().serve_preview(request, preview_mode)
        return super(PackageHeadlessPreviewMixin, self).serve_preview(request, preview_mode)
