"""Internal page links in rich text, resolved for a whole page (or API listing) in one query.

Wagtail resolves a rich text value's page links when it is rendered: one query per text block
for the pages, one per page type for ``.specific()``, then one per link for its translation
(``page.localized``). Here the links of every rich text a page holds are collected from its
stored data before rendering (``prefetch_links``) and resolved together, in the visitor's
language; the link handler then reads them from the request's store (home/request_cache.py).
The links point where Wagtail's would: the live translation in the active language, else the
linked page itself.
"""

from django.db.models import Q
from django.utils.html import escape
from django.utils.translation import get_language
from wagtail import fields as wagtail_fields
from wagtail import hooks
from wagtail.models import Locale, Page
from wagtail.rich_text.pages import PageLinkHandler as WagtailPageLinkHandler
from wagtail.rich_text.rewriters import FIND_A_TAG, extract_attrs

from .request_cache import memo


def _resolved():
    """{page id: URL or None} resolved so far in this request, for the active language."""
    return memo(f"page_links:{get_language()}", dict)


def link_urls(ids):
    """{id: URL or None} of the pages ``ids`` (ints or strings), as the active language links them."""
    resolved = _resolved()
    missing = {int(id_) for id_ in ids if str(id_).isdigit()} - set(resolved)
    if missing:
        try:
            locale = Locale.get_active()
        except (LookupError, Locale.DoesNotExist):
            locale = None
        keys = Page.objects.filter(pk__in=missing).values("translation_key")
        wanted = Q(pk__in=missing)
        if locale is not None:
            wanted |= Q(translation_key__in=keys, locale=locale, live=True)
        pages = list(Page.objects.filter(wanted).select_related("locale"))
        live_translations = {
            page.translation_key: page
            for page in pages
            if locale is not None and page.locale_id == locale.pk and page.live
        }
        for page in pages:
            if page.pk in missing:
                in_locale = locale is None or page.locale_id == locale.pk
                resolved[page.pk] = (page if in_locale else live_translations.get(page.translation_key, page)).url
        resolved.update(dict.fromkeys(missing - set(resolved)))
    return {id_: resolved.get(int(id_)) if str(id_).isdigit() else None for id_ in ids}


class PageLinkHandler(WagtailPageLinkHandler):
    """Wagtail's page link handler, reading the links resolved for the request.

    Plain pages, not ``.specific()``: no page type here changes its URL (``get_url_parts``).
    """

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        urls = link_urls([attrs.get("id") for attrs in attrs_list])
        return [
            f'<a href="{escape(urls[attrs.get("id")])}">' if urls[attrs.get("id")] else "<a>" for attrs in attrs_list
        ]


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


def prefetch_links(pages):
    """Resolves the page links in the rich text of ``pages`` together, for the active language."""
    ids = set()
    for page in pages:
        ids |= linked_page_ids(page)
    if ids:
        link_urls(ids)


def install():
    # After Wagtail's own hook (order 0), which registers its handler under the same name.
    @hooks.register("register_rich_text_features", order=100)
    def register_page_link_handler(features):
        features.register_link_type(PageLinkHandler)
