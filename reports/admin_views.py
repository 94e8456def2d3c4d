"""Admin views for the "Safeguarding leads": list, read, export and delete reports.

Wagtail wraps these in its admin login check; each view then checks its own permission and
answers 403 (rather than Wagtail's redirect to the dashboard) to anyone without it.
"""

import csv
import logging

from django.http import StreamingHttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import DeleteView, DetailView, ListView
from wagtail.admin import messages
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.widgets import HeaderButton

from .models import Report

INDEX_URL = reverse_lazy("concern_reports:index")

logger = logging.getLogger("reports")


class PermissionRequiredMixin:
    permission_required = "reports.view_report"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission_required):
            return TemplateResponse(request, "reports/admin/forbidden.html", status=403)
        response = super().dispatch(request, *args, **kwargs)
        # Reports must not linger in a browser or proxy cache.
        add_never_cache_headers(response)
        return response


class ReportIndexView(PermissionRequiredMixin, WagtailAdminTemplateMixin, ListView):
    queryset = Report.objects.select_related("district")
    context_object_name = "reports"
    paginate_by = 50
    page_kwarg = "p"
    template_name = "reports/admin/index.html"
    page_title = _("Concern reports")
    header_icon = "warning"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_header_buttons(self):
        if not self.request.user.has_perm("reports.export_report"):
            return []
        return [HeaderButton(_("Download CSV"), reverse("concern_reports:export"), icon_name="download")]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page_obj = context["page_obj"]
        context["items"] = page_obj
        context["elided_page_range"] = page_obj.paginator.get_elided_page_range(page_obj.number)
        return context


class ReportDetailView(PermissionRequiredMixin, WagtailAdminTemplateMixin, DetailView):
    queryset = Report.objects.select_related("district", "page")
    context_object_name = "report"
    template_name = "reports/admin/detail.html"
    header_icon = "warning"

    def get_page_title(self):
        return _("Report %(id)s") % {"id": self.object.pk}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": INDEX_URL, "label": _("Concern reports")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_header_buttons(self):
        if not self.request.user.has_perm("reports.delete_report"):
            return []
        url = reverse("concern_reports:delete", args=[self.object.pk])
        return [HeaderButton(_("Delete"), url, icon_name="bin", classname="no")]


class ReportDeleteView(PermissionRequiredMixin, WagtailAdminTemplateMixin, DeleteView):
    permission_required = "reports.delete_report"
    model = Report
    template_name = "reports/admin/confirm_delete.html"
    header_icon = "bin"
    success_url = INDEX_URL

    def get_page_title(self):
        return _("Delete report %(id)s") % {"id": self.object.pk}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": INDEX_URL, "label": _("Concern reports")},
            {"url": "", "label": self.get_page_title()},
        ]

    def form_valid(self, form):
        report_id = self.object.pk
        response = super().form_valid(form)
        # An audit trail of who deleted which report, never what it said.
        logger.info("Concern report %s deleted by user %s.", report_id, self.request.user.pk)
        messages.success(self.request, _("Report %(id)s deleted.") % {"id": report_id})
        return response


def csv_cell(value):
    """A spreadsheet cell that cannot run as a formula (OWASP "CSV injection")."""
    value = "" if value is None else str(value)
    if value.startswith(("=", "+", "-", "@", "\t", "\r")):
        return "'" + value
    return value


class Echo:
    def write(self, value):
        return value


class ReportExportView(PermissionRequiredMixin, View):
    permission_required = "reports.export_report"
    columns = [
        (_("ID"), lambda r: r.pk),
        (_("Received"), lambda r: timezone.localtime(r.created_at).strftime("%Y-%m-%d %H:%M")),
        (_("What was seen"), lambda r: r.what_seen),
        (_("Where"), lambda r: r.location),
        (_("District"), lambda r: r.district.name if r.district else ""),
        (_("When"), lambda r: r.when_seen),
        (_("Name"), lambda r: r.contact_name),
        (_("Phone"), lambda r: r.contact_phone),
        (_("Email"), lambda r: r.contact_email),
        (_("Who it is happening to"), lambda r: r.get_who_affected_display()),
        (_("Language"), lambda r: r.locale_code),
        (_("Sent from page"), lambda r: r.page.title if r.page else ""),
    ]

    def rows(self):
        # A byte-order mark, so spreadsheet programs read the file as UTF-8.
        yield ["\ufeff" + str(self.columns[0][0])] + [str(label) for label, _value in self.columns[1:]]
        for report in Report.objects.select_related("district", "page").order_by("created_at", "pk").iterator():
            yield [csv_cell(value(report)) for _label, value in self.columns]

    def get(self, request):
        writer = csv.writer(Echo())
        response = StreamingHttpResponse(
            (writer.writerow(row) for row in self.rows()), content_type="text/csv; charset=utf-8"
        )
        filename = f"concern-reports-{timezone.localdate():%Y-%m-%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
