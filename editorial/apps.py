from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Editorial workflow")

    def ready(self):
        from . import sessions, signals  # noqa: F401 -- sessions connects its user_logged_in receiver

        signals.connect()
