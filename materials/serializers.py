from django.utils import translation

from home.api.fields import BulkField
from home.api.schema import INTEGER, PATH, STRING, closed_object

from .files import FORMAT_NAMES, downloads_for


class DownloadsField(BulkField):
    """Each material's PDFs in every language it is published in (materials/files.py), found for
    a whole listing at once. Labels are in the material's language, as its page shows them; URLs
    are site paths, like every URL in the API."""

    def prepare(self, pages):
        languages = {page.pk: page.locale.language_code for page in pages}
        for pk, downloads in downloads_for(pages).items():
            with translation.override(languages[pk]):
                self.values[pk] = [
                    {
                        "format": download.format_name,
                        "format_label": str(download.format_label),
                        "language": download.language,
                        "url": download.url,
                        "size": download.size,
                        "label": str(download.label),
                    }
                    for download in downloads
                ]
        for page in pages:
            self.values.setdefault(page.pk, [])

    def api_schema(self, builder, model, name):
        item = closed_object(
            {
                "format": {"enum": list(FORMAT_NAMES)},
                "format_label": STRING,
                "language": STRING,
                "url": PATH,
                "size": {**INTEGER, "minimum": 0},
                "label": STRING,
            }
        )
        return {"type": "array", "items": item, "description": "Print-ready PDFs, in every language published."}
