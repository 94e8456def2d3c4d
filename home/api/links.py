"""The API's one URL form (README "API"): every URL of the site's pages, API objects and
documents is a path on the site, such as ``/pl/advice/…`` or ``/api/v2/pages/7/``.

A front end on another origin routes a path as it is and fetches it from the site's origin;
Wagtail would give some absolute (on whichever host it was asked) and some relative.
Rich text links (home/rich_text.py) are paths already.
"""

from urllib.parse import urlsplit, urlunsplit


def site_path(url):
    """``url``, a URL on this site, as its path with any query and fragment (None stays None)."""
    if not url:
        return url
    parts = urlsplit(url)
    return urlunsplit(("", "", parts.path or "/", parts.query, parts.fragment))
