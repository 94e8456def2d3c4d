"""Internal page links in rich text, resolved for a whole page (or API listing) in one query.

Wagtail resolves a rich text value's page links when it is rendered: one query per text block
for the pages, one per page type for ``.specific()``, then one per link for its translation
(``page.localized``). Here the links of every rich text a page holds are collected from its
stored data before rendering (``prefetch_links``) and resolved together, in the visitor's
language; the link handler then reads them from the request's store (home/request_cache.py).
The links follow the site's one rule (home/localization.py): the live, public translation in the
active language, else the English page; a link to a draft or private page keeps only its text.
"""

from contextvars import ContextVar

from django.utils.html import escape
from django.utils.translation import get_language
from wagtail import fields as wagtail_fields
from wagtail import hooks
from wagtail.models import Locale
from wagtail.rich_text import expand_db_html
from wagtail.rich_text.pages import PageLinkHandler as WagtailPageLinkHandler
from wagtail.rich_text.rewriters import FIND_A_TAG, extract_attrs

from . import localization
from .request_cache import memo


def _resolved(language=None):
    """{page id: the link's target page, or None} resolved so far in this request, for a language."""
    return memo(f"page_links:{language or get_language()}", dict)


def _locale(language):
    try:
        return Locale.objects.get_for_language(language)
    except (LookupError, Locale.DoesNotExist):
        return Locale.get_default()


def resolve_links(ids_by_language):
    """Resolves links to the pages {language: ids} together, in one query, for each language
    (home.localization.link_targets: the translation, else English; never a draft)."""
    missing = {}
    for language, ids in ids_by_language.items():
        ids = {int(id_) for id_ in ids if str(id_).isdigit()} - set(_resolved(language))
        if ids:
            missing[_locale(language)] = ids
    if missing:
        targets = localization.link_targets(missing)
        for language in ids_by_language:
            locale = _locale(language)
            if locale in missing:
                _resolved(language).update(targets[locale.pk])


def link_targets(ids):
    """{id: target page or None} of links to the pages ``ids`` (ints or strings), in the active language."""
    language = get_language()
    resolve_links({language: ids})
    resolved = _resolved(language)
    return {id_: resolved.get(int(id_)) if str(id_).isdigit() else None for id_ in ids}


# Set while rich text is expanded for the API (``api_html``): links then also carry the target's id.
_for_api = ContextVar("nasn_rich_text_for_api", default=False)


def api_html(source):
    """Stored rich text as the API shows it: front-end HTML whose page links carry
    ``data-page-id``, the id of the page the ``href`` path leads to, so a front end can load
    it from ``/api/v2/pages/<id>/`` without a ``find`` call per link."""
    token = _for_api.set(True)
    try:
        return expand_db_html(source)
    finally:
        _for_api.reset(token)


class PageLinkHandler(WagtailPageLinkHandler):
    """Wagtail's page link handler, reading the links resolved for the request.

    Plain pages, not ``.specific()``: no page type here changes its URL (``get_url_parts``).
    A link to a page no visitor can see (a draft, a private page) keeps its text, not its href.
    """

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        targets = link_targets([attrs.get("id") for attrs in attrs_list])
        return [cls.tag(targets[attrs.get("id")]) for attrs in attrs_list]

    @staticmethod
    def tag(page):
        url = page.url if page is not None else None
        if not url:
            return "<a>"
        if _for_api.get():
            return f'<a href="{escape(url)}" data-page-id="{page.pk}">'
        return f'<a href="{escape(url)}">'


def _strings(data):
    """Every string inside stored StreamField data."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list | tuple):
        for value in data:
            yield from _strings(value)


def linked_page_ids(page):
    """The ids of the pages the rich text of ``page`` links to, from its stored data."""
    ids = set()
    for field in page._meta.concrete_fields:
        if isinstance(field, wagtail_fields.StreamField):
            value = getattr(page, field.attname)
            texts = _strings(list(value.raw_data)) if value is not None else ()
        elif isinstance(field, wagtail_fields.RichTextField):
            texts = [getattr(page, field.attname) or ""]
        else:
            continue
        for text in texts:
            for match in FIND_A_TAG.finditer(text):
                attrs = extract_attrs(match.group(1))
                if attrs.get("linktype") == "page" and attrs.get("id", "").isdigit():
                    ids.add(int(attrs["id"]))
    return ids


def prefetch_links(pages, language=None):
    """Resolves the page links in the rich text of ``pages`` together: each page's links in
    ``language`` (default: the active one), or with ``language="page"``, in the page's own
    language (an API listing of pages in several languages; still one query)."""
    ids_by_language = {}
    for page in pages:
        page_language = page.locale.language_code if language == "page" else language or get_language()
        ids_by_language.setdefault(page_language, set()).update(linked_page_ids(page))
    if any(ids_by_language.values()):
        resolve_links(ids_by_language)


def install():
    # After Wagtail's own hook (order 0), which registers its handler under the same name.
    @hooks.register("register_rich_text_features", order=100)
    def register_page_link_handler(features):
        features.register_link_type(PageLinkHandler)
