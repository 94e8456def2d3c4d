import logging

from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_migrate


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Site and shared content"

    def ready(self):
        # What production.py found worth saying at each start, e.g. a cache one process only can use.
        for message in getattr(settings, "NASN_STARTUP_WARNINGS", ()):
            logging.getLogger("nasn").warning(message)

        from .site_origin import sync_after_migrate

        # Every `migrate` (a deploy step, and `make run`) points the default Site at NASN_PUBLIC_ORIGIN.
        post_migrate.connect(sync_after_migrate, sender=self, dispatch_uid="home.sync_default_site")

        from . import cache_purge

        cache_purge.connect()

        from wagtail.images import get_image_model

        from . import image_metadata

        image_metadata.connect(get_image_model())

        from . import request_cache, rich_text, stream_prefetch

        request_cache.install()
        rich_text.install()
        stream_prefetch.install()
