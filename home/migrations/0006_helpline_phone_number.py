"""Helplines keep one number: `number` in E.164 (a short code as dialled), no `tel`.

The publicised spacing of the old `number` is kept as group sizes (`number_grouping`). A
helpline whose number cannot be read, or whose two numbers differ, stops the migration with
a list to fix in the admin: nothing is converted or dropped until they agree.
"""

from django.db import migrations, models

import home.phones
from home import phones


def one_number(apps, schema_editor):
    Helpline = apps.get_model("home", "Helpline")
    problems = []
    for helpline in Helpline.objects.all():
        stored, is_number = phones.stored_form(helpline.tel or helpline.number)
        typed, typed_is_number = phones.stored_form(helpline.number)
        if not is_number or (typed_is_number and typed != stored) or (not typed_is_number and helpline.tel):
            problems.append(f"  helpline {helpline.pk} {helpline.name!r}: number {helpline.number!r}, tel {helpline.tel!r}")
            continue
        helpline.number_grouping = phones.grouping_of(helpline.number, phones.parse(stored))
        helpline.number = stored
        helpline.save(update_fields=["number", "number_grouping"])
    if problems:
        raise RuntimeError(
            "These helplines' numbers cannot be read, or their number and tel differ. Correct them "
            "(number as publicised, tel as +44…) and migrate again:\n" + "\n".join(problems)
        )


def two_numbers(apps, schema_editor):
    Helpline = apps.get_model("home", "Helpline")
    for helpline in Helpline.objects.all():
        helpline.tel = phones.tel_uri(helpline.number).removeprefix("tel:")
        helpline.number = phones.display(helpline.number, helpline.number_grouping)
        helpline.save(update_fields=["number", "tel"])


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_navigation_from_existing_pages"),
    ]

    operations = [
        migrations.AddField(
            model_name="helpline",
            name="number_grouping",
            field=models.CharField(blank=True, editable=False, max_length=20),
        ),
        migrations.RunPython(one_number, two_numbers),
        # A default first, so that migrating back can add the column to existing rows.
        migrations.AlterField(model_name="helpline", name="tel", field=models.CharField(default="", max_length=20)),
        migrations.RemoveField(model_name="helpline", name="tel"),
        migrations.AlterField(
            model_name="helpline",
            name="number",
            field=home.phones.PhoneField(
                help_text="As people should dial it, e.g. 08000 121 700.", max_length=40, region=None
            ),
        ),
    ]
