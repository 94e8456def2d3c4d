"""The ORUK 3.0 endpoints (GET only, JSON, ``Access-Control-Allow-Origin: *``); see directory/oruk/__init__.py."""

import math
from functools import wraps

from django.db.models import Q
from django.db.models.functions import Coalesce
from django.http import JsonResponse
from django.views.decorators.http import require_safe
from wagtail.models import Locale

from directory import geo
from directory.models import ServiceCategory, ServicePage
from directory.oruk import ORUK_OPENAPI_URL, ORUK_PROFILE, ORUK_VERSION, TAXONOMY_ID, term_id, uid
from directory.oruk.serializers import (
    service_at_location_json,
    service_json,
    service_summary_json,
    taxonomy_json,
    taxonomy_term_json,
)
from home import guards
from home.guards import InvalidParameter
from home.localization import localize_objects

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200


def json_response(data, status=200):
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response


def error(status, message):
    return json_response({"status": status, "message": message}, status=status)


def oruk_view(view):
    """GET only; a bad parameter (home.guards.InvalidParameter) is a JSON 400."""

    @require_safe
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            guards.check_no_nul(request.GET)
            return view(request, *args, **kwargs)
        except InvalidParameter as problem:
            return error(400, problem.message)

    return wrapped


def get_locale(request):
    """``?locale=``, by default the source language."""
    return guards.locale(request.GET.get("locale") or Locale.get_default().language_code)


def as_uuid(value):
    """An id from the path as a canonical UUID, or None (no such object: a 404)."""
    try:
        return guards.uuid_value(value, "id")
    except InvalidParameter:
        return None


def paged(request, items, serialise):
    per_page = guards.positive_int(request.GET, "per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE)
    page = guards.positive_int(request.GET, "page", 1)
    total = len(items) if isinstance(items, list) else items.count()
    total_pages = max(1, math.ceil(total / per_page))
    chunk = list(items[(page - 1) * per_page : page * per_page])
    contents = serialise(chunk)
    return json_response(
        {
            "total_items": total,
            "total_pages": total_pages,
            "page_number": page,
            "size": len(contents),
            "first_page": page == 1,
            "last_page": page >= total_pages,
            "empty": total == 0,
            "contents": contents,
        }
    )


def published_services(locale):
    return ServicePage.objects.live_public().filter(locale=locale).order_by("title", "pk")


def categories_in(locale):
    source = Locale.get_default()
    return localize_objects(ServiceCategory.objects.filter(locale=source), locale)


@oruk_view
def root(request):
    return json_response({"version": ORUK_VERSION, "profile": ORUK_PROFILE, "openapi_url": ORUK_OPENAPI_URL})


@oruk_view
def services(request):
    locale = get_locale(request)
    queryset = published_services(locale).select_related("organisation")
    search = guards.text(request.GET, "search", 200)
    if search:
        queryset = queryset.filter(
            Q(title__icontains=search)
            | Q(search_description__icontains=search)
            | Q(organisation__name__icontains=search)
        )
    term = request.GET.get("taxonomy_term_id")
    if term:
        term = guards.uuid_value(term, "taxonomy_term_id")
        matches = [c for c in ServiceCategory.objects.filter(locale=Locale.get_default()) if term_id(c) == term]
        queryset = queryset.filtered(category=matches[0]) if matches else queryset.none()
    taxonomy = request.GET.get("taxonomy_id")
    if taxonomy and taxonomy != TAXONOMY_ID:
        queryset = queryset.none()
    modified_after = request.GET.get("modified_after")
    if modified_after:
        moment = guards.moment(modified_after, "modified_after")
        queryset = queryset.annotate(
            modified=Coalesce("last_published_at", "latest_revision_created_at", "first_published_at")
        ).filter(modified__gt=moment)

    def serialise(chunk):
        organisations = localize_objects([s.organisation for s in chunk if s.organisation], locale)
        by_key = {o.translation_key: o for o in organisations}
        return [
            service_summary_json(s, by_key.get(s.organisation.translation_key) if s.organisation else None, request)
            for s in chunk
        ]

    return paged(request, queryset, serialise)


@oruk_view
def service_detail(request, service_id):
    locale = get_locale(request)
    service_id = as_uuid(service_id)
    service = service_id and (
        published_services(locale)
        .filter(translation_key=service_id)
        .select_related("organisation")
        .prefetch_related("languages", "opening_hours", "categories", "areas")
        .first()
    )
    if service is None:
        return error(404, "No published service has this id.")
    organisation = localize_objects([service.organisation], locale)[0] if service.organisation else None
    categories = localize_objects(service.categories.all(), locale)
    areas = localize_objects(service.areas.all(), locale)
    return json_response(service_json(service, organisation, categories, areas, request))


@oruk_view
def taxonomies(request):
    return paged(request, [taxonomy_json()], lambda chunk: chunk)


@oruk_view
def taxonomy_detail(request, taxonomy_id):
    if as_uuid(taxonomy_id) != TAXONOMY_ID:
        return error(404, "No taxonomy has this id.")
    return json_response(taxonomy_json())


@oruk_view
def taxonomy_terms(request):
    terms = [taxonomy_term_json(c) for c in categories_in(get_locale(request))]
    taxonomy = request.GET.get("taxonomy_id")
    if taxonomy and taxonomy != TAXONOMY_ID:
        terms = []
    return paged(request, terms, lambda chunk: chunk)


@oruk_view
def taxonomy_term_detail(request, term_id_):
    for term in (taxonomy_term_json(c) for c in categories_in(get_locale(request))):
        if term["id"] == as_uuid(term_id_):
            return json_response(term)
    return error(404, "No taxonomy term has this id.")


def located_services(locale):
    return published_services(locale).exclude(latitude=None).exclude(longitude=None)


@oruk_view
def service_at_locations(request):
    locale = get_locale(request)
    items = [(service, None) for service in located_services(locale)]
    postcode = guards.text(request.GET, "postcode", geo.MAX_QUERY_LENGTH)
    if postcode:
        code = geo.outward_code(postcode)
        place = geo.find_place(code) if code else None
        if place is None:
            raise InvalidParameter("postcode", "Unknown postcode.")
        items = [
            (service, geo.haversine_miles(place.latitude, place.longitude, service.latitude, service.longitude))
            for service, _ in items
        ]
        items.sort(key=lambda item: item[1])
    return paged(
        request,
        items,
        lambda chunk: [
            service_at_location_json(s, miles * geo.METRES_PER_MILE if miles is not None else None)
            for s, miles in chunk
        ],
    )


@oruk_view
def service_at_location_detail(request, sal_id):
    for service in located_services(get_locale(request)):
        if uid("service_at_location", service.translation_key) == as_uuid(sal_id):
            return json_response(service_at_location_json(service))
    return error(404, "No service at location has this id.")
