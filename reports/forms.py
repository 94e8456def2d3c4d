import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.db import IntegrityError, transaction
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from directory.models import Area, AreaKind
from home import phones
from home.localization import localize_objects
from home.models import Helpline

from . import protection
from .models import Report, WhoAffected

# Control characters (bar tab and line breaks), lone surrogates and U+FFFD, which is what
# undecodable bytes in a request become: signs of a broken encoding, not of a person typing.
UNREADABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffd]")


def validate_readable(value):
    if UNREADABLE.search(value):
        raise ValidationError(
            _("Some characters could not be read. Please check this answer and type them again."),
            code="unreadable",
        )


class PlainTextMixin:
    """A text field for people, with one plain message for unreadable characters.

    It sets no ``maxlength`` attribute: a browser silently cuts pasted text at that length,
    whereas the server says how much too long the text is and shows it all again.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("error_messages", {})
        kwargs["error_messages"].setdefault(
            "max_length",
            _("Please shorten this to %(limit_value)d characters or fewer. It has %(show_value)d."),
        )
        super().__init__(**kwargs)
        # validate_readable covers NUL characters, with a plainer message than Django's.
        self.validators = [v for v in self.validators if not isinstance(v, ProhibitNullCharactersValidator)]
        self.validators.append(validate_readable)

    def to_python(self, value):
        value = super().to_python(value)
        # Browsers send line breaks as CRLF; count them as one character, as the reporter does.
        return value.replace("\r\n", "\n").replace("\r", "\n") if value else value

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        return attrs


class PlainCharField(PlainTextMixin, forms.CharField):
    pass


class PlainEmailField(PlainTextMixin, forms.EmailField):
    pass


class PlainPhoneField(PlainCharField):
    """A phone number in E.164. Text that is not one gets an error and is shown again as typed."""

    def clean(self, value):
        value = super().clean(value)
        stored, is_number = phones.stored_form(value)
        if value and not is_number:
            raise ValidationError(
                _(
                    "Check this phone number: it needs all its digits, and a number from outside the UK "
                    "starts with + and the country code. Or leave it blank."
                ),
                code="invalid_phone",
            )
        return stored


def first_helpline():
    """The first featured helpline, in the visitor's language; on a new site, one from settings."""
    featured = localize_objects(Helpline.featured(Locale.get_default())[:1])
    return featured[0] if featured else phones.fallback_helplines()[0]


class DistrictChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return self.labels.get(obj.pk, obj.name)


