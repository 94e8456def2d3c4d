"""HTTP behaviour: read-only, CORS, caching, JSON errors for every kind of bad input."""

from django.test import RequestFactory, override_settings

from home.page_cache import content_version, page_etag
from tests.api.content import API, APITestCase

ENDPOINTS = [
    "/pages/",
    "/images/",
    "/documents/",
    "/helplines/",
    "/advice-topics/",
    "/service-categories/",
    "/areas/",
    "/languages/",
    "/organisations/",
]


class ReadOnlyTests(APITestCase):
    def test_every_endpoint_answers_anonymously(self):
        for path in ENDPOINTS:
            with self.subTest(path):
                self.get(path)

    def test_writes_are_not_allowed(self):
        for path in [*ENDPOINTS, f"/pages/{self.s.advice.pk}/", "/openapi.json"]:
            for method in ("post", "put", "patch", "delete"):
                with self.subTest(path=path, method=method):
                    response = getattr(self.client, method)(f"{API}{path}", data={}, content_type="application/json")
                    self.assertEqual(response.status_code, 405)

    def test_405_is_json_and_says_what_is_allowed(self):
        response = self.client.post(f"{API}/pages/")
        self.assertEqual(response.json(), {"message": 'Method "POST" not allowed.'})
        self.assertEqual(response["Allow"], "GET, HEAD, OPTIONS")

    def test_json_whatever_the_client_accepts(self):
        for accept in ("text/html", "application/xml", "*/*"):
            with self.subTest(accept):
                response = self.client.get(f"{API}/helplines/", headers={"Accept": accept})
                self.assertEqual((response.status_code, response["Content-Type"]), (200, "application/json"))
        self.assertEqual(self.client.get(f"{API}/helplines/", {"format": "api"}).status_code, 200)

    def test_head_and_options(self):
        self.assertEqual(self.client.head(f"{API}/pages/").status_code, 200)
        self.assertEqual(self.client.options(f"{API}/pages/").status_code, 200)


class NotFoundTests(APITestCase):
    def test_unknown_urls_under_api_are_json_404s_not_redirects(self):
        for path in (
            "/api/v2/nothing/",
            "/api/v2/pages/abc/",
            "/api/v2/pages",
            "/api/",
            "/api/v1/pages/",
            "/api/v2/reports/",
        ):
            with self.subTest(path):
                response = self.client.get(path)
                self.assertEqual(response.status_code, 404)
                self.assertEqual(response["Content-Type"], "application/json")
                self.assertIn("message", response.json())

    def test_unknown_ids_are_json_404s(self):
        for path in ("/pages/999999/", "/helplines/999999/", "/images/999999/", "/pages/99999999999999999999999/"):
            with self.subTest(path):
                self.get(path, expect=404)

    def test_json_responses_carry_the_strict_content_security_policy(self):
        response = self.client.get(f"{API}/pages/")
        self.assertIn("default-src 'self'", response["Content-Security-Policy"])


class BadInputTests(APITestCase):
    BAD = [
        ("/pages/", {"fields": "no_such_field"}),
        ("/pages/", {"fields": "title("}),
        ("/pages/", {"fields": "body"}),  # body needs ?type=
        ("/pages/", {"no_such_filter": "1"}),
        ("/pages/", {"locale": "xx"}),
        ("/pages/", {"limit": "-1"}),
        ("/pages/", {"limit": "101"}),
        ("/pages/", {"limit": "99999999999999999999"}),
        ("/pages/", {"limit": "ten"}),
        ("/pages/", {"offset": "-5"}),
        ("/pages/", {"offset": "99999999999999999999"}),
        ("/pages/", {"offset": "1e3"}),
        ("/pages/", {"order": "no_such_field"}),
        ("/pages/", {"order": "title,"}),
        ("/pages/", {"type": "directory.ServicePage", "order": "categories"}),
        ("/pages/", {"type": "no.Such"}),
        ("/pages/", {"type": "reports.Report"}),
        ("/pages/", {"type": "wagtailimages.Image"}),
        ("/pages/", {"type": "directory.ServicePage", "last_verified": "yesterday"}),
        ("/pages/", {"type": "directory.ServicePage", "latitude": "NaN"}),
        ("/pages/", {"type": "directory.ServicePage", "latitude": "1e400"}),
        ("/pages/", {"type": "directory.ServicePage", "status": "closed-forever"}),
        ("/pages/", {"type": "directory.ServicePage", "organisation": "abc"}),
        ("/pages/", {"type": "directory.ServicePage", "categories": "abc"}),
        ("/pages/", {"type": "directory.ServicePage", "opening_hours": "1"}),
        ("/pages/", {"type": "advice.AdvicePage", "body": "[]"}),
        ("/pages/", {"type": "advice.AdvicePage", "topic": "no-such-topic"}),
        ("/pages/", {"id": "abc"}),
        ("/pages/", {"id": "99999999999999999999999999"}),
        ("/pages/", {"show_in_menus": "maybe"}),
        ("/pages/", {"first_published_at": "not-a-date"}),
        ("/pages/", {"child_of": "abc"}),
        ("/pages/", {"child_of": "-1"}),
        ("/pages/", {"child_of": "99999999999999999999"}),
        ("/pages/", {"descendant_of": "999999"}),
        ("/pages/", {"ancestor_of": "x"}),
        ("/pages/", {"translation_of": "x"}),
        ("/pages/", {"site": "nowhere.example"}),
        ("/pages/", {"search": "x", "search_operator": "xor"}),
        ("/pages/", {"title": "nul\x00byte"}),
        ("/pages/", {"search": "nul\x00byte"}),
        ("/pages/find/", {"id": "abc"}),
        ("/pages/find/", {"html_path": "/en/\x00/"}),
        ("/helplines/", {"locale": "xx"}),
        ("/helplines/", {"is_featured": "perhaps"}),
        ("/helplines/", {"search": "x"}),
        ("/images/", {"width": "wide"}),
        ("/images/", {"limit": "1000"}),
    ]

    def test_bad_input_is_a_json_4xx(self):
        for path, params in self.BAD:
            with self.subTest(path=path, **params):
                response = self.client.get(f"{API}{path}", params)
                self.assertIn(response.status_code, (400, 404), response.content[:300])
                self.assertEqual(response["Content-Type"], "application/json")
                self.assertIsInstance(response.json()["message"], str)

    def test_the_highest_limit_and_offset_are_fine(self):
        self.assertEqual(self.get("/pages/", limit=100, offset=100_000)["items"], [])


