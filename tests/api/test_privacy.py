"""Drafts, unpublished translations, private pages and reports never appear."""

import json

from django.apps import apps
from wagtail.models import Page, get_page_models

from nasn.api import api_router
from tests.api.content import APITestCase
from tests.factories import StandardPageFactory


class PrivacyTests(APITestCase):
    def hidden(self):
        s = self.s
        return {
            "draft": s.draft,
            "unpublished translation": s.unpublished_pl,
            "private page": s.private,
            "page below a private page": s.private_child,
            "draft service": s.draft_service,
        }

    def test_hidden_pages_are_not_listed(self):
        ids = set(self.ids("/pages/", limit=100))
        for name, page in self.hidden().items():
            with self.subTest(name):
                self.assertNotIn(page.pk, ids)

    def test_hidden_pages_have_no_detail_view(self):
        for name, page in self.hidden().items():
            with self.subTest(name):
                self.get(f"/pages/{page.pk}/", expect=404)

    def test_hidden_pages_are_not_found_by_search(self):
        for params in ({}, {"locale": "pl"}, {"type": "advice.AdvicePage"}, {"type": "home.StandardPage"}):
            with self.subTest(**params):
                self.assertEqual(self.items("/pages/", search="secret", **params), [])
                self.assertEqual(self.items("/pages/", search="Nieopublikowane", **params), [])

    def test_hidden_pages_are_not_found_by_path_or_id(self):
        self.get("/pages/find/", expect=404, html_path="/en/partners/")
        self.get("/pages/find/", expect=404, html_path="/en/partners/minutes/")
        self.get("/pages/find/", expect=404, id=self.s.draft.pk)

    def test_hidden_pages_are_not_reachable_through_tree_filters(self):
        self.get("/pages/", expect=404, child_of=self.s.private.pk)
        self.get("/pages/", expect=404, descendant_of=self.s.private.pk)
        self.get("/pages/", expect=404, translation_of=self.s.unpublished_pl.pk)
        self.assertNotIn(self.s.unpublished_pl.pk, self.ids("/pages/", translation_of=self.s.rights_advice.pk))

    def test_links_to_hidden_pages_are_left_out(self):
        home = self.get(f"/pages/{self.s.home.pk}/")
        self.assertNotIn(self.s.draft.pk, [link["id"] for link in home["featured_advice"]])
        related = self.get(f"/pages/{self.s.advice.pk}/")["related_services"]
        self.assertNotIn(self.s.draft_service.pk, [link["id"] for link in related])

    def test_rich_text_links_to_hidden_pages_keep_only_their_text(self):
        hidden = {name: page for name, page in self.hidden().items() if name != "unpublished translation"}
        text = "".join(f'<p><a linktype="page" id="{page.pk}">hidden {name}</a></p>' for name, page in hidden.items())
        page = StandardPageFactory(parent=self.s.home, body=json.dumps([{"type": "text", "value": text}]))
        html = self.get(f"/pages/{page.pk}/")["body"][0]["value"]
        self.assertEqual(html.count("<a>"), len(hidden))
        self.assertNotIn("href", html)
        self.assertNotIn("data-page-id", html)

    def test_a_rich_text_link_to_an_unpublished_translation_leads_to_the_english_page(self):
        english = self.s.unpublished_pl.get_translation(self.s.home.locale)
        text = f'<p><a linktype="page" id="{self.s.unpublished_pl.pk}">rights</a></p>'
        page = StandardPageFactory(parent=self.s.home, body=json.dumps([{"type": "text", "value": text}]))
        html = self.get(f"/pages/{page.pk}/")["body"][0]["value"]
        self.assertEqual(html, f'<p><a href="{english.url}" data-page-id="{english.pk}">rights</a></p>')

    def test_a_password_in_the_session_does_not_unlock_private_pages(self):
        session = self.client.session
        session["wagtail-page-view-restrictions"] = [self.s.private.view_restrictions.get().pk]
        session.save()
        self.get(f"/pages/{self.s.private.pk}/", expect=404)

    def test_editors_logged_in_see_no_more_than_the_public(self):
        from django.contrib.auth import get_user_model

        self.client.force_login(get_user_model().objects.create_superuser("editor", "e@example.com", "pw"))
        self.get(f"/pages/{self.s.draft.pk}/", expect=404)
        self.get(f"/pages/{self.s.private.pk}/", expect=404)

    def test_no_secret_in_any_listing(self):
        for path in (
            "/pages/?fields=*",
            "/pages/?type=advice.AdvicePage&fields=*",
            "/pages/?type=home.HomePage&fields=*",
        ):
            with self.subTest(path=path):
                response = self.client.get(f"/api/v2{path}&limit=100")
                self.assertEqual(response.status_code, 200)
                self.assertNotIn(b"secret", response.content)
                self.assertNotIn(b"Nieopublikowane", response.content)


class ReportsTests(APITestCase):
    def test_no_endpoint_serves_a_form_submission(self):
        for name, endpoint in api_router._endpoints.items():
            with self.subTest(name):
                self.assertNotEqual(endpoint.model._meta.app_label, "reports")

    def test_no_page_field_reaches_a_form_submission(self):
        # Reports (and Wagtail form submissions) are never one of a page's api_fields.
        submission_models = {model for model in apps.get_models() if model._meta.app_label == "reports"}
        submission_models -= set(get_page_models())
        submission_models |= {apps.get_model("wagtailforms", "FormSubmission")}
        for model in get_page_models():
            for api_field in getattr(model, "api_fields", []):
                name = getattr(api_field, "name", api_field)
                field = model._meta.get_field(name) if name in {f.name for f in model._meta.get_fields()} else None
                with self.subTest(model=model.__name__, field=name):
                    self.assertNotIn(getattr(field, "related_model", None), submission_models)

    def test_report_is_not_a_page_type(self):
        self.get("/pages/", expect=400, type="reports.Report")
        self.get("/reports/", expect=404)
        self.assertFalse(issubclass(apps.get_model("reports", "Report"), Page))
