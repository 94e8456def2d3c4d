"""Dashboard panels: content due for review, and translation work."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy

from .admin_views import add_actions
from .review import advice_due_for_review, services_due_for_verification
from .roles import SUBMIT_TRANSLATION
from .translation_report import OUT_OF_DATE, locales_user_translates, target_locales, translation_work
from .translations import edits_english

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
    """Translation work: a translator's own list, or for others the translations out of date.

    Translators (who may edit pages in some languages but no English page) see everything
    waiting in their languages, most urgent first. Editors and moderators, who send English
    pages to translation and sync them, see the translations whose English changed.
    """

    name = "nasn_out_of_date_translations"
    template_name = "editorial/panels/out_of_date_translations.html"
    order = 160

    def is_shown(self, user):
        return user.is_superuser or user.has_perm(SUBMIT_TRANSLATION)

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        user = request.user
        if not self.is_shown(user):
            return {"items": []}
        locales = [] if edits_english(user) else locales_user_translates(user)
        translator = bool(locales)
        # Others see what needs a sync, which they may do: the translators do the rest.
        items = translation_work(locales) if translator else translation_work(target_locales(), [OUT_OF_DATE])
        shown = add_actions(items[:PANEL_LIMIT], user, request.get_full_path())
        return {"items": shown, "more": len(items) - len(shown), "translator": translator}
