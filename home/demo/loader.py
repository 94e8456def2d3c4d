"""Turns the demo data into database objects, idempotently.

Everything is keyed by a natural key (helpline number, slug, title, name, page path). Objects that
already exist are left exactly as they are, so a second run creates and changes nothing.

Pages are created in two passes inside one transaction. The first places every missing page in
the tree, in menu order, as an unpublished draft; the second fills in references to other pages
(rich-text links, related services, featured advice) and publishes each page once, so every
demo page has exactly one revision whatever order the pages refer to each other in.
"""

import re
from dataclasses import dataclass
from datetime import timedelta
from io import BytesIO

from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail.utils.file import hash_filelike

from advice.models import AdvicePage, AdviceRelatedService, AdviceTopic
from directory.models import Area, Language, OpeningHours, Organisation, ServiceCategory, ServicePage
from home.models import Helpline, HomeFeaturedAdvice, HomePage, SiteSettings, StandardPage
from news.models import NewsPage
from reports.models import ReportPage

from . import snippets
from .documents import DOCUMENTS, render_pdf
from .images import IMAGES, render_png
from .site_pages import HOME, PAGE_TREE
from .specs import (
    AdviceSpec,
    IndexPageSpec,
    NewsSpec,
    Ref,
    ReportPageSpec,
    ServiceSpec,
    StandardPageSpec,
    page_ref,
)

PAGE_LINK = re.compile(r'<a page="([^"]+)">(.*?)</a>', re.DOTALL)


class DemoContentError(Exception):
    pass


@dataclass
class SectionResult:
    label: str
    created: int = 0
    present: int = 0


