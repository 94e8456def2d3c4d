"""Loads the demo data (demo/data/*.yaml, demo/files/) into the database, idempotently.

Everything is keyed by a natural key (helpline tel, slug, title, name, page path). Objects that
already exist are left exactly as they are, so a second run creates and changes nothing.

Pages are created in two passes inside one transaction. The first places every missing page in
the tree, in menu order, as an unpublished draft; the second fills in references to other pages
(rich-text links, related services, featured advice) and publishes each page once, so every
demo page has exactly one revision whatever order the pages refer to each other in.
"""

from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import yaml
from django.apps import apps
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site, TranslatableMixin
from wagtail.utils.file import hash_filelike

from home.models import HomePage, NavigationSettings, SiteSettings

from .values import DemoContentError, Resolver, field_values

DATA = Path(__file__).resolve().parent / "data"
FILES = Path(__file__).resolve().parent / "files"
# Keys of a page's data that are not model fields.
PAGE_META = ("type", "children", "fill_while_blank")


def read_data(name):
    with open(DATA / name, encoding="utf-8") as file:
        return yaml.safe_load(file)


@dataclass
class SectionResult:
    label: str
    created: int = 0
    present: int = 0


class DemoContentLoader:
    def __init__(self, today=None):
        self.today = today or timezone.localdate()
        self.locale = Locale.get_default()
        self.snippet_sections = [
            {**section, "model": apps.get_model(section["model"])} for section in read_data("snippets.yaml")
        ]
        self.keys = {section["model"]: section["key"] for section in self.snippet_sections}

    def steps(self):
        return [self.load_snippets, self.load_site_settings, self.load_media, self.load_pages, self.load_navigation]

    def sections(self, step_done=None):
        """Load each step in its own transaction, yielding each section's result as it completes
        and calling ``step_done()`` once a step is committed."""
        for load in self.steps():
            with transaction.atomic():
                yield from load()
            if step_done is not None:
                step_done()

    def resolver(self, allow_missing_pages=False):
        return Resolver(self.locale, self.home_page(), self.keys, allow_missing_pages)

    def load_snippets(self):
        resolve = self.resolver()
        for section in self.snippet_sections:
            model, key = section["model"], section["key"]
            result = SectionResult(section["label"])
            for item in section["objects"]:
                lookup = {key: item[key]}
                if issubclass(model, TranslatableMixin):
                    lookup["locale"] = self.locale
                if model.objects.filter(**lookup).exists():
                    result.present += 1
                    continue
                values, _tags = field_values(model, item, resolve, self.today)
                obj = model(**{**values, **lookup})
                obj.full_clean()
                obj.save()
                result.created += 1
            yield result

    def load_site_settings(self):
        """Fill in blank settings only: an editor's choices are never overwritten."""
        site = Site.objects.get(is_default_site=True)
        created = not SiteSettings.objects.filter(site=site).exists()
        settings = SiteSettings.for_site(site)
        data = read_data("site_settings.yaml")
        blank = [name for name in data if not getattr(settings, name)]
        for name in blank:
            setattr(settings, name, data[name])
        if blank:
            settings.full_clean()
            settings.save()
        changed = created or bool(blank)
        yield SectionResult("Site settings", created=int(changed), present=int(not changed))

    def load_media(self):
        resolve = self.resolver()
        media = read_data("media.yaml")
        for label, model in (("Images", get_image_model()), ("Documents", get_document_model())):
            result = SectionResult(label)
            for item in media[label.lower()]:
                if model.objects.filter(title=item["title"]).exists():
                    result.present += 1
                    continue
                path = FILES / item["file"]
                data = path.read_bytes()
                values, _tags = field_values(model, {k: v for k, v in item.items() if k != "file"}, resolve, self.today)
                obj = model(**values, file=ContentFile(data, name=path.name))
                obj.file_size = len(data)
                obj.file_hash = hash_filelike(BytesIO(data))
                obj.full_clean()
                obj.save()
                result.created += 1
            yield result

    # Pages

    def home_page(self):
        root = Site.objects.get(is_default_site=True).root_page.specific
        if not isinstance(root, HomePage):
            raise DemoContentError(f"The default site's root page is a {type(root).__name__}, not a HomePage.")
        return root

    def load_pages(self):
        home_data = read_data("pages/home.yaml")
        home = self.home_page()
        results = {}
        created = []
        draft_resolver = self.resolver(allow_missing_pages=True)
        for data, parent_path, path in _walk(_children(home_data)):
            model = apps.get_model(data["type"])
            label = model._meta.verbose_name_plural.capitalize()
            result = results.setdefault(label, SectionResult(label))
            parent = draft_resolver(Page, parent_path) if parent_path else home
            if parent.get_children().filter(slug=data["slug"]).exists():
                result.present += 1
                continue
            page = model()
            _apply(page, *self.page_fields(model, data, path, draft_resolver))
            page.live = False
            parent.add_child(instance=page)
            created.append((data, path, page))
            result.created += 1

        resolver = self.resolver()
        for data, path, draft in created:
            # Fetched again: the draft's tree fields (numchild) are stale once it has children.
            page = type(draft).objects.get(pk=draft.pk)
            _apply(page, *self.page_fields(type(page), data, path, resolver))
            _publish(page)
        yield from results.values()
        yield self.load_home_page(home_data, resolver)

    def load_home_page(self, data, resolver):
        """Fill in the home page created by the migration, once: while its marker field is blank."""
        home = self.home_page()
        if getattr(home, data["fill_while_blank"]):
            return SectionResult("Home page", present=1)
        _apply(home, *self.page_fields(HomePage, data, "", resolver))
        _publish(home)
        return SectionResult("Home page", created=1)

    def load_navigation(self):
        """Choose the menu links (Settings → Navigation) that are still blank."""
        site = Site.objects.get(is_default_site=True)
        chosen = NavigationSettings.for_site(site).chosen_pages()
        resolve = self.resolver()
        blank = {key: resolve(Page, path) for key, path in read_data("navigation.yaml").items() if key not in chosen}
        if blank:
            NavigationSettings.choose(site, **blank)
        yield SectionResult("Navigation", created=int(bool(blank)), present=int(not blank))

    def page_fields(self, model, data, path, resolver):
        fields = {name: value for name, value in data.items() if name not in PAGE_META}
        return field_values(model, fields, resolver, self.today, path=path)


def _children(data):
    """A page's children: a list, or the name of a file in demo/data/pages holding the list."""
    children = data.get("children", [])
    return read_data(f"pages/{children}") if isinstance(children, str) else children


def _walk(pages, parent_path=""):
    """(page data, parent path, path) for every page, parents before their children."""
    for data in pages:
        path = f"{parent_path}/{data['slug']}" if parent_path else data["slug"]
        yield data, parent_path, path
        yield from _walk(_children(data), path)


def _apply(page, values, tags):
    for name, value in values.items():
        setattr(page, name, value)
    for name, value in tags.items():
        getattr(page, name).set(value)


def _publish(page):
    """Validate the body blocks as the editor's form would, then save one revision and publish it."""
    for field in page._meta.get_fields():
        if hasattr(field, "stream_block"):
            field.stream_block.clean(getattr(page, field.name))
    page.save_revision().publish()