class ReportForm(forms.Form):
    """The public report form. The view applies the rate limit (protection.take_report_slot)."""

    what_seen = PlainCharField(
        label=_("What did you see or hear?"),
        help_text=_(
            "Tell us in your own words what worried you. Include anything that might help, such as "
            "people, vehicles, businesses or times. Up to 5,000 characters."
        ),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Tell us what you saw or heard.")},
    )
    location = PlainCharField(
        label=_("Where did it happen?"),
        help_text=_("An address, a street, a business name or a town, if you know it."),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    district = DistrictChoiceField(
        label=_("Which part of Norfolk?"),
        queryset=Area.objects.none(),
        required=False,
        empty_label=_("I don't know"),
        error_messages={"invalid_choice": _("Choose a part of Norfolk from the list, or “I don't know”.")},
    )
    when_seen = PlainCharField(
        label=_("When did you see it?"),
        help_text=_("For example “last Tuesday evening” or “most mornings at 6am”."),
        max_length=200,
        required=False,
    )
    contact_name = PlainCharField(label=_("Your name"), max_length=200, required=False)
    contact_phone = PlainPhoneField(label=_("Phone number"), max_length=40, required=False)
    contact_email = PlainEmailField(
        label=_("Email address"),
        max_length=254,
        required=False,
        error_messages={"invalid": _("Enter an email address like name@example.com, or leave it blank.")},
    )
    who_affected = forms.ChoiceField(
        label=_("Is this happening to you?"),
        help_text=_("You do not have to answer."),
        choices=WhoAffected.choices,
        widget=forms.RadioSelect,
        required=False,
        error_messages={"invalid_choice": _("Choose one of the answers.")},
    )
    # A honeypot: hidden from people (CSS class, see the template), filled in by bots.
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    token = forms.CharField(widget=forms.HiddenInput, required=False)

    contact_fields = ("contact_name", "contact_phone", "contact_email")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        district = self.fields["district"]
        district.queryset = Area.objects.filter(kind=AreaKind.DISTRICT, locale=Locale.get_default())
        # Values are the source (English) areas; names are shown in the visitor's language.
        sources = list(district.queryset)
        district.labels = {
            source.pk: translated.name for source, translated in zip(sources, localize_objects(sources), strict=True)
        }
        for name in self.contact_fields:
            self.fields[name].widget.attrs["autocomplete"] = "off"
        # A number or address typed on a right-to-left page keeps its written order.
        for name in ("contact_phone", "contact_email"):
            self.fields[name].widget.attrs["dir"] = "ltr"
        self.fields["contact_phone"].widget.input_type = "tel"
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.Textarea):
                widget.attrs["class"] = "field__textarea"
            elif isinstance(widget, forms.Select) and not isinstance(widget, forms.RadioSelect):
                widget.attrs["class"] = "field__select"
            elif isinstance(widget, forms.RadioSelect):
                widget.attrs["class"] = "field__radio-input"
            elif not widget.is_hidden:
                widget.attrs["class"] = "field__input"

    def clean(self):
        cleaned_data = super().clean()
        if self.data.get("website"):
            # Said plainly, without telling a bot what gave it away.
            raise ValidationError(
                _("Your report could not be sent. Please check it, then press “Send report” again."),
                code="honeypot",
            )
        try:
            age = protection.token_age(self.data.get("token", ""))
        except protection.TokenError:
            raise ValidationError(
                _(
                    "This form was open for a long time and has expired. Your report is still here: "
                    "please press “Send report” again."
                ),
                code="expired",
            ) from None
        if age < settings.REPORTS_MIN_FILL_SECONDS:
            raise ValidationError(
                _("That was very quick. Please check your report, then press “Send report” again."),
                code="too_fast",
            )
        return cleaned_data

    def refuse_as_rate_limited(self):
        helpline = first_helpline()
        self.add_error(
            None,
            ValidationError(
                _(
                    "Too many reports have been sent from your connection recently. Please try again later, "
                    "or call %(helpline)s on %(number)s."
                ),
                code="rate_limited",
                params={"helpline": helpline.name, "number": helpline.display_number},
            ),
        )

    def reporter_fields(self):
        """The fields a reporter sees, in order (not the honeypot or the token)."""
        return [self[name] for name in self.fields if name not in ("website", "token")]

    def error_summary(self):
        """The errors for the summary at the top of the page: [(id of the field or None, message)]."""
        summary = [(None, error) for error in self.non_field_errors()]
        for field in self.reporter_fields():
            # A radio group has no single labelled control: link to its first radio.
            anchor = field.id_for_label or f"{field.auto_id}_0"
            summary += [(anchor, error) for error in field.errors]
        return summary

    def submission_key(self):
        return protection.submission_key(self.data["token"])

    def is_replay(self):
        """This form (its token) has been sent and stored already: a double click, Reload."""
        return Report.objects.filter(submission_key=self.submission_key()).exists()

    def save(self, page):
        """Store the report once per form token. Returns the new report, or None for a replay.

        Any other failure to store it raises: the view then shows the reporter their text again.
        """
        data = self.cleaned_data
        key = self.submission_key()
        try:
            with transaction.atomic():
                report = Report.objects.create(
                    what_seen=data["what_seen"],
                    location=data["location"],
                    district=data["district"],
                    when_seen=data["when_seen"],
                    contact_name=data["contact_name"],
                    contact_phone=data["contact_phone"],
                    contact_email=data["contact_email"],
                    who_affected=data["who_affected"],
                    page=page,
                    locale_code=get_language() or "",
                    submission_key=key,
                )
        except IntegrityError:
            # The same token sent twice at once is stored once: a replay. Any other constraint
            # failing (or this key's report not there after all) means this report is not stored.
            if self.is_replay():
                return None
            raise
        return report
