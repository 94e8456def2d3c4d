"""The one API router: read-only and anonymous, under /api/v2/ (README "API").

nasn/urls.py includes ``urlpatterns`` at /api/. Every view gets an ETag, so a client or CDN
holding a response revalidates it with If-None-Match and gets a 304; anything else under
/api/ is a JSON 404, never the site's HTML page or a redirect to /en/api/….
"""

from functools import cache

from django.conf import settings
from django.http import JsonResponse
from django.urls import path, re_path
from django.utils.cache import patch_cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import conditional_page, require_safe
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.utils.urlpatterns import decorate_urlpatterns

from advice.api import AdviceTopicsAPIViewSet
from directory.api import AreasAPIViewSet, LanguagesAPIViewSet, OrganisationsAPIViewSet, ServiceCategoriesAPIViewSet
from home import api
from home.models import Helpline
from nasn.openapi import build_openapi_document


class PagesAPIViewSet(api.PagesAPIViewSet):
    # ?type=directory.ServicePage&category=legal-advice&area=norwich&language=pl
    relation_filters = {
        "category": "directory.ServicePage",
        "area": "directory.ServicePage",
        "language": "directory.ServicePage",
        "topic": "advice.AdvicePage",
    }


class HelplinesAPIViewSet(api.TranslatableSnippetAPIViewSet):
    model = Helpline


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("page_preview", api.PagePreviewAPIViewSet)
api_router.register_endpoint("images", api.ImagesAPIViewSet)
api_router.register_endpoint("documents", api.DocumentsAPIViewSet)
api_router.register_endpoint("helplines", HelplinesAPIViewSet)
api_router.register_endpoint("advice-topics", AdviceTopicsAPIViewSet)
api_router.register_endpoint("service-categories", ServiceCategoriesAPIViewSet)
api_router.register_endpoint("areas", AreasAPIViewSet)
api_router.register_endpoint("languages", LanguagesAPIViewSet)
api_router.register_endpoint("organisations", OrganisationsAPIViewSet)


@cache
def openapi_document():
    return build_openapi_document(api_router)


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
    conditional_page,
)
