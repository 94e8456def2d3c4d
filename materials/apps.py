from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MaterialsConfig(AppConfig):
    name = "materials"
    verbose_name = _("Posters and leaflets")

    def ready(self):
        from . import signals

        signals.connect(self.get_model("MaterialPage"))
