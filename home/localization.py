"""Helpers that show source-locale references in the visitor's language, in bulk.

Pages and snippets reference English (source) objects: wagtail-localize synchronises those
references. At render time each reference is swapped for its live translation in the active
locale where one exists, with one query per list, never one per item.
"""

from wagtail.models import Locale, Page


def localize_pages(pages, locale=None):
    pages = list(pages)
    if not pages:
        return pages
    locale = locale or Locale.get_active()
    translations = {
        page.translation_key: page
        for page in Page.objects.live()
        .public()
        .filter(locale=locale, translation_key__in=[page.translation_key for page in pages])
        .specific()
    }
    return [translations.get(page.translation_key, page) for page in pages]


def localize_objects(objects, locale=None):
    """Snippets (TranslatableMixin models) in the active locale, falling back to the source."""
    objects = list(objects)
    if not objects:
        return objects
    locale = locale or Locale.get_active()
    model = type(objects[0])
    translations = {
        obj.translation_key: obj
        for obj in model.objects.filter(locale=locale, translation_key__in=[obj.translation_key for obj in objects])
    }
    return [translations.get(obj.translation_key, obj) for obj in objects]
