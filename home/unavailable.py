"""A database that is down or not answering: a 503 that needs no database, instead of a 500.

Visitors get 503.html in the language of the URL with 999 and the 24-hour helplines from settings
(NASN_FALLBACK_*, the verified numbers in DOMAIN.md, as on the 500 page): the helplines snippet is
in the database that is not answering, and a copy kept in the cache may be missing (a new worker, the
cache down too) or out of date. The API and the ORUK feed answer JSON in their own error shapes.

DatabaseUnavailableMiddleware answers for errors raised by a view or the template it renders (almost
all of them: visitors' requests reach the database nowhere else). Django turns an exception raised
in a middleware (a signed-in editor's session, a redirect lookup on a 404) into a 500 before any outer
middleware could see it, so ``server_error``, the handler500, answers the same for those.

A POST whose text must not be lost (the report form) gets, instead of 503.html, a page that shows
that text back: domain apps register a builder for it in ``show_back_posts`` (home imports none).
"""

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.views import defaults

logger = logging.getLogger(__name__)

# A refused, lost or timed-out connection and a statement cancelled by DATABASE_STATEMENT_TIMEOUT
# (psycopg2's QueryCanceled) are OperationalErrors; a connection already closed is an InterfaceError.
# Other database errors (bad SQL, integrity) are bugs and stay 500s.
UNAVAILABLE_ERRORS = (OperationalError, InterfaceError)
# Seconds a client is asked to wait before trying again.
RETRY_AFTER_SECONDS = 30
API_MESSAGE = "the database is not answering; try again in a few seconds"

# Builders of the 503 page for POSTs whose text must be shown back: each takes the request and
# returns a response needing no database, or None when the POST is not its own. Filled in by
# domain apps' AppConfig.ready (reports.apps); a list, as home may import no domain app.
show_back_posts = []


def show_back_post(request):
    if request.method != "POST":
        return None
    for build in show_back_posts:
        response = build(request)
        if response is not None:
            return response
    return None


def unavailable_response(request):
    path = request.path_info
    if path.startswith("/api/openreferral/"):
        # The ORUK feed's error shape and CORS header (directory/oruk/views.py; home imports no domain app).
        response = JsonResponse({"status": 503, "message": API_MESSAGE}, status=503)
        response["Access-Control-Allow-Origin"] = "*"
    elif path.startswith("/api/"):
        response = JsonResponse({"message": API_MESSAGE}, status=503)  # the API's error shape (home/api/views.py)
    else:
        language = translation.get_language_from_path(path) or translation.get_language() or settings.LANGUAGE_CODE
        with translation.override(language):
            response = show_back_post(request) or HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)  # no cache may keep the outage after it is over
    return response


def is_unavailable(error):
    return isinstance(error, UNAVAILABLE_ERRORS)


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_unavailable(exception):
            return None
        # A warning, not a traceback per request: an outage is not a bug. The path and the
        # driver's message only, nothing about the visitor.
        logger.warning("Database unavailable, answered 503 for %s: %s", request.path_info, exception)
        return unavailable_response(request)


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    """handler500: the 503 for a database error raised outside a view, else Django's own 500 page."""
    if is_unavailable(sys.exc_info()[1]):
        return unavailable_response(request)
    return defaults.server_error(request, template_name)
