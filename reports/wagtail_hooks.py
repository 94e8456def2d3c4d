from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views

admin_urlpatterns = [
    path("", admin_views.ReportIndexView.as_view(), name="index"),
    path("export/", admin_views.ReportExportView.as_view(), name="export"),
    path("<int:pk>/", admin_views.ReportDetailView.as_view(), name="detail"),
    path("<int:pk>/delete/", admin_views.ReportDeleteView.as_view(), name="delete"),
]


class ReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("reports.view_report")


@hooks.register("register_admin_urls")
def register_report_admin_urls():
    return [path("concern-reports/", include((admin_urlpatterns, "concern_reports")))]


@hooks.register("register_admin_menu_item")
def register_reports_menu_item():
    return ReportsMenuItem(
        _("Concern reports"), reverse("concern_reports:index"), name="concern-reports", icon_name="warning", order=250
    )


@hooks.register("register_permissions")
def register_report_permissions():
    # Lets administrators grant these in Wagtail's group editor.
    return Permission.objects.filter(
        content_type__app_label="reports", codename__in=["view_report", "delete_report", "export_report"]
    )
