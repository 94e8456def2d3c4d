"""A service with a postcode or town but no coordinates takes them from the Place table.

Without coordinates a service is listed as "available anywhere", however local it is.
"""

import io
import json
import tempfile
import uuid
from decimal import Decimal
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import TestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text

from directory.models import Place, PlaceKind, ServicePage
from tests.factories import (
    AreaFactory,
    DirectoryIndexPageFactory,
    ServiceCategoryFactory,
    ServicePageFactory,
    home_page,
)
from tests.utils import AdminTestCase

UNKNOWN_PLACE = "The directory does not know where “%s” is"


def coordinates(obj):
    return (obj.latitude, obj.longitude)


class ServiceLocationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = DirectoryIndexPageFactory(parent=home_page())
        # Made-up places with made-up coordinates, so the tests do not depend on the seeded ones.
        cls.outcode = Place.objects.create(
            name="NR99", kind=PlaceKind.OUTCODE, latitude=Decimal("52.1"), longitude=Decimal("1.1")
        )
        cls.town = Place.objects.create(
            name="Little Snoring", kind=PlaceKind.TOWN, latitude=Decimal("52.2"), longitude=Decimal("1.2")
        )

    def service(self, **fields):
        return ServicePageFactory(parent=self.index, **fields)

    def test_a_full_postcode_gives_its_outward_codes_coordinates(self):
        service = self.service(postcode="nr99 1ab")

        service.refresh_from_db()
        self.assertEqual(coordinates(service), coordinates(self.outcode))

    def test_a_town_alone_gives_the_towns_coordinates(self):
        service = self.service(town="Little  snoring")

        self.assertEqual(coordinates(service), coordinates(self.town))

    def test_the_postcode_comes_before_the_town(self):
        service = self.service(town="Little Snoring", postcode="NR99 1AB")

        self.assertEqual(coordinates(service), coordinates(self.outcode))

    def test_an_unknown_postcode_falls_back_to_a_known_town(self):
        service = self.service(town="Little Snoring", postcode="ZZ98 1AB")

        self.assertEqual(coordinates(service), coordinates(self.town))

    def test_an_unknown_postcode_is_a_validation_error_on_the_postcode(self):
        with self.assertRaises(ValidationError) as raised:
            self.service(town="Nowhere Magna", postcode="ZZ98 1AB")

        self.assertEqual(list(raised.exception.message_dict), ["postcode"])
        self.assertIn(UNKNOWN_PLACE % "ZZ98", raised.exception.message_dict["postcode"][0])
        self.assertFalse(ServicePage.objects.filter(town="Nowhere Magna").exists())

    def test_an_unknown_town_is_a_validation_error_on_the_town(self):
        with self.assertRaises(ValidationError) as raised:
            self.service(town="Nowhere Magna")

        self.assertEqual(list(raised.exception.message_dict), ["town"])
        self.assertIn(UNKNOWN_PLACE % "Nowhere Magna", raised.exception.message_dict["town"][0])

    def test_coordinates_entered_by_the_editor_are_kept(self):
        service = self.service(postcode="NR99 1AB", latitude=Decimal("52.5"), longitude=Decimal("0.5"))

        self.assertEqual(coordinates(service), (Decimal("52.5"), Decimal("0.5")))

    def test_a_service_without_an_address_stays_available_anywhere(self):
        service = self.service()

        self.assertEqual(coordinates(service), (None, None))

    def test_half_a_pair_of_coordinates_is_refused(self):
        with self.assertRaises(ValidationError) as raised:
            self.service(postcode="NR99 1AB", latitude=Decimal("52.5"))

        self.assertEqual(list(raised.exception.message_dict), ["longitude"])

    def test_a_new_draft_revision_gets_the_coordinates_too(self):
        service = self.service()
        service.postcode = "NR99 1AB"

        revision = service.save_revision()

        self.assertEqual(coordinates(revision.as_object()), coordinates(self.outcode))


