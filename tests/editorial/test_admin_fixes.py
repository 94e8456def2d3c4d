"""Admin fixes for editors: no autosave on page creation, the moderators' panel first, admin fonts."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.test import RequestFactory
from django.urls import resolve, reverse
from wagtail import hooks
from wagtail.admin.views.home import HomeView, WorkflowObjectsToModeratePanel

from advice.models import AdvicePage
from editorial.page_creation import CreatePageView
from editorial.wagtail_hooks import admin_fonts

from .helpers import edit_form_data, logged_in
from .test_workflow import submit

pytestmark = pytest.mark.django_db


def form_controllers(html, form_id):
    match = re.search(rf'<form[^>]*id="{form_id}"[^>]*data-controller="([^"]*)"', html, re.S)
    assert match, f"no #{form_id} form"
    return match.group(1).split()


# Page creation without autosave ------------------------------------------------------------


def test_wagtails_add_page_url_resolves_to_the_view_without_autosave(site):
    url = reverse("wagtailadmin_pages:add", args=("advice", "advicepage", site.advice_index.pk))

    assert resolve(url).func.view_class is CreatePageView


def test_the_add_page_form_does_not_autosave(site, users):
    client = logged_in(users["superuser"])

    response = client.get(f"/admin/pages/add/advice/advicepage/{site.advice_index.pk}/")

    assert response.status_code == 200
    controllers = form_controllers(response.content.decode(), "page-edit-form")
    assert "w-unsaved" in controllers  # still warns about leaving with unsaved changes
    assert "w-autosave" not in controllers


def test_editing_an_existing_page_still_autosaves(site, users):
    response = logged_in(users["superuser"]).get(f"/admin/pages/{site.advice.pk}/edit/")

    assert "w-autosave" in form_controllers(response.content.decode(), "page-edit-form")


def test_starting_a_page_again_after_abandoning_one_reuses_its_slug(site, users):
    client = logged_in(users["superuser"])
    add_url = f"/admin/pages/add/advice/advicepage/{site.advice_index.pk}/"
    pages = AdvicePage.objects.count()
    client.get(add_url)  # an editor opens the form, types a title, and leaves
    assert AdvicePage.objects.count() == pages

    data = edit_form_data(client, site.advice, url=add_url, title="Working abroad", slug="working-abroad")
    data.update({"summary": "What to check.", "last_reviewed": "2026-01-15", "action-publish": "publish"})
    response = client.post(add_url, data)

    assert response.status_code == 302
    assert AdvicePage.objects.get(slug="working-abroad").live


def test_the_add_page_view_still_needs_admin_access(site, client):
    response = client.get(f"/admin/pages/add/advice/advicepage/{site.advice_index.pk}/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


# Dashboard ---------------------------------------------------------------------------------


def dashboard_panels(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    view = HomeView()
    view.setup(request)
    return sorted(view.get_panels(), key=lambda panel: panel.order)


def test_awaiting_your_review_is_the_first_panel(users):
    panels = dashboard_panels(users["moderator"])

    assert isinstance(panels[0], WorkflowObjectsToModeratePanel)
    assert "nasn_content_review" in [panel.name for panel in panels[1:]]


def test_awaiting_your_review_is_shown_above_the_review_lists(site, users):
    submit(logged_in(users["editor"]), site.advice_draft)
    site.service.last_verified = "2020-01-01"
    site.service.save()

    html = logged_in(users["moderator"]).get("/admin/").content.decode()

    assert html.index("Awaiting your review") < html.index("Content due for review")


# Fonts -------------------------------------------------------------------------------------


def test_the_admin_loads_the_sites_ethiopic_font_only_for_ethiopic_text():
    assert admin_fonts in hooks.get_hooks("insert_global_admin_css")
    assert admin_fonts() == '<link rel="stylesheet" href="/static/css/admin-fonts.css">'

    css = Path(finders.find("css/admin-fonts.css")).read_text(encoding="utf-8")
    sources = re.findall(r'url\("\.\./fonts/([^"]+)"\)', css)
    assert sources == ["NotoSansEthiopic-Regular.woff2", "NotoSansEthiopic-Bold.woff2"]
    assert all(finders.find(f"fonts/{name}") for name in sources)
    assert css.count("unicode-range: U+1200-139F, U+2D80-2DDF, U+AB00-AB2F;") == 2
    assert re.search(r'--w-font-sans: "NASN Ethiopic",', css)


def test_admin_pages_link_the_font_stylesheet(users):
    html = logged_in(users["editor"]).get("/admin/").content.decode()

    assert '<link rel="stylesheet" href="/static/css/admin-fonts.css">' in html
