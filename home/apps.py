import logging

from django.apps import AppConfig
from django.conf import settings


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Site and shared content"

    def ready(self):
        # What production.py found worth saying at each start, e.g. a cache one process only can use.
        for message in getattr(settings, "NASN_STARTUP_WARNINGS", ()):
            logging.getLogger("nasn").warning(message)
