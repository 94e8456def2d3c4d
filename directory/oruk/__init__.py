"""A read-only Open Referral UK 3.0 (HSDS 3.0 profile) API over the service directory.

Mounted at /api/openreferral/ (directory/oruk_urls.py), outside the language prefixes. GET only,
no keys, ``Access-Control-Allow-Origin: *``; optional fields without a value are left out (no
nulls). Only live, public services in the requested locale (``?locale=``, default the source
language) are exported: drafts and private pages never are.

Identifiers are stable UUIDs: a service is its page's ``translation_key`` (the same in every
language), an organisation its snippet's ``translation_key``; locations, phones, schedules,
languages, service areas and taxonomy terms get deterministic uuid5 identifiers derived from those.

views.py answers the requests, serializers.py builds the JSON, schemas/ holds the ORUK schema
that ``manage.py import_oruk`` checks incoming services against.
"""

import uuid

# What the official ORUK validator reads at the root: "HSDS-UK-3.0" selects the 3.0 profile's rules
# (a bare "3.0" is taken for the default, older, profile).
ORUK_VERSION = "HSDS-UK-3.0"
ORUK_PROFILE = "https://open-referral-uk-profile.readthedocs.io/en/latest/"  # the profile's own pages
ORUK_OPENAPI_URL = "https://openreferraluk.org/specifications/3.0/openapi.json"
NAMESPACE = uuid.UUID("6c1f6a8e-3b0e-5d55-9f7a-6e6173616e61")  # fixed: never change (ids derive from it)
TAXONOMY_ID = str(uuid.uuid5(NAMESPACE, "taxonomy:service-categories"))


def uid(*parts):
    return str(uuid.uuid5(NAMESPACE, ":".join(str(part) for part in parts)))


def term_id(category):
    return uid("taxonomy_term", "category", category.slug)
