"""Phone numbers for every app: one model field, one tel: URI and one display.

Numbers are stored in E.164 (django-phonenumber-field). Short codes such as 101 have no E.164
form: they are stored and dialled as written. Text that is not a number (kept from before
numbers were validated) is stored as written, shown as written and given no tel: link.
This module imports no models: the 500 page uses it.
"""

import re
from dataclasses import dataclass
from functools import lru_cache, wraps

import phonenumbers
from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms import TextInput
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from phonenumber_field import formfields, modelfields
from phonenumber_field.phonenumber import PhoneNumber, to_python
from phonenumbers import shortnumberinfo


def region():
    return settings.PHONENUMBER_DEFAULT_REGION


def parse(value):
    """A PhoneNumber for typed text or a stored value; None when empty or not a number."""
    if not value:
        return None
    if isinstance(value, phonenumbers.PhoneNumber) and value.country_code:
        return value
    text = value.raw_input if isinstance(value, phonenumbers.PhoneNumber) else str(value)
    try:
        return PhoneNumber.from_string(text, region=region())
    except phonenumbers.NumberParseException:
        return None


def is_short_code(number):
    return not phonenumbers.is_valid_number(number) and phonenumbers.is_valid_short_number(number)


def is_number(number):
    """A short code, or a number of a possible length. Possible rather than valid: numbers from
    ranges newer than libphonenumber's data, or Ofcom's drama ranges (01632 960xxx), still count."""
    return number is not None and (is_short_code(number) or phonenumbers.is_possible_number(number))


def stored_form(value):
    """The text to store for typed text, and whether it is a number: E.164, a short code as
    dialled, or (not a number, or with an extension E.164 cannot hold) the text as written."""
    number = parse(value)
    if not is_number(number) or number.extension:
        return value, False
    return (national_digits(number) if is_short_code(number) else number.as_e164), True


def validate_number(value):
    if value and not stored_form(value)[1]:
        raise ValidationError(_("The phone number entered is not valid."), code="invalid")


def national_digits(number):
    """'08000121700' for +448000121700; '101' for the short code 101."""
    return re.sub(r"\D", "", phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL))


# Pages show the same few dozen numbers again and again, and libphonenumber's checks cost about
# a millisecond a number: tel_uri() and display() are kept for each number (lru_cache). A number
# is keyed by the fields its formatting reads, as PhoneNumber objects are not hashable by value.
_NUMBER_FIELDS = ("country_code", "national_number", "extension", "italian_leading_zero", "number_of_leading_zeros")


def _number_key(value):
    """A hashable stand-in for ``value`` that _from_key() turns back into an equal one, or None.
    Plain strings only: a SafeString's result must not be handed to a plain string's caller."""
    if type(value) is str:
        return value
    if type(value) is PhoneNumber:
        return tuple(getattr(value, field) for field in (*_NUMBER_FIELDS, "raw_input"))
    return None


def _from_key(key):
    if isinstance(key, str):
        return key
    return PhoneNumber(**dict(zip((*_NUMBER_FIELDS, "raw_input"), key, strict=True)))


def _kept_per_number(compute):
    """Decorator: ``compute(value, *args)`` kept for each number, arguments and default region."""

    @lru_cache(maxsize=1024)
    def kept(key, _region, *args):
        return compute(_from_key(key), *args)

    @wraps(compute)
    def formatted(value, *args, **kwargs):
        key = _number_key(value)
        if key is None or kwargs:
            return compute(value, *args, **kwargs)
        return kept(key, region(), *args)

    return formatted


@_kept_per_number
def tel_uri(value):
    """tel:+448000121700, or tel:101 for a short code; "" for text that is not a number."""
    number = parse(value)
    if number is None:
        return ""
    stored, is_a_number = stored_form(number)
    return f"tel:{stored}" if is_a_number else ""


def grouping_of(text, number):
    """How `text` groups the number's national digits ("08000 121 700" → "5 3 3"), or ""."""
    groups = re.findall(r"\d+", str(text))
    if number is None or "".join(groups) != national_digits(number):
        return ""
    return " ".join(str(len(group)) for group in groups)


