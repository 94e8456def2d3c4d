"""Import an Open Referral UK 3.0 feed into DRAFT service pages.

    manage.py import_oruk feed.json [--dry-run]

Reads a list of services (an ORUK "package": a JSON array of fully nested services), a page of
/services (``contents``), an object with ``services``, or one service. Each record becomes a draft
revision of a ServicePage under the directory index in the source locale, keyed by the ORUK service
``id`` (the page's ``translation_key``): importing again updates the same page instead of adding a
copy. Nothing is published: each draft goes to the directory's moderation workflow (if it has one)
and a moderator publishes it. An existing organisation is never changed (the summary lists how the
feed differs); a new one is created. Records are checked against the ORUK 3.0 service schema
(directory/oruk/schemas/service.json) and imported one by one, each in its own transaction; an
invalid record is reported (by its position, id and what is wrong) and skipped, leaving nothing
half-imported. A record that would change nothing adds no revision, so importing the same feed again
is a no-op. Progress shows as a bar on a terminal and a line per tenth of the records otherwise;
Ctrl-C keeps the records already imported.
"""

import datetime
import html
import json
import uuid
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils.dateparse import parse_date
from django.utils.text import slugify
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Locale

from directory.models import (
    Area,
    DirectoryIndexPage,
    Language,
    OpeningHours,
    Organisation,
    ServiceCategory,
    ServicePage,
    ServiceStatus,
)
from directory.oruk.serializers import BYDAY
from directory.oruk.validation import service_problems
from home import phones
from home.progress import progress
from home.validators import validate_web_url


class RecordError(Exception):
    pass


def records_in(data):
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        for key in ("contents", "services"):
            if isinstance(data.get(key), list):
                return data[key]
        if "id" in data:
            return [data]
    raise CommandError("Expected a list of services, a page with 'contents', or one service.")


def text(record, key, limit=None):
    value = record.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise RecordError(f"{key} must be text")
    value = value.strip()
    if limit and len(value) > limit:
        raise RecordError(f"{key} is longer than {limit} characters")
    return value


def as_time(value, key):
    try:
        return datetime.time.fromisoformat(value[:5]) if isinstance(value, str) else None
    except ValueError:
        raise RecordError(f"{key} is not a time (HH:MM)") from None


def items(record, key):
    value = record.get(key) or []
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise RecordError(f"{key} must be a list of objects")
    return value


def revision_content(page):
    """What a revision of the page would hold, without the database ids of its inline rows
    (opening hours are new objects at every import)."""

    def without_ids(value):
        if isinstance(value, dict):
            return {key: without_ids(item) for key, item in value.items() if key not in {"pk", "id", "page"}}
        if isinstance(value, list):
            return [without_ids(item) for item in value]
        return value

    content = page.serializable_data()
    return {key: without_ids(value) if isinstance(value, list) else value for key, value in content.items()}


