from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import SearchTermsReportView


class SearchTermsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("search.view_searchlog")


@hooks.register("register_admin_urls")
def register_search_terms_report_urls():
    return [
        path("reports/search-terms/", SearchTermsReportView.as_view(), name="search_terms_report"),
        path(
            "reports/search-terms/results/",
            SearchTermsReportView.as_view(results_only=True),
            name="search_terms_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_search_terms_menu_item():
    return SearchTermsMenuItem(_("Search terms"), reverse("search_terms_report"), icon_name="search", order=710)


@hooks.register("construct_reports_menu")
def hide_wagtail_search_terms_report(request, menu_items):
    # wagtail.contrib.search_promotions adds its own "Search terms" report (Wagtail's query
    # counts, which this site does not record); ours above is the one with the site's log.
    wagtail_report = reverse("wagtailsearchpromotions:search_terms")
    menu_items[:] = [item for item in menu_items if item.url != wagtail_report]


@hooks.register("register_permissions")
def register_search_log_permission():
    # Lets administrators grant the report, and downloading it, in Wagtail's group editor.
    return Permission.objects.filter(
        content_type__app_label="search", codename__in=["view_searchlog", "export_searchlog"]
    )
