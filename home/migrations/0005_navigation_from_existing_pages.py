"""Fills Settings → Navigation for an existing site, so that its menus stay as they were.

The menus used to be guessed, per visit, among the English home page's live, public children:
the sections by page type and the other pages by slug, the first match winning. Those rules are
applied here once, and only here.
"""

from django.conf import settings
from django.db import migrations

SECTION_TYPES = {
    "advice": ("advice", "adviceindexpage"),
    "news": ("news", "newsindexpage"),
    "directory": ("directory", "directoryindexpage"),
}
SLUG_CHOICES = {
    "get_help": ("get-help", "get-help-now"),
    "report": ("report-a-concern", "report", "report-concern"),
    "about": ("about", "about-us"),
    "contact": ("contact", "contact-us"),
    "safety": ("staying-safe-online", "stay-safe-online", "cover-your-tracks", "using-this-site-safely"),
    "privacy": ("privacy", "privacy-notice", "privacy-policy"),
    "accessibility": ("accessibility", "accessibility-statement"),
}


def chosen_pages(children):
    """{key: page} by the old rules, for the home page's children in tree order."""
    chosen = {}
    for child in children:
        type_key = (child.content_type.app_label, child.content_type.model)
        for key, wanted in SECTION_TYPES.items():
            if type_key == wanted:
                chosen.setdefault(key, child)
        for key, slugs in SLUG_CHOICES.items():
            if child.slug in slugs:
                chosen.setdefault(key, child)
    return chosen


def fill_navigation(apps, schema_editor):
    Site = apps.get_model("wagtailcore", "Site")
    Page = apps.get_model("wagtailcore", "Page")
    PageViewRestriction = apps.get_model("wagtailcore", "PageViewRestriction")
    NavigationSettings = apps.get_model("home", "NavigationSettings")
    restricted_paths = list(PageViewRestriction.objects.values_list("page__path", flat=True))
    for site in Site.objects.select_related("root_page"):
        home = site.root_page
        english_home = Page.objects.filter(
            translation_key=home.translation_key, locale__language_code=settings.LANGUAGE_CODE
        ).first()
        home = english_home or home
        children = [
            child
            for child in Page.objects.filter(path__startswith=home.path, depth=home.depth + 1, live=True)
            .select_related("content_type")
            .order_by("path")
            if not any(child.path.startswith(path) for path in restricted_paths)
        ]
        chosen = chosen_pages(children)
        if not chosen:
            continue
        navigation, _created = NavigationSettings.objects.get_or_create(site=site)
        for key, page in chosen.items():
            setattr(navigation, f"{key}_page", page)
        navigation.save()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_navigationsettings"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(fill_navigation, migrations.RunPython.noop)]
