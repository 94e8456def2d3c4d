"""The ORUK 3.0 endpoints (GET only, JSON, ``Access-Control-Allow-Origin: *``); see directory/oruk/__init__.py."""

import math
from functools import wraps

from django.db.models.functions import Coalesce
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import Locale

from directory import geo
from directory.models import ServiceCategory, ServicePage
from directory.oruk import ORUK_OPENAPI_URL, ORUK_PROFILE, ORUK_VERSION, TAXONOMY_ID, term_id, uid
from directory.oruk.serializers import (
    SUMMARY_FIELDS,
    organization_json,
    service_at_location_json,
    service_json,
    service_summary_json,
    taxonomy_json,
    taxonomy_term_json,
)
from home import guards
from home.guards import InvalidParameter
from home.localization import localize_objects, localized_rows
from home.request_cache import digest, shared

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200
SAFE_METHODS = ("GET", "HEAD")
# CORS (the standard: "Access-Control-Allow-Origin: *" on every response). A browser may send the
# revalidation header cross-origin and read the ETag back.
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag",
}
PREFLIGHT_HEADERS = {
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Accept-Language, Content-Language, Content-Type, If-None-Match",
    "Access-Control-Max-Age": "86400",
}


def json_response(data, status=200):
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def error(status, message):
    return json_response({"status": status, "message": message}, status=status)


