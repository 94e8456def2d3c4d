from django.db import migrations

from editorial.roles import sync_roles


def sync(apps, schema_editor):
    sync_roles(apps)


class Migration(migrations.Migration):
    """Only moderators may download the search log (editors keep viewing it)."""

    dependencies = [("editorial", "0001_roles_and_workflow"), ("search", "0003_searchlog_export_permission")]

    operations = [migrations.RunPython(sync, migrations.RunPython.noop)]
