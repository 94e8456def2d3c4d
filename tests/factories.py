"""Minimal, valid factories for every page type, snippet and media model.

Pages need a parent: ``AdvicePageFactory(parent=advice_index)``. The English HomePage the
migrations create is ``home_page()``. Many-to-many fields take lists:
``ServicePageFactory(parent=directory, categories=[legal], areas=[norwich])``.
"""

import datetime

import factory
import wagtail_factories
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.models import Collection, Locale, PageViewRestriction

from advice.models import AdviceIndexPage, AdvicePage, AdviceTopic
from directory.models import Area, DirectoryIndexPage, Language, Organisation, ServiceCategory, ServicePage
from home.models import Helpline, HomePage, NavigationSettings, StandardPage
from materials.models import MaterialHelpline, MaterialPage, MaterialsIndexPage
from news.models import NewsIndexPage, NewsPage


def home_page():
    """The English home page created by home/migrations/0002 (the default site's root)."""
    return HomePage.objects.get(slug="home", locale__language_code="en")


def choose_navigation(**pages):
    """Choose the pages the menus link to (Settings → Navigation) for the default site."""
    return NavigationSettings.choose(home_page().get_site(), **pages)


def english():
    return Locale.objects.get(language_code="en")


def make_private(page):
    """Put a page behind a password, as an editor would with the privacy setting."""
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="not-for-visitors"
    )


def paragraph(text):
    return [("text", f"<p>{text}</p>")]


# Media ---------------------------------------------------------------------------------


class ImageFactory(wagtail_factories.ImageFactory):
    # The root collection, rather than a new root collection per image.
    collection = factory.LazyFunction(Collection.get_first_root_node)
    title = factory.Sequence(lambda n: f"Image {n}")
    # Small, so that listings with many images stay fast to render.
    file = factory.django.ImageField(width=64, height=36, color="teal")


class DocumentFactory(wagtail_factories.DocumentFactory):
    collection = factory.LazyFunction(Collection.get_first_root_node)
    title = factory.Sequence(lambda n: f"Document {n}")
    file = factory.django.FileField(filename="leaflet.pdf", data=b"%PDF-1.4 test leaflet")


# Snippets ------------------------------------------------------------------------------


class TranslatableSnippetFactory(DjangoModelFactory):
    locale = factory.LazyFunction(english)

    class Meta:
        abstract = True


class HelplineFactory(TranslatableSnippetFactory):
    name = factory.Sequence(lambda n: f"Helpline {n}")
    number = "08000 121 700"
    hours = "24 hours a day, 7 days a week"

    class Meta:
        model = Helpline


class AdviceTopicFactory(TranslatableSnippetFactory):
    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.name))

    class Meta:
        model = AdviceTopic


class ServiceCategoryFactory(TranslatableSnippetFactory):
    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.name))

    class Meta:
        model = ServiceCategory


class AreaFactory(TranslatableSnippetFactory):
    name = factory.Sequence(lambda n: f"Area {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.name))

    class Meta:
        model = Area


class LanguageFactory(DjangoModelFactory):
    code = factory.Sequence(lambda n: f"x{n}")
    name = factory.Sequence(lambda n: f"Language {n}")
    native_name = factory.LazyAttribute(lambda obj: obj.name)

    class Meta:
        model = Language
        django_get_or_create = ["code"]


class OrganisationFactory(TranslatableSnippetFactory):
    name = factory.Sequence(lambda n: f"Organisation {n}")
    description = "A Norfolk organisation."

    class Meta:
        model = Organisation


# Pages ---------------------------------------------------------------------------------


class BasePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page {n}")
    summary = factory.LazyAttribute(lambda obj: f"Summary of {obj.title}.")

    class Meta:
        abstract = True


class HomePageFactory(BasePageFactory):
    class Meta:
        model = HomePage


class StandardPageFactory(BasePageFactory):
    body = factory.LazyAttribute(lambda obj: paragraph(f"Body of {obj.title}."))

    class Meta:
        model = StandardPage


class AdviceIndexPageFactory(BasePageFactory):
    title = "Advice"

    class Meta:
        model = AdviceIndexPage


class AdvicePageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Advice {n}")
    body = factory.LazyAttribute(lambda obj: paragraph(f"Body of {obj.title}."))
    last_reviewed = datetime.date(2026, 1, 15)

    class Meta:
        model = AdvicePage


class NewsIndexPageFactory(BasePageFactory):
    title = "News"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"News {n}")
    date = datetime.date(2026, 1, 15)
    body = factory.LazyAttribute(lambda obj: paragraph(f"Body of {obj.title}."))

    class Meta:
        model = NewsPage
        skip_postgeneration_save = True

    @factory.post_generation
    def tags(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.tags.add(*extracted)
            obj.save()


class DirectoryIndexPageFactory(BasePageFactory):
    title = "Find support"

    class Meta:
        model = DirectoryIndexPage


class ServicePageFactory(BasePageFactory):
    title = factory.Sequence(lambda n: f"Service {n}")
    description = factory.LazyAttribute(lambda obj: f"<p>What {obj.title} offers.</p>")
    last_verified = datetime.date(2026, 1, 15)

    class Meta:
        model = ServicePage


class MaterialsIndexPageFactory(BasePageFactory):
    title = "Posters and leaflets"

    class Meta:
        model = MaterialsIndexPage


class MaterialPageFactory(BasePageFactory):
    """A material showing ``helplines=[…]`` (created with it)."""

    title = factory.Sequence(lambda n: f"Material {n}")
    headline = "Spot the signs"
    points = [
        ("point", "Someone else keeps their passport or ID."),
        ("point", "They are rarely alone. Someone else speaks for them."),
        ("point", "They are picked up very early and dropped off very late."),
    ]
    call_to_action = "Worried about someone? Call the helpline."
    card_line = "Free to call, any time."

    class Meta:
        model = MaterialPage
        skip_postgeneration_save = True

    @factory.post_generation
    def helplines(obj, create, extracted, **kwargs):
        if create and extracted:
            for index, helpline in enumerate(extracted):
                MaterialHelpline.objects.create(page=obj, helpline=helpline, sort_order=index)


# Translations ----------------------------------------------------------------------------


def translate_page(page, language_code, **changes):
    """Publish a translation of ``page`` (its parent must already be translated)."""
    translation = page.copy_for_translation(Locale.objects.get(language_code=language_code))
    for name, value in changes.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def translate_snippet(obj, language_code, **changes):
    translation = obj.copy_for_translation(Locale.objects.get(language_code=language_code))
    for name, value in changes.items():
        setattr(translation, name, value)
    translation.save()
    return translation
