"""The pages the header and footer link to, chosen by editors in Settings → Navigation.

Editors choose English pages once; visitors get each page's live translation in their language
where there is one, else the English page (home.localization's one rule).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Locale, Site

from .localization import localize_pages
from .request_cache import shared

# Each key names a field, `<key>_page`, and an entry of navigation_pages().
MAIN_MENU_KEYS = ["get_help", "advice", "directory", "report", "news"]
FOOTER_KEYS = ["safety", "materials", "about", "contact", "privacy", "accessibility"]
LINK_KEYS = MAIN_MENU_KEYS + FOOTER_KEYS


def chooser_page_type(key):
    """The page type a chooser offers for `key`: domain page types are named by the project's
    settings (NASN_CHOOSER_PAGE_TYPES), so that this base app imports no domain app."""
    return getattr(settings, "NASN_CHOOSER_PAGE_TYPES", {}).get(key, "wagtailcore.Page")


def _page_link(verbose_name):
    return models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


@register_setting(icon="list-ul")
class NavigationSettings(BaseSiteSetting):
    get_help_page = _page_link(_("Get help now"))
    advice_page = _page_link(_("Advice"))
    directory_page = _page_link(_("Service directory"))
    report_page = _page_link(_("Report a concern"))
    news_page = _page_link(_("News"))
    safety_page = _page_link(_("Staying safe online"))
    materials_page = _page_link(_("Posters and leaflets"))
    about_page = _page_link(_("About us"))
    contact_page = _page_link(_("Contact us"))
    privacy_page = _page_link(_("Privacy"))
    accessibility_page = _page_link(_("Accessibility"))

    panels = [
        MultiFieldPanel(
            [PageChooserPanel(f"{key}_page", page_type=chooser_page_type(key)) for key in MAIN_MENU_KEYS],
            heading=_("Main menu"),
            help_text=_("Choose the English pages: visitors get their language's version where there is one."),
        ),
        MultiFieldPanel(
            [PageChooserPanel(f"{key}_page", page_type=chooser_page_type(key)) for key in FOOTER_KEYS],
            heading=_("Footer links"),
        ),
    ]
    # The chosen pages and the home page come with the setting, in the same query.
    select_related = ["site__root_page"] + [f"{key}_page" for key in LINK_KEYS]

    class Meta:
        verbose_name = _("navigation")

    def chosen_pages(self):
        """{key: page} for each link that has a page chosen."""
        return {key: getattr(self, f"{key}_page") for key in LINK_KEYS if getattr(self, f"{key}_page_id")}

    @classmethod
    def choose(cls, site, **pages):
        """Set links from code (demo content, tests): choose(site, advice=advice_index, …)."""
        unknown = set(pages) - set(LINK_KEYS)
        if unknown:
            raise ValueError(f"Unknown navigation links: {', '.join(sorted(unknown))}")
        navigation = cls.for_site(site)
        for key, page in pages.items():
            setattr(navigation, f"{key}_page", page)
        navigation.save()
        return navigation


def navigation_pages(request):
    """{"home": the visitor's home page, key: page for each link}, each page in the active
    language where translated and live, else in English. Looked up once per request."""
    cache_attr = f"_nasn_navigation_pages_{get_language()}"
    if hasattr(request, cache_attr):
        return getattr(request, cache_attr)
    site = Site.find_for_request(request)
    pages = {}
    if site is not None:
        pages = shared(f"navigation:{site.pk}:{get_language()}", lambda: _navigation_pages(request))
    setattr(request, cache_attr, pages)
    return pages


def _navigation_pages(request):
    navigation = NavigationSettings.for_request(request)
    chosen = {"home": navigation.site.root_page, **navigation.chosen_pages()}
    localized = {
        page.translation_key: page for page in localize_pages(chosen.values(), Locale.get_active(), specific=False)
    }
    return {key: localized[page.translation_key] for key, page in chosen.items() if page.translation_key in localized}
