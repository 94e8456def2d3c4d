"""Headless preview of pages: the mixin ``home.models.BasePage`` uses."""

from django.conf import settings
from wagtail_headless_preview.models import HeadlessPreviewMixin as PackageHeadlessPreviewMixin


class HeadlessPreviewMixin(PackageHeadlessPreviewMixin):
    """Editors preview drafts in the external front end when HEADLESS_PREVIEW_URL is set
    (it fetches them from /api/v2/page_preview/); Wagtail's own preview otherwise."""

    def serve_preview(self, request, preview_mode):
        if settings.HEADLESS_PREVIEW_URL:
            return super().serve_preview(request, preview_mode)
        return super(PackageHeadlessPreviewMixin, self).serve_preview(request, preview_mode)
