from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.models import TranslatableMixin
from wagtail.snippets.permissions import get_permission_name

from . import translations
from .admin_views import TranslationCoverageView, TranslationSourceView
from .panels import ContentReviewPanel, OutOfDateTranslationsPanel
from .roles import TRANSLATORS
from .two_factor import LoginView
from .views import SignInLockoutViewSet


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    # Wagtail's own "Awaiting your review" and "Your pages in a workflow" panels stay.
    panels.extend([ContentReviewPanel(), OutOfDateTranslationsPanel()])


@hooks.register("construct_homepage_panels")
def put_awaiting_review_first(request, panels):
    # "Awaiting your review" is short and someone is waiting on it; the review-date lists can
    # be long. Wagtail's other panels have orders from 110, ours from 150.
    for panel in panels:
        if isinstance(panel, WorkflowObjectsToModeratePanel):
            panel.order = 10


class NASNContentChecker(ContentCheckerItem):
    """Wagtail's content checker (Checks panel and preview), with the rules editors can act on.

    Only the page's main content is checked: the header, footer and "leave this site" control
    are templates, tested by the browser tests, not something an editor can fix.
    """

    axe_include = ["main"]
    axe_run_only = [
        *ContentCheckerItem.axe_run_only,  # headings, link and button text, alt text quality…
        "image-alt",  # every image has alt text (decorative ones alt="")
        "input-image-alt",
        "list",
        "listitem",
        "definition-list",
        "dlitem",
        "th-has-data-cells",
        "td-headers-attr",
        "table-duplicate-name",
        "duplicate-id-aria",
        "valid-lang",  # lang="…" on quoted text in another language must be a real language code
    ]
    axe_messages = {
        **ContentCheckerItem.axe_messages,
        "image-alt": {
            "error_name": _("Image has no alternative text"),
            "help_text": _("Describe the image for people who cannot see it"),
        },
        "list": {
            "error_name": _("List is badly structured"),
            "help_text": _("Use the list buttons in the editor, not typed bullets or numbers"),
        },
    }


@hooks.register("construct_wagtail_userbar")
def use_nasn_content_checker(request, items, page):
    for index, item in enumerate(items):
        if isinstance(item, ContentCheckerItem):
            items[index] = NASNContentChecker(in_editor=item.in_editor)


def may_change_source_snippets(user, model):
    """Whether a group other than Translators (or the user directly) lets them change ``model``."""
    if user.is_superuser:
        return True
    app_label, codename = get_permission_name("change", model).split(".")
    permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    return (
        user.groups.exclude(name=TRANSLATORS).filter(permissions__in=permission).exists()
        or user.user_permissions.filter(pk__in=permission).exists()
    )


@hooks.register("before_edit_snippet")
def keep_translators_off_english_snippets(request, instance):
    # Django permissions are per model, so the Translators' "change" permission (which
    # wagtail-localize needs for translating snippets) would let them change the English
    # originals too. They may edit translations only.
    if (
        isinstance(instance, TranslatableMixin)
        and instance.locale.language_code == settings.LANGUAGE_CODE
        and not may_change_source_snippets(request.user, type(instance))
    ):
        raise PermissionDenied


@hooks.register("register_admin_viewset")
def register_sign_in_lockouts():
    return SignInLockoutViewSet()


# Before wagtail-2fa's own URLs (order), so this path resolves to the fixed view first.
@hooks.register("register_admin_urls", order=-1)
def register_two_factor_login():
    return [path("2fa/auth", LoginView.as_view(), name="wagtail_2fa_auth")]


@hooks.register("insert_global_admin_css")
def admin_fonts():
    # The site's Ethiopic font for Tigrinya in the admin (static/css/admin-fonts.css).
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin-fonts.css"))


# Translations (editorial/translations.py): wagtail-localize's "Translate" and "Sync" views with
# this site's rules, on wagtail-localize's own URLs, before its URLs (order) so these resolve first.
@hooks.register("register_admin_urls", order=-1)
def register_translation_views():
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            translations.SubmitPageTranslationView.as_view(),
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            translations.SubmitSnippetTranslationView.as_view(),
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            translations.UpdateTranslationsView.as_view(),
        ),
    ]


# Before wagtail-localize's hooks (order), which publish from the translation editor.
hooks.register("before_edit_page", translations.refuse_publishing_untranslated, order=-1)
hooks.register("before_edit_snippet", translations.refuse_publishing_untranslated, order=-1)


# Reports → Translations (editorial/translation_report.py).
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
