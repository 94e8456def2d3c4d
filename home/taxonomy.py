"""Translatable named terms (service categories, areas, advice topics) and filtering pages by them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.guards import InvalidParameter


class TaxonomyMixin(TranslatableMixin, models.Model):
    """A translatable named term with a stable slug (the same in every language), used to filter pages."""

    name = models.CharField(max_length=80)
    slug = models.SlugField(max_length=80, help_text=_("Used in web addresses, e.g. ?category=legal-advice"))
    description = models.TextField(max_length=400, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=100)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("sort_order")]
    api_fields = [APIField("name"), APIField("slug"), APIField("description")]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("slug"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


def filter_by_term(queryset, param, value, relation, field="slug"):
    """``queryset`` narrowed to pages whose ``relation`` holds the term with this ``field`` value.

    ``value`` is a term or its slug (or code); a slug no term has raises InvalidParameter.
    The filter is a pk subquery, which search backends can filter by (a join they could not).
    """
    model = queryset.model
    if isinstance(value, models.Model):
        value = getattr(value, field)
    elif not model._meta.get_field(relation).related_model.objects.filter(**{field: value}).exists():
        raise InvalidParameter(param, f"unknown {param}: '{value}'")
    return queryset.filter(pk__in=model.objects.filter(**{f"{relation}__{field}": value}).values("pk"))
