"""Dashboard panels: content due for review, and translations out of date with their source."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from home.translation_report import GROUPS, translation_coverage

from .review import advice_due_for_review, services_due_for_verification
from .roles import SUBMIT_TRANSLATION

# A dashboard is for the next few jobs; the reminder email lists everything.
PANEL_LIMIT = 20


def _editable_by(user, queryset):
    if user.is_superuser:
        return queryset
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return queryset.filter(pk__in=editable.values("pk"))


class ContentReviewPanel(Component):
    """Advice not reviewed, and services not verified, for longer than the configured periods."""

    name = "nasn_content_review"
    template_name = "editorial/panels/content_review.html"
    order = 150

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        lists = []
        for heading, field, months, queryset in (
            (_("Advice due for review"), "last_reviewed", settings.NASN_ADVICE_REVIEW_MONTHS, advice_due_for_review()),
            (
                _("Services due for verification"),
                "last_verified",
                settings.NASN_SERVICE_VERIFY_MONTHS,
                services_due_for_verification(),
            ),
        ):
            queryset = _editable_by(user, queryset)
            total = queryset.count()
            if total:
                pages = [(page, getattr(page, field)) for page in queryset[:PANEL_LIMIT]]
                lists.append({"heading": heading, "months": months, "pages": pages, "more": total - len(pages)})
        return {"lists": lists}


class OutOfDateTranslationsPanel(Component):
    """Per language, the translations whose English source changed since they were synced."""

    name = "nasn_out_of_date_translations"
    template_name = "editorial/panels/out_of_date_translations.html"
    order = 160

    def is_shown(self, user):
        return user.is_superuser or user.has_perm(SUBMIT_TRANSLATION)

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        if not self.is_shown(user):
            return {"locales": []}
        report = translation_coverage()
        sources = {
            (page.translation_key, row.locale.pk): page
            for row in report
            for coverage in row.groups.values()
            for page in coverage.out_of_date
        }
        translations = {
            (page.translation_key, page.locale_id): page
            for page in Page.objects.filter(
                translation_key__in={key for key, _locale in sources},
                locale_id__in={locale for _key, locale in sources},
            )
        }
        locales = []
        for row in report:
            seen, items = set(), []
            for group in GROUPS:
                for source in row.groups[group].out_of_date:
                    if source.pk in seen:
                        continue  # a key page can also be an advice page
                    seen.add(source.pk)
                    translation = translations.get((source.translation_key, row.locale.pk))
                    can_edit = translation is not None and translation.permissions_for_user(user).can_edit()
                    items.append({"source": source, "translation": translation, "can_edit": can_edit})
            if items:
                locales.append({"locale": row.locale, "items": items})
        return {"locales": locales}
