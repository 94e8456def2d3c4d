"""wagtail-localize's "Translate", "Sync" and "Publish", with this site's publishing rule.

A translation is never published while some of its text is not translated. A page that is
half Polish and half English tells a Polish reader nothing about which half they may have
missed, and a safety instruction in a language they do not read is lost without a warning. A
page with no Polish translation at all is served in English *with* a "not yet translated" notice
(home/views.py), and a translation already live stays live, as it was, until its new text is
translated: both are honest. Marking the untranslated sentences inside a published page is not
possible reliably (they can sit inside rich text), so refusing is the rule:

- "Translate this page" creates a draft (WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False);
- "Publish" in the translation editor is refused while texts are untranslated;
- "Sync" with "Publish immediately" publishes only the translations whose text is all
  translated, and only those the user may publish; the others keep their live version, so a
  changed English sentence never replaces published translated text with English.

Snippets have no draft state in this project: starting a snippet translation saves it at once
with the English text (wagtail-localize has no other way), which the message says.

The views subclass wagtail-localize's and are mounted on its own URLs (wagtail_hooks.py), so
every "Translate" and "Sync" button in the admin uses them.
"""

import contextlib

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import StringSegment, Translation
from wagtail_localize.views import submit_translations, update_translations

from editorial.translation_report import locales_user_translates

from .roles import TRANSLATORS


def untranslated_segments(translation):
    """How many texts of the translation's source wait for a translation in its language."""
    return (
        StringSegment.objects.filter(source_id=translation.source_id)
        .annotate_translation(translation.target_locale)
        .filter(translation__isnull=True)
        .count()
    )


def edits_english(user):
    """Superusers and whoever may edit English pages (editors, moderators)."""
    if user.is_superuser:
        return True
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return editable.filter(locale=Locale.get_default()).exists()


def may_translate_into_any_language(user):
    """Those who edit English pages send them to any language; so does the Translators group.

    Others who translate (a group with permissions on one language's home page, README
    "Languages") start translations into their own languages only.
    """
    return edits_english(user) or user.groups.filter(name=TRANSLATORS).exists()


def may_publish(user, instance):
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    return user.is_superuser or user.has_perm(get_permission_name("change", type(instance)))


class LimitLocalesMixin:
    """A translator limited to some languages may start translations into those only."""

    def get_form(self):
        form = super().get_form()
        user = self.request.user
        if not may_translate_into_any_language(user):
            allowed = [locale.pk for locale in locales_user_translates(user)]
            form.fields["locales"].queryset = form.fields["locales"].queryset.filter(pk__in=allowed)
        return form


class SubmitPageTranslationView(LimitLocalesMixin, submit_translations.SubmitPageTranslationView):
    def get_default_success_url(self, translated_page=None):
        # wagtail-localize opens the new translation, which an editor who sends a page to the
        # translators may not edit: a "submitted" message beside "you do not have permission".
        user = self.request.user
        if translated_page is not None and translated_page.permissions_for_user(user).can_edit():
            return reverse("wagtailadmin_pages:edit", args=[translated_page.pk])
        if self.object.permissions_for_user(user).can_edit():
            return reverse("wagtailadmin_pages:edit", args=[self.object.pk])
        return reverse("translation_coverage")

    def get_success_message(self, locales):
        return _(
            "'%(title)s' is now being translated into %(languages)s. The translation is a draft, "
            "not live: visitors see the English page until a translator translates and publishes it."
        ) % {"title": self.object.get_admin_display_title(), "languages": locales}


class SubmitSnippetTranslationView(LimitLocalesMixin, submit_translations.SubmitSnippetTranslationView):
    def get_default_success_url(self, translated_snippet=None):
        user = self.request.user
        model = type(self.object)
        if user.is_superuser or user.has_perm(get_permission_name("change", model)):
            return super().get_default_success_url(translated_snippet)
        return reverse("translation_coverage")

    def get_success_message(self, locales):
        if isinstance(self.object, DraftStateMixin):
            return _(
                "'%(title)s' is now being translated into %(languages)s. The translation is a draft, not live."
            ) % {"title": str(self.object), "languages": locales}
        return _(
            "'%(title)s' is now being translated into %(languages)s. Until it is translated, "
            "the translation shows the English text."
        ) % {"title": str(self.object), "languages": locales}


class UpdateTranslationsView(update_translations.UpdateTranslationsView):
    def get_form(self):
        form = super().get_form()
        form.fields["publish_translations"].help_text = _(
            "Publish the translations whose new text is all translated already. The others stay "
            "on the site as they are until a translator translates the new text and publishes them."
        )
        return form

    @transaction.atomic
    def form_valid(self, form):
        publish = form.cleaned_data["publish_translations"]
        # wagtail-localize would publish every translation, with English for the new text.
        form.cleaned_data["publish_translations"] = False
        response = super().form_valid(form)
        if publish:
            self.publish_complete_translations()
        return response

    def publish_complete_translations(self):
        user = self.request.user
        published, untranslated, not_allowed = [], [], []
        for translation in self.object.translations.filter(enabled=True).select_related("target_locale"):
            language = translation.target_locale.get_display_name()
            if untranslated_segments(translation):
                untranslated.append(language)
            elif not may_publish(user, translation.get_target_instance()):
                not_allowed.append(language)
            else:
                with contextlib.suppress(ValidationError):
                    translation.save_target(user=user, publish=True)
                    published.append(language)
        if published:
            messages.success(
                self.request, _("Published in %(languages)s.") % {"languages": get_text_list(published, _("and"))}
            )
        if untranslated:
            messages.warning(
                self.request,
                _(
                    "Not published in %(languages)s: the new text is not translated yet. The "
                    "published translation stays as it was until a translator publishes the new one."
                )
                % {"languages": get_text_list(untranslated, _("and"))},
            )
        if not_allowed:
            messages.warning(
                self.request,
                _("Not published in %(languages)s: you may not publish in these languages.")
                % {"languages": get_text_list(not_allowed, _("and"))},
            )


def refuse_publishing_untranslated(request, instance):
    """The translation editor's "Publish", refused while texts are untranslated (hook)."""
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    if not isinstance(instance, TranslatableMixin):
        return None
    translation = (
        Translation.objects.filter(
            source__object_id=instance.translation_key, target_locale_id=instance.locale_id, enabled=True
        )
        .select_related("target_locale")
        .first()
    )
    if translation is None:
        return None
    missing = untranslated_segments(translation)
    if not missing:
        return None
    messages.error(
        request,
        ngettext(
            "Not published: %(count)s text is not translated yet. Translate it, then publish.",
            "Not published: %(count)s texts are not translated yet. Translate them, then publish.",
            missing,
        )
        % {"count": missing},
    )
    return redirect(request.path)
