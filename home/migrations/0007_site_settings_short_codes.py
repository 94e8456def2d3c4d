from django.db import migrations, models

import home.phones


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0006_helpline_phone_number"),
    ]

    operations = [
        migrations.AlterField(
            model_name="sitesettings",
            name="emergency_number",
            field=models.CharField(default="999", max_length=10, validators=[home.phones.validate_emergency_number]),
        ),
        migrations.AlterField(
            model_name="sitesettings",
            name="non_emergency_number",
            field=models.CharField(default="101", max_length=10, validators=[home.phones.validate_short_code]),
        ),
    ]
