"""Reporters' phone numbers stored in E.164. What is not a number is kept exactly as the
reporter typed it (only a count is printed: reports never reach logs)."""

from django.db import migrations

import home.phones
from home import phones


def to_e164(apps, schema_editor):
    Report = apps.get_model("reports", "Report")
    kept = phones.convert_column(Report.objects.all(), "contact_phone")
    if kept:
        print(f"\n  {len(kept)} report(s) keep a contact phone that is not a number, as the reporter typed it.")


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0004_received_time_to_the_hour"),
    ]

    operations = [
        migrations.RunPython(to_e164, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="report",
            name="contact_phone",
            field=home.phones.PhoneField(blank=True, max_length=40, region=None, verbose_name="phone"),
        ),
    ]
