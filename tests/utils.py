"""Helpers shared by the test modules."""

from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase


class AdminTestCase(WagtailPageTestCase):
    """A test case logged in to the Wagtail admin as a superuser."""

    @classmethod
    def setUpTestData(cls):
        cls.superuser = get_user_model().objects.create_superuser(
            username="editor", email="editor@example.com", password="password"
        )

    def setUp(self):
        self.client.force_login(self.superuser)

    def add_url(self, model, parent):
        return f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{parent.pk}/"

    def edit_url(self, page):
        return f"/admin/pages/{page.pk}/edit/"

    def snippet_add_url(self, model, locale="en"):
        url = f"/admin/snippets/{model._meta.app_label}/{model._meta.model_name}/add/"
        return f"{url}?locale={locale}" if locale else url

    def snippet_edit_url(self, obj):
        meta = obj._meta
        return f"/admin/snippets/{meta.app_label}/{meta.model_name}/edit/{obj.pk}/"

    def create_through_admin(self, model, parent, data):
        """POST the add form with "Publish"; return the new page (fails on form errors)."""
        existing = set(model.objects.child_of(parent).values_list("pk", flat=True))
        self.assertCanCreate(parent, model, data, publish=True)
        (page,) = model.objects.child_of(parent).exclude(pk__in=existing)
        return page


def second_home_page():
    """Another HomePage at the root, for add views that need a home page with no sections yet."""
    from tests.factories import HomePageFactory

    return HomePageFactory(parent=Page.get_first_root_node(), title="Another home")


def count_queries(client, url):
    """The number of queries a warm GET of ``url`` runs (the first GET fills caches).

    A warm count is compared, so one-off work such as generating image renditions or
    caching site root paths does not hide or fake growth.
    """
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries)