class DemoContentLoader:
    def __init__(self, today=None):
        self.today = today or timezone.localdate()
        self.locale = Locale.get_default()

    def sections(self):
        """Load each section in its own transaction, yielding its result as it completes."""
        for load in (
            self.load_helplines,
            self.load_site_settings,
            self.load_advice_topics,
            self.load_service_categories,
            self.load_areas,
            self.load_languages,
            self.load_organisations,
            self.load_images,
            self.load_documents,
            self.load_pages,
            self.load_home_page,
        ):
            with transaction.atomic():
                yield from load()

    # Snippets

    def load_helplines(self):
        yield self._ensure_all("Helplines", Helpline, snippets.HELPLINES, key="number")

    def load_advice_topics(self):
        topics = [{**topic, "sort_order": index} for index, topic in enumerate(snippets.ADVICE_TOPICS)]
        yield self._ensure_all("Advice topics", AdviceTopic, topics, key="slug")

    def load_service_categories(self):
        categories = [{**item, "sort_order": index} for index, item in enumerate(snippets.SERVICE_CATEGORIES)]
        yield self._ensure_all("Service categories", ServiceCategory, categories, key="slug")

    def load_areas(self):
        areas = [{**area, "sort_order": index} for index, area in enumerate(snippets.AREAS)]
        yield self._ensure_all("Areas", Area, areas, key="slug")

    def load_languages(self):
        languages = [{"code": code, "name": name, "native_name": native} for code, name, native in snippets.LANGUAGES]
        yield self._ensure_all("Languages", Language, languages, key="code", translatable=False)

    def load_organisations(self):
        yield self._ensure_all("Organisations", Organisation, snippets.ORGANISATIONS, key="name")

    def _ensure_all(self, label, model, items, key, translatable=True):
        result = SectionResult(label)
        for item in items:
            lookup = {key: item[key], **({"locale": self.locale} if translatable else {})}
            if model.objects.filter(**lookup).exists():
                result.present += 1
                continue
            obj = model(**lookup, **{name: value for name, value in item.items() if name != key})
            obj.full_clean()
            obj.save()
            result.created += 1
        return result

    def load_site_settings(self):
        """Fill in blank settings only: an editor's choices are never overwritten."""
        site = Site.objects.get(is_default_site=True)
        created = not SiteSettings.objects.filter(site=site).exists()
        settings = SiteSettings.for_site(site)
        blank = [name for name, value in snippets.SITE_SETTINGS.items() if not getattr(settings, name)]
        for name in blank:
            setattr(settings, name, snippets.SITE_SETTINGS[name])
        if blank:
            settings.full_clean()
            settings.save()
        changed = created or bool(blank)
        yield SectionResult("Site settings", created=int(changed), present=int(not changed))

    # Media

    def load_images(self):
        image_model = get_image_model()
        result = SectionResult("Images")
        for spec in IMAGES:
            if image_model.objects.filter(title=spec.title).exists():
                result.present += 1
                continue
            data = render_png(spec)
            image = image_model(
                title=spec.title,
                description=spec.description,
                file=ImageFile(BytesIO(data), name=spec.filename),
            )
            _save_with_file_metadata(image, data)
            result.created += 1
        yield result

    def load_documents(self):
        document_model = get_document_model()
        result = SectionResult("Documents")
        for spec in DOCUMENTS:
            if document_model.objects.filter(title=spec.title).exists():
                result.present += 1
                continue
            data = render_pdf(spec)
            document = document_model(title=spec.title, file=ContentFile(data, name=spec.filename))
            _save_with_file_metadata(document, data)
            result.created += 1
        yield result

    # Pages

    def load_pages(self):
        home = self.home_page()
        results = {}
        created = []
        draft_resolver = Resolver(self.locale, home, allow_missing_pages=True)
        for spec, parent_path in _walk(PAGE_TREE):
            result = results.setdefault(type(spec), SectionResult(PAGE_LABELS[type(spec)]))
            parent = draft_resolver.page(parent_path) if parent_path else home
            if parent.get_children().filter(slug=spec.slug).exists():
                result.present += 1
                continue
            page = self.build_page(spec, draft_resolver)
            page.live = False
            parent.add_child(instance=page)
            created.append((spec, page))
            result.created += 1

        resolver = Resolver(self.locale, home)
        for spec, draft in created:
            # Fetched again: the draft's tree fields (numchild) are stale once it has children.
            page = type(draft).objects.get(pk=draft.pk)
            _apply(page, self.page_fields(spec, resolver))
            _publish(page)
        yield from results.values()

    def build_page(self, spec, resolver):
        page = _page_model(spec)()
        _apply(page, self.page_fields(spec, resolver))
        return page

    def page_fields(self, spec, resolver):
        common = {"title": spec.title, "slug": spec.slug, "summary": spec.summary}
        if isinstance(spec, ReportPageSpec):
            return {
                **common,
                **_menu_fields(spec),
                "intro": resolver.value(spec.body),
                "thank_you": spec.thank_you,
                "form_enabled": True,
            }
        if isinstance(spec, StandardPageSpec):
            return {**common, **_menu_fields(spec), "body": resolver.value(spec.body)}
        if isinstance(spec, IndexPageSpec):
            return {**common, **_menu_fields(spec), "introduction": spec.introduction}
        if isinstance(spec, AdviceSpec):
            return {**common, **self.advice_fields(spec, resolver)}
        if isinstance(spec, NewsSpec):
            return {**common, **self.news_fields(spec, resolver)}
        return {**common, **self.service_fields(spec, resolver)}

    def advice_fields(self, spec, resolver):
        services = [resolver.page(f"services/{slug}") for slug in spec.related_services]
        return {
            "topics": [resolver(Ref("topic", slug)) for slug in spec.topics],
            "audience": spec.audience,
            "is_key_page": spec.key_page,
            "last_reviewed": self.today - timedelta(days=spec.reviewed_days_ago),
            "body": resolver.value(spec.body),
            "related_services": _ordered(AdviceRelatedService(service=service) for service in services if service),
        }

    def news_fields(self, spec, resolver):
        return {
            "date": self.publication_date(spec.published),
            "image": resolver(Ref("image", spec.image)),
            "body": resolver.value(spec.body),
            "tags": spec.tags,
        }

    def service_fields(self, spec, resolver):
        line_1, line_2, postcode = spec.address or ("", "", "")
        place = spec.place
        return {
            "organisation": resolver(Ref("organisation", spec.organisation)),
            "status": spec.status,
            "description": resolver.value(spec.description),
            "who_for": spec.who_for,
            "categories": [resolver(Ref("category", slug)) for slug in spec.categories],
            "areas": [resolver(Ref("area", slug)) for slug in spec.areas],
            "languages": [resolver(Ref("language", code)) for code in spec.languages],
            "interpreters_available": spec.interpreters_available,
            "address_line_1": line_1,
            "address_line_2": line_2,
            "postcode": postcode,
            "town": place.town if place else "",
            "latitude": place.latitude if place else None,
            "longitude": place.longitude if place else None,
            "location_description": spec.location_description,
            "phone": spec.phone,
            "email": spec.email,
            "website": spec.website,
            "open_24_7": spec.open_24_7,
            "opening_hours": _ordered(
                OpeningHours(weekday=day, opens=hours.opens, closes=hours.closes)
                for hours in spec.hours
                for day in hours.weekdays
            ),
            "hours_notes": spec.hours_notes,
            "access": spec.access,
            "access_details": spec.access_details,
            "cost": spec.cost,
            "cost_details": spec.cost_details,
            "accessibility": spec.accessibility,
            "last_verified": self.today - timedelta(days=spec.verified_days_ago),
        }

    def publication_date(self, published):
        """Days ago, or (month, day): the most recent such date, for seasonal stories."""
        if isinstance(published, int):
            return self.today - timedelta(days=published)
        month, day = published
        candidate = self.today.replace(month=month, day=day)
        return candidate if candidate <= self.today else candidate.replace(year=self.today.year - 1)

    # The home page

    def home_page(self):
        root = Site.objects.get(is_default_site=True).root_page.specific
        if not isinstance(root, HomePage):
            raise DemoContentError(f"The default site's root page is a {type(root).__name__}, not a HomePage.")
        return root

    def load_home_page(self):
        """Fill in the home page created by the migration, once: an introduction means it is done."""
        home = self.home_page()
        if home.introduction:
            yield SectionResult("Home page", present=1)
            return
        resolver = Resolver(self.locale, home)
        advice = [resolver.page(f"advice/{slug}") for slug in HOME.featured_advice]
        _apply(
            home,
            {
                "summary": HOME.summary,
                "is_key_page": True,
                "introduction": HOME.introduction,
                "help_heading": HOME.help_heading,
                "help_text": HOME.help_text,
                "featured_advice": _ordered(HomeFeaturedAdvice(page=page) for page in advice),
                "directory_page": resolver.page(HOME.directory_page),
                "directory_text": HOME.directory_text,
            },
        )
        _publish(home)
        yield SectionResult("Home page", created=1)


