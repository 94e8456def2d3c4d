from wagtail import hooks

from .admin_views import ReportViewSet


@hooks.register("register_admin_viewset")
def register_report_viewset():
    # Also registers the report permissions (view, delete, export) for Wagtail's group editor.
    return ReportViewSet()
