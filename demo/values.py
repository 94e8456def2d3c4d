"""Turns the demo data's plain values into model field values.

The data names other objects by natural key: a page by its path below the home page, an image or
a document by its title, a collection by its name, a snippet by the key snippets.yaml gives. Rich
text links to pages are written `<a page="advice/spot-the-signs">…</a>`. Which values are
references, dates or blocks is read from the model fields and blocks themselves, so the loader
knows no model.
"""

import re
import uuid
from datetime import date, timedelta

from django.db import models
from taggit.managers import TaggableManager
from wagtail import blocks
from wagtail.blocks.stream_block import StreamValue
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, TranslatableMixin

PAGE_LINK = re.compile(r'<a page="([^"]+)">(.*?)</a>', re.DOTALL)
# Block ids derive from the page path and the block's position, so that they, and the contexts
# wagtail-localize keys translated strings by, are the same on every demo site.
BLOCK_IDS = uuid.UUID("6b1f3c2e-55d4-4a44-9a37-1f6f0f2b9c11")


class DemoContentError(Exception):
    pass


class Resolver:
    """Finds referenced objects by natural key, in the default locale.

    With `allow_missing_pages`, a page that does not exist yet resolves to None and a link to it
    becomes plain text (the first pass of page creation).
    """

    def __init__(self, locale, home, keys, allow_missing_pages=False):
        self.locale = locale
        self.home = home
        self.keys = {get_image_model(): "title", get_document_model(): "title", Collection: "name", **keys}
        self.allow_missing_pages = allow_missing_pages

    def __call__(self, model, key):
        if issubclass(model, Page):
            url_path = f"{self.home.url_path}{key}/" if key else self.home.url_path
            found = Page.objects.filter(url_path=url_path, locale=self.locale).specific().first()
            if found is None and self.allow_missing_pages:
                return None
        else:
            lookup = {self.keys[model]: key}
            if issubclass(model, TranslatableMixin):
                lookup["locale"] = self.locale
            found = model.objects.filter(**lookup).first()
        if found is None:
            raise DemoContentError(f"Demo content refers to a missing {model._meta.verbose_name}: {key!r}")
        return found

    def links(self, text):
        return PAGE_LINK.sub(self._link, text)

    def _link(self, match):
        page = self(Page, match.group(1))
        if page is None:
            return match.group(2)
        return f'<a linktype="page" id="{page.pk}">{match.group(2)}</a>'


def field_values(model, data, resolve, today, path=""):
    """{field name: value} for `model` from plain `data`; tags are returned apart, as {name: [tag]}."""
    values, tags = {}, {}
    for name, value in data.items():
        field = model._meta.get_field(name)
        if isinstance(field, TaggableManager):
            tags[name] = value
        elif isinstance(field, StreamField):
            values[name] = stream_value(field.stream_block, value, resolve, f"{path}:{name}")
        elif field.one_to_many and field.auto_created:  # an inline child relation (an Orderable)
            rows = [field_values(field.related_model, row, resolve, today)[0] for row in value]
            # A row that points at a page not created yet is left out until the second pass.
            rows = [row for row in rows if None not in row.values()]
            values[name] = [field.related_model(**row, sort_order=index) for index, row in enumerate(rows)]
        elif field.many_to_many:
            values[name] = [resolve(field.related_model, key) for key in value]
        elif field.many_to_one:
            values[name] = resolve(field.related_model, value)
        elif isinstance(field, models.DateField) and isinstance(value, dict):
            values[name] = relative_date(value, today)
        elif isinstance(value, str):
            values[name] = field.to_python(resolve.links(value))
        else:
            values[name] = field.to_python(value)
    return values, tags


def relative_date(value, today):
    """{days_ago: N}, or {last: "MM-DD"}: the latest such day up to today (for seasonal stories)."""
    if "days_ago" in value:
        return today - timedelta(days=value["days_ago"])
    month, day = (int(part) for part in value["last"].split("-"))
    candidate = date(today.year, month, day)
    return candidate if candidate <= today else candidate.replace(year=today.year - 1)


def stream_value(stream_block, data, resolve, seed):
    """A StreamValue from a list of {block type: value}, with ids that derive from `seed`."""
    native = stream_block.to_python(_raw(stream_block, data, resolve, seed))
    # Rebuilt from native values, so that saving stores every child block with its default.
    return StreamValue(stream_block, [(child.block_type, child.value, child.id) for child in native])


def _raw(block, data, resolve, seed):
    """The JSON form Wagtail stores, with references resolved to primary keys."""
    if isinstance(block, blocks.StreamBlock):
        items = [(name, block.child_blocks[name], value) for item in data for name, value in item.items()]
        return [_child(name, child, value, resolve, f"{seed}.{i}") for i, (name, child, value) in enumerate(items)]
    if isinstance(block, blocks.ListBlock):
        return [_child("item", block.child_block, value, resolve, f"{seed}.{i}") for i, value in enumerate(data)]
    if isinstance(block, blocks.StructBlock):
        return {name: _raw(block.child_blocks[name], value, resolve, f"{seed}.{name}") for name, value in data.items()}
    if isinstance(block, blocks.ChooserBlock):
        found = resolve(block.model_class, data)
        return found.pk if found else None
    if isinstance(data, str):
        return resolve.links(data)
    return data


def _child(name, block, value, resolve, seed):
    """A stream or list child as Wagtail stores it, with an id that derives from `seed`."""
    return {"type": name, "value": _raw(block, value, resolve, seed), "id": str(uuid.uuid5(BLOCK_IDS, seed))}
