from urllib.parse import urlencode

from django.contrib.admin.utils import quote
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.permissions import get_permission_name

from .translation_report import (
    GROUPS,
    NOT_STARTED,
    OUT_OF_DATE,
    STATUS_ORDER,
    UP_TO_DATE,
    locales_user_translates,
    target_locales,
    translation_coverage,
    translation_work,
    work_items,
)

SUBMIT_TRANSLATION = "wagtail_localize.submit_translation"

STATUS_LABELS = {
    OUT_OF_DATE: _("English changed"),
    "in_progress": _("Being translated"),
    "not_published": _("Not published"),
    NOT_STARTED: _("Not started"),
    UP_TO_DATE: _("Up to date"),
}


def work_locales(user):
    """The languages whose work the user sees: their own, or all for those who send pages to translation."""
    locales = locales_user_translates(user)
    if not locales and user.has_perm(SUBMIT_TRANSLATION):
        locales = target_locales()
    return locales


def edit_url(instance):
    if isinstance(instance, Page):
        return reverse("wagtailadmin_pages:edit", args=[instance.pk])
    meta = instance._meta
    return reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[quote(instance.pk)])


def add_actions(items, user, next_url):
    """Give each work item its one button (wagtail-localize's own views), if the user may use it."""
    may_submit = user.is_superuser or user.has_perm(SUBMIT_TRANSLATION)
    editable_pages = set(
        PagePermissionPolicy()
        .instances_user_has_permission_for(user, "change")
        .filter(pk__in=[item.translation.pk for item in items if item.is_page and item.translation])
        .values_list("pk", flat=True)
    )
    for item in items:
        item.action_url = item.action_label = None
        if item.status == NOT_STARTED and may_submit:
            if item.is_page:
                url = reverse("wagtail_localize:submit_page_translation", args=[item.source.pk])
            else:
                meta = item.source._meta
                url = reverse(
                    "wagtail_localize:submit_snippet_translation",
                    args=[meta.app_label, meta.model_name, quote(item.source.pk)],
                )
            item.action_url = f"{url}?{urlencode({'select_locale': item.locale.language_code})}"
            item.action_label = _("Start translation")
        elif item.status == OUT_OF_DATE and may_submit:
            url = reverse("wagtail_localize:update_translations", args=[item.translation_source.pk])
            item.action_url = f"{url}?{urlencode({'next': next_url})}"
            item.action_label = _("Sync with English")
        elif item.translation is not None and item.status != OUT_OF_DATE:
            if item.is_page:
                allowed = user.is_superuser or item.translation.pk in editable_pages
            else:
                allowed = user.is_superuser or user.has_perm(get_permission_name("change", type(item.translation)))
            if allowed:
                item.action_url = edit_url(item.translation)
                item.action_label = {"in_progress": _("Translate"), "not_published": _("Review and publish")}.get(
                    item.status, _("Open translation")
                )
        item.status_label = STATUS_LABELS[item.status]
        item.kind_label = capfirst(type(item.source)._meta.verbose_name)
    return items


class TranslationCoverageView(WagtailAdminTemplateMixin, TemplateView):
    """Reports → Translations: the work waiting in the user's languages, and coverage per language.

    It replaces wagtail-localize's own "Translations" report (hidden from the menu, its URL
    redirects here): the filters by language, type, title and "waiting for translation" are
    here, with one button per item.
    """

    template_name = "editorial/admin/translation_coverage.html"
    page_title = _("Translations")
    header_icon = "globe"
    paginate_by = 50

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        locales = work_locales(user)
        params = self.request.GET
        chosen_locale = params.get("locale", "")
        chosen_kind = params.get("kind", "")
        chosen_status = params.get("status", "")
        query = params.get("q", "").strip()[:100]
        shown = [locale for locale in locales if chosen_locale in ("", locale.language_code)]
        statuses = [chosen_status] if chosen_status in STATUS_ORDER else None
        items = translation_work(shown, statuses) if shown else []
        if chosen_kind in ("pages", "snippets"):
            items = [item for item in items if item.is_page == (chosen_kind == "pages")]
        if query:
            items = [item for item in items if query.casefold() in str(item.source).casefold()]
        page = Paginator(items, self.paginate_by).get_page(params.get("p"))
        add_actions(page.object_list, user, self.request.get_full_path())
        context.update(
            work_page=page,
            work_locales=locales,
            chosen_locale=chosen_locale,
            chosen_kind=chosen_kind,
            chosen_status=chosen_status,
            query=query,
            statuses=[(status, STATUS_LABELS[status]) for status in STATUS_ORDER],
            other_params=urlencode({key: value for key, value in params.items() if key != "p"}),
            report=translation_coverage(),
            groups=GROUPS,
        )
        return context


class TranslationSourceView(WagtailAdminTemplateMixin, TemplateView):
    """An English page's translations, for whoever may translate but not edit it (read-only).

    Translators opening an English page in the admin come here instead of being sent back to
    the dashboard (editorial/middleware.py): its live version, and one button per language.
    """

    template_name = "editorial/admin/translation_source.html"
    header_icon = "globe"

    def get_page_title(self):
        return self.page.get_admin_display_title()

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(Page, pk=page_id, locale=Locale.get_default()).specific
        return super().dispatch(request, page_id)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        locales = work_locales(user)
        items = list(work_items([self.page], locales).values()) if self.page.live else []
        add_actions(items, user, self.request.get_full_path())
        context.update(
            page=self.page,
            live_url=self.page.get_url(self.request) if self.page.live else None,
            items=items,
            can_edit=self.page.permissions_for_user(user).can_edit(),
        )
        return context
