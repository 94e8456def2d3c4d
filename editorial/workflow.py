"""The moderators' review of advice and services (Wagtail workflows).

Advice and services go live only when a moderator approves them: the workflow is assigned to
every advice index and directory index, in every locale, including those created after the
migrations ran (the demo content, wagtail-localize translations) — see signals.py.
"""

from django.apps import apps as global_apps

from .roles import MODERATORS, _content_type

WORKFLOW_NAME = "Advice and services review"
TASK_NAME = "Moderators approve"
REVIEWED_SECTIONS = ["advice.adviceindexpage", "directory.directoryindexpage"]


def ensure_workflow(apps=global_apps):
    """The workflow and its one task (approval by the Moderators group), created once."""
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Group = apps.get_model("auth", "Group")

    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is not None:
        return workflow  # an administrator may have changed it since: leave it as it is
    task = GroupApprovalTask.objects.create(
        name=TASK_NAME,
        active=True,
        content_type=_content_type(apps, "wagtailcore.groupapprovaltask", create=True),
    )
    task.groups.add(Group.objects.get_or_create(name=MODERATORS)[0])
    workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def assign_workflow(page_ids=None, apps=global_apps):
    """Assign the workflow to advice and directory indexes that have no workflow of their own.

    Returns the ids of the pages it was assigned to. A page an administrator gave another
    workflow keeps it; a disabled or deleted workflow is not assigned.
    """
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Page = apps.get_model("wagtailcore", "Page")

    workflow = Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()
    content_types = [_content_type(apps, label) for label in REVIEWED_SECTIONS]
    if workflow is None or not any(content_types):
        return []
    pages = Page.objects.filter(content_type__in=[ct for ct in content_types if ct is not None]).exclude(
        pk__in=WorkflowPage.objects.values("page_id")
    )
    if page_ids is not None:
        pages = pages.filter(pk__in=page_ids)
    assigned = list(pages.values_list("pk", flat=True))
    WorkflowPage.objects.bulk_create(WorkflowPage(page_id=page_id, workflow=workflow) for page_id in assigned)
    return assigned
