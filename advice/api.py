from home.api import TranslatableSnippetAPIViewSet

from .models import AdviceTopic


class AdviceTopicsAPIViewSet(TranslatableSnippetAPIViewSet):
    model = AdviceTopic
