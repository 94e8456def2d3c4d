"""A small multilingual site for the listing-fallback tests (tests/*/test_listing_fallback.py).

English is the source. The home page and the index pages are translated into Polish, Arabic
and Tigrinya; Lithuanian has nothing translated (its pages are English fallbacks). Some items
have a live Polish translation, one only a Polish draft, some are drafts or private in English.
"""

import datetime
import re
from types import SimpleNamespace

from wagtail.models import Locale

from advice.models import AdviceRelatedService
from directory.models import OpeningHours, Place
from home.models import HomeFeaturedAdvice
from tests.factories import (
    AdviceIndexPageFactory,
    AdvicePageFactory,
    AreaFactory,
    DirectoryIndexPageFactory,
    LanguageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ServiceCategoryFactory,
    ServicePageFactory,
    StandardPageFactory,
    choose_navigation,
    home_page,
    make_private,
    translate_page,
    translate_snippet,
)

TRANSLATED = ("pl", "ar", "ti")


def draft_translation(page, code):
    """A translation saved as a draft, never published."""
    translation = page.copy_for_translation(Locale.objects.get(language_code=code))
    translation.title = f"{page.title} ({code} draft)"
    translation.save_revision()
    return translation


def translate_everywhere(page, **titles):
    """Publish ``page`` in pl, ar and ti, titled ``titles[code]`` (or "<title> [code]")."""
    return {code: translate_page(page, code, title=titles.get(code, f"{page.title} [{code}]")) for code in TRANSLATED}


