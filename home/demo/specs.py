"""The shapes of demo content: plain data that the loader turns into database objects.

Content refers to other objects by natural key (`Ref`): a helpline by its tel, an image or a
document by its title, a page by its path below the home page. Rich text links to pages are
written `<a page="advice/spot-the-signs">…</a>` and become Wagtail page links.
"""

from dataclasses import dataclass, field
from datetime import time


@dataclass(frozen=True)
class Ref:
    kind: str
    key: str


def helpline_ref(tel):
    return Ref("helpline", tel)


def image_ref(title):
    return Ref("image", title)


def document_ref(title):
    return Ref("document", title)


def page_ref(path):
    return Ref("page", path)


@dataclass
class StandardPageSpec:
    slug: str
    title: str
    summary: str
    body: list
    show_in_menus: bool = False
    key_page: bool = False  # translated first; tracked by the translation report
    children: list = field(default_factory=list)


@dataclass
class ReportPageSpec(StandardPageSpec):
    """The "Report a concern" page: `body` is the text above the form."""

    thank_you: str = ""


@dataclass
class IndexPageSpec:
    model: str  # "app_label.ModelName"
    slug: str
    title: str
    summary: str
    introduction: str
    show_in_menus: bool = True
    key_page: bool = True
    children: list = field(default_factory=list)


@dataclass
class AdviceSpec:
    slug: str
    title: str
    summary: str
    topics: list  # topic slugs
    audience: str
    reviewed_days_ago: int
    body: list
    related_services: list  # service slugs
    key_page: bool = False


@dataclass
class NewsSpec:
    slug: str
    title: str
    summary: str
    # Days before today, or (month, day) for the most recent such date (for seasonal stories).
    published: int | tuple
    image: str  # image title
    tags: list
    body: list


@dataclass(frozen=True)
class Place:
    """A town with its real approximate centre; addresses in it are fictional."""

    town: str
    latitude: str
    longitude: str


@dataclass(frozen=True)
class Hours:
    weekdays: tuple  # 0 = Monday
    opens: time
    closes: time


@dataclass
class ServiceSpec:
    slug: str
    title: str
    organisation: str  # organisation name
    summary: str
    description: str  # rich text
    categories: list  # category slugs
    areas: list  # area slugs
    verified_days_ago: int
    who_for: str = ""
    languages: list = field(default_factory=lambda: ["en"])  # language codes
    interpreters_available: bool = False
    address: tuple = ()  # (line 1, line 2, postcode), in `place`
    place: Place | None = None
    location_description: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    open_24_7: bool = False
    hours: list = field(default_factory=list)  # Hours
    hours_notes: str = ""
    access: str = "self"
    access_details: str = ""
    cost: str = "free"
    cost_details: str = ""
    accessibility: str = ""
    status: str = "active"


@dataclass
class HomeSpec:
    summary: str
    introduction: str
    help_heading: str
    help_text: str
    featured_advice: list  # advice page slugs, in order
    directory_page: str  # page path
    directory_text: str
