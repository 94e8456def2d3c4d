"""Limit/offset paging."""

from django.conf import settings
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError

from .schema import param


class CountWhenAsked:
    """A queryset (or search results) for WagtailPagination whose count is left to the caller;
    it notes the slice taken."""

    def __init__(self, queryset):
        self.queryset = queryset
        self.taken = None

    def count(self):
        return None

    def __getitem__(self, taken):
        self.taken = taken
        return self.queryset[taken]


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
        # Wagtail counts first, then slices. A page with fewer items than asked for is the last
        # one (or the only one), so the total is known without counting: taken first, counted
        # only when the page is full or past the end.
        deferred = CountWhenAsked(queryset)
        items = list(super().paginate_queryset(deferred, request, view))
        start, stop = deferred.taken.start, deferred.taken.stop
        if len(items) < stop - start and (items or start == 0):
            self.total_count = start + len(items)
        else:
            self.total_count = queryset.count()
        return items

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
