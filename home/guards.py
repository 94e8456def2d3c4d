"""Checks on query-string parameters, shared by every surface (site pages, the API, the ORUK feed).

Each helper returns a clean value or raises ``InvalidParameter`` naming the parameter; each
surface turns that exception into its own error response in one place.
"""

import datetime
import re
import uuid

from django.utils.dateparse import parse_date, parse_datetime
from django.utils.timezone import is_naive, make_aware

from .request_cache import all_locales

NUL = "\x00"
POSITIVE_INT = re.compile(r"[0-9]{1,6}")
# The longest search any surface accepts (the site search, the content API, the ORUK feed): far
# beyond a real question, well below what makes a search backend's query builder recurse too deep
# (a 150-word query was a RecursionError) or a log line huge.
MAX_SEARCH_WORDS = 100
MAX_SEARCH_CHARS = 500


class InvalidParameter(ValueError):
    """A query parameter with a value that cannot be used; ``str()`` is the message."""

    def __init__(self, param, message):
        super().__init__(message)
        self.param = param
        self.message = message


def check_no_nul(query):
    """Reject a query (a QueryDict) with a NUL character in any name or value: PostgreSQL
    refuses them in SQL parameters."""
    for key, values in query.lists():
        if any(NUL in value for value in [key, *values]):
            raise InvalidParameter(key.replace(NUL, ""), "null characters are not allowed")


def text(query, name, max_length, default=""):
    """A free-text parameter without surrounding spaces, cut to ``max_length`` characters."""
    return (query.get(name) or default).strip()[:max_length]


def search_text(query, name):
    """A search parameter without surrounding spaces, refused (not cut) when over the limits."""
    value = (query.get(name) or "").strip()
    if len(value) > MAX_SEARCH_CHARS or len(value.split()) > MAX_SEARCH_WORDS:
        raise InvalidParameter(name, search_too_long_message(name))
    return value


def search_too_long_message(name):
    return f"{name} is too long: at most {MAX_SEARCH_WORDS} words and {MAX_SEARCH_CHARS} characters."


def positive_int(query, name, default, maximum=None):
    """A whole number from 1, ``default`` when absent; values over ``maximum`` become ``maximum``."""
    value = query.get(name)
    if value in (None, ""):
        return default
    if not POSITIVE_INT.fullmatch(value) or int(value) < 1:
        raise InvalidParameter(name, f"{name} must be a positive whole number.")
    return min(int(value), maximum) if maximum else int(value)


def uuid_value(value, name):
    """``value`` as a canonical UUID string."""
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        raise InvalidParameter(name, f"{name} must be a UUID.") from None


def moment(value, name):
    """An ISO 8601 date or date-time as an aware datetime (a date is its midnight)."""
    try:
        parsed = parse_datetime(value)
        if parsed is None:
            day = parse_date(value)
            parsed = datetime.datetime.combine(day, datetime.time()) if day else None
    except ValueError:
        parsed = None
    if parsed is None:
        raise InvalidParameter(name, f"{name} must be an ISO 8601 date or date-time.")
    return make_aware(parsed) if is_naive(parsed) else parsed


def locale(code, name="locale"):
    """The Locale with this language code."""
    locales = all_locales()
    found = locales.get(code[:20])
    if found is None:
        codes = ", ".join(sorted(locales, key=lambda known: locales[known].pk))
        raise InvalidParameter(name, f"unknown locale '{code}'; use one of: {codes}")
    return found
