"""Fixtures for the editorial workflow tests: one user per role, and a small site to work on."""

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Page

from editorial.roles import DIRECTORY_MAINTAINERS, EDITORS, MODERATORS, SAFEGUARDING_LEADS, TRANSLATORS
from home.models import HomePage
from reports.models import ReportPage
from tests.factories import (
    AdviceIndexPageFactory,
    AdvicePageFactory,
    AreaFactory,
    BasePageFactory,
    DirectoryIndexPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ServiceCategoryFactory,
    ServicePageFactory,
    StandardPageFactory,
    home_page,
    translate_page,
)

ROLE_GROUPS = {
    "editor": EDITORS,
    "moderator": MODERATORS,
    "translator": TRANSLATORS,
    "directory_maintainer": DIRECTORY_MAINTAINERS,
    "safeguarding_lead": SAFEGUARDING_LEADS,
}
ROLES = ["superuser", *ROLE_GROUPS, "staff"]


def make_user(role):
    """A user of one role; "staff" has is_staff but no group, "superuser" is an administrator."""
    users = get_user_model().objects
    if role == "superuser":
        return users.create_superuser(role, f"{role}@example.org", "a-long-test-password")
    user = users.create_user(role, f"{role}@example.org", "a-long-test-password", is_staff=True)
    if role in ROLE_GROUPS:
        user.groups.add(Group.objects.get(name=ROLE_GROUPS[role]))
    return user


class ReportPageFactory(BasePageFactory):
    title = "Report a concern"
    intro = [("text", "<p>Tell us what worried you.</p>")]
    thank_you = "<p>Thank you.</p>"

    class Meta:
        model = ReportPage


@dataclass
class Site:
    home: HomePage
    standard_section: Page
    standard_page: Page
    advice_index: Page
    advice: Page
    advice_draft: Page
    news_index: Page
    news: Page
    directory_index: Page
    service: Page
    report_page: Page
    pl_home: Page
    pl_advice_index: Page
    pl_advice: Page


def build_site():
    """Every page type, as published English pages, plus a Polish translation of the advice."""
    home = home_page()
    standard_section = StandardPageFactory(parent=home, title="About the network")
    advice_index = AdviceIndexPageFactory(parent=home)
    news_index = NewsIndexPageFactory(parent=home)
    directory_index = DirectoryIndexPageFactory(parent=home)
    advice = AdvicePageFactory(parent=advice_index, title="Spot the signs")
    advice_draft = AdvicePageFactory(parent=advice_index, title="Draft advice", live=False)
    pl_home = translate_page(home, "pl")
    pl_advice_index = translate_page(advice_index, "pl")
    site = Site(
        home=home,
        standard_section=standard_section,
        standard_page=StandardPageFactory(parent=standard_section, title="Our partners"),
        advice_index=advice_index,
        advice=advice,
        advice_draft=advice_draft,
        news_index=news_index,
        news=NewsPageFactory(parent=news_index, title="Network meeting"),
        directory_index=directory_index,
        service=ServicePageFactory(
            parent=directory_index,
            title="Legal advice clinic",
            categories=[ServiceCategoryFactory(name="Legal advice")],
            areas=[AreaFactory(name="Norwich")],
        ),
        report_page=ReportPageFactory(parent=home),
        pl_home=pl_home,
        pl_advice_index=pl_advice_index,
        pl_advice=translate_page(advice, "pl", title="Rozpoznaj sygnały"),
    )
    for page in vars(site).values():
        page.refresh_from_db()  # tree counts (numchild) changed as children were added
    return site


@pytest.fixture(scope="module")
def shared_data(django_db_setup, django_db_blocker):
    """The site and one user per role, built once per test module.

    As with Django's ``setUpTestData``: built in a transaction that is rolled back after the
    module, while each test runs in a savepoint of it, so a test may change anything. The
    ``site`` and ``users`` fixtures load fresh objects for every test.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        site = build_site()
        users = {role: make_user(role) for role in ROLES}
        yield {name: page.pk for name, page in vars(site).items()}, {role: user.pk for role, user in users.items()}
        transaction.set_rollback(True)


@pytest.fixture
def site(db, shared_data):
    page_ids, _user_ids = shared_data
    pages = Page.objects.filter(pk__in=page_ids.values()).specific().in_bulk()
    return Site(**{name: pages[pk] for name, pk in page_ids.items()})


@pytest.fixture
def users(db, shared_data):
    _page_ids, user_ids = shared_data
    found = get_user_model().objects.in_bulk(user_ids.values())
    return {role: found[pk] for role, pk in user_ids.items()}
