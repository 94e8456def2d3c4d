"""Content due for review: advice not reviewed, services not verified, for too long.

Feeds the dashboard panel (panels.py) and `manage.py send_review_reminders` (for cron), so
both list the same pages in the same order: oldest first, English sources only (the dates are
synchronised into the translations).
"""

import datetime

from dateutil.relativedelta import relativedelta
from django.conf import settings
from wagtail.models import Locale

from advice.models import AdvicePage
from directory.models import ServicePage


def review_cutoff(months, today=None):
    """Pages last checked on or before this date are due."""
    return (today or datetime.date.today()) - relativedelta(months=months)


def advice_due_for_review(today=None):
    cutoff = review_cutoff(settings.NASN_ADVICE_REVIEW_MONTHS, today)
    return (
        AdvicePage.objects.live()
        .filter(locale=Locale.get_default(), last_reviewed__lte=cutoff)
        .defer_streamfields()
        .order_by("last_reviewed", "title", "pk")
    )


def services_due_for_verification(today=None):
    cutoff = review_cutoff(settings.NASN_SERVICE_VERIFY_MONTHS, today)
    return (
        ServicePage.objects.live()
        .filter(locale=Locale.get_default(), last_verified__lte=cutoff)
        .order_by("last_verified", "title", "pk")
    )
