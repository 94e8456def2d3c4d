"""The groups are set up by the migration, kept up to date as sections are created, and reset
by `manage.py setup_editorial`; the admin views enforce them."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from wagtail.models import GroupPagePermission, Page

from editorial.roles import DIRECTORY_MAINTAINERS, EDITORS, MODERATORS, TRANSLATORS
from tests.factories import HelplineFactory, StandardPageFactory, home_page, translate_page

from .helpers import denied, logged_in

pytestmark = pytest.mark.django_db


def grants(page):
    return {
        (grant.group.name, grant.permission.codename)
        for grant in GroupPagePermission.objects.filter(page=page).select_related("group", "permission")
    }


def test_the_english_home_page_from_the_migrations_is_the_moderators():
    assert grants(home_page()) == {
        (MODERATORS, codename) for codename in ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
    }


def test_a_home_page_translated_later_is_open_to_translators_and_moderators():
    lithuanian = translate_page(home_page(), "lt")

    assert grants(lithuanian) == {
        (TRANSLATORS, "change_page"),
        (TRANSLATORS, "publish_page"),
        *{
            (MODERATORS, codename)
            for codename in ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
        },
    }


def test_sections_created_later_are_open_to_their_groups(site):
    assert grants(site.advice_index) == {(EDITORS, "add_page"), (EDITORS, "change_page")}
    assert grants(site.news_index) == {(EDITORS, "add_page"), (EDITORS, "change_page"), (EDITORS, "publish_page")}
    assert grants(site.standard_section) == grants(site.news_index)
    assert grants(site.directory_index) == {
        (DIRECTORY_MAINTAINERS, "add_page"),
        (DIRECTORY_MAINTAINERS, "change_page"),
        (DIRECTORY_MAINTAINERS, "publish_page"),
    }


def test_pages_inside_a_section_and_translated_sections_get_no_grants_of_their_own(site):
    assert grants(site.standard_page) == set()
    assert grants(site.advice) == set()
    assert grants(site.pl_advice_index) == set()


def test_setup_editorial_restores_the_table_and_changes_nothing_else(site):
    editors = Group.objects.get(name=EDITORS)
    editors.permissions.add(Permission.objects.get(codename="delete_helpline"))
    GroupPagePermission.objects.create(
        group=editors, page=Page.get_first_root_node(), permission=Permission.objects.get(codename="change_page")
    )
    before = set(GroupPagePermission.objects.values_list("group_id", "page_id", "permission_id"))

    call_command("setup_editorial", stdout=None)
    call_command("setup_editorial", stdout=None)

    assert not editors.permissions.filter(codename="delete_helpline").exists()
    assert not GroupPagePermission.objects.filter(page__depth=1).exists()
    after = set(GroupPagePermission.objects.values_list("group_id", "page_id", "permission_id"))
    assert after == {grant for grant in before if grant[1] != Page.get_first_root_node().pk}


def test_a_new_top_level_page_is_a_section_but_a_page_inside_one_is_not(site):
    section = StandardPageFactory(parent=home_page(), title="Training")
    inner = StandardPageFactory(parent=section, title="Courses")

    assert (EDITORS, "publish_page") in grants(section)
    assert grants(inner) == set()


# The admin views enforce the table ---------------------------------------------------------


def test_staff_outside_the_groups_cannot_enter_the_admin(users):
    response = logged_in(users["staff"]).get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("role", ["editor", "moderator", "translator", "directory_maintainer"])
def test_only_superusers_manage_users_settings_and_workflows(site, users, role):
    client = logged_in(users[role])

    for url in (
        "/admin/users/",
        "/admin/groups/",
        "/admin/workflows/list/",
        f"/admin/settings/home/sitesettings/{site.home.get_site().pk}/",
        # The menus, like the site settings, are left to superusers (editorial/roles.py).
        f"/admin/settings/home/navigationsettings/{site.home.get_site().pk}/",
    ):
        assert denied(client.get(url)), (role, url)


def test_editors_cannot_open_services_or_the_report_page(site, users):
    editor = logged_in(users["editor"])

    assert denied(editor.get(f"/admin/pages/{site.service.pk}/edit/"))
    assert denied(editor.get(f"/admin/pages/{site.report_page.pk}/edit/"))
    assert editor.get(f"/admin/pages/{site.news.pk}/edit/").status_code == 200


def test_translators_cannot_open_english_pages(site, users):
    translator = logged_in(users["translator"])

    # Not bounced to the dashboard: sent to the page's read-only translations page.
    response = translator.get(f"/admin/pages/{site.advice.pk}/edit/")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/reports/translations/page/{site.advice.pk}/"
    assert denied(translator.post(f"/admin/pages/{site.advice.pk}/edit/", {"title": "Changed"}))
    assert translator.get(f"/admin/pages/{site.pl_advice.pk}/edit/").status_code == 200


def test_translators_cannot_change_an_english_snippet_by_posting(users):
    helpline = HelplineFactory(name="Modern Slavery Helpline")
    response = logged_in(users["translator"]).post(
        f"/admin/snippets/home/helpline/edit/{helpline.pk}/",
        {"name": "Changed", "number": "1", "tel": "+441", "hours": "never", "sort_order": 1},
    )

    assert denied(response)
    helpline.refresh_from_db()
    assert helpline.name == "Modern Slavery Helpline"
