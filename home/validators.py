"""Web addresses from editors, imports and old data: one rule for every place a URL is stored
or rendered.

Only ``http``/``https`` addresses with a host are accepted (the site's URL fields mean a web
page; emails and phone numbers have their own fields). Browsers ignore whitespace and control
characters inside a scheme and decode entities in attributes, so ``java\\tscript:``,
``javascript&colon;`` and ``%6Aavascript:`` are judged by their scheme after undoing all of that.
This module imports no models.
"""

import html
import re
from urllib.parse import unquote

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

WEB_SCHEMES = ("http", "https")
INVISIBLE = re.compile(r"[\x00-\x20\x7f-\xa0\u200b-\u200f\u2028-\u202f\u2060\ufeff\ufffd`]")
url_validator = URLValidator(schemes=list(WEB_SCHEMES))


def scheme(value):
    """The scheme a browser would see in ``value`` (lower case), "" when there is none."""
    seen = INVISIBLE.sub("", unquote(html.unescape(html.unescape(value)))).lower()
    name, colon, _rest = seen.partition(":")
    return name if colon and re.fullmatch(r"[a-z][a-z0-9+.-]*", name) else ""


def is_web_url(value):
    """True for an http(s) address with a host, written plainly (no spaces or control characters)."""
    if not isinstance(value, str) or not value or INVISIBLE.search(value) or scheme(value) not in WEB_SCHEMES:
        return False
    try:
        url_validator(value)
    except ValidationError:
        return False
    return True


@deconstructible
class WebURLValidator:
    """For model and form fields: reject anything but a plain http(s) address."""

    message = _("Enter a web address starting with https:// or http://.")
    code = "invalid_web_url"

    def __call__(self, value):
        if value and not is_web_url(value):
            raise ValidationError(self.message, code=self.code)

    def __eq__(self, other):
        return isinstance(other, WebURLValidator)


validate_web_url = WebURLValidator()


def safe_web_url(value):
    """``value`` if it may be rendered as a link, else "" (old data stored before the rule)."""
    return value if value and is_web_url(value) else ""
