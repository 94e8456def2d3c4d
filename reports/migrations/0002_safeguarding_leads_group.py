from django.db import migrations

GROUP_NAME = "Safeguarding leads"
# Names as Django would give them, so its post-migrate step finds these and adds no duplicates.
REPORT_PERMISSIONS = {
    "view_report": "Can view concern report",
    "delete_report": "Can delete concern report",
    "export_report": "Can export concern reports as CSV",
}


def create_group(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")

    # Django creates model permissions only after all migrations have run; create them now.
    report_type, _created = ContentType.objects.get_or_create(app_label="reports", model="report")
    permissions = [
        Permission.objects.get_or_create(content_type=report_type, codename=codename, defaults={"name": name})[0]
        for codename, name in REPORT_PERMISSIONS.items()
    ]
    admin_type, _created = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _created = Permission.objects.get_or_create(
        content_type=admin_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )

    group, _created = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.add(access_admin, *permissions)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        # These give every group with admin access the right to choose documents and images;
        # running after them keeps this group to the permissions below.
        ("wagtaildocs", "0011_add_choose_permissions"),
        ("wagtailimages", "0023_add_choose_permissions"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
