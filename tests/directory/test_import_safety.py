"""import_oruk never changes live content, and refuses addresses that are not plain web/email addresses."""

import io
import json
import tempfile
import uuid
from pathlib import Path

from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone
from wagtail.models import Site

from directory.models import Organisation, ServicePage
from home.models import SiteSettings
from tests.factories import DirectoryIndexPageFactory, OrganisationFactory, ServicePageFactory, home_page
from tests.home.test_web_urls import BAD_URLS
from tests.utils import AdminTestCase

ORUK = "/api/openreferral/"
API = "/api/v2"


class ImportSafetyTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = DirectoryIndexPageFactory(parent=home_page())
        cls.org = OrganisationFactory(name="Norfolk Law Centre", website="https://law.example.org/")
        cls.service = ServicePageFactory(
            parent=cls.index, title="Legal clinic", organisation=cls.org, website="https://clinic.example.org/"
        )
        # As publishing leaves it (the ORUK feed's last_modified is the last publication).
        ServicePage.objects.filter(pk=cls.service.pk).update(last_published_at=timezone.now())
        cls.service.refresh_from_db()

    def run_import(self, records):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "feed.json"
            path.write_text(json.dumps(records), encoding="utf-8")
            out, err = io.StringIO(), io.StringIO()
            call_command("import_oruk", str(path), stdout=out, stderr=err)
        return out.getvalue(), err.getvalue()

    def public_views(self):
        return (
            self.client.get(self.service.url).content,
            self.client.get(f"{API}/organisations/").json(),
            self.client.get(f"{API}/pages/{self.service.pk}/").json(),
            # last_modified follows the page's latest revision (drafts included); the content does not
            {
                k: v
                for k, v in self.client.get(f"{ORUK}services/{self.service.translation_key}").json().items()
                if k != "last_modified"
            },
        )

    def record(self, **fields):
        return {"id": str(uuid.uuid4()), "name": "Imported", "status": "active", **fields}

    def organization(self, **fields):
        return {"id": str(self.org.translation_key), "name": "Norfolk Law Centre", "description": "", **fields}

    def test_a_matched_service_and_organisation_stay_as_published(self):
        before = self.public_views()
        feed = self.record(
            id=str(self.service.translation_key),
            name="Renamed by the feed",
            url="https://elsewhere.example.org/",
            organization=self.organization(name="Taken over", website="https://evil.example.org/", email="x@evil.org"),
        )

        output, errors = self.run_import([feed])

        self.assertEqual(errors, "")
        self.assertIn("0 created, 1 updated", output)
        self.assertIn("1 service drafts await review and publishing (submitted to the workflow", output)
        self.assertIn("Organisation 'Norfolk Law Centre' not changed; the feed differs in name, description", output)
        self.assertIn(f"/admin/snippets/directory/organisation/edit/{self.org.pk}/", output)
        self.org.refresh_from_db()
        self.assertEqual(
            (self.org.name, self.org.website, self.org.email), ("Norfolk Law Centre", "https://law.example.org/", "")
        )
        live = ServicePage.objects.get(pk=self.service.pk)
        self.assertEqual((live.title, live.website, live.live), ("Legal clinic", "https://clinic.example.org/", True))
        draft = live.get_latest_revision_as_object()
        self.assertEqual((draft.title, draft.website), ("Renamed by the feed", "https://elsewhere.example.org/"))
        self.assertEqual(self.public_views(), before)

    def test_drafts_go_to_the_moderators_and_a_new_import_restarts_their_review(self):
        feed = self.record(name="First draft")
        self.run_import([feed])
        page = ServicePage.objects.get(translation_key=feed["id"])
        state = page.current_workflow_state
        self.assertEqual((state.status, state.current_task_state.revision), ("in_progress", page.latest_revision))

        self.run_import([{**feed, "name": "Second draft"}])
        page.refresh_from_db()
        state.refresh_from_db()
        self.assertEqual(state.status, "cancelled")
        new_state = page.current_workflow_state
        self.assertEqual(new_state.current_task_state.revision.as_object().title, "Second draft")
        self.assertFalse(page.live)

    def test_a_new_organisation_is_shown_nowhere_until_its_service_is_published(self):
        new_org = {
            "id": str(uuid.uuid4()),
            "name": "New charity",
            "description": "",
            "website": "https://new.example.org/",
        }
        _output, errors = self.run_import([self.record(organization=new_org)])
        self.assertEqual(errors, "")

        organisation = Organisation.objects.get(name="New charity")
        names = [item["name"] for item in self.client.get(f"{API}/organisations/").json()["items"]]
        self.assertEqual(names, ["Norfolk Law Centre"])
        self.assertEqual(self.client.get(f"{API}/organisations/{organisation.pk}/").status_code, 404)
        service = ServicePage.objects.get(organisation=organisation)
        self.assertFalse(service.live)

        service.get_latest_revision().publish()
        names = [item["name"] for item in self.client.get(f"{API}/organisations/").json()["items"]]
        self.assertEqual(names, ["New charity", "Norfolk Law Centre"])

    def test_bad_web_addresses_are_refused_everywhere_in_a_record(self):
        for url in BAD_URLS:
            with self.subTest(url=url):
                as_service = self.record(name="Bad service url", url=url)
                as_org = self.record(
                    name="Bad org website",
                    organization={"id": str(uuid.uuid4()), "name": "Bad org", "description": "", "website": url},
                )
                output, errors = self.run_import([as_service, as_org])
                self.assertIn("0 created, 0 updated, 0 unchanged, 2 skipped", output)
                self.assertEqual(errors.count("skipped."), 2)
        self.assertFalse(ServicePage.objects.filter(title__startswith="Bad").exists())
        self.assertFalse(Organisation.objects.filter(name="Bad org").exists())

    def test_bad_emails_and_phone_numbers_are_refused(self):
        records = [
            self.record(name="Bad email", email="not an email"),
            self.record(name="Bad email 2", email="x@example.org\n<script>"),
            self.record(
                name="Bad org email",
                organization={"id": str(uuid.uuid4()), "name": "O", "description": "", "email": "a@b@c"},
            ),
            self.record(name="Bad phone", phones=[{"id": str(uuid.uuid4()), "number": "javascript:alert(1)"}]),
        ]
        output, errors = self.run_import(records)
        self.assertIn("4 skipped", output)
        self.assertIn("phone number 'javascript:alert(1)' is not a phone number", errors)
        self.assertFalse(ServicePage.objects.filter(title__startswith="Bad").exists())

    def test_old_bad_addresses_are_never_served_as_links(self):
        """Data stored before the rule (written past the validators) is dropped wherever it is shown."""
        ServicePage.objects.filter(pk=self.service.pk).update(website="javascript:alert(1)")
        Organisation.objects.filter(pk=self.org.pk).update(website=" JaVaScRiPt:alert(1)")
        html, organisations, page, oruk = self.public_views()

        self.assertNotIn(b"javascript", html.lower())
        self.assertEqual(organisations["items"][0]["website"], "")
        self.assertEqual((page["website"], page["organisation"]["website"]), ("", ""))
        self.assertNotIn("website", oruk["organization"])


