"""The translators' dashboard panel: the five pages their readers most need translated next."""

from wagtail.admin.ui.components import Component

from editorial.admin_views import add_actions
from editorial.translation_report import locales_user_translates
from editorial.translations import edits_english

from .report import translate_next

PANEL_LIMIT = 5


class TranslateNextPanel(Component):
    name = "nasn_translate_next"
    template_name = "readership/panels/translate_next.html"
    order = 155  # before the translators' full work list (editorial, 160)

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        user = request.user
        # Translators: whoever translates some language but edits no English page (as Editorial's panel).
        if not user.has_perm("readership.view_pageviews") or edits_english(user):
            return {"items": []}
        locales = locales_user_translates(user)
        items = [item for item in translate_next(locales) if item.readers][:PANEL_LIMIT] if locales else []
        return {"items": add_actions(items, user, request.get_full_path())}
