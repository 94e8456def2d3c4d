"""A read-only Open Referral UK 3.0 (HSDS 3.0 profile) API over the service directory.

Mounted at /api/openreferral/ (directory/oruk_urls.py), outside the language prefixes. GET only,
no keys, ``Access-Control-Allow-Origin: *``; optional fields without a value are left out (no
nulls). Only live, public services in the requested locale (``?locale=``, default the source
language) are exported: drafts and private pages never are.

Identifiers are stable UUIDs: a service is its page's ``translation_key`` (the same in every
language), an organisation its snippet's ``translation_key``; locations, phones, schedules,
languages, service areas and taxonomy terms get deterministic uuid5 identifiers derived from those.
"""

import datetime
import math
import uuid

from django.db.models import Q
from django.db.models.functions import Coalesce
from django.http import JsonResponse
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.html import strip_tags
from django.utils.text import normalize_newlines
from django.utils.timezone import is_naive, make_aware
from django.views.decorators.http import require_safe
from wagtail.models import Locale

from directory import geo
from directory.models import ServiceCategory, ServicePage
from home.localization import localize_objects

ORUK_VERSION = "3.0"
ORUK_PROFILE = "https://raw.githubusercontent.com/OpenReferralUK/uk-profile/main/profile"
ORUK_OPENAPI_URL = "https://raw.githubusercontent.com/OpenReferralUK/uk-profile/main/schema/openapi.json"
NAMESPACE = uuid.UUID("6c1f6a8e-3b0e-5d55-9f7a-6e6173616e61")  # fixed: never change (ids derive from it)
TAXONOMY_ID = str(uuid.uuid5(NAMESPACE, "taxonomy:service-categories"))
DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200
BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


class BadRequest(Exception):
    pass


def as_uuid(value):
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        return None


def uid(*parts):
    return str(uuid.uuid5(NAMESPACE, ":".join(str(part) for part in parts)))


def term_id(category):
    return uid("taxonomy_term", "category", category.slug)


def compact(data):
    """Drop optional fields without a value (ORUK: omit, never null)."""
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def plain(text):
    return normalize_newlines(strip_tags(text or "")).strip()


# Serialisation -------------------------------------------------------------------------------


def organization_json(organisation, service):
    if organisation is None:
        # ORUK requires an organisation: services without one are published by the network.
        return {
            "id": uid("organization", "nasn"),
            "name": "Norfolk Anti-Slavery Network",
            "description": "Services listed by the Norfolk Anti-Slavery Network.",
        }
    return compact(
        {
            "id": str(organisation.translation_key),
            "name": organisation.name,
            "description": organisation.description or organisation.name,
            "email": organisation.email,
            "website": organisation.website,
        }
    )


def location_json(service):
    location_id = uid("location", service.translation_key)
    address = None
    if service.address_line_1 and service.town and service.postcode:
        address = compact(
            {
                "id": uid("address", service.translation_key),
                "location_id": location_id,
                "address_1": ", ".join(line for line in (service.address_line_1, service.address_line_2) if line),
                "city": service.town,
                "state_province": "Norfolk",
                "postal_code": service.postcode,
                "country": "GB",
                "address_type": "physical",
            }
        )
    return compact(
        {
            "id": location_id,
            "location_type": "physical",
            "name": service.title,
            "description": plain(service.location_description),
            "latitude": float(service.latitude) if service.latitude is not None else None,
            "longitude": float(service.longitude) if service.longitude is not None else None,
            "addresses": [address] if address else [],
        }
    )


def has_location(service):
    return service.latitude is not None and service.longitude is not None


def service_at_location_json(service, proximity=None):
    location = location_json(service)
    data = {
        "id": uid("service_at_location", service.translation_key),
        "service_id": str(service.translation_key),
        "location_id": location["id"],
        "location": location,
    }
    if proximity is not None:
        data["proximity"] = round(proximity)
    return data


def schedules_json(service):
    service_id = str(service.translation_key)
    if service.open_24_7:
        return [
            {
                "id": uid("schedule", service.translation_key, "24/7"),
                "service_id": service_id,
                "freq": "WEEKLY",
                "byday": ",".join(BYDAY),
                "opens_at": "00:00",
                "closes_at": "23:59",
                "description": "Open 24 hours, 7 days a week",
            }
        ]
    schedules = []
    for slot in service.opening_hours.all():
        opens, closes = slot.opens.strftime("%H:%M"), slot.closes.strftime("%H:%M")
        schedules.append(
            compact(
                {
                    "id": uid("schedule", service.translation_key, slot.weekday, opens, closes),
                    "service_id": service_id,
                    "freq": "WEEKLY",
                    "byday": BYDAY[slot.weekday],
                    "opens_at": opens,
                    "closes_at": closes,
                    "description": "Closes the next day" if slot.closes <= slot.opens else "",
                    "notes": service.hours_notes,
                }
            )
        )
    return schedules


def taxonomy_term_json(category):
    return compact(
        {
            "id": term_id(category),
            "name": category.name,
            "description": category.description or category.name,
            "taxonomy_id": TAXONOMY_ID,
            "taxonomy": "NASN service categories",
            "term": category.slug,
        }
    )


