"""Section permissions and the review workflow for pages created after the migrations ran."""

from django.apps import apps
from django.db.models.signals import post_save

from .roles import SECTION_PAGE_TYPES, grant_section_permissions
from .workflow import REVIEWED_SECTIONS, assign_workflow


def page_created(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    grant_section_permissions(instance.pk)
    assign_workflow(page_ids=[instance.pk])


def connect():
    for label in sorted({*SECTION_PAGE_TYPES, *REVIEWED_SECTIONS}):
        post_save.connect(page_created, sender=apps.get_model(label), dispatch_uid=f"editorial-sections-{label}")
