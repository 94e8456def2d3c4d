import csv
import io

import pytest
from django.contrib.auth.models import Group

from reports.models import Report
from tests.factories import home_page

pytestmark = pytest.mark.django_db

INDEX = "/admin/concern-reports/"
EXPORT = "/admin/concern-reports/?export=csv"


@pytest.fixture
def report(report_page, norwich):
    return Report.objects.create(
        what_seen="Workers sleep in the packing shed.",
        location='=HYPERLINK("http://evil.example")',
        district=norwich,
        when_seen="every night",
        contact_phone="+44 7700 900123",
        who_affected="someone_else",
        page=report_page,
        locale_code="pl",
        submission_key="a" * 64,
    )


def urls(report):
    return {
        "list": INDEX,
        "view": f"{INDEX}{report.pk}/",
        "export": EXPORT,
        "delete": f"{INDEX}{report.pk}/delete/",
    }


def test_safeguarding_leads_group_has_exactly_the_report_permissions():
    group = Group.objects.get(name="Safeguarding leads")

    assert {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()} == {
        "wagtailadmin.access_admin",
        "reports.view_report",
        "reports.delete_report",
        "reports.export_report",
    }


def test_administrators_can_grant_the_report_permissions_in_wagtail(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("root", "root@example.com", "password"))
    group = Group.objects.get(name="Safeguarding leads")

    response = client.get(f"/admin/groups/edit/{group.pk}/")

    assert response.status_code == 200
    assert "Can export concern reports as CSV" in response.content.decode()


def test_reports_cannot_be_added_or_edited_through_permissions():
    assert Report._meta.default_permissions == ("view", "delete")


def test_lead_sees_the_menu_item(client, safeguarding_lead):
    client.force_login(safeguarding_lead)

    response = client.get("/admin/")

    assert response.status_code == 200
    assert INDEX in response.content.decode()


def test_lead_lists_reports(client, safeguarding_lead, report):
    client.force_login(safeguarding_lead)

    response = client.get(INDEX)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Workers sleep in the packing shed." in html
    assert f"{INDEX}{report.pk}/" in html
    assert EXPORT in html
    assert "no-store" in response["Cache-Control"]


def test_lead_reads_a_report(client, safeguarding_lead, report):
    client.force_login(safeguarding_lead)

    response = client.get(urls(report)["view"])

    assert response.status_code == 200
    html = response.content.decode()
    for text in ("Workers sleep in the packing shed.", "Norwich", "every night", "07700 900123", "pl"):
        assert text in html
    assert "It is happening to someone else" in html
    assert urls(report)["delete"] in html


def test_lead_exports_reports_as_csv(client, safeguarding_lead, report):
    client.force_login(safeguarding_lead)

    response = client.get(EXPORT)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="concern-reports-')
    assert "no-store" in response["Cache-Control"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:3] == ["ID", "Received", "What was seen"]
    assert rows[1][0] == str(report.pk)
    assert rows[1][2] == "Workers sleep in the packing shed."
    assert rows[1][4] == "Norwich"


def test_export_cannot_smuggle_a_spreadsheet_formula(client, safeguarding_lead, report):
    client.force_login(safeguarding_lead)

    content = b"".join(client.get(EXPORT).streaming_content).decode("utf-8-sig")

    row = list(csv.reader(io.StringIO(content)))[1]
    assert row[3] == '\'=HYPERLINK("http://evil.example")'
    assert row[7] == "'+447700900123"


def test_lead_deletes_a_report_after_confirming(client, safeguarding_lead, report):
    client.force_login(safeguarding_lead)

    confirm = client.get(urls(report)["delete"])
    response = client.post(urls(report)["delete"])

    assert confirm.status_code == 200
    assert "Delete this report for good?" in confirm.content.decode()
    assert response.status_code == 302
    assert response["Location"] == INDEX
    assert not Report.objects.exists()


def test_superuser_can_do_everything(client, django_user_model, report):
    client.force_login(django_user_model.objects.create_superuser("root", "root@example.com", "password"))

    for name, url in urls(report).items():
        assert client.get(url).status_code == 200, name
    assert client.post(urls(report)["delete"]).status_code == 302


@pytest.mark.parametrize("user_fixture", ["editor", "moderator"])
def test_other_admin_users_get_403_everywhere(client, request, report, user_fixture):
    client.force_login(request.getfixturevalue(user_fixture))

    for name, url in urls(report).items():
        response = client.get(url)
        assert response.status_code == 403, name
        assert "Workers sleep" not in response.content.decode()
    assert client.post(urls(report)["delete"]).status_code == 403
    assert Report.objects.exists()


def test_page_editors_get_403_and_no_menu_item(client, moderator, report):
    # Moderators can edit every page, the report page included, but not read reports.
    client.force_login(moderator)
    assert client.get(f"/admin/pages/{report.page.pk}/edit/").status_code == 200

    response = client.get("/admin/")

    assert response.status_code == 200
    assert INDEX not in response.content.decode()
    assert client.get(INDEX).status_code == 403


@pytest.mark.parametrize("user_fixture", ["editor", "moderator"])
def test_other_admin_users_do_not_see_the_menu_item(client, request, user_fixture):
    client.force_login(request.getfixturevalue(user_fixture))

    response = client.get("/admin/")

    assert response.status_code == 200
    assert INDEX not in response.content.decode()


def test_anonymous_visitors_are_sent_to_the_login_page(client, report):
    for name, url in urls(report).items():
        response = client.get(url)
        assert response.status_code == 302, name
        assert response["Location"].startswith("/admin/login/"), name


def test_staff_without_admin_access_cannot_get_in(client, django_user_model, report):
    client.force_login(django_user_model.objects.create_user("staff", password="password", is_staff=True))

    for name, url in urls(report).items():
        assert client.get(url).status_code in (302, 403), name
    assert client.post(urls(report)["delete"]).status_code in (302, 403)
    assert Report.objects.exists()


def test_deleting_the_page_keeps_its_reports(report):
    report.page.delete()
    report.refresh_from_db()

    assert report.page is None
    assert home_page() is not None


def test_the_old_export_address_leads_to_the_export(client, safeguarding_lead, report):
    client.force_login(safeguarding_lead)

    response = client.get("/admin/concern-reports/export/")

    assert response.status_code == 302
    assert response["Location"] == EXPORT


def test_the_export_also_comes_as_xlsx_without_formulas(client, safeguarding_lead, report):
    from openpyxl import load_workbook

    client.force_login(safeguarding_lead)

    response = client.get(INDEX + "?export=xlsx")

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    row = [cell.value for cell in next(sheet.iter_rows(min_row=2, max_row=2))]
    assert row[2] == "Workers sleep in the packing shed."
    assert row[3] == '=HYPERLINK("http://evil.example")'
    assert sheet.cell(row=2, column=4).data_type == "s"


def test_viewers_without_the_export_permission_get_no_export(client, django_user_model, report):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("reader", password="password")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="view_report")
    )
    client.force_login(user)

    listing = client.get(INDEX)

    assert listing.status_code == 200
    assert "export=" not in listing.content.decode()
    assert client.get(EXPORT).status_code == 403
    assert client.get(INDEX + "?export=xlsx").status_code == 403
