from django.db import migrations

from editorial.roles import sync_roles


def sync(apps, schema_editor):
    sync_roles(apps)


class Migration(migrations.Migration):
    """Editors, moderators and translators see Reports → Readership."""

    dependencies = [("editorial", "0002_moderators_export_search_log"), ("readership", "0001_initial")]

    operations = [migrations.RunPython(sync, migrations.RunPython.noop)]
