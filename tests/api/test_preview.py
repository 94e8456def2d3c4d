"""Headless preview: editors preview drafts in the external front end when it is configured."""

import datetime

from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory, override_settings
from freezegun import freeze_time
from wagtail_headless_preview.models import PagePreview

from tests.api.content import APITestCase

FRONT_END = "https://front.example/preview"
HEADLESS = {"HEADLESS_PREVIEW_URL": FRONT_END, "WAGTAIL_HEADLESS_PREVIEW": {"CLIENT_URLS": {"default": FRONT_END}}}


class HeadlessPreviewTests(APITestCase):
    def preview(self, title="Signs of exploitation (draft)"):
        """What the admin does when an editor previews an unpublished change."""
        self.s.advice.title = title
        self.s.advice.save_revision()
        draft = self.s.advice.get_latest_revision_as_object()
        request = RequestFactory().get("/admin/pages/preview/")
        request.user = AnonymousUser()
        response = draft.serve_preview(request, draft.default_preview_mode)
        return response.render() if hasattr(response, "render") else response

    def test_off_when_no_front_end_is_configured(self):
        response = self.preview()
        self.assertEqual(response.status_code, 200)
        self.assertIn(b"Signs of exploitation (draft)", response.content)
        self.assertFalse(PagePreview.objects.exists())

    @override_settings(**HEADLESS)
    def test_preview_sends_the_editor_to_the_front_end_with_a_token(self):
        response = self.preview()
        preview = PagePreview.objects.get()
        self.assertIn(f"{FRONT_END}/?content_type=advice.advicepage&amp;token=", response.content.decode())
        self.assertRegex(preview.token, r"^id=\d+:")

    @override_settings(**HEADLESS)
    def test_the_front_end_fetches_the_draft_with_the_token(self):
        self.preview()
        token = PagePreview.objects.get().token
        response = self.client.get("/api/v2/page_preview/", {"content_type": "advice.advicepage", "token": token})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Cache-Control"], "private, no-store")
        page = response.json()
        self.assertEqual(page["title"], "Signs of exploitation (draft)")
        self.assertEqual(page["meta"]["type"], "advice.AdvicePage")
        self.assertEqual([topic["slug"] for topic in page["topics"]], ["spot-the-signs"])
        # The live page is unchanged.
        self.assertEqual(self.get(f"/pages/{self.s.advice.pk}/")["title"], "Signs of labour exploitation")

    @override_settings(**HEADLESS)
    def test_a_wrong_or_expired_token_is_a_404(self):
        self.preview()
        token = PagePreview.objects.get().token
        for params in (
            {"content_type": "advice.advicepage", "token": token + "x"},
            {"content_type": "news.newspage", "token": token},
            {"content_type": "advice", "token": token},
            {"content_type": "advice.advicepage"},
            {"token": token},
            {},
        ):
            with self.subTest(**params):
                self.get("/page_preview/", expect=404, **params)
        with freeze_time(datetime.datetime.now() + datetime.timedelta(hours=2)):
            self.get("/page_preview/", expect=404, content_type="advice.advicepage", token=token)

    def test_an_unsigned_token_is_a_404(self):
        self.get("/page_preview/", expect=404, content_type="advice.advicepage", token=f"id={self.s.advice.pk}")
