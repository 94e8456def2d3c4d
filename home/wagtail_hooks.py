from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import TranslationCoverageView, TranslationSourceView


@hooks.register("register_admin_urls")
def register_translation_report_url():
    return [
        path("reports/translations/", TranslationCoverageView.as_view(), name="translation_coverage"),
        path("reports/translations/page/<int:page_id>/", TranslationSourceView.as_view(), name="translation_source"),
    ]


# Before wagtail-localize's URLs (order): its own "Translations" report is replaced by ours.
@hooks.register("register_admin_urls", order=-1)
def replace_localize_translation_report():
    return [
        path(
            "localize/reports/translations/",
            RedirectView.as_view(pattern_name="translation_coverage", query_string=True),
        )
    ]


@hooks.register("construct_reports_menu")
def hide_localize_translation_report(request, menu_items):
    # One "Translations" report: ours has the same filters and a button per item.
    localize_report = reverse("wagtail_localize:translations_report")
    menu_items[:] = [item for item in menu_items if item.url != localize_report]


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    return MenuItem(_("Translations"), reverse("translation_coverage"), icon_name="globe", order=700)
