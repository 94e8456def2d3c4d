"""Page viewsets: live, public pages of every locale, and the draft an editor previews."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.http import Http404
from django.urls import path
from rest_framework.response import Response
from wagtail.api.v2 import views as wagtail_views
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Locale, Page, Site, get_page_models
from wagtail_headless_preview.models import HeadlessPreviewMixin as PackageHeadlessPreviewMixin
from wagtail_headless_preview.models import PagePreview

from ..localization import site_pages
from .filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    FieldsFilter,
    LocaleFilter,
    OrderingFilter,
    RelationFilter,
    SearchFilter,
    TranslationOfFilter,
)
from .schema import ID, STRING, TEXT, list_pattern, model_label, one_of_names, param
from .serializers import PageSerializer
from .views import APIViewSetMixin, fields_parameter


class PagesAPIViewSet(APIViewSetMixin, wagtail_views.PagesAPIViewSet):
    base_serializer_class = PageSerializer
    filter_backends = [
        FieldsFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        OrderingFilter,
        TranslationOfFilter,
        LocaleFilter,
        RelationFilter,
        SearchFilter,  # last: search results cannot be filtered further
    ]
    # ?site= is dropped: one site, and Wagtail's version fails on an unknown host.
    known_query_parameters = wagtail_views.PagesAPIViewSet.known_query_parameters - {"site"}
    meta_fields = wagtail_views.PagesAPIViewSet.meta_fields + ["translations"]
    listing_default_fields = wagtail_views.PagesAPIViewSet.listing_default_fields + ["translations"]
    relation_filters = {}  # {"param": filters.Relation(…)}
    documented_filters = {"slug": "Pages with this slug.", "show_in_menus": "Pages shown in menus, or not."}
    type_examples = {}  # {"name": "app.PageModel"}: examples of ?type= in the OpenAPI document

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
                self._base_queryset = site_pages(site)
        return self._base_queryset

    def get_queryset(self):
        # Built once a request: Wagtail's listing asks again for its serializer class (the model).
        if not hasattr(self, "_queryset"):
            self._queryset = self.build_queryset()
        return self._queryset

    def build_queryset(self):
        # The locale is serialised for every page: join it rather than query it per page.
        queryset = super().get_queryset()
        if self.action == "detail_view":
            # The page of its own type with its locale in two queries (Wagtail's made three:
            # the base page, its type's row, then the locale ``.specific`` leaves behind).
            return queryset.select_related("locale", for_specific_subqueries=True).specific()
        return queryset.select_related("locale")

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

    @classmethod
    def api_parameters(cls):
        labels = one_of_names(model_label(model) for model in get_page_models())
        type_parameter = param(
            "type",
            {"type": "string", "pattern": f"^{list_pattern(labels)}$"},
            "Page types, `app_label.ModelName`, comma-separated. One type makes its own fields "
            "available to `fields`, `order` and filters (beyond those named here).",
            examples={name: {"value": label} for name, label in cls.type_examples.items()},
        )
        return [*super().api_parameters(), type_parameter]

    @classmethod
    def api_paths(cls, builder, name):
        page = cls.api_page_schema(builder)
        tags = [name]
        return {
            f"/{name}/": builder.get(
                "listPages",
                "Live, public pages",
                builder.listing_parameters(cls),
                builder.ok(builder.listing(page)),
                tags,
            ),
            f"/{name}/{{id}}/": builder.get(
                "getPage",
                "One live, public page with all its fields",
                [param("id", ID, "The page's id.", location="path", required=True), fields_parameter(cls, detail=True)],
                builder.ok(page),
                tags,
            ),
            f"/{name}/find/": builder.get(
                "findPage",
                "Redirects to the page at a site path (e.g. `/pl/advice/…`)",
                [
                    param("html_path", TEXT, "A path on the site, with its language prefix."),
                    param("id", ID, "A page id."),
                ],
                {
                    "302": {
                        "description": "The page's detail URL.",
                        "headers": {"Location": {"schema": STRING, "required": True}},
                    },
                    **builder.errors,
                },
                tags,
            ),
        }

    @staticmethod
    def api_page_schema(builder):
        models = [model for model in get_page_models() if model is not Page]
        options = {model_label(model): builder.model_schema(model) for model in models}
        return builder.component(
            "Page",
            {
                "description": "A page of any type; its `type` (the same as `meta.type`) says which.",
                "oneOf": list(options.values()),
                "discriminator": {
                    "propertyName": "type",
                    "mapping": {label: schema["$ref"] for label, schema in options.items()},
                },
            },
        )


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

    @classmethod
    def api_paths(cls, builder, name):
        parameters = [
            param("content_type", TEXT, "`app_label.modelname`, as sent to the front end.", required=True),
            param("token", TEXT, "The preview token sent to the front end.", required=True),
            fields_parameter(cls, detail=True),
        ]
        page = cls.api_page_schema(builder)
        responses = {"200": {"description": "OK", "content": {"application/json": {"schema": page}}}, **builder.errors}
        return {
            f"/{name}/": builder.get(
                "previewPage",
                "The draft an editor is previewing in the front end (never cached)",
                parameters,
                responses,
                ["pages"],
            )
        }
