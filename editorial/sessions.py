"""Staff sessions end after NASN_SESSION_IDLE_MINUTES idle and NASN_SESSION_MAX_HOURS after sign-in.

Written here rather than taken from a package: django-session-timeout enforces only one of the
two limits, and django-auto-logout reads every visitor's session and writes it on every request.
This middleware looks only at admin URLs, like the two-factor one, so public pages never read
the session (nor vary on the cookie), and only when the request carries a session cookie: a
visitor never gets one. It saves the session at most once a minute.

The server-side expiry (SESSION_COOKIE_AGE = the idle limit) is renewed by those saves only, so
the session store also forgets a session idle in the admin, whatever pages it reads meanwhile.
"""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from .two_factor import admin_prefix

LOGIN_AT = "nasn_login_at"
LAST_SEEN = "nasn_last_seen"
# How stale "last seen" may get before a request updates it (and so saves the session).
TOUCH_EVERY_SECONDS = 60


@receiver(user_logged_in, dispatch_uid="editorial-session-login-time")
def record_login_time(sender, request, user, **kwargs):
    session = getattr(request, "session", None)
    if session is not None:
        now = int(time.time())
        session[LOGIN_AT] = now
        session[LAST_SEEN] = now


def session_expired(session, now):
    login_at, last_seen = session.get(LOGIN_AT), session.get(LAST_SEEN)
    if login_at is None or last_seen is None:
        return True  # signed in before these limits existed, or by a route that skipped the signal
    return (
        now - login_at > settings.NASN_SESSION_MAX_HOURS * 3600
        or now - last_seen > settings.NASN_SESSION_IDLE_MINUTES * 60
    )


class StaffSessionTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        # session_key is the cookie's value; reading it neither loads nor creates a session.
        if session is not None and session.session_key is not None and request.path_info.startswith(admin_prefix()):
            self.check(request, session)
        response = self.get_response(request)
        # Wagtail's "Remember me" gives the cookie a lifetime that outlives the browser; staff
        # sessions end when it closes. (Only a session this request already read is looked at.)
        if session is not None and session.accessed and session.get("_session_expiry"):
            session.set_expiry(0)
        return response

    @staticmethod
    def check(request, session):
        if not request.user.is_authenticated:
            return
        now = int(time.time())
        if session_expired(session, now):
            logout(request)
        elif now - session[LAST_SEEN] >= TOUCH_EVERY_SECONDS:
            session[LAST_SEEN] = now
