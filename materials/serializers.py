from home.api.fields import BulkField
from home.api.schema import INTEGER, STRING, URL, closed_object

from .files import FORMAT_NAMES, downloads_for


class DownloadsField(BulkField):
    """Each material's PDFs in every language it is published in (materials/files.py), found for
    a whole listing at once."""

    def prepare(self, pages):
        for pk, downloads in downloads_for(pages).items():
            self.values[pk] = [
                {
                    "format": download.format_name,
                    "format_label": str(download.format_label),
                    "language": download.language,
                    "url": download.full_url,
                    "size": download.size,
                    "label": download.label,
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
                "url": URL,
                "size": {**INTEGER, "minimum": 0},
                "label": STRING,
            }
        )
        return {"type": "array", "items": item, "description": "Print-ready PDFs, in every language published."}
