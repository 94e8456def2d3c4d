from django.db import migrations

from editorial.roles import sync_roles
from editorial.workflow import assign_workflow, ensure_workflow


def set_up_roles_and_workflow(apps, schema_editor):
    sync_roles(apps)
    ensure_workflow(apps)
    assign_workflow(apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        # Wagtail's default groups, page permissions and workflow, and wagtail-localize's
        # permission: this migration narrows the former and reuses the latter.
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        # The models whose permissions the groups get, and the Safeguarding leads group.
        ("home", "0003_homepage_is_key_page_standardpage_is_key_page"),
        ("advice", "0003_adviceindexpage_is_key_page_advicepage_is_key_page"),
        ("search", "0001_search_log"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("news", "0002_newsindexpage_is_key_page_newspage_is_key_page"),
        ("directory", "0002_directoryindexpage_is_key_page_and_more"),
        ("reports", "0002_safeguarding_leads_group"),
    ]

    # Reversing leaves the groups and the workflow in place: they may hold users and history.
    operations = [migrations.RunPython(set_up_roles_and_workflow, migrations.RunPython.noop)]
