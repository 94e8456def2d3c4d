import time

import factory
import pytest
from django.contrib.auth.models import Group

from directory.models import AreaKind
from reports import protection
from reports.models import ReportPage
from tests.factories import AreaFactory, BasePageFactory, home_page


class ReportPageFactory(BasePageFactory):
    title = "Report a concern"
    slug = "report-a-concern"
    intro = factory.LazyFunction(lambda: [("text", "<p>Tell us what worried you.</p>")])
    thank_you = "<p>Thank you for helping us keep people safe.</p>"

    class Meta:
        model = ReportPage


@pytest.fixture
def report_page(db):
    return ReportPageFactory(parent=home_page())


@pytest.fixture
def norwich(db):
    return AreaFactory(name="Norwich", kind=AreaKind.DISTRICT, gss_code="E07000148")


@pytest.fixture
def all_of_norfolk(db):
    return AreaFactory(name="All of Norfolk", kind=AreaKind.COUNTY)


def aged_token(seconds=60):
    """A form token as if the form had been shown ``seconds`` ago."""
    return protection.new_token(issued_at=time.time() - seconds)


@pytest.fixture
def valid_data():
    """A complete, valid submission (a fresh dict each time: tests change it)."""

    def make(**overrides):
        data = {
            "what_seen": "Six men are picked up from the car wash at 5am every day.",
            "location": "The car wash on Example Road",
            "district": "",
            "when_seen": "last Tuesday evening",
            "contact_name": "",
            "contact_phone": "",
            "contact_email": "",
            "who_affected": "someone_else",
            "website": "",
            "token": aged_token(),
        }
        data.update(overrides)
        return data

    return make


def member_of(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(username=username, password="password")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def safeguarding_lead(django_user_model):
    return member_of(django_user_model, "Safeguarding leads", "lead")


@pytest.fixture
def editor(django_user_model):
    return member_of(django_user_model, "Editors", "editor")


@pytest.fixture
def moderator(django_user_model):
    return member_of(django_user_model, "Moderators", "moderator")
