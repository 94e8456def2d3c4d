"""Content shaped like the demo's, for query counts: bodies with internal links in several rich
texts (paragraphs, callouts, questions and answers), images, helplines, documents, and pages
translated into Polish; advice with related services.

``body(n, …)`` puts n of each kind in a body, so a test can compare n = 2 with n = 6.
"""

import datetime
import json

from advice.models import AdviceRelatedService
from directory.models import OpeningHours
from home.models import SiteSettings
from reports.models import ReportPage
from tests.factories import (
    AdviceIndexPageFactory,
    AdvicePageFactory,
    AdviceTopicFactory,
    AreaFactory,
    DirectoryIndexPageFactory,
    DocumentFactory,
    HelplineFactory,
    ImageFactory,
    LanguageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    OrganisationFactory,
    ServiceCategoryFactory,
    ServicePageFactory,
    StandardPageFactory,
    choose_navigation,
    home_page,
    translate_page,
    translate_snippet,
)
from tests.utils import count_queries

MOST = 6  # the larger of the two sizes compared


def link(page):
    return f'<a linktype="page" id="{page.pk}">{page.title}</a>'


def body(count, targets, images, helplines, documents):
    """StreamField data with ``count`` links, images, helplines, documents, callouts and answers."""
    links = "".join(f"<li>{link(page)}</li>" for page in targets[:count])
    blocks = [
        {"type": "heading", "value": {"text": "What to look for", "level": "h2"}},
        {"type": "text", "value": f"<p>Read {link(targets[0])} first.</p><ul>{links}</ul>"},
    ]
    for index in range(count):
        target = targets[index]
        blocks += [
            {"type": "image", "value": {"image": images[index].pk, "alt_text": "A street", "caption": "Norwich"}},
            {"type": "helpline", "value": {"helpline": helplines[index].pk}},
            {"type": "document", "value": {"document": documents[index].pk, "title": "", "description": "A leaflet"}},
            {"type": "callout", "value": {"style": "info", "title": "Help", "text": f"<p>See {link(target)}.</p>"}},
        ]
    answers = [{"question": f"Question {i}?", "answer": f"<p>See {link(targets[i])}.</p>"} for i in range(count)]
    blocks.append({"type": "faq", "value": {"title": "Questions", "items": answers}})
    blocks.append({"type": "signs", "value": {"title": "Signs", "signs": ["Tired"], "advice": f"<p>{links}</p>"}})
    return json.dumps(blocks)


class DemoLikeSite:
    """A home page with every section, menus chosen, and ``MOST`` of everything a body can hold;
    half of the linked pages, services, areas and helplines translated into Polish; services
    with a phone number and opening hours (what their cards show)."""

    def __init__(self):
        self.home = home_page()
        self.advice_index = AdviceIndexPageFactory(parent=self.home)
        self.directory = DirectoryIndexPageFactory(parent=self.home)
        self.news_index = NewsIndexPageFactory(parent=self.home)
        self.about = StandardPageFactory(parent=self.home, title="About")
        choose_navigation(advice=self.advice_index, directory=self.directory, news=self.news_index, about=self.about)
        SiteSettings.for_site(self.home.get_site())  # as on a configured site (else the first request makes it)
        self.topics = AdviceTopicFactory.create_batch(2)
        self.categories = ServiceCategoryFactory.create_batch(2)
        self.areas = AreaFactory.create_batch(2)
        self.languages = LanguageFactory.create_batch(MOST)
        self.images = ImageFactory.create_batch(MOST)
        self.documents = DocumentFactory.create_batch(MOST)
        self.helplines = HelplineFactory.create_batch(MOST, is_featured=True)
        self.services = [
            ServicePageFactory(
                parent=self.directory, categories=self.categories, areas=self.areas, phone="01603 123456"
            )
            for _ in range(MOST)
        ]
        for service in self.services:
            for weekday in (0, 2):
                OpeningHours.objects.create(
                    service=service, weekday=weekday, opens=datetime.time(9), closes=datetime.time(17)
                )
        self.targets = [StandardPageFactory(parent=self.about, title=f"Linked {i}") for i in range(MOST)]
        # Polish: the home page and sections, half the linked pages and half the helplines.
        self.home_pl = translate_page(self.home, "pl")
        self.advice_index_pl = translate_page(self.advice_index, "pl")
        translate_page(self.directory, "pl")
        translate_page(self.news_index, "pl")
        translate_page(self.about, "pl")
        for page in self.targets[::2]:
            translate_page(page, "pl")
        for service in self.services[::2]:
            translate_page(service, "pl", title=f"{service.title} (pl)")
        for area in self.areas[::2]:
            translate_snippet(area, "pl", name=f"{area.name} (pl)")
        for helpline in self.helplines[::2]:
            translate_snippet(helpline, "pl", name=f"{helpline.name} (pl)")

    def body(self, count):
        return body(count, self.targets, self.images, self.helplines, self.documents)

    def advice(self, count, **kwargs):
        page = AdvicePageFactory(parent=self.advice_index, body=self.body(count), topics=self.topics, **kwargs)
        page.related_services = [AdviceRelatedService(service=service) for service in self.services[:count]]
        page.save_revision().publish()
        return page

    def news(self, count):
        return NewsPageFactory(parent=self.news_index, body=self.body(count), image=self.images[0], tags=["a", "b"])

    def standard(self, count):
        return StandardPageFactory(parent=self.about, body=self.body(count))

    def service(self, count):
        """A service with ``count`` links in its description, categories, areas, languages and
        opening hours, and an organisation."""
        links = "".join(f"<li>{link(page)}</li>" for page in self.targets[:count])
        return ServicePageFactory(
            parent=self.directory,
            description=f"<p>What it offers.</p><ul>{links}</ul>",
            organisation=OrganisationFactory(),
            categories=self.categories[: max(1, count // 3)],
            areas=self.areas[: max(1, count // 3)],
            languages=self.languages[:count],
            opening_hours=[
                OpeningHours(weekday=day, opens=datetime.time(9), closes=datetime.time(17)) for day in range(count)
            ],
        )

    def report(self, count):
        page = ReportPage(title=f"Report a concern {count}", intro=self.body(count), thank_you="<p>Thank you.</p>")
        self.home.add_child(instance=page)
        page.save_revision().publish()
        return page


class GrowingListings:
    """For a TestCase with ``site = DemoLikeSite()``: listings measured with 2, then 6 items."""

    def assert_constant_listing(self, budget, add_items, url):
        add_items(2)
        small = count_queries(self.client, url)
        add_items(4)
        large = count_queries(self.client, url)
        self.assertEqual(small, large, f"queries grow with the items of {url}")
        self.assertLessEqual(large, budget)

    def add_advice(self, count):
        for _ in range(count):
            self.site.advice(MOST)

    def add_news(self, count):
        for _ in range(count):
            self.site.news(MOST)

    def add_standard(self, count):
        for _ in range(count):
            self.site.standard(MOST)

    def add_services(self, count):
        for _ in range(count):
            self.site.service(MOST)
