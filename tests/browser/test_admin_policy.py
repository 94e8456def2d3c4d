"""The admin works under its Content-Security-Policy: an editor signs in, edits and publishes a page,
and the browser reports no violation."""

import pytest
from django.contrib.auth import get_user_model

from tests.factories import StandardPageFactory, home_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

COLLECT_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


def test_editing_and_publishing_a_page_breaks_no_rule_of_the_admin_policy(page, live_server):
    get_user_model().objects.create_superuser("editor", "editor@example.com", "a long test password")
    standard = StandardPageFactory(parent=home_page(), title="About the network")
    violations = []
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    page.add_init_script(COLLECT_VIOLATIONS)

    response = page.goto(f"{live_server.url}/admin/login/")
    assert "script-src 'self' 'unsafe-inline'" in response.headers["content-security-policy"]
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a long test password")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")

    page.goto(f"{live_server.url}/admin/pages/{standard.pk}/edit/")
    page.fill("#id_title", "About the Norfolk network")
    violations += page.evaluate("window.cspViolations")
    page.click("footer .w-dropdown__toggle")
    page.click("button[name=action-publish]")
    page.wait_for_url(f"{live_server.url}/admin/pages/{home_page().pk}/")
    violations += page.evaluate("window.cspViolations")

    standard.refresh_from_db()
    assert standard.live_revision.content["title"] == "About the Norfolk network"
    assert violations == []
