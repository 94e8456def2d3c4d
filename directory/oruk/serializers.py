"""Services, locations, schedules and taxonomy terms as ORUK 3.0 JSON (omit, never null)."""

from django.utils.html import strip_tags
from django.utils.text import normalize_newlines

from directory import hours
from directory.oruk import TAXONOMY_ID, term_id, uid
from home.validators import safe_web_url

BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def compact(data):
    """Drop optional fields without a value (ORUK: omit, never null)."""
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def plain(text):
    return normalize_newlines(strip_tags(text or "")).strip()


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
            "website": safe_web_url(organisation.website),
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


def utc_offset(now=None):
    """Europe/London's offset at ``now`` as the UK profile writes it after a time: "Z" in
    winter (GMT), "+01:00" in summer (BST)."""
    offset = hours.local_now(now).utcoffset()
    if not offset:
        return "Z"
    minutes = int(offset.total_seconds()) // 60
    return f"{'+' if minutes > 0 else '-'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def schedules_json(service, now=None):
    """Weekly slots; their times are London wall-clock times, given with today's offset."""
    service_id = str(service.translation_key)
    zone = utc_offset(now)
    if service.open_24_7:
        return [
            {
                "id": uid("schedule", service.translation_key, "24/7"),
                "service_id": service_id,
                "freq": "WEEKLY",
                "byday": ",".join(BYDAY),
                "opens_at": f"00:00{zone}",
                "closes_at": f"23:59{zone}",
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
                    "opens_at": f"{opens}{zone}",
                    "closes_at": f"{closes}{zone}",
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


# The service fields service_summary_json reads (and the URL and language need): a summary
# list loads only these (ServicePage rows are wide; a phone number is parsed as it loads).
SUMMARY_FIELDS = [
    "translation_key",
    "locale",
    "url_path",
    "organisation",
    "title",
    "description",
    "email",
    "status",
    "cost",
    "cost_details",
    "who_for",
    "interpreters_available",
    "last_verified",
    "last_published_at",
    "latest_revision_created_at",
]


def service_summary_json(service, organization, request):
    """The one-to-one fields of a service (an item of /services); ``organization`` is its
    organisation's ``organization_json`` (made once for all the services it runs)."""
    return compact(
        {
            "id": str(service.translation_key),
            "organization_id": organization["id"],
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
            "organization": organization,
        }
    )


def service_json(service, organisation, categories, areas, request):
    """A fully nested service (/services/{id})."""
    data = service_summary_json(service, organization_json(organisation, service), request)
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
