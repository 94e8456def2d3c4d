"""Helpers for driving the Wagtail admin from tests."""

from django.test import Client
from wagtail.fields import StreamField
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def edit_form_data(client, page, url=None, **changes):
    """The page's edit form as the browser would send it, with ``changes`` applied.

    The HTML holds every field but StreamFields, which the admin's JavaScript builds; these are
    added from the page's current value (the test pages hold rich text blocks only).
    """
    response = client.get(url or f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200, response.status_code
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    specific = page.specific
    for field in specific._meta.get_fields():
        if isinstance(field, StreamField):
            blocks = [(child.block_type, rich_text(child.value.source)) for child in getattr(specific, field.name)]
            data.update(nested_form_data({field.name: streamfield(blocks)}))
    for name, value in changes.items():
        data[name] = value
    return data


def denied(response):
    """Wagtail refuses with a 403 page, or a redirect to the dashboard with "permission denied"."""
    return (response.status_code, response.get("Location")) in {(403, None), (302, "/admin/")}
