from django import forms
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.models import Locale, Page, TranslatableMixin


class SourceLocaleChoicesPageForm(WagtailAdminPageForm):
    """Offers only source-locale (English) snippets in choice fields.

    Pages reference the English snippets; translations are shown to visitors at render time
    (see home.localization). Without this, editors would see every topic once per language.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if not isinstance(field, forms.ModelChoiceField):
                continue
            model = field.queryset.model
            if issubclass(model, TranslatableMixin) and not issubclass(model, Page):
                field.queryset = field.queryset.filter(locale=Locale.get_default())


class HelplineForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.number:
            # With its publicised spacing, so that saving it unchanged keeps that spacing.
            self.initial["number"] = self.instance.display_number
