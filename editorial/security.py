"""Settings callables for django-axes."""

import math

from axes.helpers import get_client_username, get_cool_off
from django.conf import settings
from django.shortcuts import render
from django.urls import reverse


def axes_lockout_response(request, original_response=None, credentials=None):
    """The page a locked-out sign-in gets: what happened, for how long, and what to do."""
    cool_off = get_cool_off(request)
    context = {
        "username": get_client_username(request, credentials) or "",
        "minutes": math.ceil(cool_off.total_seconds() / 60) if cool_off else None,
        "login_url": reverse("wagtailadmin_login"),
    }
    return render(request, "editorial/lockout.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)
