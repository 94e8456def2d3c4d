"""One phone number type (home/phones.py): storage, links, display, validation, migrations."""

import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.template.loader import get_template
from django.test import override_settings
from django.utils import translation
from wagtail.admin.panels import get_edit_handler

from directory.models import ServicePage
from home import phones
from home.forms import HelplineForm
from home.models import Helpline, SiteSettings
from reports.models import Report
from tests.factories import HelplineFactory


def test_a_publicised_grouping_is_kept_as_group_sizes_only():
    number = phones.parse("08000 121 700")

    assert phones.grouping_of("08000 121 700", number) == "5 3 3"
    assert phones.display(number) == "0800 012 1700"  # libphonenumber's grouping
    assert phones.display(number, "5 3 3") == "08000 121 700"


def test_a_grouping_with_other_digits_is_not_taken():
    number = phones.parse("+448000121700")

    assert phones.grouping_of("0800 121 700", number) == ""  # the common typo
    assert phones.display(number, "3 3") == "0800 012 1700"


def test_links_and_display_for_short_codes_foreign_numbers_and_text():
    assert phones.tel_uri("999") == "tel:999"
    assert phones.display("101") == "101"
    assert phones.tel_uri("+48 512 345 678") == "tel:+48512345678"
    assert phones.display("+48512345678") == "+48 512 345 678"
    assert phones.tel_uri("ring the office") == ""
    assert phones.display("ring the office") == "ring the office"


def test_emergency_and_non_emergency_numbers_are_validated_short_codes():
    phones.validate_emergency_number("999")
    phones.validate_emergency_number("112")
    phones.validate_short_code("101")
    with pytest.raises(ValidationError):
        phones.validate_emergency_number("101")
    with pytest.raises(ValidationError):
        phones.validate_short_code("01603 123456")


@pytest.mark.django_db
def test_site_settings_refuse_a_number_that_is_not_an_emergency_number():
    settings = SiteSettings(emergency_number="123", non_emergency_number="101")

    with pytest.raises(ValidationError) as error:
        settings.clean_fields(exclude=["site"])

    assert "emergency_number" in error.value.message_dict


@pytest.mark.django_db
def test_a_helpline_stores_e164_and_shows_its_publicised_number():
    helpline = HelplineFactory(number="08000 121 700")
    helpline = Helpline.objects.get(pk=helpline.pk)

    assert Helpline.objects.filter(pk=helpline.pk, number="+448000121700").exists()
    assert helpline.display_number == "08000 121 700"
    assert helpline.tel == "+448000121700"
    assert helpline.tel_uri == "tel:+448000121700"
    helpline.save()  # read back as +448000121700: the grouping stays
    assert Helpline.objects.get(pk=helpline.pk).display_number == "08000 121 700"


@pytest.mark.django_db
def test_the_helpline_form_shows_the_publicised_number_and_refuses_nonsense():
    helpline = HelplineFactory(number="08000 121 700")
    form_class = get_edit_handler(Helpline).get_form_class()
    assert issubclass(form_class, HelplineForm)

    assert form_class(instance=helpline)["number"].value() == "08000 121 700"
    bound = form_class(instance=helpline, data={"number": "call us", "name": "X", "hours": "Any"})
    assert not bound.is_valid()
    assert "number" in bound.errors
    assert 'value="call us"' in str(bound["number"])  # shown again as typed


@pytest.mark.django_db
def test_a_short_code_helpline_is_accepted():
    helpline = HelplineFactory(number="101")
    helpline.full_clean()

    assert Helpline.objects.get(pk=helpline.pk).tel_uri == "tel:101"


class HelplineBeforeTheMigration:
    """A helpline as the migration sees it: number as typed, tel in E.164."""

    def __init__(self, helpline, number, tel):
        self.pk, self.name, self.number, self.tel, self.number_grouping = helpline.pk, helpline.name, number, tel, ""

    def save(self, update_fields):
        Helpline.objects.filter(pk=self.pk).update(**{name: getattr(self, name) for name in update_fields})


def as_before_the_migration(helpline, number, tel):
    """A stand-in for the migration's `apps`, holding the one helpline."""
    row = HelplineBeforeTheMigration(helpline, number, tel)
    manager = type("Manager", (), {"all": staticmethod(lambda: [row])})
    model = type("Model", (), {"objects": manager})
    return type("Apps", (), {"get_model": staticmethod(lambda *args: model)})


@pytest.mark.django_db
def test_the_helpline_migration_converts_and_keeps_the_grouping():
    helpline = HelplineFactory(number="08000 121 700")
    Helpline.objects.filter(pk=helpline.pk).update(number_grouping="")
    migration = importlib.import_module("home.migrations.0006_helpline_phone_number")

    migration.one_number(as_before_the_migration(helpline, "08000 121 700", "+448000121700"), None)

    helpline = Helpline.objects.get(pk=helpline.pk)
    assert helpline.number_grouping == "5 3 3"
    assert helpline.display_number == "08000 121 700"


@pytest.mark.django_db
def test_the_helpline_migration_refuses_numbers_that_disagree():
    helpline = HelplineFactory(number="08000 121 700")
    migration = importlib.import_module("home.migrations.0006_helpline_phone_number")

    with pytest.raises(RuntimeError, match="0800 121 700"):
        migration.one_number(as_before_the_migration(helpline, "0800 121 700", "+448000121700"), None)


@pytest.mark.django_db
def test_converting_old_text_keeps_what_is_not_a_number():
    keep = Report.objects.create(what_seen="x", contact_phone="after 6pm please", submission_key="k" * 64)
    convert = Report.objects.create(what_seen="y", submission_key="j" * 64)
    Report.objects.filter(pk=convert.pk).update(contact_phone="01603 123456")

    kept = phones.convert_column(Report.objects.all(), "contact_phone")

    assert kept == [keep.pk]
    assert Report.objects.filter(pk=convert.pk, contact_phone="+441603123456").exists()
    assert str(Report.objects.get(pk=keep.pk).contact_phone) == "after 6pm please"


def test_service_pages_show_numbers_nationally():
    page = ServicePage(phone="+441603123456")

    assert page.phone_display == "01603 123456"
    assert page.phone_uri == "tel:+441603123456"
    assert apps.get_model("directory", "ServicePage")._meta.get_field("phone").__class__ is phones.PhoneField


@override_settings(
    NASN_FALLBACK_EMERGENCY_NUMBER="112",
    NASN_FALLBACK_HELPLINES=[{"name": "Test line", "number": "08000 121 700", "has_interpreters": True}],
)
def test_the_error_page_takes_its_numbers_from_settings():
    with translation.override("ar"):
        html = get_template("500.html").render({})

    assert 'href="tel:112"' in html
    assert "Test line" in html
    assert 'href="tel:+448000121700"><bdi dir="ltr" class="ltr">08000 121 700</bdi>' in html
    assert "Modern Slavery" not in html


def test_admin_inputs_show_stored_numbers_nationally_and_typed_text_as_typed():
    widget = phones.PhoneInput()

    assert widget.format_value("+441603123456") == "01603 123456"
    assert widget.format_value("01603123456") == "01603123456"
    assert widget.format_value("call us") == "call us"
