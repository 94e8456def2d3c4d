"""Who may do what: every role against every action, as one table.

The table is the specification of the issue's roles. A cell is "allowed" when the user may do
the action; everything not listed is denied. Page cells ask Wagtail's own permission checks
(the admin views use the same ones); snippet edits go through the admin view, because a hook
narrows what the model permission allows.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.test import Client
from wagtail.documents.permissions import permission_policy as document_policy
from wagtail.images.permissions import permission_policy as image_policy
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from tests.factories import (
    AdviceTopicFactory,
    AreaFactory,
    DocumentFactory,
    HelplineFactory,
    ImageFactory,
    LanguageFactory,
    OrganisationFactory,
    ServiceCategoryFactory,
    translate_snippet,
)

from .conftest import ROLES

PAGE = {"view", "add", "edit", "publish", "delete"}
SNIPPET = {"view", "add", "edit", "delete"}

# role -> subject -> allowed actions ("add" on a page: add a page beside it, under its parent).
ALLOWED = {
    "superuser": {
        **dict.fromkeys(
            [
                "home",
                "standard_section",
                "standard_page",
                "advice",
                "advice_draft",
                "news",
                "service",
                "report_page",
                "pl_home",
                "pl_advice",
            ],
            PAGE,
        ),
        **dict.fromkeys(
            ["helpline", "helpline_pl", "advice_topic", "category", "area", "organisation", "language"], SNIPPET
        ),
        "images": {"add", "delete"},
        "documents": {"add", "delete"},
        "reports": {"view", "export", "delete"},
        "site_settings": {"edit"},
        "users": {"view", "add", "edit"},
        "admin": {"enter"},
    },
    "editor": {
        "home": {"view"},
        # Top-level pages shape the navigation: moderators create and delete them.
        "standard_section": {"view", "edit", "publish"},
        "standard_page": PAGE,
        # Advice is published only through the moderators' review; unpublished drafts may go.
        "advice": {"view", "add", "edit"},
        "advice_draft": {"view", "add", "edit", "delete"},
        "news": PAGE,
        "helpline": {"view"},
        "helpline_pl": {"view"},
        "advice_topic": {"view", "add", "edit"},
        "images": {"add"},
        "documents": {"add"},
        "admin": {"enter"},
    },
    "moderator": {
        # Home pages sit under the root, where nobody but superusers adds or deletes.
        "home": {"view", "edit", "publish"},
        "standard_section": {"view", "add", "edit", "publish"},  # not a leaf: no bulk delete
        "standard_page": PAGE,
        "advice": PAGE,
        "advice_draft": PAGE,
        "news": PAGE,
        "service": PAGE,
        "report_page": PAGE,
        "pl_home": {"view", "edit", "publish"},
        "pl_advice": PAGE,
        "helpline": {"view", "add", "edit"},
        "helpline_pl": {"view", "add", "edit"},
        "advice_topic": {"view", "add", "edit"},
        "category": {"view"},
        "area": {"view"},
        "organisation": {"view"},
        "language": {"view"},
        "images": {"add", "delete"},
        "documents": {"add", "delete"},
        "admin": {"enter"},
    },
    "translator": {
        "pl_home": {"view", "edit", "publish"},
        "pl_advice": {"view", "edit", "publish", "delete"},
        # Translations only: the English helpline is listed but cannot be changed.
        "helpline": {"view"},
        "helpline_pl": {"view", "edit"},
        "advice_topic": {"view"},
        "category": {"view"},
        "area": {"view"},
        "organisation": {"view"},
        "documents": {"add"},
        "admin": {"enter"},
    },
    "directory_maintainer": {
        "home": {"view"},
        "service": PAGE,
        "category": {"view", "add", "edit"},
        "area": {"view", "add", "edit"},
        "organisation": {"view", "add", "edit"},
        "language": {"view", "add", "edit"},
        "admin": {"enter"},
    },
    "safeguarding_lead": {
        "reports": {"view", "export", "delete"},
        "admin": {"enter"},
    },
    "staff": {},
}

PAGE_SUBJECTS = list(ALLOWED["superuser"])[:10]
SNIPPET_SUBJECTS = ["helpline", "helpline_pl", "advice_topic", "category", "area", "organisation", "language"]
OTHER_SUBJECTS = {
    "images": ["add", "delete"],
    "documents": ["add", "delete"],
    "reports": ["view", "export", "delete"],
    "site_settings": ["edit"],
    "users": ["view", "add", "edit"],
    "admin": ["enter"],
}
SUBJECT_ACTIONS = {
    **dict.fromkeys(PAGE_SUBJECTS, PAGE),
    **dict.fromkeys(SNIPPET_SUBJECTS, SNIPPET),
    **{subject: set(actions) for subject, actions in OTHER_SUBJECTS.items()},
}
CELLS = [(role, subject) for role in ROLES for subject in SUBJECT_ACTIONS]


@pytest.fixture(scope="module")
def world(shared_data, django_db_blocker):
    """The site, one snippet of each kind and one user per role, built once for the module."""
    page_ids, user_ids = shared_data
    with django_db_blocker.unblock(), transaction.atomic():
        helpline = HelplineFactory()
        objects = {
            **Page.objects.filter(pk__in=page_ids.values()).specific().in_bulk(),
            "helpline": helpline,
            "helpline_pl": translate_snippet(helpline, "pl", name="Infolinia"),
            "advice_topic": AdviceTopicFactory(),
            "category": ServiceCategoryFactory(),
            "area": AreaFactory(),
            "organisation": OrganisationFactory(),
            "language": LanguageFactory(),
            "images": ImageFactory(),
            "documents": DocumentFactory(),
        }
        objects.update({name: objects[pk] for name, pk in page_ids.items()})
        users = get_user_model().objects.in_bulk(user_ids.values())
        yield objects, {role: users[pk] for role, pk in user_ids.items()}
        transaction.set_rollback(True)


def page_allows(user, page, action):
    if action == "view":
        return PagePermissionPolicy().explorable_instances(user).filter(pk=page.pk).exists()
    if action == "add":
        return page.get_parent().permissions_for_user(user).can_add_subpage()
    tester = page.permissions_for_user(user)
    return {"edit": tester.can_edit, "publish": tester.can_publish, "delete": tester.can_delete}[action]()


def snippet_allows(user, obj, action):
    policy = type(obj).snippet_viewset.permission_policy
    if action == "view":
        return policy.user_has_any_permission(user, ["view", "add", "change", "delete"])
    if action == "edit":
        client = Client()
        client.force_login(user)
        meta = obj._meta
        return client.get(f"/admin/snippets/{meta.app_label}/{meta.model_name}/edit/{obj.pk}/").status_code == 200
    return policy.user_has_permission(user, action)


def other_allows(user, objects, subject, action):
    if subject in ("images", "documents"):
        policy = image_policy if subject == "images" else document_policy
        if action == "delete":
            # Anyone who may add may delete what they uploaded; this is someone else's.
            return policy.user_has_permission_for_instance(user, "delete", objects[subject])
        return policy.user_has_permission(user, action)
    permission = {
        ("reports", "view"): "reports.view_report",
        ("reports", "export"): "reports.export_report",
        ("reports", "delete"): "reports.delete_report",
        ("site_settings", "edit"): "home.change_sitesettings",
        ("users", "view"): "auth.view_user",
        ("users", "add"): "auth.add_user",
        ("users", "edit"): "auth.change_user",
        ("admin", "enter"): "wagtailadmin.access_admin",
    }[subject, action]
    return user.has_perm(permission)


def allows(user, objects, subject, action):
    if subject in PAGE_SUBJECTS:
        return page_allows(user, objects[subject], action)
    if subject in SNIPPET_SUBJECTS:
        return snippet_allows(user, objects[subject], action)
    return other_allows(user, objects, subject, action)


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "subject"), CELLS, ids=["-".join(cell) for cell in CELLS])
def test_role_matrix(world, role, subject):
    objects, users = world

    allowed = {action for action in SUBJECT_ACTIONS[subject] if allows(users[role], objects, subject, action)}

    assert allowed == ALLOWED[role].get(subject, set())


@pytest.mark.django_db
def test_only_the_role_groups_can_enter_the_admin():
    groups = Group.objects.filter(permissions__codename="access_admin").values_list("name", flat=True)

    assert sorted(groups) == ["Directory maintainers", "Editors", "Moderators", "Safeguarding leads", "Translators"]


@pytest.mark.django_db
def test_the_safeguarding_leads_group_is_reused_not_duplicated():
    assert Group.objects.filter(name="Safeguarding leads").count() == 1


@pytest.mark.django_db
def test_wagtails_default_grants_on_the_root_page_are_gone():
    from wagtail.models import GroupPagePermission

    assert not GroupPagePermission.objects.filter(page__depth=1).exists()
