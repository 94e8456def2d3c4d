"""manage.py import_oruk: an ORUK feed into draft service pages; export → import round trip."""

import datetime
import io
import json
import tempfile
import uuid
from decimal import Decimal
from pathlib import Path
from unittest import mock

from django.core.management import CommandError, call_command
from django.test import TestCase
from wagtail.models import Revision

from directory.management.commands.import_oruk import Command
from directory.models import AreaKind, OpeningHours, Organisation, ServicePage
from tests.factories import (
    AreaFactory,
    DirectoryIndexPageFactory,
    LanguageFactory,
    OrganisationFactory,
    ServiceCategoryFactory,
    ServicePageFactory,
    home_page,
)

BASE = "/api/openreferral/"
VOLATILE = {"url", "last_modified"}


def without_volatile(service):
    return {key: value for key, value in service.items() if key not in VOLATILE}


class ImportOrukTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = DirectoryIndexPageFactory(parent=home_page())
        cls.legal = ServiceCategoryFactory(name="Legal advice", slug="legal-advice")
        cls.housing = ServiceCategoryFactory(name="Safe housing", slug="safe-housing")
        cls.norwich = AreaFactory(name="Norwich", slug="norwich", gss_code="E07000148")
        cls.national = AreaFactory(name="Anywhere in the UK", slug="uk", kind=AreaKind.NATIONAL)
        cls.polish = LanguageFactory(code="pl", name="Polish", native_name="Polski")

    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self._tmp.cleanup)
        self.tmp = Path(self._tmp.name)

    def write(self, data, name="feed.json"):
        path = self.tmp / name
        path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
        return str(path)

    def run_import(self, data):
        out, err = io.StringIO(), io.StringIO()
        call_command("import_oruk", self.write(data), stdout=out, stderr=err)
        return out.getvalue(), err.getvalue()

    def make_services(self):
        org = OrganisationFactory(name="Norfolk Law Centre", description="A law centre", email="law@example.org")
        clinic = ServicePageFactory(
            parent=self.index,
            title="Legal clinic",
            organisation=org,
            categories=[self.legal],
            areas=[self.norwich],
            languages=[self.polish],
            phone="01603 123456",
            email="clinic@example.org",
            website="https://clinic.example.org/",
            address_line_1="1 Elm Hill",
            town="Norwich",
            postcode="NR3 1HN",
            latitude=Decimal("52.630900"),
            longitude=Decimal("1.297400"),
            who_for="Adults",
            interpreters_available=True,
            hours_notes="Closed on bank holidays",
        )
        OpeningHours.objects.create(service=clinic, weekday=4, opens=datetime.time(20), closes=datetime.time(2))
        OpeningHours.objects.create(service=clinic, weekday=0, opens=datetime.time(9), closes=datetime.time(17))
        ServicePageFactory(
            parent=self.index, title="Helpline", categories=[self.housing], areas=[self.national], open_24_7=True
        )

    def export(self):
        listing = self.client.get(BASE + "services").json()["contents"]
        return [self.client.get(f"{BASE}services/{item['id']}").json() for item in listing]

    def publish_all(self):
        for page in ServicePage.objects.all():
            page.get_latest_revision().publish()

    def test_round_trip_export_import_into_an_empty_site(self):
        self.make_services()
        exported = self.export()
        self.assertEqual(len(exported), 2)
        ServicePage.objects.all().delete()
        Organisation.objects.all().delete()

        output, errors = self.run_import(exported)
        self.assertIn("2 created, 0 updated", output)
        self.assertEqual(errors, "")
        self.assertFalse(ServicePage.objects.live().exists(), "imports are drafts")
        self.assertEqual(self.client.get(BASE + "services").json()["total_items"], 0)

        self.publish_all()
        self.assertEqual([without_volatile(s) for s in self.export()], [without_volatile(s) for s in exported])

    def test_reimport_updates_by_id(self):
        self.make_services()
        exported = self.export()
        ServicePage.objects.all().delete()
        self.run_import(exported)
        exported[0]["name"] = "Helpline (renamed)"
        output, _ = self.run_import(exported)
        self.assertIn("0 created, 1 updated, 1 unchanged, 0 skipped", output)
        self.assertEqual(ServicePage.objects.count(), 2)
        page = ServicePage.objects.get(translation_key=exported[0]["id"])
        self.assertEqual(page.get_latest_revision_as_object().title, "Helpline (renamed)")
        self.assertFalse(page.live)

    def test_reimport_of_a_live_service_leaves_the_live_version_alone(self):
        self.make_services()
        exported = self.export()
        exported[0]["name"] = "Changed by the feed"
        self.run_import(exported)
        page = ServicePage.objects.get(translation_key=exported[0]["id"])
        self.assertTrue(page.live)
        self.assertEqual(page.title, "Helpline")
        self.assertTrue(page.has_unpublished_changes)

    def test_malformed_records_are_reported_one_by_one(self):
        good = {"id": str(uuid.uuid4()), "name": "Good service", "status": "active", "description": "Helps."}
        feed = [
            good,
            {"id": "not-a-uuid", "name": "Bad id"},
            {"id": str(uuid.uuid4()), "status": "active"},
            {"id": str(uuid.uuid4()), "name": "Bad status", "status": "open"},
            {"id": str(uuid.uuid4()), "name": "Bad hours", "schedules": [{"id": "x", "byday": "XX", "opens_at": "9"}]},
            {
                "id": str(uuid.uuid4()),
                "name": "Bad organisation",
                "organization": {"id": "nope", "name": "Org"},
            },
            "a string",
        ]
        output, errors = self.run_import(feed)
        self.assertIn("Draft services: 1 created, 0 updated, 0 unchanged, 6 skipped", output)
        lines = errors.strip().splitlines()
        self.assertEqual(len(lines), 6)
        self.assertIn("record 2 (not-a-uuid): id must be a UUID", lines[0])
        self.assertIn("record 3", lines[1])
        self.assertIn("name is missing", lines[1])
        self.assertEqual(list(ServicePage.objects.values_list("title", flat=True)), ["Good service"])
        self.assertFalse(Organisation.objects.filter(name="Org").exists())

    def test_accepts_a_services_page_or_a_single_service(self):
        service = {"id": str(uuid.uuid4()), "name": "One", "status": "active"}
        self.assertIn("1 created", self.run_import({"contents": [service], "total_items": 1})[0])
        self.assertIn("1 unchanged", self.run_import(service)[0])

    def test_importing_the_same_feed_again_adds_no_revision(self):
        self.make_services()
        exported = self.export()
        ServicePage.objects.all().delete()
        self.run_import(exported)
        revisions = Revision.objects.count()
        output, errors = self.run_import(exported)
        self.assertIn("Draft services: 0 created, 0 updated, 2 unchanged, 0 skipped in", output)
        self.assertEqual((errors, Revision.objects.count()), ("", revisions))

    def test_progress_lines_and_summary_when_not_on_a_terminal(self):
        records = [{"id": str(uuid.uuid4()), "name": f"Service {n}", "status": "active"} for n in range(20)]
        output, _errors = self.run_import(records)
        lines = output.splitlines()
        self.assertEqual(
            [line.split(", ")[0] for line in lines[:-2]],
            [f"Draft services: {n} of 20 ({n * 5}%) records" for n in range(2, 21, 2)],
        )
        self.assertRegex(lines[-2], r"^Draft services: 20 created, 0 updated, 0 unchanged, 0 skipped in \d+\.\d s\.$")
        self.assertRegex(
            lines[-1],
            r"^20 service drafts await review and publishing \(submitted to the workflow 'Advice and services review'\)"
            rf": http.*/admin/pages/{self.index.id}/$",
        )

    def test_an_interrupt_keeps_whole_records_and_a_rerun_goes_on(self):
        records = [{"id": str(uuid.uuid4()), "name": f"Service {n}", "status": "active"} for n in range(4)]
        real_import = Command.import_service

        def interrupted(command, record):
            if record["name"] == "Service 2":
                command.index.get_children().last()  # inside the record's transaction, like a save
                raise KeyboardInterrupt
            return real_import(command, record)

        with mock.patch.object(Command, "import_service", interrupted), self.assertRaises(CommandError) as raised:
            self.run_import(records)
        self.assertEqual(raised.exception.returncode, 130)
        self.assertIn("Draft services, 2 of 4 records done (2 created", str(raised.exception))
        self.assertEqual(sorted(ServicePage.objects.values_list("title", flat=True)), ["Service 0", "Service 1"])

        output, _errors = self.run_import(records)
        self.assertIn("2 created, 0 updated, 2 unchanged", output)
        self.assertEqual(ServicePage.objects.count(), 4)

    def test_bad_files(self):
        with self.assertRaises(CommandError):
            call_command("import_oruk", str(self.tmp / "missing.json"))
        with self.assertRaises(CommandError):
            call_command("import_oruk", self.write("{not json"))
        with self.assertRaises(CommandError):
            call_command("import_oruk", self.write({"hello": 1}))

    def test_dry_run_saves_nothing(self):
        out = io.StringIO()
        record = {"id": str(uuid.uuid4()), "name": "X", "status": "active"}
        call_command("import_oruk", self.write([record]), "--dry-run", stdout=out)
        self.assertIn("Dry run: Draft services: 1 created", out.getvalue())
        self.assertFalse(ServicePage.objects.exists())

    def test_records_are_checked_against_the_oruk_schema(self):
        def service(**fields):
            return {"id": str(uuid.uuid4()), "name": "Service", "status": "active", **fields}

        feed = [
            service(url="javascript:alert(1)"),
            service(email="not an email"),
            service(organization={"id": str(uuid.uuid4()), "name": "Org", "description": "An org", "website": "x"}),
            {"id": str(uuid.uuid4()), "name": "No status"},
            service(service_at_locations=[{"id": str(uuid.uuid4()), "location": {"id": "nope"}}]),
            service(url="https://example.org/", email="help@example.org"),
        ]
        output, errors = self.run_import(feed)
        self.assertIn("Draft services: 1 created, 0 updated, 0 unchanged, 5 skipped", output)
        lines = errors.strip().splitlines()
        self.assertIn("record 1", lines[0])
        self.assertIn("url must be a web address", lines[0])
        self.assertIn("email must be an email address", lines[1])
        self.assertIn("organization.website must be a web address", lines[2])
        self.assertIn("status is missing", lines[3])
        self.assertIn("service_at_locations[0].location.id must be a UUID", lines[4])
        self.assertIn("service_at_locations[0].location.location_type is missing", lines[4])
        self.assertFalse(Organisation.objects.filter(name="Org").exists())
        self.assertEqual(ServicePage.objects.get().website, "https://example.org/")

    def test_phone_numbers_are_stored_in_e164_and_non_numbers_are_refused(self):
        good = {
            "id": str(uuid.uuid4()),
            "name": "Good",
            "status": "active",
            "phones": [{"id": str(uuid.uuid4()), "number": "01603 123456"}],
        }
        bad = {
            "id": str(uuid.uuid4()),
            "name": "Bad",
            "status": "active",
            "phones": [{"id": str(uuid.uuid4()), "number": "ask at reception"}],
        }

        output, errors = self.run_import([good, bad])

        self.assertIn("1 created", output)
        self.assertIn("phone number 'ask at reception' is not a phone number", errors)
        page = ServicePage.objects.get(title="Good")
        self.assertEqual(page.phone, "+441603123456")
        self.assertEqual(page.phone_display, "01603 123456")
