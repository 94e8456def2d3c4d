"""The beacon: one anonymous page view, sent by static/js/site.js when a page is shown.

``POST /readership/beacon/`` with the body ``{"page": <page id>, "language": "<code>"}`` (both
read from ``<main>``'s data attributes, which are in the cached page too). Answers 204 and counts
the view in the shared cache (readership/counting.py): no database write, no cookie, and no log line
names the sender. Not counted, still 204: browsers asking not to be tracked (``Sec-GPC: 1``,
``DNT: 1``) and self-announced bots. Bad input is a 4xx: another site's request 403, a wrong
method 405, a body over 200 bytes 413, malformed JSON, an unknown or unpublished page or a
language the site does not serve 400, more than READERSHIP_VIEWS_PER_PAGE_PER_MINUTE views of one
page in a minute 429.
"""

import json

from crawleruseragents import is_crawler
from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .counting import active_locale_id, count_view, countable_page, over_cap

MAX_BODY_BYTES = 200
LANGUAGE_CODE_LENGTH = 10


def error(status, message):
    return JsonResponse({"error": message}, status=status)


def same_origin(request):
    """Whether the browser says the request comes from this site's own pages.

    ``Sec-Fetch-Site`` is sent by current browsers whatever the referrer policy. Without it,
    the Origin header must be this site's: with ``Referrer-Policy: no-referrer`` (ours) some
    browsers send ``Origin: null`` on a beacon, which is accepted only with ``Sec-Fetch-Site``.
    """
    fetch_site = request.headers.get("Sec-Fetch-Site")
    origin = request.headers.get("Origin")
    if fetch_site is not None:
        return fetch_site == "same-origin" and origin in (None, "null", f"{request.scheme}://{request.get_host()}")
    return origin is not None and url_has_allowed_host_and_scheme(
        f"{origin}/", allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


def asks_not_to_be_tracked(request):
    return request.headers.get("Sec-GPC") == "1" or request.headers.get("DNT") == "1"


def is_bot(user_agent):
    # Every browser names itself; an empty User-Agent is a script.
    return not user_agent.strip() or is_crawler(user_agent)


def parse(request):
    """(page id, language code) from the body, or an error response."""
    try:
        length = int(request.headers.get("Content-Length") or 0)
    except ValueError:
        return error(400, "Content-Length is not a number.")
    if length > MAX_BODY_BYTES:
        return error(413, f"The body may have {MAX_BODY_BYTES} bytes at most.")
    body = request.read(MAX_BODY_BYTES + 1)
    if len(body) > MAX_BODY_BYTES:
        return error(413, f"The body may have {MAX_BODY_BYTES} bytes at most.")
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return error(400, 'The body must be JSON: {"page": <page id>, "language": "<language code>"}.')
    if not isinstance(data, dict):
        return error(400, 'The body must be a JSON object: {"page": <page id>, "language": "<language code>"}.')
    page_id, language = data.get("page"), data.get("language")
    if type(page_id) is not int or not 0 < page_id < 2**31:
        return error(400, '"page" must be a page id.')
    if not isinstance(language, str) or not 0 < len(language) <= LANGUAGE_CODE_LENGTH:
        return error(400, '"language" must be a language code.')
    return page_id, language


# No logging here: nothing about the request (address, browser, headers) is written anywhere.
@csrf_exempt  # no cookie to check: the request must come from the site's pages (same_origin)
@never_cache
@require_POST
def beacon(request):
    if not same_origin(request):
        return error(403, "Only this site's pages may send views.")
    parsed = parse(request)
    if isinstance(parsed, HttpResponse):
        return parsed
    page_id, language = parsed
    locale_id = active_locale_id(language)
    if locale_id is None:
        return error(400, "The site has no such language.")
    page_locale_id = countable_page(page_id)
    if page_locale_id is None:
        return error(400, "No such published page.")
    default_locale_id = active_locale_id(settings.LANGUAGE_CODE)
    if page_locale_id not in (locale_id, default_locale_id):
        return error(400, "The page is not shown in that language.")
    if asks_not_to_be_tracked(request) or is_bot(request.headers.get("User-Agent", "")):
        return HttpResponse(status=204)
    if over_cap(page_id):
        return error(429, "Too many views of this page this minute.")
    count_view(page_id, locale_id)
    return HttpResponse(status=204)