class CORSTests(APITestCase):
    @override_settings(CORS_ALLOWED_ORIGINS=["https://app.example.org"])
    def test_allowed_origin_gets_cors_headers(self):
        response = self.client.get(f"{API}/pages/", headers={"Origin": "https://app.example.org"})
        self.assertEqual(response["Access-Control-Allow-Origin"], "https://app.example.org")

    @override_settings(CORS_ALLOWED_ORIGINS=["https://app.example.org"])
    def test_other_origins_get_none(self):
        response = self.client.get(f"{API}/pages/", headers={"Origin": "https://evil.example"})
        self.assertNotIn("Access-Control-Allow-Origin", response)

    @override_settings(CORS_ALLOWED_ORIGINS=["https://app.example.org"])
    def test_preflight_allows_reads_only(self):
        response = self.client.options(
            f"{API}/pages/",
            headers={"Origin": "https://app.example.org", "Access-Control-Request-Method": "GET"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Access-Control-Allow-Methods"], "GET, HEAD, OPTIONS")

    @override_settings(CORS_ALLOW_ALL_ORIGINS=True)
    def test_any_origin_when_configured(self):
        response = self.client.get(f"{API}/helplines/", headers={"Origin": "https://anyone.example"})
        self.assertEqual(response["Access-Control-Allow-Origin"], "*")

    @override_settings(CORS_ALLOW_ALL_ORIGINS=True)
    def test_only_the_api_has_cors_headers(self):
        response = self.client.get("/en/", headers={"Origin": "https://anyone.example"})
        self.assertNotIn("Access-Control-Allow-Origin", response)


class CachingTests(APITestCase):
    def test_responses_are_publicly_cacheable_with_an_etag(self):
        for path in (*ENDPOINTS, f"/pages/{self.s.advice.pk}/", "/openapi.json"):
            with self.subTest(path):
                response = self.client.get(f"{API}{path}")
                self.assertEqual(response["Cache-Control"], "public, max-age=300")
                self.assertRegex(response["ETag"], r'^W/"[0-9]+-[0-9a-f]{16}"$')
                self.assertNotIn("Cookie", response.get("Vary", ""))

    def test_a_conditional_request_gets_a_304(self):
        url = f"{API}/pages/{self.s.advice.pk}/"
        etag = self.client.get(url)["ETag"]
        response = self.client.get(url, headers={"If-None-Match": etag})
        self.assertEqual(response.status_code, 304)
        self.assertEqual(response.content, b"")
        self.assertEqual(response["ETag"], etag)
        self.assertEqual(response["Cache-Control"], "public, max-age=300")

    def test_a_changed_page_gets_a_new_etag(self):
        url = f"{API}/pages/{self.s.advice.pk}/"
        etag = self.client.get(url)["ETag"]
        self.s.advice.title = "Signs of exploitation at work"
        with self.captureOnCommitCallbacks(execute=True):  # the content version moves on at commit
            self.s.advice.save_revision().publish()
        response = self.client.get(url, headers={"If-None-Match": etag})
        self.assertEqual(response.status_code, 200)
        self.assertNotEqual(response["ETag"], etag)

    def test_a_revalidation_runs_no_query(self):
        url = f"{API}/pages/?type=advice.AdvicePage&fields=*"
        etag = self.client.get(url)["ETag"]
        with self.assertNumQueries(0):
            response = self.client.get(url, headers={"If-None-Match": etag})
        self.assertEqual(response.status_code, 304)

    def test_head_gets_the_same_etag_as_get(self):
        url = f"{API}/pages/{self.s.advice.pk}/"
        self.assertEqual(self.client.head(url)["ETag"], self.client.get(url)["ETag"])

    def test_a_preview_is_never_answered_with_a_304(self):
        url = f"{API}/page_preview/?content_type=advice.advicepage&token=nonsense"
        etag = page_etag(RequestFactory().get(url), content_version())  # what a public URL would get
        response = self.client.get(url, headers={"If-None-Match": etag})
        self.assertNotEqual(response.status_code, 304)
        self.assertNotIn("ETag", response)

    def test_if_none_match_any_is_left_to_the_view(self):
        response = self.client.get(f"{API}/pages/999999/", headers={"If-None-Match": "*"})
        self.assertEqual(response.status_code, 404)

    def test_errors_are_not_marked_cacheable(self):
        response = self.client.get(f"{API}/pages/", {"limit": "-1"})
        self.assertNotIn("public", response.get("Cache-Control", ""))
