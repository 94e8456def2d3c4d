from django.core.management.base import BaseCommand
from django.db import transaction

from editorial.roles import MANAGED_GROUPS, sync_roles
from editorial.workflow import WORKFLOW_NAME, assign_workflow, ensure_workflow


class Command(BaseCommand):
    help = (
        "Reset the Editors, Moderators, Translators and Directory maintainers groups to the permissions in "
        "editorial/roles.py, and assign the advice and services review workflow to every advice and directory "
        "index without one. Safe to run again; migrations and page creation do the same automatically."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        sync_roles()
        ensure_workflow()
        assigned = assign_workflow()
        self.stdout.write(f"Groups set up: {', '.join(MANAGED_GROUPS)}.")
        self.stdout.write(f"Workflow '{WORKFLOW_NAME}' assigned to {len(assigned)} more page(s).")
