"""The one API router: read-only and anonymous, under /api/v2/ (README "API").

nasn/urls.py includes ``urlpatterns`` at /api/. Every view gets an ETag from the content version
(home/page_cache.py), so a client or CDN holding a response revalidates it with If-None-Match
and gets a 304 before anything is queried or serialised; anything else under
/api/ is a JSON 404, never the site's HTML page or a redirect to /en/api/….
"""

from functools import cache
from pathlib import Path

from django.conf import settings
from django.http import JsonResponse
from django.urls import path, re_path
from django.utils.cache import patch_cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.utils.urlpatterns import decorate_urlpatterns

from advice.api import AdviceTopicsAPIViewSet
from directory.api import AreasAPIViewSet, LanguagesAPIViewSet, OrganisationsAPIViewSet, ServiceCategoriesAPIViewSet
from home.api.filters import Relation
from home.api.openapi import build_openapi_document
from home.api.pages import PagePreviewAPIViewSet
from home.api.pages import PagesAPIViewSet as BasePagesAPIViewSet
from home.api.views import DocumentsAPIViewSet, ImagesAPIViewSet, TranslatableSnippetAPIViewSet
from home.models import Helpline
from home.page_cache import content_conditional


class PagesAPIViewSet(BasePagesAPIViewSet):
    # ?type=directory.ServicePage&category=legal-advice&area=norwich&language=pl
    relation_filters = {
        "category": Relation("directory.ServicePage", "categories", "slug", "services in this category"),
        "area": Relation("directory.ServicePage", "areas", "slug", "services covering this area"),
        "language": Relation("directory.ServicePage", "languages", "code", "services whose staff speak it"),
        "topic": Relation("advice.AdvicePage", "topics", "slug", "advice on this topic"),
    }
    type_examples = {
        "services": "directory.ServicePage",
        "advice": "advice.AdvicePage",
        "news": "news.NewsPage",
        "materials": "materials.MaterialPage",
    }


class HelplinesAPIViewSet(TranslatableSnippetAPIViewSet):
    model = Helpline
    documented_filters = {
        **TranslatableSnippetAPIViewSet.documented_filters,
        "is_featured": "Featured helplines, or the others.",
    }


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("page_preview", PagePreviewAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
api_router.register_endpoint("helplines", HelplinesAPIViewSet)
api_router.register_endpoint("advice-topics", AdviceTopicsAPIViewSet)
api_router.register_endpoint("service-categories", ServiceCategoriesAPIViewSet)
api_router.register_endpoint("areas", AreasAPIViewSet)
api_router.register_endpoint("languages", LanguagesAPIViewSet)
api_router.register_endpoint("organisations", OrganisationsAPIViewSet)

# The document's introduction, for people writing a client (README "API").
DESCRIPTION = Path(__file__).with_name("api_description.md").read_text(encoding="utf-8")


@cache
def openapi_document():
    return build_openapi_document(api_router, DESCRIPTION)


@csrf_exempt
@require_safe
def openapi(request):
    response = JsonResponse(openapi_document())
    patch_cache_control(response, public=True, max_age=settings.API_CACHE_MAX_AGE)
    return response


@csrf_exempt
def not_found(request):
    return JsonResponse({"message": "not found; the API is described at /api/v2/openapi.json"}, status=404)


urlpatterns = decorate_urlpatterns(
    [
        path("v2/openapi.json", openapi, name="openapi"),
        path("v2/", api_router.urls),
        re_path(r"", not_found),
    ],
    content_conditional,
)