PAGE_MODELS = {
    StandardPageSpec: StandardPage,
    ReportPageSpec: ReportPage,
    AdviceSpec: AdvicePage,
    NewsSpec: NewsPage,
    ServiceSpec: ServicePage,
}
PAGE_LABELS = {
    StandardPageSpec: "Standard pages",
    ReportPageSpec: "Report page",
    IndexPageSpec: "Index pages",
    AdviceSpec: "Advice pages",
    NewsSpec: "News pages",
    ServiceSpec: "Service pages",
}


class Resolver:
    """Finds the objects that `Ref`s name, and turns page links in rich text into Wagtail links.

    With `allow_missing_pages`, a page that does not exist yet resolves to None and a link to it
    becomes plain text (the first pass of page creation).
    """

    LOOKUPS = {
        "helpline": (Helpline, "number", True),
        "topic": (AdviceTopic, "slug", True),
        "category": (ServiceCategory, "slug", True),
        "area": (Area, "slug", True),
        "organisation": (Organisation, "name", True),
        "language": (Language, "code", False),
    }

    def __init__(self, locale, home, allow_missing_pages=False):
        self.locale = locale
        self.home = home
        self.allow_missing_pages = allow_missing_pages
        self.cache = {}

    def __call__(self, ref):
        if ref not in self.cache:
            found = self.find(ref)
            if found is None:
                if ref.kind == "page" and self.allow_missing_pages:
                    return None
                raise DemoContentError(f"Demo content refers to a missing {ref.kind}: {ref.key!r}")
            self.cache[ref] = found
        return self.cache[ref]

    def find(self, ref):
        if ref.kind == "page":
            url_path = f"{self.home.url_path}{ref.key}/"
            return Page.objects.filter(url_path=url_path, locale=self.locale).specific().first()
        if ref.kind == "image":
            return get_image_model().objects.filter(title=ref.key).first()
        if ref.kind == "document":
            return get_document_model().objects.filter(title=ref.key).first()
        model, key, translatable = self.LOOKUPS[ref.kind]
        lookup = {key: ref.key, **({"locale": self.locale} if translatable else {})}
        return model.objects.filter(**lookup).first()

    def page(self, path):
        return self(page_ref(path))

    def value(self, value):
        """A copy of block or rich-text data with every `Ref` and page link resolved."""
        if isinstance(value, Ref):
            return self(value)
        if isinstance(value, str):
            return PAGE_LINK.sub(self._link, value)
        if isinstance(value, dict):
            return {key: self.value(item) for key, item in value.items()}
        if isinstance(value, list | tuple):
            return type(value)(self.value(item) for item in value)
        return value

    def _link(self, match):
        page = self.page(match.group(1))
        if page is None:
            return match.group(2)
        return f'<a linktype="page" id="{page.pk}">{match.group(2)}</a>'


def _page_model(spec):
    if isinstance(spec, IndexPageSpec):
        return apps.get_model(spec.model)
    return PAGE_MODELS[type(spec)]


def _walk(specs, parent_path=""):
    """(spec, parent path) for every page spec, parents before their children."""
    for spec in specs:
        yield spec, parent_path
        path = f"{parent_path}/{spec.slug}" if parent_path else spec.slug
        yield from _walk(getattr(spec, "children", []), path)


def _menu_fields(spec):
    return {"show_in_menus": spec.show_in_menus, "is_key_page": spec.key_page}


def _ordered(items):
    items = list(items)
    for index, item in enumerate(items):
        item.sort_order = index
    return items


def _apply(page, values):
    for name, value in values.items():
        if name == "tags":
            page.tags.set(value)
        else:
            setattr(page, name, value)


def _publish(page):
    """Validate the body blocks as the editor's form would, then save one revision and publish it."""
    for field in page._meta.get_fields():
        if hasattr(field, "stream_block"):
            field.stream_block.clean(getattr(page, field.name))
    page.save_revision().publish()


def _save_with_file_metadata(obj, data):
    obj.file_size = len(data)
    obj.file_hash = hash_filelike(BytesIO(data))
    obj.full_clean()
    obj.save()
