from rest_framework.fields import Field

from home.api.schema import INTEGER, STRING, URL, closed_object

from .files import downloads_for


class DownloadsField(Field):
    """A material's PDFs in every language it is published in (materials/files.py)."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, material):
        return [
            {
                "format": download.format_name,
                "format_label": str(download.format_label),
                "language": download.language,
                "url": download.full_url,
                "size": download.size,
                "label": download.label,
            }
            for download in downloads_for([material]).get(material.pk, [])
        ]

    def api_schema(self, builder, model, name):
        item = closed_object(
            {
                "format": {"enum": ["poster", "leaflet", "card"]},
                "format_label": STRING,
                "language": STRING,
                "url": URL,
                "size": {**INTEGER, "minimum": 0},
                "label": STRING,
            },
            required=["format", "format_label", "language", "url", "size", "label"],
        )
        return {"type": "array", "items": item, "description": "Print-ready PDFs, in every language published."}
