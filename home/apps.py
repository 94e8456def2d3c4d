from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Site and shared content"

    def ready(self):
        from . import request_cache, rich_text, stream_prefetch

        request_cache.install()
        rich_text.install()
        stream_prefetch.install()
