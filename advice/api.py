from home.api.views import TranslatableSnippetAPIViewSet

from .models import AdviceTopic


class AdviceTopicsAPIViewSet(TranslatableSnippetAPIViewSet):
    model = AdviceTopic