def build_listing_site():
    s = SimpleNamespace(home=home_page())
    s.homes = translate_everywhere(s.home)

    s.legal = ServiceCategoryFactory(name="Legal advice", slug="legal-advice")
    translate_snippet(s.legal, "pl", name="Porady prawne")
    s.housing = ServiceCategoryFactory(name="Safe housing", slug="safe-housing")
    s.norwich = AreaFactory(name="Norwich", slug="norwich")
    s.breckland = AreaFactory(name="Breckland", slug="breckland")
    s.polish = LanguageFactory(code="pl", name="Polish", native_name="Polski")
    s.romanian = LanguageFactory(code="ro", name="Romanian", native_name="Română")
    s.place = Place.objects.get(key="norwich")  # seeded by a migration

    # The directory: one service translated everywhere, one only as a Polish draft, one not at
    # all, one a draft and one private in English.
    s.directory = DirectoryIndexPageFactory(parent=s.home, title="Find support", slug="find-support")
    s.directories = translate_everywhere(s.directory)
    s.legal_service = ServicePageFactory(
        parent=s.directory,
        title="Legal clinic",
        slug="legal-clinic",
        categories=[s.legal],
        areas=[s.norwich],
        languages=[s.polish],
        open_24_7=True,
        latitude="52.630900",  # the seeded Norwich place
        longitude="1.297400",
    )
    s.legal_services = translate_everywhere(s.legal_service, pl="Poradnia prawna", ar="عيادة قانونية", ti="ሕጋዊ ምኽሪ")
    s.housing_service = ServicePageFactory(
        parent=s.directory,
        title="Safe house",
        slug="safe-house",
        categories=[s.housing],
        areas=[s.breckland],
        languages=[s.romanian],
        latitude="52.520000",
        longitude="0.700000",
    )
    OpeningHours.objects.create(
        service=s.housing_service, weekday=0, opens=datetime.time(9), closes=datetime.time(9, 1), sort_order=0
    )
    s.food_service = ServicePageFactory(
        parent=s.directory, title="Food bank", slug="food-bank", categories=[s.housing], areas=[s.norwich]
    )
    s.food_service_pl_draft = draft_translation(s.food_service, "pl")
    s.draft_service = ServicePageFactory(parent=s.directory, title="Draft service secret", slug="draft-service")
    s.draft_service.unpublish()
    s.private_service = ServicePageFactory(parent=s.directory, title="Private service secret", slug="private")
    make_private(s.private_service)

    # News
    s.news_index = NewsIndexPageFactory(parent=s.home, slug="news")
    s.news_indexes = translate_everywhere(s.news_index)
    s.spring = NewsPageFactory(
        parent=s.news_index, title="Spring meeting", date=datetime.date(2026, 4, 1), tags=["events"]
    )
    s.springs = translate_everywhere(s.spring, pl="Spotkanie wiosenne")
    s.winter = NewsPageFactory(
        parent=s.news_index, title="Winter report", date=datetime.date(2026, 1, 1), tags=["events", "reports"]
    )
    s.autumn = NewsPageFactory(parent=s.news_index, title="Autumn report", date=datetime.date(2025, 10, 1))
    s.autumn_pl_draft = draft_translation(s.autumn, "pl")

    # Advice, with related services and featured on the home page
    s.advice_index = AdviceIndexPageFactory(parent=s.home, slug="advice")
    s.advice_indexes = translate_everywhere(s.advice_index)
    s.signs = AdvicePageFactory(parent=s.advice_index, title="Spot the signs", slug="spot-the-signs")
    s.signs_translations = translate_everywhere(s.signs, pl="Rozpoznaj sygnały")
    s.rights = AdvicePageFactory(parent=s.advice_index, title="Your rights", slug="your-rights")
    s.draft_advice = AdvicePageFactory(parent=s.advice_index, title="Draft advice secret", slug="draft-advice")
    s.draft_advice.unpublish()
    s.private_advice = AdvicePageFactory(parent=s.advice_index, title="Private advice secret", slug="private")
    make_private(s.private_advice)
    for order, service in enumerate([s.legal_service, s.housing_service, s.draft_service, s.private_service]):
        AdviceRelatedService.objects.create(advice_page=s.signs, service=service, sort_order=order)
    # Translations synchronise these links (still to the English pages), as wagtail-localize does.
    for home in [s.home, *s.homes.values()]:
        for order, advice in enumerate([s.signs, s.rights, s.draft_advice, s.private_advice]):
            HomeFeaturedAdvice.objects.create(home_page=home, page=advice, sort_order=order)
    for translation in s.signs_translations.values():
        translation.related_services.all().delete()
        for order, service in enumerate([s.legal_service, s.housing_service, s.draft_service, s.private_service]):
            AdviceRelatedService.objects.create(advice_page=translation, service=service, sort_order=order)

    # A standard page with children: one translated, one not, one a draft
    s.about = StandardPageFactory(parent=s.home, title="About us", slug="about")
    s.abouts = translate_everywhere(s.about)
    s.team = StandardPageFactory(parent=s.about, title="Our team", slug="team")
    s.team_pl = translate_page(s.team, "pl", title="Nasz zespół")
    s.partners = StandardPageFactory(parent=s.about, title="Our partners", slug="partners")
    s.history = StandardPageFactory(parent=s.about, title="Our history", slug="history")
    s.history_pl_draft = draft_translation(s.history, "pl")
    s.draft_child = StandardPageFactory(parent=s.about, title="Draft child secret", slug="draft-child")
    s.draft_child.unpublish()
    choose_navigation(advice=s.advice_index, news=s.news_index, directory=s.directory, about=s.about)
    return s


def url_in(page, code):
    """The page's URL under another language's prefix (/en/x/ → /lt/x/)."""
    return re.sub(r"^/[a-z]{2}/", f"/{code}/", page.url)


CARD_RE = (
    r'<article class="card card--{kind}">\s*(?:<div class="card__body">\s*)?'
    r'<h\d class="card__title"><a [^>]*?( lang="en" dir="ltr")?>([^<]*)</a>'
)


def cards(response, kind):
    """[(title, shown_in_english_with_label)] for each card of ``kind`` on the page, in order."""
    html = response.content.decode()
    found = []
    for match in re.finditer(CARD_RE.format(kind=kind), html):
        label = html[match.end() :].lstrip().startswith('<span class="fallback-label"')
        found.append((match.group(2), bool(match.group(1)) and label))
    return found
