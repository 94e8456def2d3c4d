from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from search.models import SearchLog


class Command(BaseCommand):
    help = "Delete search log rows older than SEARCH_LOG_RETENTION_DAYS (90 by default). Run it daily."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, help="Keep this many days instead.")

    def handle(self, *args, days=None, **options):
        days = settings.SEARCH_LOG_RETENTION_DAYS if days is None else days
        if days < 1:
            raise CommandError("The retention period must be at least one day.")
        # Today counts as day one: with 90 days, rows from the last 90 calendar days stay.
        cutoff = timezone.localdate() - timedelta(days=days - 1)
        deleted, _by_model = SearchLog.objects.filter(date__lt=cutoff).delete()
        self.stdout.write(f"Deleted {deleted} search log row(s) older than {days} days.")
