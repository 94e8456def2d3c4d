"""Purging cached pages when what they show changes (README "Caching").

One change can alter many pages: a page appears in its parent's listing, in related pages and
the navigation, and (untranslated) as the English fallback under every other language's prefix;
helplines, navigation and site settings are on every page. For a site this size the page cache
is purged whole on any such change — one counter increment and a delete of its own keys — which
is always correct and costs one render per page afterwards. The front-end cache (a CDN) is purged
URL by URL for a page published, unpublished, moved or deleted: the page and its listing pages
above it, in every translation and under every language's prefix. Snippet and setting changes
reach a CDN's copies within PAGE_CACHE_MAX_AGE.

Purges run when the transaction commits: earlier, a request could still read, and store, the
content being replaced.
"""

from copy import copy

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Collection, CollectionViewRestriction, Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from .page_cache import purge_page_cache
from .request_cache import content_changed, creating_default_settings

# Besides snippets and settings: what pages show or what decides who may see them.
SHOWN_ON_PAGES = (
    AbstractImage,
    AbstractDocument,
    Collection,
    CollectionViewRestriction,
    PageViewRestriction,
    Site,
    Locale,
)


class PendingPurge:
    """What one transaction changed, purged once when it commits."""

    def __init__(self):
        self.pages = {}
        self.urls = set()
        self.done = False

    def run(self):
        if self.done:  # each change registered this; the first run does the work
            return
        self.done = True
        purge_page_cache()
        if settings.WAGTAILFRONTENDCACHE and (self.pages or self.urls):
            batch = PurgeBatch(self.urls)
            for page in self.pages.values():
                add_page_urls(batch, page)
            batch.purge()


def add_page_urls(batch, page):
    """The page and the listing pages above it, in every translation (the front-end purge then
    repeats each URL under every language's prefix: WAGTAILFRONTENDCACHE_LANGUAGES)."""
    batch.add_page(page)  # itself, even deleted
    for shown in [page, *page.get_ancestors()]:
        batch.add_pages(Page.objects.filter(translation_key=shown.translation_key).exclude(pk=page.pk))


def schedule_purge(pages=(), urls=()):
    """One purge per transaction, however many pages and snippets it saves."""
    connection = transaction.get_connection()
    pending = getattr(connection, "nasn_pending_purge", None)
    if pending is None or pending.done:
        pending = connection.nasn_pending_purge = PendingPurge()
    pending.pages.update({page.pk: page for page in pages})
    pending.urls.update(urls)
    content_changed()  # now for this process, and again on commit (PendingPurge.run)
    # At once outside a transaction. A rolled-back transaction's pages join the next purge.
    transaction.on_commit(pending.run)


def page_changed(sender, instance, **kwargs):
    schedule_purge([instance])


def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        schedule_purge([instance])


def page_moved(sender, instance, url_path_before, **kwargs):
    before = copy(instance)
    before.url_path = url_path_before
    batch = PurgeBatch()
    batch.add_page(before)
    schedule_purge([instance, kwargs["parent_page_before"]], batch.urls)


def shows_on_pages(model):
    return model in get_snippet_models() or model in settings_registry or issubclass(model, SHOWN_ON_PAGES)


def content_saved(sender, instance, update_fields=None, **kwargs):
    # An image's file hash, a document's file size, are saved when a page first renders them:
    # nothing a page shows changed.
    if update_fields and set(update_fields) <= {"file_hash", "file_size"}:
        return
    if creating_default_settings():
        return
    if shows_on_pages(sender):
        schedule_purge()
    elif isinstance(instance, Page):
        # A draft saved or a page created: the page cache keeps showing what is published, but
        # the shared look-ups (home/request_cache.py) are moved on for any page row changed.
        content_changed()


def connect():
    page_published.connect(page_changed, dispatch_uid="nasn_purge_published")
    page_unpublished.connect(page_changed, dispatch_uid="nasn_purge_unpublished")
    post_page_move.connect(page_moved, dispatch_uid="nasn_purge_moved")
    pre_delete.connect(page_deleted, dispatch_uid="nasn_purge_page_deleted")
    post_save.connect(content_saved, dispatch_uid="nasn_purge_saved")
    post_delete.connect(content_saved, dispatch_uid="nasn_purge_deleted")
