from home.api.views import SnippetAPIViewSet, TranslatableSnippetAPIViewSet

from .models import Area, Language, Organisation, ServiceCategory, ServicePage


class ServiceCategoriesAPIViewSet(TranslatableSnippetAPIViewSet):
    model = ServiceCategory


class AreasAPIViewSet(TranslatableSnippetAPIViewSet):
    model = Area


class LanguagesAPIViewSet(SnippetAPIViewSet):
    model = Language


class OrganisationsAPIViewSet(TranslatableSnippetAPIViewSet):
    """Only organisations running a live, public service: one an import created for a draft
    service stays out of sight until an editor publishes the service."""

    model = Organisation

    def get_queryset(self):
        shown = Organisation.objects.filter(services__in=ServicePage.objects.live().public()).values("translation_key")
        return super().get_queryset().filter(translation_key__in=shown)
