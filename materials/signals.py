"""When a material is published or unpublished: a CDN's copies of its PDFs go, and a published
version's PDFs are made at once, so the first visitor (and the "Posters and leaflets" page, which
shows every file's size) need not wait for them.

home/cache_purge.py purges the page cache (pages and PDFs alike) and, from a CDN, the page and the
listing pages above it; the PDFs below the page are added here, in every language's version.
"""

from django.db import transaction
from wagtail.signals import page_published, page_unpublished

from home.cache_purge import schedule_purge

from .files import FORMAT_NAMES, pdf_file


def make_pdfs(sender, instance, **kwargs):
    def make():
        page = sender.objects.filter(pk=instance.pk).live().public().first()
        if page is not None:
            for format_name in FORMAT_NAMES:
                pdf_file(page, format_name)

    transaction.on_commit(make)


def material_changed(sender, instance, **kwargs):
    urls = []
    # The page itself even when just unpublished; its live translations.
    for version in [instance, *instance.get_translations().live()]:
        page_url = version.get_full_url()
        if page_url:
            urls += [f"{page_url}{format_name}.pdf" for format_name in FORMAT_NAMES]
    schedule_purge(urls=urls)


def connect(material_model):
    page_published.connect(material_changed, sender=material_model, dispatch_uid="materials_purge_published")
    page_unpublished.connect(material_changed, sender=material_model, dispatch_uid="materials_purge_unpublished")
    page_published.connect(make_pdfs, sender=material_model, dispatch_uid="materials_make_pdfs")