def taxonomy_json():
    return {
        "id": TAXONOMY_ID,
        "name": "NASN service categories",
        "description": "The kinds of help in the Norfolk Anti-Slavery Network service directory.",
    }


def service_summary_json(service, organisation, request):
    """The one-to-one fields of a service (an item of /services)."""
    return compact(
        {
            "id": str(service.translation_key),
            "organization_id": organization_json(organisation, service)["id"],
            "name": service.title,
            "description": plain(service.description) or service.title,
            "url": service.get_full_url(request),
            "email": service.email,
            "status": service.status,
            "fees": service.get_cost_display() if service.cost != "free" else "",
            "fees_description": service.cost_details,
            "eligibility_description": service.who_for,
            "interpretation_services": "Interpreters available" if service.interpreters_available else "",
            "assured_date": service.last_verified.isoformat() if service.last_verified else None,
            "last_modified": (service.last_published_at or service.latest_revision_created_at).isoformat()
            if (service.last_published_at or service.latest_revision_created_at)
            else None,
            "organization": organization_json(organisation, service),
        }
    )


def service_json(service, organisation, categories, areas, request):
    """A fully nested service (/services/{id})."""
    data = service_summary_json(service, organisation, request)
    service_id = data["id"]
    if has_location(service):
        data["service_at_locations"] = [service_at_location_json(service)]
    if service.phone:
        data["phones"] = [
            {"id": uid("phone", service.translation_key), "service_id": service_id, "number": service.phone_display}
        ]
    data["schedules"] = schedules_json(service)
    data["languages"] = [
        {
            "id": uid("language", service.translation_key, language.code),
            "service_id": service_id,
            "name": language.name,
            "code": language.code,
        }
        for language in service.languages.all()
    ]
    data["service_areas"] = [
        compact(
            {
                "id": uid("service_area", service.translation_key, area.slug),
                "service_id": service_id,
                "name": area.name,
                "uri": f"http://statistics.data.gov.uk/id/statistical-geography/{area.gss_code}"
                if area.gss_code
                else "",
            }
        )
        for area in areas
    ]
    data["attributes"] = [
        {
            "id": uid("attribute", service.translation_key, category.slug),
            "link_id": service_id,
            "link_type": "service",
            "link_entity": "service",
            "taxonomy_term_id": term_id(category),
            "taxonomy_term": taxonomy_term_json(category),
        }
        for category in categories
    ]
    return compact(data)


# Requests ------------------------------------------------------------------------------------


def json_response(data, status=200):
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response


def error(status, message):
    return json_response({"status": status, "message": message}, status=status)


def oruk_view(view):
    @require_safe
    def wrapped(request, *args, **kwargs):
        if any("\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()):
            return error(400, "Parameters must not contain NUL characters.")
        try:
            return view(request, *args, **kwargs)
        except BadRequest as problem:
            return error(400, str(problem))

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def get_locale(request):
    code = request.GET.get("locale") or Locale.get_default().language_code
    locale = Locale.objects.filter(language_code=code[:20]).first()
    if locale is None:
        raise BadRequest("Unknown locale.")
    return locale


def positive_int(request, name, default, maximum=None):
    value = request.GET.get(name)
    if value in (None, ""):
        return default
    if not value.isdigit() or len(value) > 6 or int(value) < 1:
        raise BadRequest(f"{name} must be a positive whole number.")
    value = int(value)
    return min(value, maximum) if maximum else value


def parse_moment(value, name):
    try:
        moment = parse_datetime(value)
        if moment is None:
            day = parse_date(value)
            moment = datetime.datetime.combine(day, datetime.time()) if day else None
    except ValueError:
        moment = None
    if moment is None:
        raise BadRequest(f"{name} must be an ISO 8601 date or date-time.")
    return make_aware(moment) if is_naive(moment) else moment


def paged(request, items, serialise):
    per_page = positive_int(request, "per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE)
    page = positive_int(request, "page", 1)
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
    return ServicePage.objects.live().public().filter(locale=locale).order_by("title", "pk")


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
    search = request.GET.get("search", "").strip()[:200]
    if search:
        queryset = queryset.filter(
            Q(title__icontains=search)
            | Q(search_description__icontains=search)
            | Q(organisation__name__icontains=search)
        )
    term = request.GET.get("taxonomy_term_id")
    if term:
        term = as_uuid(term)
        if term is None:
            raise BadRequest("taxonomy_term_id must be a UUID.")
        matches = [c.slug for c in ServiceCategory.objects.filter(locale=Locale.get_default()) if term_id(c) == term]
        queryset = queryset.filter(categories__slug__in=matches).distinct()
    taxonomy = request.GET.get("taxonomy_id")
    if taxonomy and taxonomy != TAXONOMY_ID:
        queryset = queryset.none()
    modified_after = request.GET.get("modified_after")
    if modified_after:
        moment = parse_moment(modified_after, "modified_after")
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
    postcode = request.GET.get("postcode", "").strip()
    if postcode:
        code = geo.outward_code(postcode[: geo.MAX_QUERY_LENGTH])
        place = geo.find_place(code) if code else None
        if place is None:
            raise BadRequest("Unknown postcode.")
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
