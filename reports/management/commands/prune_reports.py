import logging
from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from reports.models import Report

logger = logging.getLogger("reports")


class Command(BaseCommand):
    help = "Delete concern reports older than REPORTS_RETENTION_DAYS (90 by default). Run it daily."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, help="Keep reports this many days instead.")

    def handle(self, *args, days=None, **options):
        days = settings.REPORTS_RETENTION_DAYS if days is None else days
        if days < 1:
            raise CommandError("The retention period must be at least one day.")
        cutoff = timezone.now() - timedelta(days=days)
        _total, by_model = Report.objects.filter(created_at__lt=cutoff).delete()
        deleted = by_model.get(Report._meta.label, 0)
        # The count only: never anything a report said.
        message = f"Deleted {deleted} concern report(s) older than {days} days."
        logger.info(message)
        self.stdout.write(message)
