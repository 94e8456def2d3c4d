from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content for local and review sites: installed by the dev and test settings only."""

    name = "demo"
    label = "demo"
    verbose_name = "Demo content"
