"""Serving uploaded media on one server (README "Media in production").

- Image renditions (``MEDIA_ROOT/images/``) are public and never change once written: Wagtail
  names a rendition after its original file and filter (and focal point, where the filter uses
  it), and a new original file gets a new name, so a rendition URL can be cached for a year.
  They are served by Django's static view, limited to that folder: it streams the file
  (gunicorn hands it to sendfile()) and answers If-Modified-Since. Wagtail's dynamic image serve
  view was the alternative, but it signs and resizes per URL, which the templates and the API,
  using stored renditions, do not need. A proxy in front (nginx) can serve the folder itself.
- Originals (``original_images/``, which may still hold what an editor meant to crop out) and
  documents (``documents/``, some in private collections) are never served as raw files.
  Documents go through Wagtail's serve view, which checks collection privacy.
"""

import posixpath

from django.conf import settings
from django.http import Http404
from django.urls import re_path
from django.utils.cache import patch_cache_control
from django.views import static
from wagtail.documents import get_document_model
from wagtail.documents.views import serve as wagtail_document_views

RENDITIONS_FOLDER = "images/"
A_YEAR = 60 * 60 * 24 * 365


def serve_rendition(request, path):
    path = posixpath.normpath(path)
    if not path.startswith(RENDITIONS_FOLDER) or path.startswith("/"):
        raise Http404  # e.g. images/../original_images/…
    response = static.serve(request, path, document_root=settings.MEDIA_ROOT)
    if response.status_code == 200:
        patch_cache_control(response, public=True, max_age=A_YEAR, immutable=True)
    return response


def serve_document(request, document_id, document_filename):
    """Wagtail's document view (collection privacy, password and login forms), with cache headers:
    a shared cache may keep a public document for DOCUMENTS_CACHE_MAX_AGE, never a private one."""
    response = wagtail_document_views.serve(request, document_id, document_filename)
    if response.get("Content-Encoding") == "None":
        del response["Content-Encoding"]  # wagtail.utils.sendfile writes None for an unencoded file
    document = get_document_model().objects.select_related("collection").filter(pk=document_id).first()
    if document is not None and document.collection.get_view_restrictions().exists():
        patch_cache_control(response, private=True, no_store=True)
    elif response.status_code == 200:
        patch_cache_control(response, public=True, max_age=settings.DOCUMENTS_CACHE_MAX_AGE)
    return response


def urlpatterns():
    media_prefix = settings.MEDIA_URL.lstrip("/")
    return [
        re_path(rf"^{media_prefix}(?P<path>{RENDITIONS_FOLDER}.+)$", serve_rendition, name="rendition"),
        # Wagtail's own URL (wagtail.documents.urls), through the view above.
        re_path(
            r"^documents/(?P<document_id>\d+)/(?P<document_filename>.*)$", serve_document, name="wagtaildocs_serve"
        ),
    ]