class Command(BaseCommand):
    help = "Import an Open Referral UK 3.0 JSON feed into draft service pages."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--dry-run", action="store_true", help="Check the records without saving.")

    def handle(self, path, dry_run=False, **options):
        try:
            with open(path, encoding="utf-8") as handle:
                data = json.load(handle)
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from error
        except ValueError as error:
            raise CommandError(f"{path} is not valid JSON: {error}") from error
        self.locale = Locale.get_default()
        self.index = DirectoryIndexPage.objects.filter(locale=self.locale).first()
        if self.index is None:
            raise CommandError("Create the directory index page first.")
        self.categories = list(ServiceCategory.objects.filter(locale=self.locale))
        self.areas = list(Area.objects.filter(locale=self.locale))
        records = records_in(data)
        self.organisations_not_changed = {}
        self.in_workflow = None
        with progress(
            self.stdout,
            "Draft services",
            total=len(records),
            unit="records",
            counts=("created", "updated", "unchanged", "skipped"),
            on_interrupt="Records before it are saved as drafts; importing again updates them and goes on.",
        ) as job:
            for position, record in enumerate(records, start=1):
                job.advance(**{self.import_record(position, record, dry_run, job): 1})
        prefix = "Dry run: " if dry_run else ""
        self.stdout.write(prefix + job.summary())
        self.report_review(job, dry_run)

    def report_review(self, job, dry_run):
        """Where an editor reviews what the import left: the drafts, and organisations it did not change."""
        finder = AdminURLFinder()
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        drafts = job.counts["created"] + job.counts["updated"]
        if drafts and not dry_run:
            where = base + reverse("wagtailadmin_explore", args=[self.index.id])
            review = f" (submitted to the workflow {self.in_workflow!r})" if self.in_workflow else ""
            self.stdout.write(f"{drafts} service drafts await review and publishing{review}: {where}")
        for organisation, fields in self.organisations_not_changed.values():
            self.stdout.write(
                f"Organisation {organisation.name!r} not changed; the feed differs in {', '.join(fields)}: "
                f"{base}{finder.get_edit_url(organisation)}"
            )

    def import_record(self, position, record, dry_run, job):
        """Import one record in its own transaction: "created", "updated", "unchanged" or "skipped"."""
        label = f"record {position}"
        try:
            if isinstance(record, dict):
                label = f"record {position} ({str(record.get('id'))[:40]})"
            problems = service_problems(record)
            if problems:
                raise RecordError("; ".join(problems))
            with transaction.atomic():
                outcome = self.import_service(record)
                if dry_run:
                    transaction.set_rollback(True)
            return outcome
        except (RecordError, ValidationError) as problem:
            message = "; ".join(problem.messages) if isinstance(problem, ValidationError) else problem
            with job.writing():
                self.stderr.write(f"{label}: {message}; skipped.")
            return "skipped"

    # One record ------------------------------------------------------------------------------

    def import_service(self, record):
        """Save a record (valid by the ORUK schema) as a draft revision; True if the page is new."""
        service_id = uuid.UUID(record["id"])
        name = text(record, "name", 255)
        if not name:
            raise RecordError("name is missing")
        status = ServiceStatus.INACTIVE if record["status"] == "defunct" else record["status"]

        existing = ServicePage.objects.filter(translation_key=service_id, locale=self.locale).first()
        if existing is not None:
            if existing.get_parent().id != self.index.id:
                raise RecordError("a page with this id exists outside the directory")
            page = existing.get_latest_revision_as_object()
            before = revision_content(page)
        else:
            page = ServicePage(translation_key=service_id, locale=self.locale, live=False)

        page.title = name
        page.status = status
        description = text(record, "description")
        page.description = (
            "".join(f"<p>{html.escape(paragraph)}</p>" for paragraph in description.split("\n\n") if paragraph.strip())
            or f"<p>{html.escape(name)}</p>"
        )
        page.website = text(record, "url", 200)
        validate_web_url(page.website)  # http(s) only: the schema's "uri" allows any scheme
        page.email = text(record, "email", 254)
        validate_email(page.email) if page.email else None
        page.who_for = text(record, "eligibility_description", 1000)
        page.cost_details = text(record, "fees_description", 400) or text(record, "fees", 400)
        page.cost = "free" if not page.cost_details else "some"
        page.interpreters_available = bool(text(record, "interpretation_services"))
        page.last_verified = parse_date(text(record, "assured_date")[:10] or "") or datetime.date.today()
        page.organisation = self.organisation(record.get("organization"))
        self.location(page, record)
        listed_phones = items(record, "phones")
        page.phone = self.phone(listed_phones[0]) if listed_phones else ""
        self.schedules(page, items(record, "schedules"))
        page.categories = self.matching_categories(items(record, "attributes"))
        area_names = {text(area, "name").casefold() for area in items(record, "service_areas")}
        page.areas = [area for area in self.areas if area.name.casefold() in area_names]
        codes = {text(language, "code") for language in items(record, "languages")} - {""}
        page.languages = list(Language.objects.filter(code__in=codes))

        if existing is None:
            page.slug = self.unique_slug(name)
            self.index.add_child(instance=page)
        elif revision_content(page) == before:
            return "unchanged"  # no new revision: importing the same feed again changes nothing
        page.save_revision()
        self.submit_for_review(page)
        return "created" if existing is None else "updated"

    def submit_for_review(self, page):
        """Start the directory's moderation workflow, if it has one, on the new draft. A review in
        progress starts again, so moderators approve what the feed sent, not an earlier draft."""
        workflow = page.get_workflow()
        if workflow is None:
            return
        if page.current_workflow_state is not None:
            page.current_workflow_state.cancel(user=None)
        workflow.start(page, None)
        self.in_workflow = workflow.name

    def unique_slug(self, name):
        base = slugify(name)[:200] or "service"
        taken = set(self.index.get_children().values_list("slug", flat=True))
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        return slug

    def phone(self, data):
        number = text(data, "number", 40)
        stored, is_number = phones.stored_form(number)
        if number and not is_number:
            raise RecordError(f"phone number {number!r} is not a phone number")
        return stored

    def organisation(self, data):
        """The organisation with the feed's id, created if new. A new one is shown nowhere until an
        editor publishes a service run by it (the API lists only those), so creating it publishes
        nothing. An existing one is live content with no drafts (it is a plain snippet), so it is
        never changed: the feed's differences are reported for an editor to apply by hand. Adding
        drafts to organisations would also mean filtering every listing by them; this keeps the
        import from touching live data with no new state to get wrong."""
        if data is None:
            return None
        key = uuid.UUID(data["id"])
        name = text(data, "name", 160)
        if not name:
            raise RecordError("organization name is missing")
        incoming = {
            "name": name,
            "description": text(data, "description", 1000) or name,
            "email": text(data, "email", 254),
            "website": text(data, "website", 200),
        }
        organisation = Organisation.objects.filter(translation_key=key, locale=self.locale).first()
        if organisation is None:
            organisation = Organisation(translation_key=key, locale=self.locale, **incoming)
            organisation.full_clean()  # the model's rules: a web address, an email address
            organisation.save()
            return organisation
        changed = [field for field, value in incoming.items() if getattr(organisation, field) != value]
        if changed:
            self.organisations_not_changed[organisation.pk] = (organisation, changed)
        return organisation

    def location(self, page, record):
        page.latitude = page.longitude = None
        page.address_line_1 = page.address_line_2 = page.town = page.postcode = ""
        page.location_description = ""
        for link in items(record, "service_at_locations"):
            location = link.get("location")
            if location is None:
                continue
            latitude, longitude = location.get("latitude"), location.get("longitude")
            if latitude is not None and longitude is not None:
                page.latitude = Decimal(f"{float(latitude):.6f}")
                page.longitude = Decimal(f"{float(longitude):.6f}")
            page.location_description = text(location, "description", 600)
            addresses = items(location, "addresses")
            if addresses:
                lines = text(addresses[0], "address_1", 245).split(", ", 1)
                page.address_line_1 = lines[0][:120]
                page.address_line_2 = lines[1][:120] if len(lines) > 1 else ""
                page.town = text(addresses[0], "city", 80)
                page.postcode = text(addresses[0], "postal_code", 10)
            return

    def schedules(self, page, schedules):
        page.open_24_7 = False
        slots, notes = [], ""
        for schedule in schedules:
            days = [day.strip() for day in text(schedule, "byday").split(",") if day.strip()]
            opens = as_time(schedule.get("opens_at"), "opens_at")
            closes = as_time(schedule.get("closes_at"), "closes_at")
            notes = notes or text(schedule, "notes", 400)
            if set(days) == set(BYDAY) and opens == datetime.time(0) and closes == datetime.time(23, 59):
                page.open_24_7 = True
                continue
            if opens is None or closes is None:
                continue
            for day in days:
                if day not in BYDAY:
                    raise RecordError(f"unknown byday {day!r}")
                slots.append(OpeningHours(weekday=BYDAY.index(day), opens=opens, closes=closes))
        page.opening_hours = [] if page.open_24_7 else slots
        page.hours_notes = notes

    def matching_categories(self, attributes):
        wanted = set()
        for attribute in attributes:
            term = attribute.get("taxonomy_term")
            if isinstance(term, dict):
                wanted |= {text(term, "term").casefold(), text(term, "name").casefold()}
        return [c for c in self.categories if c.slug.casefold() in wanted or c.name.casefold() in wanted]
