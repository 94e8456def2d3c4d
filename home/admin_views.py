from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from .translation_report import GROUPS, translation_coverage


class TranslationCoverageView(WagtailAdminTemplateMixin, TemplateView):
    """Reports → Translations: what is translated into each language, and what is out of date."""

    template_name = "home/admin/translation_coverage.html"
    page_title = _("Translations")
    header_icon = "globe"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["report"] = translation_coverage()
        context["groups"] = GROUPS
        return context
