"""Service phone numbers stored in E.164. Text that is not a number is kept as written and
listed here: the page's edit form asks for a valid number before it can be saved again."""

from django.db import migrations

import home.phones
from home import phones


def to_e164(apps, schema_editor):
    ServicePage = apps.get_model("directory", "ServicePage")
    kept = phones.convert_column(ServicePage.objects.all(), "phone")
    for page in ServicePage.objects.filter(pk__in=kept):
        print(f"\n  Service page {page.pk} {page.title!r}: phone {page.phone!r} is not a number; kept as written.")


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0005_plural_names"),
    ]

    operations = [
        migrations.RunPython(to_e164, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="servicepage",
            name="phone",
            field=home.phones.PhoneField(blank=True, max_length=40, region=None),
        ),
    ]
