"""Content negotiation: JSON, whatever the client asks for."""

from rest_framework.negotiation import BaseContentNegotiation


class JSONOnly(BaseContentNegotiation):
    """JSON whatever the Accept header or ?format= asks for (no 406s, no browsable API)."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type
