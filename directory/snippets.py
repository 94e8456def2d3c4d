"""The directory's snippets: the terms services are filtered by, organisations, and places for "near me"."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from directory import geo
from home.api.fields import WebURLField
from home.taxonomy import TaxonomyMixin
from home.validators import validate_web_url


@register_snippet
class ServiceCategory(TaxonomyMixin):
    class Meta(TaxonomyMixin.Meta):
        verbose_name = _("service category")
        verbose_name_plural = _("service categories")
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_category_slug_per_locale")]


class AreaKind(models.TextChoices):
    DISTRICT = "district", _("Norfolk district")
    COUNTY = "county", _("All of Norfolk")
    NATIONAL = "national", _("Anywhere in the UK")


@register_snippet
class Area(TaxonomyMixin):
    kind = models.CharField(max_length=10, choices=AreaKind.choices, default=AreaKind.DISTRICT)
    gss_code = models.CharField(
        _("ONS GSS code"),
        max_length=9,
        blank=True,
        help_text=_("For districts, e.g. E07000148 for Norwich."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("gss_code"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    api_fields = TaxonomyMixin.api_fields + [APIField("kind"), APIField("gss_code")]
    translatable_fields = TaxonomyMixin.translatable_fields + [
        SynchronizedField("kind"),
        SynchronizedField("gss_code"),
    ]

    class Meta(TaxonomyMixin.Meta):
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_area_slug_per_locale")]


@register_snippet
class Language(models.Model):
    """A spoken language, named in itself so a visitor recognises their own."""

    code = models.CharField(max_length=8, unique=True, help_text=_("ISO 639 code, e.g. pl, ti, ar."))
    name = models.CharField(_("English name"), max_length=60)
    native_name = models.CharField(max_length=60)

    panels = [FieldPanel("code"), FieldPanel("name"), FieldPanel("native_name")]
    api_fields = [APIField("code"), APIField("name"), APIField("native_name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        if self.native_name and self.native_name != self.name:
            return f"{self.native_name} ({self.name})"
        return self.name


@register_snippet
class Organisation(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(max_length=160)
    description = models.TextField(max_length=1000)
    website = models.URLField(blank=True, validators=[validate_web_url])
    email = models.EmailField(blank=True)

    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("website"), FieldPanel("email")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("locale_id")]
    api_fields = [
        APIField("name"),
        APIField("description"),
        APIField("website", serializer=WebURLField()),
        APIField("email"),
    ]
    translatable_fields = [
        TranslatableField("description"),
        SynchronizedField("name"),
        SynchronizedField("website"),
        SynchronizedField("email"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]

    def __str__(self):
        return self.name


class PlaceKind(models.TextChoices):
    TOWN = "town", _("Town or village")
    OUTCODE = "outcode", _("Postcode district (outward code)")


@register_snippet
class Place(models.Model):
    """A town or postcode outward code with approximate coordinates, for "near me" search.

    Only towns and outward codes are held: full postcodes are never stored.
    """

    name = models.CharField(max_length=80, help_text=_("A town, e.g. Dereham, or an outward code, e.g. NR19."))
    kind = models.CharField(max_length=10, choices=PlaceKind.choices, default=PlaceKind.TOWN)
    latitude = models.DecimalField(max_digits=9, decimal_places=6)
    longitude = models.DecimalField(max_digits=9, decimal_places=6)
    key = models.CharField(max_length=80, unique=True, editable=False)

    panels = [FieldPanel("name"), FieldPanel("kind"), FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")])]

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("place")
        verbose_name_plural = _("places")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.key = geo.place_key(self.name)
        super().save(*args, **kwargs)

    def clean(self):
        key = geo.place_key(self.name)
        if not key:
            raise ValidationError({"name": _("Enter a town or an outward code.")})
        if Place.objects.filter(key=key).exclude(pk=self.pk).exists():
            raise ValidationError({"name": _("There is already a place with this name.")})
