"""Abuse protection for the report form that keeps nothing about the reporter.

- A signed, one-time form token records when the form was shown (too-fast submissions are
  bots) and, hashed, makes a replayed submission store nothing new.
- Rate limiting counts reports per client in the cache under a keyed hash of the client
  address and the current time window: the address itself is never stored, and the key
  means nothing once the window has passed. The cache is shared by every worker (REDIS_URL).
"""

import hashlib
import logging
import secrets
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.crypto import salted_hmac
from ipware import get_client_ip

logger = logging.getLogger(__name__)

SIGNING_SALT = "reports.form-token"
# A form left open longer than this must be sent again (the reporter's text is kept). Well
# under the retention period, so a token cannot be replayed once its report is pruned.
TOKEN_MAX_AGE = 24 * 60 * 60


class TokenError(Exception):
    """The token is missing, forged or too old."""


def new_token(issued_at=None):
    """A signed token for one showing of the form (``issued_at``, a Unix time, is for tests)."""
    issued_at = time.time() if issued_at is None else issued_at
    return signing.dumps({"n": secrets.token_urlsafe(16), "t": issued_at}, salt=SIGNING_SALT, compress=False)


def token_age(token):
    """Seconds since the form carrying ``token`` was shown."""
    try:
        data = signing.loads(token, salt=SIGNING_SALT, max_age=TOKEN_MAX_AGE)
        age = time.time() - float(data["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError, UnicodeError) as error:
        raise TokenError from error
    if age > TOKEN_MAX_AGE:
        raise TokenError
    return age


def submission_key(token):
    return hashlib.sha256(token.encode()).hexdigest()


def _rate_key(request):
    window = int(time.time() // settings.REPORTS_RATE_LIMIT_PERIOD)
    address, _routable = get_client_ip(request)  # the proxy's header only when CLIENT_IP_HEADER names it
    digest = salted_hmac("reports.rate-limit", f"{window}:{address or ''}", algorithm="sha256")
    return f"reports:rate:{digest.hexdigest()}"


def take_report_slot(request):
    """Count one report from this client; True while that is within REPORTS_RATE_LIMIT.

    Checking and counting are one step, so concurrent posts cannot overshoot the limit: add() creates
    the window's counter only where there is none and incr() is atomic, in Redis for every worker
    (and under a lock in the local-memory cache). A cache that does not answer lets the report
    through: a report matters more than the limit.
    """
    key = _rate_key(request)
    period = settings.REPORTS_RATE_LIMIT_PERIOD
    try:
        cache.add(key, 0, timeout=period)
        try:
            count = cache.incr(key)
        except ValueError:  # the counter expired between add() and incr(): this is the first report
            cache.set(key, 1, timeout=period)
            count = 1
    except Exception as error:  # a cache backend that raises (django-redis returns None instead)
        logger.warning("Report rate limit not applied, the cache failed: %s", error)
        return True
    if count is None:
        logger.warning("Report rate limit not applied: the cache is not answering")
        return True
    return count <= settings.REPORTS_RATE_LIMIT


def give_back_report_slot(request):
    """Uncount a report that could not be stored: sending it again is not another report."""
    try:
        cache.decr(_rate_key(request))
    except Exception as error:  # the window has passed (ValueError), or the cache failed
        logger.warning("Report rate limit slot not given back: %s", type(error).__name__)
