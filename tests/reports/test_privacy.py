"""Reports never leave the safeguarding leads' admin views: no search, API, revisions or usage."""

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex, RevisionMixin
from wagtail.search import index
from wagtail.search.models import IndexEntry
from wagtail.snippets.models import get_snippet_models

from reports.models import Report

pytestmark = pytest.mark.django_db

SECRET = "Unmistakable-concern-text"


@pytest.fixture
def report(report_page):
    return Report.objects.create(what_seen=SECRET, page=report_page, submission_key="b" * 64)


def test_reports_are_not_searchable_not_snippets_and_have_no_revisions_or_api():
    assert not issubclass(Report, index.Indexed)
    assert not issubclass(Report, RevisionMixin)
    assert Report not in get_snippet_models()
    assert not hasattr(Report, "api_fields")
    assert not ReferenceIndex.model_is_indexable(Report)


def test_a_report_is_not_in_the_search_index(report):
    content_type = ContentType.objects.get_for_model(Report)

    assert not IndexEntry.objects.filter(content_type=content_type).exists()
    assert not Page.objects.live().search(SECRET)


def test_a_report_is_not_in_the_report_pages_revisions(report, report_page):
    report_page.save_revision().publish()

    assert SECRET not in str(report_page.latest_revision.content)


def test_a_report_does_not_show_in_its_description():
    assert str(Report(pk=7, what_seen=SECRET)) == "Report 7"


def test_a_report_is_not_in_the_pages_api(client, report, report_page):
    response = client.get(f"/api/v2/pages/{report_page.pk}/")

    assert response.status_code == 200
    assert response.json()["meta"]["type"] == "reports.ReportPage"
    assert SECRET not in response.content.decode()
