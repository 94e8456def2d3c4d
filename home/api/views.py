"""Viewset base classes: anonymous, JSON-only, read-only, publicly cacheable; snippets, images
and documents (pages are in pages.py). Each says what its listing and detail URLs return in
``api_paths(builder, name)`` and its own query parameters in ``api_parameters()``, for the
OpenAPI document (home/api/openapi.py)."""

from django.conf import settings
from django.db.models import Q
from django.utils.cache import patch_cache_control
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from wagtail.api import APIField
from wagtail.api.v2 import views as wagtail_views
from wagtail.api.v2.utils import BadRequestError
from wagtail.documents.api.v2.views import DocumentsAPIViewSet as WagtailDocumentsAPIViewSet
from wagtail.images.api.fields import ImageRenditionField
from wagtail.images.api.v2.views import ImagesAPIViewSet as WagtailImagesAPIViewSet
from wagtail.models import Collection, Locale

from .. import guards
from ..guards import InvalidParameter
from .filters import FieldsFilter, OrderingFilter, SearchFilter, locale_parameter
from .negotiation import JSONOnly
from .pagination import Pagination
from .schema import ID, PATH, STRING, list_pattern, one_of_names, param
from .serializers import DocumentSerializer, ImageSerializer, SnippetSerializer


def fields_parameter(view, detail):
    """``?fields=`` with the names the view's model accepts (Wagtail's syntax: nested
    ``name(sub,fields)`` is left out of the document)."""
    names = list(dict.fromkeys(view.get_body_fields_names(view.model) + view.get_meta_fields_names(view.model)))
    if not detail:
        names = [name for name in names if name not in view.detail_only_fields]
    name = one_of_names(names)
    # Wagtail refuses names added to `*` and names taken from `_`.
    pattern = f"^(\\*(,-{name})*|_(,{name})*|{list_pattern(f'-?{name}')})?$"
    default = set(view.get_detail_default_fields(view.model) if detail else view.get_listing_default_fields(view.model))
    extra = [name for name in names if name not in default] or names
    return param(
        "fields",
        {"type": "string", "pattern": pattern},
        "Fields to add to the defaults (`a,b`), remove (`-a`), all (`*`) or only these (`_,a,b`); "
        "`id` and `meta.type` are always there. "
        f"Names: {', '.join(f'`{name}`' for name in names)}.",
        examples={"all": {"value": "*"}, "some": {"value": ",".join(extra[:2])}, "only": {"value": f"_,{names[-1]}"}},
    )


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

    # {field: description}: the exact-value filters (FieldsFilter) the OpenAPI document names.
    documented_filters = {}

    @classmethod
    def api_parameters(cls):
        """Listing parameters the view reads itself (those of its filters and paging aside)."""
        return [fields_parameter(cls, detail=False)]

    @classmethod
    def api_paths(cls, builder, name):
        item = builder.model_schema(cls.model)
        title = str(cls.model._meta.verbose_name_plural.capitalize())
        return {
            f"/{name}/": builder.get(
                f"list_{name}", title, builder.listing_parameters(cls), builder.ok(builder.listing(item)), [name]
            ),
            f"/{name}/{{id}}/": builder.get(
                f"get_{name}",
                f"One of: {title.lower()}",
                [param("id", ID, "The id.", location="path", required=True), fields_parameter(cls, detail=True)],
                builder.ok(item),
                [name],
            ),
        }

    @classmethod
    def api_nested_schema(cls, builder, model):
        """The schema of ``model`` nested in another object (a foreign key or many-to-many)."""
        raise ValueError(f"no schema for {model.__name__} nested in another object")


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

    documented_filters = {"slug": "Rows with this slug."}

    @classmethod
    def api_nested_schema(cls, builder, model):
        return builder.model_schema(model)  # snippets nest with all their fields


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

    @classmethod
    def api_parameters(cls):
        return [
            *super().api_parameters(),
            locale_parameter("Rows in this language, falling back to English for untranslated ones."),
        ]


def private_collections():
    """Collections under a view restriction, and their descendants."""
    paths = Collection.objects.filter(view_restrictions__isnull=False).values_list("path", flat=True)
    under_restriction = Q(pk__in=[])
    for collection_path in paths:
        under_restriction |= Q(path__startswith=collection_path)
    return Collection.objects.filter(under_restriction).values("pk")


class MediaAPIViewSetMixin:
    """Images and documents, searchable, leaving out any in a restricted collection, whoever asks."""

    filter_backends = [FieldsFilter, OrderingFilter, SearchFilter]
    prefetch = ["tags"]

    def get_queryset(self):
        return (
            self.model.objects.exclude(collection__in=private_collections())
            .prefetch_related(*self.prefetch)
            .order_by("pk")
        )

    nested_meta = {"type": STRING, "detail_url": PATH, "download_url": PATH}

    @classmethod
    def api_nested_schema(cls, builder, model):
        fields = [field for field in cls.get_body_fields(model) if field.name in cls.nested_default_fields]
        schema = builder.object_schema(model, cls.nested_meta, fields)
        return builder.component(f"Nested{model.__name__}", schema)


class ImagesAPIViewSet(MediaAPIViewSetMixin, APIViewSetMixin, WagtailImagesAPIViewSet):
    """Images as a bounded rendition, never the original file (which is not served at all)."""

    base_serializer_class = ImageSerializer
    body_fields = [
        *WagtailImagesAPIViewSet.body_fields,
        APIField("rendition", serializer=ImageRenditionField("max-1200x1200|format-webp", source="*")),
    ]
    meta_fields = [name for name in WagtailImagesAPIViewSet.meta_fields if name != "download_url"]
    listing_default_fields = [*wagtail_views.BaseAPIViewSet.listing_default_fields, "title", "tags", "rendition"]
    nested_default_fields = [*wagtail_views.BaseAPIViewSet.nested_default_fields, "title", "rendition"]
    nested_meta = {"type": STRING, "detail_url": PATH}
    prefetch = ["tags", "renditions"]


class DocumentsAPIViewSet(MediaAPIViewSetMixin, APIViewSetMixin, WagtailDocumentsAPIViewSet):
    base_serializer_class = DocumentSerializer
