from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from readership.counting import flush_counts, roll_up


class Command(BaseCommand):
    help = (
        "Store the page views counted in the cache, and roll daily counts older than "
        "READERSHIP_DAILY_RETENTION_DAYS (90 by default) into monthly counts. Run it every few minutes."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, help="Keep this many days of daily counts instead.")

    def handle(self, *args, days=None, **options):
        days = settings.READERSHIP_DAILY_RETENTION_DAYS if days is None else days
        if days < 1:
            raise CommandError("The retention period must be at least one day.")
        stored = flush_counts()
        rolled = roll_up(days)
        self.stdout.write(
            f"Stored {stored} page view(s); rolled {rolled} daily row(s) older than {days} days into months."
        )
