"""Helpers that show content in the visitor's language, falling back to English, in bulk.

One rule for every listing and reference: each item's live, public translation in the
visitor's locale where one exists, otherwise its source (default-locale, English) version;
drafts and private pages never. One query per list, never one per item.
"""

from django.db.models import BooleanField, ExpressionWrapper, Q
from wagtail.models import Locale, Page, PageQuerySet

from .request_cache import shared


def in_locale_or_source(queryset, locale):
    """The live, public pages of ``queryset`` in ``locale``, plus the source-locale pages that
    have no live, public translation in ``locale`` among them; pages in other locales are left out.

    One SQL query (the translations are a subquery), so the result still takes filters,
    ordering, slicing and prefetching. A draft or private translation hides nothing.
    """
    queryset = queryset.live().public()
    source = Locale.get_default()
    if locale.pk == source.pk:
        return queryset.filter(locale=source)
    translated = queryset.filter(locale=locale).values("translation_key")
    return queryset.filter(Q(locale=locale) | Q(locale=source) & ~Q(translation_key__in=translated))


class ListingQuerySet(PageQuerySet):
    """For page types listed with the fallback rule (the API's ``?locale=`` follows it too)."""

    def in_locale_or_source(self, locale):
        return in_locale_or_source(self, locale)


def site_pages(site):
    """The live, public pages of ``site`` in every locale: each locale's tree hangs from a
    translation of the site's root page."""
    roots = shared(
        f"site_roots:{site.pk}", lambda: [site.root_page, *site.root_page.get_translations().only("path", "depth")]
    )
    in_site = Q()
    for root in roots:
        in_site |= Page.objects.descendant_of_q(root, inclusive=True)
    return Page.objects.live().public().filter(in_site)


def translations_of(page, locale):
    """``page`` and its versions in ``locale`` and the source locale, whatever their status:
    a listing takes the children of all of them (English items under the English index)."""
    return Page.objects.filter(
        Q(pk=page.pk) | Q(translation_key=page.translation_key, locale__in=[locale, Locale.get_default()])
    ).only("path", "depth")


def children_of_q(parents):
    """Direct children of any of ``parents``."""
    q = Q(pk__in=[])
    for parent in parents:
        q |= Page.objects.child_of_q(parent)
    return q


def listing_locale(page, request=None):
    """The locale a page lists things in: its own, or the visitor's when the page is shown in
    English because it is not translated yet (home.views.serve sets the flag)."""
    if request is not None and getattr(request, "is_untranslated_fallback", False):
        return Locale.get_active()
    return page.locale


def localize_pages(pages, locale=None, specific=True):
    """Referenced pages, each as its live, public version in ``locale`` or else in the source
    locale; pages with neither (drafts, private pages) are left out. Order is kept.
    With ``specific=False`` they stay plain Page objects: one query fewer per page type."""
    pages = list(pages)
    if not pages:
        return pages
    locale = locale or Locale.get_active()
    keys = {page.translation_key for page in pages}
    found = in_locale_or_source(Page.objects.filter(translation_key__in=keys), locale)
    if specific:
        found = found.specific()
    found = {page.translation_key: page for page in found}
    return [found[page.translation_key] for page in pages if page.translation_key in found]


def link_targets(ids_by_locale, model=Page, shown=None, specific=False):
    """{locale id: {page id: the page a link to it leads to, or None}} for links by page id
    (rich text, related pages), given {locale: page ids} for the languages they are shown in.

    The same rule as ``localize_pages``: the linked page's version in the locale, else in the
    source locale; and for a page in neither (a link to another language's page), the page
    itself. Only pages in ``shown`` (default: live and public ones) are targets, never a draft
    or a private page. ``model``: the page type linked to; with ``specific``, pages of any type
    come as their own type (one query more per type). One query, whatever the number of links
    and languages.
    """
    ids = set().union(*ids_by_locale.values()) if ids_by_locale else set()
    if not ids:
        return {locale.pk: {} for locale in ids_by_locale}
    source = Locale.get_default()
    keys = Page.objects.filter(pk__in=ids).values("translation_key")
    locales = {source.pk, *(locale.pk for locale in ids_by_locale)}
    visible = Q(live=True) & ~Page.objects.all().private_q() if shown is None else Q(pk__in=shown.values("pk"))
    rows = model.objects.filter(Q(pk__in=ids) | Q(translation_key__in=keys, locale__in=locales)).annotate(
        visible=ExpressionWrapper(visible, output_field=BooleanField())
    )
    if specific:
        rows = rows.select_related("locale", for_specific_subqueries=True).specific()
    else:
        rows = rows.select_related("locale")
    rows = list(rows)
    versions = {(page.translation_key, page.locale_id): page for page in rows if page.visible}
    linked = {page.pk: page for page in rows if page.pk in ids}
    targets = {}
    for locale, locale_ids in ids_by_locale.items():
        targets[locale.pk] = dict.fromkeys(locale_ids)
        for pk in locale_ids:
            page = linked.get(pk)
            if page is not None:
                targets[locale.pk][pk] = (
                    versions.get((page.translation_key, locale.pk))
                    or versions.get((page.translation_key, source.pk))
                    or (page if page.visible else None)
                )
    return targets


def localize_objects(objects, locale=None):
    """Snippets (TranslatableMixin models) in the active locale, falling back to the source."""
    objects = list(objects)
    if not objects:
        return objects
    locale = locale or Locale.get_active()
    if all(obj.locale_id == locale.pk for obj in objects):
        return objects  # already in that locale (English snippets on an English page)
    model = type(objects[0])
    translations = {
        obj.translation_key: obj
        for obj in model.objects.filter(locale=locale, translation_key__in=[obj.translation_key for obj in objects])
    }
    return [translations.get(obj.translation_key, obj) for obj in objects]


def localized_snippet(obj):
    """A small snippet's (helplines') translation in the active locale, else ``obj``: all of the
    model's rows in that locale are read once per change of content, however many are shown."""
    locale = Locale.get_active()
    if obj.locale_id == locale.pk:
        return obj
    return snippet_translations(type(obj), locale).get(obj.translation_key, obj)


def snippet_translations(model, locale):
    """{translation_key: row} of all of a snippet model's rows in ``locale``, read once per change
    of content (helplines, topics, areas, categories: small tables)."""
    return shared(
        f"translations:{model._meta.label}:{locale.pk}",
        lambda: {row.translation_key: row for row in model._default_manager.filter(locale=locale)},
    )
