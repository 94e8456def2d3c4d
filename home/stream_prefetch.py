"""The images, documents and snippets that StreamField bodies choose, loaded for many pages at once.

Wagtail loads a stream's chosen objects once per block type per stream: an API listing of twenty
pages made twenty image queries, twenty helpline queries… ``prefetch_chosen(pages)`` reads the
ids from the pages' stored data, loads each model's objects in one query (images with the
renditions the site uses), and keeps them in the request's store, where every chooser block
looks first (``install``).
"""

import copy

from wagtail import blocks
from wagtail import fields as wagtail_fields
from wagtail.blocks.field_block import ChooserBlock
from wagtail.images import get_image_model

from .request_cache import in_request, memo

# The renditions templates and the API ask for (blocks/image.html, ImageBlock, news cards):
# WebP at three widths for srcset, and one in the original's format (JPEG, or PNG for PNG, GIF
# and WebP originals) for clients without WebP.
SRCSET = ["width-480|format-webp", "width-800|format-webp", "width-1200|format-webp"]
FALLBACK = "width-800"
RENDITIONS = [*SRCSET, FALLBACK]


def _chosen():
    """{model: {pk: object}} loaded in this request."""
    return memo("chosen_objects", dict)


def _collect(block, raw, found):
    """Adds (model, id) of every object chosen in ``raw``, the stored value of ``block``."""
    if raw is None:
        return
    if isinstance(block, ChooserBlock):
        if isinstance(raw, int) or (isinstance(raw, str) and raw.isdigit()):
            found.setdefault(block.model_class, set()).add(int(raw))
    elif isinstance(block, blocks.StreamBlock):
        for item in raw:
            child = block.child_blocks.get(item.get("type")) if isinstance(item, dict) else None
            if child is not None:
                _collect(child, item.get("value"), found)
    elif isinstance(block, blocks.ListBlock):
        for item in raw:
            is_block_format = isinstance(item, dict) and item.get("type") == "item" and "value" in item
            _collect(block.child_block, item["value"] if is_block_format else item, found)
    elif isinstance(block, blocks.StructBlock) and isinstance(raw, dict):
        for name, child in block.child_blocks.items():
            _collect(child, raw.get(name), found)


def prefetch_chosen(pages):
    """Loads what the StreamFields of ``pages`` choose, one query per model."""
    if not in_request():
        return
    found = {}
    for page in pages:
        for field in page._meta.concrete_fields:
            if isinstance(field, wagtail_fields.StreamField):
                value = getattr(page, field.attname)
                if value is not None:
                    _collect(field.stream_block, list(value.raw_data), found)
    chosen = _chosen()
    for model, ids in found.items():
        known = chosen.setdefault(model, {})
        missing = ids - set(known)
        if missing:
            queryset = model._default_manager.all()
            if model is get_image_model():
                queryset = queryset.prefetch_renditions(*RENDITIONS)
            known.update(queryset.in_bulk(missing))
            known.update({pk: None for pk in missing if pk not in known})


_wagtail_bulk_to_python = ChooserBlock.bulk_to_python


def _bulk_to_python(block, values):
    known = _chosen().get(block.model_class, {}) if in_request() else {}
    ids = [int(value) if isinstance(value, str) and value.isdigit() else value for value in values]
    if not ids or not all(pk in known for pk in ids if pk is not None):
        return _wagtail_bulk_to_python(block, values)
    # A copy each, as Wagtail gives: blocks may annotate their objects.
    return [copy.copy(known[pk]) if pk is not None and known[pk] is not None else None for pk in ids]


def install():
    ChooserBlock.bulk_to_python = _bulk_to_python
