"""Limit/offset paging."""

from django.conf import settings
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError

from .schema import param


class Pagination(WagtailPagination):
    """Wagtail's limit/offset paging, with a ceiling on offset (a huge one overflows SQL)."""

    max_offset = 100_000

    def paginate_queryset(self, queryset, request, view=None):
        try:
            too_far = int(request.GET.get("offset", 0)) > self.max_offset
        except ValueError:
            too_far = False  # Wagtail reports it
        if too_far:
            raise BadRequestError(f"offset cannot be higher than {self.max_offset}")
        return super().paginate_queryset(queryset, request, view)

    @classmethod
    def api_parameters(cls, view):
        return [
            param(
                "limit",
                {"type": "integer", "minimum": 0, "maximum": settings.WAGTAILAPI_LIMIT_MAX, "default": 20},
                "How many items to return.",
            ),
            param("offset", {"type": "integer", "minimum": 0, "maximum": cls.max_offset}, "How many items to skip."),
        ]
