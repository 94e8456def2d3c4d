"""Moderation: editors submit advice, moderators approve or reject it; scheduled publishing."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from freezegun import freeze_time
from wagtail.models import TaskState, WorkflowPage, WorkflowState

from editorial.workflow import TASK_NAME, WORKFLOW_NAME, assign_workflow, ensure_workflow
from tests.factories import translate_page

from .helpers import edit_form_data, logged_in

pytestmark = pytest.mark.django_db


def submit(client, page, **changes):
    data = edit_form_data(client, page, **changes)
    data["action-submit"] = "Submit to Advice and services review"
    return client.post(f"/admin/pages/{page.pk}/edit/", data)


def current_task_state(page):
    return TaskState.objects.get(workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS)


def act(client, page, action, comment=""):
    task_state = current_task_state(page)
    return client.post(
        f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/",
        {"comment": comment},
    )


@pytest.fixture
def draft_advice(site):
    return site.advice_draft


def test_the_workflow_and_its_moderators_task_exist():
    workflow = ensure_workflow()

    (task,) = [task.specific for task in workflow.tasks]
    assert workflow.name == WORKFLOW_NAME
    assert task.name == TASK_NAME
    assert list(task.groups.values_list("name", flat=True)) == ["Moderators"]


def test_advice_and_directory_indexes_get_the_workflow_when_created(site):
    for index in (site.advice_index, site.directory_index):
        assert WorkflowPage.objects.get(page=index).workflow.name == WORKFLOW_NAME
    assert not WorkflowPage.objects.filter(page=site.news_index).exists()


def test_translated_advice_indexes_get_the_workflow_too(site):
    assert WorkflowPage.objects.get(page=site.pl_advice_index).workflow.name == WORKFLOW_NAME

    translate_page(site.home, "ro")
    romanian = translate_page(site.advice_index, "ro")

    assert WorkflowPage.objects.get(page=romanian).workflow.name == WORKFLOW_NAME


def test_a_workflow_an_administrator_chose_is_kept(site):
    other = ensure_workflow()
    WorkflowPage.objects.filter(page=site.advice_index).delete()
    custom = type(other).objects.create(name="Safeguarding check", active=True)
    WorkflowPage.objects.create(page=site.advice_index, workflow=custom)

    assert assign_workflow() == []
    assert WorkflowPage.objects.get(page=site.advice_index).workflow == custom


def test_editor_submits_and_moderator_approves_then_advice_is_live(site, users, draft_advice):
    editor, moderator = logged_in(users["editor"]), logged_in(users["moderator"])

    response = submit(editor, draft_advice, title="Draft advice, checked")
    assert response.status_code == 302
    draft_advice.refresh_from_db()
    assert not draft_advice.live
    assert WorkflowState.objects.get(object_id=str(draft_advice.pk)).status == WorkflowState.STATUS_IN_PROGRESS

    assert act(moderator, draft_advice, "approve", comment="Checked with the police.").status_code == 302

    draft_advice.refresh_from_db()
    assert draft_advice.live
    assert draft_advice.title == "Draft advice, checked"
    assert WorkflowState.objects.get(object_id=str(draft_advice.pk)).status == WorkflowState.STATUS_APPROVED


def test_rejected_advice_stays_unpublished(site, users, draft_advice):
    editor, moderator = logged_in(users["editor"]), logged_in(users["moderator"])
    submit(editor, draft_advice)

    assert act(moderator, draft_advice, "reject", comment="Add the helpline number.").status_code == 302

    draft_advice.refresh_from_db()
    assert not draft_advice.live
    assert WorkflowState.objects.get(object_id=str(draft_advice.pk)).status == WorkflowState.STATUS_NEEDS_CHANGES


def test_changes_to_live_advice_wait_for_approval(site, users):
    editor = logged_in(users["editor"])

    submit(editor, site.advice, title="Spot the signs (updated)")

    site.advice.refresh_from_db()
    assert site.advice.live
    assert site.advice.title == "Spot the signs"
    assert site.advice.has_unpublished_changes


def test_editors_cannot_publish_advice_by_posting_the_publish_action(site, users, draft_advice):
    editor = logged_in(users["editor"])
    data = edit_form_data(editor, draft_advice)
    data["action-publish"] = "Publish"

    editor.post(f"/admin/pages/{draft_advice.pk}/edit/", data)

    draft_advice.refresh_from_db()
    assert not draft_advice.live


def test_editors_cannot_approve_their_own_submission(site, users, draft_advice):
    editor = logged_in(users["editor"])
    submit(editor, draft_advice)

    response = act(editor, draft_advice, "approve")

    assert (response.status_code, response["Location"]) == (302, "/admin/")  # "permission denied"
    draft_advice.refresh_from_db()
    assert not draft_advice.live


def test_directory_maintainers_submit_services_for_review(site, users):
    maintainer = logged_in(users["directory_maintainer"])

    response = submit(maintainer, site.service, title="Legal advice clinic (moved)")

    assert response.status_code == 302
    assert current_task_state(site.service).task.name == TASK_NAME


def test_moderators_see_submissions_awaiting_their_review_on_the_dashboard(site, users, draft_advice):
    submit(logged_in(users["editor"]), draft_advice)

    moderator_dashboard = logged_in(users["moderator"]).get("/admin/").content.decode()
    editor_dashboard = logged_in(users["editor"]).get("/admin/").content.decode()

    assert "Awaiting your review" in moderator_dashboard
    assert "Draft advice" in moderator_dashboard
    assert "Awaiting your review" not in editor_dashboard
    assert "Your pages and snippets in a workflow" in editor_dashboard


def test_moderators_can_comment_on_a_page_in_review_and_compare_revisions(site, users):
    submit(logged_in(users["editor"]), site.advice, title="Spot the signs (updated)")
    moderator = logged_in(users["moderator"])

    edit = moderator.get(f"/admin/pages/{site.advice.pk}/edit/")
    assert edit.status_code == 200
    assert "comments" in edit.context["form"].formsets
    compare = moderator.get(f"/admin/pages/{site.advice.pk}/revisions/compare/live...latest/")
    assert compare.status_code == 200
    assert "Spot the signs (updated)" in compare.content.decode()


def test_a_scheduled_news_page_goes_live_when_publish_scheduled_runs(site, users):
    editor = logged_in(users["editor"])
    news = site.news
    news.unpublish()
    go_live = timezone.localtime() + datetime.timedelta(days=2)
    data = edit_form_data(editor, news, go_live_at=go_live.strftime("%Y-%m-%d %H:%M"))
    data["action-publish"] = "Publish"

    assert editor.post(f"/admin/pages/{news.pk}/edit/", data).status_code == 302
    news.refresh_from_db()
    assert not news.live
    assert news.get_latest_revision().approved_go_live_at is not None

    call_command("publish_scheduled")
    news.refresh_from_db()
    assert not news.live

    with freeze_time(go_live + datetime.timedelta(minutes=1)):
        call_command("publish_scheduled")
    news.refresh_from_db()
    assert news.live


def test_an_expired_page_is_unpublished_when_publish_scheduled_runs(site):
    news = site.news
    expiry = timezone.now() + datetime.timedelta(days=30)
    news.expire_at = expiry
    news.save_revision().publish()

    with freeze_time(expiry + datetime.timedelta(minutes=1)):
        call_command("publish_scheduled")

    news.refresh_from_db()
    assert not news.live
    assert news.expired