def grouping_fits(grouping, number):
    sizes = re.findall(r"\d+", grouping)
    return number is not None and sum(map(int, sizes)) == len(national_digits(number))


@_kept_per_number
def display(value, grouping=""):
    """The number as people here dial it: national for local numbers, international otherwise.

    `grouping` ("5 3 3") keeps a number's publicised spacing where it differs from
    libphonenumber's: the Modern Slavery Helpline is publicised as 08000 121 700, which
    libphonenumber writes 0800 012 1700. Only group sizes are stored, never the digits twice.
    """
    number = parse(value)
    if number is None:
        return str(value or "")
    if number.country_code != phonenumbers.country_code_for_region(region()):
        return number.as_international
    digits = national_digits(number)
    if grouping and grouping_fits(grouping, number):
        groups, start = [], 0
        for size in map(int, grouping.split()):
            groups.append(digits[start : start + size])
            start += size
        return " ".join(groups)
    return digits if is_short_code(number) else number.as_national


def validate_short_code(value):
    """A UK short code such as 101 (validated, but it has no E.164 form)."""
    number = parse(value)
    if number is None or not shortnumberinfo.is_valid_short_number_for_region(number, region()):
        raise ValidationError(_("Enter a short number that can be dialled in the UK, such as 101."), code="invalid")


def validate_emergency_number(value):
    if not shortnumberinfo.is_emergency_number(str(value), region()):
        raise ValidationError(_("Enter an emergency number, such as 999 or 112."), code="invalid")


class PhoneInput(TextInput):
    """Shows a stored number as people dial it, and typed text exactly as typed."""

    input_type = "tel"

    def format_value(self, value):
        # A stored number arrives in E.164 (PhoneField.value_from_object); typed text has no "+".
        if isinstance(value, phonenumbers.PhoneNumber) or str(value or "").startswith("+"):
            value = display(value)
        return super().format_value(value)


class PhoneFormField(formfields.PhoneNumberField):
    default_validators = [validate_number]
    widget = PhoneInput


class PhoneField(modelfields.PhoneNumberField):
    """django-phonenumber-field's field, also taking short codes (101) and possible numbers."""

    default_validators = [validate_number]

    def from_db_value(self, value, expression, connection):
        # The library reads without the default region, so a stored "101" would not parse.
        return to_python(value, region=self.region)

    def get_prep_value(self, value):
        return stored_form(super().get_prep_value(value))[0]

    def value_from_object(self, obj):
        # Text, as wagtail-localize stores it in JSON for a translation's overridden number.
        return self.get_prep_value(super().value_from_object(obj))

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PhoneFormField, **kwargs})


def convert_column(queryset, field):
    """For data migrations: store `field`'s old free text in E.164 where it is a number.

    Other text is left as written (the field stores it unchanged and shows it, without a link).
    Returns the primary keys of the rows left as written.
    """
    kept = []
    for pk, text in queryset.exclude(**{field: ""}).values_list("pk", field):
        stored, is_number = stored_form(text)
        if not is_number:
            kept.append(pk)
        elif stored != text:
            queryset.filter(pk=pk).update(**{field: stored})
    return kept


@dataclass(frozen=True)
class FallbackHelpline:
    """A helpline from settings.NASN_FALLBACK_HELPLINES, shaped like home.models.Helpline."""

    name: str
    number: str
    hours: str = ""
    description: str = ""
    is_free: bool = True
    has_interpreters: bool = False

    @property
    def display_number(self):
        return display(self.number, grouping_of(self.number, parse(self.number)))

    @property
    def tel_uri(self):
        return tel_uri(self.number)


def fallback_helplines():
    """The helplines shown where the database is not used (the 500 page) or has none featured."""
    texts = ("name", "hours", "description")
    return [
        FallbackHelpline(**{key: gettext(value) if key in texts else value for key, value in helpline.items()})
        for helpline in settings.NASN_FALLBACK_HELPLINES
    ]
