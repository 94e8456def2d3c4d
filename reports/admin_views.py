"""Admin for the "Safeguarding leads": list, read, export (CSV/XLSX) and delete reports.

A Wagtail ModelViewSet. Anyone without the needed permission gets a 403 page (rather than
Wagtail's redirect to the dashboard), and no answer may be kept in a browser or proxy cache.
"""

import logging

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.defaultfilters import linebreaksbr
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.dateformat import format as format_date
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from home import phones

from .models import Report

logger = logging.getLogger("reports")


class ForbiddenIsA403Mixin:
    def dispatch(self, request, *args, **kwargs):
        try:
            response = super().dispatch(request, *args, **kwargs)
        except PermissionDenied:
            response = TemplateResponse(request, "reports/admin/forbidden.html", status=403)
        # Reports must not linger in a browser or proxy cache.
        add_never_cache_headers(response)
        return response


def received(report, pattern="j M Y, H:i"):
    return format_date(timezone.localtime(report.created_at), pattern)


def csv_cell(value):
    """A spreadsheet cell that cannot run as a formula (OWASP "CSV injection")."""
    value = "" if value is None else str(value)
    if value.startswith(("=", "+", "-", "@", "\t", "\r")):
        return "'" + value
    return value


# The export's columns: field → (heading, value).
EXPORT_COLUMNS = {
    "pk": (_("ID"), lambda r: r.pk),
    "created_at": (_("Received"), lambda r: received(r, "Y-m-d H:i")),
    "what_seen": (_("What was seen"), lambda r: r.what_seen),
    "location": (_("Where"), lambda r: r.location),
    "district": (_("District"), lambda r: r.district.name if r.district else ""),
    "when_seen": (_("When"), lambda r: r.when_seen),
    "contact_name": (_("Name"), lambda r: r.contact_name),
    "contact_phone": (_("Phone"), lambda r: str(r.contact_phone or "")),
    "contact_email": (_("Email"), lambda r: r.contact_email),
    "who_affected": (_("Who it is happening to"), lambda r: r.get_who_affected_display()),
    "locale_code": (_("Language"), lambda r: r.locale_code),
    "page": (_("Sent from page"), lambda r: r.page.title if r.page else ""),
}


class ReportIndexView(ForbiddenIsA403Mixin, generic.IndexView):
    def get(self, request, *args, **kwargs):
        if self.is_export and not request.user.has_perm("reports.export_report"):
            raise PermissionDenied
        return super().get(request, *args, **kwargs)

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("district", "page")

    def to_row_dict(self, item):
        return {field: EXPORT_COLUMNS[field][1](item) for field in self.list_export}

    @cached_property
    def show_export_buttons(self):
        return self.request.user.has_perm("reports.export_report")

    def get_filename(self):
        return f"concern-reports-{timezone.localdate():%Y-%m-%d}"

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        # Wagtail's XLSX export already turns formulas into text; its CSV export does not.
        return csv_cell(value) if export_format == self.FORMAT_CSV else value

    def stream_csv(self, queryset):
        # A byte-order mark, so spreadsheet programs read the file as UTF-8.
        yield "\ufeff"
        yield from super().stream_csv(queryset)

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = "text/csv; charset=utf-8"
        return response


class ReportInspectView(ForbiddenIsA403Mixin, generic.InspectView):
    def get_page_title(self):
        return _("Report %(id)s") % {"id": self.object.pk}

    def get_created_at_display_value(self):
        return received(self.object, "j F Y, H:i")

    def get_what_seen_display_value(self):
        return linebreaksbr(self.object.what_seen)

    def get_location_display_value(self):
        return linebreaksbr(self.object.location)

    def get_contact_phone_display_value(self):
        return phones.display(self.object.contact_phone)


class ReportDeleteView(ForbiddenIsA403Mixin, generic.DeleteView):
    confirmation_message = _("Delete this report for good? It cannot be recovered.")

    def get_page_title(self):
        return _("Delete report %(id)s") % {"id": self.object.pk}

    def delete_action(self):
        self.report_id = self.object.pk
        super().delete_action()
        # An audit trail of who deleted which report, never what it said.
        logger.info("Concern report %s deleted by user %s.", self.report_id, self.request.user.pk)

    def get_success_message(self):
        return _("Report %(id)s deleted.") % {"id": self.report_id}


class ReportViewSet(ModelViewSet):
    model = Report
    name = "concern_reports"
    url_prefix = "concern-reports"
    icon = "warning"
    menu_label = _("Concern reports")
    menu_name = "concern-reports"
    menu_order = 250
    add_to_admin_menu = True
    add_to_reference_index = False
    index_view_class = ReportIndexView
    inspect_view_class = ReportInspectView
    delete_view_class = ReportDeleteView
    index_template_name = "reports/admin/index.html"
    inspect_view_enabled = True
    copy_view_enabled = False
    list_per_page = 50
    ordering = ["-created_at", "-pk"]
    list_display = [
        TitleColumn(
            "created_at",
            label=_("Received"),
            accessor=received,
            get_url=lambda report: reverse("concern_reports:inspect", args=[report.pk]),
        ),
        Column("what_seen", label=_("What was seen"), accessor=lambda r: r.what_seen[:100]),
        Column("district", label=_("District"), accessor=lambda r: r.district.name if r.district else "—"),
        Column("who_affected", label=_("Who it is happening to"), accessor="get_who_affected_display"),
        Column(
            "contact",
            label=_("Contact details"),
            accessor=lambda r: _("Given") if r.has_contact_details else _("Anonymous"),
        ),
        Column("locale_code", label=_("Language")),
    ]
    inspect_view_fields = [
        "created_at",
        "what_seen",
        "location",
        "district",
        "when_seen",
        "who_affected",
        "contact_name",
        "contact_phone",
        "contact_email",
        "locale_code",
        "page",
    ]
    list_export = list(EXPORT_COLUMNS)
    export_headings = {field: heading for field, (heading, _value) in EXPORT_COLUMNS.items()}
    # Never used (nobody may add or change reports), but ModelViewSet builds its forms up front.
    form_fields = ["what_seen"]

    def get_urlpatterns(self):
        # The reading and deleting URLs reports have always had (emails link to them), and the
        # old CSV link sent to Wagtail's export.
        paths = {"inspect": "<int:pk>/", "delete": "<int:pk>/delete/"}
        urlpatterns = [
            path(paths[pattern.name], pattern.callback, name=pattern.name) if pattern.name in paths else pattern
            for pattern in super().get_urlpatterns()
        ]
        return urlpatterns + [path("export/", self.old_export_url, name="export")]

    def old_export_url(self, request):
        return redirect(reverse(self.get_url_name("index")) + "?export=csv")