def oruk_endpoint(view):
    """The outermost layer of every ORUK URL (around the ETag check): CORS headers on every
    response (a 304 and errors too), the OPTIONS preflight answered, other methods a JSON 405.

    CSRF-exempt: the feed changes nothing, and a POST is to get a JSON 405, not Django's HTML
    CSRF page.
    """

    @csrf_exempt
    @wraps(view)
    def endpoint(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = json_response({}, status=200)
            for header, value in PREFLIGHT_HEADERS.items():
                response[header] = value
            response["Allow"] = PREFLIGHT_HEADERS["Access-Control-Allow-Methods"]
        elif request.method not in SAFE_METHODS:
            response = error(405, f"{request.method} is not allowed: this feed is read-only (GET).")
            response["Allow"] = PREFLIGHT_HEADERS["Access-Control-Allow-Methods"]
        else:
            response = view(request, *args, **kwargs)
        for header, value in CORS_HEADERS.items():
            response[header] = value
        return response

    return endpoint


def oruk_view(view):
    """A bad parameter (home.guards.InvalidParameter) is a JSON 400."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            guards.check_no_nul(request.GET)
            return view(request, *args, **kwargs)
        except InvalidParameter as problem:
            return error(400, problem.message)

    return wrapped


def not_found(request, path=""):
    """Any other URL under the feed: a JSON 404 (with CORS, from oruk_endpoint)."""
    return error(404, "No such endpoint in this Open Referral UK feed.")


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
    """One page of ``items`` with the ORUK paging fields.

    The rules (as the official validator checks them): ``total_pages`` is at least 1;
    ``first_page`` is page 1, ``last_page`` any page from ``total_pages`` on; ``size`` is the
    number of items on this page and ``empty`` says it is 0 (a page past the end is empty, its
    totals unchanged).
    """
    per_page = guards.positive_int(request.GET, "per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE)
    page = guards.positive_int(request.GET, "page", 1)
    total = len(items) if isinstance(items, list) else items.count()
    total_pages = max(1, math.ceil(total / per_page))
    chunk = list(items[(page - 1) * per_page : page * per_page]) if page <= total_pages else []
    contents = serialise(chunk)
    return json_response(
        {
            "total_items": total,
            "total_pages": total_pages,
            "page_number": page,
            "size": len(contents),
            "first_page": page == 1,
            "last_page": page >= total_pages,
            "empty": not contents,
            "contents": contents,
        }
    )


def published_services(locale):
    """Live, public services: each one's translation in ``locale`` where there is one, else English."""
    return ServicePage.objects.listing(locale).order_by("title", "pk")


def filtered_services(request, locale):
    """The services the filters of /services and /service_at_locations select, through the
    directory's one query method (ServicePage.objects.filtered). Every parameter is checked
    first, so a bad one is a 400 whatever the others select."""
    search = guards.search_text(request.GET, "search")
    term = request.GET.get("taxonomy_term_id")
    term = term and guards.uuid_value(term, "taxonomy_term_id")
    taxonomy = request.GET.get("taxonomy_id")
    taxonomy = taxonomy and guards.uuid_value(taxonomy, "taxonomy_id")
    modified_after = request.GET.get("modified_after")
    modified_after = modified_after and guards.moment(modified_after, "modified_after")
    category = None
    if term:
        matches = [c for c in ServiceCategory.objects.filter(locale=Locale.get_default()) if term_id(c) == term]
        if not matches:
            return ServicePage.objects.none()
        category = matches[0]
    if taxonomy and taxonomy != TAXONOMY_ID:
        return ServicePage.objects.none()
    queryset = published_services(locale).filtered(category=category, search=search)
    if modified_after:
        queryset = queryset.annotate(
            modified=Coalesce("last_published_at", "latest_revision_created_at", "first_published_at")
        ).filter(modified__gte=modified_after)  # "on or after"
    return queryset


def with_text_languages(response, services, locale):
    """Content-Language: the requested language if some of ``services`` are in it (or there are
    none), and English if some are shown in English until they are translated (ORUK has no field
    for the language of an item's text)."""
    translated = {service.locale_id == locale.pk for service in services} or {True}
    codes = [locale.language_code] if True in translated else []
    if False in translated:
        codes.append(Locale.get_default().language_code)
    response["Content-Language"] = ", ".join(codes)
    return response


def categories_in(locale):
    return localized_rows(ServiceCategory, locale)


@oruk_view
def root(request):
    return json_response({"version": ORUK_VERSION, "profile": ORUK_PROFILE, "openapi_url": ORUK_OPENAPI_URL})


@oruk_view
def services(request):
    locale = get_locale(request)
    # A summary shows none of the listing card's categories, areas, languages or hours.
    queryset = filtered_services(request, locale).prefetch_related(None).only(*SUMMARY_FIELDS)
    shown = []

    def summaries(chunk):
        organisations = localize_objects([s.organisation for s in chunk if s.organisation], locale)
        by_key = {o.translation_key: organization_json(o, None) for o in organisations}
        network = organization_json(None, None)
        return [
            service_summary_json(
                s, by_key.get(s.organisation.translation_key, network) if s.organisation else network, request
            )
            for s in chunk
        ]

    def serialise(chunk):
        shown.extend(chunk)
        # The same services' summaries are the same for everyone until content changes.
        pks = [s.pk for s in chunk]
        return shared(f"oruk_services:{request.get_host()}:{locale.pk}:{digest(pks)}", lambda: summaries(chunk))

    return with_text_languages(paged(request, queryset, serialise), shown, locale)


@oruk_view
def service_detail(request, service_id):
    locale = get_locale(request)
    service_id = as_uuid(service_id)
    service = service_id and (published_services(locale).filter(translation_key=service_id).first())
    if service is None:
        return error(404, "No published service has this id.")
    organisation = localize_objects([service.organisation], locale)[0] if service.organisation else None
    categories = localize_objects(service.categories.all(), locale)
    areas = localize_objects(service.areas.all(), locale)
    return with_text_languages(
        json_response(service_json(service, organisation, categories, areas, request)), [service], locale
    )


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


def located_services(services):
    return services.exclude(latitude=None).exclude(longitude=None)


def proximity_metres(request):
    """``?proximity=``: a distance in metres (a positive number), or None."""
    value = request.GET.get("proximity", "").strip()
    if not value:
        return None
    try:
        metres = float(value)
    except ValueError:
        metres = None
    if metres is None or not math.isfinite(metres) or metres <= 0:
        raise InvalidParameter("proximity", "proximity must be a positive number of metres.")
    return metres


@oruk_view
def service_at_locations(request):
    locale = get_locale(request)
    services = located_services(filtered_services(request, locale))
    shown = []

    def serialise(chunk):
        shown.extend(service for service, _ in chunk)
        return [service_at_location_json(service, metres) for service, metres in chunk]

    postcode = guards.text(request.GET, "postcode", geo.MAX_QUERY_LENGTH)
    proximity = proximity_metres(request)
    if proximity is not None and not postcode:
        raise InvalidParameter("proximity", "proximity needs a postcode to measure from.")
    if not postcode:
        return with_text_languages(
            paged(request, services, lambda chunk: serialise([(service, None) for service in chunk])), shown, locale
        )
    code = geo.outward_code(postcode)
    place = geo.find_place(code) if code else None
    if place is None:
        raise InvalidParameter("postcode", "Unknown postcode.")
    # Nearest first, in metres from the postcode's centroid; with proximity, only those within it.
    items = [
        (
            service,
            geo.haversine_miles(place.latitude, place.longitude, service.latitude, service.longitude)
            * geo.METRES_PER_MILE,
        )
        for service in services
    ]
    items = sorted(
        ((service, metres) for service, metres in items if proximity is None or metres <= proximity),
        key=lambda item: item[1],
    )
    return with_text_languages(paged(request, items, serialise), shown, locale)


@oruk_view
def service_at_location_detail(request, sal_id):
    locale = get_locale(request)
    for service in located_services(published_services(locale)):
        if uid("service_at_location", service.translation_key) == as_uuid(sal_id):
            return with_text_languages(json_response(service_at_location_json(service)), [service], locale)
    return error(404, "No service at location has this id.")
