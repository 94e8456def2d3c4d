from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Report a concern")

    def ready(self):
        from home.unavailable import show_back_posts

        from .unsent import unsent_response

        # A report POST the database fails on shows the reporter's text back (home/unavailable.py).
        show_back_posts.append(unsent_response)
