from home.api.views import SnippetAPIViewSet, TranslatableSnippetAPIViewSet

from .models import Area, Language, Organisation, ServiceCategory


class ServiceCategoriesAPIViewSet(TranslatableSnippetAPIViewSet):
    model = ServiceCategory


class AreasAPIViewSet(TranslatableSnippetAPIViewSet):
    model = Area


class LanguagesAPIViewSet(SnippetAPIViewSet):
    model = Language


class OrganisationsAPIViewSet(TranslatableSnippetAPIViewSet):
    model = Organisation
