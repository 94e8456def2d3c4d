"""Security settings, imported by base.py: response headers, staff sign-in and sessions, client addresses."""

import os
from datetime import timedelta

from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_int

# Security headers that hold everywhere.
# Public pages and the API: only this site's own scripts, styles, fonts and images, no inline
# script. The Wagtail admin emits inline scripts, so it is left out of this policy.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# The Wagtail admin: the strictest policy it works with (tests/browser/test_admin_policy.py edits and
# publishes a page under it with no violation). Its own code needs inline scripts and styles, data:
# and blob: images (choosers, uploads) and frames of itself (previews); nothing from another host.
ADMIN_CONTENT_SECURITY_POLICY = {
    "default-src": [SELF],
    "script-src": [SELF, "'unsafe-inline'"],
    "style-src": [SELF, "'unsafe-inline'"],
    "img-src": [SELF, "data:", "blob:"],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "frame-src": [SELF],
    "worker-src": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [SELF],
}
# Powerful browser features denied to every page (django-permissions-policy; an empty list: none).
PERMISSIONS_POLICY = {
    feature: [] for feature in ("camera", "microphone", "geolocation", "payment", "usb", "interest-cohort")
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "no-referrer"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# The report form's CSRF cookie ends when the browser closes (Django's default keeps it a year): no
# trace of a report page on a shared or watched phone. "Leave this site" deletes it at once.
CSRF_COOKIE_AGE = None
# Staff sessions (only staff have one: the public site sets no cookie). They end when the browser
# closes, after NASN_SESSION_IDLE_MINUTES without a request, and NASN_SESSION_MAX_HOURS after
# signing in, whichever comes first (editorial/sessions.py).
NASN_SESSION_IDLE_MINUTES = env_int("NASN_SESSION_IDLE_MINUTES", 60)
NASN_SESSION_MAX_HOURS = env_int("NASN_SESSION_MAX_HOURS", 9)
if NASN_SESSION_IDLE_MINUTES < 2 or NASN_SESSION_MAX_HOURS < 1:
    raise ImproperlyConfigured("NASN_SESSION_IDLE_MINUTES must be at least 2 and NASN_SESSION_MAX_HOURS at least 1")
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# The server forgets a session this long after it was last saved; the middleware saves it at most
# once a minute while it is in use.
SESSION_COOKIE_AGE = NASN_SESSION_IDLE_MINUTES * 60

# django-axes first: it refuses sign-ins that are locked out, then Django checks the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Two-factor authentication (wagtail-2fa): on, every admin user must set up an authenticator
# app; off, it is optional, but whoever has set one up must use it. Turn it on in production.
NASN_REQUIRE_2FA = env_bool("NASN_REQUIRE_2FA", False)
WAGTAIL_2FA_REQUIRED = True  # editorial.two_factor.TwoFactorMiddleware decides per user
# Failed sign-ins (django-axes): after AXES_FAILURE_LIMIT failures for one username from one
# address, that pair is locked out for AXES_COOLOFF_MINUTES. Only sign-in attempts are
# recorded (username, address, browser), never visitors of the public site.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "editorial.security.axes_lockout_response"
AXES_DISABLE_ACCESS_LOG = True  # no record of successful sign-ins
AXES_ENABLE_ADMIN = False  # no Django admin here: Settings → Sign-in lockouts instead
AXES_NEVER_LOCKOUT_GET = True

# The client address (django-ipware), for the report form's rate limit and sign-in lockouts: behind a
# reverse proxy, the request header holding it, as Django names it (e.g. HTTP_X_FORWARDED_FOR), whose
# last entry, the one the proxy added, is used. Empty: REMOTE_ADDR, and no header is trusted.
# REPORTS_CLIENT_IP_HEADER is its former name.
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER") or os.environ.get("REPORTS_CLIENT_IP_HEADER", "")
IPWARE_META_PRECEDENCE_ORDER = (CLIENT_IP_HEADER, "REMOTE_ADDR") if CLIENT_IP_HEADER else ("REMOTE_ADDR",)
# The last entry (no proxy addresses after the client's); the client may have sent any before it.
# django-axes reads these three settings too.
IPWARE_META_PROXY_COUNT = 0
IPWARE_STRICT = False
