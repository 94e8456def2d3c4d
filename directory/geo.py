"""Place search without geolocation or a network geocoder.

A visitor types a town or a postcode. A full postcode is reduced to its outward code ("NR2 4AB" →
"NR2") straight away and never stored or logged; the outward code or town is looked up in the
``Place`` table the site holds (seeded with Norfolk's towns and outward codes, and refreshable from
the ONS Postcode Directory with ``manage.py import_postcodes``).
"""

import math
import re

EARTH_RADIUS_MILES = 3958.8
METRES_PER_MILE = 1609.344

# Outward code, then an optional inward code (full postcode) or sector digit ("NR2 4").
POSTCODE_RE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)(?:\s*([0-9][A-Z]{2}|[0-9]))?$")
MAX_QUERY_LENGTH = 80


def outward_code(text):
    """The outward code of a postcode or outward code (any case and spacing), else ``None``."""
    compact = re.sub(r"\s+", " ", text or "").strip().upper()
    match = POSTCODE_RE.match(compact)
    if match is None:
        # "NR24AB" without a space: the inward code is always digit + two letters.
        squeezed = compact.replace(" ", "")
        match = re.match(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$", squeezed)
    return match.group(1) if match else None


def place_key(text):
    """The lookup key for what a visitor typed: an outward code, or a normalised town name."""
    text = (text or "")[:MAX_QUERY_LENGTH]
    code = outward_code(text)
    if code:
        return code
    name = re.sub(r"[\s\-]+", " ", text).strip().casefold()
    name = name.replace("’", "'")
    return re.sub(r"[^\w' ]", "", name)


def find_place(text):
    """The Place for a town or postcode, or ``None``. Never keeps the full postcode."""
    from directory.models import Place

    key = place_key(text)
    if not key:
        return None
    return Place.objects.filter(key=key).first()


def haversine_miles(lat1, lon1, lat2, lon2):
    lat1, lon1, lat2, lon2 = (math.radians(float(value)) for value in (lat1, lon1, lat2, lon2))
    a = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_MILES * math.asin(math.sqrt(a))


def is_available_anywhere(service):
    """National or phone-only services: no coordinates, or an area of kind national.

    Reads ``service.areas.all()``, so prefetch ``areas`` when listing.
    """
    if service.latitude is None or service.longitude is None:
        return True
    return any(area.kind == "national" for area in service.areas.all())


def sort_by_distance(services, place):
    """Split services into (nearby sorted by distance, available anywhere).

    Each nearby service gets ``distance_miles``.
    """
    nearby, anywhere = [], []
    for service in services:
        if is_available_anywhere(service):
            anywhere.append(service)
            continue
        service.distance_miles = haversine_miles(place.latitude, place.longitude, service.latitude, service.longitude)
        nearby.append(service)
    nearby.sort(key=lambda service: (service.distance_miles, service.title))
    return nearby, anywhere
