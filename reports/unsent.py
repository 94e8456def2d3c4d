"""A report the database could not store: the reporter's own text shown back, never lost.

Used when saving fails (views.report_form) and, through home.unavailable's ``show_back_posts``,
when the database fails before the form's view runs (routing to the ReportPage needs it). The
page needs no database: fields come from the posted data and the form class's labels (building a
ReportForm would query the districts), numbers from settings, as on 503.html. Nothing about the
report is logged; the response is no-store, so neither a cache nor Back keeps the text.
"""

import logging

from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers

from . import protection
from .forms import ReportForm

logger = logging.getLogger(__name__)

# The fields a reporter types into, shown again as typed: (name, rows for a text area, or input type).
TYPED_FIELDS = [
    ("what_seen", 8),
    ("location", 2),
    ("when_seen", "text"),
    ("contact_name", "text"),
    ("contact_phone", "tel"),
    ("contact_email", "email"),
]
# Chosen from lists whose names are in the database: carried unseen, so that sending again keeps them.
CHOSEN_FIELDS = ["district", "who_affected"]
LEFT_TO_RIGHT = {"contact_phone", "contact_email"}


def is_report_post(request):
    # A POST carrying the form's text and token is the report form's, whatever the page's slug
    # (the page itself cannot be looked up without the database).
    return "what_seen" in request.POST and "token" in request.POST


def unsent_response(request, status=503):
    """The page for a report that was not stored, with what was posted; None for another request."""
    if not is_report_post(request):
        return None
    posted = request.POST
    fields = [
        {
            "name": name,
            "label": ReportForm.base_fields[name].label,
            "value": posted.get(name, ""),
            "rows": kind if isinstance(kind, int) else None,
            "type": kind,
            "ltr": name in LEFT_TO_RIGHT,
        }
        for name, kind in TYPED_FIELDS
    ]
    context = {
        "fields": fields,
        "chosen": [(name, posted.get(name, "")) for name in CHOSEN_FIELDS],
        "action": request.path,
        # No context processors (they may query): the CSRF token is passed in by hand.
        "csrf_token_value": get_token(request),
        "form_token": protection.new_token(),
    }
    response = HttpResponse(render_to_string("reports/unsent.html", context), status=status)
    add_never_cache_headers(response)
    # As on the report page: "no-referrer" would make browsers post with "Origin: null".
    response["Referrer-Policy"] = "same-origin"
    return response


def log_unsent(error):
    # The class only: a driver's message may quote the values it could not store.
    logger.error("A report could not be stored: %s", type(error).__name__)
