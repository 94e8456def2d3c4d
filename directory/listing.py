"""Helpers for the directory page: the filters a visitor chose, and what the page shows about them."""

from django.http import QueryDict

# Filter parameter → the attribute of an option that the value names.
KEYS = {"category": "slug", "area": "slug", "language": "code"}


def choose(query, **options):
    """({param: option}, [unknown params]) for the ``?category=``-style values in ``query``,
    each matched against the options the page offers (``options[param]``)."""
    selected, unknown = {}, []
    for param, choices in options.items():
        value = query.get(param, "")
        match = next((choice for choice in choices if getattr(choice, KEYS[param]) == value), None)
        if match is not None:
            selected[param] = match
        elif value:
            unknown.append(param)
    return selected, unknown


def localize_terms(services, categories, areas):
    """Give each service ``localized_categories`` and ``localized_areas`` from the page's
    already localised option lists (no queries)."""
    categories = {category.translation_key: category for category in categories}
    areas = {area.translation_key: area for area in areas}
    for service in services:
        service.localized_categories = [categories.get(c.translation_key, c) for c in service.categories.all()]
        service.localized_areas = [areas.get(a.translation_key, a) for a in service.areas.all()]


def links_without_each(active):
    """For a search that finds nothing: per active filter, the query string without just that one."""
    links = {}
    for param in active:
        rest = QueryDict(mutable=True)
        rest.update({other: value for other, value in active.items() if other != param})
        links[param] = f"?{rest.urlencode()}" if rest else ""
    return links