class AdminFormTests(AdminTestCase):
    """The admin's forms take the model's rule: a bad address is a form error and nothing is saved."""

    def test_organisation_form_refuses_bad_websites(self):
        organisation = OrganisationFactory(name="Org", website="https://org.example.org/")
        for url in BAD_URLS[:12]:
            with self.subTest(url=url):
                data = {"name": "Org", "description": "An organisation.", "website": url, "email": ""}
                response = self.client.post(self.snippet_edit_url(organisation), data)
                self.assertEqual(response.status_code, 200)
                self.assertIn("website", response.context["form"].errors)
        organisation.refresh_from_db()
        self.assertEqual(organisation.website, "https://org.example.org/")

    def test_leave_site_setting_refuses_bad_urls(self):
        site = Site.objects.get(is_default_site=True)
        url = f"/admin/settings/home/sitesettings/{site.pk}/"
        for bad in ["javascript:alert(1)", "data:text/html,x", "java\tscript:alert(1)"]:
            with self.subTest(url=bad):
                data = {
                    "emergency_number": "999",
                    "non_emergency_number": "101",
                    "contact_email": "",
                    "leave_site_url": bad,
                }
                response = self.client.post(url, data)
                self.assertEqual(response.status_code, 200)
                self.assertIn("leave_site_url", response.context["form"].errors)
        self.assertFalse(SiteSettings.objects.filter(leave_site_url__contains="script").exists())
