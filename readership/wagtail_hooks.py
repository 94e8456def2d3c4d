from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import ReadershipReportView
from .panels import TranslateNextPanel

VIEW_PERMISSION = "readership.view_pageviews"


class ReadershipMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)


@hooks.register("register_admin_urls")
def register_readership_report_urls():
    return [
        path("reports/readership/", ReadershipReportView.as_view(), name="readership_report"),
        path(
            "reports/readership/results/",
            ReadershipReportView.as_view(results_only=True),
            name="readership_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_readership_menu_item():
    return ReadershipMenuItem(_("Readership"), reverse("readership_report"), icon_name="view", order=705)


@hooks.register("register_permissions")
def register_readership_permission():
    # Lets administrators grant the report in Wagtail's group editor.
    return Permission.objects.filter(content_type__app_label="readership", codename="view_pageviews")


@hooks.register("construct_homepage_panels")
def add_translate_next_panel(request, panels):
    panels.append(TranslateNextPanel())
