from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string
from django.urls import reverse

from editorial.review import advice_due_for_review, services_due_for_verification


class Command(BaseCommand):
    help = (
        "Email NASN_REVIEW_EMAIL the advice not reviewed for NASN_ADVICE_REVIEW_MONTHS and the services not "
        "verified for NASN_SERVICE_VERIFY_MONTHS, oldest first, with links to edit them. Run it weekly from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Print the email instead of sending it.")

    def handle(self, *args, dry_run=False, **options):
        sections = [
            {
                "heading": f"Advice not reviewed for {settings.NASN_ADVICE_REVIEW_MONTHS} months or more",
                "date_label": "last reviewed",
                "pages": [(page, page.last_reviewed, self.edit_url(page)) for page in advice_due_for_review()],
            },
            {
                "heading": f"Services not verified for {settings.NASN_SERVICE_VERIFY_MONTHS} months or more",
                "date_label": "last verified",
                "pages": [(page, page.last_verified, self.edit_url(page)) for page in services_due_for_verification()],
            },
        ]
        advice, services = (len(section["pages"]) for section in sections)
        if not advice and not services:
            self.stdout.write("Nothing is due for review.")
            return
        subject = f"NASN website: {advice} advice page(s) and {services} service(s) due for review"
        body = render_to_string("editorial/review_reminder.txt", {"sections": sections})
        if dry_run:
            self.stdout.write(f"Subject: {subject}\n\n{body}")
            return
        if not settings.NASN_REVIEW_EMAIL:
            self.stderr.write("NASN_REVIEW_EMAIL is not set: no reminder was sent.")
            return
        send_mail(subject, body, None, settings.NASN_REVIEW_EMAIL)
        self.stdout.write(f"Sent the review reminder to {', '.join(settings.NASN_REVIEW_EMAIL)}.")

    @staticmethod
    def edit_url(page):
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_pages:edit", args=[page.pk])