class ServiceLocationAdminTests(AdminTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.index = DirectoryIndexPageFactory(parent=home_page())
        cls.category = ServiceCategoryFactory()
        cls.area = AreaFactory()
        cls.place = Place.objects.create(
            name="NR99", kind=PlaceKind.OUTCODE, latitude=Decimal("52.1"), longitude=Decimal("1.1")
        )

    def form_data(self, postcode):
        data = nested_form_data(
            {
                "title": "Drop-in clinic",
                "slug": "drop-in-clinic",
                "status": "active",
                "description": rich_text("<p>Advice in confidence.</p>"),
                "postcode": postcode,
                "access": "self",
                "cost": "free",
                "last_verified": "2026-01-15",
                "opening_hours-TOTAL_FORMS": "0",
                "opening_hours-INITIAL_FORMS": "0",
                "opening_hours-MIN_NUM_FORMS": "0",
                "opening_hours-MAX_NUM_FORMS": "1000",
            }
        )
        data.update(categories=[str(self.category.pk)], areas=[str(self.area.pk)], **{"action-publish": "publish"})
        return data

    def test_a_service_added_with_only_a_postcode_is_placed_near_it(self):
        page = self.create_through_admin(ServicePage, self.index, self.form_data("NR99 4AB"))

        self.assertEqual(coordinates(page), coordinates(self.place))

    def test_an_unknown_postcode_is_shown_on_the_form(self):
        response = self.client.post(self.add_url(ServicePage, self.index), self.form_data("ZZ98 4AB"))

        self.assertEqual(response.status_code, 200)
        (error,) = response.context["form"].errors["postcode"]
        self.assertIn(UNKNOWN_PLACE % "ZZ98", error)
        self.assertContains(response, "The page could not be created due to validation errors")
        self.assertFalse(ServicePage.objects.filter(slug="drop-in-clinic").exists())


class ServiceLocationImportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = DirectoryIndexPageFactory(parent=home_page())
        cls.place = Place.objects.create(
            name="NR99", kind=PlaceKind.OUTCODE, latitude=Decimal("52.1"), longitude=Decimal("1.1")
        )

    def run_import(self, records):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "feed.json"
            path.write_text(json.dumps(records), encoding="utf-8")
            out, err = io.StringIO(), io.StringIO()
            call_command("import_oruk", str(path), stdout=out, stderr=err)
        return out.getvalue(), err.getvalue()

    def record(self, name, postcode):
        address = {
            "id": str(uuid.uuid4()),
            "address_1": "1 Elm Hill",
            "city": "",
            "state_province": "Norfolk",
            "postal_code": postcode,
            "country": "GB",
            "address_type": "physical",
        }
        location = {"id": str(uuid.uuid4()), "location_type": "physical", "addresses": [address]}
        return {
            "id": str(uuid.uuid4()),
            "name": name,
            "status": "active",
            "service_at_locations": [{"id": str(uuid.uuid4()), "location": location}],
        }

    def test_imported_services_with_a_postcode_get_its_coordinates(self):
        output, errors = self.run_import([self.record("Clinic", "NR99 1AB")])

        self.assertIn("1 created", output)
        self.assertEqual(errors, "")
        draft = ServicePage.objects.get(title="Clinic").get_latest_revision_as_object()
        self.assertEqual(coordinates(draft), coordinates(self.place))
        draft.get_latest_revision().publish()
        self.assertEqual(coordinates(ServicePage.objects.live().get(title="Clinic")), coordinates(self.place))

    def test_an_unknown_postcode_skips_the_record_with_the_reason(self):
        output, errors = self.run_import([self.record("Clinic", "NR99 1AB"), self.record("Far away", "ZZ98 1AB")])

        self.assertIn("1 created, 0 updated, 0 unchanged, 1 skipped", output)
        self.assertIn("record 2", errors)
        self.assertIn(UNKNOWN_PLACE % "ZZ98", errors)
        self.assertFalse(ServicePage.objects.filter(title="Far away").exists())
