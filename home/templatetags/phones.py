"""Phone numbers in templates, from home.phones. Imports no models: the 500 page loads it."""

from django import template
from django.conf import settings

from home import phones

register = template.Library()


@register.filter
def tel_uri(value):
    """{{ settings.home.SiteSettings.emergency_number|tel_uri }} → tel:999."""
    return phones.tel_uri(value)


@register.filter
def phone_display(value):
    """A stored or typed number as people dial it: {{ report.contact_phone|phone_display }}."""
    return phones.display(value)


@register.simple_tag
def fallback_numbers():
    """The emergency number and 24-hour helplines from settings, for pages that cannot use the database."""
    return {
        "emergency": settings.NASN_FALLBACK_EMERGENCY_NUMBER,
        "helplines": phones.fallback_helplines(),
    }
