"""The default Wagtail Site follows NASN_PUBLIC_ORIGIN, so every absolute URL has one origin.

Page URLs (hreflang alternates, the API's ``html_url``, the sitemap, ORUK ``url`` fields) are
built from the Site record's hostname and port; the API's ``detail_url`` and the ``find``
redirect from ``WAGTAILAPI_BASE_URL``; staff emails and image ``full_url`` from
``WAGTAILADMIN_BASE_URL``. The settings take the last two from NASN_PUBLIC_ORIGIN; this module
makes the Site record say the same after every ``migrate`` (a deploy step), and ``make run`` sets
NASN_PUBLIC_ORIGIN to the address it serves on.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from wagtail.models import Site


def site_address(origin):
    """(hostname, port) of the Site record whose ``root_url`` is ``origin``.

    Wagtail writes ``root_url`` as https only for port 443 and as http for any other port, so
    an origin such as https://host:8443 cannot be expressed and is refused.
    """
    parts = urlsplit(origin)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    if (parts.scheme == "https") != (port == 443):
        raise ImproperlyConfigured(
            f"NASN_PUBLIC_ORIGIN {origin!r} cannot be a Wagtail site address: use https on port 443, "
            "or http on any other port."
        )
    return parts.hostname, port


def sync_default_site(origin=None):
    """Point the default Site at ``origin`` (NASN_PUBLIC_ORIGIN by default); True if it changed."""
    origin = origin or settings.NASN_PUBLIC_ORIGIN
    if not origin:
        return False
    hostname, port = site_address(origin)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    site.save()  # save(), not update(): Wagtail's signal clears the cached site root paths
    return True


def sync_after_migrate(sender, using="default", **kwargs):
    if using == "default":
        sync_default_site()
