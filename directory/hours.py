"""Whether a service is open at a moment, from its structured opening hours.

Pure functions: pass ``now`` (an aware datetime) to test at fixed times; without it the current
time is used. Opening hours are wall-clock times in Europe/London, so a slot means the same local
time in summer (BST) and winter (GMT). A closing time at or before the opening time means the slot
runs past midnight into the next day (Friday 20:00–02:00 covers Saturday 01:00).
"""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

LONDON = ZoneInfo("Europe/London")

OPEN = "open"
CLOSED = "closed"
STALE_AFTER_DAYS = 365


def local_now(now=None):
    """``now`` (or the current time) as an aware datetime in Europe/London."""
    now = now or timezone.now()
    if timezone.is_naive(now):
        now = now.replace(tzinfo=LONDON)
    return now.astimezone(LONDON)


def slot_is_open(weekday, opens, closes, moment):
    """Whether one weekly slot (weekday 0 = Monday) covers ``moment`` (a London datetime)."""
    day, time = moment.weekday(), moment.time().replace(tzinfo=None)
    if opens < closes:
        return day == weekday and opens <= time < closes
    # Past midnight (or closes == opens: a full 24 hours from the opening time).
    return (day == weekday and time >= opens) or (day == (weekday + 1) % 7 and time < closes)


def is_open(open_24_7, slots, now=None):
    """Whether a service with these (weekday, opens, closes) slots is open at ``now``."""
    if open_24_7:
        return True
    moment = local_now(now)
    return any(slot_is_open(weekday, opens, closes, moment) for weekday, opens, closes in slots)


def open_state(service, now=None):
    """``"open"``, ``"closed"`` or ``None`` (hours unknown) for a ServicePage.

    Uses ``service.opening_hours.all()``, so prefetch ``opening_hours`` when listing.
    """
    if service.status != "active":
        return CLOSED
    if service.open_24_7:
        return OPEN
    slots = [(slot.weekday, slot.opens, slot.closes) for slot in service.opening_hours.all()]
    if not slots:
        return None
    return OPEN if is_open(False, slots, now) else CLOSED


def is_stale(last_verified, today=None):
    """Whether details were last checked more than a year ago (or never)."""
    if last_verified is None:
        return True
    today = today or local_now().date()
    return (today - last_verified) > datetime.timedelta(days=STALE_AFTER_DAYS)
