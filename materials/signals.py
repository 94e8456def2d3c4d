"""A CDN's copies of a material's PDFs go when the material is published or unpublished.

home/cache_purge.py purges the page cache (pages and PDFs alike) and, from a CDN, the page and the
listing pages above it; the PDFs below the page are added here, in every language's version.
"""

from wagtail.signals import page_published, page_unpublished

from home.cache_purge import schedule_purge

from .files import FORMAT_NAMES


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
