from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Site and shared content"

    def ready(self):
        from wagtail.images import get_image_model

        from . import image_metadata

        image_metadata.connect(get_image_model())
